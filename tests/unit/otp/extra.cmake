# Extras of sesame_unit_otp (included by tests/CMakeLists.txt with ${module} and the target).
# The Redis tests use the redis-server of the ctest fixture `sesame_redis` (tests/redis.cmake) when
# it runs, else they start a private one (tests/unit/otp/redis_server.hpp) and stop it by PID.
target_link_libraries(sesame_unit_${module} PRIVATE Threads::Threads)
# Attach the fixture to the discovered tests: gtest_discover_tests fills sesame_unit_otp_TESTS in
# its include file at ctest time; ours runs after it.
set(_otp_fixture_include ${CMAKE_CURRENT_BINARY_DIR}/sesame_unit_otp_redis_fixture.cmake)
file(WRITE ${_otp_fixture_include} "
foreach(t IN LISTS sesame_unit_otp_TESTS)
  if(t MATCHES \"[Rr]edis\")
    set_tests_properties(\"\${t}\" PROPERTIES FIXTURES_REQUIRED sesame_redis
      ENVIRONMENT \"SESAME_TEST_REDIS_DIR=${CMAKE_BINARY_DIR}/redis-fixture\")
  endif()
endforeach()
")
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${_otp_fixture_include})
