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

Result<std::uint32_t> InProcessFailureCounter::failures(std::string_view key, UnixMillis now) {
    Shard &s = shard(key);
    std::lock_guard<std::mutex> lock(s.mu);
    auto it = s.map.find(std::string(key));
    if (it == s.map.end()) return std::uint32_t{0};
    prune(it->second, now);
    const auto n = static_cast<std::uint32_t>(it->second.size());
    if (n == 0) s.map.erase(it);
    return n;
}

Status InProcessFailureCounter::record_failure(std::string_view key, UnixMillis now) {
    Shard &s = shard(key);
    std::lock_guard<std::mutex> lock(s.mu);
    if (++s.ops % 1024 == 0 || s.map.size() >= max_keys_per_shard_) sweep(s, now);
    auto it = s.map.find(std::string(key));
    if (it == s.map.end()) {
        if (s.map.size() >= max_keys_per_shard_) return Error(Code::store_full, "wrong-birth-date counter is full");
        it = s.map.emplace(std::string(key), std::deque<UnixMillis>{}).first;
    }
    prune(it->second, now);
    it->second.push_back(now);
    // Only the newest max_failures timestamps matter for the cap.
    while (it->second.size() > (max_failures_ == 0 ? 1u : max_failures_)) it->second.pop_front();
    return Status::Ok();
}

}  // namespace sesame::identity
