#ifdef SESAME_WITH_REDIS
#include "core/otp/redis_store.hpp"

namespace sesame::otp {

namespace {

// Shared Lua helpers. Times are Unix ms (exact in Lua's doubles). Event lists are comma-separated
// and keep only the `limit` largest times, which is exact for the sliding-window caps.
constexpr const char *kLuaHelpers = R"LUA(
local W = 3600000
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
local function gc(key, now, e, S, F)
  local h = e
  if #S > 0 and S[#S] + W > h then h = S[#S] + W end
  if #F > 0 and F[#F] + W > h then h = F[#F] + W end
  local ms = h - now
  if ms < 0 then ms = 0 end
  redis.call('PEXPIRE', key, string.format('%.0f', ms + 60000))
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
local r = redis.call('HMGET', KEYS[1], 'S', 'F')
local S = parse(r[1])
local F = parse(r[2])
if inwin(F, now) >= maxfail then return {1, 0} end
if cooldown > 0 and #S > 0 and now < S[#S] + cooldown then return {2, S[#S] + cooldown - now} end
if inwin(S, now) >= maxsends then
  local ra = S[#S - maxsends + 1] + W - now
  if ra < 1 then ra = 1 end
  return {3, ra}
end
S[#S + 1] = now
keep(S, maxsends)
local e = now + ttl
redis.call('HSET', KEYS[1], 'k', ARGV[6], 'h', ARGV[7], 'i', ARGV[1], 'e', string.format('%.0f', e),
           'a', '0', 's', '1', 'S', join(S))
gc(KEYS[1], now, e, S, F)
return {0, 0}
)LUA";

// ARGV: now, max_failures, max_attempts, then (key_id, hash) pairs.
// Returns {verdict, attempts_left}: 0 ok, 1 wrong_code, 2 expired, 3 no_challenge, 4 locked, 5 rate_limited.
constexpr const char *kLuaVerify = R"LUA(
local now = tonumber(ARGV[1])
local maxfail = tonumber(ARGV[2])
local maxatt = tonumber(ARGV[3])
local r = redis.call('HMGET', KEYS[1], 'k', 'h', 'i', 'e', 'a', 's', 'S', 'F')
local F = parse(r[8])
if inwin(F, now) >= maxfail then return {5, 0} end
if r[6] ~= '1' and r[6] ~= '2' then return {3, 0} end
local e = tonumber(r[4])
if r[6] == '2' then
  if now >= e then return {3, 0} end
  return {4, 0}
end
if now < tonumber(r[3]) or now >= e then return {2, 0} end
local stored = r[2]
local same = false
-- Constant-time comparison: every byte is looked at, the sum of squared differences is 0 iff equal.
local s = {string.byte(stored, 1, -1)}
for j = 4, #ARGV - 1, 2 do
  local c = ARGV[j + 1]
  if ARGV[j] == r[1] and #c == #stored and #c > 0 then
    local t = {string.byte(c, 1, -1)}
    local d = 0
    for b = 1, #t do local x = t[b] - s[b]; d = d + x * x end
    if d == 0 then same = true end
  end
end
if same then
  redis.call('HSET', KEYS[1], 's', '0', 'h', '', 'a', '0')
  return {0, 0}
end
F[#F + 1] = now
keep(F, maxfail)
local a = (tonumber(r[5]) or 0) + 1
local S = parse(r[7])
if a >= maxatt then
  redis.call('HSET', KEYS[1], 's', '2', 'h', '', 'a', tostring(a), 'F', join(F))
  gc(KEYS[1], now, e, S, F)
  return {4, 0}
end
redis.call('HSET', KEYS[1], 'a', tostring(a), 'F', join(F))
gc(KEYS[1], now, e, S, F)
return {1, maxatt - a}
)LUA";

const redis::Script &issue_script() {
    static const redis::Script s = redis::make_script(std::string(kLuaHelpers) + kLuaIssue);
    return s;
}
const redis::Script &verify_script() {
    static const redis::Script s = redis::make_script(std::string(kLuaHelpers) + kLuaVerify);
    return s;
}

Status unavailable(const char *what) { return Error(Code::store_unavailable, std::string("redis: ") + what); }

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

std::string RedisStore::redis_key(const StoreKey &key) const { return redis::hex_key(prefix_, key); }

Status RedisStore::issue(const StoreKey &key, const Limits &limits, UnixMillis now, std::uint32_t key_id,
                         const CodeHash &code_hash, std::int64_t *retry_after_ms) {
    if (retry_after_ms != nullptr) *retry_after_ms = 0;
    std::vector<std::string> args{std::to_string(now),
                                  std::to_string(limits.max_failures_per_hour),
                                  std::to_string(limits.cooldown_ms),
                                  std::to_string(limits.max_sends_per_hour),
                                  std::to_string(limits.ttl_ms),
                                  std::to_string(key_id),
                                  std::string(reinterpret_cast<const char *>(code_hash.data()), code_hash.size())};
    auto r = client_->run(issue_script(), redis_key(key), args);
    secure_wipe(args[6].data(), args[6].size());
    if (!r.ok()) return r.status();
    if (r->size() != 2) return unavailable("unexpected reply");
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
        default: return unavailable("unexpected reply");
    }
}

Result<VerifyOutcome> RedisStore::verify(const StoreKey &key, const Limits &limits, UnixMillis now,
                                         std::span<const Candidate> candidates) {
    std::vector<std::string> args{std::to_string(now), std::to_string(limits.max_failures_per_hour),
                                  std::to_string(limits.max_attempts)};
    for (const Candidate &c : candidates) {
        args.push_back(std::to_string(c.key_id));
        args.emplace_back(reinterpret_cast<const char *>(c.hash.data()), c.hash.size());
    }
    auto r = client_->run(verify_script(), redis_key(key), args);
    for (std::string &a : args) secure_wipe(a.data(), a.size());
    if (!r.ok()) return r.status();
    if (r->size() != 2 || (*r)[0] < 0 || (*r)[0] > 5) return unavailable("unexpected reply");
    VerifyOutcome out;
    out.verdict = static_cast<Verdict>((*r)[0]);
    if (out.verdict == Verdict::wrong_code) {
        const long long left = (*r)[1];
        if (left < 1 || left > limits.max_attempts) return unavailable("unexpected reply");
        out.attempts_left = static_cast<std::int32_t>(left);
    }
    return out;
}

}  // namespace sesame::otp
#endif  // SESAME_WITH_REDIS
