# The ctest fixture `sesame_redis`: a private redis-server (127.0.0.1, free port, no persistence,
# DEBUG allowed locally) for the Redis tests of every layer (the OTP store, the date counter),
# stopped by its PID afterwards. Tests find its port in SESAME_TEST_REDIS_DIR/port
# (tests/support/redis_server.hpp, the Python and PHP test helpers).
set(SESAME_REDIS_FIXTURE_DIR ${CMAKE_BINARY_DIR}/redis-fixture)
add_test(NAME Redis.FixtureStart COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/scripts/redis_fixture.sh start ${SESAME_REDIS_FIXTURE_DIR})
add_test(NAME Redis.FixtureStop COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/scripts/redis_fixture.sh stop ${SESAME_REDIS_FIXTURE_DIR})
set_tests_properties(Redis.FixtureStart PROPERTIES FIXTURES_SETUP sesame_redis LABELS "redis")
set_tests_properties(Redis.FixtureStop PROPERTIES FIXTURES_CLEANUP sesame_redis LABELS "redis")

# Plain ctest tests that need the server.
function(sesame_redis_fixture_tests)
  foreach(t ${ARGN})
    if(TEST ${t})
      set_property(TEST ${t} APPEND PROPERTY FIXTURES_REQUIRED sesame_redis)
      set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT "SESAME_TEST_REDIS_DIR=${SESAME_REDIS_FIXTURE_DIR}")
    endif()
  endforeach()
endfunction()

# The GoogleTest cases of `target` whose names mention Redis. gtest_discover_tests fills
# <target>_TESTS in its include file at ctest time; ours runs after it.
function(sesame_redis_fixture_gtests target)
  set(inc ${CMAKE_CURRENT_BINARY_DIR}/${target}_redis_fixture.cmake)
  file(WRITE ${inc} "
foreach(t IN LISTS ${target}_TESTS)
  if(t MATCHES \"[Rr]edis\")
    set_tests_properties(\"\${t}\" PROPERTIES FIXTURES_REQUIRED sesame_redis
      ENVIRONMENT \"SESAME_TEST_REDIS_DIR=${SESAME_REDIS_FIXTURE_DIR}\")
  endif()
endforeach()
")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${inc})
  if(SESAME_WITH_REDIS)
    target_link_libraries(${target} PRIVATE PkgConfig::HIREDIS)  # tests/support/redis_server.hpp
    target_compile_definitions(${target} PRIVATE SESAME_WITH_REDIS)
  endif()
endfunction()
