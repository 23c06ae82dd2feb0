// claimkb/reference.hpp — NLM/Vancouver references (docs/cli.md, "reference").
// Pure functions of their arguments; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "claimkb/export.h"
#include "claimkb/model.hpp"

namespace claimkb {

// "Hellsing AL. Tightness of ... Ups J Med Sci. 1988;93(3):267-76.
//  doi: 10.3109/03009738809178552. PMID: 2977003."
CLAIMKB_EXPORT std::string format_reference(const Citation& citation);

// Vancouver page range: "267-276" -> "267-76", "E515-E519" -> "E515-9".
CLAIMKB_EXPORT std::string shorten_page_range(std::string_view pages);

}  // namespace claimkb
