// check(): sentences, and the claims they state, in snippets and in the project's
// three test articles (tests/data/articles).
#include <doctest/doctest.h>

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

// One of the project's test articles (tests/data/articles, see its README.md).
std::string article(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(CLAIMKB_TEST_DATA) / "articles" / name;
  REQUIRE(std::filesystem::is_regular_file(path));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Why a sentence is expected to be reported.
enum class Why {
  meant,    // written to state (or deny, or report) the claim, and read as written
  current,  // reported as shown, though a careful reader would say otherwise (the
            // comment says what): current behaviour, pinned so that a change shows
};

// A sentence check() reports: where it starts (its opening words, found once in the
// article), the claim, and what the sentence does with it.
struct Expected {
  const char* opening;
  const char* id;
  Polarity polarity;
  Why why;
};

// Position of `words` in `text`, which must hold them exactly once.
std::size_t unique_position(const std::string& text, const std::string& words) {
  const std::size_t at = text.find(words);
  REQUIRE_MESSAGE(at != std::string::npos, words);
  REQUIRE_MESSAGE(text.find(words, at + 1) == std::string::npos, words);
  return at;
}

// check() on the article must report exactly `expected`, in order, and none of the
// sentences that open with `not_reported` (headings, questions, reference entries
// and sentences that share words with claims but state none; and sentences
// written to state a claim that the matcher cannot see, each said so). Prints what
// it found when the count differs, to help review a change.
void check_article(const std::string& name, const std::vector<Expected>& expected,
                   const std::vector<const char*>& not_reported) {
  CAPTURE(name);
  const std::string text = article(name);
  const auto found = check(bundled(), text);
  if (found.size() != expected.size()) {
    for (const auto& m : found) {
      MESSAGE("found [" << m.begin << ", " << m.end << ") " << to_string(m.polarity) << " " << m.id << ": "
                        << m.sentence);
    }
  }
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CAPTURE(expected[i].opening);
    const std::size_t at = unique_position(text, expected[i].opening);
    CHECK(found[i].begin == at);
    CHECK(found[i].id == expected[i].id);
    CHECK(found[i].polarity == expected[i].polarity);
    // The span is the whole sentence: it slices the text and ends where the text
    // or a line does, or before a space.
    CHECK(found[i].sentence == text.substr(found[i].begin, found[i].end - found[i].begin));
    CHECK((found[i].end == text.size() || text[found[i].end] == ' ' || text[found[i].end] == '\n'));
    const Grade* grade = bundled().grade(expected[i].id);
    REQUIRE(grade != nullptr);
    CHECK(found[i].verdict == grade->verdict);
    CHECK(found[i].certainty == grade->certainty);
    CHECK(found[i].score > 0.0);
    CHECK(found[i].score <= 1.0);
    // Every claim of the bundled KB says what it is about: each is found by the
    // concepts the sentence names, at least the claim's subject and object.
    CHECK(found[i].concepts.size() >= 2);
  }
  for (const char* opening : not_reported) {
    CAPTURE(opening);
    const std::size_t at = unique_position(text, opening);
    for (const auto& m : found) CHECK_FALSE((m.begin <= at && at < m.end));
  }
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

TEST_CASE("sentences: blank lines, headings and list items end sentences, wrapped lines do not") {
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
  CHECK(sentences(text) == std::vector<std::string>{"Step 1: Assess", "A line that wraps\nonto the next one ends here.",
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

TEST_CASE("check finds claims said in other words, says what each sentence does, and leaves the rest alone") {
  const std::string text =
      "Many therapists say that chronic tightness in the psoas leads to low back pain. "
      "The weather was lovely that day. "
      "The Thomas test is a good way to check hip flexor length.\n\n"
      "Foam rolling is cheap and effective. "
      "Tight hip flexors do not cause back pain. "
      "Is massage good for backache?";
  const auto found = check(bundled(), text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].id == "tight-psoas-causes-back-pain");
  CHECK(found[0].sentence == "Many therapists say that chronic tightness in the psoas leads to low back pain.");
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == found[0].sentence);
  CHECK(found[0].verdict == bundled().grade("tight-psoas-causes-back-pain")->verdict);
  CHECK(found[0].certainty == bundled().grade("tight-psoas-causes-back-pain")->certainty);
  // "Many therapists say": reported, so the sentence takes no side.
  CHECK(found[0].polarity == Polarity::reports);
  CHECK(found[0].agreement == Agreement::no_stance);
  CHECK(found[0].score > 0.0);
  CHECK(found[0].score <= 1.0);
  CHECK(found[1].id == "thomas-test-measures-hip-flexor-length");
  CHECK(found[1].polarity == Polarity::asserts);
  // "Foam rolling is cheap and effective" names the topic of a claim, not its
  // object (range of motion): no claim. "Does not cause": a denial of a claim
  // the evidence refutes, which agrees with the verdict.
  CHECK(found[2].begin == text.find("Tight hip flexors do not"));
  CHECK(found[2].polarity == Polarity::denies);
  CHECK(bundled().grade(found[2].id)->verdict == Verdict::refuted);
  CHECK(found[2].agreement == Agreement::agrees);
  // A question makes no claim.
  CHECK(check(bundled(), "").empty());
  CHECK(check(bundled(), "The weather was lovely. We went for a walk in the park.").empty());
}

// The three articles were written for these tests (tests/data/articles/README.md).
// Each list below was derived by reading the article next to claims/*.yaml: every
// sentence written to state a claim is named with the claim and what the sentence
// does with it (asserts, denies, reports); then check() was run and each result
// compared with that reading. Where they differ the lists say so; none of them
// takes a wrong answer as the right one. Editing an article moves sentences: the
// test prints what it found; review each difference before updating a list.

TEST_CASE("check on the wellness blog post: the popular claims, stated in its own voice") {
  check_article(
      "wellness-blog.txt",
      {
          {"Your psoas has an important stabilising function", "psoas-stabilizes-lumbar-spine", Polarity::asserts,
           Why::meant},
          {"Here\xE2\x80\x99s the problem: tight hip flexors", "tight-psoas-causes-back-pain", Polarity::asserts,
           Why::meant},
          // Names only the claim's concepts (psoas, shortening, lower vertebrae as
          // the lumbar spine, back ache), each directly: made without a cue word.
          // Missed until "for a long while" was taken out of chronicity's words
          // (its "while" is a stop word, so it was "long", and "after every long
          // meeting" named chronic pain, which the claim does not hold).
          {"When the psoas shortens, it tugs", "tight-psoas-causes-back-pain", Polarity::asserts, Why::meant},
          {"After ten years of coaching", "psoas-is-key-to-back-pain", Polarity::asserts, Why::meant},
          // "Therapists have long taught that": reported.
          {"Somatic therapists have long taught", "psoas-stores-emotions", Polarity::reports, Why::meant},
          // Names only the psoas and fear, both directly, with no cue word for another
          // relation: made without a cue word (docs/search.md, "Claims in a
          // sentence"). The blog offers it as the reason to believe the claim; a
          // careful reader would say it argues the claim rather than states it.
          {"Think about it: when you are frightened", "psoas-stores-emotions", Polarity::asserts, Why::current},
          {"Regular hip flexor stretching increases", "stretching-increases-hip-flexor-length", Polarity::asserts,
           Why::meant},
          {"Side-bending the trunk away", "side-bending-increases-psoas-stretch", Polarity::asserts, Why::meant},
          // Written for pir-or-pnf-beats-static-stretching ("contract-relax stretching
          // for tight hip flexors"), but it compares nothing: read as the plainer
          // claim that stretching tight hip flexors works.
          {"Trainers call this contract-relax stretching", "stretching-increases-hip-flexor-length", Polarity::asserts,
           Why::current},
          {"Massaging the psoas directly", "psoas-massage-relieves-back-pain", Polarity::asserts, Why::meant},
          {"Releasing a tight psoas relieves", "psoas-release-relieves-back-pain", Polarity::asserts, Why::meant},
          {"Foam rolling is even better than stretching", "foam-rolling-beats-stretching-for-range-of-motion",
           Polarity::asserts, Why::meant},
          {"Foam rolling increases joint range of motion", "foam-rolling-increases-range-of-motion", Polarity::asserts,
           Why::meant},
          {"Tight hip flexors shut off the glutes", "tight-hip-flexors-reduce-glute-activation", Polarity::asserts,
           Why::meant},
          {"Activating the glutes and hamstrings", "glute-activation-relaxes-hip-flexors", Polarity::asserts,
           Why::meant},
      },
      {
          // Written to state a claim, missed:
          //   psoas-stores-emotions, through "it":
          "Some call it the muscle of the soul",
          //   pir-or-pnf-beats-static-stretching, without naming a technique:
          "Adding a short contraction before you stretch",
          // Share words with claims (psoas, hip, lower back, therapist), state none.
          "The psoas runs from the lower vertebrae",
          "a dull ache across your lower back",
          "Kneel on a cushion",
          "You can work on the psoas yourself",
          "\xE2\x80\x9CI walked in bent over",
          "Lie face down with the roller",
      });
}

TEST_CASE("check on the physiotherapist's review: reported claims and denials, and what is not a claim") {
  check_article(
      "physio-review.txt",
      {
          // Leans on the sentence before ("it" is the psoas): read with it, the
          // psoas is the root of back pain. A careful reader would say the sentence
          // reports what blogs teach; "you will learn that" is not read as a report.
          {"Spend an afternoon on wellness blogs", "psoas-is-key-to-back-pain", Polarity::asserts, Why::current},
          {"Some trainers say that a tight psoas", "tight-psoas-causes-back-pain", Polarity::reports, Why::meant},
          {"Yet there is little evidence that a short psoas", "tight-psoas-causes-back-pain", Polarity::denies,
           Why::meant},
          // A study's finding against it ("was not linked to back pain").
          {"In one study, about 600 young men", "tight-psoas-causes-back-pain", Polarity::denies, Why::meant},
          // "Reached the same conclusion" (no link) denies the association; the
          // sentence does not say so in its own words.
          {"A cross-sectional study of 600 people", "hip-flexor-tightness-associated-with-back-pain", Polarity::asserts,
           Why::current},
          {"Interestingly, weak hip flexors were associated", "hip-flexor-weakness-associated-with-back-pain",
           Polarity::asserts, Why::meant},
          // "Less hip extension" is how short hip flexors show (limited-hip-extension is
          // narrower than hip-flexors), "people with" says the association.
          {"People with chronic back pain do tend", "hip-flexor-tightness-associated-with-back-pain", Polarity::asserts,
           Why::meant},
          // "It is often claimed that ..., but reviews ... find no real difference".
          {"It is often claimed that an anterior pelvic tilt", "excess-lordosis-or-pelvic-tilt-causes-back-pain",
           Polarity::denies, Why::meant},
          {"Massage courses teach that a therapist", "psoas-can-be-palpated-through-abdomen", Polarity::reports,
           Why::meant},
          // "I have yet to see a study showing that therapists agree": a denial.
          {"Most of the psoas lies behind the guts", "psoas-can-be-palpated-through-abdomen", Polarity::denies,
           Why::meant},
          {"Nor is a psoas that hurts when pressed", "psoas-tenderness-means-it-needs-treatment", Polarity::denies,
           Why::meant},
          {"Proponents argue that releasing a tight psoas", "psoas-release-relieves-back-pain", Polarity::reports,
           Why::meant},
          // Names only the claim's concepts (deep abdominal work: release and the
          // abdomen; risks: harm), each directly.
          {"Deep abdominal work also carries risks", "deep-abdominal-massage-can-cause-harm", Polarity::asserts,
           Why::meant},
          // "Vigorous pressure" is a release technique, the belly the abdomen.
          {"Vigorous pressure on the belly", "deep-abdominal-massage-can-cause-harm", Polarity::asserts, Why::meant},
          {"A rough psoas release through the abdomen", "psoas-release-can-rupture-appendix", Polarity::asserts,
           Why::meant},
          {"Disease of the psoas itself", "psoas-abscess-can-mimic-appendicitis", Polarity::asserts, Why::meant},
          {"Then there is the notion that the psoas stores trauma", "psoas-stores-emotions", Polarity::reports,
           Why::meant},
          // One sentence, two claims: massage-relieves-low-back-pain, then
          // exercise-therapy-helps-chronic-low-back-pain. check() reports one claim a
          // sentence: the one that explains more of it.
          {"Massage reduces low back pain in the short term", "exercise-therapy-helps-chronic-low-back-pain",
           Polarity::asserts, Why::meant},
      },
      {
          // Not claims: a heading, a question, reference-list entries.
          "The claim: a tight psoas causes back pain",
          "But how reliable is the modified Thomas test?",
          "Hellsing AL. Tightness of hamstring",
          "Vigotsky AD, Lehman GJ",
          "Nourbakhsh MR, Arab AM.",
          "Furlan AD, Giraldo M",
          // Written to state (or deny) a claim, missed:
          //   thomas-test-measures-hip-flexor-length, through "it" and "the test":
          "When therapists score it by eye",
          //   hip-flexor-stretching-relieves-back-pain, "pain" with "back" left to the context:
          "In one small trial, eight weeks",
          //   psoas-stores-emotions, as a metaphor:
          "Muscles tense when we are frightened",
          //   massage-relieves-low-back-pain, in a quotation that leaves "back pain" to the context:
          "As a colleague of mine likes to put it",
          //   psoas-is-key-to-back-pain, "the missing piece" without what it is missing from:
          "Just don\xE2\x80\x99t let anyone persuade you",
          // Share words with claims, state none.
          "The usual tool is the Thomas test",
          "The psoas attaches to the lumbar vertebrae",
          "Neither needs to target the psoas.",
      });
}

TEST_CASE("check on the news piece: plain reporting of massage and exercise for back pain") {
  check_article(
      "news-back-pain.txt",
      {
          // A trial count for a topic, not a claim: "exercise treatment for chronic
          // low back pain" names the claim's subject and object, and "treatment"
          // reads as a word of relief.
          {"A Cochrane review published in 2021", "exercise-therapy-helps-chronic-low-back-pain", Polarity::asserts,
           Why::current},
          // "..., though it is not a cure": the denial is of something else.
          {"In other words, exercise therapy reduces pain", "exercise-therapy-helps-chronic-low-back-pain",
           Polarity::asserts, Why::meant},
          {"Massage helps lower back pain", "massage-relieves-low-back-pain", Polarity::asserts, Why::meant},
          // "Whether ... is still an open question": in doubt, not taken as true.
          {"Whether the benefits of massage", "massage-benefits-for-back-pain-last-a-year", Polarity::denies,
           Why::meant},
          // A count of reported harms is evidence on the claim, not the claim.
          {"A review of published case reports", "serious-massage-adverse-events-are-rare", Polarity::reports,
           Why::current},
          {"Therapists often tell clients", "serious-massage-adverse-events-are-rare", Polarity::reports, Why::meant},
          // Leans on the sentence before ("such events" are serious harms of
          // massage): the authors' judgement, then "but case reports cannot say how
          // often": the turn casts doubt on it.
          {"The review's authors judged", "serious-massage-adverse-events-are-rare", Polarity::denies, Why::meant},
          {"Some clinics promise that a deep massage", "psoas-massage-relieves-back-pain", Polarity::reports,
           Why::meant},
      },
      {
          // Not claims: headings, a question, the reviews' titles.
          "Back pain: exercise beats the quick fix",
          "Massage: relief that may not last",
          "Is massage therapy safe?",
          "Which exercise is best?",
          "The reviews are: Hayden JA",
          // Written to state a claim, missed:
          //   massage-relieves-low-back-pain, "massage" left to the context:
          "A Cochrane review of 25 randomised trials",
          // Share words with claims, state none.
          "Low back pain is one of the most common reasons",
          "None of the massage trials in the Cochrane review",
          "Treat massage as a pleasant extra",
      });
}

// Rules added on 2026-12-03 (docs/search.md, "Claims in a sentence" and
// "Polarity"); each expectation read from the rule, then run.
TEST_CASE("check: a reason given with because, an object left implied, a gap that takes another phrase's word") {
  const auto one = [](const std::string& sentence) {
    const auto found = check(bundled(), sentence);
    REQUIRE(found.size() == 1);
    return found[0];
  };
  // "because" fits every relation: the harm claim (relation harms) is made,
  // though "injure" sits inside the mention of an adverse event and no other cue
  // word is left. The claim ends in the reason clause, so the "not" of the
  // warning before it is no denial: the sentence asserts the harm.
  const auto harm =
      one("Do not let anyone press hard into your belly to reach the psoas, because it can injure organs.");
  CHECK(harm.id == "deep-abdominal-massage-can-cause-harm");
  CHECK(harm.polarity == Polarity::asserts);
  // The claim is said before "because": the "not" before it still denies.
  const auto even = one("Just don't expect foam rolling to beat stretching, because in trials the two come out even.");
  CHECK(even.id == "foam-rolling-beats-stretching-for-range-of-motion");
  CHECK(even.polarity == Polarity::denies);
  // A claim that something is a sign (relation indicates) is made by a sentence
  // that names the sign and says "means" without naming what it would mean; "very
  // little" denies it.
  const auto sign = one("That your psoas hurts when pressed means very little.");
  CHECK(sign.id == "psoas-tenderness-means-it-needs-treatment");
  CHECK(sign.polarity == Polarity::denies);
  CHECK(sign.concepts == std::vector<std::string>{"psoas", "tenderness"});
  // Not in a question: one that leaves the object out asks about another one.
  CHECK(bundled().match("Does an anterior pelvic tilt cause knee problems?").id.empty());
  // "long taught that the psoas muscle" is not "longer muscles" with two words
  // left out: "psoas muscle" is a phrase of its own. So no muscle length, and the
  // claim is the one about emotions, reported ("taught").
  const auto taught = one("Somatic therapists have long taught that the psoas muscle stores emotions.");
  CHECK(taught.id == "psoas-stores-emotions");
  CHECK(taught.polarity == Polarity::reports);
  CHECK(taught.concepts == std::vector<std::string>{"psoas", "emotions"});
}

// Expectations read from the rules (docs/search.md, "Claims in a sentence" and
// "Polarity"), then run.
TEST_CASE("check: a sentence that leans on the one before, a skill taught, a quotation") {
  const std::string release = "Some therapists dig deep into the belly to release the psoas. ";
  // "One such session" points back: with the sentence before, the psoas and its
  // release are named, and "burst" (harm) and the appendix are the sentence's own.
  const auto such =
      check(bundled(), release + "A surgeon saw an inflamed appendix burst within hours of one such session.");
  REQUIRE(such.size() == 1);
  CHECK(such[0].begin == release.size());
  CHECK(such[0].id == "psoas-release-can-rupture-appendix");
  CHECK(such[0].polarity == Polarity::asserts);
  CHECK(such[0].concepts == std::vector<std::string>{"psoas", "muscle-release", "appendicitis"});
  // Without a word that points back, or across a paragraph, the sentence is
  // read alone: it names no release.
  CHECK(check(bundled(), release + "A surgeon saw an inflamed appendix burst within hours of a session.").empty());
  CHECK(check(bundled(),
              "Some therapists dig deep into the belly to release the psoas.\n\n"
              "A surgeon saw an inflamed appendix burst within hours of one such session.")
            .empty());
  // "Teach" with no "that" after it teaches a skill: no report.
  const auto skill = check(bundled(),
                           "Glute bridges teach the muscles at the back of the hip to work, "
                           "which helps the front of the hip let go.");
  REQUIRE(skill.size() == 1);
  CHECK(skill[0].id == "glute-activation-relaxes-hip-flexors");
  CHECK(skill[0].polarity == Polarity::asserts);
  // A sentence in quotation marks is someone's words.
  const auto quoted = check(bundled(), "\"Vigorous pressure on the belly can cause serious harm,\" she said.");
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].id == "deep-abdominal-massage-can-cause-harm");
  CHECK(quoted[0].polarity == Polarity::reports);
  const auto plain = check(bundled(), "Vigorous pressure on the belly can cause serious harm.");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].polarity == Polarity::asserts);
}

TEST_CASE("arbitrary bytes: sentences stay in bounds and in order, queries just answer") {
  std::mt19937 rng(3);
  const std::string pieces[] = {"psoas ",       "tight ",   "back pain", ". ",    "? ",       "\n",
                                "\n\n",         "  - ",     "1. ",       "e.g. ", "Dr. ",     "2.5",
                                "\xE2\x80\x99", "\xE2\x80", "\xC2\xA0",  "\xC2",  "\xFF\xFE", std::string(1, '\0'),
                                "’s ",          "…",        "\"",        ")",     "'"};
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
