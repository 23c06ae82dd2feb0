# What `cmake --install` puts under the prefix: the public headers, the library, the
# claimkb command, the bundled KB, a CMake package for find_package(claimkb CONFIG)
# and claimkb.pc for pkg-config. Included from the top-level CMakeLists.txt when
# CLAIMKB_INSTALL is on.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(claimkb_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/claimkb)
get_target_property(claimkb_library_type claimkb TYPE)

# ---- headers, library, command, data ------------------------------------------
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/claimkb
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT claimkb_development
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/claimkb/version.hpp
              ${PROJECT_BINARY_DIR}/include/claimkb/export.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/claimkb
        COMPONENT claimkb_development)

install(TARGETS claimkb EXPORT claimkbTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT claimkb_development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT claimkb_runtime
                NAMELINK_COMPONENT claimkb_development
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT claimkb_runtime
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET claimkb_cli)
  if(claimkb_library_type STREQUAL "SHARED_LIBRARY" AND NOT APPLE AND NOT WIN32)
    # The command finds the libclaimkb.so of its own prefix, wherever that is.
    file(RELATIVE_PATH bin_to_lib ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR})
    set_target_properties(claimkb_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${bin_to_lib}")
  endif()
  install(TARGETS claimkb_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT claimkb_runtime)
endif()

# lib/bundled_kb.cpp finds this directory relative to the installed library.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/claims ${PROJECT_SOURCE_DIR}/citations ${PROJECT_SOURCE_DIR}/concepts
        DESTINATION ${CMAKE_INSTALL_DATADIR}/claimkb
        COMPONENT claimkb_runtime
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.yml")

# ---- CMake package ------------------------------------------------------------
install(EXPORT claimkbTargets
        NAMESPACE claimkb::
        DESTINATION ${claimkb_cmake_dir}
        COMPONENT claimkb_development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/claimkbConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/claimkbConfig.cmake
                              INSTALL_DESTINATION ${claimkb_cmake_dir}
                              PATH_VARS CMAKE_INSTALL_DATADIR)
# Before 1.0 a minor release may break the API (the SONAME says the same).
write_basic_package_version_file(${PROJECT_BINARY_DIR}/claimkbConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/claimkbConfig.cmake
              ${PROJECT_BINARY_DIR}/claimkbConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/claimkb-dependencies.cmake
        DESTINATION ${claimkb_cmake_dir}
        COMPONENT claimkb_development)

# ---- pkg-config ---------------------------------------------------------------
# The dependencies come from cmake/claimkb-dependencies.cmake. A C program linking
# the static C++ library also needs the C++ runtime: the libraries the C++ compiler
# links implicitly and the C compiler does not (e.g. -lstdc++ -lm).
get_property(claimkb_pc_requires GLOBAL PROPERTY CLAIMKB_PC_REQUIRES)
get_property(claimkb_pc_libs GLOBAL PROPERTY CLAIMKB_PC_LIBS)
foreach(lib IN LISTS CMAKE_CXX_IMPLICIT_LINK_LIBRARIES)
  if(NOT lib IN_LIST CMAKE_C_IMPLICIT_LINK_LIBRARIES AND NOT "-l${lib}" IN_LIST claimkb_pc_libs)
    list(APPEND claimkb_pc_libs "-l${lib}")
  endif()
endforeach()
list(JOIN claimkb_pc_requires ", " CLAIMKB_PC_REQUIRES_PRIVATE)
list(JOIN claimkb_pc_libs " " CLAIMKB_PC_LIBS_PRIVATE)
set(CLAIMKB_PC_CFLAGS "")
if(claimkb_library_type STREQUAL "STATIC_LIBRARY")
  set(CLAIMKB_PC_CFLAGS " -DCLAIMKB_STATIC_DEFINE")  # as the CMake target does
endif()
# ${pcfiledir} keeps the file right when the prefix is moved or given to
# `cmake --install --prefix`.
file(RELATIVE_PATH CLAIMKB_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" CLAIMKB_PC_TO_PREFIX "${CLAIMKB_PC_TO_PREFIX}")
foreach(dir IN ITEMS LIBDIR INCLUDEDIR DATADIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(CLAIMKB_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(CLAIMKB_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/claimkb.pc.in ${PROJECT_BINARY_DIR}/claimkb.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/claimkb.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT claimkb_development)
