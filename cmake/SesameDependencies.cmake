# Runtime dependencies, all from Debian packages (see scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
# Debian 12 ships utf8proc 2.8.0 whose .pc still says 2.6.0: no version constraint here; the
# unit tests check utf8proc_version() (Unicode 15 properties are part of the specs).
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)

option(SESAME_WITH_REDIS "Build the Redis OTP store (hiredis)" ON)
if(SESAME_WITH_REDIS)
  pkg_check_modules(HIREDIS IMPORTED_TARGET hiredis)
  if(NOT HIREDIS_FOUND)
    message(STATUS "hiredis not found: the Redis store is left out")
    set(SESAME_WITH_REDIS OFF CACHE BOOL "" FORCE)
  endif()
endif()

add_library(sesame_deps INTERFACE)
target_link_libraries(sesame_deps INTERFACE PkgConfig::SODIUM PkgConfig::UTF8PROC ICU::i18n ICU::uc
  OpenSSL::Crypto nlohmann_json::nlohmann_json Threads::Threads)
set(SESAME_PC_REQUIRES_PRIVATE "libsodium libutf8proc icu-uc icu-i18n libcrypto")
set(SESAME_STATIC_LINK_LIBS sodium utf8proc icui18n icuuc icudata crypto Threads::Threads)
if(SESAME_WITH_REDIS)
  target_link_libraries(sesame_deps INTERFACE PkgConfig::HIREDIS)
  target_compile_definitions(sesame_deps INTERFACE SESAME_WITH_REDIS)
  string(APPEND SESAME_PC_REQUIRES_PRIVATE " hiredis")
  list(APPEND SESAME_STATIC_LINK_LIBS hiredis)
endif()
