# cmake -DBUILD_DIR=... -DPREFIX=... -DCONFIG=... -P install_prefix.cmake
# Installs claimkb's build into a fresh PREFIX, which the consumer tests build
# against. PREFIX is deliberately not CMAKE_INSTALL_PREFIX: the installed files must
# work wherever they land.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                        --config "${CONFIG}"
                OUTPUT_QUIET
                COMMAND_ERROR_IS_FATAL ANY)
message(STATUS "installed into ${PREFIX}")
