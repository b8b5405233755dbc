#include "core/identity/counter.hpp"

#include "core/identity/directory.hpp"

namespace sesame::identity {

InProcessFailureCounter::InProcessFailureCounter(std::uint32_t max_failures, std::int64_t window_ms, std::size_t max_keys)
    : max_failures_(max_failures), window_ms_(window_ms), max_keys_per_shard_(max_keys / 16 + 1) {}

InProcessFailureCounter::Shard &InProcessFailureCounter::shard(std::string_view key) {
    return shards_[key_hash(key) & 15u];
}

void InProcessFailureCounter::prune(std::deque<UnixMillis> &q, UnixMillis now) const {
    while (!q.empty() && q.front() <= now - window_ms_) q.pop_front();
}

void InProcessFailureCounter::sweep(Shard &s, UnixMillis now) {
    for (auto it = s.map.begin(); it != s.map.end();) {
        prune(it->second, now);
        it = it->second.empty() ? s.map.erase(it) : std::next(it);
    }
}

Result<bool> InProcessFailureCounter::attempt(std::string_view key, UnixMillis now, bool failed) {
    Shard &s = shard(key);
    std::lock_guard<std::mutex> lock(s.mu);
    if (++s.ops % 1024 == 0 || s.map.size() >= max_keys_per_shard_) sweep(s, now);
    auto it = s.map.find(std::string(key));
    if (it != s.map.end()) {
        prune(it->second, now);
        if (it->second.size() >= max_failures_) return false;
    }
    if (!failed) return true;
    if (it == s.map.end()) {
        if (s.map.size() >= max_keys_per_shard_) return Error(Code::store_full, "wrong-birth-date counter is full");
        it = s.map.emplace(std::string(key), std::deque<UnixMillis>{}).first;
    }
    it->second.push_back(now);
    return true;
}

}  // namespace sesame::identity
