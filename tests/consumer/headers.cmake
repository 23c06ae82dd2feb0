# cmake -DINCLUDE_DIR=<prefix>/include -DCC=... -DCXX=... -DBINARY=<dir> -P headers.cmake
# Every installed public header compiles on its own, with only the installed
# include directory on the path, and pulls in nothing from Boost, yaml-cpp, libyaml,
# nlohmann-json or libstemmer — those stay implementation details. Boost sits in
# /usr/include, where no -I can hide it, so the compiler's -H list of every file
# it opened is checked as well as the #include lines.
set(forbidden "boost/|yaml-cpp/|nlohmann/|libstemmer|[</\"]yaml\\.h")
file(GLOB headers "${INCLUDE_DIR}/claimkb/*.hpp" "${INCLUDE_DIR}/claimkb/*.h")
list(LENGTH headers count)
if(count LESS 5)
  message(FATAL_ERROR "only ${count} headers under ${INCLUDE_DIR}/claimkb")
endif()

file(MAKE_DIRECTORY "${BINARY}")

# Compiles a file holding nothing but `#include <claimkb/NAME>` (a header compiled
# as the main file would draw a "#pragma once in main file" warning).
function(compile header extension)  # ARGN: compiler and its options
  get_filename_component(name "${header}" NAME)
  set(source "${BINARY}/${name}.${extension}")
  # The typedef: ISO C forbids a translation unit with no declaration (export.h
  # alone declares nothing).
  file(WRITE "${source}" "#include <claimkb/${name}>\ntypedef int claimkb_header_check;\n")
  execute_process(COMMAND ${ARGN} -fsyntax-only -H -I "${INCLUDE_DIR}" "${source}"
                  RESULT_VARIABLE status ERROR_VARIABLE log OUTPUT_QUIET)
  # -H lists each opened file on a line starting with dots; the rest is diagnostics.
  string(REGEX REPLACE "\n\\.+ [^\n]*" "" diagnostics "\n${log}")
  if(NOT status EQUAL 0)
    message(SEND_ERROR "${name} does not compile alone (${extension}):${diagnostics}")
  endif()
  string(REGEX MATCHALL "\n\\.+ [^\n]*(${forbidden})[^\n]*" opened "\n${log}")
  if(opened)
    message(SEND_ERROR "${name} opens a dependency's header:${opened}")
  endif()
endfunction()

foreach(header IN LISTS headers)
  file(STRINGS "${header}" includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(line MATCHES "${forbidden}")
      message(SEND_ERROR "${header}: ${line}")
    endif()
  endforeach()
  compile("${header}" cpp "${CXX}" -std=c++17 -Wall -Wextra -Wpedantic -Werror)
  if(header MATCHES "\\.h$")
    # The C header is plain C99 too.
    compile("${header}" c "${CC}" -std=c99 -pedantic-errors -Wall -Wextra -Werror)
  endif()
endforeach()
message(STATUS "${count} headers checked")
