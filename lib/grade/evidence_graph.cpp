#include "grade/evidence_graph.hpp"

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>

namespace claimkb::detail {
namespace {

// Only the premise edges matter for cycles and grading order.
struct PremiseEdges {
  const EvidenceGraph* g = nullptr;
  bool operator()(EvidenceGraph::edge_descriptor e) const {
    return (*g)[e].kind == EdgeKind::depends_on;
  }
};
using PremiseGraph = boost::filtered_graph<EvidenceGraph, PremiseEdges>;
using Vertex = EvidenceGraph::vertex_descriptor;

// Records the DFS tree, and a cycle for every back edge.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<Vertex>& parent, std::vector<Cycle>& cycles)
      : parent_(parent), cycles_(cycles) {}

  void tree_edge(PremiseGraph::edge_descriptor e, const PremiseGraph& g) {
    parent_[boost::target(e, g)] = boost::source(e, g);
  }

  void back_edge(PremiseGraph::edge_descriptor e, const PremiseGraph& g) {
    // The tree path from the edge's target down to its source, closed by the edge.
    const Vertex from = boost::source(e, g), to = boost::target(e, g);
    Cycle c;
    for (Vertex v = from; v != to; v = parent_[v]) c.claims.push_back(g[v].index);
    c.claims.push_back(g[to].index);
    std::reverse(c.claims.begin(), c.claims.end());
    c.position = g[e].position;
    cycles_.push_back(std::move(c));
  }

 private:
  std::vector<Vertex>& parent_;
  std::vector<Cycle>& cycles_;
};

}  // namespace

EvidenceGraph build_graph(std::size_t claim_count, std::size_t citation_count,
                          const std::vector<Claim>& claims, const std::vector<ClaimRefs>& refs) {
  EvidenceGraph g(claim_count + citation_count);
  for (std::size_t i = 0; i < claim_count; ++i) g[i] = {VertexKind::claim, static_cast<std::uint32_t>(i)};
  for (std::size_t j = 0; j < citation_count; ++j) {
    g[claim_count + j] = {VertexKind::citation, static_cast<std::uint32_t>(j)};
  }
  auto add = [&](std::size_t from, std::int64_t to, EdgeKind kind, std::size_t position) {
    if (to >= 0) boost::add_edge(from, static_cast<std::size_t>(to), EdgeData{kind, static_cast<std::uint32_t>(position)}, g);
  };
  for (std::size_t i = 0; i < claim_count; ++i) {
    const ClaimRefs& r = refs[i];
    for (std::size_t k = 0; k < r.evidence.size(); ++k) {
      const Stance s = claims[i].evidence[k].stance;
      const EdgeKind kind = s == Stance::supports  ? EdgeKind::supports
                            : s == Stance::refutes ? EdgeKind::refutes
                                                   : EdgeKind::neutral;
      add(i, r.evidence[k] < 0 ? -1 : static_cast<std::int64_t>(claim_count) + r.evidence[k], kind, k);
    }
    for (std::size_t k = 0; k < r.asserted_by.size(); ++k) {
      add(i, r.asserted_by[k] < 0 ? -1 : static_cast<std::int64_t>(claim_count) + r.asserted_by[k],
          EdgeKind::asserted_by, k);
    }
    for (std::size_t k = 0; k < r.depends_on.size(); ++k) {
      add(i, r.depends_on[k], EdgeKind::depends_on, k);
    }
  }
  return g;
}

std::vector<Cycle> find_cycles(const EvidenceGraph& graph) {
  PremiseGraph premises(graph, PremiseEdges{&graph});
  std::vector<Vertex> parent(boost::num_vertices(graph));
  std::vector<Cycle> cycles;
  std::vector<boost::default_color_type> colors(boost::num_vertices(graph));
  boost::depth_first_search(
      premises, boost::visitor(CycleRecorder(parent, cycles))
                    .color_map(boost::make_iterator_property_map(
                        colors.begin(), boost::get(boost::vertex_index, premises))));
  return cycles;
}

std::vector<std::uint32_t> premise_order(const EvidenceGraph& graph) {
  PremiseGraph premises(graph, PremiseEdges{&graph});
  std::vector<Vertex> finished;
  finished.reserve(boost::num_vertices(graph));
  // Edges point from a claim to its premise, so the reverse topological order that
  // topological_sort writes puts every premise before its dependants.
  boost::topological_sort(premises, std::back_inserter(finished));
  std::vector<std::uint32_t> order;
  for (Vertex v : finished) {
    if (graph[v].kind == VertexKind::claim) order.push_back(graph[v].index);
  }
  return order;
}

}  // namespace claimkb::detail
