include(CMakePackageConfigHelpers)

install(TARGETS ${SESAME_INSTALL_TARGETS} EXPORT sesameTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES include/sesame.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${SESAME_PUBLIC_HEADERS} ${PROJECT_BINARY_DIR}/include/sesame/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sesame)
install(FILES ffi/sesame_ffi.h DESTINATION ${CMAKE_INSTALL_DATADIR}/sesame)
if(TARGET sesame_cli)
  install(TARGETS sesame_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

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
