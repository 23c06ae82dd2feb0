// The field tables (lib/model/fields.hpp) are the one place each record's fields
// are declared: these tests fail when a field does not survive YAML -> store ->
// snapshot -> JSON, or when a record has a member the tables do not list.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <type_traits>
#include <vector>

#include "claimkb/knowledge_base.hpp"
#include "claimkb/listing.hpp"
#include "model/enums.hpp"
#include "model/field_ops.hpp"
#include "support/temp_kb.hpp"

using namespace claimkb;
using detail::IsOptional;
using detail::IsRecord;
using detail::IsVector;
using detail::Key;
using nlohmann::ordered_json;

namespace {

// ---- a record with every field set, generated from the tables ----

// Ids the generated records name: a reference field gets one that exists.
std::string id_for(detail::RefTo to) {
  switch (to) {
    case detail::RefTo::claim: return "claim-b";
    case detail::RefTo::citation: return "cite-b";
    case detail::RefTo::concept: return "concept-b";
    default: return "";
  }
}

// Values whose form a rule of docs/format.md fixes; every other field gets a value
// made from its key.
ordered_json fixed_value(const std::string& key) {
  if (key == "design") return "systematic_review";  // the one design that takes `of`
  if (key == "pmid") return "123456";
  if (key == "pmcid") return "PMC7654321";
  if (key == "doi") return "10.1000/fields.test";
  return nullptr;
}

template <class R>
ordered_json full(const std::string& id);

template <class T>
ordered_json sample(const Key& key, const std::string& where, const T& absent = T{}) {
  const std::string name(key.name);
  if (ordered_json fixed = fixed_value(name); !fixed.is_null()) return fixed;
  if (key.ref != detail::RefTo::none) {
    if constexpr (IsVector<T>::value) {
      return ordered_json::array({id_for(key.ref)});
    } else {
      return id_for(key.ref);
    }
  }
  if constexpr (IsRecord<T>::value) {
    return full<T>("");
  } else if constexpr (IsOptional<T>::value) {
    return sample<typename T::value_type>(key, where);
  } else if constexpr (IsVector<T>::value) {
    using Item = typename T::value_type;
    if constexpr (IsRecord<Item>::value) {
      return ordered_json::array({full<Item>("")});
    } else {
      return ordered_json::array({where + " " + name + " one", where + " " + name + " two"});
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (key.is_date) return "2020-05-01";
    return where + " " + name;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!key.word.empty()) return std::string(key.word);
    return true;  // false is what an absent key gives
  } else if constexpr (std::is_enum_v<T>) {
    // A name other than what an absent key gives (JSON leaves that out).
    for (std::size_t i = detail::EnumNames<T>::size; i-- > 0;) {
      const std::string_view n = detail::EnumNames<T>::names[i];
      if (!n.empty() && n != detail::enum_name(absent)) return std::string(n);
    }
    return nullptr;
  } else {
    if (key.is_pub_year) return 1999;  // the range's top (2999) is in the future
    return key.max != 0 ? key.max : 7;
  }
}

// Every field of R set; `id` for the record's own id.
template <class R>
ordered_json full(const std::string& id) {
  static const R absent{};
  ordered_json j = ordered_json::object();
  detail::fields(detail::Tag<R>{}, [&](const Key& key, auto member) {
    using M = std::remove_cv_t<std::remove_reference_t<decltype(absent.*member)>>;
    j[std::string(key.name)] =
        key.is_record_id ? ordered_json(id) : sample<M>(key, id.empty() ? "item" : id, absent.*member);
  });
  return j;
}

// JSON is YAML: the generated records are written as they are.
std::string yaml_of(const ordered_json& j) { return j.dump(); }

std::string without_reference(const std::string& json) {
  ordered_json j = ordered_json::parse(json);
  j.erase("reference");
  return j.dump();
}

// ---- the layout check ----

// True when the members the table lists cover every byte of R but padding: a
// member that has no line in the table leaves a gap at least its own size. (A new
// bool that fits in existing padding would slip through; so would nothing else.)
template <class R>
bool table_covers_members(std::size_t derived_bytes_at_end = 0) {
  const R r{};
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // (offset, size)
  std::size_t max_align = 1;
  detail::fields(detail::Tag<R>{}, [&](const Key&, auto member) {
    using M = std::remove_reference_t<decltype(r.*member)>;
    const auto offset =
        static_cast<std::size_t>(reinterpret_cast<const char*>(&(r.*member)) - reinterpret_cast<const char*>(&r));
    spans.emplace_back(offset, sizeof(M));
    max_align = std::max(max_align, alignof(M));
  });
  std::sort(spans.begin(), spans.end());
  std::size_t end = 0;
  for (const auto& [offset, size] : spans) {
    if (offset - end >= max_align) return false;  // a gap larger than any padding
    end = offset + size;
  }
  return sizeof(R) - end - derived_bytes_at_end < max_align;
}

}  // namespace

TEST_CASE("every field of every record survives YAML, the store, a snapshot and JSON") {
  const ordered_json citation = full<Citation>("cite-a");
  const ordered_json claim = full<Claim>("claim-a");
  const ordered_json concept_record = full<Concept>("concept-a");
  // The records the full ones name, with only their required fields.
  const ordered_json cite_b = {{"id", "cite-b"}, {"design", "rct"}, {"title", "B"}, {"authors", ordered_json::array()},
                               {"year", 2001},   {"journal", "J B"}};
  const ordered_json claim_b = {{"id", "claim-b"}, {"statement", "B holds."}};
  const ordered_json concept_b = {{"id", "concept-b"}, {"label", "bravo"}};

  test::TempKb kb;
  kb.write("citations/c.yaml", "[" + yaml_of(citation) + ", " + yaml_of(cite_b) + "]\n");
  kb.write("claims/c.yaml", "[" + yaml_of(claim) + ", " + yaml_of(claim_b) + "]\n");
  kb.write("concepts/c.yaml", "[" + yaml_of(concept_record) + ", " + yaml_of(concept_b) + "]\n");
  auto loaded = KnowledgeBase::open(kb.path());
  std::string errors;
  for (const auto& e : loaded.errors()) errors += e.to_string() + "\n";
  CAPTURE(errors);
  REQUIRE(loaded.ok());

  const std::string file = kb.path() + "/kb.ckb";
  REQUIRE(loaded->write_snapshot(file).ok());
  auto snapshot = KnowledgeBase::open(file);
  REQUIRE(snapshot.ok());

  for (const KnowledgeBase* k : {&loaded.value(), &snapshot.value()}) {
    CHECK(without_reference(*record_json(*k, "cite-a")) == citation.dump());
    CHECK(*record_json(*k, "claim-a") == claim.dump());
    CHECK(*record_json(*k, "concept-a") == concept_record.dump());
    CHECK(ordered_json::parse(*record_json(*k, "cite-a"))["reference"] == k->citation("cite-a")->reference);
    // And the records themselves, field by field through the same tables.
    CHECK(detail::equal_records(*k->claim("claim-a"), *loaded->claim("claim-a")));
    CHECK(detail::equal_records(*k->citation("cite-a"), *loaded->citation("cite-a")));
    CHECK(detail::equal_records(*k->find_concept("concept-a"), *loaded->find_concept("concept-a")));
  }
  std::remove(file.c_str());
}

TEST_CASE("records equal field by field only when every field is equal") {
  // equal_records() is what the tests compare with; it must see each field.
  Claim a;
  a.id = "x";
  a.evidence.push_back({});
  Claim b = a;
  CHECK(detail::equal_records(a, b));
  b.evidence[0].reported_domains.emplace().confounding = 2;
  CHECK_FALSE(detail::equal_records(a, b));
  b = a;
  b.about.emplace().relation = Relation::stores;
  CHECK_FALSE(detail::equal_records(a, b));
}

TEST_CASE("the field tables list every member of every record") {
  CHECK(table_covers_members<Citation>(sizeof(std::string)));  // + `reference`, computed at load
  CHECK(table_covers_members<Retraction>());
  CHECK(table_covers_members<Claim>());
  CHECK(table_covers_members<EvidenceLink>());
  CHECK(table_covers_members<ReportedDomains>());
  CHECK(table_covers_members<Assertion>());
  CHECK(table_covers_members<About>());
  CHECK(table_covers_members<Concept>());
  CHECK(table_covers_members<Synonym>());
  CHECK(table_covers_members<ConceptCodes>());
  CHECK(table_covers_members<Grade>());
  CHECK(table_covers_members<LinkUse>());
  CHECK(table_covers_members<Diagnostic>());
}

TEST_CASE("reference groups are numbered 0, 1, 2 ... once each") {
  // The store keeps a record's references by group; a number used twice or skipped
  // would mix two lists or leave one empty.
  auto groups_of = [](auto tag) {
    std::vector<int> groups;
    detail::for_each_ref_key<typename decltype(tag)::type>([&](const Key& k) { groups.push_back(k.ref_group); });
    std::sort(groups.begin(), groups.end());
    return groups;
  };
  struct ClaimT {
    using type = Claim;
  };
  struct ConceptT {
    using type = Concept;
  };
  struct CitationT {
    using type = Citation;
  };
  std::vector<int> expected(detail::kClaimRefGroups);
  for (int g = 0; g < detail::kClaimRefGroups; ++g) expected[static_cast<std::size_t>(g)] = g;
  CHECK(groups_of(ClaimT{}) == expected);
  CHECK(groups_of(ConceptT{}) == std::vector<int>{0});
  CHECK(groups_of(CitationT{}) == std::vector<int>{0, 1});  // same_sample_as, includes
}
