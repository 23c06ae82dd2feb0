#include "load/strict_yaml.hpp"

#include <yaml.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <vector>

#include "model/utf8.hpp"

namespace claimkb::detail {
namespace {

// Owns a libyaml parser; libyaml is C and must be cleaned up by hand.
struct Parser {
  yaml_parser_t p{};
  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
  }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t e{};
  Event() = default;
  ~Event() { yaml_event_delete(&e); }
  Event(const Event&) = delete;  // would delete the event twice
  Event& operator=(const Event&) = delete;
};

YamlProblem at(const yaml_mark_t& m, std::string message) {
  return {static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1, std::move(message)};
}

// One open collection.
struct Open {
  bool flow = false;
  long indent = -1;         // block collections: the column they start at
  std::size_t expanded_at;  // expanded-node count when it opened (for anchors)
  std::string anchor;
};

const char* anchor_of(const yaml_event_t& e) {
  switch (e.type) {
    case YAML_SCALAR_EVENT: return reinterpret_cast<const char*>(e.data.scalar.anchor);
    case YAML_SEQUENCE_START_EVENT: return reinterpret_cast<const char*>(e.data.sequence_start.anchor);
    case YAML_MAPPING_START_EVENT: return reinterpret_cast<const char*>(e.data.mapping_start.anchor);
    default: return nullptr;
  }
}

}  // namespace

std::optional<YamlProblem> check_utf8(std::string_view text) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[i]));
      return YamlProblem{line, column, std::string("invalid UTF-8 (byte ") + hex + "); save the file as UTF-8"};
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return std::nullopt;
}

std::optional<YamlProblem> check_yaml(std::string_view text, const YamlLimits& limits) {
  if (auto bad = check_utf8(text)) return bad;
  Parser parser(text);
  std::vector<Open> open;
  std::unordered_map<std::string, std::size_t> anchor_sizes;
  std::size_t expanded = 0;
  // While inside a flow collection that sits in a block one: the column every
  // further line of it must reach, and the line it started on.
  long flow_min_column = -1;
  std::size_t flow_line = 0;

  for (;;) {
    Event ev;
    if (yaml_parser_parse(&parser.p, &ev.e) == 0) {
      std::string message = parser.p.problem != nullptr ? parser.p.problem : "invalid YAML";
      if (parser.p.context != nullptr) message += std::string(" ") + parser.p.context;
      const yaml_mark_t& m = parser.p.problem_mark;
      return at(m, "invalid YAML: " + message);
    }
    const yaml_event_t& e = ev.e;
    if (e.type == YAML_STREAM_END_EVENT) return std::nullopt;

    const yaml_mark_t& m = e.start_mark;
    if (flow_min_column >= 0 && m.line > flow_line && static_cast<long>(m.column) < flow_min_column) {
      return at(m,
                "invalid YAML: this line of a flow collection ([...] or {...}) must be "
                "indented past its key");
    }
    switch (e.type) {
      case YAML_ALIAS_EVENT: {
        auto it = anchor_sizes.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        expanded += it == anchor_sizes.end() ? 1 : it->second;
        break;
      }
      case YAML_SCALAR_EVENT:
        ++expanded;
        if (const char* a = anchor_of(e)) anchor_sizes[a] = 1;
        break;
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        ++expanded;
        const bool flow = e.type == YAML_SEQUENCE_START_EVENT ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                                              : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        if (flow && flow_min_column < 0 && !open.empty() && !open.back().flow) {
          flow_min_column = open.back().indent + 1;
          flow_line = m.line;
        }
        const char* a = anchor_of(e);
        open.push_back({flow, static_cast<long>(m.column), expanded, a != nullptr ? a : ""});
        if (open.size() > limits.max_depth) {
          YamlProblem p = at(m, "collections nested more than " + std::to_string(limits.max_depth) + " deep");
          p.too_large = true;
          return p;
        }
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        if (!open.empty()) {
          const Open& o = open.back();
          if (!o.anchor.empty()) anchor_sizes[o.anchor] = expanded - o.expanded_at + 1;
          const bool closes_flow = o.flow && (open.size() < 2 || !open[open.size() - 2].flow);
          open.pop_back();
          if (closes_flow) flow_min_column = -1;
        }
        break;
      default: break;
    }
    if (expanded > limits.max_expanded_nodes) {
      YamlProblem p = at(m, "aliases expand to more than " + std::to_string(limits.max_expanded_nodes) +
                                " nodes; a knowledge base file never needs that many");
      p.too_large = true;
      return p;
    }
  }
}

}  // namespace claimkb::detail
