// `claimkb check FILE|-`: the knowledge base's claims stated in a text.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "claimkb/claimkb.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

// 1-based line and column of byte `offset`; the column counts UTF-8 characters,
// as editors do.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

bool read_all(const std::string& path, std::istream& in, std::string& text, std::ostream& err) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    err << "claimkb: cannot read " << path << ": " << std::strerror(errno) << "\n";
    return false;
  }
  std::ostringstream buffer;
  buffer << file.rdbuf();
  text = buffer.str();
  return true;
}

}  // namespace

int run_check(const Options& o, const std::string& path, std::istream& in, std::ostream& out,
              std::ostream& err) {
  std::string text;
  if (!read_all(path, in, text, err)) return kUsage;
  auto kb = open_kb(o, err);
  if (!kb) return kInvalidKb;
  const std::vector<ClaimMention> found = check(*kb, text);
  if (o.json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const ClaimMention& m : found) {
      const auto [line, column] = line_and_column(text, m.begin);
      all.push_back({{"begin", m.begin},
                     {"end", m.end},
                     {"line", line},
                     {"column", column},
                     {"sentence", m.sentence},
                     {"id", m.id},
                     {"statement", kb->claim(m.id)->statement},
                     {"verdict", std::string(to_string(m.verdict))},
                     {"certainty", certainty_json(m.certainty)},
                     {"score", m.score}});
    }
    out << dump(all) << "\n";
    return kDone;
  }
  if (found.empty()) err << "no sentence states a claim of the knowledge base\n";
  const std::string name = path == "-" ? "<stdin>" : path;
  for (const ClaimMention& m : found) {
    const auto [line, column] = line_and_column(text, m.begin);
    out << name << ":" << line << ":" << column << ": [" << m.begin << ", " << m.end << ") "
        << m.id << ": " << to_string(m.verdict);
    if (m.certainty) out << " (" << to_string(*m.certainty) << " certainty)";
    out << "\n    \"" << m.sentence << "\"\n";
  }
  return kDone;
}

}  // namespace claimkb::cli
