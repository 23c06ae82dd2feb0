// Diagnostic, ClaimInfo, SearchHit, Match and Mention for Python. Each to_dict()
// has the keys, in the order, of the command's JSON for it (docs/cli.md), which
// tests/python/test_cli_parity.py pins entry by entry.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "py_types.hpp"

namespace claimkb::python {
namespace py = pybind11;

namespace {

std::string kind_name(Match::Kind k) {
  switch (k) {
    case Match::Kind::id: return "id";
    case Match::Kind::clear_best: return "clear_best";
    case Match::Kind::unclear: return "unclear";
    case Match::Kind::none: break;
  }
  return "none";
}

py::dict hit_dict(const Hit& h) {
  py::dict d;
  d["id"] = h.id;
  d["score"] = h.score;
  d["statement"] = h.statement;
  d["verdict"] = std::string(to_string(h.verdict));
  d["certainty"] = certainty_name(h.certainty);
  d["concepts"] = h.concepts;
  return d;
}

void bind_diagnostic(py::module_& m) {
  py::class_<Diagnostic>(m, "Diagnostic", "One problem found in a KB, tied to a place in a file.")
      .def_readonly("file", &Diagnostic::file, "The file (or directory) concerned.")
      .def_readonly("line", &Diagnostic::line, "1-based line; 0 when it concerns the whole file.")
      .def_readonly("column", &Diagnostic::column, "1-based column; 0 when it concerns the whole file.")
      .def_readonly("message", &Diagnostic::message, "What is wrong and what to fix.")
      .def_property_readonly(
          "severity",
          [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error ? "error" : "warning"; },
          "'error' or 'warning'.")
      .def_property_readonly(
          "code", [](const Diagnostic& d) { return std::string(to_string(d.code)); },
          "The kind of problem as docs/cli.md names it: 'invalid_kb', 'io', 'damaged_snapshot', ...")
      .def("__str__", &Diagnostic::to_string)
      .def("__repr__", [](const Diagnostic& d) { return "<Diagnostic " + d.to_string() + ">"; });
}

void bind_claim_info(py::module_& m) {
  py::class_<ClaimInfo>(m, "ClaimInfo", "A claim with its verdict, as `claimkb list --json` lists it.")
      .def_readonly("id", &ClaimInfo::id)
      .def_readonly("statement", &ClaimInfo::statement)
      .def_property_readonly(
          "verdict", [](const ClaimInfo& c) { return std::string(to_string(c.verdict)); },
          "'supported', 'refuted', 'mixed' or 'insufficient'.")
      .def_property_readonly(
          "certainty", [](const ClaimInfo& c) { return certainty_name(c.certainty); },
          "'high', 'moderate', 'low', 'very_low'; None exactly when insufficient.")
      .def(
          "to_dict",
          [](const ClaimInfo& c) {
            py::dict d;
            d["id"] = c.id;
            d["statement"] = c.statement;
            d["verdict"] = std::string(to_string(c.verdict));
            d["certainty"] = certainty_name(c.certainty);
            return d;
          },
          "An entry of `claimkb list --json`.")
      .def("__repr__", [](const ClaimInfo& c) { return "<ClaimInfo " + c.id + ">"; });
}

void bind_hit(py::module_& m) {
  py::class_<Hit>(m, "SearchHit", "A claim found by search(), as `claimkb search --json` lists it.")
      .def_readonly("id", &Hit::id)
      .def_readonly("score", &Hit::score, "In [0, 1], higher is better; comparable across queries of one KB.")
      .def_readonly("statement", &Hit::statement)
      .def_property_readonly("verdict", [](const Hit& h) { return std::string(to_string(h.verdict)); })
      .def_property_readonly("certainty", [](const Hit& h) { return certainty_name(h.certainty); })
      .def_readonly("concepts", &Hit::concepts, "The claim's concepts the words name; empty when by words alone.")
      .def("to_dict", &hit_dict, "An entry of `claimkb search --json`.")
      .def("__repr__", [](const Hit& h) { return "<SearchHit " + h.id + " " + std::to_string(h.score) + ">"; });
}

void bind_match(py::module_& m) {
  py::class_<MatchResult>(m, "Match", "What an id or a question resolved to (docs/search.md).")
      .def_property_readonly(
          "kind", [](const MatchResult& r) { return kind_name(r.kind); },
          "'id' (the text was an id), 'clear_best' (a question that clearly means one claim), "
          "'unclear' (candidates, none clearly best) or 'none'.")
      .def_readonly("id", &MatchResult::id, "The claim for 'id' and 'clear_best'; else None.")
      .def_readonly("candidates", &MatchResult::candidates, "The closest claims, best first.")
      .def_readonly("concepts", &MatchResult::concepts, "The ids of the concepts the question names, in order.")
      .def_readonly("by_concepts", &MatchResult::by_concepts,
                    "True when found by what the claims are about, False when by their words.")
      .def("__repr__", [](const MatchResult& r) {
        return "<Match " + kind_name(r.kind) + (r.id ? " " + *r.id : std::string()) + ">";
      });
}

void bind_mention(py::module_& m) {
  py::class_<Mention>(m, "Mention", "A sentence of a text that makes a claim, as `claimkb check --json` lists it.")
      .def_property_readonly(
          "begin", [](const Mention& x) { return x.m.begin; }, "Byte offset of the sentence.")
      .def_property_readonly(
          "end", [](const Mention& x) { return x.m.end; }, "Byte offset past the sentence.")
      .def_property_readonly("line", [](const Mention& x) { return x.m.line; })
      .def_property_readonly(
          "column", [](const Mention& x) { return x.m.column; }, "In characters, 1-based.")
      .def_property_readonly("sentence", [](const Mention& x) { return x.m.sentence; })
      .def_property_readonly("id", [](const Mention& x) { return x.m.id; })
      .def_readonly("statement", &Mention::statement)
      .def_property_readonly("verdict", [](const Mention& x) { return std::string(to_string(x.m.verdict)); })
      .def_property_readonly("certainty", [](const Mention& x) { return certainty_name(x.m.certainty); })
      .def_property_readonly("score", [](const Mention& x) { return x.m.score; })
      .def_property_readonly(
          "polarity", [](const Mention& x) { return std::string(to_string(x.m.polarity)); },
          "'asserts', 'denies' or 'reports'.")
      .def_property_readonly(
          "agreement", [](const Mention& x) { return std::string(to_string(x.m.agreement)); },
          "'agrees', 'disagrees', 'unsettled' or 'no_stance'.")
      .def_property_readonly("concepts", [](const Mention& x) { return x.m.concepts; })
      .def(
          "to_dict",
          [](const Mention& x) {
            py::dict d;
            d["begin"] = x.m.begin;
            d["end"] = x.m.end;
            d["line"] = x.m.line;
            d["column"] = x.m.column;
            d["sentence"] = x.m.sentence;
            d["id"] = x.m.id;
            d["statement"] = x.statement;
            d["verdict"] = std::string(to_string(x.m.verdict));
            d["certainty"] = certainty_name(x.m.certainty);
            d["score"] = x.m.score;
            d["polarity"] = std::string(to_string(x.m.polarity));
            d["agreement"] = std::string(to_string(x.m.agreement));
            d["concepts"] = x.m.concepts;
            return d;
          },
          "An entry of `claimkb check --json`.")
      .def("__repr__", [](const Mention& x) { return "<Mention " + x.m.id + ">"; });
}

}  // namespace

void bind_values(py::module_& m) {
  bind_diagnostic(m);
  bind_claim_info(m);
  bind_hit(m);
  bind_match(m);
  bind_mention(m);
}

}  // namespace claimkb::python
