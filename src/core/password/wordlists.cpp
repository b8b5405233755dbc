#include "core/password/wordlists.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/password/generated/wordlists.inc"

namespace sesame::password::data {

Words::Words() {
    const char *blob = generated::kWords;
    const std::size_t total = sizeof(generated::kWords) - 1;
    // Index the blob: word offset and length, dictionary id, rank.
    std::vector<std::uint32_t> off;
    std::vector<std::uint8_t> len, dict;
    std::vector<std::uint32_t> rank;
    off.reserve(generated::kWordCount);
    len.reserve(generated::kWordCount);
    dict.reserve(generated::kWordCount);
    rank.reserve(generated::kWordCount);
    std::size_t i = 0;
    while (i < total) {
        const std::size_t start = i;
        while (i < total && static_cast<unsigned char>(blob[i]) >= 0x20) ++i;
        if (i + 4 > total) break;
        const auto *p = reinterpret_cast<const unsigned char *>(blob + i);
        off.push_back(static_cast<std::uint32_t>(start));
        len.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(i - start, 255)));
        dict.push_back(p[0]);
        rank.push_back((std::uint32_t(p[1] - 0x40) << 12) | (std::uint32_t(p[2] - 0x40) << 6) | std::uint32_t(p[3] - 0x40));
        i += 4;
    }
    words_ = off.size();
    auto byte_at = [&](std::size_t w, std::size_t d) { return static_cast<unsigned char>(blob[off[w] + d]); };
    // Breadth-first build: all children of a node are appended at once, hence contiguous.
    struct Item {
        std::uint32_t node, lo, hi, d;
    };
    std::vector<Item> queue;
    // (shrink the reservations once built)
    queue.reserve(words_);
    const std::size_t estimate = words_ * 4;
    byte_.reserve(estimate);
    node_.reserve(estimate);
    auto new_node = [&](unsigned char b) {
        byte_.push_back(b);
        node_.push_back(Node{0, -1.0f, 0, 0});
        return static_cast<std::uint32_t>(byte_.size() - 1);
    };
    for (auto &r : root_) r = kNone;
    for (std::size_t w = 0; w < words_;) {
        const unsigned char b = byte_at(w, 0);
        std::size_t e = w;
        while (e < words_ && byte_at(e, 0) == b) ++e;
        const std::uint32_t n = new_node(b);
        root_[b] = n;
        queue.push_back({n, static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(e), 1});
        w = e;
    }
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const Item it = queue[q];
        std::uint32_t lo = it.lo;
        if (len[lo] == it.d) {  // the word equal to the prefix sorts first
            node_[it.node].lg = std::log10(static_cast<float>(std::max<std::uint32_t>(rank[lo], 1)));
            node_[it.node].dict = dict[lo];
            ++lo;
        }
        node_[it.node].first = static_cast<std::uint32_t>(byte_.size());
        std::uint16_t count = 0;
        for (std::uint32_t w = lo; w < it.hi;) {
            const unsigned char b = byte_at(w, it.d);
            std::uint32_t e = w;
            while (e < it.hi && byte_at(e, it.d) == b) ++e;
            const std::uint32_t n = new_node(b);
            ++count;
            if (it.d + 1 <= kMaxWordBytes) queue.push_back({n, w, e, it.d + 1});
            w = e;
        }
        node_[it.node].nchild = count;
    }
    byte_.shrink_to_fit();
    node_.shrink_to_fit();
}

const Words &Words::get() {
    static const Words w;
    return w;
}

const char *Words::source_versions() noexcept { return generated::kSourceVersions; }

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
