// The schema.org ClaimReview of a claim page, as JSON-LD (docs/site.md).
#pragma once

#include <cstddef>
#include <string>

#include "site/context.hpp"

namespace claimkb::site {

// The JSON of claim `i`'s ClaimReview (not yet made safe for <script>).
std::string claim_review_json(const Context& ctx, std::size_t i);

// The whole <script type="application/ld+json"> element.
std::string claim_review_script(const Context& ctx, std::size_t i);

}  // namespace claimkb::site
