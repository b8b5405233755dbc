# Peers that benchmarks are compared with side by side (bench-only dependencies, Debian packages).
# Each block applies only when the benchmark program exists.
find_package(PkgConfig REQUIRED)
if(TARGET phone_bench)
  find_library(SESAME_PHONENUMBER_LIB phonenumber REQUIRED)
  target_link_libraries(phone_bench PRIVATE ${SESAME_PHONENUMBER_LIB})
endif()
if(TARGET password_bench)
  find_library(SESAME_ZXCVBN_LIB zxcvbn REQUIRED)
  find_library(SESAME_PWQUALITY_LIB pwquality REQUIRED)
  target_link_libraries(password_bench PRIVATE ${SESAME_ZXCVBN_LIB} ${SESAME_PWQUALITY_LIB} ICU::uc ICU::i18n)
endif()
if(TARGET otp_bench)
  pkg_check_modules(SESAME_OATH REQUIRED IMPORTED_TARGET liboath)
  target_link_libraries(otp_bench PRIVATE PkgConfig::SESAME_OATH)
endif()
if(TARGET identity_bench)
  target_link_libraries(identity_bench PRIVATE ICU::uc ICU::i18n)
endif()

# Whole-process peers of the `sesame` CLI (bench/cli_bench.sh, bench/README.md "CLI, whole process"):
# plain programs, not Google Benchmark ones, each the minimal line loop over one peer library,
# built at -O2 (the last -O on the command line wins over the build type's) with ordinary stdio.
find_library(SESAME_LINES_PHONENUMBER_LIB phonenumber REQUIRED)
find_library(SESAME_LINES_ZXCVBN_LIB zxcvbn REQUIRED)
add_executable(phone_lines_libphonenumber ${CMAKE_CURRENT_SOURCE_DIR}/lines/phone_lines_libphonenumber.cpp)
target_compile_features(phone_lines_libphonenumber PRIVATE cxx_std_17)
target_link_libraries(phone_lines_libphonenumber PRIVATE ${SESAME_LINES_PHONENUMBER_LIB})
add_executable(zxcvbn_lines ${CMAKE_CURRENT_SOURCE_DIR}/lines/zxcvbn_lines.c)
target_link_libraries(zxcvbn_lines PRIVATE ${SESAME_LINES_ZXCVBN_LIB})
foreach(t phone_lines_libphonenumber zxcvbn_lines)
  target_compile_options(${t} PRIVATE -O2)
  set_target_properties(${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench/lines)
endforeach()
