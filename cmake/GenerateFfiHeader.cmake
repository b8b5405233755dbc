# Writes OUT: the public API as plain C declarations (no macro, no #include, no comment), made by
# the C preprocessor from include/sesame.h with SESAME_FFI_GENERATE defined (attributes empty).
# PHP's FFI::cdef/FFI::load and cffi parse it. Usage:
#   cmake -DSRC=<repo> -DBIN=<build> -DCC=<cc> -DOUT=<file> -P GenerateFfiHeader.cmake
execute_process(
  COMMAND ${CC} -E -P -undef -nostdinc -DSESAME_FFI_GENERATE -I${SRC}/include -I${BIN}/include
          ${SRC}/include/sesame.h
  OUTPUT_VARIABLE body RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "preprocessing sesame.h failed: ${err}")
endif()
string(REGEX REPLACE "\n[ \t]*\n+" "\n" body "${body}")
string(REGEX REPLACE "^[ \t\n]+" "" body "${body}")
set(text "/* GENERATED from include/sesame.h by cmake/GenerateFfiHeader.cmake: do not edit.\n   Regenerate with `cmake --build build --target ffi_header`. */\n${body}")
if(DEFINED CHECK_ONLY)
  file(READ ${OUT} current)
  if(NOT current STREQUAL text)
    message(FATAL_ERROR "${OUT} is stale: run `cmake --build build --target ffi_header` and commit it")
  endif()
  message(STATUS "${OUT} is up to date")
else()
  file(WRITE ${OUT} "${text}")
endif()
