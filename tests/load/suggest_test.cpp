#include <doctest/doctest.h>

#include "load/suggest.hpp"

using namespace claimkb::detail;

TEST_CASE("edit distance counts one slip as one") {
  CHECK(edit_distance("stance", "stance") == 0);
  CHECK(edit_distance("stnace", "stance") == 1);  // swapped letters
  CHECK(edit_distance("RCT", "rct") == 0);        // case does not count
  CHECK(edit_distance("finding", "findings") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("suggestions only for likely typos") {
  const std::vector<std::string_view> keys = {"citation", "stance", "finding"};
  CHECK(did_you_mean("stanse", keys) == " (did you mean 'stance'?)");
  CHECK(did_you_mean("citaton", keys) == " (did you mean 'citation'?)");
  CHECK(did_you_mean("weather", keys).empty());
}
