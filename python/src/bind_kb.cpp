// KnowledgeBase for Python: opening (with the GIL released, errors returned as
// values for claimkb.open() to raise as KBError), queries, len() and iteration.
// A KnowledgeBase is immutable, so any number of Python threads may query one;
// search, match, verdict and check release the GIL while they run.
#include <pybind11/stl.h>

#include <utility>
#include <vector>

#include "bindings.hpp"
#include "py_types.hpp"

namespace claimkb::python {
namespace py = pybind11;

namespace {

using Release = py::call_guard<py::gil_scoped_release>;

// Iterating over a KB: its claims in the KB's order.
struct ClaimIterator {
  KnowledgeBase kb;
  std::size_t next = 0;
};

using Opened = std::pair<std::optional<KnowledgeBase>, std::vector<Diagnostic>>;

// Opens `path` (the default KB when empty). Never throws: the errors come back.
Opened open_kb(const std::string& path, unsigned threads) {
  KnowledgeBase::OpenOptions options;
  options.threads = threads;
  Result<KnowledgeBase> r = KnowledgeBase::open(path.empty() ? KnowledgeBase::default_path() : path, options);
  if (!r) return {std::nullopt, std::move(r).errors()};
  KnowledgeBase kb = std::move(r).value();
  std::vector<Diagnostic> warnings = kb.warnings();
  return {std::move(kb), std::move(warnings)};
}

std::optional<PyReport> report(const KnowledgeBase& kb, std::string_view id) {
  std::optional<Report> r = kb.report(id);
  if (!r) return std::nullopt;
  Match m;
  m.kind = Match::Kind::id;
  m.id = r->id;
  return PyReport{std::move(*r), std::move(m), kb};
}

std::optional<PyReport> verdict(const KnowledgeBase& kb, const std::string& question) {
  Match m = kb.match(question);
  if (m.kind != Match::Kind::id && m.kind != Match::Kind::clear_best) return std::nullopt;
  Report r = *kb.report(m.id);
  return PyReport{std::move(r), std::move(m), kb};
}

std::vector<Hit> search(const KnowledgeBase& kb, const std::string& text, std::size_t limit) {
  std::vector<Hit> hits;
  for (const SearchHit& h : kb.search(text, limit)) hits.push_back(hit(kb, h));
  return hits;
}

std::vector<Mention> check_text(const KnowledgeBase& kb, const std::string& text) {
  std::vector<Mention> all;
  for (ClaimMention& m : check(kb, text)) {
    std::string statement = kb.claim(m.id)->statement;
    all.push_back(Mention{std::move(m), std::move(statement)});
  }
  return all;
}

std::optional<py::object> record(const KnowledgeBase& kb, std::string_view id) {
  std::optional<std::string> j = record_json(kb, id);
  if (!j) return std::nullopt;
  return py::module_::import("json").attr("loads")(*j);
}

void bind_iterator(py::module_& m) {
  py::class_<ClaimIterator>(m, "ClaimIterator", "The claims of a KB, in the KB's order.")
      .def(
          "__iter__", [](ClaimIterator& it) -> ClaimIterator& { return it; },
          py::return_value_policy::reference_internal)
      .def("__next__", [](ClaimIterator& it) {
        if (it.next >= it.kb.claim_count()) throw py::stop_iteration();
        return claim_info(it.kb, it.next++);
      });
}

}  // namespace

void bind_kb(py::module_& m) {
  bind_iterator(m);
  py::class_<KnowledgeBase>(m, "KnowledgeBase",
                            "A loaded, validated and graded KB; immutable, so any number of threads may query it. "
                            "Open one with claimkb.open().")
      .def_property_readonly("claim_count", &KnowledgeBase::claim_count)
      .def_property_readonly("citation_count", &KnowledgeBase::citation_count)
      .def_property_readonly("concept_count", &KnowledgeBase::concept_count)
      .def_property_readonly("warnings", &KnowledgeBase::warnings, "Load-time warnings about the whole KB.")
      .def("__len__", &KnowledgeBase::claim_count, "The number of claims.")
      .def(
          "__iter__",
          [](const KnowledgeBase& kb) {
            return ClaimIterator{kb, 0};
          },
          "The claims, as ClaimInfo.")
      .def(
          "__contains__", [](const KnowledgeBase& kb, std::string_view id) { return kb.claim(id) != nullptr; },
          "Whether a claim has this id.")
      .def("report", &report, py::arg("id"),
           "The graded answer for the claim `id` (`claimkb verdict ID --json`), or None when no claim has "
           "that id.")
      .def("verdict", &verdict, py::arg("question"), Release(),
           "The answer for a claim id or a question in plain words when it clearly means one claim, as "
           "`claimkb verdict` gives it; None otherwise (the command's exit 3: see match() for why).")
      .def("search", &search, py::arg("text"), py::arg("limit") = 10, Release(),
           "Claims ranked by how well `text` matches them, best first; at most `limit` (`claimkb search`).")
      .def(
          "match", [](const KnowledgeBase& kb, const std::string& q) { return match_result(kb, kb.match(q)); },
          py::arg("question"), Release(), "Resolves a claim id or a question to one claim when it can.")
      .def("check", &check_text, py::arg("text"), Release(),
           "The sentences of `text` that make a claim of the KB, in order (`claimkb check`).")
      .def("record", &record, py::arg("id"),
           "The claim, citation or concept `id` as stored (`claimkb show --json`) as a dict; None when none.")
      .def("__repr__",
           [](const KnowledgeBase& kb) { return "<KnowledgeBase: " + std::to_string(kb.claim_count()) + " claims>"; });

  m.def("_open", &open_kb, py::arg("path"), py::arg("threads") = 0U, Release(),
        "(kb, warnings) when the KB at `path` (the default KB when empty) opens, else (None, errors).");
  m.def("default_path", &KnowledgeBase::default_path, "$CLAIMKB_KB when set and not empty, else the bundled KB.");
  m.def("bundled_path", &KnowledgeBase::bundled_path, "The directory of the KB bundled with claimkb.");
}

}  // namespace claimkb::python
