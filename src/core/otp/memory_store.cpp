#include "core/otp/memory_store.hpp"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "core/common/secret_bytes.hpp"

namespace sesame::otp {

// ---- EventTimes ------------------------------------------------------------------------------

EventTimes::~EventTimes() {
    if (cap_ > 1) delete[] heap_;
}

EventTimes::EventTimes(EventTimes &&o) noexcept : n_(o.n_), cap_(o.cap_) {
    if (cap_ > 1) {
        heap_ = o.heap_;
    } else {
        one_ = o.one_;
    }
    o.n_ = 0;
    o.cap_ = 0;
}

EventTimes &EventTimes::operator=(EventTimes &&o) noexcept {
    if (this != &o) {
        if (cap_ > 1) delete[] heap_;
        n_ = o.n_;
        cap_ = o.cap_;
        if (cap_ > 1) {
            heap_ = o.heap_;
        } else {
            one_ = o.one_;
        }
        o.n_ = 0;
        o.cap_ = 0;
    }
    return *this;
}

std::size_t EventTimes::count_in_window(UnixMillis now) const noexcept {
    std::size_t c = 0;
    for (std::size_t i = 0; i < n_; ++i) {
        const std::int64_t t = at(i);
        if (t > now || now - t < kWindowMs) ++c;
    }
    return c;
}

bool EventTimes::all_older_than_window(UnixMillis now) const noexcept {
    for (std::size_t i = 0; i < n_; ++i) {
        const std::int64_t t = at(i);
        if (t > now || now - t < kWindowMs) return false;
    }
    return true;
}

void EventTimes::add(std::int64_t t, std::size_t limit) {
    if (limit == 0) limit = 1;
    if (limit > 0xFFFF) limit = 0xFFFF;
    if (n_ == 0) {
        if (cap_ > 1) {
            heap_[0] = t;
        } else {
            cap_ = 1;
            one_ = t;
        }
        n_ = 1;
        return;
    }
    if (cap_ > 1 && n_ > limit) {  // the limit went down: drop the smallest values
        const std::size_t drop = n_ - limit;
        std::memmove(heap_, heap_ + drop, (n_ - drop) * sizeof(std::int64_t));
        n_ = static_cast<std::uint16_t>(limit);
    }
    if (n_ >= limit) {
        // Full: the smallest value goes if t is larger.
        if (t <= at(0)) return;
        if (cap_ <= 1) {
            one_ = t;
            return;
        }
        std::size_t i = 1;
        while (i < n_ && heap_[i] < t) {
            heap_[i - 1] = heap_[i];
            ++i;
        }
        heap_[i - 1] = t;
        return;
    }
    if (cap_ <= 1 || n_ == cap_) {
        const std::size_t new_cap = std::min<std::size_t>(std::max<std::size_t>(2, std::size_t(n_) * 2), limit);
        auto *p = new std::int64_t[new_cap];
        for (std::size_t i = 0; i < n_; ++i) p[i] = at(i);
        if (cap_ > 1) delete[] heap_;
        heap_ = p;
        cap_ = static_cast<std::uint16_t>(new_cap);
    }
    std::size_t i = n_;
    while (i > 0 && heap_[i - 1] > t) {
        heap_[i] = heap_[i - 1];
        --i;
    }
    heap_[i] = t;
    ++n_;
}

// ---- MemoryStore -----------------------------------------------------------------------------

namespace {
// Fork detection without a getpid() syscall per operation: a pthread_atfork child handler bumps a
// process-wide generation (the only mutable global of the module; registered once).
std::atomic<std::uint64_t> g_fork_generation{0};
void on_fork_child() noexcept { g_fork_generation.fetch_add(1, std::memory_order_relaxed); }
std::uint64_t fork_generation() noexcept {
    static const bool registered = [] { return ::pthread_atfork(nullptr, nullptr, on_fork_child) == 0; }();
    (void)registered;
    return g_fork_generation.load(std::memory_order_relaxed);
}
}  // namespace

bool MemoryStore::Key16::operator==(const Key16 &o) const noexcept {
    std::uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, b.data(), 8);
    std::memcpy(&a1, b.data() + 8, 8);
    std::memcpy(&b0, o.b.data(), 8);
    std::memcpy(&b1, o.b.data() + 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

std::size_t MemoryStore::KeyHash::operator()(const Key16 &k) const noexcept {
    std::uint64_t h;
    std::memcpy(&h, k.b.data(), sizeof h);  // a keyed hash already: uniform
    return static_cast<std::size_t>(h);
}

bool MemoryStore::Record::dead(UnixMillis now) const noexcept {
    const bool challenge_dead = state == State::none || (now >= expires_at && now >= issued_at);
    return challenge_dead && sends.all_older_than_window(now) && failures.all_older_than_window(now);
}

MemoryStore::MemoryStore(const MemoryStoreOptions &opts)
    : opts_(opts), fork_generation_(fork_generation()), shards_(new Shard[kShards]) {}

MemoryStore::~MemoryStore() {
    if (!shards_) return;
    for (std::size_t i = 0; i < kShards; ++i) {
        for (auto &[k, r] : shards_[i].map) secure_wipe(r.hash.data(), r.hash.size());
    }
}

bool MemoryStore::forked() const noexcept { return fork_generation() != fork_generation_; }

MemoryStore::Shard &MemoryStore::shard_of(const Key16 &k) noexcept { return shards_[k.b[15] % kShards]; }

std::size_t MemoryStore::sweep_shard(Shard &s, UnixMillis now) {
    std::size_t dropped = 0;
    for (auto it = s.map.begin(); it != s.map.end();) {
        if (it->second.dead(now)) {
            secure_wipe(it->second.hash.data(), it->second.hash.size());
            it = s.map.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
    s.inserts_since_sweep = 0;
    if (dropped != 0) count_.fetch_sub(dropped, std::memory_order_relaxed);
    return dropped;
}

std::size_t MemoryStore::sweep(UnixMillis now) {
    if (forked()) return 0;
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < kShards; ++i) {
        std::lock_guard<std::mutex> lock(shards_[i].mu);
        dropped += sweep_shard(shards_[i], now);
    }
    return dropped;
}

namespace {
MemoryStore::Key16 key16(const StoreKey &key) noexcept {
    MemoryStore::Key16 k;
    std::memcpy(k.b.data(), key.data(), k.b.size());
    return k;
}
std::int64_t saturating_add(std::int64_t a, std::int64_t b) noexcept {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
    return r;
}
}  // namespace

Status MemoryStore::issue(const StoreKey &key, const Limits &limits, UnixMillis now, std::uint32_t key_id,
                          const CodeHash &code_hash, std::int64_t *retry_after_ms) {
    if (retry_after_ms != nullptr) *retry_after_ms = 0;
    if (forked()) return Error(Code::store_unavailable, "in-process OTP store used after fork(): use a shared store");
    const Key16 k = key16(key);
    Shard &s = shard_of(k);
    std::unique_lock<std::mutex> lock(s.mu);
    auto it = s.map.find(k);
    if (it != s.map.end() && it->second.dead(now)) {
        // Lazy expiry: a record with nothing left is as good as absent. It is reset in place
        // (no erase and re-insert: no allocation and no shared counter touched on the hot path).
        secure_wipe(it->second.hash.data(), it->second.hash.size());
        it->second = Record{};
    }
    if (it != s.map.end()) {
        Record &r = it->second;
        if (r.failures.count_in_window(now) >= static_cast<std::size_t>(limits.max_failures_per_hour))
            return Error(Code::rate_limited, "too many failed verifications in the last hour");
        if (limits.cooldown_ms > 0 && r.sends.size() != 0) {
            const std::int64_t last = r.sends.at(r.sends.size() - 1);
            const std::int64_t until = saturating_add(last, limits.cooldown_ms);
            if (now < until) {
                if (retry_after_ms != nullptr) *retry_after_ms = until - now;
                return Error(Code::cooldown, "a code was sent less than the cooldown ago");
            }
        }
        const auto max_sends = static_cast<std::size_t>(limits.max_sends_per_hour);
        if (r.sends.count_in_window(now) >= max_sends) {
            // The window frees a slot when the max_sends-th most recent send leaves it.
            const std::int64_t kth = r.sends.at(r.sends.size() - max_sends);
            if (retry_after_ms != nullptr) *retry_after_ms = std::max<std::int64_t>(1, saturating_add(kth, kWindowMs) - now);
            return Error(Code::quota, "send quota for the last hour reached");
        }
        r.hash = code_hash;
        r.key_id = key_id;
        r.issued_at = now;
        r.expires_at = saturating_add(now, limits.ttl_ms);
        r.attempts = 0;
        r.state = State::active;
        r.sends.add(now, max_sends);
        return Status::Ok();
    }
    // A new record: respect the memory bound (sweep first, at most once a second of caller time).
    if (count_.load(std::memory_order_relaxed) >= opts_.max_records) {
        sweep_shard(s, now);
        if (count_.load(std::memory_order_relaxed) >= opts_.max_records) {
            const std::int64_t last = last_full_sweep_.load(std::memory_order_relaxed);
            if (now < last || now - last >= 1000) {
                last_full_sweep_.store(now, std::memory_order_relaxed);
                lock.unlock();
                sweep(now);
                lock.lock();
            }
        }
        if (count_.load(std::memory_order_relaxed) >= opts_.max_records)
            return Error(Code::store_full, "the in-process OTP store reached max_records");
    }
    Record r;
    r.hash = code_hash;
    r.key_id = key_id;
    r.issued_at = now;
    r.expires_at = saturating_add(now, limits.ttl_ms);
    r.state = State::active;
    r.sends.add(now, static_cast<std::size_t>(limits.max_sends_per_hour));
    auto [pos, inserted] = s.map.try_emplace(k, std::move(r));
    if (inserted) count_.fetch_add(1, std::memory_order_relaxed);
    if (++s.inserts_since_sweep >= 4096) sweep_shard(s, now);
    return Status::Ok();
}

Result<VerifyOutcome> MemoryStore::verify(const StoreKey &key, const Limits &limits, UnixMillis now,
                                          std::span<const Candidate> candidates) {
    if (forked()) return Error(Code::store_unavailable, "in-process OTP store used after fork(): use a shared store");
    const Key16 k = key16(key);
    Shard &s = shard_of(k);
    std::lock_guard<std::mutex> lock(s.mu);
    auto it = s.map.find(k);
    Record *r = it == s.map.end() ? nullptr : &it->second;
    // Every path runs the same constant-time comparison (against a dummy when there is nothing to
    // compare), so absent, expired and wrong cost the caller the same time.
    static const CodeHash kDummy{};
    const CodeHash &stored = r != nullptr ? r->hash : kDummy;
    const std::uint32_t stored_id = r != nullptr ? r->key_id : 0;
    bool match = false;
    for (const Candidate &c : candidates) {
        const bool eq = constant_time_equal(c.hash, stored);
        match |= eq & (c.key_id == stored_id);
    }
    VerifyOutcome out;
    if (r == nullptr) {
        out.verdict = Verdict::no_challenge;
        return out;
    }
    if (r->failures.count_in_window(now) >= static_cast<std::size_t>(limits.max_failures_per_hour)) {
        out.verdict = Verdict::rate_limited;
        return out;
    }
    if (r->state == State::none) {
        out.verdict = Verdict::no_challenge;
        return out;
    }
    if (r->state == State::locked) {
        // A locked challenge stays until its TTL ends; then there is no challenge any more.
        out.verdict = now >= r->expires_at ? Verdict::no_challenge : Verdict::locked;
        return out;
    }
    if (now < r->issued_at || now >= r->expires_at) {
        out.verdict = Verdict::expired;
        return out;
    }
    if (match) {
        secure_wipe(r->hash.data(), r->hash.size());
        r->state = State::none;
        r->attempts = 0;
        out.verdict = Verdict::ok;
        return out;
    }
    r->failures.add(now, static_cast<std::size_t>(limits.max_failures_per_hour));
    r->attempts = static_cast<std::uint8_t>(std::min<int>(r->attempts + 1, 255));
    if (r->attempts >= limits.max_attempts) {
        secure_wipe(r->hash.data(), r->hash.size());
        r->state = State::locked;  // kept until its TTL ends
        out.verdict = Verdict::locked;
        return out;
    }
    out.verdict = Verdict::wrong_code;
    out.attempts_left = limits.max_attempts - r->attempts;
    return out;
}

std::string MemoryStore::dump() const {
    std::string out;
    if (forked()) return out;
    for (std::size_t i = 0; i < kShards; ++i) {
        std::lock_guard<std::mutex> lock(shards_[i].mu);
        for (const auto &[k, r] : shards_[i].map) {
            out.append(reinterpret_cast<const char *>(k.b.data()), k.b.size());
            out.append(reinterpret_cast<const char *>(r.hash.data()), r.hash.size());
            out.append(reinterpret_cast<const char *>(&r.issued_at), sizeof r.issued_at);
            out.append(reinterpret_cast<const char *>(&r.expires_at), sizeof r.expires_at);
            out.append(reinterpret_cast<const char *>(&r.key_id), sizeof r.key_id);
            out.push_back(static_cast<char>(r.attempts));
            out.push_back(static_cast<char>(r.state));
            for (std::size_t j = 0; j < r.sends.size(); ++j) {
                const std::int64_t t = r.sends.at(j);
                out.append(reinterpret_cast<const char *>(&t), sizeof t);
            }
            for (std::size_t j = 0; j < r.failures.size(); ++j) {
                const std::int64_t t = r.failures.at(j);
                out.append(reinterpret_cast<const char *>(&t), sizeof t);
            }
        }
    }
    return out;
}

const char *verdict_name(Verdict v) noexcept {
    switch (v) {
        case Verdict::ok: return "ok";
        case Verdict::wrong_code: return "wrong_code";
        case Verdict::expired: return "expired";
        case Verdict::no_challenge: return "no_challenge";
        case Verdict::locked: return "locked";
        case Verdict::rate_limited: return "rate_limited";
    }
    return "unknown";
}

}  // namespace sesame::otp
