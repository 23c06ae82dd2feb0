// The speller (lib/text/spelling.hpp) over a small vocabulary of terms written
// here; each expectation follows from the rule: one letter left out, one too many
// or two neighbours swapped, a single candidate, and never a real English word.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "text/english_words.hpp"
#include "text/spelling.hpp"

using claimkb::detail::is_english_word;
using claimkb::detail::Speller;

namespace {

Speller speller() {
  // Sorted and unique, as the concept index gives it.
  return Speller(std::make_shared<const std::vector<std::string>>(
      std::vector<std::string>{"abscess", "articular", "massag", "psoas", "stretch", "stretcher", "thoma"}));
}

}  // namespace

TEST_CASE("the English word list is compiled in and searched by line") {
  // Built from Debian's wamerican and wbritish (tools/packages.sh installs them).
  REQUIRE_FALSE(claimkb::detail::kEnglishWords.empty());
  CHECK(is_english_word("a"));  // the first line
  CHECK(is_english_word("particular"));
  CHECK(is_english_word("contacted"));
  CHECK(is_english_word("colour"));  // British
  CHECK(is_english_word("color"));   // American
  CHECK_FALSE(is_english_word("massge"));
  CHECK_FALSE(is_english_word("streches"));
  CHECK_FALSE(is_english_word(""));
  CHECK_FALSE(is_english_word("Particular"));  // lower case only
}

TEST_CASE("a slip of the keyboard is read as the one term it is a slip away from") {
  const Speller s = speller();
  CHECK(s.correct("massge", "massg") == "massag");        // a letter left out
  CHECK(s.correct("streches", "strech") == "stretch");    // likewise
  CHECK(s.correct("abbscess", "abbscess") == "abscess");  // a letter too many
  CHECK(s.correct("psaos", "psaos") == "psoas");          // two neighbours swapped
}

TEST_CASE("no correction for a known term, a real word, a short term, a wrong letter or two candidates") {
  const Speller s = speller();
  CHECK(s.correct("stretch", "stretch").empty());        // known already
  CHECK(s.correct("particular", "particular").empty());  // an English word: not "articular" less a letter
  CHECK(s.correct("thom", "thom").empty());              // shorter than kShortest (5)
  CHECK(s.correct("massog", "massog").empty());          // one letter for another
  // "stretche": "stretch" with a letter too many, and "stretcher" with one left out.
  CHECK(s.correct("stretche", "stretche").empty());
  // Nothing to correct to.
  CHECK(Speller(nullptr).correct("massge", "massg").empty());
}

TEST_CASE("a question with a slip is answered as the same question spelt right") {
  const auto kb = claimkb::KnowledgeBase::open(claimkb::KnowledgeBase::bundled_path());
  REQUIRE(kb);
  for (const auto& pair : {std::pair<const char*, const char*>{"does a massge help lower back pain?",
                                                               "does a massage help lower back pain?"},
                           {"do hip flexor streches make my hips more flexible?",
                            "do hip flexor stretches make my hips more flexible?"}}) {
    const char* slip = pair.first;
    CAPTURE(slip);
    const claimkb::Match a = kb->match(slip), b = kb->match(pair.second);
    CHECK_FALSE(b.id.empty());
    CHECK(a.id == b.id);
    CHECK(a.concepts == b.concepts);
  }
}
