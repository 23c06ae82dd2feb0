// Escaping and small helpers shared by every page of the site (docs/site.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "claimkb/types.hpp"

namespace claimkb::site {

// Text for an HTML element or a quoted attribute: & < > " ' become character
// references, so no field of a KB can open a tag or end an attribute. Invalid UTF-8
// becomes U+FFFD.
std::string escape(std::string_view text);

// JSON text to put inside <script>: '<', '>' and '&' become \u003c, \u003e and \u0026
// (they can only occur inside JSON strings, where the escapes mean the same), so no
// string can close the script element or open a comment.
std::string json_for_script(std::string_view json);

// "very_low" -> "very low".
std::string human(std::string_view name);

// "Very low" from "very_low".
std::string capitalized(std::string_view name);

// At most `max` characters (code points) of `text`, cut at a space when one is near
// the end, with "…" added when anything was cut.
std::string shorten(std::string_view text, std::size_t max);

// The verdict and certainty as a page shows them: "Refuted, low certainty".
std::string verdict_words(Verdict verdict, std::optional<Certainty> certainty);

// The class a verdict's badge has in the stylesheet: "v-supported" ...
std::string verdict_class(Verdict verdict);

// Links to a record's online copies.
std::string doi_url(std::string_view doi);
std::string pubmed_url(std::string_view pmid);
std::string pmc_url(std::string_view pmcid);

}  // namespace claimkb::site
