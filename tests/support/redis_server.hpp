// Test helper: a private redis-server child process on 127.0.0.1 and a free port, no persistence,
// stopped by its PID. Also finds the server of the ctest fixture (tests/redis.cmake).
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>

#ifdef SESAME_WITH_REDIS
#include <hiredis/hiredis.h>
#endif

namespace test_support {

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
    // Starts redis-server; nullptr if it cannot (binary missing).
    static std::unique_ptr<RedisServer> start(int port = 0) {
        auto s = std::unique_ptr<RedisServer>(new RedisServer);
        s->port_ = port != 0 ? port : free_port();
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
        const std::string port = std::to_string(port_);
        pid_t pid = ::fork();
        if (pid < 0) return false;
        if (pid == 0) {
            int devnull = ::open("/dev/null", O_WRONLY);
            if (devnull >= 0) {
                ::dup2(devnull, 1);
                ::dup2(devnull, 2);
            }
            ::execlp("redis-server", "redis-server", "--port", port.c_str(), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no", "--enable-debug-command", "local", "--dir", "/tmp", nullptr);
            ::_exit(127);
        }
        pid_ = pid;
        if (!redis_ready(port_)) {
            stop();
            return false;
        }
        return true;
    }
    int port_ = 0;
    pid_t pid_ = -1;
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
