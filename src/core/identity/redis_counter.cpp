#ifdef SESAME_WITH_REDIS
#include "core/identity/redis_counter.hpp"

#include <openssl/sha.h>

namespace sesame::identity {

namespace {

// ARGV: now, max_failures, window_ms, failed (0 or 1). Times are Unix ms (exact in Lua's doubles).
// The value is the comma-separated failure times. Failures still in the window are those after
// now - window (as in the in-process counter). Returns 0 (capped, nothing recorded) or 1 (counted,
// the failure recorded when failed = 1, with a TTL past the newest one's end of window).
constexpr const char *kLuaAttempt = R"LUA(
local now = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local win = tonumber(ARGV[3])
local t = {}
local s = redis.call('GET', KEYS[1])
if s then
  for x in string.gmatch(s, '[^,]+') do
    local v = tonumber(x)
    if not v then error('not a failure list') end  -- a foreign value: fail closed
    if v > now - win then t[#t + 1] = v end
  end
end
if #t >= max then return 0 end
if ARGV[4] ~= '1' then return 1 end
t[#t + 1] = now
table.sort(t)
local o = {}
for i, v in ipairs(t) do o[i] = string.format('%.0f', v) end
local ms = t[#t] + win - now
if ms < 1 then ms = 1 end
redis.call('SET', KEYS[1], table.concat(o, ','), 'PX', string.format('%.0f', ms + 60000))
return 1
)LUA";

const redis::Script &attempt_script() {
    static const redis::Script s = redis::make_script(kLuaAttempt);
    return s;
}

}  // namespace

Result<std::unique_ptr<RedisFailureCounter>> RedisFailureCounter::create(std::uint32_t max_failures,
                                                                         std::int64_t window_ms,
                                                                         RedisCounterOptions opts) {
    if (max_failures < 1) return Error(Code::invalid_argument, "max_failures must be at least 1");
    if (window_ms < 1) return Error(Code::invalid_argument, "window_ms must be at least 1");
    if (Status st = redis::validate_prefix(opts.prefix); !st.ok()) return st;
    std::string prefix = std::move(opts.prefix);
    auto client = redis::Client::create(std::move(static_cast<redis::Options &>(opts)));
    if (!client.ok()) return client.status();
    (void)attempt_script();
    return std::unique_ptr<RedisFailureCounter>(
        new RedisFailureCounter(max_failures, window_ms, std::move(prefix), std::move(*client)));
}

std::string RedisFailureCounter::redis_key(std::string_view pupil) const {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(pupil.data()), pupil.size(), md);
    return redis::hex_key(prefix_, std::span<const unsigned char>(md, 16));
}

Result<bool> RedisFailureCounter::attempt(std::string_view key, UnixMillis now, bool failed) {
    const redis::Decimal n(now), mf(max_failures_), w(window_ms_);
    const std::string_view args[] = {n.view(), mf.view(), w.view(), failed ? "1" : "0"};
    const std::string k = redis_key(key);
    const std::string_view keys[] = {k};
    auto r = client_->run(attempt_script(), keys, args);
    if (!r.ok()) return r.status();
    if (r->size() != 1 || ((*r)[0] != 0 && (*r)[0] != 1))
        return redis::unavailable("unexpected reply");
    return (*r)[0] == 1;
}

}  // namespace sesame::identity
#endif  // SESAME_WITH_REDIS
