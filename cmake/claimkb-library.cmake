# claimkb_package_library(<target>): what the library target needs so that it can be
# installed and linked from outside the tree — an export macro header, hidden
# non-API symbols and a SONAME for a shared build, and the install layout compiled
# in so that the library finds its bundled KB wherever the prefix ends up.
include(GNUInstallDirs)
include(GenerateExportHeader)

function(claimkb_package_library target)
  # claimkb/export.h: CLAIMKB_EXPORT marks the API. It is plain preprocessor code,
  # so the C header claimkb.h can include it too.
  generate_export_header(${target}
    BASE_NAME claimkb
    EXPORT_FILE_NAME ${PROJECT_BINARY_DIR}/include/claimkb/export.h)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "STATIC_LIBRARY")
    # Tells export.h that nothing is imported from a DLL; PUBLIC, so consumers of
    # the installed static library get it too (claimkb.pc repeats it in Cflags).
    target_compile_definitions(${target} PUBLIC CLAIMKB_STATIC_DEFINE)
  endif()

  # Before 1.0 every minor release may break the ABI, so the SONAME carries it.
  if(PROJECT_VERSION_MAJOR EQUAL 0)
    set(soversion ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
  else()
    set(soversion ${PROJECT_VERSION_MAJOR})
  endif()
  # Hidden by default: only what CLAIMKB_EXPORT marks is the ABI, so yaml-cpp,
  # Boost and the internals can change without breaking a linked app.
  set_target_properties(${target} PROPERTIES
    EXPORT_NAME claimkb
    VERSION ${PROJECT_VERSION}
    SOVERSION ${soversion}
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)

  if(type STREQUAL "SHARED_LIBRARY" AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang"
     AND NOT APPLE AND NOT WIN32)
    # What visibility cannot hide (see the map's comment). ELF linkers only.
    set(map ${PROJECT_SOURCE_DIR}/cmake/claimkb.map)
    target_link_options(${target} PRIVATE "LINKER:--version-script=${map}")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${map})
  endif()

  # From the directory holding the library (or, for a static library, the program
  # that links it) to the installed KB; lib/bundled_kb.cpp walks these at run time.
  file(RELATIVE_PATH from_libdir ${CMAKE_INSTALL_FULL_LIBDIR} ${CMAKE_INSTALL_FULL_DATADIR}/claimkb)
  file(RELATIVE_PATH from_bindir ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_DATADIR}/claimkb)
  target_compile_definitions(${target} PRIVATE
    CLAIMKB_KB_FROM_LIBDIR="${from_libdir}"
    CLAIMKB_KB_FROM_BINDIR="${from_bindir}")
endfunction()

# claimkb_library_with_internals(<var>): sets <var> to a target that gives the
# library's internals (lib/*.hpp functions) as well as its API, for unit tests. A
# static claimkb is that already; a shared one exports only the API, so the tests
# get a static library made of the same object files.
function(claimkb_library_with_internals var)
  get_target_property(type claimkb TYPE)
  if(NOT type STREQUAL "SHARED_LIBRARY")
    set(${var} claimkb::claimkb PARENT_SCOPE)
    return()
  endif()
  if(NOT TARGET claimkb_internals)
    add_library(claimkb_internals STATIC $<TARGET_OBJECTS:claimkb>)
    target_include_directories(claimkb_internals PUBLIC
      $<TARGET_PROPERTY:claimkb,INTERFACE_INCLUDE_DIRECTORIES>)
    target_compile_features(claimkb_internals PUBLIC cxx_std_17)
    get_property(items GLOBAL PROPERTY CLAIMKB_LINK_ITEMS)
    target_link_libraries(claimkb_internals PUBLIC ${items})
  endif()
  set(${var} claimkb_internals PARENT_SCOPE)
endfunction()
