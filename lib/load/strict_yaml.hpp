// A strict check of YAML text before yaml-cpp builds nodes from it.
//
// yaml-cpp 0.7 accepts some invalid YAML (an unclosed quote at the end of a file, a
// missing colon, content after `...`): in a claims file such a slip can swallow the
// rest of the file into one string or drop a field without a word. This pass runs
// libyaml's parser (the reference C implementation) over the same text, adds the one
// rule libyaml does not enforce (lines inside a flow collection must be indented
// past the enclosing block), and enforces limits that protect the host app.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimkb::detail {

struct YamlLimits {
  std::size_t max_depth = 64;                // nested collections
  std::size_t max_expanded_nodes = 1000000;  // nodes after expanding every alias
};

struct YamlProblem {
  int line = 0;  // 1-based
  int column = 0;
  std::string message;
  bool too_large = false;  // past a limit, rather than invalid
};

// The first problem in `text`, or nullopt when it is valid YAML within the limits.
// Also rejects invalid UTF-8. A leading byte-order mark must be removed first.
std::optional<YamlProblem> check_yaml(std::string_view text, const YamlLimits& limits = {});

// The first invalid UTF-8 sequence in `text`, if any.
std::optional<YamlProblem> check_utf8(std::string_view text);

}  // namespace claimkb::detail
