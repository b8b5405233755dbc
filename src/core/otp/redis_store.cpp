#ifdef SESAME_WITH_REDIS
#include "core/otp/redis_store.hpp"

#include <algorithm>
#include <cstring>

#include "core/common/secret_bytes.hpp"

namespace sesame::otp {

namespace {

// A subject's state lives in two keys sharing a hash tag (one Redis Cluster slot):
//  - the challenge, KEYS[1]: one string, struct.pack(CH): key id and code hash first (36 bytes,
//    the form a verify candidate comes in), then state (1 pending, 2 locked), issued_at,
//    expires_at, attempts, and the failure cap as of the last write
//    (max_failures then, and `rl`: until when the cap holds given the failures then). A consumed
//    challenge is deleted.
//  - the history, KEYS[2]: a hash with S (send times) and F (failure times), comma-separated,
//    keeping only the `limit` largest times, which is exact for the sliding-window caps.
// This split lets a right code be checked and consumed with one command (GETDEL): the history is
// read only when something is wrong. Times are Unix ms (exact in Lua's doubles).
static_assert(kCodeHashBytes == 32, "the challenge format stores the code hash as c32");
constexpr const char *kLuaHelpers = R"LUA(
local W = 3600000
local CH = '>I4c32BddBI4d'
local function parse(s)
  local t = {}
  if s then for x in string.gmatch(s, '[^,]+') do t[#t + 1] = tonumber(x) end end
  table.sort(t)
  return t
end
local function inwin(t, now)
  local c = 0
  for _, v in ipairs(t) do if v > now or now - v < W then c = c + 1 end end
  return c
end
local function keep(t, lim)
  table.sort(t)
  while #t > lim do table.remove(t, 1) end
  return t
end
local function join(t)
  local o = {}
  for i, v in ipairs(t) do o[i] = string.format('%.0f', v) end
  return table.concat(o, ',')
end
local function ms(x)
  if x < 1 then x = 1 end
  return string.format('%.0f', x)
end
-- Until when `maxfail` failures of F (sorted, at most maxfail kept) stay in the window.
local function capped_until(F, maxfail)
  if #F >= maxfail and #F > 0 then return F[#F - maxfail + 1] + W end
  return 0
end
-- Writes the challenge back, expiring a minute after it would anyway.
local function put_challenge(key, now, st, kid, h, i, e, a, maxfail, rl)
  redis.call('SET', key, struct.pack(CH, kid, h, st, i, e, a, maxfail, rl), 'PX', ms(math.max(e - now, 0) + 60000))
end
-- Writes the history, expiring a minute after its newest time leaves the window.
local function put_history(key, now, S, F)
  local h = now
  if #S > 0 and S[#S] > h then h = S[#S] end
  if #F > 0 and F[#F] > h then h = F[#F] end
  redis.call('HSET', key, 'S', join(S), 'F', join(F))
  redis.call('PEXPIRE', key, ms(h + W - now + 60000))
end
)LUA";

// ARGV: now, max_failures, cooldown_ms, max_sends, ttl_ms, key_id, code_hash.
// Returns {0,0} ok, {1,0} rate_limited, {2,ms} cooldown, {3,ms} quota.
constexpr const char *kLuaIssue = R"LUA(
local now = tonumber(ARGV[1])
local maxfail = tonumber(ARGV[2])
local cooldown = tonumber(ARGV[3])
local maxsends = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local r = redis.call('HMGET', KEYS[2], 'S', 'F')
local S = parse(r[1])
local F = keep(parse(r[2]), maxfail)
if inwin(F, now) >= maxfail then return {1, 0} end
if cooldown > 0 and #S > 0 and now < S[#S] + cooldown then return {2, S[#S] + cooldown - now} end
if inwin(S, now) >= maxsends then
  local ra = S[#S - maxsends + 1] + W - now
  if ra < 1 then ra = 1 end
  return {3, ra}
end
S[#S + 1] = now
keep(S, maxsends)
put_challenge(KEYS[1], now, 1, tonumber(ARGV[6]), ARGV[7], now, now + ttl, 0, maxfail, capped_until(F, maxfail))
put_history(KEYS[2], now, S, F)
return {0, 0}
)LUA";

// ARGV[1]: struct.pack('>dI4I4', now, max_failures, max_attempts); ARGV[2..]: the candidates,
// each key id (4 bytes, big-endian) then code hash, as the challenge starts. Packed arguments
// and comparing candidates inside the challenge string (string.find, plain, at position 1)
// spare the server a Lua string per number and per hash: each costs on the path a parent waits for.
// Returns verdict + 8 * attempts_left (one integer: cheaper to build and read than an array).
// Verdicts: 0 ok, 1 wrong_code, 2 expired, 3 no_challenge, 4 locked, 5 rate_limited.
//
// The success path is what a parent waits for, so it is one command (GETDEL: read and consume)
// and no closure or table; it is taken only when the challenge is pending, in its validity window,
// written under the same max_failures and not capped, so it decides exactly as the full path
// below, which reads the history, decides in the spec's order and writes the challenge back.
//
// The stored value and the candidates are keyed hashes of codes (under the service's code key),
// so comparing them in the clear leaks nothing usable: without the key nobody can choose a guess
// whose hash shares a prefix with the stored one. The codes themselves are never in Redis.
constexpr const char *kLuaVerifyFast = R"LUA(
local v = redis.call('GETDEL', KEYS[1])
local now, maxfail, maxatt = struct.unpack('>dI4I4', ARGV[1])
local st, i, e, a, mf, rl
local hit = false
if v then
  for j = 2, #ARGV do
    if #ARGV[j] == 36 and string.find(v, ARGV[j], 1, true) == 1 then
      hit = true
      break
    end
  end
  st, i, e, a, mf, rl = struct.unpack('>BddBI4d', v, 37)
  if hit and st == 1 and now >= i and now < e and now >= rl and mf == maxfail then return 0 end
end
)LUA";

// The full path, after kLuaHelpers (defined only once the success path has returned).
constexpr const char *kLuaVerifyFull = R"LUA(
local kid, h
if v then kid, h = struct.unpack('>I4c32', v) end
local r = redis.call('HMGET', KEYS[2], 'S', 'F')
local F = keep(parse(r[2]), maxfail)
local function restore() put_challenge(KEYS[1], now, st, kid, h, i, e, a, maxfail, capped_until(F, maxfail)) end
if inwin(F, now) >= maxfail then
  if v then restore() end
  return 5
end
if not v then return 3 end
if st == 2 then
  if now >= e then return 3 end
  restore()
  return 4
end
if now < i or now >= e then
  restore()
  return 2
end
if hit then return 0 end
F[#F + 1] = now
keep(F, maxfail)
put_history(KEYS[2], now, parse(r[1]), F)
a = a + 1
if a >= maxatt then
  st = 2
  h = string.rep('\0', 32)
end
restore()
if st == 2 then return 4 end
return 1 + 8 * (maxatt - a)
)LUA";

const redis::Script &issue_script() {
    static const redis::Script s = redis::make_script(std::string(kLuaHelpers) + kLuaIssue);
    return s;
}
const redis::Script &verify_script() {
    static const redis::Script s = redis::make_script(std::string(kLuaVerifyFast) + kLuaHelpers + kLuaVerifyFull);
    return s;
}

std::string_view as_view(const CodeHash &h) { return {reinterpret_cast<const char *>(h.data()), h.size()}; }

// A verify candidate as the challenge starts: key id (big-endian), then code hash.
constexpr std::size_t kTokenBytes = 4 + kCodeHashBytes;

void put_be(unsigned char *out, std::uint64_t v, std::size_t bytes) noexcept {
    for (std::size_t i = 0; i < bytes; ++i) out[i] = static_cast<unsigned char>(v >> (8 * (bytes - 1 - i)));
}

}  // namespace

Result<std::shared_ptr<RedisStore>> RedisStore::create(RedisOptions opts) {
    if (Status st = redis::validate_prefix(opts.prefix); !st.ok()) return st;
    std::string prefix = std::move(opts.prefix);
    auto client = redis::Client::create(std::move(static_cast<redis::Options &>(opts)));
    if (!client.ok()) return client.status();
    (void)issue_script();
    (void)verify_script();
    return std::shared_ptr<RedisStore>(new RedisStore(std::move(prefix), std::move(*client)));
}

RedisStore::Keys RedisStore::keys_of(const StoreKey &key) const noexcept {
    Keys k;
    char *p = std::copy(prefix_.begin(), prefix_.end(), k.buf);  // at most kMaxPrefixBytes (create checks it)
    *p++ = '{';
    p = redis::write_hex(p, key);
    p = std::copy_n("}:h", 3, p);
    k.n = static_cast<std::size_t>(p - k.buf);
    return k;
}

std::string RedisStore::redis_key(const StoreKey &key) const { return std::string(keys_of(key).challenge()); }

Status RedisStore::issue(const StoreKey &key, const Limits &limits, UnixMillis now, std::uint32_t key_id,
                         const CodeHash &code_hash, std::int64_t *retry_after_ms) {
    if (retry_after_ms != nullptr) *retry_after_ms = 0;
    const redis::Decimal n(now), mf(limits.max_failures_per_hour), cd(limits.cooldown_ms), sends(limits.max_sends_per_hour),
        ttl(limits.ttl_ms), kid(key_id);
    const std::string_view args[] = {n.view(), mf.view(), cd.view(), sends.view(), ttl.view(), kid.view(), as_view(code_hash)};
    const Keys k = keys_of(key);
    const std::string_view key_views[] = {k.challenge(), k.history()};
    auto r = client_->run(issue_script(), key_views, args);
    if (!r.ok()) return r.status();
    if (r->size() != 2) return redis::unavailable("unexpected reply");
    const long long status = (*r)[0], ms = (*r)[1];
    switch (status) {
        case 0: return Status::Ok();
        case 1: return Error(Code::rate_limited, "too many failed verifications in the last hour");
        case 2:
            if (retry_after_ms != nullptr) *retry_after_ms = ms;
            return Error(Code::cooldown, "a code was sent less than the cooldown ago");
        case 3:
            if (retry_after_ms != nullptr) *retry_after_ms = ms;
            return Error(Code::quota, "send quota for the last hour reached");
        default: return redis::unavailable("unexpected reply");
    }
}

Result<VerifyOutcome> RedisStore::verify(const StoreKey &key, const Limits &limits, UnixMillis now,
                                         std::span<const Candidate> candidates) {
    if (candidates.size() > kMaxCandidates) return Error(Code::invalid_argument, "too many candidate keys");
    // ARGV[1]: now (a big-endian double: exact below 2^53 ms), max_failures, max_attempts;
    // then one 36-byte token per candidate, laid out as the challenge starts (kLuaVerifyFast).
    unsigned char params[16];
    std::uint64_t bits = 0;
    const double now_d = static_cast<double>(now);
    std::memcpy(&bits, &now_d, sizeof bits);
    put_be(params, bits, 8);
    put_be(params + 8, static_cast<std::uint32_t>(limits.max_failures_per_hour), 4);
    put_be(params + 12, static_cast<std::uint32_t>(limits.max_attempts), 4);
    unsigned char tokens[kMaxCandidates][kTokenBytes];
    std::string_view args[1 + kMaxCandidates] = {{reinterpret_cast<const char *>(params), sizeof params}};
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        put_be(tokens[i], candidates[i].key_id, 4);
        std::memcpy(tokens[i] + 4, candidates[i].hash.data(), kCodeHashBytes);
        args[1 + i] = {reinterpret_cast<const char *>(tokens[i]), kTokenBytes};
    }
    const Keys k = keys_of(key);
    const std::string_view key_views[] = {k.challenge(), k.history()};
    // A consumed code must survive a failover: with wait_replicas, WAIT rides in the same round
    // trip and an `ok` that too few replicas have is not granted.
    int replicas = 0;
    auto r = client_->run_durable(verify_script(), key_views, std::span<const std::string_view>(args, 1 + candidates.size()),
                                  &replicas);
    secure_wipe(tokens, candidates.size() * kTokenBytes);
    if (!r.ok()) return r.status();
    // verdict + 8 * attempts_left
    if (r->size() != 1 || (*r)[0] < 0) return redis::unavailable("unexpected reply");
    const long long verdict = (*r)[0] % 8, left = (*r)[0] / 8;
    if (verdict > 5) return redis::unavailable("unexpected reply");
    VerifyOutcome out;
    out.verdict = static_cast<Verdict>(verdict);
    if (out.verdict == Verdict::ok && replicas < client_->wait_replicas())
        return Error(Code::store_unavailable, "redis: the consumed code reached " + std::to_string(replicas) + " of the " +
                                                  std::to_string(client_->wait_replicas()) +
                                                  " replicas asked for in time; not granted (ask for a new code)");
    if (out.verdict == Verdict::wrong_code) {
        if (left < 1 || left > limits.max_attempts) return redis::unavailable("unexpected reply");
        out.attempts_left = static_cast<std::int32_t>(left);
    } else if (left != 0) {
        return redis::unavailable("unexpected reply");
    }
    return out;
}

}  // namespace sesame::otp
#endif  // SESAME_WITH_REDIS
