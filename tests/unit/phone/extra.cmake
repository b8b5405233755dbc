# The differential test of the phone module links libphonenumber (Debian libphonenumber-dev), a
# test-only peer: the library itself never links it.
find_library(SESAME_PHONENUMBER_LIB phonenumber REQUIRED)
find_path(SESAME_PHONENUMBER_INCLUDE phonenumbers/phonenumberutil.h REQUIRED)
target_include_directories(sesame_unit_${module} SYSTEM PRIVATE ${SESAME_PHONENUMBER_INCLUDE})
target_link_libraries(sesame_unit_${module} PRIVATE ${SESAME_PHONENUMBER_LIB})
