// _time_report(kb, id, n): the nanoseconds one KnowledgeBase::report() call takes in
// C++, averaged over n calls, so that bench/python_report_bench.py can set the
// Python call (kb.report(id)) beside it and give the binding's overhead.
#include <chrono>

#include "bindings.hpp"
#include "claimkb/knowledge_base.hpp"

namespace claimkb::python {
namespace py = pybind11;

namespace {

double time_report(const KnowledgeBase& kb, const std::string& id, std::size_t n) {
  std::size_t sink = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    const std::optional<Report> r = kb.report(id);
    sink += r ? r->reasons.size() : 0;  // keeps the call from being optimised away
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  if (sink == static_cast<std::size_t>(-1)) return 0.0;
  return std::chrono::duration<double, std::nano>(elapsed).count() / static_cast<double>(n == 0 ? 1 : n);
}

}  // namespace

void bind_bench_hook(py::module_& m) {
  m.def("_time_report", &time_report, py::arg("kb"), py::arg("id"), py::arg("n"),
        py::call_guard<py::gil_scoped_release>(),
        "Mean nanoseconds of n KnowledgeBase::report(id) calls in C++ (for the benchmark).");
}

}  // namespace claimkb::python
