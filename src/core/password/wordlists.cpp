#include "core/password/wordlists.hpp"

#include <cstddef>

#include "core/password/generated/wordlists.inc"

namespace sesame::password::data {

Words::Words() : blob_(generated::kWords) {
    const std::size_t total = sizeof(generated::kWords) - 1;
    off_.reserve(generated::kWordCount);
    len_.reserve(generated::kWordCount);
    std::size_t i = 0;
    while (i < total) {
        const std::size_t start = i;
        while (i < total && static_cast<unsigned char>(blob_[i]) >= 0x20) ++i;
        off_.push_back(static_cast<std::uint32_t>(start));
        len_.push_back(static_cast<std::uint8_t>(i - start));
        i += 4;  // dictionary id + 3 rank bytes
    }
    // first_[b] = index of the first word whose first byte is >= b.
    std::size_t k = 0;
    for (std::size_t b = 0; b <= 256; ++b) {
        while (k < off_.size() && static_cast<unsigned char>(blob_[off_[k]]) < b) ++k;
        first_[b] = k;
    }
    // second_[k]: first word of length >= 2 whose first two bytes, as a big-endian number, are >= k
    // (one-byte words are skipped: the caller reports them through first_).
    second_.assign(65537, 0);
    std::size_t w = 0;
    auto key2 = [&](std::size_t i) -> std::size_t {
        const auto *p = reinterpret_cast<const unsigned char *>(blob_ + off_[i]);
        return len_[i] >= 2 ? (std::size_t(p[0]) << 8 | p[1]) : (std::size_t(p[0]) << 8);
    };
    for (std::size_t key = 0; key <= 65536; ++key) {
        while (w < off_.size() && (key2(w) < key || (key2(w) == key && len_[w] < 2))) ++w;
        second_[key] = static_cast<std::uint32_t>(w);
    }
}

const Words &Words::get() {
    static const Words w;
    return w;
}

const char *Words::source_versions() noexcept { return generated::kSourceVersions; }

WordEntry Words::entry(std::size_t k) const noexcept {
    const auto *p = reinterpret_cast<const unsigned char *>(blob_ + off_[k] + len_[k]);
    const std::uint32_t rank = (std::uint32_t(p[1] - 0x40) << 12) | (std::uint32_t(p[2] - 0x40) << 6) | std::uint32_t(p[3] - 0x40);
    return {static_cast<Dict>(p[0]), rank};
}

const char32_t *Graph::row(char32_t cp) const noexcept {
    const std::size_t w = row_size();
    if (cp < 256) return index[cp] < 0 ? nullptr : rows + std::size_t(index[cp]) * w;
    for (std::size_t k = 0; k < keys; ++k)
        if (rows[k * w] == cp) return rows + k * w;
    return nullptr;
}

namespace {
Graph make_graph(const char *name, const char32_t *rows, std::size_t keys, std::size_t slots, bool keypad) {
    Graph g{name, rows, keys, slots, keypad, 0.0, {}, {}};
    for (auto &x : g.index) x = -1;
    for (std::size_t k = 0; k < keys; ++k)
        if (rows[k * g.row_size()] < 256) g.index[rows[k * g.row_size()]] = static_cast<std::int16_t>(k);
    for (std::size_t k = 0; k < keys; ++k)
        for (std::size_t s = 0; s < slots; ++s) {
            const char32_t b = rows[k * g.row_size() + 2 + 2 * s];
            if (b != 0 && b < 256) g.shifted[b] = 1;
        }
    std::size_t used = 0;
    for (std::size_t k = 0; k < keys; ++k)
        for (std::size_t s = 0; s < slots; ++s) used += rows[k * g.row_size() + 1 + 2 * s] != 0 ? 1 : 0;
    g.average_degree = keys ? double(used) / double(keys) : 0.0;
    return g;
}
}  // namespace

const std::vector<Graph> &graphs() {
    static const std::vector<Graph> g = {
        make_graph("qwerty", generated::kQwerty, generated::kQwertyKeys, generated::kQwertySlots, false),
        make_graph("azerty", generated::kAzerty, generated::kAzertyKeys, generated::kAzertySlots, false),
        make_graph("keypad", generated::kKeypad, generated::kKeypadKeys, generated::kKeypadSlots, true),
    };
    return g;
}

}  // namespace sesame::password::data
