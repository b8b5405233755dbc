#include "core/password/wordlists.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>

#include "core/password/generated/wordlists.inc"

namespace sesame::password::data {

Words::Words() {
    const char *blob = generated::kWords;
    const std::size_t total = sizeof(generated::kWords) - 1;
    // Index the blob: word offset and length, dictionary id, log10(rank).
    std::vector<std::uint32_t> off;
    std::vector<std::uint8_t> len, dict;
    std::vector<float> lg;
    off.reserve(generated::kWordCount);
    len.reserve(generated::kWordCount);
    dict.reserve(generated::kWordCount);
    lg.reserve(generated::kWordCount);
    std::size_t i = 0;
    while (i < total) {
        const std::size_t start = i;
        while (i < total && static_cast<unsigned char>(blob[i]) >= 0x20) ++i;
        if (i + 4 > total) break;
        const auto *p = reinterpret_cast<const unsigned char *>(blob + i);
        const std::size_t bytes = i - start;
        const std::uint32_t rank = (std::uint32_t(p[1] - 0x40) << 12) | (std::uint32_t(p[2] - 0x40) << 6) | std::uint32_t(p[3] - 0x40);
        const float lg_rank = std::log10(static_cast<float>(std::max<std::uint32_t>(rank, 1)));
        ++words_;
        i += 4;
        // A word whose rank costs more guesses than bruteforcing its bytes is never used: the
        // meter drops a pattern costlier than its span (Matches::add in meter/analysis.hpp; a span has at most as
        // many code points as bytes). Left out, it costs no walk time (5,400 short words).
        if (double(lg_rank) > double(bytes)) continue;
        off.push_back(static_cast<std::uint32_t>(start));
        len.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(bytes, 255)));
        dict.push_back(p[0]);
        lg.push_back(lg_rank);
    }
    const std::size_t indexed = off.size();
    auto byte_at = [&](std::size_t w, std::size_t d) { return static_cast<unsigned char>(blob[off[w] + d]); };
    bool used[256] = {};
    for (std::size_t w = 0; w < indexed; ++w)
        for (std::size_t d = 0; d < len[w]; ++d) used[byte_at(w, d)] = true;
    std::size_t classes = 0;
    for (std::size_t b = 0; b < 256; ++b) class_[b] = used[b] ? static_cast<std::uint8_t>(classes++) : kNoClass;
    // The generator asserts it (a children set is 64 bits); a blob breaking it is a build bug.
    if (classes > kNoClass) throw std::logic_error("password word index: more than 63 distinct bytes");
    node_.reserve(indexed * 3);
    node_.push_back(Node{0, 0, 0.0f});
    // Depth first: a node's children block is appended just before its first child's own block.
    // Dictionary ids are 1..7 and the nodes far fewer than 2^28: both fit first_dict.
    auto fill = [&](auto &self, std::uint32_t node, std::uint32_t lo, std::uint32_t hi, std::uint32_t d) -> void {
        if (len[lo] == d) {  // the word equal to the prefix sorts first
            node_[node].first_dict = std::uint32_t(dict[lo]) << kDictShift;
            node_[node].lg = lg[lo];
            ++lo;
        }
        if (lo == hi || d + 1 > kMaxWordBytes) return;
        const auto first = static_cast<std::uint32_t>(node_.size());
        std::uint64_t children = 0;
        for (std::uint32_t w = lo; w < hi;) {
            const unsigned char b = byte_at(w, d);
            while (w < hi && byte_at(w, d) == b) ++w;
            children |= std::uint64_t(1) << class_[b];
            node_.push_back(Node{0, 0, 0.0f});
        }
        node_[node].children = children;
        node_[node].first_dict |= first;
        for (std::uint32_t k = first, w = lo; w < hi; ++k) {
            std::uint32_t e = w;
            while (e < hi && byte_at(e, d) == byte_at(w, d)) ++e;
            self(self, k, w, e, d + 1);
            w = e;
        }
    };
    if (indexed > 0) fill(fill, 0, 0, static_cast<std::uint32_t>(indexed), 0);
    node_.shrink_to_fit();
    auto child_or_0 = [&](std::uint32_t node, unsigned c) -> std::uint32_t {  // 0: none (the root is nobody's child)
        return (node_[node].children >> c & 1) == 0 ? 0 : child(node_[node], c);
    };
    no_short_words_ = true;
    down2_.assign(64 * 64, Node{0, 0, 0.0f});  // a node has children or a word: never all zero
    for (unsigned c0 = 0; c0 < 64; ++c0) {
        const std::uint32_t n1 = child_or_0(0, c0);
        if (n1 == 0) continue;
        if (node_[n1].first_dict >> kDictShift != 0) no_short_words_ = false;
        for (unsigned c1 = 0; c1 < 64; ++c1)
            if (const std::uint32_t n2 = child_or_0(n1, c1); n2 != 0) down2_[c0 * 64 + c1] = node_[n2];
    }
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

std::uint8_t Graph::step_from_row(const char32_t *r, char32_t next) const noexcept {
    if (r == nullptr) return 0;
    for (std::size_t s = 0; s < slots; ++s) {
        const char32_t a = r[1 + 2 * s], b = r[2 + 2 * s];
        if (a == 0) continue;
        const bool is_shifted_member = b != 0 && next == b;
        if (next == a || is_shifted_member) return static_cast<std::uint8_t>((s + 1) | (is_shifted_member ? kShiftedStep : 0));
    }
    return 0;
}

namespace {
Graph make_graph(const char *name, const char32_t *rows, std::size_t keys, std::size_t slots, bool keypad) {
    Graph g{name, rows, keys, slots, keypad, 0.0, {}, {}, {}};
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
    for (std::size_t t = 0; t < g.degree_pow.size(); ++t) g.degree_pow[t] = std::pow(g.average_degree, double(t));
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

Moves::Moves() {
    const auto &gs = graphs();
    static_assert(sizeof(std::uint32_t) >= 3, "a byte per graph");
    if (gs.size() > sizeof(std::uint32_t)) throw std::logic_error("password key moves: more than 4 graphs");
    std::size_t rows = 1;
    for (auto &r : row_) r = 0;
    for (auto &c : col_) c = 0;
    for (const Graph &g : gs)
        for (std::size_t k = 0; k < g.keys; ++k) {
            const char32_t *row = g.rows + k * g.row_size();
            if (row[0] < 256 && row_[row[0]] == 0) row_[row[0]] = static_cast<std::uint8_t>(rows++);
            for (std::size_t s = 1; s < g.row_size(); ++s)
                if (row[s] != 0 && row[s] < 256 && col_[row[s]] == 0) col_[row[s]] = static_cast<std::uint8_t>(cols_++);
        }
    // Row 0 and column 0 stand for code points no graph has there: all zero.
    table_.assign(rows * cols_, 0);
    for (std::size_t a = 0; a < 256; ++a)
        for (std::size_t b = 0; b < 256; ++b)
            if (row_[a] != 0 && col_[b] != 0) table_[row_[a] * cols_ + col_[b]] = slow(char32_t(a), char32_t(b));
}

std::uint32_t Moves::slow(char32_t prev, char32_t next) const noexcept {
    const auto &gs = graphs();
    std::uint32_t m = 0;
    for (std::size_t g = 0; g < gs.size(); ++g) m |= std::uint32_t(gs[g].step_from_row(gs[g].row(prev), next)) << (8 * g);
    return m;
}

unsigned Moves::steps(const char32_t *cps, std::size_t n, std::uint32_t *out) const noexcept {
    // Locals: a store through out may alias any field, which the loop would read again each time.
    const std::uint32_t *table = table_.data();
    const std::size_t cols = cols_;
    std::uint32_t two = 0, last = 0;
    if (n > 0) out[0] = 0;
    for (std::size_t k = 1; k < n; ++k) {
        const char32_t a = cps[k - 1], b = cps[k];
        const std::uint32_t m = a < 256 && b < 256 ? table[row_[a] * cols + col_[b]] : slow(a, b);
        out[k] = m;
        // Per graph byte: 0x80 when the move is not 0.
        const std::uint32_t nz = (((m & 0x7F7F7F7Fu) + 0x7F7F7F7Fu) | m) & 0x80808080u;
        two |= nz & last;
        last = nz;
    }
    unsigned graphs = 0;
    for (unsigned g = 0; g < 4; ++g) graphs |= (two >> (8 * g + 7) & 1u) << g;
    return graphs;
}

const Moves &Moves::get() {
    static const Moves m;
    return m;
}

}  // namespace sesame::password::data
