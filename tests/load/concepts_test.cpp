// Loading concepts/ and claims' `about` (docs/format.md, "Concepts and about"):
// as strict as the rest, every problem at its file:line:column.
#include <doctest/doctest.h>

#include "claimkb/knowledge_base.hpp"
#include "support/kb_errors.hpp"
#include "support/temp_kb.hpp"

using namespace claimkb;
using claimkb::test::errors_of;
using claimkb::test::one_error;
using claimkb::test::TempKb;

namespace {

// A KB with one citation, the given concepts and one claim about them.
struct KbWith : TempKb {
  explicit KbWith(const std::string& concepts, const std::string& about = "") {
    write("citations/t.yaml", test::kRctCitation);
    write("concepts/c.yaml", concepts);
    write("claims/c.yaml", "id: c\nstatement: S.\n" + about);
  }
};

const char* kTwoConcepts =
    "- id: psoas\n"
    "  label: psoas muscle\n"
    "  synonyms: [iliopsoas, {text: deep hip flexor, note: the psoas is the deepest}]\n"
    "  broader: [hip-flexors]\n"
    "  codes: {mesh: D016658}\n"
    "- id: hip-flexors\n"
    "  label: hip flexors\n";

}  // namespace

TEST_CASE("concepts load with their synonyms, broader concepts and codes, a claim says what it is about") {
  KbWith kb(kTwoConcepts, "about: {subject: [psoas], relation: causes, object: [hip-flexors]}\n");
  auto r = KnowledgeBase::open(kb.path());
  REQUIRE(r.ok());
  CHECK(r->warnings().empty());  // the claim has its `about`
  const Concept* psoas = r->find_concept("psoas");
  REQUIRE(psoas != nullptr);
  CHECK(psoas->label == "psoas muscle");
  REQUIRE(psoas->synonyms.size() == 2);
  CHECK(psoas->synonyms[0].text == "iliopsoas");  // a plain string is a synonym's text
  CHECK(psoas->synonyms[1].note == "the psoas is the deepest");
  CHECK(psoas->broader == std::vector<std::string>{"hip-flexors"});
  CHECK(psoas->codes->mesh == "D016658");
  const Claim* c = r->claim("c");
  REQUIRE(c->about);
  CHECK(c->about->relation == Relation::causes);
  CHECK(c->about->subject == std::vector<std::string>{"psoas"});
}

TEST_CASE("unknown keys and bad relations in concepts and about") {
  KbWith kb("id: a\nlabel: A thing\nsynonym: [b]\n", "about: {subject: [a], relation: cures, object: [a]}\n");
  auto errors = errors_of(kb);
  REQUIRE(errors.size() == 2);
  // "about: {subject: [a], " is 24 characters, so 'cures' starts at column 33.
  CHECK(errors[0] ==
        "claims/c.yaml:3:33: error: bad value 'cures' for 'relation': expected one of causes, "
        "associated_with, predicts, relieves, increases, decreases, measures, detects, indicates, "
        "stores, harms, rarely_harms, stabilizes, mimics, protects, needed_for, prevents (did you mean 'causes'?)");
  CHECK(errors[1] == "concepts/c.yaml:3:1: error: unknown key 'synonym' in concept (did you mean 'synonyms'?)");
}

TEST_CASE("about names concepts that exist, and at least one for subject and object") {
  // Columns counted by hand: "about: {subject: [" is 18 characters.
  CHECK(one_error(KbWith(kTwoConcepts, "about: {subject: [psoaz], relation: causes, object: [psoas]}\n")) ==
        "claims/c.yaml:3:19: error: unknown concept 'psoaz' in about.subject (did you mean 'psoas'?)");
  // "about: {subject: [psoas], relation: causes, object: " is 52 characters.
  CHECK(one_error(KbWith(kTwoConcepts, "about: {subject: [psoas], relation: causes, object: []}\n")) ==
        "claims/c.yaml:3:53: error: 'object' must not be empty");
}

TEST_CASE("a dangling or cyclic broader is an error") {
  CHECK(one_error(KbWith("id: a\nlabel: alpha\nbroader: [nothing]\n")) ==
        "concepts/c.yaml:3:11: error: unknown concept 'nothing' in broader");
  // The cycle is reported where it closes: the a of b's `broader: [a]`, at column 35.
  CHECK(one_error(KbWith("- {id: a, label: alpha, broader: [b]}\n- {id: b, label: bravo, broader: [a]}\n")) ==
        "concepts/c.yaml:2:35: error: broader cycle: a -> b -> a");
}

TEST_CASE("two concepts may share a synonym only when both say why") {
  // "Hip flexor" and "hip flexors" are one term once stemmed: matching could not
  // tell the two concepts apart.
  KbWith shared(
      "- {id: a, label: psoas, synonyms: [hip flexor]}\n"
      "- {id: b, label: hip flexors}\n");
  // b's label meets a's synonym: a label cannot carry a note, so the advice differs.
  CHECK(one_error(shared) == "concepts/c.yaml:2:18: error: 'hip flexors' is also a synonym of concept 'a' (" +
                                 shared.path() +
                                 "/concepts/c.yaml:1:36); a label is one concept's own: reword one of "
                                 "them, or make one concept broader than the other");
  KbWith synonyms(
      "- {id: a, label: psoas, synonyms: [hip flexor]}\n"
      "- {id: b, label: flexors of the hip, synonyms: [hip flexors]}\n");
  CHECK(one_error(synonyms) == "concepts/c.yaml:2:49: error: 'hip flexors' is also a synonym of concept 'a' (" +
                                   synonyms.path() +
                                   "/concepts/c.yaml:1:36); two concepts may share words only when "
                                   "both synonyms carry a `note` saying why");
  // With a note on both, it loads.
  KbWith ok(
      "- {id: a, label: lumbago, synonyms: [{text: LBP, note: shorthand for both}]}\n"
      "- {id: b, label: low back pain, synonyms: [{text: lbp, note: shorthand for both}]}\n");
  CHECK(KnowledgeBase::open(ok.path()).ok());
}

TEST_CASE("a synonym of only common words is refused: matching could never see it") {
  CHECK(one_error(KbWith("id: a\nlabel: psoas\nsynonyms: [it is]\n")) ==
        "concepts/c.yaml:3:12: error: 'it is' has no word that matching can use (only short or common words); "
        "say it in other words, or leave it out");
}
