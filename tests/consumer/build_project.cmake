# cmake -DSOURCE=... -DBINARY=... -DPREFIX=... -DGENERATOR=... -DC_COMPILER=...
#       -DCXX_COMPILER=... -DBUILD_TYPE=... [-DC_FLAGS=...] [-DCXX_FLAGS=...]
#       [-DLINKER_FLAGS=...] [-DEXTRA=a|b|c] -P build_project.cmake
# Configures, builds and installs a consumer project the way its user would, with
# the compilers and flags claimkb was built with (a sanitizer build's library needs
# the sanitizer in the program too). EXTRA holds more -D options, |-separated.
string(REPLACE "|" ";" extra "${EXTRA}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}"
          "-DCMAKE_C_COMPILER=${C_COMPILER}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
          "-DCMAKE_C_FLAGS=${C_FLAGS}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
          "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}" "-DCMAKE_SHARED_LINKER_FLAGS=${LINKER_FLAGS}"
          "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" "-DCMAKE_PREFIX_PATH=${PREFIX}"
          "-DCMAKE_INSTALL_PREFIX=${PREFIX}" ${extra}
  COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BINARY}" --parallel 2
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BINARY}" OUTPUT_QUIET
                COMMAND_ERROR_IS_FATAL ANY)
