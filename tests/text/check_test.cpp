// check(): sentences, and the claims they state. The seed article is the popular
// "release your tight psoas" guide that the bundled KB was built to examine.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "claimkb/check.hpp"
#include "claimkb/knowledge_base.hpp"
#include "model/utf8.hpp"
#include "text/sentences.hpp"

using namespace claimkb;

namespace {

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : detail::split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

const KnowledgeBase& bundled() {
  static const KnowledgeBase kb = KnowledgeBase::open(KnowledgeBase::bundled_path()).value();
  return kb;
}

// ../shared/seeds/001_*.txt: the second seed article (never copied into the project).
std::string seed_article() {
  const std::filesystem::path dir = CLAIMKB_SHARED_SEEDS;
  REQUIRE(std::filesystem::is_directory(dir));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("001_", 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      return text.str();
    }
  }
  FAIL("no 001_*.txt in " << dir);
  return {};
}

}  // namespace

TEST_CASE("sentences end at . ! ? but not after abbreviations, initials or inside numbers") {
  CHECK(sentences("Stretch daily. Does it help? Yes!") ==
        std::vector<std::string>{"Stretch daily.", "Does it help?", "Yes!"});
  CHECK(sentences("Some muscles, e.g. the psoas, are deep. Dr. Smith agrees.") ==
        std::vector<std::string>{"Some muscles, e.g. the psoas, are deep.", "Dr. Smith agrees."});
  CHECK(sentences("Hellsing AL. et al. showed 2.5 times the risk. J. Smith disagreed.") ==
        std::vector<std::string>{"Hellsing AL. et al. showed 2.5 times the risk.", "J. Smith disagreed."});
  CHECK(sentences("It works (mostly.) Then it stops.") ==
        std::vector<std::string>{"It works (mostly.)", "Then it stops."});
  CHECK(sentences("Wait... then what?") == std::vector<std::string>{"Wait... then what?"});
  CHECK(sentences("").empty());
  CHECK(sentences("   \n\n  ").empty());
}

TEST_CASE("sentences: blank lines, headings and list items end sentences; wrapped lines do not") {
  const std::string text =
      "Step 1: Assess\n"
      "\n"
      "A line that wraps\n"
      "onto the next one ends here.\n"
      "Key points:\n"
      "  1. The first item\n"
      "  2) The second item.\n"
      "  - a dash item\n"
      "  \xE2\x80\xA2 a bullet item\xC2\xA0\xC2\xA0\n"
      "Heading Without Stop\n"
      "Body text.";
  CHECK(sentences(text) == std::vector<std::string>{
                               "Step 1: Assess", "A line that wraps\nonto the next one ends here.",
                               "Key points:", "The first item", "The second item.", "a dash item",
                               "a bullet item", "Heading Without Stop", "Body text."});
}

TEST_CASE("sentence spans are byte offsets into the text, UTF-8 included") {
  const std::string text = "Müller’s “test” is reliable. Next one.";
  const auto spans = detail::split_sentences(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Müller’s “test” is reliable.");
  CHECK(spans[1].end == text.size());
}

TEST_CASE("check finds claims stated in other words, and leaves other sentences alone") {
  const std::string text =
      "Many therapists say that chronic tightness in the psoas leads to low back pain. "
      "The weather was lovely that day. "
      "According to the guide, the Thomas test is a good way to check hip flexor length.\n\n"
      "Foam rolling is cheap and effective.";
  const auto found = check(bundled(), text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].id == "tight-psoas-causes-back-pain");
  CHECK(found[0].sentence == "Many therapists say that chronic tightness in the psoas leads to low back pain.");
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == found[0].sentence);
  CHECK(found[0].verdict == bundled().grade("tight-psoas-causes-back-pain")->verdict);
  CHECK(found[0].certainty == bundled().grade("tight-psoas-causes-back-pain")->certainty);
  CHECK(found[0].score > 0.0);
  CHECK(found[0].score <= 1.0);
  CHECK(found[1].id == "thomas-test-measures-hip-flexor-length");
  CHECK(found[2].id == "foam-rolling-increases-range-of-motion");
  CHECK(found[2].begin == text.find("Foam rolling"));
  CHECK(check(bundled(), "").empty());
  CHECK(check(bundled(), "The weather was lovely. We went for a walk in the park.").empty());
}

TEST_CASE("check on the second seed article: the claims it makes, pinned") {
  const std::string text = seed_article();
  const auto found = check(bundled(), text);

  struct Pinned {
    std::size_t begin, end;
    const char* id;
  };
  // What check() finds in the guide. If the KB's wordings change, rerun
  //   claimkb check ../shared/seeds/001_*.txt --json
  // and review each difference before updating this list.
  const std::vector<Pinned> expected = {
      {0, 111, "psoas-stabilizes-lumbar-spine"},
      {112, 186, "tight-psoas-causes-back-pain"},
      {893, 956, "thomas-test-measures-hip-flexor-length"},
      {1085, 1196, "side-bending-increases-psoas-stretch"},
      {1202, 1331, "pir-or-pnf-beats-static-stretching"},
      {2581, 2687, "thomas-test-measures-hip-flexor-length"},
      {2841, 3021, "psoas-stabilizes-lumbar-spine"},
      {4490, 4750, "psoas-guards-hip-pathology"},
      {4943, 5018, "psoas-guards-hip-pathology"},
      {6123, 6254, "side-bending-increases-psoas-stretch"},
      {6671, 6720, "pir-or-pnf-beats-static-stretching"},
      {6722, 6857, "pir-or-pnf-beats-static-stretching"},
      {9660, 9824, "foam-rolling-increases-range-of-motion"},
      {12398, 12581, "massage-relieves-low-back-pain"},
  };
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CAPTURE(found[i].sentence);
    CHECK(found[i].begin == expected[i].begin);
    CHECK(found[i].end == expected[i].end);
    CHECK(found[i].id == expected[i].id);
    CHECK(found[i].sentence == text.substr(found[i].begin, found[i].end - found[i].begin));
    CHECK(found[i].verdict == bundled().grade(found[i].id)->verdict);
  }

  auto sentence_of = [&](const std::string& id) {
    auto it = std::find_if(found.begin(), found.end(), [&](const ClaimMention& m) { return m.id == id; });
    return it == found.end() ? std::string() : it->sentence;
  };
  // The article's main claims, in its own words.
  CHECK(sentence_of("tight-psoas-causes-back-pain") ==
        "However, chronic tightness in the psoas can lead to low back and hip pain.");
  CHECK(sentence_of("thomas-test-measures-hip-flexor-length") ==
        "The Thomas Test is commonly used to evaluate hip flexor length.");

  // Sentences about other things are not reported, even when they share words
  // with claims (hip flexors, pelvic tilt, exercise, lower back).
  for (const char* unrelated :
       {"Here is a video to walk you through this process:",
        "However, most of these people have never actually had their hip flexors assessed for tightness.",
        "The split squat is by far the best exercise to address muscular imbalance in the lower body.",
        "A simple example of this would be doing a bicep curl.",
        "Just because someone looks like their pelvis has a bit of increased anterior pelvic tilt"}) {
    CAPTURE(unrelated);
    const std::size_t at = text.find(unrelated);
    REQUIRE(at != std::string::npos);
    for (const auto& m : found) CHECK_FALSE((m.begin <= at && at < m.end));
  }
}

TEST_CASE("arbitrary bytes: sentences stay in bounds and in order; queries just answer") {
  std::mt19937 rng(3);
  const std::string pieces[] = {"psoas ", "tight ", "back pain", ". ", "? ", "\n", "\n\n", "  - ", "1. ",
                                "e.g. ", "Dr. ", "2.5", "\xE2\x80\x99", "\xE2\x80", "\xC2\xA0", "\xC2",
                                "\xFF\xFE", std::string(1, '\0'), "’s ", "…", "\"", ")", "'"};
  for (int n = 0; n < 300; ++n) {
    std::string text;
    const int parts = static_cast<int>(rng() % 40);
    for (int k = 0; k < parts; ++k) {
      if (rng() % 3 == 0) {
        text += static_cast<char>(rng() % 256);
      } else {
        text += pieces[rng() % std::size(pieces)];
      }
    }
    CAPTURE(text);
    std::size_t previous_end = 0;
    for (const auto& s : detail::split_sentences(text)) {
      CHECK(s.begin < s.end);
      CHECK(s.end <= text.size());
      CHECK(s.begin >= previous_end);
      previous_end = s.end;
    }
    for (const auto& m : check(bundled(), text)) {
      CHECK(m.end <= text.size());
      // The sentence as it is in the text, with bytes that are not UTF-8 replaced.
      CHECK(m.sentence == detail::to_valid_utf8(text.substr(m.begin, m.end - m.begin)));
      CHECK(detail::is_valid_utf8(m.sentence));
    }
    const auto hits = bundled().search(text, 5);
    CHECK(hits.size() <= 5);
    const Match m = bundled().match(text);
    const bool answered = m.kind == Match::Kind::clear_best || m.kind == Match::Kind::id;
    CHECK(answered == !m.id.empty());
  }
}
