#include "grade/evidence_graph.hpp"

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>

namespace claimkb::detail {
namespace {

// Cycles and grading order follow edges of one kind only.
struct EdgesOfKind {
  const EvidenceGraph* g = nullptr;
  EdgeKind kind = EdgeKind::depends_on;
  bool operator()(EvidenceGraph::edge_descriptor e) const { return (*g)[e].kind == kind; }
};
using PremiseGraph = boost::filtered_graph<EvidenceGraph, EdgesOfKind>;
using Vertex = EvidenceGraph::vertex_descriptor;

// Records the DFS tree, and a cycle for every back edge.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<Vertex>& parent, std::vector<Cycle>& cycles) : parent_(parent), cycles_(cycles) {}

  void tree_edge(PremiseGraph::edge_descriptor e, const PremiseGraph& g) {
    parent_[boost::target(e, g)] = boost::source(e, g);
  }

  void back_edge(PremiseGraph::edge_descriptor e, const PremiseGraph& g) {
    // The tree path from the edge's target down to its source, closed by the edge.
    const Vertex from = boost::source(e, g), to = boost::target(e, g);
    Cycle c;
    for (Vertex v = from; v != to; v = parent_[v]) c.vertices.push_back(static_cast<std::uint32_t>(v));
    c.vertices.push_back(static_cast<std::uint32_t>(to));
    std::reverse(c.vertices.begin(), c.vertices.end());
    c.position = g[e].position;
    cycles_.push_back(std::move(c));
  }

 private:
  std::vector<Vertex>& parent_;
  std::vector<Cycle>& cycles_;
};

}  // namespace

EvidenceGraph make_graph(const std::array<std::size_t, 3>& counts, const std::vector<GraphEdge>& edges) {
  EvidenceGraph g(counts[0] + counts[1] + counts[2]);
  std::size_t v = 0;
  for (VertexKind kind : {VertexKind::claim, VertexKind::citation, VertexKind::concept}) {
    for (std::size_t i = 0; i < counts[static_cast<std::size_t>(kind)]; ++i, ++v) {
      g[v] = {kind, static_cast<std::uint32_t>(i)};
    }
  }
  for (const GraphEdge& e : edges) boost::add_edge(e.from, e.to, EdgeData{e.kind, e.position}, g);
  return g;
}

std::vector<Cycle> find_cycles(const EvidenceGraph& graph, EdgeKind along) {
  PremiseGraph premises(graph, EdgesOfKind{&graph, along});
  std::vector<Vertex> parent(boost::num_vertices(graph));
  std::vector<Cycle> cycles;
  std::vector<boost::default_color_type> colors(boost::num_vertices(graph));
  boost::depth_first_search(premises, boost::visitor(CycleRecorder(parent, cycles))
                                          .color_map(boost::make_iterator_property_map(
                                              colors.begin(), boost::get(boost::vertex_index, premises))));
  return cycles;
}

std::vector<std::uint32_t> premise_order(const EvidenceGraph& graph) {
  PremiseGraph premises(graph, EdgesOfKind{&graph, EdgeKind::depends_on});
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
