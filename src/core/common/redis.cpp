#ifdef SESAME_WITH_REDIS
#include "core/common/redis.hpp"

#include <hiredis/hiredis.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace sesame::redis {

namespace {

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

const Script &empty_script() {
    static const Script s = make_script("return 0");
    return s;
}

}  // namespace

Status validate(const Options &opts) {
    if (opts.unix_socket.empty()) {
        if (opts.host.empty() || opts.host.size() > 255 || opts.host.find('\0') != std::string::npos)
            return Error(Code::invalid_argument, "redis host must be 1..255 bytes without NUL");
        if (opts.port < 1 || opts.port > 65535) return Error(Code::invalid_argument, "redis port must be 1..65535");
    } else if (opts.unix_socket.size() > 107 || opts.unix_socket.find('\0') != std::string::npos) {
        return Error(Code::invalid_argument, "redis unix_socket must be 1..107 bytes without NUL");
    }
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
    return Status::Ok();
}

Status validate_prefix(std::string_view prefix) {
    if (prefix.size() > kMaxPrefixBytes) return Error(Code::invalid_argument, "redis prefix must be at most 128 bytes");
    return Status::Ok();
}

Status unavailable(const char *what) { return Error(Code::store_unavailable, std::string("redis: ") + what); }

char *write_hex(char *out, std::span<const unsigned char> bytes) noexcept {
    static constexpr char kHex[] = "0123456789abcdef";
    for (unsigned char b : bytes) {
        *out++ = kHex[b >> 4];
        *out++ = kHex[b & 15];
    }
    return out;
}

std::string hex_key(std::string_view prefix, std::span<const unsigned char> bytes) {
    std::string k(prefix);
    k.resize(prefix.size() + 2 * bytes.size());
    write_hex(k.data() + prefix.size(), bytes);
    return k;
}

Decimal::Decimal(long long v) noexcept : n_(static_cast<std::size_t>(std::to_chars(buf_, buf_ + sizeof buf_, v).ptr - buf_)) {}

Script make_script(std::string text) {
    unsigned char md[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(text.data()), text.size(), md);
    std::string sha1 = hex_key("", md);
    return {std::move(text), std::move(sha1)};
}

namespace {
// Every live client, for the fork handlers. Never destroyed: a fork may come during exit.
struct Registry {
    std::mutex mu;
    std::vector<Client *> clients;
};
Registry &registry() {
    static Registry *r = new Registry;
    return *r;
}
}  // namespace

// Without these, a fork() while another thread is inside run() would copy that slot's mutex locked
// by a thread the child does not have: the child's first call on it would wait forever. The
// prepare handler takes every slot (waiting for the calls in flight, each bounded by its timeout),
// both sides release them; the child then drops the inherited connections (pid check in run()).
void Client::before_fork() noexcept {
    Registry &r = registry();
    r.mu.lock();
    for (Client *c : r.clients)
        for (auto &s : c->slots_) s->mu.lock();
}

void Client::after_fork() noexcept {
    Registry &r = registry();
    for (Client *c : r.clients)
        for (auto &s : c->slots_) s->mu.unlock();
    r.mu.unlock();
}

Client::Client(Options opts) : opts_(std::move(opts)) {
    for (int i = 0; i < opts_.connections; ++i) slots_.push_back(std::make_unique<Slot>());
    static std::once_flag handlers;
    std::call_once(handlers, [] { ::pthread_atfork(&Client::before_fork, &Client::after_fork, &Client::after_fork); });
    Registry &r = registry();
    std::lock_guard<std::mutex> g(r.mu);
    r.clients.push_back(this);
}

Client::~Client() {
    {
        Registry &r = registry();
        std::lock_guard<std::mutex> g(r.mu);
        r.clients.erase(std::find(r.clients.begin(), r.clients.end(), this));
    }
    for (auto &s : slots_) drop(*s);
}

Result<std::unique_ptr<Client>> Client::create(Options opts) {
    if (Status st = validate(opts); !st.ok()) return st;
    (void)empty_script();
    return std::unique_ptr<Client>(new Client(std::move(opts)));
}

void Client::drop(Slot &s) noexcept {
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

Status Client::connect(Slot &s) {
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

Client::Slot &Client::acquire(std::unique_lock<std::mutex> &lock) {
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

Result<std::vector<long long>> Client::run(const Script &script, std::span<const std::string_view> keys,
                                           std::span<const std::string_view> args) {
    if (3 + keys.size() + args.size() > kMaxArgs) return Error(Code::internal, "redis: too many script arguments");
    std::unique_lock<std::mutex> lock;
    Slot &s = acquire(lock);
    if (s.ctx != nullptr && (s.pid != ::getpid() || s.ctx->err != 0)) drop(s);
    if (s.ctx == nullptr) {
        Status st = connect(s);
        if (!st.ok()) return st;
    }
    const char *argv[kMaxArgs];
    std::size_t lens[kMaxArgs];
    int argc = 0;
    auto push = [&](std::string_view a) {
        argv[argc] = a.data();
        lens[argc++] = a.size();
    };
    push("EVALSHA");
    push(script.sha1);
    const Decimal nkeys(static_cast<long long>(keys.size()));
    push(nkeys.view());
    for (std::string_view k : keys) push(k);
    for (std::string_view a : args) push(a);
    ReplyPtr r(static_cast<redisReply *>(redisCommandArgv(s.ctx, argc, argv, lens)));
    if (r && r->type == REDIS_REPLY_ERROR && r->len >= 8 && std::memcmp(r->str, "NOSCRIPT", 8) == 0) {
        // Not in the script cache (first use, restart, SCRIPT FLUSH): EVAL loads it.
        argv[0] = "EVAL";
        lens[0] = 4;
        argv[1] = script.text.data();
        lens[1] = script.text.size();
        r.reset(static_cast<redisReply *>(redisCommandArgv(s.ctx, argc, argv, lens)));
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

Status Client::eval_empty() {
    auto r = run(empty_script(), {}, {});
    if (!r.ok()) return r.status();
    return Status::Ok();
}

}  // namespace sesame::redis
#endif  // SESAME_WITH_REDIS
