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
  if (o.json) {
    out << check_json(*kb, text, 2) << "\n";
    return kDone;
  }
  const std::vector<ClaimMention> found = check(*kb, text);
  if (found.empty()) err << "no sentence states a claim of the knowledge base\n";
  const std::string name = path == "-" ? "<stdin>" : to_valid_utf8(path);
  for (const ClaimMention& m : found) {
    out << name << ":" << m.line << ":" << m.column << ": [" << m.begin << ", " << m.end << ") "
        << to_string(m.polarity) << " " << m.id << ": " << to_string(m.verdict);
    if (m.certainty) out << " (" << to_string(*m.certainty) << " certainty)";
    out << ", " << to_string(m.agreement);
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
