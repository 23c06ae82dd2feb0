# cmake -DCLI=<claimkb> -DCHECK=<c_api_check> -P compare_list.cmake
# claimkb_list_json() gives apps the same array `claimkb list --json` prints.
set(ENV{CLAIMKB_KB} "")
execute_process(COMMAND "${CLI}" list --json OUTPUT_VARIABLE from_cli COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CHECK}" list OUTPUT_VARIABLE from_c_api COMMAND_ERROR_IS_FATAL ANY)
string(JSON same EQUAL "${from_cli}" "${from_c_api}")
if(NOT same)
  message(FATAL_ERROR "they differ:\nclaimkb list --json:\n${from_cli}\nclaimkb_list_json():\n${from_c_api}")
endif()
string(JSON count LENGTH "${from_cli}")
message(STATUS "the same ${count} claims")
