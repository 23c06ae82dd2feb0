// Positions of findings in claim files: load/finding_sites.hpp.
#include "load/finding_sites.hpp"

#include <yaml-cpp/exceptions.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include "load/yaml_tree.hpp"

namespace claimkb::detail {
namespace {

namespace fs = std::filesystem;
using yaml::Node;

Pos pos_of(const Node& node) { return {node.line() + 1, node.column() + 1}; }

// The value of `key` in the mapping `node`.
std::optional<Node> value_of(const Node& node, std::string_view key) {
  for (std::size_t i = 0; node.IsMap() && i < node.size(); ++i) {
    if (node.key(i).IsScalar() && node.key(i).Scalar() == key) return node.value(i);
  }
  return std::nullopt;
}

void add_claim(const Node& claim, const std::string& file,
               std::unordered_map<std::string, std::vector<FindingSite>>& out) {
  const auto id = value_of(claim, "id");
  const auto evidence = value_of(claim, "evidence");
  if (!id || !id->IsScalar() || !evidence || !evidence->IsSequence()) return;
  std::vector<FindingSite>& sites = out[id->Scalar()];
  for (const Node& link : *evidence) {
    const auto finding = value_of(link, "finding");
    sites.push_back({file, pos_of(finding ? *finding : link)});
  }
}

void add_file(const std::string& path, std::unordered_map<std::string, std::vector<FindingSite>>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  try {
    const yaml::Tree tree(text);
    for (const Node& root : tree.documents()) {
      if (root.IsMap()) add_claim(root, path, out);
      for (const Node& item : root) add_claim(item, path, out);
    }
  } catch (const YAML::Exception&) {
    // Not YAML: the loader says so.
  }
}

}  // namespace

std::unordered_map<std::string, std::vector<FindingSite>> finding_sites(const std::string& root) {
  std::unordered_map<std::string, std::vector<FindingSite>> out;
  std::error_code ec;
  const fs::path dir = fs::path(root) / "claims";
  if (!fs::is_directory(dir, ec)) return out;
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto ext = it->path().extension();
    std::error_code file_ec;
    if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(file_ec)) files.push_back(it->path().string());
  }
  for (const std::string& f : files) add_file(f, out);
  return out;
}

}  // namespace claimkb::detail
