#ifdef SESAME_WITH_REDIS
#include "core/otp/redis_store.hpp"

#include <hiredis/hiredis.h>
#include <openssl/sha.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

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

constexpr const char *kLuaEmpty = "return 0";

RedisStore::Script make_script(std::string text) {
    unsigned char md[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(text.data()), text.size(), md);
    char hex[2 * SHA_DIGEST_LENGTH + 1];
    for (int i = 0; i < SHA_DIGEST_LENGTH; ++i) std::snprintf(hex + 2 * i, 3, "%02x", md[i]);
    return {std::move(text), std::string(hex, 2 * SHA_DIGEST_LENGTH)};
}

const RedisStore::Script &issue_script() {
    static const RedisStore::Script s = make_script(std::string(kLuaHelpers) + kLuaIssue);
    return s;
}
const RedisStore::Script &verify_script() {
    static const RedisStore::Script s = make_script(std::string(kLuaHelpers) + kLuaVerify);
    return s;
}
const RedisStore::Script &empty_script() {
    static const RedisStore::Script s = make_script(kLuaEmpty);
    return s;
}

struct ReplyDeleter {
    void operator()(redisReply *r) const noexcept {
        if (r != nullptr) freeReplyObject(r);
    }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

timeval to_tv(int ms) {
    timeval tv;
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

Status unavailable(const char *what) { return Error(Code::store_unavailable, std::string("redis: ") + what); }

}  // namespace

RedisStore::RedisStore(RedisOptions opts) : opts_(std::move(opts)) {
    for (int i = 0; i < opts_.connections; ++i) slots_.push_back(std::make_unique<Slot>());
}

RedisStore::~RedisStore() {
    for (auto &s : slots_) drop(*s);
}

Result<std::shared_ptr<RedisStore>> RedisStore::create(RedisOptions opts) {
    if (opts.unix_socket.empty()) {
        if (opts.host.empty() || opts.host.size() > 255 || opts.host.find('\0') != std::string::npos)
            return Error(Code::invalid_argument, "redis host must be 1..255 bytes without NUL");
        if (opts.port < 1 || opts.port > 65535) return Error(Code::invalid_argument, "redis port must be 1..65535");
    } else if (opts.unix_socket.size() > 107 || opts.unix_socket.find('\0') != std::string::npos) {
        return Error(Code::invalid_argument, "redis unix_socket must be 1..107 bytes without NUL");
    }
    if (opts.prefix.size() > 128) return Error(Code::invalid_argument, "redis prefix must be at most 128 bytes");
    if (opts.connect_timeout_ms < 1 || opts.connect_timeout_ms > 60000)
        return Error(Code::invalid_argument, "redis connect_timeout_ms must be 1..60000");
    if (opts.timeout_ms < 1 || opts.timeout_ms > 60000)
        return Error(Code::invalid_argument, "redis timeout_ms must be 1..60000");
    if (opts.connections < 1 || opts.connections > 64)
        return Error(Code::invalid_argument, "redis connections must be 1..64");
    if (opts.db < 0 || opts.db > 65535) return Error(Code::invalid_argument, "redis db must be 0..65535");
    if (opts.username.size() > 256 || opts.password.size() > 1024)
        return Error(Code::invalid_argument, "redis username or password too long");
    if (!opts.username.empty() && opts.password.empty())
        return Error(Code::invalid_argument, "redis username needs a password");
    (void)issue_script();
    (void)verify_script();
    return std::shared_ptr<RedisStore>(new RedisStore(std::move(opts)));
}

void RedisStore::drop(Slot &s) noexcept {
    if (s.ctx != nullptr) {
        if (s.pid == ::getpid()) {
            redisFree(s.ctx);
        } else {
            // Inherited through fork(): close our copy of the socket without talking on it.
            if (s.ctx->fd >= 0) ::close(s.ctx->fd);
            s.ctx->fd = -1;
            redisFree(s.ctx);
        }
        s.ctx = nullptr;
    }
}

Status RedisStore::connect(Slot &s) {
    drop(s);
    redisContext *c = opts_.unix_socket.empty()
                          ? redisConnectWithTimeout(opts_.host.c_str(), opts_.port, to_tv(opts_.connect_timeout_ms))
                          : redisConnectUnixWithTimeout(opts_.unix_socket.c_str(), to_tv(opts_.connect_timeout_ms));
    if (c == nullptr) return Error(Code::nomem, "redis: cannot allocate a context");
    s.ctx = c;
    s.pid = ::getpid();
    if (c->err != 0) {
        drop(s);
        return unavailable("cannot connect");
    }
    if (redisSetTimeout(c, to_tv(opts_.timeout_ms)) != REDIS_OK) {
        drop(s);
        return unavailable("cannot set the timeout");
    }
    if (!opts_.password.empty()) {
        std::vector<const char *> argv{"AUTH"};
        std::vector<std::size_t> lens{4};
        if (!opts_.username.empty()) {
            argv.push_back(opts_.username.data());
            lens.push_back(opts_.username.size());
        }
        argv.push_back(reinterpret_cast<const char *>(opts_.password.data()));
        lens.push_back(opts_.password.size());
        ReplyPtr r(static_cast<redisReply *>(redisCommandArgv(c, int(argv.size()), argv.data(), lens.data())));
        if (!r || r->type == REDIS_REPLY_ERROR) {
            drop(s);
            return unavailable("AUTH failed");
        }
    }
    if (opts_.db != 0) {
        const std::string db = std::to_string(opts_.db);
        const char *argv[] = {"SELECT", db.c_str()};
        const std::size_t lens[] = {6, db.size()};
        ReplyPtr r(static_cast<redisReply *>(redisCommandArgv(c, 2, argv, lens)));
        if (!r || r->type == REDIS_REPLY_ERROR) {
            drop(s);
            return unavailable("SELECT failed");
        }
    }
    return Status::Ok();
}

RedisStore::Slot &RedisStore::acquire(std::unique_lock<std::mutex> &lock) {
    const unsigned n = static_cast<unsigned>(slots_.size());
    const unsigned start = next_.fetch_add(1, std::memory_order_relaxed) % n;
    for (unsigned i = 0; i < n; ++i) {
        Slot &s = *slots_[(start + i) % n];
        std::unique_lock<std::mutex> l(s.mu, std::try_to_lock);
        if (l.owns_lock()) {
            lock = std::move(l);
            return s;
        }
    }
    Slot &s = *slots_[start];
    lock = std::unique_lock<std::mutex>(s.mu);
    return s;
}

Result<std::vector<long long>> RedisStore::run(const Script &script, const std::string &key,
                                               const std::vector<std::string> &args) {
    std::unique_lock<std::mutex> lock;
    Slot &s = acquire(lock);
    if (s.ctx != nullptr && (s.pid != ::getpid() || s.ctx->err != 0)) drop(s);
    if (s.ctx == nullptr) {
        Status st = connect(s);
        if (!st.ok()) return st;
    }
    std::vector<const char *> argv;
    std::vector<std::size_t> lens;
    argv.reserve(args.size() + 4);
    lens.reserve(args.size() + 4);
    argv.push_back("EVALSHA");
    lens.push_back(7);
    argv.push_back(script.sha1.data());
    lens.push_back(script.sha1.size());
    const bool has_key = !key.empty();
    argv.push_back(has_key ? "1" : "0");
    lens.push_back(1);
    if (has_key) {
        argv.push_back(key.data());
        lens.push_back(key.size());
    }
    for (const std::string &a : args) {
        argv.push_back(a.data());
        lens.push_back(a.size());
    }
    ReplyPtr r(static_cast<redisReply *>(redisCommandArgv(s.ctx, int(argv.size()), argv.data(), lens.data())));
    if (r && r->type == REDIS_REPLY_ERROR && r->len >= 8 && std::memcmp(r->str, "NOSCRIPT", 8) == 0) {
        // Not in the script cache (first use, restart, SCRIPT FLUSH): EVAL loads it.
        argv[0] = "EVAL";
        lens[0] = 4;
        argv[1] = script.text.data();
        lens[1] = script.text.size();
        r.reset(static_cast<redisReply *>(redisCommandArgv(s.ctx, int(argv.size()), argv.data(), lens.data())));
    }
    if (!r) {
        drop(s);  // timeout or connection error: the connection is out of sync, never reuse it
        return unavailable("no reply (connection error or timeout)");
    }
    if (r->type == REDIS_REPLY_ERROR) return unavailable("error reply");
    std::vector<long long> out;
    if (r->type == REDIS_REPLY_INTEGER) {
        out.push_back(r->integer);
        return out;
    }
    if (r->type != REDIS_REPLY_ARRAY) return unavailable("unexpected reply");
    for (std::size_t i = 0; i < r->elements; ++i) {
        if (r->element[i] == nullptr || r->element[i]->type != REDIS_REPLY_INTEGER) return unavailable("unexpected reply");
        out.push_back(r->element[i]->integer);
    }
    return out;
}

std::string RedisStore::redis_key(const StoreKey &key) const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string k = opts_.prefix;
    for (std::size_t i = 0; i < 16; ++i) {
        k.push_back(kHex[key[i] >> 4]);
        k.push_back(kHex[key[i] & 15]);
    }
    return k;
}

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
    auto r = run(issue_script(), redis_key(key), args);
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
    auto r = run(verify_script(), redis_key(key), args);
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

Status RedisStore::eval_empty() {
    auto r = run(empty_script(), std::string(), {});
    if (!r.ok()) return r.status();
    return Status::Ok();
}

}  // namespace sesame::otp
#endif  // SESAME_WITH_REDIS
