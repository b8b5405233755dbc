include(CMakePackageConfigHelpers)

install(TARGETS ${SESAME_INSTALL_TARGETS} EXPORT sesameTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# `cmake --install --strip` strips executables and shared libraries; the static archive keeps its
# debug sections unless told (57 MB in a RelWithDebInfo build): strip those too.
if(TARGET sesame_static AND CMAKE_STRIP)
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:sesame_static>\")
    endif()")
endif()
install(FILES include/sesame.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${SESAME_PUBLIC_HEADERS} ${PROJECT_BINARY_DIR}/include/sesame/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sesame)
install(FILES ffi/sesame_ffi.h DESTINATION ${CMAKE_INSTALL_DATADIR}/sesame)
if(TARGET sesame_cli)
  # The CLI finds the library it was installed with, wherever the prefix is (no LD_LIBRARY_PATH,
  # no ldconfig needed for a private prefix): RUNPATH $ORIGIN/../lib.
  file(RELATIVE_PATH SESAME_CLI_TO_LIB "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${CMAKE_INSTALL_LIBDIR}")
  set_target_properties(sesame_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${SESAME_CLI_TO_LIB}")
  target_link_options(sesame_cli PRIVATE "LINKER:--enable-new-dtags")
  install(TARGETS sesame_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # Its manual page and its bash completion, where man(1) and bash-completion look for them.
  install(FILES docs/man/sesame.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES tools/sesame/completion/sesame.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME sesame)
endif()
# Apache-2.0 section 4(d) and the word lists' ODC-BY attribution travel with the binaries.
install(FILES LICENSE NOTICE DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(SESAME_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/sesame)
install(EXPORT sesameTargets NAMESPACE sesame:: DESTINATION ${SESAME_CMAKE_DIR})
configure_package_config_file(cmake/sesameConfig.cmake.in ${PROJECT_BINARY_DIR}/sesameConfig.cmake
  INSTALL_DESTINATION ${SESAME_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/sesameConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/sesameConfig.cmake ${PROJECT_BINARY_DIR}/sesameConfigVersion.cmake
  DESTINATION ${SESAME_CMAKE_DIR})

# pkg-config: paths relative to ${prefix} so that the installed tree can be moved.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SESAME_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(SESAME_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SESAME_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SESAME_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
file(RELATIVE_PATH SESAME_PC_PREFIX_FROM_PCDIR "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" SESAME_PC_PREFIX_FROM_PCDIR "${SESAME_PC_PREFIX_FROM_PCDIR}")
configure_file(cmake/sesame.pc.in ${PROJECT_BINARY_DIR}/sesame.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/sesame.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
