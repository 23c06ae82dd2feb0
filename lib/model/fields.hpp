// Every field of every stored record, declared once. Private to the library.
//
// fields(Tag<R>{}, visit) calls visit(key, member) once per field of R, in order,
// with the field's YAML key and rules and a pointer to the member. The YAML decoder
// (load/decode.cpp), the binary codec of the store (store/codec.hpp), the JSON
// writer (format/record_json.cpp) and record equality (model/field_ops.hpp) are all
// driven by these tables, so adding a field is one line here (CONTRIBUTING.md).
//
// Member types the operations understand: std::string, std::vector<std::string>,
// int, bool, std::optional<long>, an enum with names in model/enums.hpp, an
// optional enum, and another record type R2 as R2, std::optional<R2> or
// std::vector<R2>.
#pragma once

#include <string_view>
#include <type_traits>

#include "claimkb/model.hpp"
#include "claimkb/result.hpp"
#include "claimkb/verdict.hpp"

namespace claimkb::detail {

template <class R>
struct Tag {};

// What another record a field names; such a field is kept in the store's
// reference table, resolved to an index, rather than in the record.
enum class RefTo { none, claim, citation, concept };

// A field's key and rules.
struct Key {
  std::string_view name;
  bool is_required = false;       // the key must be present
  bool is_non_empty = false;      // text must not be blank; a list must have an item
  bool is_record_id = false;      // the record's own id: kept in the store's id table
  RefTo ref = RefTo::none;        // names other records (an id or a list of ids)
  int ref_group = -1;             // which of the record's reference lists it fills
  long min = 0, max = 0;          // whole numbers: the allowed range (both 0: none)
  std::string_view missing_hint;  // added to "missing required key" errors
  std::string_view word;          // bool: the one word the key takes ("suspected")
  bool shorthand = false;         // list of records: a plain string fills the first field
  bool is_date = false;           // text: a real calendar date, YYYY-MM-DD
  bool is_pub_year = false;       // whole number: at most a year after the current one

  constexpr explicit Key(std::string_view n) : name(n) {}
  constexpr Key required(std::string_view hint = {}) const {
    Key k = *this;
    k.is_required = true;
    k.missing_hint = hint;
    return k;
  }
  constexpr Key non_empty() const {
    Key k = *this;
    k.is_non_empty = true;
    return k;
  }
  constexpr Key record_id() const {
    Key k = *this;
    k.is_record_id = true;
    k.is_required = true;
    k.is_non_empty = true;
    return k;
  }
  // Reference group numbers are 0, 1, 2, ... in the order the table declares them.
  constexpr Key refers_to(RefTo to, int group) const {
    Key k = *this;
    k.ref = to;
    k.ref_group = group;
    return k;
  }
  constexpr Key range(long lo, long hi) const {
    Key k = *this;
    k.min = lo;
    k.max = hi;
    return k;
  }
  constexpr Key spelled(std::string_view w) const {
    Key k = *this;
    k.word = w;
    return k;
  }
  constexpr Key plain_string_ok() const {
    Key k = *this;
    k.shorthand = true;
    return k;
  }
  constexpr Key date() const {
    Key k = *this;
    k.is_date = true;
    return k;
  }
  constexpr Key publication_year() const {
    Key k = *this;
    k.is_pub_year = true;
    return k;
  }
};

// What each record is called in messages ("citation is missing required key ...").
constexpr std::string_view record_name(Tag<Citation>) { return "citation"; }
constexpr std::string_view record_name(Tag<Retraction>) { return "retracted"; }
constexpr std::string_view record_name(Tag<Claim>) { return "claim"; }
constexpr std::string_view record_name(Tag<EvidenceLink>) { return "evidence link"; }
constexpr std::string_view record_name(Tag<Assertion>) { return "asserted_by entry"; }
constexpr std::string_view record_name(Tag<ReportedDomains>) { return "reported_domains"; }
constexpr std::string_view record_name(Tag<About>) { return "about"; }
constexpr std::string_view record_name(Tag<Concept>) { return "concept"; }
constexpr std::string_view record_name(Tag<Synonym>) { return "synonym"; }
constexpr std::string_view record_name(Tag<ConceptCodes>) { return "codes"; }

// ---- citations/ ----

template <class V>
void fields(Tag<Retraction>, V&& v) {
  v(Key("date").required().non_empty().date(), &Retraction::date);
  v(Key("notice").required().non_empty(), &Retraction::notice);
}

template <class V>
void fields(Tag<Citation>, V&& v) {
  v(Key("id").record_id(), &Citation::id);
  v(Key("design").required(), &Citation::design);
  v(Key("of"), &Citation::of);
  v(Key("title").required().non_empty(), &Citation::title);
  v(Key("authors").required("use [] for an organisation"), &Citation::authors);
  v(Key("year").required().range(1000, 2999).publication_year(), &Citation::year);
  v(Key("journal"), &Citation::journal);
  v(Key("publisher"), &Citation::publisher);
  v(Key("volume"), &Citation::volume);
  v(Key("issue"), &Citation::issue);
  v(Key("pages"), &Citation::pages);
  v(Key("article"), &Citation::article);
  v(Key("pmid"), &Citation::pmid);
  v(Key("pmcid"), &Citation::pmcid);
  v(Key("doi"), &Citation::doi);
  v(Key("url"), &Citation::url);
  v(Key("n").range(0, 2000000000L), &Citation::n);
  v(Key("risk_of_bias"), &Citation::risk_of_bias);
  v(Key("retracted"), &Citation::retracted);
  v(Key("same_sample_as").refers_to(RefTo::citation, 0), &Citation::same_sample_as);
  v(Key("includes").refers_to(RefTo::citation, 1), &Citation::includes);
  v(Key("abstract"), &Citation::abstract);
  v(Key("notes"), &Citation::notes);
}

// Reference groups of a citation: same_sample_as, includes.
inline constexpr int kCitationRefGroups = 2;

// ---- claims/ ----

template <class V>
void fields(Tag<ReportedDomains>, V&& v) {
  v(Key("risk_of_bias"), &ReportedDomains::risk_of_bias);
  v(Key("inconsistency"), &ReportedDomains::inconsistency);
  v(Key("indirectness"), &ReportedDomains::indirectness);
  v(Key("imprecision"), &ReportedDomains::imprecision);
  v(Key("publication_bias"), &ReportedDomains::publication_bias);
  v(Key("large_effect").range(1, 2), &ReportedDomains::large_effect);
  v(Key("dose_response").range(1, 2), &ReportedDomains::dose_response);
  v(Key("confounding").range(1, 2), &ReportedDomains::confounding);
}

template <class V>
void fields(Tag<EvidenceLink>, V&& v) {
  v(Key("citation").required().refers_to(RefTo::citation, 0), &EvidenceLink::citation);
  v(Key("stance").required(), &EvidenceLink::stance);
  v(Key("finding").required().non_empty(), &EvidenceLink::finding);
  v(Key("directness"), &EvidenceLink::directness);
  v(Key("risk_of_bias"), &EvidenceLink::risk_of_bias);
  v(Key("effect"), &EvidenceLink::effect);
  v(Key("dose_response"), &EvidenceLink::dose_response);
  v(Key("publication_bias").spelled("suspected"), &EvidenceLink::publication_bias);
  v(Key("reported_certainty"), &EvidenceLink::reported_certainty);
  v(Key("reported_domains"), &EvidenceLink::reported_domains);
  v(Key("notes"), &EvidenceLink::notes);
}

template <class V>
void fields(Tag<Assertion>, V&& v) {
  v(Key("citation").required().refers_to(RefTo::citation, 1), &Assertion::citation);
  v(Key("quote"), &Assertion::quote);
}

template <class V>
void fields(Tag<About>, V&& v) {
  v(Key("subject").required().non_empty().refers_to(RefTo::concept, 3), &About::subject);
  v(Key("relation").required(), &About::relation);
  v(Key("object").required().non_empty().refers_to(RefTo::concept, 4), &About::object);
  v(Key("compared_with").refers_to(RefTo::concept, 5), &About::compared_with);
  v(Key("population").refers_to(RefTo::concept, 6), &About::population);
}

template <class V>
void fields(Tag<Claim>, V&& v) {
  v(Key("id").record_id(), &Claim::id);
  v(Key("statement").required().non_empty(), &Claim::statement);
  v(Key("aliases"), &Claim::aliases);
  v(Key("about"), &Claim::about);
  v(Key("tags"), &Claim::tags);
  v(Key("asserted_by"), &Claim::asserted_by);
  v(Key("evidence"), &Claim::evidence);
  v(Key("depends_on").refers_to(RefTo::claim, 2), &Claim::depends_on);
  v(Key("notes"), &Claim::notes);
}

// Reference groups of a claim: evidence citations, asserted_by citations,
// depends_on claims, about's subject, object, compared_with and population concepts.
inline constexpr int kClaimRefGroups = 7;

// ---- concepts/ ----

template <class V>
void fields(Tag<Synonym>, V&& v) {
  v(Key("text").required().non_empty(), &Synonym::text);
  v(Key("note"), &Synonym::note);
}

template <class V>
void fields(Tag<ConceptCodes>, V&& v) {
  v(Key("mesh"), &ConceptCodes::mesh);
  v(Key("snomed"), &ConceptCodes::snomed);
}

template <class V>
void fields(Tag<Concept>, V&& v) {
  v(Key("id").record_id(), &Concept::id);
  v(Key("label").required().non_empty(), &Concept::label);
  v(Key("synonyms").plain_string_ok(), &Concept::synonyms);
  v(Key("broader").refers_to(RefTo::concept, 0), &Concept::broader);
  v(Key("codes"), &Concept::codes);
  v(Key("notes"), &Concept::notes);
}

inline constexpr int kConceptRefGroups = 1;

// ---- computed when a KB is loaded, stored in it ----

template <class V>
void fields(Tag<LinkUse>, V&& v) {
  v(Key("counted"), &LinkUse::counted);
  v(Key("rated"), &LinkUse::rated);
}

template <class V>
void fields(Tag<Grade>, V&& v) {
  v(Key("verdict"), &Grade::verdict);
  v(Key("certainty"), &Grade::certainty);
  v(Key("reasons"), &Grade::reasons);
  v(Key("warnings"), &Grade::warnings);
  v(Key("links"), &Grade::links);
}

template <class V>
void fields(Tag<Diagnostic>, V&& v) {
  v(Key("file"), &Diagnostic::file);
  v(Key("line"), &Diagnostic::line);
  v(Key("column"), &Diagnostic::column);
  v(Key("severity"), &Diagnostic::severity);
  v(Key("message"), &Diagnostic::message);
  v(Key("code"), &Diagnostic::code);
}

// True for the types that have a field table above.
struct AnyFieldVisitor {
  template <class M>
  void operator()(const Key&, M) const {}
};
template <class T, class = void>
struct IsRecord : std::false_type {};
template <class T>
struct IsRecord<T, std::void_t<decltype(fields(Tag<T>{}, AnyFieldVisitor{}))>> : std::true_type {};

}  // namespace claimkb::detail
