// The claim–citation graph (Boost.Graph). Private to the library.
//
// Vertices 0..C-1 are the claims, C..C+K-1 the citations (both in KB order).
// Edges go from a claim to what it names: a citation (as evidence or provenance) or
// a premise claim (depends_on).
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <vector>

#include "claimkb/model.hpp"

namespace claimkb::detail {

enum class VertexKind : std::uint8_t { claim, citation };
enum class EdgeKind : std::uint8_t { supports, refutes, neutral, asserted_by, depends_on };

struct VertexData {
  VertexKind kind = VertexKind::claim;
  std::uint32_t index = 0;  // into the KB's claims or citations
};

struct EdgeData {
  EdgeKind kind = EdgeKind::neutral;
  std::uint32_t position = 0;  // index into the claim's evidence, asserted_by or depends_on
};

using EvidenceGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                            VertexData, EdgeData>;

// Resolved ids of one claim's references; -1 where an id named nothing.
struct ClaimRefs {
  std::vector<std::int64_t> evidence;     // citation indices
  std::vector<std::int64_t> asserted_by;  // citation indices
  std::vector<std::int64_t> depends_on;   // claim indices
};

EvidenceGraph build_graph(std::size_t claim_count, std::size_t citation_count,
                          const std::vector<Claim>& claims, const std::vector<ClaimRefs>& refs);

// A depends_on cycle: claims[0] -> claims[1] -> ... -> claims[0]. The last claim's
// depends_on entry number `position` closes it.
struct Cycle {
  std::vector<std::uint32_t> claims;
  std::uint32_t position = 0;
};

// Every cycle a depth-first search meets (one per back edge).
std::vector<Cycle> find_cycles(const EvidenceGraph& graph);

// Claim indices with every premise before the claims that presuppose it. The
// graph must have no depends_on cycle.
std::vector<std::uint32_t> premise_order(const EvidenceGraph& graph);

}  // namespace claimkb::detail
