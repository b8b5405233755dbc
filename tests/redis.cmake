# The ctest fixture `sesame_redis`: a private redis-server (127.0.0.1, free port, no persistence,
# DEBUG allowed locally) for the OTP Redis tests of every layer, stopped by its PID afterwards.
set(SESAME_REDIS_FIXTURE_DIR ${CMAKE_BINARY_DIR}/redis-fixture)
add_test(NAME Redis.FixtureStart COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/scripts/redis_fixture.sh start ${SESAME_REDIS_FIXTURE_DIR})
add_test(NAME Redis.FixtureStop COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/scripts/redis_fixture.sh stop ${SESAME_REDIS_FIXTURE_DIR})
set_tests_properties(Redis.FixtureStart PROPERTIES FIXTURES_SETUP sesame_redis LABELS "redis")
set_tests_properties(Redis.FixtureStop PROPERTIES FIXTURES_CLEANUP sesame_redis LABELS "redis")
foreach(t Python.Binding Php.Binding)
  if(TEST ${t})
    set_property(TEST ${t} APPEND PROPERTY FIXTURES_REQUIRED sesame_redis)
    set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT "SESAME_TEST_REDIS_DIR=${SESAME_REDIS_FIXTURE_DIR}")
  endif()
endforeach()
