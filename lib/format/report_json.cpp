// Summaries (docs/grading.md §7) and the JSON form of a report (docs/cli.md).
#include <nlohmann/json.hpp>

#include "claimkb/verdict.hpp"

namespace claimkb {

// GRADE's wording: high "supports", moderate "probably", low "may", very low "very
// uncertain" (docs/grading.md has the table).
std::string_view summary(Verdict verdict, std::optional<Certainty> certainty) {
  if (verdict == Verdict::insufficient || !certainty) {
    return "There is not enough evidence to judge this claim.";
  }
  static constexpr std::string_view kTable[3][4] = {
      {"The evidence is very uncertain, but it leans towards this claim.", "This claim may be true.",
       "This claim is probably true.", "The evidence supports this claim."},
      {"The evidence is very uncertain, but it leans against this claim.", "This claim may be false.",
       "This claim is probably false.", "The evidence shows this claim is false."},
      {"The evidence is very uncertain and conflicting on this claim.", "The evidence may conflict on this claim.",
       "The evidence probably conflicts on this claim.", "The evidence conflicts on this claim."},
  };
  return kTable[static_cast<int>(verdict)][static_cast<int>(*certainty) - 1];
}

namespace {

nlohmann::ordered_json certainty_json(std::optional<Certainty> c) {
  if (!c) return nullptr;
  return std::string(to_string(*c));
}

}  // namespace

std::string to_json(const Report& r, int indent) {
  using nlohmann::ordered_json;
  ordered_json evidence = ordered_json::array();
  for (const auto& e : r.evidence) {
    evidence.push_back({{"citation", e.citation},
                        {"stance", std::string(to_string(e.stance))},
                        {"design", std::string(to_string(e.design))},
                        {"counted", e.counted},
                        {"finding", e.finding},
                        {"reference", e.reference}});
  }
  ordered_json asserted = ordered_json::array();
  for (const auto& a : r.asserted_by) {
    asserted.push_back({{"citation", a.citation}, {"quote", a.quote}, {"reference", a.reference}});
  }
  ordered_json premises = ordered_json::array();
  for (const auto& p : r.premises) {
    premises.push_back(
        {{"id", p.id}, {"verdict", std::string(to_string(p.verdict))}, {"certainty", certainty_json(p.certainty)}});
  }
  ordered_json j = {{"id", r.id},
                    {"statement", r.statement},
                    {"verdict", std::string(to_string(r.verdict))},
                    {"certainty", certainty_json(r.certainty)},
                    {"summary", r.summary},
                    {"reasons", r.reasons},
                    {"evidence", evidence},
                    {"asserted_by", asserted},
                    {"premises", premises},
                    {"warnings", r.warnings}};
  // Replace invalid UTF-8 rather than fail: a report must always print.
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace claimkb
