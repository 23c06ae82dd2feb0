// `claimkb check FILE|-`: the knowledge base's claims stated in a text.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "claimkb/claimkb.hpp"
#include "common.hpp"

namespace claimkb::cli {
namespace {

// 1-based line and column of byte offsets that come in increasing order (as
// check() returns mentions), found in one pass over the text; the column counts
// UTF-8 characters, as editors do.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text) {}
  std::pair<std::size_t, std::size_t> at(std::size_t offset) {
    if (offset < at_) at_ = 0, line_ = 1, column_ = 1;  // out of order: start again
    for (; at_ < offset && at_ < text_.size(); ++at_) {
      if (text_[at_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    return {line_, column_};
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0, line_ = 1, column_ = 1;
};

bool read_all(const std::string& path, std::istream& in, std::string& text, std::ostream& err) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    err << to_valid_utf8(path) << ":1:1: error: cannot read the file: " << std::strerror(errno) << "\n";
    return false;
  }
  std::ostringstream buffer;
  buffer << file.rdbuf();
  text = buffer.str();
  return true;
}

int run(const Options& o, const std::string& path, Io& io) {
  std::ostream& out = io.out;
  std::ostream& err = io.err;
  std::string text;
  if (!read_all(path, io.in, text, err)) return kIo;
  int exit = kDone;
  auto kb = open_kb(o, err, exit);
  if (!kb) return exit;
  const std::vector<ClaimMention> found = check(*kb, text);
  Positions positions(text);
  if (o.json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const ClaimMention& m : found) {
      const auto [line, column] = positions.at(m.begin);
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
  const std::string name = path == "-" ? "<stdin>" : to_valid_utf8(path);
  for (const ClaimMention& m : found) {
    const auto [line, column] = positions.at(m.begin);
    out << name << ":" << line << ":" << column << ": [" << m.begin << ", " << m.end << ") "
        << m.id << ": " << to_string(m.verdict);
    if (m.certainty) out << " (" << to_string(*m.certainty) << " certainty)";
    out << "\n    \"" << m.sentence << "\"\n";
  }
  return kDone;
}

Run setup(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  app.add_option("file", *path, "the text (UTF-8), or - for standard input")->required();
  return [path](const Options& o, Io& io) { return run(o, *path, io); };
}

}  // namespace

const Command kCheckCommand{"check", "the knowledge base's claims stated in a text, with their verdicts", setup};

}  // namespace claimkb::cli
