// Report (docs/cli.md's answer for one claim) and its parts for Python. The
// attributes are read from the C++ Report; to_json() is verdict_json(), the writer
// `claimkb verdict --json` uses, so to_dict() cannot drift from the command.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "py_types.hpp"

namespace claimkb::python {
namespace py = pybind11;

namespace {

std::string match_by(const Match& m) {
  if (m.kind == Match::Kind::id) return "id";
  return m.by_concepts ? "concepts" : "words";
}

void bind_parts(py::module_& m) {
  py::class_<ReportEvidence>(m, "Evidence", "One evidence link of a claim, as the grader used it.")
      .def_readonly("citation", &ReportEvidence::citation, "The citation's id.")
      .def_property_readonly(
          "stance", [](const ReportEvidence& e) { return std::string(to_string(e.stance)); },
          "'supports', 'refutes' or 'neutral'.")
      .def_property_readonly(
          "design", [](const ReportEvidence& e) { return std::string(to_string(e.design)); },
          "The study design, e.g. 'rct' (docs/grading.md).")
      .def_readonly("counted", &ReportEvidence::counted, "Whether the link counts toward the verdict.")
      .def_readonly("finding", &ReportEvidence::finding)
      .def_readonly("reference", &ReportEvidence::reference, "The citation in NLM/Vancouver style.")
      .def("__repr__", [](const ReportEvidence& e) { return "<Evidence " + e.citation + ">"; });
  py::class_<ReportAssertion>(m, "Assertion", "A source that asserts the claim.")
      .def_readonly("citation", &ReportAssertion::citation)
      .def_readonly("quote", &ReportAssertion::quote, "'' when none.")
      .def_readonly("reference", &ReportAssertion::reference)
      .def("__repr__", [](const ReportAssertion& a) { return "<Assertion " + a.citation + ">"; });
  py::class_<ReportPremise>(m, "Premise", "A claim this claim depends on, with its verdict.")
      .def_readonly("id", &ReportPremise::id)
      .def_property_readonly("verdict", [](const ReportPremise& p) { return std::string(to_string(p.verdict)); })
      .def_property_readonly("certainty", [](const ReportPremise& p) { return certainty_name(p.certainty); })
      .def("__repr__", [](const ReportPremise& p) { return "<Premise " + p.id + ">"; });
}

}  // namespace

void bind_report(py::module_& m) {
  bind_parts(m);
  py::class_<PyReport>(m, "Report", "The graded answer for one claim: what `claimkb verdict ID --json` prints.")
      .def_property_readonly("id", [](const PyReport& p) { return p.r.id; })
      .def_property_readonly("statement", [](const PyReport& p) { return p.r.statement; })
      .def_property_readonly(
          "verdict", [](const PyReport& p) { return std::string(to_string(p.r.verdict)); },
          "'supported', 'refuted', 'mixed' or 'insufficient'.")
      .def_property_readonly(
          "certainty", [](const PyReport& p) { return certainty_name(p.r.certainty); },
          "'high', 'moderate', 'low', 'very_low'; None exactly when insufficient.")
      .def_property_readonly(
          "summary", [](const PyReport& p) { return p.r.summary; }, "One sentence in GRADE's wording.")
      .def_property_readonly(
          "reasons", [](const PyReport& p) { return p.r.reasons; }, "One line per rule that fired, in order.")
      .def_property_readonly(
          "evidence", [](const PyReport& p) { return p.r.evidence; }, "Every evidence link, in the claim's order.")
      .def_property_readonly("asserted_by", [](const PyReport& p) { return p.r.asserted_by; })
      .def_property_readonly(
          "premises", [](const PyReport& p) { return p.r.premises; }, "The claims it depends on.")
      .def_property_readonly("warnings", [](const PyReport& p) { return p.r.warnings; })
      .def_property_readonly(
          "match_by", [](const PyReport& p) { return match_by(p.match); },
          "How the claim was found: 'id', 'concepts' or 'words' (a question).")
      .def_property_readonly(
          "match_concepts", [](const PyReport& p) { return p.match.concepts; },
          "The concepts a question named; empty for an id.")
      .def(
          "to_json", [](const PyReport& p, int indent) { return verdict_json(p.kb, p.match, indent); },
          py::arg("indent") = -1, "`claimkb verdict --json`'s object as text; indent < 0: one line.")
      .def(
          "to_dict",
          [](const PyReport& p) { return py::module_::import("json").attr("loads")(verdict_json(p.kb, p.match, -1)); },
          "`claimkb verdict --json`'s object as a dict (keys in the command's order).")
      .def("__repr__", [](const PyReport& p) {
        const std::optional<std::string> c = certainty_name(p.r.certainty);
        return "<Report " + p.r.id + ": " + std::string(to_string(p.r.verdict)) + (c ? " (" + *c + ")" : "") + ">";
      });
}

}  // namespace claimkb::python
