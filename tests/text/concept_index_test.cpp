// The concept index's object index (lib/text/concept_index.hpp): matching scores
// only the claims whose subject and object a text may both name, so a claim must
// be listed under its object concepts and under the concepts just broader than
// them, and nowhere else. The index is built here from records in memory; the
// expected lists follow from the claims below by hand.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "claimkb/model.hpp"
#include "text/concept_index.hpp"

using namespace claimkb;
using detail::ConceptIndex;
using detail::ConceptIndexBuilder;
using List = std::vector<std::uint32_t>;

namespace {

Concept concept_named(const char* label) {
  Concept c;
  c.label = label;
  return c;
}

Claim claim_about(Relation r) {
  Claim c;
  c.about = About{};
  c.about->relation = r;
  return c;
}

}  // namespace

TEST_CASE("the object index lists a claim under its object concepts and those just broader, never its subject's") {
  // Concepts: 0 back pain; 1 low back pain, broader 0; 2 chronic low back pain,
  // broader 1 (so 0 is two steps up); 3 psoas; 4 exercise.
  ConceptIndexBuilder b;
  b.add_concept(concept_named("back pain"), {});
  b.add_concept(concept_named("low back pain"), {0});
  b.add_concept(concept_named("chronic low back pain"), {1});
  b.add_concept(concept_named("psoas"), {});
  b.add_concept(concept_named("exercise"), {});
  // Claims: 0 psoas causes low back pain; 1 exercise relieves chronic low back
  // pain; 2 exercise relieves (no object); 3 low back pain predicts psoas.
  b.add_claim(claim_about(Relation::causes), {3}, {1});
  b.add_claim(claim_about(Relation::relieves), {4}, {2});
  b.add_claim(claim_about(Relation::relieves), {4}, {});
  b.add_claim(claim_about(Relation::predicts), {1}, {3});
  const std::string bytes = b.finish();
  const auto index = ConceptIndex::open(bytes, 5, 4);
  REQUIRE(index.has_value());

  // Named object: low back pain is claim 0's object, chronic low back pain claim
  // 1's, psoas claim 3's. Claim 2 has none, and claim 3's subject (low back pain)
  // does not put it under low back pain.
  CHECK(index->claims_with_object(0) == List{});
  CHECK(index->claims_with_object(1) == List{0});
  CHECK(index->claims_with_object(2) == List{1});
  CHECK(index->claims_with_object(3) == List{3});
  CHECK(index->claims_with_object(4) == List{});
  // Just broader: back pain is just broader than low back pain (claim 0), low back
  // pain than chronic low back pain (claim 1); back pain is two steps above claim
  // 1's object, so claim 1 is not under it (a text saying "back pain" does not name
  // "chronic low back pain", concept_match.cpp how_named).
  CHECK(index->claims_with_narrower_object(0) == List{0});
  CHECK(index->claims_with_narrower_object(1) == List{1});
  CHECK(index->claims_with_narrower_object(2) == List{});
  CHECK(index->claims_with_narrower_object(3) == List{});
  // The subject index is unchanged: claims 1 and 2 are about exercise.
  CHECK(index->claims_about(4) == List{1, 2});
  CHECK(index->claims_about(1) == List{3});
  // Out of range: nothing.
  CHECK(index->claims_with_object(5).empty());
  CHECK(index->claims_with_narrower_object(5).empty());

  // Bytes cut short are refused, not misread.
  CHECK_FALSE(ConceptIndex::open(std::string_view(bytes).substr(0, bytes.size() - 4), 5, 4).has_value());
}
