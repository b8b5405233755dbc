#include "core/otp/service.hpp"

#include <sodium.h>

#include <cstring>
#include <string>

#include "core/common/sodium_init.hpp"
#include "core/otp/code.hpp"
#include "core/otp/memory_store.hpp"
#include "core/phone/phone.hpp"

namespace sesame::otp {

namespace {
constexpr char kIndexLabel[] = "sesame.otp.index.v1";
constexpr char kStoreKeyLabel[] = "sesame.otp.subject.v1";
constexpr char kCodeLabel[] = "sesame.otp.code.v1";

Status range(const char *name, std::int64_t v, std::int64_t lo, std::int64_t hi) {
    if (v < lo || v > hi)
        return Error(Code::invalid_argument,
                     std::string(name) + " must be " + std::to_string(lo) + ".." + std::to_string(hi));
    return Status::Ok();
}
}  // namespace

Status ServiceOptions::validate() const {
    Status st = range("ttl_s", ttl_s, 1, 86'400);
    if (st.ok()) st = range("cooldown_s", cooldown_s, 0, 3'600);
    if (st.ok()) st = range("max_attempts", max_attempts, 1, 10);
    if (st.ok()) st = range("max_failures_per_hour", max_failures_per_hour, max_attempts, 1'000);
    if (st.ok()) st = range("max_sends_per_hour", max_sends_per_hour, 1, 100);
    if (st.ok()) st = range("digits", digits, kMinDigits, kMaxDigits);
    return st;
}

Limits ServiceOptions::limits() const {
    Limits l;
    l.ttl_ms = std::int64_t(ttl_s) * 1000;
    l.max_attempts = max_attempts;
    l.max_failures_per_hour = max_failures_per_hour;
    l.cooldown_ms = std::int64_t(cooldown_s) * 1000;
    l.max_sends_per_hour = max_sends_per_hour;
    return l;
}

bool valid_purpose(std::string_view purpose) noexcept {
    if (purpose.empty() || purpose.size() > kMaxPurposeBytes) return false;
    for (char c : purpose) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        if (!ok) return false;
    }
    return true;
}

Result<Service> Service::create(std::span<const std::uint8_t> key, std::uint32_t key_id, const ServiceOptions &opts,
                                std::span<const PreviousKey> previous, std::span<const std::uint8_t> index_key,
                                std::shared_ptr<Store> store) {
    Status st = ensure_sodium();
    if (!st.ok()) return st;
    if (key.size() != kKeyBytes) return Error(Code::invalid_argument, "key must be exactly 32 bytes");
    if (!index_key.empty() && index_key.size() != kKeyBytes)
        return Error(Code::invalid_argument, "index_key must be empty or exactly 32 bytes");
    if (previous.size() > kMaxPreviousKeys) return Error(Code::invalid_argument, "at most 8 previous keys");
    st = opts.validate();
    if (!st.ok()) return st;
    Service s;
    s.opts_ = opts;
    s.limits_ = opts.limits();
    s.current_.id = key_id;
    s.current_.bytes = SecretBytes(key.data(), key.size());
    for (const PreviousKey &p : previous) {
        if (p.key.size() != kKeyBytes) return Error(Code::invalid_argument, "every previous key must be 32 bytes");
        if (p.key_id == key_id) return Error(Code::invalid_argument, "a previous key reuses the current key id");
        for (const Key &q : s.previous_)
            if (q.id == p.key_id) return Error(Code::invalid_argument, "two previous keys share a key id");
        s.previous_.push_back(Key{p.key_id, SecretBytes(p.key.data(), p.key.size())});
    }
    if (!index_key.empty()) {
        s.index_key_ = SecretBytes(index_key.data(), index_key.size());
    } else {
        s.index_key_ = SecretBytes(kKeyBytes);
        crypto_generichash(s.index_key_.data(), kKeyBytes, reinterpret_cast<const unsigned char *>(kIndexLabel),
                           sizeof kIndexLabel - 1, key.data(), key.size());
    }
    s.store_key_key_ = SecretBytes(crypto_shorthash_siphashx24_KEYBYTES);
    crypto_generichash(s.store_key_key_.data(), s.store_key_key_.size(),
                       reinterpret_cast<const unsigned char *>(kStoreKeyLabel), sizeof kStoreKeyLabel - 1,
                       s.index_key_.data(), s.index_key_.size());
    s.store_ = store ? std::move(store) : std::make_shared<MemoryStore>();
    return s;
}

namespace {

// The subject of a challenge: the number normalized (so every spelling shares one challenge).
Result<phone::Number> subject_of(std::string_view phone, std::string_view purpose) {
    if (!valid_purpose(purpose)) return Error(Code::invalid_argument, "purpose must be 1..32 bytes of [a-z0-9_.-]");
    const phone::Parsed parsed = phone::normalize(phone);
    if (!parsed.ok())
        return Error(Code::invalid_argument,
                     std::string("subject is not a valid phone number (") + phone::error_name(parsed.error) + ")");
    return parsed.number;
}

}  // namespace

Result<StoreKey> Service::store_key(std::string_view phone, std::string_view purpose) const {
    auto subject = subject_of(phone, purpose);
    if (!subject.ok()) return subject.status();
    return store_key(*subject, purpose);
}

StoreKey Service::store_key(const phone::Number &subject, std::string_view purpose) const noexcept {
    const std::string_view e164 = subject.e164();
    // A keyed PRF (SipHash-2-4, 128-bit output) of (purpose, E.164) under a key derived from the
    // non-rotating index key: cheap (one pass over ~30 bytes) and reveals nothing without the key.
    unsigned char msg[1 + kMaxPurposeBytes + phone::kMaxE164Bytes];
    std::size_t n = 0;
    msg[n++] = static_cast<unsigned char>(purpose.size());
    std::memcpy(msg + n, purpose.data(), purpose.size());
    n += purpose.size();
    std::memcpy(msg + n, e164.data(), e164.size());
    n += e164.size();
    StoreKey out{};
    static_assert(kStoreKeyBytes == crypto_shorthash_siphashx24_BYTES);
    crypto_shorthash_siphashx24(out.data(), msg, n, store_key_key_.data());
    sodium_memzero(msg, sizeof msg);
    return out;
}

void Service::code_hash(const Key &k, const StoreKey &sk, const char *code, std::size_t n, CodeHash &out) const noexcept {
    crypto_generichash_state h;
    crypto_generichash_init(&h, k.bytes.data(), k.bytes.size(), out.size());
    crypto_generichash_update(&h, reinterpret_cast<const unsigned char *>(kCodeLabel), sizeof kCodeLabel);
    crypto_generichash_update(&h, sk.data(), sk.size());
    crypto_generichash_update(&h, reinterpret_cast<const unsigned char *>(code), n);
    crypto_generichash_final(&h, out.data(), out.size());
    sodium_memzero(&h, sizeof h);
}

Status Service::issue(std::string_view phone, std::string_view purpose, UnixMillis now, Issued &out) const {
    out = Issued{};
    auto subject = subject_of(phone, purpose);
    if (!subject.ok()) return subject.status();
    const StoreKey sk = store_key(*subject, purpose);
    char code[kMaxDigits] = {};
    Status st = generate_code(opts_.digits, code);
    if (!st.ok()) return st;
    CodeHash h{};
    code_hash(current_, sk, code, static_cast<std::size_t>(opts_.digits), h);
    std::int64_t retry_ms = 0;
    st = store_->issue(sk, limits_, now, current_.id, h, &retry_ms);
    sodium_memzero(h.data(), h.size());
    if (st.ok()) {
        std::memcpy(out.code, code, static_cast<std::size_t>(opts_.digits));
        out.digits = opts_.digits;
        out.subject = *subject;
        const std::int64_t ttl_ms = std::int64_t{opts_.ttl_s} * 1000;
        out.expires_at_ms = now > INT64_MAX - ttl_ms ? INT64_MAX : now + ttl_ms;
    } else if (st.code() == Code::cooldown || st.code() == Code::quota) {
        const std::int64_t s = retry_ms <= 0 ? 1 : (retry_ms + 999) / 1000;
        out.retry_after_s = static_cast<std::int32_t>(s > INT32_MAX ? INT32_MAX : s);
    }
    sodium_memzero(code, sizeof code);
    return st;
}

Status Service::issue(std::string_view phone, std::string_view purpose, UnixMillis now, char *code_out,
                      std::int32_t *retry_after_s) const {
    if (code_out == nullptr) return Error(Code::invalid_argument, "code_out is NULL");
    Issued issued;
    Status st = issue(phone, purpose, now, issued);
    if (st.ok()) std::memcpy(code_out, issued.code, static_cast<std::size_t>(issued.digits));
    if (retry_after_s != nullptr) *retry_after_s = issued.retry_after_s;
    sodium_memzero(issued.code, sizeof issued.code);
    return st;
}

Result<VerifyOutcome> Service::verify(std::string_view phone, std::string_view purpose, std::string_view typed,
                                      UnixMillis now) const {
    auto sk = store_key(phone, purpose);
    if (!sk.ok()) return sk.status();
    // Same work whatever the outcome: normalize, hash under every known key, one store call.
    char code[kMaxDigits] = {};
    const bool well_formed = normalize_typed_code(typed, opts_.digits, code);
    // A malformed code hashes a non-digit string that no issued code can equal: it stays a
    // wrong code and counts as a failure.
    const char *input = well_formed ? code : "x";
    const std::size_t n = well_formed ? static_cast<std::size_t>(opts_.digits) : 1;
    Candidate cands[1 + kMaxPreviousKeys];
    std::size_t count = 0;
    cands[count].key_id = current_.id;
    code_hash(current_, *sk, input, n, cands[count++].hash);
    for (const Key &k : previous_) {
        cands[count].key_id = k.id;
        code_hash(k, *sk, input, n, cands[count++].hash);
    }
    sodium_memzero(code, sizeof code);
    auto r = store_->verify(*sk, limits_, now, std::span<const Candidate>(cands, count));
    sodium_memzero(cands, sizeof cands);
    return r;
}

}  // namespace sesame::otp
