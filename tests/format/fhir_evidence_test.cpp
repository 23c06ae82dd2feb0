// lib/format/fhir_evidence.cpp: claims as FHIR R5 Evidence (docs/site.md, "FHIR").
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>

#include "claimkb/claimkb.hpp"
#include "support/temp_kb.hpp"

using namespace claimkb;
using claimkb::test::TempKb;

TEST_CASE("a claim's certainty and domains as R5 certainty codes") {
  TempKb dir;
  dir.write("citations/c.yaml",
            "- {id: small, design: rct, title: Small trial, authors: [A B], year: 2002, journal: J, n: 120,"
            " risk_of_bias: high, doi: 10.1000/abc}\n"
            "- {id: blog, design: web, title: A blog, authors: [], year: 2020, publisher: Site}\n");
  dir.write("claims/c.yaml",
            "- id: two_x\n  statement: Two holds.\n  asserted_by: [{citation: blog}]\n"
            "  evidence: [{citation: small, stance: refutes, finding: No.}]\n"
            "- id: none\n  statement: Nothing known.\n");
  auto kb = KnowledgeBase::open(dir.path());
  REQUIRE(kb.ok());
  // One RCT (starts high), high risk of bias -1, 120 participants < 400 -1: refuted, low.
  const auto j = nlohmann::json::parse(to_fhir_evidence(*kb, 0));
  CHECK(j["resourceType"] == "Evidence");
  CHECK(j["id"] == "two-x");  // '_' is not allowed in a FHIR id
  CHECK(j["identifier"][0]["value"] == "two_x");
  const auto& overall = j["certainty"][0];
  CHECK(overall["type"]["coding"][0]["code"] == "Overall");
  CHECK(overall["rating"]["coding"][0]["code"] == "low");
  CHECK(overall["rating"]["coding"][0]["display"] == "Low quality");
  std::map<std::string, std::string> domains;
  for (const auto& s : overall["subcomponent"]) {
    domains[s["type"]["coding"][0]["code"]] = s["rating"]["coding"][0]["code"];
  }
  CHECK(domains["RiskOfBias"] == "serious-concern");
  CHECK(domains["Imprecision"] == "serious-concern");
  CHECK(domains["Indirectness"] == "no-concern");
  CHECK(domains["Inconsistency"] == "no-concern");
  CHECK(domains["PublicationBias"] == "no-concern");
  CHECK(domains["LargeEffect"] == "absent");
  CHECK(domains["DoseResponseGradient"] == "absent");
  REQUIRE(j["relatedArtifact"].size() == 2);  // the study and the asserting source
  CHECK(j["relatedArtifact"][0]["document"]["url"] == "https://doi.org/10.1000/abc");
  CHECK(j["relatedArtifact"][1]["classifier"][0]["text"] == "asserts");
  // No evidence: no rating, no domains; the statement is the measured variable.
  const auto none = nlohmann::json::parse(to_fhir_evidence(*kb, 1));
  CHECK(!none["certainty"][0].contains("rating"));
  CHECK(!none["certainty"][0].contains("subcomponent"));
  CHECK(none["variableDefinition"][0]["description"] == "Nothing known.");
  const auto bundle = nlohmann::json::parse(to_fhir_bundle(*kb));
  CHECK(bundle["entry"].size() == 2);
}
