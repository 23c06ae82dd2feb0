// Where the KB bundled with the library is, for KnowledgeBase::bundled_path().
// Private to the library.
#pragma once

#include <string>

namespace claimkb::detail {

// The bundled KB's directory. An installed library finds it next to itself, as
// <prefix>/share/claimkb, wherever the prefix was moved; a library still in its
// build tree uses the source tree it was built from. Never throws but bad_alloc.
std::string find_bundled_kb();

}  // namespace claimkb::detail
