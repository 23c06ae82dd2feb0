// claimkb._claimkb: the C++ API of claimkb (include/claimkb/) for Python. The
// package `claimkb` (python/claimkb/__init__.py) wraps it: open() and KBError live
// there, and python/claimkb/_claimkb.pyi gives the types.
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "claimkb/version.hpp"

// NOLINTNEXTLINE(readability-identifier-naming,misc-use-anonymous-namespace): pybind11's entry point macro
PYBIND11_MODULE(_claimkb, m) {
  m.doc() = "claimkb's C++ API; use the `claimkb` package, which wraps it.";
  m.attr("__version__") = CLAIMKB_VERSION_STRING;
  claimkb::python::bind_values(m);
  claimkb::python::bind_report(m);
  claimkb::python::bind_kb(m);
  claimkb::python::bind_bench_hook(m);
}
