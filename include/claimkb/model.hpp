// claimkb/model.hpp — the records of a knowledge base, as plain values
// (docs/format.md describes every key).
//
// These are what the YAML files say, after validation. An empty string or list
// means the key was absent. Objects returned by a KnowledgeBase are owned by it and
// live as long as any copy of it; they never change after loading.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claimkb/types.hpp"

namespace claimkb {

struct Retraction {
  std::string date;
  std::string notice;  // DOI or URL of the retraction notice
};

struct Citation {
  std::string id;
  Design design = Design::web;
  std::optional<Pooled> of;  // systematic reviews only
  std::string title;
  std::vector<std::string> authors;  // "Surname Initials", in order
  int year = 0;
  std::string journal;  // NLM abbreviation
  std::string publisher;
  std::string volume, issue, pages, article;
  std::string pmid, pmcid, doi, url;
  std::optional<long> n;  // participants
  RiskOfBias risk_of_bias = RiskOfBias::unclear;
  std::optional<Retraction> retracted;
  std::string same_sample_as;         // another report of the same participants
  std::vector<std::string> includes;  // systematic reviews only: what the review pooled
  std::string abstract, notes;

  // The NLM/Vancouver reference (docs/cli.md, "reference"), computed when the KB is loaded.
  std::string reference;
};

// A source's own GRADE judgements for one outcome (`reported_domains`).
struct ReportedDomains {
  std::optional<Concern> risk_of_bias, inconsistency, indirectness, imprecision, publication_bias;
  int large_effect = 0, dose_response = 0, confounding = 0;  // 0, 1 or 2 levels up
};

struct EvidenceLink {
  std::string citation;
  Stance stance = Stance::neutral;
  std::string finding;
  Directness directness = Directness::direct;
  std::optional<RiskOfBias> risk_of_bias;  // overrides the citation's
  std::optional<Effect> effect;
  bool dose_response = false;
  bool publication_bias = false;  // `publication_bias: suspected`
  std::optional<Certainty> reported_certainty;
  std::optional<ReportedDomains> reported_domains;
  std::string notes;
};

struct Assertion {
  std::string citation;
  std::string quote;
};

// What a claim is about, in the spirit of PICO: concept ids that together name
// the subject (an exposure, intervention or test) and the object (an outcome or
// property), how the one bears on the other, what it is compared with, and the
// population it holds for (people with chronic pain, say). A question must name
// the subject and the object; naming the population makes the match closer but is
// not required.
struct About {
  std::vector<std::string> subject;
  Relation relation = Relation::causes;
  std::vector<std::string> object;
  std::vector<std::string> compared_with;
  std::vector<std::string> population;
};

struct Claim {
  std::string id;
  std::string statement;
  std::vector<std::string> aliases;
  std::optional<About> about;
  std::vector<std::string> tags;
  std::vector<Assertion> asserted_by;
  std::vector<EvidenceLink> evidence;
  std::vector<std::string> depends_on;
  std::string notes;
};

// A word or phrase people use for a concept. `note` says why the synonym is shared
// with another concept (a KB must give one then).
struct Synonym {
  std::string text;
  std::string note;
};

// Codes of a concept in controlled vocabularies, where known.
struct ConceptCodes {
  std::string mesh;    // MeSH descriptor, e.g. D000000
  std::string snomed;  // SNOMED CT concept id
};

// Something claims are about, with the words people use for it (`concepts/`).
struct Concept {
  std::string id;
  std::string label;
  std::vector<Synonym> synonyms;
  std::vector<std::string> broader;  // ids of concepts this one is a kind or part of
  std::optional<ConceptCodes> codes;
  std::string notes;
};

}  // namespace claimkb
