#ifdef SESAME_WITH_REDIS
#include "core/common/redis.hpp"

#include <hiredis/hiredis.h>
#include <openssl/sha.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
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

bool valid_host(std::string_view h) noexcept { return !h.empty() && h.size() <= 255 && h.find('\0') == std::string_view::npos; }
bool valid_port(int p) noexcept { return p >= 1 && p <= 65535; }

// A port written in decimal, the whole of `s`, in 1..65535; 0 otherwise.
int parse_port(std::string_view s) noexcept {
    int p = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), p);
    return ec == std::errc() && end == s.data() + s.size() && valid_port(p) ? p : 0;
}

}  // namespace

Status validate(const Options &opts) {
    if (!opts.sentinels.empty()) {
        if (!opts.unix_socket.empty()) return Error(Code::invalid_argument, "redis: use sentinels or unix_socket, not both");
        if (opts.sentinels.size() > std::size_t(kMaxSentinels)) return Error(Code::invalid_argument, "redis: at most 16 sentinels");
        for (const Endpoint &e : opts.sentinels)
            if (!valid_host(e.host) || !valid_port(e.port))
                return Error(Code::invalid_argument, "redis sentinels: each must be host:port with a port in 1..65535");
        if (opts.master_name.empty() || opts.master_name.size() > 255 ||
            opts.master_name.find_first_of(std::string_view(" \t\r\n\0", 5)) != std::string::npos)
            return Error(Code::invalid_argument, "redis master_name must be 1..255 bytes without spaces (required with sentinels)");
        if (opts.sentinel_password.size() > 1024) return Error(Code::invalid_argument, "redis sentinel_password too long");
    } else if (!opts.master_name.empty()) {
        return Error(Code::invalid_argument, "redis master_name needs sentinels");
    }
    if (opts.wait_replicas < 0 || opts.wait_replicas > kMaxWaitReplicas)
        return Error(Code::invalid_argument, "redis wait_replicas must be 0..16");
    if (opts.sentinels.empty()) {  // with sentinels, host and port are not used
        if (opts.unix_socket.empty()) {
            if (!valid_host(opts.host)) return Error(Code::invalid_argument, "redis host must be 1..255 bytes without NUL");
            if (!valid_port(opts.port)) return Error(Code::invalid_argument, "redis port must be 1..65535");
        } else if (opts.unix_socket.size() > 107 || opts.unix_socket.find('\0') != std::string::npos) {
            return Error(Code::invalid_argument, "redis unix_socket must be 1..107 bytes without NUL");
        }
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

Result<std::vector<Endpoint>> parse_endpoints(std::string_view list) {
    std::vector<Endpoint> out;
    std::size_t item = 0;
    for (bool more = !list.empty(); more;) {
        const std::size_t comma = list.find(',');
        std::string_view e = list.substr(0, comma);
        more = comma != std::string_view::npos;  // "a:1," has an empty second item: refused
        list = more ? list.substr(comma + 1) : std::string_view();
        ++item;
        while (!e.empty() && e.front() == ' ') e.remove_prefix(1);
        while (!e.empty() && e.back() == ' ') e.remove_suffix(1);
        const std::string bad = "redis sentinels: item " + std::to_string(item) + " is not host:port";
        if (e.empty()) return Error(Code::invalid_argument, bad);
        std::string_view host;
        std::size_t colon;
        if (e.front() == '[') {  // [IPv6]:port
            const std::size_t close = e.find(']');
            if (close == std::string_view::npos || close + 1 >= e.size() || e[close + 1] != ':')
                return Error(Code::invalid_argument, bad);
            host = e.substr(1, close - 1);
            colon = close + 1;
        } else {
            colon = e.rfind(':');
            if (colon == std::string_view::npos || e.find(':') != colon) return Error(Code::invalid_argument, bad);
            host = e.substr(0, colon);
        }
        const int p = parse_port(e.substr(colon + 1));
        if (host.empty() || p == 0) return Error(Code::invalid_argument, bad);
        if (out.size() == std::size_t(kMaxSentinels)) return Error(Code::invalid_argument, "redis: at most 16 sentinels");
        out.push_back({std::string(host), p});
    }
    return out;
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

namespace {

// One blocking command with bytes arguments on `c`; nullptr on a connection error or timeout.
ReplyPtr command(redisContext *c, std::initializer_list<std::string_view> args) {
    const char *argv[8];
    std::size_t lens[8];
    int argc = 0;
    for (std::string_view a : args) {
        argv[argc] = a.data();
        lens[argc++] = a.size();
    }
    return ReplyPtr(static_cast<redisReply *>(redisCommandArgv(c, argc, argv, lens)));
}

std::string_view text_of(const SecretBytes &b) { return {reinterpret_cast<const char *>(b.data()), b.size()}; }

// True when the server closed this connection while it sat in the pool (its idle `timeout`, a
// restart, CLIENT KILL): the socket reads as end of file, or holds bytes nobody asked for.
// Checked before each command, so a stale connection is reopened instead of failing the call.
bool closed_by_peer(const redisContext *c) noexcept {
    pollfd p{c->fd, POLLIN, 0};
    const int n = ::poll(&p, 1, 0);
    if (n == 0) return false;
    if (n < 0) return true;
    char byte;
    const ssize_t r = ::recv(c->fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return r >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
}

}  // namespace

Client::Master Client::master() const {
    std::lock_guard<std::mutex> g(master_mu_);
    return master_;
}

void Client::forget_master(std::uint64_t epoch) noexcept {
    std::lock_guard<std::mutex> g(master_mu_);
    if (master_.epoch == epoch) master_.known = false;
}

// Asks the sentinels, in turn, for the master's address (SENTINEL get-master-addr-by-name).
Status Client::discover_master() {
    const std::size_t n = opts_.sentinels.size();
    const std::size_t first = next_sentinel_.fetch_add(1, std::memory_order_relaxed) % n;
    for (std::size_t i = 0; i < n; ++i) {
        const Endpoint &e = opts_.sentinels[(first + i) % n];
        redisContext *c = redisConnectWithTimeout(e.host.c_str(), e.port, to_tv(opts_.connect_timeout_ms));
        if (c == nullptr) return Error(Code::nomem, "redis: cannot allocate a context");
        struct Free {
            redisContext *c;
            ~Free() { redisFree(c); }
        } free_c{c};
        if (c->err != 0 || redisSetTimeout(c, to_tv(opts_.timeout_ms)) != REDIS_OK) continue;
        if (!opts_.sentinel_password.empty()) {
            ReplyPtr a = command(c, {"AUTH", text_of(opts_.sentinel_password)});
            if (!a || a->type == REDIS_REPLY_ERROR) continue;
        }
        ReplyPtr r = command(c, {"SENTINEL", "get-master-addr-by-name", opts_.master_name});
        if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2 || r->element[0]->type != REDIS_REPLY_STRING ||
            r->element[1]->type != REDIS_REPLY_STRING)
            continue;
        const int p = parse_port(std::string_view(r->element[1]->str, r->element[1]->len));
        if (p == 0) continue;
        Endpoint at{std::string(r->element[0]->str, r->element[0]->len), p};
        std::lock_guard<std::mutex> g(master_mu_);
        if (!master_.known || !(master_.at == at)) {
            master_.at = std::move(at);
            ++master_.epoch;
        }
        master_.known = true;
        return Status::Ok();
    }
    return unavailable("no sentinel named the master");
}

// A new connection on `s`: to `at` (Sentinel's master) or to the configured server; AUTH, SELECT.
Status Client::open(Slot &s, const Endpoint *at) {
    drop(s);
    redisContext *c = at != nullptr ? redisConnectWithTimeout(at->host.c_str(), at->port, to_tv(opts_.connect_timeout_ms))
                      : opts_.unix_socket.empty()
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
        ReplyPtr r = opts_.username.empty() ? command(c, {"AUTH", text_of(opts_.password)})
                                            : command(c, {"AUTH", opts_.username, text_of(opts_.password)});
        if (!r || r->type == REDIS_REPLY_ERROR) {
            drop(s);
            return unavailable("AUTH failed");
        }
    }
    if (opts_.db != 0) {
        const Decimal db(opts_.db);
        ReplyPtr r = command(c, {"SELECT", db.view()});
        if (!r || r->type == REDIS_REPLY_ERROR) {
            drop(s);
            return unavailable("SELECT failed");
        }
    }
    return Status::Ok();
}

Status Client::connect(Slot &s) {
    if (!sentinel()) return open(s, nullptr);
    // The master the sentinels name, checked with ROLE: right after a failover a sentinel may
    // still name the old master, now a replica; ask again once.
    for (int attempt = 0; attempt < 2; ++attempt) {
        Master m = master();
        if (!m.known) {
            if (Status st = discover_master(); !st.ok()) return st;
            m = master();
        }
        if (Status st = open(s, &m.at); !st.ok()) {
            forget_master(m.epoch);
            if (attempt == 1) return st;
            continue;
        }
        ReplyPtr r = command(s.ctx, {"ROLE"});
        if (r && r->type == REDIS_REPLY_ARRAY && r->elements > 0 && r->element[0]->type == REDIS_REPLY_STRING &&
            std::string_view(r->element[0]->str, r->element[0]->len) == "master") {
            s.epoch = m.epoch;
            return Status::Ok();
        }
        drop(s);
        forget_master(m.epoch);
    }
    return unavailable("the server the sentinels name is not a master");
}

bool Client::usable(const Slot &s) const noexcept {
    if (s.ctx == nullptr || s.pid != ::getpid() || s.ctx->err != 0) return false;
    if (sentinel()) {
        const Master m = master();
        if (!m.known || m.epoch != s.epoch) return false;  // the master moved: reconnect
    }
    return !closed_by_peer(s.ctx);
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
    return call(script, keys, args, nullptr);
}

Result<std::vector<long long>> Client::run_durable(const Script &script, std::span<const std::string_view> keys,
                                                   std::span<const std::string_view> args, int *replicas_acked) {
    *replicas_acked = opts_.wait_replicas;
    return call(script, keys, args, opts_.wait_replicas > 0 ? replicas_acked : nullptr);
}

Result<std::vector<long long>> Client::call(const Script &script, std::span<const std::string_view> keys,
                                            std::span<const std::string_view> args, int *replicas_acked) {
    if (3 + keys.size() + args.size() > kMaxArgs) return Error(Code::internal, "redis: too many script arguments");
    std::unique_lock<std::mutex> lock;
    Slot &s = acquire(lock);
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
    const Decimal replicas(opts_.wait_replicas), wait_ms(std::max(1, opts_.timeout_ms * 3 / 4));
    const char *wait_argv[] = {"WAIT", replicas.view().data(), wait_ms.view().data()};
    const std::size_t wait_lens[] = {4, replicas.view().size(), wait_ms.view().size()};
    // Sends the script (and WAIT, pipelined) and reads the replies; nullptr on a connection error.
    auto send = [&](ReplyPtr &wait_reply) -> ReplyPtr {
        if (redisAppendCommandArgv(s.ctx, argc, argv, lens) != REDIS_OK) return nullptr;
        if (replicas_acked != nullptr && redisAppendCommandArgv(s.ctx, 3, wait_argv, wait_lens) != REDIS_OK) return nullptr;
        void *reply = nullptr;
        if (redisGetReply(s.ctx, &reply) != REDIS_OK) return nullptr;
        ReplyPtr r(static_cast<redisReply *>(reply));
        if (replicas_acked != nullptr) {
            void *w = nullptr;
            if (redisGetReply(s.ctx, &w) != REDIS_OK) return nullptr;
            wait_reply.reset(static_cast<redisReply *>(w));
        }
        return r;
    };
    for (int attempt = 0;; ++attempt) {
        if (!usable(s) && s.ctx != nullptr) drop(s);
        if (s.ctx == nullptr) {
            if (Status st = connect(s); !st.ok()) return st;
        }
        ReplyPtr wait_reply;
        argv[0] = "EVALSHA";
        lens[0] = 7;
        argv[1] = script.sha1.data();
        lens[1] = script.sha1.size();
        ReplyPtr r = send(wait_reply);
        if (r && r->type == REDIS_REPLY_ERROR && r->len >= 8 && std::memcmp(r->str, "NOSCRIPT", 8) == 0) {
            // Not in the script cache (first use, restart, SCRIPT FLUSH): EVAL loads it.
            argv[0] = "EVAL";
            lens[0] = 4;
            argv[1] = script.text.data();
            lens[1] = script.text.size();
            r = send(wait_reply);
        }
        if (!r) {
            // A timeout or a connection error: the script may have run; the connection is out of
            // sync. Never retried (fail closed); with Sentinel the master is asked again next time.
            if (sentinel()) forget_master(s.epoch);
            drop(s);
            return unavailable("no reply (connection error or timeout)");
        }
        if (r->type == REDIS_REPLY_ERROR) {
            const std::string_view e(r->str, r->len);
            if (sentinel() && e.substr(0, 8) == "READONLY") {
                // A replica now (a failover): the script's first write was refused, nothing was
                // written. Ask the sentinels again and send it once to the new master.
                forget_master(s.epoch);
                drop(s);
                if (attempt == 0) continue;
            }
            return unavailable("error reply");
        }
        if (replicas_acked != nullptr) {
            if (!wait_reply || wait_reply->type != REDIS_REPLY_INTEGER) return unavailable("unexpected reply to WAIT");
            *replicas_acked = static_cast<int>(std::min<long long>(wait_reply->integer, opts_.wait_replicas));
        }
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
}

Status Client::eval_empty() {
    auto r = run(empty_script(), {}, {});
    if (!r.ok()) return r.status();
    return Status::Ok();
}

}  // namespace sesame::redis
#endif  // SESAME_WITH_REDIS
