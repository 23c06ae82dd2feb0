// The parts of the `claimkb._claimkb` extension module, one function a file;
// module.cpp calls them in order (a class must be bound before the signatures that
// name it).
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>

#include "claimkb/types.hpp"

namespace claimkb::python {

// Diagnostic, ClaimInfo, SearchHit, Match, Mention (bind_values.cpp).
void bind_values(pybind11::module_& m);
// Report and its parts (bind_report.cpp).
void bind_report(pybind11::module_& m);
// KnowledgeBase, its claim iterator and _open() (bind_kb.cpp).
void bind_kb(pybind11::module_& m);
// _time_report(), for bench/python_report_bench.py (bench_hook.cpp).
void bind_bench_hook(pybind11::module_& m);

// A certainty as the JSON spells it: its name, or None for an insufficient verdict.
inline std::optional<std::string> certainty_name(const std::optional<Certainty>& c) {
  if (!c) return std::nullopt;
  return std::string(to_string(*c));
}

}  // namespace claimkb::python
