// The concept index's claim lists (lib/text/concept_index.hpp): matching looks only
// at the claims listed under the concepts a text covers, so a claim must be listed
// under each of its subject concepts and nowhere else (not under its object's, nor
// under broader ones: the text's covered concepts include those). The index is
// built here from records in memory; the expected lists follow from the claims
// below by hand.
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

TEST_CASE("the subject index lists a claim under its subject concepts only") {
  // Concepts: 0 back pain (a root); 1 low back pain, broader 0; 2 chronic low back
  // pain, broader 1; 3 psoas; 4 exercise.
  ConceptIndexBuilder b;
  b.add_concept(concept_named("back pain"), {});
  b.add_concept(concept_named("low back pain"), {0});
  b.add_concept(concept_named("chronic low back pain"), {1});
  b.add_concept(concept_named("psoas"), {});
  b.add_concept(concept_named("exercise"), {});
  // Claims (subjects only): 0 psoas; 1 and 2 exercise; 3 low back pain; 4 chronic
  // low back pain.
  b.add_claim(claim_about(Relation::causes), {3});
  b.add_claim(claim_about(Relation::relieves), {4});
  b.add_claim(claim_about(Relation::relieves), {4});
  b.add_claim(claim_about(Relation::predicts), {1});
  b.add_claim(claim_about(Relation::predicts), {2});
  const std::string bytes = b.finish();
  const auto index = ConceptIndex::open(bytes, 5, 5);
  REQUIRE(index.has_value());

  CHECK(index->claims_about(4) == List{1, 2});
  CHECK(index->claims_about(1) == List{3});
  CHECK(index->claims_about(2) == List{4});
  CHECK(index->claims_about(0) == List{});
  // Not under the concepts just broader (claim 4 is not under low back pain) nor
  // under the psoas, which is no claim's subject.
  CHECK(index->claims_about(3) == List{0});
  CHECK(index->relation(3) == Relation::predicts);
  // Out of range: nothing.
  CHECK(index->claims_about(5).empty());

  // Bytes cut short are refused, not misread.
  CHECK_FALSE(ConceptIndex::open(std::string_view(bytes).substr(0, bytes.size() - 4), 5, 5).has_value());
}
