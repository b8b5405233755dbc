// Test helper: a private redis-server child process on 127.0.0.1 and a free port, no persistence,
// stopped by its PID. Also finds the server of the ctest fixture (tests/redis.cmake).
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#ifdef SESAME_WITH_REDIS
#include <hiredis/hiredis.h>
#endif

namespace test_support {

// Starts `redis-server ARGS...` with its output sent to /dev/null; the child's PID, -1 if fork failed.
inline pid_t spawn_redis(const std::vector<std::string> &args) {
    std::vector<char *> argv{const_cast<char *>("redis-server")};
    for (const std::string &a : args) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid != 0) return pid;
    if (int devnull = ::open("/dev/null", O_WRONLY); devnull >= 0) {
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
    }
    ::execvp("redis-server", argv.data());
    ::_exit(127);
}

inline int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

#ifdef SESAME_WITH_REDIS
// True once the server answers PING (polls for readiness: process start-up, not a time rule).
inline bool redis_ready(int port, int tries = 1000) {
    for (int i = 0; i < tries; ++i) {
        timeval tv{0, 100000};
        redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
        if (c != nullptr && c->err == 0) {
            auto *r = static_cast<redisReply *>(redisCommand(c, "PING"));
            const bool ok = r != nullptr && r->type == REDIS_REPLY_STATUS;
            if (r != nullptr) freeReplyObject(r);
            redisFree(c);
            if (ok) return true;
        } else if (c != nullptr) {
            redisFree(c);
        }
        timespec ts{0, 2'000'000};
        nanosleep(&ts, nullptr);
    }
    return false;
}

class RedisServer {
public:
    // Starts redis-server; nullptr if it cannot (binary missing). `replica_of`: the port of a
    // master on 127.0.0.1 this server replicates (0: a master).
    static std::unique_ptr<RedisServer> start(int port = 0, int replica_of = 0) {
        auto s = std::unique_ptr<RedisServer>(new RedisServer);
        s->port_ = port != 0 ? port : free_port();
        s->replica_of_ = replica_of;
        if (!s->launch()) return nullptr;
        return s;
    }
    ~RedisServer() { stop(); }
    int port() const { return port_; }
    void stop() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            pid_ = -1;
        }
    }
    bool restart() {
        stop();
        return launch();
    }

private:
    RedisServer() = default;
    bool launch() {
        const std::string port = std::to_string(port_), master = std::to_string(replica_of_);
        std::vector<std::string> args = {"--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", "/tmp"};
        if (replica_of_ != 0)
            args.insert(args.end(), {"--replicaof", "127.0.0.1", master});
        else
            args.insert(args.end(), {"--enable-debug-command", "local"});
        const pid_t pid = spawn_redis(args);
        if (pid < 0) return false;
        pid_ = pid;
        if (!redis_ready(port_)) {
            stop();
            return false;
        }
        return true;
    }
    int port_ = 0;
    int replica_of_ = 0;
    pid_t pid_ = -1;
};

// One command on a fresh connection to 127.0.0.1:port; the reply (nullptr when none).
inline std::unique_ptr<redisReply, void (*)(void *)> redis_command(int port, const char *format, ...) {
    timeval tv{1, 0};
    std::unique_ptr<redisReply, void (*)(void *)> out(nullptr, freeReplyObject);
    redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
    if (c == nullptr) return out;
    if (c->err == 0 && redisSetTimeout(c, tv) == REDIS_OK) {
        va_list ap;
        va_start(ap, format);
        out.reset(static_cast<redisReply *>(redisvCommand(c, format, ap)));
        va_end(ap);
    }
    redisFree(c);
    return out;
}

// A primary, two replicas and three sentinels monitoring it as "sesame" (quorum 2), on free
// ports of 127.0.0.1, stopped by PID. Everything a failover test needs; nullptr if it cannot run.
class SentinelCluster {
public:
    static std::unique_ptr<SentinelCluster> start() {
        auto c = std::unique_ptr<SentinelCluster>(new SentinelCluster);
        auto master = RedisServer::start();
        if (!master) return nullptr;
        c->servers_.push_back(std::move(master));
        for (int i = 0; i < 2; ++i) {
            auto r = RedisServer::start(0, c->servers_[0]->port());
            if (!r) return nullptr;
            c->servers_.push_back(std::move(r));
        }
        // Replicas online before the sentinels start: their first look at the master finds them.
        if (!c->poll([&] { return connected_replicas(c->servers_[0]->port()) >= 2; })) return nullptr;
        for (int i = 0; i < 3; ++i)
            if (!c->start_sentinel()) return nullptr;
        if (!c->replicas_in_sync(2)) return nullptr;
        return c;
    }
    ~SentinelCluster() {
        for (pid_t p : sentinel_pids_) {
            ::kill(p, SIGKILL);
            int st = 0;
            ::waitpid(p, &st, 0);
        }
        for (const std::string &f : files_) ::unlink(f.c_str());
    }
    // "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3"
    std::string sentinels() const {
        std::string out;
        for (int p : sentinel_ports_) out += (out.empty() ? "" : ",") + std::string("127.0.0.1:") + std::to_string(p);
        return out;
    }
    std::vector<int> sentinel_ports() const { return sentinel_ports_; }
    // The port every sentinel names as master now (0 if they do not agree or do not answer).
    int master_port() const {
        int agreed = 0;
        for (int s : sentinel_ports_) {
            auto r = redis_command(s, "SENTINEL get-master-addr-by-name sesame");
            if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) return 0;
            const int p = std::atoi(r->element[1]->str);
            if (agreed != 0 && p != agreed) return 0;
            agreed = p;
        }
        return agreed;
    }
    RedisServer *server(int port) {
        for (auto &s : servers_)
            if (s->port() == port) return s.get();
        return nullptr;
    }
    // Polls (process and network events, not a time rule) until the sentinels name a master other
    // than `old_port` that says it is one, and has `replicas` connected replicas; false after ~30 s.
    bool wait_new_master(int old_port, int replicas) {
        for (int i = 0; i < 3000; ++i) {
            const int p = master_port();
            if (p != 0 && p != old_port) {
                auto role = redis_command(p, "ROLE");
                if (role && role->type == REDIS_REPLY_ARRAY && role->elements > 0 &&
                    std::string(role->element[0]->str) == "master" && connected_replicas(p) >= replicas)
                    return true;
            }
            timespec ts{0, 10'000'000};
            nanosleep(&ts, nullptr);
        }
        return false;
    }
    bool replicas_in_sync(int n) {
        return poll([&] {
            const int p = master_port();
            return p != 0 && connected_replicas(p) >= n;
        });
    }
    // SENTINEL FAILOVER, retried until a sentinel accepts it (NOGOODSLAVE until it has seen a
    // replica), then waits for the new master with `replicas` replicas.
    bool failover(int replicas) {
        const int old = master_port();
        if (!poll([&] {
                auto f = redis_command(sentinel_ports_[0], "SENTINEL FAILOVER sesame");
                return f && f->type == REDIS_REPLY_STATUS;
            }))
            return false;
        return wait_new_master(old, replicas);
    }

private:
    // Polls `cond` (process and network events, not a time rule) for about 30 s.
    template <typename Cond>
    static bool poll(Cond cond) {
        for (int i = 0; i < 3000; ++i) {
            if (cond()) return true;
            timespec ts{0, 10'000'000};
            nanosleep(&ts, nullptr);
        }
        return false;
    }
    SentinelCluster() = default;
    static int connected_replicas(int port) {
        auto r = redis_command(port, "INFO replication");
        if (!r || r->type != REDIS_REPLY_STRING) return 0;
        const std::string info(r->str, r->len);
        int n = 0;
        for (std::size_t at = info.find("state=online"); at != std::string::npos; at = info.find("state=online", at + 1)) ++n;
        return n;
    }
    bool start_sentinel() {
        const int port = free_port();
        const std::string conf = "/tmp/sesame-test-sentinel-" + std::to_string(::getpid()) + "-" + std::to_string(port) + ".conf";
        std::ofstream(conf) << "port " << port << "\nbind 127.0.0.1\ndir /tmp\n"
                            << "sentinel monitor sesame 127.0.0.1 " << servers_[0]->port() << " 2\n"
                            << "sentinel down-after-milliseconds sesame 1000\n"
                            << "sentinel failover-timeout sesame 5000\n"
                            << "sentinel parallel-syncs sesame 2\n";
        files_.push_back(conf);
        const pid_t pid = spawn_redis({conf, "--sentinel"});
        if (pid < 0) return false;
        sentinel_pids_.push_back(pid);
        sentinel_ports_.push_back(port);
        return redis_ready(port);
    }
    std::vector<std::unique_ptr<RedisServer>> servers_;
    std::vector<pid_t> sentinel_pids_;
    std::vector<int> sentinel_ports_;
    std::vector<std::string> files_;
};

// The port of a running server for the behaviour suite: the ctest fixture's (SESAME_TEST_REDIS_DIR/port),
// else one private server per test process. 0 when none can run.
inline int shared_redis_port() {
    static int port = [] {
        if (const char *dir = std::getenv("SESAME_TEST_REDIS_DIR")) {
            std::ifstream f(std::string(dir) + "/port");
            int p = 0;
            if (f >> p && p > 0 && redis_ready(p, 50)) return p;
        }
        static std::unique_ptr<RedisServer> own = RedisServer::start();
        return own ? own->port() : 0;
    }();
    return port;
}

// A raw connection for tests (KEYS, DEBUG SLEEP, SCRIPT FLUSH).
struct RawRedis {
    redisContext *c = nullptr;
    explicit RawRedis(int port) {
        timeval tv{2, 0};
        c = redisConnectWithTimeout("127.0.0.1", port, tv);
    }
    ~RawRedis() {
        if (c != nullptr) redisFree(c);
    }
    bool ok() const { return c != nullptr && c->err == 0; }
};

// Sends DEBUG SLEEP on `raw` without waiting for its reply, then waits until the server is really
// blocked (a fresh connection's PING gets no answer within 20 ms), so that the next command of the
// code under test is the one that waits. False if the server never blocked.
inline bool begin_debug_sleep(RawRedis &raw, int port, const char *seconds) {
    if (redisAppendCommand(raw.c, "DEBUG SLEEP %s", seconds) != REDIS_OK) return false;
    int done = 0;
    while (!done)
        if (redisBufferWrite(raw.c, &done) != REDIS_OK) return false;
    for (int i = 0; i < 200; ++i) {
        timeval tv{0, 20000};
        redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
        if (c == nullptr) return false;
        bool answered = false;
        if (c->err == 0 && redisSetTimeout(c, tv) == REDIS_OK) {
            auto *r = static_cast<redisReply *>(redisCommand(c, "PING"));
            answered = r != nullptr;
            if (r != nullptr) freeReplyObject(r);
        }
        redisFree(c);
        if (!answered) return true;
    }
    return false;
}
// A server blocked by DEBUG SLEEP for `seconds` (begin_debug_sleep on its own connection);
// wait() reads the sleep's reply: true once the server is awake again.
class SleepingRedis {
public:
    SleepingRedis(int port, const char *seconds) : raw_(port), ok_(raw_.ok() && begin_debug_sleep(raw_, port, seconds)) {}
    bool ok() const { return ok_; }
    bool wait() {
        void *reply = nullptr;
        if (redisGetReply(raw_.c, &reply) != REDIS_OK) return false;
        freeReplyObject(reply);
        return true;
    }

private:
    RawRedis raw_;
    bool ok_;
};
#endif  // SESAME_WITH_REDIS

}  // namespace test_support
