# cmake -DLIBRARY=<path to libclaimkb.so> -DNM=... -DREADELF=... -P exports.cmake
# A shared libclaimkb exports its API and nothing else: every defined dynamic
# symbol is a claimkb_* C function or something in namespace claimkb (demangled),
# and the SONAME carries the ABI version. Anything else — yaml-cpp, Boost, std
# template instances, internals — would become ABI that apps could bind to.
execute_process(COMMAND "${NM}" -D --defined-only -C "${LIBRARY}"
                OUTPUT_VARIABLE listing COMMAND_ERROR_IS_FATAL ANY)
string(REPLACE "\n" ";" lines "${listing}")
set(count 0)
set(stray "")
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  string(REGEX REPLACE "^[0-9a-fA-F]* *[A-Za-z] " "" symbol "${line}")
  math(EXPR count "${count} + 1")
  if(NOT symbol MATCHES "^claimkb_|claimkb::")
    string(APPEND stray "\n  ${line}")
  endif()
endforeach()
if(stray)
  message(FATAL_ERROR "${LIBRARY} exports symbols outside the API:${stray}")
endif()
if(count LESS 10)
  message(FATAL_ERROR "${LIBRARY} exports only ${count} symbols: is the API marked CLAIMKB_EXPORT?")
endif()

execute_process(COMMAND "${READELF}" -d "${LIBRARY}" OUTPUT_VARIABLE dynamic
                COMMAND_ERROR_IS_FATAL ANY)
if(NOT dynamic MATCHES "Library soname: \\[(libclaimkb\\.so\\.[0-9.]+)\\]")
  message(FATAL_ERROR "${LIBRARY} has no versioned SONAME:\n${dynamic}")
endif()
message(STATUS "${count} exported symbols, all API; SONAME ${CMAKE_MATCH_1}")
