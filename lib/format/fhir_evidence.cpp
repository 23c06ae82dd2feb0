// Claims as FHIR R5 Evidence (http://hl7.org/fhir/R5/evidence.html). The certainty
// codes are those of the R5 code systems certainty-type (Overall, RiskOfBias, ...) and
// certainty-rating (high ... very-low, no-concern, serious-concern, ...); the domain
// judgements are the summary-of-findings table's (site/findings.hpp), so the two agree.
#include <nlohmann/json.hpp>

#include "claimkb/fhir.hpp"
#include "claimkb/site.hpp"
#include "claimkb/text.hpp"
#include "site/findings.hpp"
#include "site/html.hpp"

namespace claimkb {
namespace {

using nlohmann::ordered_json;

constexpr const char* kCertaintyType = "http://hl7.org/fhir/certainty-type";
constexpr const char* kCertaintyRating = "http://hl7.org/fhir/certainty-rating";
constexpr const char* kVariableRole = "http://terminology.hl7.org/CodeSystem/variable-role";

ordered_json coding(const char* system, const std::string& code, const std::string& display) {
  return {{"coding", ordered_json::array({{{"system", system}, {"code", code}, {"display", display}}})}};
}

// A FHIR id: [A-Za-z0-9.-]{1,64}. Claim ids are [a-z0-9._-]: '_' becomes '-'.
std::string fhir_id(const std::string& id) {
  std::string out = id.substr(0, 64);
  for (char& c : out) c = c == '_' ? '-' : c;
  return out;
}

// FHIR strings may not be empty: an empty text becomes a placeholder.
std::string text(const std::string& s, const char* otherwise = "(none)") {
  return s.empty() ? otherwise : to_valid_utf8(s);
}

std::string concept_words(const KnowledgeBase& kb, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    const Concept* c = kb.find_concept(id);
    out += (out.empty() ? "" : ", ") + (c != nullptr && !c->label.empty() ? c->label : id);
  }
  return out;
}

ordered_json variables(const KnowledgeBase& kb, const Claim& claim) {
  ordered_json out = ordered_json::array();
  auto add = [&](const std::vector<std::string>& ids, const char* role, const char* display) {
    if (ids.empty()) return;
    out.push_back(
        {{"description", text(concept_words(kb, ids))}, {"variableRole", coding(kVariableRole, role, display)}});
  };
  if (claim.about) {
    add(claim.about->population, "population", "population");
    add(claim.about->subject, "exposure", "exposure");
    add(claim.about->compared_with, "referenceExposure", "reference exposure");
    add(claim.about->object, "measuredVariable", "measured variable");
  }
  if (out.empty()) {  // no `about`: the statement is what is measured
    out.push_back({{"description", text(claim.statement)},
                   {"variableRole", coding(kVariableRole, "measuredVariable", "measured variable")}});
  }
  return out;
}

std::string rating_code(Certainty c) { return c == Certainty::very_low ? "very-low" : std::string(to_string(c)); }

// A domain's judgement ("Not serious", "Serious (-1)", ...) as a certainty-rating code.
std::pair<std::string, std::string> concern(const std::string& judgement) {
  if (judgement.rfind("Very serious", 0) == 0) return {"very-serious-concern", "very serious concern"};
  if (judgement.rfind("Serious", 0) == 0) return {"serious-concern", "serious concern"};
  return {"no-concern", "no serious concern"};
}

ordered_json certainty(const KnowledgeBase& kb, const Claim& claim, const Grade& grade) {
  ordered_json overall = {{"description", std::string(summary(grade.verdict, grade.certainty))},
                          {"type", coding(kCertaintyType, "Overall", "Overall certainty")}};
  if (grade.certainty) {
    overall["rating"] = coding(kCertaintyRating, rating_code(*grade.certainty),
                               site::capitalized(to_string(*grade.certainty)) + " quality");
  }
  // The domains of the body the verdict follows (supporting for a mixed verdict).
  const Stance leading = grade.verdict == Verdict::refuted ? Stance::refutes : Stance::supports;
  const auto bodies = site::summarize_findings(kb, claim, grade);
  ordered_json subs = ordered_json::array();
  static const std::pair<const char*, const char*> kTypes[] = {{"Risk of bias", "RiskOfBias"},
                                                               {"Inconsistency", "Inconsistency"},
                                                               {"Indirectness", "Indirectness"},
                                                               {"Imprecision", "Imprecision"},
                                                               {"Publication bias", "PublicationBias"}};
  for (const auto& body : bodies) {
    if (body.stance != leading) continue;
    for (const auto& d : body.domains) {
      for (const auto& [name, code] : kTypes) {
        if (d.domain != name) continue;
        const auto [rating, display] = concern(d.judgement);
        subs.push_back({{"description", text(d.why)},
                        {"type", coding(kCertaintyType, code, name)},
                        {"rating", coding(kCertaintyRating, rating, display)}});
      }
      if (d.domain == "Upgrades") {
        // "None" when no upgrade fired; else the grader's "+1 large effect ..." lines.
        const bool raised = d.judgement != "None";
        const bool large = raised && d.why.find("large effect") != std::string::npos;
        const bool dose = raised && d.why.find("dose-response") != std::string::npos;
        subs.push_back(
            {{"type", coding(kCertaintyType, "LargeEffect", "Large effect")},
             {"rating", coding(kCertaintyRating, large ? "present" : "absent", large ? "present" : "absent")}});
        subs.push_back(
            {{"type", coding(kCertaintyType, "DoseResponseGradient", "Dose response gradient")},
             {"rating", coding(kCertaintyRating, dose ? "present" : "absent", dose ? "present" : "absent")}});
      }
    }
  }
  if (!subs.empty()) overall["subcomponent"] = subs;
  return ordered_json::array({overall});
}

ordered_json citation_artifact(const Citation& c, const std::string& role, const std::string& finding) {
  ordered_json a = {{"type", "citation"},
                    {"classifier", ordered_json::array({{{"text", role}}})},
                    {"label", c.id},
                    {"display", text(finding.empty() ? c.title : role + ": " + finding)},
                    {"citation", text(c.reference)}};
  std::string url = !c.doi.empty() ? site::doi_url(c.doi) : !c.pmid.empty() ? site::pubmed_url(c.pmid) : c.url;
  if (!url.empty()) a["document"] = {{"url", to_valid_utf8(url)}};
  return a;
}

ordered_json evidence(const KnowledgeBase& kb, std::size_t i) {
  const Claim& claim = kb.claim_at(i);
  const Grade& grade = kb.grade_at(i);
  ordered_json artifacts = ordered_json::array();
  for (const auto& l : claim.evidence) {
    if (const Citation* c = kb.citation(l.citation)) {
      artifacts.push_back(citation_artifact(*c, std::string(to_string(l.stance)), l.finding));
    }
  }
  for (const auto& a : claim.asserted_by) {
    if (const Citation* c = kb.citation(a.citation)) artifacts.push_back(citation_artifact(*c, "asserts", a.quote));
  }
  ordered_json j = {
      {"resourceType", "Evidence"},
      {"id", fhir_id(claim.id)},
      {"identifier", ordered_json::array({{{"system", "urn:claimkb:claim"}, {"value", claim.id}}})},
      {"title", text(claim.statement)},
      {"status", "active"},
      {"description", std::string(summary(grade.verdict, grade.certainty))},
      {"assertion", text(claim.statement) + " Verdict: " + rating_name(grade.verdict, grade.certainty) + "."}};
  if (!artifacts.empty()) j["relatedArtifact"] = artifacts;
  ordered_json notes = ordered_json::array();
  for (const auto& r : grade.reasons) notes.push_back({{"text", text(r)}});
  if (!claim.notes.empty()) notes.push_back({{"text", text(claim.notes)}});
  if (!notes.empty()) j["note"] = notes;
  j["variableDefinition"] = variables(kb, claim);
  j["certainty"] = certainty(kb, claim, grade);
  return j;
}

}  // namespace

std::string to_fhir_evidence(const KnowledgeBase& kb, std::size_t i, int indent) {
  return evidence(kb, i).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_fhir_bundle(const KnowledgeBase& kb, int indent) {
  ordered_json entries = ordered_json::array();
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    entries.push_back({{"fullUrl", "urn:claimkb:claim:" + kb.claim_at(i).id}, {"resource", evidence(kb, i)}});
  }
  ordered_json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}};
  if (!entries.empty()) bundle["entry"] = entries;
  return bundle.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace claimkb
