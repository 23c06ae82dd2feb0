// to_dot(): the evidence graph through Boost.Graph's write_graphviz. The writers
// below only add attributes; which vertices are drawn is a filtered_graph over the
// KB's EvidenceGraph, so the picture shows exactly the edges the grader used.
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <sstream>
#include <vector>

#include "claimkb/graph.hpp"
#include "kb/state.hpp"
#include "store/store.hpp"

namespace claimkb {
namespace {

using detail::EdgeKind;
using detail::EvidenceGraph;
using detail::VertexKind;
using Vertex = EvidenceGraph::vertex_descriptor;
using Edge = EvidenceGraph::edge_descriptor;

// A DOT string literal: quoted, with backslashes and quotes escaped. "\n" in the
// input becomes DOT's centred line break.
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Breaks a statement into lines of about `width` bytes at spaces, for node labels.
std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    const std::string_view word = text.substr(i, j - i);
    if (line > 0 && line + 1 + word.size() > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += word.size();
    i = j + 1;
  }
  return out;
}

// "very_low" -> "very low", for labels people read.
std::string human(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = c == '_' ? ' ' : c;
  return out;
}

const char* verdict_colour(Verdict v) {
  switch (v) {
    case Verdict::supported: return "#b8e0b0";
    case Verdict::refuted: return "#f2b5b0";
    case Verdict::mixed: return "#f7d794";
    case Verdict::insufficient: return "#e2e2e2";
  }
  return "#ffffff";
}

// Citations are shaded by where their design starts (docs/grading.md §1): the darker, the
// more a study of that design can establish. Opinion sources stay white.
const char* tier_colour(int tier) {
  switch (tier) {
    case 4: return "#2b5797";
    case 3: return "#5b86c5";
    case 2: return "#a4bfe6";
    case 1: return "#dbe6f6";
    default: return "#ffffff";
  }
}

// Shapes group designs: reviews, trials, observational studies, the weakest
// empirical designs, and opinion.
const char* design_shape(Design d) {
  switch (d) {
    case Design::systematic_review: return "folder";
    case Design::rct:
    case Design::non_randomized_trial: return "box";
    case Design::cohort:
    case Design::case_control:
    case Design::cross_sectional: return "ellipse";
    case Design::case_series:
    case Design::case_report:
    case Design::laboratory: return "hexagon";
    default: return "note";
  }
}

class VertexWriter {
 public:
  explicit VertexWriter(const detail::Store& kb) : kb_(&kb) {}

  void operator()(std::ostream& out, Vertex v) const {
    const detail::VertexData& d = kb_->graph()[v];
    if (d.kind == VertexKind::concept) {
      const Concept& c = kb_->concept_at(d.index);
      out << R"([shape=oval, style="filled", fillcolor="#fdf3d0", color="#b08a1e", label=)"
          << quote(c.id + "\n" + wrap(c.label, 30)) << ", tooltip=" << quote(c.label) << "]";
      return;
    }
    if (d.kind == VertexKind::claim) {
      const Claim& c = kb_->claim(d.index);
      const Grade& g = kb_->grade(d.index);
      std::string verdict(to_string(g.verdict));
      if (g.certainty) verdict += ", " + human(to_string(*g.certainty)) + " certainty";
      out << "[shape=box, style=\"rounded,filled\", fillcolor=" << quote(verdict_colour(g.verdict))
          << ", label=" << quote(c.id + "\n" + verdict + "\n\n" + wrap(c.statement, 40))
          << ", tooltip=" << quote(c.statement) << "]";
      return;
    }
    const Citation& c = kb_->citation(d.index);
    const int tier = starting_tier(c.design, c.of);
    std::string label = c.id + "\n" + human(to_string(c.design));
    if (c.of) label += " of " + human(to_string(*c.of));
    label += ", " + std::to_string(c.year);
    if (c.n) label += ", n=" + std::to_string(*c.n);
    if (c.retracted) label += "\nRETRACTED";
    out << "[shape=" << design_shape(c.design) << ", style=" << (tier == 0 ? "dashed" : "filled")
        << ", fillcolor=" << quote(tier_colour(tier)) << ", fontcolor=" << quote(tier >= 3 ? "white" : "black")
        << ", color=" << quote(c.retracted ? "#c0392b" : "#404040") << ", label=" << quote(label)
        << ", tooltip=" << quote(c.title) << "]";
  }

 private:
  const detail::Store* kb_;
};

class EdgeWriter {
 public:
  explicit EdgeWriter(const EvidenceGraph& g) : g_(&g) {}

  void operator()(std::ostream& out, Edge e) const {
    switch ((*g_)[e].kind) {
      case EdgeKind::supports: out << R"([color="#2e8b3a", fontcolor="#2e8b3a", label="supports"])"; break;
      case EdgeKind::refutes: out << R"([color="#c0392b", fontcolor="#c0392b", label="refutes"])"; break;
      case EdgeKind::neutral: out << R"([color="#9a9a9a", fontcolor="#7a7a7a", label="neutral"])"; break;
      case EdgeKind::asserted_by:
        out << R"([style=dashed, color="#606060", fontcolor="#606060", label="asserted by"])";
        break;
      case EdgeKind::depends_on: out << "[style=bold, penwidth=2, label=\"depends on\"]"; break;
      case EdgeKind::about: out << R"([style=dotted, color="#b08a1e", fontcolor="#b08a1e", label="about"])"; break;
      case EdgeKind::broader: out << R"([style=dotted, color="#b08a1e", arrowhead=empty, label="broader"])"; break;
    }
  }

 private:
  const EvidenceGraph* g_;
};

struct GraphWriter {
  void operator()(std::ostream& out) const {
    out << "rankdir=LR;\n"
        << "node [fontname=\"Helvetica\", fontsize=10];\n"
        << "edge [fontname=\"Helvetica\", fontsize=9];\n";
  }
};

// Keeps the vertices marked in `keep` (and every edge between two kept ones).
struct KeepVertices {
  const std::vector<bool>* keep = nullptr;
  bool operator()(Vertex v) const { return (*keep)[v]; }
};

}  // namespace

std::optional<std::string> to_dot(const KnowledgeBase& kb, std::string_view id, bool concepts) {
  const detail::Store& impl = *kb.state_->store;
  const EvidenceGraph& g = impl.graph();
  const auto is_concept = [&](Vertex v) { return g[v].kind == VertexKind::concept; };
  std::vector<bool> keep(boost::num_vertices(g), false);
  if (id.empty()) {
    for (Vertex v = 0; v < keep.size(); ++v) keep[v] = concepts || !is_concept(v);
  } else {
    const std::optional<std::uint32_t> found = impl.find(detail::Table::claim, id);
    if (!found) return std::nullopt;
    // Everything reachable along out-edges: the claim's citations, its premises,
    // theirs, and so on. Claims are vertices 0..C-1 (graph.hpp).
    std::vector<Vertex> stack{static_cast<Vertex>(*found)};
    keep[stack.back()] = true;
    while (!stack.empty()) {
      const Vertex v = stack.back();
      stack.pop_back();
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
        const Vertex t = boost::target(*e, g);
        if (!keep[t] && (concepts || !is_concept(t))) {
          keep[t] = true;
          stack.push_back(t);
        }
      }
    }
  }
  const boost::filtered_graph<EvidenceGraph, boost::keep_all, KeepVertices> shown(g, boost::keep_all(),
                                                                                  KeepVertices{&keep});
  // Nodes are named by their KB ids (unique across claims, citations and concepts).
  const auto name = boost::make_function_property_map<Vertex, std::string>([&impl, &g](Vertex v) {
    const detail::VertexData& d = g[v];
    const auto table = d.kind == VertexKind::claim      ? detail::Table::claim
                       : d.kind == VertexKind::citation ? detail::Table::citation
                                                        : detail::Table::concept;
    return std::string(impl.id(table, d.index));
  });
  std::ostringstream out;
  boost::write_graphviz(out, shown, VertexWriter(impl), EdgeWriter(g), GraphWriter(), name);
  return out.str();
}

}  // namespace claimkb
