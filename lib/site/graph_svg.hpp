// A claim's evidence graph as inline SVG, drawn here (no Graphviz needed): the
// claim in the middle, its premises and the claims that depend on it on the left,
// its evidence and the sources asserting it on the right, each a link to its page.
#pragma once

#include <string>

#include "site/context.hpp"

namespace claimkb::site {

// The <svg> element for claim `i`, for a page in claims/. Carries role="img", a
// <title> and a <desc> saying in words what the picture shows.
std::string render_graph_svg(const Context& ctx, std::size_t i);

}  // namespace claimkb::site
