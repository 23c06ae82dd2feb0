# cmake -DCLI=<claimkb> -DCHECK=<c_api_check> -DMODE=list|search [-DTEXT=...]
#       -P compare_with_cli.cmake
# The C API gives apps the same JSON the command prints: `c_api_check MODE [TEXT]`
# against `claimkb MODE [TEXT] --json`, compared as JSON values (the command
# indents, the C API prints one line).
set(ENV{CLAIMKB_KB} "")
set(ARGS ${MODE})
if(MODE STREQUAL "search")
  list(APPEND ARGS "${TEXT}")
endif()
execute_process(COMMAND "${CLI}" ${ARGS} --json OUTPUT_VARIABLE from_cli COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CHECK}" ${ARGS} OUTPUT_VARIABLE from_c_api COMMAND_ERROR_IS_FATAL ANY)
string(JSON same EQUAL "${from_cli}" "${from_c_api}")
if(NOT same)
  message(FATAL_ERROR "they differ:\nclaimkb ${ARGS} --json:\n${from_cli}\nC API:\n${from_c_api}")
endif()
string(JSON count LENGTH "${from_cli}")
message(STATUS "the same ${count} claims")
