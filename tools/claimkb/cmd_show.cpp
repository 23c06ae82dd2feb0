// `claimkb show ID`: one claim, citation or concept as stored.
#include <ostream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

// The record's JSON as indented "key: value" lines, for people. It recurses only as
// deep as a record's JSON goes, which the record's type fixes: 4 calls for a claim
// (the claim, its evidence, a link, the link's reported_domains).
// NOLINTNEXTLINE(misc-no-recursion): bounded by the record's type, as said above
void print_text(const nlohmann::ordered_json& j, std::ostream& out, int depth) {
  const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
  for (auto it = j.begin(); it != j.end(); ++it) {
    out << pad;
    if (j.is_object()) out << it.key() << ":";
    if (it->is_structured()) {
      out << (j.is_object() ? "\n" : "-\n");
      print_text(*it, out, depth + 1);
    } else {
      out << (j.is_object() ? " " : "- ");
      out << (it->is_string() ? it->get<std::string>() : it->dump()) << "\n";
    }
  }
}

int run(const Options& o, const std::string& id, Io& io) {
  int exit = kDone;
  auto kb = open_kb(o, io.err, exit);
  if (!kb) return exit;
  const std::optional<std::string> json = record_json(*kb, id, 2);
  if (!json) {
    io.err << "no claim, citation or concept with id '" << to_valid_utf8(id) << "'\n";
    return kNoSuchClaim;
  }
  if (o.json) {
    io.out << *json << "\n";
  } else {
    print_text(nlohmann::ordered_json::parse(*json), io.out, 0);
  }
  return kDone;
}

Run setup(CLI::App& app) {
  auto id = std::make_shared<std::string>();
  app.add_option("id", *id, "the id of a claim, a citation or a concept")->required();
  return [id](const Options& o, Io& io) { return run(o, *id, io); };
}

}  // namespace

const Command kShowCommand{"show", "one claim, citation or concept as stored, every field that is set", setup};

}  // namespace claimkb::cli
