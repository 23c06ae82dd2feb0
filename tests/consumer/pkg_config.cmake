# cmake -DPREFIX=... -DLIBDIR=... -DCC=... -DCXX=... -DSOURCES=... -DBINARY=...
#       [-DC_FLAGS=...] [-DCXX_FLAGS=...] [-DLINKER_FLAGS=...] -P pkg_config.cmake
# Builds the C and C++ consumers with nothing but the flags pkg-config gives for
# the installed claimkb.pc (--static: the default libclaimkb is a static library,
# whose own dependencies come from Requires.private and Libs.private), then runs
# them.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
set(ENV{CLAIMKB_KB} "")
set(ENV{LD_LIBRARY_PATH} "${PREFIX}/${LIBDIR}")  # for a shared libclaimkb
file(MAKE_DIRECTORY "${BINARY}")

function(pkg_config out)
  execute_process(COMMAND "${PKG_CONFIG}" ${ARGN} claimkb OUTPUT_VARIABLE flags
                  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  message(STATUS "pkg-config ${ARGN} claimkb: ${flags}")
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(${out} "${flags}" PARENT_SCOPE)
endfunction()
pkg_config(cflags --cflags)
pkg_config(libs --libs --static)

separate_arguments(c_flags UNIX_COMMAND "${C_FLAGS}")
separate_arguments(cxx_flags UNIX_COMMAND "${CXX_FLAGS}")
separate_arguments(linker_flags UNIX_COMMAND "${LINKER_FLAGS}")

function(build_and_run compiler flags source program)
  execute_process(COMMAND "${compiler}" ${flags} -Wall -Wextra ${cflags}
                          "${SOURCES}/${source}" -o "${BINARY}/${program}" ${linker_flags} ${libs}
                  COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${BINARY}/${program}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${program} exited with ${status}")
  endif()
endfunction()
build_and_run("${CC}" "-std=c99;-pedantic-errors;${c_flags}" c_api_check.c c_api_check)
build_and_run("${CXX}" "-std=c++17;-pedantic;${cxx_flags}" verdict.cpp verdict)
