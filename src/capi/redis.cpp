#include "capi/redis.hpp"

#include "capi/shim.hpp"

namespace sesame::capi {

sesame_status read_redis_options(const sesame_redis_options *in, redis::Options &out, std::string &prefix,
                                 const char *default_prefix) noexcept {
    SESAME_SHIM_BEGIN
    sesame_redis_options o;
    if (sesame_status st = sesame_redis_options_init(&o); st != SESAME_OK) return st;
    if (sesame_status st = read_struct(in, o, "redis options"); st != SESAME_OK) return st;
    SESAME_REQUIRE_INPUT(o.host, o.host_len);
    SESAME_REQUIRE_INPUT(o.unix_socket, o.unix_socket_len);
    SESAME_REQUIRE_INPUT(o.prefix, o.prefix_len);
    SESAME_REQUIRE_INPUT(o.username, o.username_len);
    SESAME_REQUIRE_INPUT(o.password, o.password_len);
    SESAME_REQUIRE_INPUT(o.sentinels, o.sentinels_len);
    SESAME_REQUIRE_INPUT(o.master_name, o.master_name_len);
    SESAME_REQUIRE_INPUT(o.sentinel_password, o.sentinel_password_len);
    if (o.host_len != 0) out.host.assign(o.host, o.host_len);
    out.port = o.port;
    if (o.unix_socket_len != 0) out.unix_socket.assign(o.unix_socket, o.unix_socket_len);
    if (o.prefix != nullptr) prefix.assign(o.prefix, o.prefix_len);
    else prefix = default_prefix;
    out.connect_timeout_ms = o.connect_timeout_ms;
    out.timeout_ms = o.timeout_ms;
    if (o.username_len != 0) out.username.assign(o.username, o.username_len);
    if (o.password_len != 0) out.password = SecretBytes(o.password, o.password_len);
    out.db = o.db;
    out.connections = o.connections;
#ifdef SESAME_WITH_REDIS  // without hiredis, the objects that would use these refuse to be created
    if (o.sentinels_len != 0) {
        auto endpoints = redis::parse_endpoints(as_view(o.sentinels, o.sentinels_len));
        if (!endpoints.ok()) return to_c(endpoints.status());
        out.sentinels = std::move(*endpoints);
    }
#endif
    if (o.master_name_len != 0) out.master_name.assign(o.master_name, o.master_name_len);
    if (o.sentinel_password_len != 0) out.sentinel_password = SecretBytes(o.sentinel_password, o.sentinel_password_len);
    out.wait_replicas = o.wait_replicas;
    return SESAME_OK;
    SESAME_SHIM_END
}

}  // namespace sesame::capi

extern "C" sesame_status sesame_redis_options_init(sesame_redis_options *opts) noexcept {
    SESAME_SHIM_BEGIN
    const sesame::redis::Options d;  // the core's defaults, outside init_struct's noexcept
    return sesame::capi::init_struct(opts, "opts", [&d](sesame_redis_options &o) {
        o.port = d.port;
        o.connect_timeout_ms = d.connect_timeout_ms;
        o.timeout_ms = d.timeout_ms;
        o.db = d.db;
        o.connections = d.connections;
    });
    SESAME_SHIM_END
}
