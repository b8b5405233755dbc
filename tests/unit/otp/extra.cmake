# Extras of sesame_unit_otp (included by tests/CMakeLists.txt with ${module} and the target): the
# concurrency tests use threads. Its Redis tests use the ctest fixture (tests/redis.cmake).
target_link_libraries(sesame_unit_${module} PRIVATE Threads::Threads)
