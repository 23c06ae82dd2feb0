# The libraries libclaimkb links privately: the one place to add one.
#
# This file is read twice. claimkb's own build reads it to find each library and
# link it (claimkb_link_dependencies in lib/CMakeLists.txt). The installed
# claimkbConfig.cmake reads it again when libclaimkb is static, because a static
# library keeps no record of what it needs: the consumer's link must name each one,
# so each must be found on the consumer's machine. claimkb.pc's Requires.private and
# Libs.private, for pkg-config users of the static library, come from the same calls.
#
# claimkb_dependency(<name> <kind> ...), one kind of:
#   PACKAGE <find_package arguments...> TARGET <target>
#       a library with a CMake package; TARGET is what claimkb links.
#   LIBRARY <library name> HEADER <header>
#       a C library without a CMake package, found with find_library/find_path and
#       linked as the imported target claimkb_deps::<name>.
#   SYSTEM <library name>
#       a library the linker finds alone (-l<name>), e.g. dl.
# and, for any kind:
#   HEADER_ONLY        needed only to compile claimkb's sources; never a consumer's
#                      concern, so neither the config nor claimkb.pc mention it.
#   PKG_CONFIG <module> its pkg-config module (Requires.private). Without one,
#                      claimkb.pc's Libs.private gets -l<library> for LIBRARY and
#                      SYSTEM, and for PACKAGE the flags its target links with
#                      (e.g. -pthread for Threads, where libc lacks threads).

include(CMakeFindDependencyMacro)

# A macro, not a function: in the installed config, find_dependency() must be able
# to return() from this file when a dependency is missing, and the imported targets
# it makes must land in the consumer's directory scope.
macro(claimkb_dependency _ckd_name)
  cmake_parse_arguments(_ckd "HEADER_ONLY" "TARGET;LIBRARY;HEADER;SYSTEM;PKG_CONFIG" "PACKAGE"
                        ${ARGN})
  if(_ckd_LIBRARY)
    set(_ckd_target claimkb_deps::${_ckd_name})
  elseif(_ckd_SYSTEM)
    set(_ckd_target ${_ckd_SYSTEM})
  else()
    set(_ckd_target ${_ckd_TARGET})
  endif()

  if(CLAIMKB_DEPENDENCIES_FOR_CONSUMER)
    # Inside claimkbConfig.cmake, for a static libclaimkb.
    if(_ckd_PACKAGE AND NOT _ckd_HEADER_ONLY)
      find_dependency(${_ckd_PACKAGE})
    elseif(_ckd_LIBRARY AND NOT _ckd_HEADER_ONLY AND NOT TARGET ${_ckd_target})
      find_library(CLAIMKB_${_ckd_name}_LIBRARY ${_ckd_LIBRARY})
      if(NOT CLAIMKB_${_ckd_name}_LIBRARY)
        set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE
            "the static libclaimkb needs lib${_ckd_LIBRARY}, which was not found")
        set(${CMAKE_FIND_PACKAGE_NAME}_FOUND FALSE)
        return()
      endif()
      add_library(${_ckd_target} UNKNOWN IMPORTED)
      set_target_properties(${_ckd_target} PROPERTIES
        IMPORTED_LOCATION "${CLAIMKB_${_ckd_name}_LIBRARY}")
    endif()
  else()
    # claimkb's own build: everything is required.
    if(_ckd_PACKAGE)
      find_package(${_ckd_PACKAGE} REQUIRED)
    elseif(_ckd_LIBRARY AND NOT TARGET ${_ckd_target})
      find_library(CLAIMKB_${_ckd_name}_LIBRARY ${_ckd_LIBRARY} REQUIRED)
      add_library(${_ckd_target} UNKNOWN IMPORTED)
      set_target_properties(${_ckd_target} PROPERTIES
        IMPORTED_LOCATION "${CLAIMKB_${_ckd_name}_LIBRARY}")
      if(_ckd_HEADER)
        find_path(CLAIMKB_${_ckd_name}_INCLUDE_DIR ${_ckd_HEADER} REQUIRED)
        set_target_properties(${_ckd_target} PROPERTIES
          INTERFACE_INCLUDE_DIRECTORIES "${CLAIMKB_${_ckd_name}_INCLUDE_DIR}")
      endif()
    endif()
    if(_ckd_HEADER_ONLY)
      # BUILD_INTERFACE: an exported static libclaimkb does not drag it along.
      set_property(GLOBAL APPEND PROPERTY CLAIMKB_LINK_ITEMS "$<BUILD_INTERFACE:${_ckd_target}>")
    else()
      set_property(GLOBAL APPEND PROPERTY CLAIMKB_LINK_ITEMS "${_ckd_target}")
      if(_ckd_PKG_CONFIG)
        set_property(GLOBAL APPEND PROPERTY CLAIMKB_PC_REQUIRES "${_ckd_PKG_CONFIG}")
      elseif(_ckd_LIBRARY OR _ckd_SYSTEM)
        set_property(GLOBAL APPEND PROPERTY CLAIMKB_PC_LIBS "-l${_ckd_LIBRARY}${_ckd_SYSTEM}")
      elseif(TARGET ${_ckd_target})
        get_target_property(_ckd_flags ${_ckd_target} INTERFACE_LINK_LIBRARIES)
        foreach(_ckd_flag IN LISTS _ckd_flags)
          if(_ckd_flag MATCHES "^-")
            set_property(GLOBAL APPEND PROPERTY CLAIMKB_PC_LIBS "${_ckd_flag}")
          endif()
        endforeach()
      endif()
    endif()
  endif()
  foreach(_ckd_var IN ITEMS HEADER_ONLY TARGET LIBRARY HEADER SYSTEM PKG_CONFIG PACKAGE
                            UNPARSED_ARGUMENTS KEYWORDS_MISSING_VALUES)
    unset(_ckd_${_ckd_var})
  endforeach()
  unset(_ckd_target)
  unset(_ckd_flags)
  unset(_ckd_flag)
endmacro()

# claimkb_link_dependencies(<target>): links everything declared below, privately.
function(claimkb_link_dependencies target)
  get_property(items GLOBAL PROPERTY CLAIMKB_LINK_ITEMS)
  target_link_libraries(${target} PRIVATE ${items})
endfunction()

# ---- the dependencies ----------------------------------------------------------
claimkb_dependency(yaml-cpp PACKAGE yaml-cpp 0.7 TARGET yaml-cpp PKG_CONFIG yaml-cpp)
# libyaml checks each file strictly before yaml-cpp reads it (lib/strict_yaml.cpp).
claimkb_dependency(yaml LIBRARY yaml HEADER yaml.h PKG_CONFIG yaml-0.1)
# Boost.Graph and nlohmann-json are used from their headers only.
claimkb_dependency(boost PACKAGE Boost 1.74 TARGET Boost::boost HEADER_ONLY)
claimkb_dependency(nlohmann_json PACKAGE nlohmann_json 3.10 TARGET nlohmann_json::nlohmann_json
                   HEADER_ONLY)
# dladdr(), to find the bundled KB next to the library (lib/bundled_kb.cpp).
if(CMAKE_DL_LIBS)
  claimkb_dependency(dl SYSTEM ${CMAKE_DL_LIBS})
endif()
# Snowball's stemmer, for search (lib/stemmer.cpp); Debian ships no CMake or
# pkg-config file for it.
claimkb_dependency(stemmer LIBRARY stemmer HEADER libstemmer.h)
# std::thread, to decode a KB's files on every core (lib/load.cpp).
claimkb_dependency(threads PACKAGE Threads TARGET Threads::Threads)
# pugixml reads PubMed's XML (lib/cite/pubmed_xml.cpp).
claimkb_dependency(pugixml PACKAGE pugixml 1.11 TARGET pugixml::pugixml PKG_CONFIG pugixml)
# xxHash checksums a compiled snapshot (lib/snapshot_file.cpp); used inline, from its
# header alone.
claimkb_dependency(xxhash LIBRARY xxhash HEADER xxhash.h HEADER_ONLY)
