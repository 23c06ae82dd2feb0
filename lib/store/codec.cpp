#include "store/codec.hpp"

#include "claimkb/reference.hpp"

namespace claimkb::detail {
namespace {

// Every enum with its first and last value, for decoding.
constexpr auto kDesign = std::pair{Design::systematic_review, Design::web};
constexpr auto kPooled = std::pair{Pooled::randomized, Pooled::observational};
constexpr auto kStance = std::pair{Stance::supports, Stance::neutral};
constexpr auto kDirectness = std::pair{Directness::direct, Directness::indirect};
constexpr auto kRisk = std::pair{RiskOfBias::low, RiskOfBias::unclear};
constexpr auto kEffect = std::pair{Effect::small, Effect::very_large};
constexpr auto kCertainty = std::pair{Certainty::very_low, Certainty::high};
constexpr auto kConcern = std::pair{Concern::serious, Concern::very_serious};
constexpr auto kVerdict = std::pair{Verdict::supported, Verdict::insufficient};
constexpr auto kSeverity = std::pair{Diagnostic::Severity::error, Diagnostic::Severity::warning};

template <class E>
E get(Reader& r, std::pair<E, E> range) { return r.enumeration(range.first, range.second); }
template <class E>
std::optional<E> get_opt(Reader& r, std::pair<E, E> range) { return r.opt_enum(range.first, range.second); }

// Reads a count, then that many items with `read`. The list grows as items are
// read, so a count larger than the data (an altered file) costs no more memory than
// the items actually there.
template <class T, class F>
void get_list(Reader& r, std::vector<T>& out, F read) {
  out.clear();
  for (std::size_t n = r.count(); n > 0 && r.ok(); --n) read(out.emplace_back());
}

int get_int(Reader& r) { return static_cast<int>(r.svarint()); }

}  // namespace

void encode(Writer& w, const Claim& c) {
  w.str(c.statement);
  w.strs(c.aliases);
  w.strs(c.tags);
  w.varint(c.asserted_by.size());
  for (const Assertion& a : c.asserted_by) {
    w.str(a.citation);
    w.str(a.quote);
  }
  w.varint(c.evidence.size());
  for (const EvidenceLink& l : c.evidence) {
    w.str(l.citation);
    w.enumeration(l.stance);
    w.str(l.finding);
    w.enumeration(l.directness);
    w.opt_enum(l.risk_of_bias);
    w.opt_enum(l.effect);
    w.u8(static_cast<std::uint8_t>((l.dose_response ? 1 : 0) | (l.publication_bias ? 2 : 0)));
    w.opt_enum(l.reported_certainty);
    w.u8(l.reported_domains ? 1 : 0);
    if (l.reported_domains) {
      const ReportedDomains& d = *l.reported_domains;
      for (const auto& concern : {d.risk_of_bias, d.inconsistency, d.indirectness, d.imprecision, d.publication_bias}) {
        w.opt_enum(concern);
      }
      w.svarint(d.large_effect);
      w.svarint(d.dose_response);
      w.svarint(d.confounding);
    }
    w.str(l.notes);
  }
  w.strs(c.depends_on);
  w.str(c.notes);
}

void decode(Reader& r, Claim& c) {
  c.statement = r.str();
  c.aliases = r.strs();
  c.tags = r.strs();
  get_list(r, c.asserted_by, [&](Assertion& a) {
    a.citation = r.str();
    a.quote = r.str();
  });
  get_list(r, c.evidence, [&](EvidenceLink& l) {
    l.citation = r.str();
    l.stance = get(r, kStance);
    l.finding = r.str();
    l.directness = get(r, kDirectness);
    l.risk_of_bias = get_opt(r, kRisk);
    l.effect = get_opt(r, kEffect);
    const std::uint8_t flags = r.u8();
    l.dose_response = (flags & 1) != 0;
    l.publication_bias = (flags & 2) != 0;
    l.reported_certainty = get_opt(r, kCertainty);
    if (r.u8() != 0) {
      ReportedDomains& d = l.reported_domains.emplace();
      for (auto* concern : {&d.risk_of_bias, &d.inconsistency, &d.indirectness, &d.imprecision, &d.publication_bias}) {
        *concern = get_opt(r, kConcern);
      }
      d.large_effect = get_int(r);
      d.dose_response = get_int(r);
      d.confounding = get_int(r);
    }
    l.notes = r.str();
  });
  c.depends_on = r.strs();
  c.notes = r.str();
}

void encode(Writer& w, const Grade& g) {
  w.enumeration(g.verdict);
  w.opt_enum(g.certainty);
  w.strs(g.reasons);
  w.strs(g.warnings);
  w.varint(g.links.size());
  for (const LinkUse& u : g.links) w.u8(static_cast<std::uint8_t>((u.counted ? 1 : 0) | (u.rated ? 2 : 0)));
}

void decode(Reader& r, Grade& g) {
  g.verdict = get(r, kVerdict);
  g.certainty = get_opt(r, kCertainty);
  g.reasons = r.strs();
  g.warnings = r.strs();
  get_list(r, g.links, [&](LinkUse& u) {
    const std::uint8_t flags = r.u8();
    u.counted = (flags & 1) != 0;
    u.rated = (flags & 2) != 0;
  });
}

void encode(Writer& w, const Citation& c) {
  w.enumeration(c.design);
  w.opt_enum(c.of);
  w.str(c.title);
  w.strs(c.authors);
  w.svarint(c.year);
  for (const std::string* s : {&c.journal, &c.publisher, &c.volume, &c.issue, &c.pages, &c.article,
                               &c.pmid, &c.pmcid, &c.doi, &c.url}) {
    w.str(*s);
  }
  w.u8(c.n ? 1 : 0);
  if (c.n) w.svarint(*c.n);
  w.enumeration(c.risk_of_bias);
  w.u8(c.retracted ? 1 : 0);
  if (c.retracted) {
    w.str(c.retracted->date);
    w.str(c.retracted->notice);
  }
  w.str(c.abstract);
  w.str(c.notes);
  // Not c.reference: it is a function of the fields above (format_reference), so it
  // is formatted again when the record is decoded, by the same claimkb version.
}

void decode(Reader& r, Citation& c) {
  c.design = get(r, kDesign);
  c.of = get_opt(r, kPooled);
  c.title = r.str();
  c.authors = r.strs();
  c.year = get_int(r);
  for (std::string* s : {&c.journal, &c.publisher, &c.volume, &c.issue, &c.pages, &c.article,
                         &c.pmid, &c.pmcid, &c.doi, &c.url}) {
    *s = r.str();
  }
  if (r.u8() != 0) c.n = static_cast<long>(r.svarint());
  c.risk_of_bias = get(r, kRisk);
  if (r.u8() != 0) {
    Retraction& t = c.retracted.emplace();
    t.date = r.str();
    t.notice = r.str();
  }
  c.abstract = r.str();
  c.notes = r.str();
  c.reference = format_reference(c);
}

void encode(Writer& w, const Diagnostic& d) {
  w.str(d.file);
  w.svarint(d.line);
  w.svarint(d.column);
  w.enumeration(d.severity);
  w.str(d.message);
}

void decode(Reader& r, Diagnostic& d) {
  d.file = r.str();
  d.line = get_int(r);
  d.column = get_int(r);
  d.severity = get(r, kSeverity);
  d.message = r.str();
}

}  // namespace claimkb::detail
