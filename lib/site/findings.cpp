// Reads the grader's reasons (docs/grading.md: one line per rule that fired, "supports: ..."
// or "refutes: ..." for a body, "direction: ..." for the verdict) back into GRADE's domains.
#include "site/findings.hpp"

#include <map>

#include "site/html.hpp"

namespace claimkb::site {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The body's own reasons, without their "supports: " prefix.
std::vector<std::string> body_reasons(const Grade& g, Stance stance) {
  const std::string prefix = std::string(to_string(stance)) + ": ";
  std::vector<std::string> out;
  for (const auto& r : g.reasons) {
    if (starts_with(r, prefix)) out.push_back(r.substr(prefix.size()));
  }
  return out;
}

// A downgrade of `name` in the body's reasons: "-1 risk of bias: ..." or a reported
// grading "... -2 risk of bias ...". The judgement and the reason, or nothing.
bool downgrade(const std::vector<std::string>& reasons, const std::string& name, DomainJudgement& d) {
  for (const auto& r : reasons) {
    for (const char* step : {"-2 ", "-1 "}) {
      if (r.find(step + name) == std::string::npos) continue;
      d.judgement = step[1] == '2' ? "Very serious (\u22122)" : "Serious (\u22121)";
      d.why = r;
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<BodyFindings> summarize_findings(const KnowledgeBase& kb, const Claim& claim, const Grade& grade) {
  std::vector<BodyFindings> bodies;
  std::string direction;
  for (const auto& r : grade.reasons) {
    if (starts_with(r, "direction: ")) direction = r.substr(11);
  }
  for (const Stance stance : {Stance::supports, Stance::refutes}) {
    BodyFindings b;
    b.stance = stance;
    std::map<std::string, int> designs;
    std::size_t rated = 0, high_risk = 0, direct = 0, reported = 0, suspected = 0;
    std::int64_t rated_n = 0;
    for (std::size_t i = 0; i < claim.evidence.size() && i < grade.links.size(); ++i) {
      const EvidenceLink& l = claim.evidence[i];
      if (l.stance != stance) continue;
      const Citation* c = kb.citation(l.citation);
      if (c == nullptr) continue;
      if (!grade.links[i].counted) {
        if (is_empirical(c->design) && !c->retracted) ++b.set_aside;
        continue;
      }
      ++b.studies;
      if (c->n) {
        b.participants += *c->n;
      } else {
        ++b.unknown_n;
      }
      ++designs[human(to_string(c->design))];
      if (!grade.links[i].rated) continue;
      ++rated;
      if (l.reported_certainty || l.reported_domains) {
        ++reported;
        continue;
      }
      const RiskOfBias risk = l.risk_of_bias.value_or(c->risk_of_bias);
      if (risk == RiskOfBias::high || risk == RiskOfBias::critical) ++high_risk;
      if (l.directness == Directness::direct) ++direct;
      if (l.publication_bias) ++suspected;
      rated_n += c->n.value_or(0);
    }
    if (b.studies == 0) continue;
    for (const auto& [name, count] : designs) {
      b.designs += (b.designs.empty() ? "" : ", ") + name + " (" + std::to_string(count) + ")";
    }
    const std::vector<std::string> reasons = body_reasons(grade, stance);
    for (const auto& r : reasons) {
      if (starts_with(r, "rated ")) b.certainty = r.substr(6);
    }
    const std::size_t own = rated - reported;  // rated links the rules rated together
    const std::string by_source = reported > 0 ? " (and the source's own grading for the others)" : "";
    auto add = [&](const std::string& domain, const std::string& key, const std::string& fine) {
      DomainJudgement d{domain, "Not serious", fine};
      if (!downgrade(reasons, key, d) && own == 0) d.why = "Rated from the source's own GRADE assessment.";
      b.domains.push_back(d);
    };
    add("Risk of bias", "risk of bias",
        std::to_string(high_risk) + " of " + std::to_string(own) +
            " rated studies at high or critical risk of bias: not more than half" + by_source + ".");
    DomainJudgement inconsistency{"Inconsistency", "Not serious", direction};
    if (starts_with(direction, "-1 inconsistency")) inconsistency.judgement = "Serious (\u22121)";
    if (inconsistency.why.empty()) inconsistency.why = "No conflicting body of evidence.";
    b.domains.push_back(inconsistency);
    add("Indirectness", "indirectness",
        std::to_string(direct) + " of " + std::to_string(own) + " rated studies answer the claim directly" + by_source +
            ".");
    add("Imprecision", "imprecision",
        std::to_string(rated_n) + " participants in the rated studies, at least 400" + by_source + ".");
    add("Publication bias", "publication bias", "Not suspected for any rated study" + by_source + ".");
    DomainJudgement up{"Upgrades", "None",
                       "No large effect or dose-response gradient raised the rating (only evidence starting "
                       "at low or very low that was not downgraded can be raised)."};
    std::string ups;
    for (const auto& r : reasons) {
      if (starts_with(r, "+")) {
        ups += (ups.empty() ? "" : " ") + r.substr(0, 2);
        up.why = up.why.find("No large") == 0 ? r : up.why + "; " + r;
      }
    }
    if (!ups.empty()) up.judgement = ups;
    b.domains.push_back(up);
    bodies.push_back(std::move(b));
  }
  return bodies;
}

std::string render_findings(const std::vector<BodyFindings>& bodies) {
  if (bodies.empty()) {
    return "<p>No study that counts under the grading rules supports or refutes this claim, so there is no "
           "body of evidence to summarize.</p>\n";
  }
  std::string notes, out = "<div class=\"table-wrap\"><table class=\"sof\">\n<caption>Summary of findings</caption>\n";
  out += R"(<thead><tr><th scope="col">Domain</th>)";
  for (const auto& b : bodies) {
    out += std::string(R"(<th scope="col">)") + (b.stance == Stance::supports ? "Supporting" : "Refuting") +
           " evidence</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  auto row = [&](const char* head, auto cell) {
    out += std::string(R"(<tr><th scope="row">)") + head + "</th>";
    for (const auto& b : bodies) out += "<td>" + cell(b) + "</td>";
    out += "</tr>\n";
  };
  row("Studies", [](const BodyFindings& b) {
    std::string s = std::to_string(b.studies);
    if (b.set_aside > 0) s += " (" + std::to_string(b.set_aside) + " more listed, same participants)";
    return s;
  });
  row("Participants", [](const BodyFindings& b) {
    std::string s = std::to_string(b.participants);
    if (b.unknown_n > 0) s += " (not reported for " + std::to_string(b.unknown_n) + ")";
    return s;
  });
  row("Design", [](const BodyFindings& b) { return escape(b.designs); });
  int note = 0;
  for (std::size_t d = 0; d < bodies.front().domains.size(); ++d) {
    row(bodies.front().domains[d].domain.c_str(), [&](const BodyFindings& b) {
      const DomainJudgement& j = b.domains[d];
      const std::string n = std::to_string(++note);
      notes += R"(<li id="sof-note-)" + n + R"(">)" + escape(j.why) + "</li>\n";
      std::string cell = escape(j.judgement);
      cell += R"(<sup><a href="#sof-note-)";
      cell += n;
      cell += R"(" aria-label="note )";
      cell += n;
      cell += R"(">)";
      cell += n;
      cell += "</a></sup>";
      return cell;
    });
  }
  row("Certainty", [](const BodyFindings& b) { return "<strong>" + escape(capitalized(b.certainty)) + "</strong>"; });
  out += "</tbody>\n</table></div>\n<ol class=\"notes\">\n" + notes + "</ol>\n";
  return out;
}

}  // namespace claimkb::site
