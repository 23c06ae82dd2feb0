// The evidence graph (Boost.Graph). Private to the library.
//
// Vertices are the KB's claims, then its citations, then its concepts, each group
// in KB order. Edges go from a claim to what it names (a citation as evidence or
// provenance, a premise claim, the concepts it is about) and from a concept to its
// broader concepts.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimkb::detail {

enum class VertexKind : std::uint8_t { claim, citation, concept };
enum class EdgeKind : std::uint8_t { supports, refutes, neutral, asserted_by, depends_on, about, broader };

struct VertexData {
  VertexKind kind = VertexKind::claim;
  std::uint32_t index = 0;  // into the KB's claims, citations or concepts
};

struct EdgeData {
  EdgeKind kind = EdgeKind::neutral;
  std::uint32_t position = 0;  // index into the list of the record that names the target
};

using EvidenceGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;

// An edge between vertex numbers (claims first, then citations, then concepts).
struct GraphEdge {
  std::uint32_t from = 0, to = 0;
  EdgeKind kind = EdgeKind::neutral;
  std::uint32_t position = 0;
};

// `counts`: claims, citations, concepts.
EvidenceGraph make_graph(const std::array<std::size_t, 3>& counts, const std::vector<GraphEdge>& edges);

// A cycle along edges of one kind: vertices[0] -> vertices[1] -> ... -> vertices[0].
// The last vertex's edge number `position` closes it.
struct Cycle {
  std::vector<std::uint32_t> vertices;
  std::uint32_t position = 0;
};

// Every cycle a depth-first search meets along edges of kind `along` (one per back
// edge): depends_on between claims, broader between concepts.
std::vector<Cycle> find_cycles(const EvidenceGraph& graph, EdgeKind along);

// Claim indices with every premise before the claims that presuppose it. The
// graph must have no depends_on cycle.
std::vector<std::uint32_t> premise_order(const EvidenceGraph& graph);

}  // namespace claimkb::detail
