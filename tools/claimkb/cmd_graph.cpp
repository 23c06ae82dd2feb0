// `claimkb graph [ID]`: the evidence graph as Graphviz DOT, or SVG through `dot`.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <vector>

#include "claimkb/claimkb.hpp"
#include "commands.hpp"
#include "common.hpp"

extern char** environ;

namespace claimkb::cli {
namespace {

// A file in the temporary directory, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "claimkb-graph-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd >= 0) {
      ::close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `dot -Tsvg IN -o OUT` without a shell (paths are passed as they are). On
// failure, says why on `err` and returns false.
bool render_svg(const std::string& in, const std::string& out, std::ostream& err) {
  std::string dot = "dot", format = "-Tsvg", flag = "-o";
  std::string in_arg = in, out_arg = out;
  char* argv[] = {dot.data(), format.data(), in_arg.data(), flag.data(), out_arg.data(), nullptr};
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, "dot", nullptr, nullptr, argv, environ);
  if (rc != 0) {
    err << "claimkb: --format svg needs Graphviz's `dot`, which could not be run ("
        << std::strerror(rc) << "); install graphviz (apt-get install graphviz) or use --format dot\n";
    return false;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    err << "claimkb: `dot -Tsvg` failed\n";
    return false;
  }
  return true;
}

// The same graph as to_dot() draws, as JSON for programs: the claims and citations
// (nodes) and the links (edges), around `id` or of the whole KB.
nlohmann::ordered_json graph_json(const KnowledgeBase& kb, const std::string& id) {
  std::vector<const Claim*> claims;
  std::set<std::string> seen_claims, seen_citations;
  std::vector<std::string> citations;
  if (id.empty()) {
    for (std::size_t i = 0; i < kb.claim_count(); ++i) claims.push_back(&kb.claim_at(i));
  } else {
    // Depth-first along depends_on, as to_dot() does.
    std::vector<const Claim*> stack{kb.claim(id)};
    seen_claims.insert(id);
    while (!stack.empty()) {
      const Claim* c = stack.back();
      stack.pop_back();
      claims.push_back(c);
      for (const std::string& p : c->depends_on) {
        // Every id resolves in a loaded KB; the check is for a snapshot someone altered.
        const Claim* premise = kb.claim(p);
        if (premise != nullptr && seen_claims.insert(p).second) stack.push_back(premise);
      }
    }
  }
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array(), edges = nlohmann::ordered_json::array();
  auto cite = [&](const std::string& c) {
    if (seen_citations.insert(c).second) citations.push_back(c);
  };
  for (const Claim* c : claims) {
    const Grade& g = *kb.grade(c->id);
    nodes.push_back({{"id", c->id},
                     {"kind", "claim"},
                     {"verdict", std::string(to_string(g.verdict))},
                     {"certainty", certainty_json(g.certainty)}});
    for (const EvidenceLink& l : c->evidence) {
      edges.push_back({{"from", c->id}, {"to", l.citation}, {"kind", std::string(to_string(l.stance))}});
      cite(l.citation);
    }
    for (const Assertion& a : c->asserted_by) {
      edges.push_back({{"from", c->id}, {"to", a.citation}, {"kind", "asserted_by"}});
      cite(a.citation);
    }
    for (const std::string& p : c->depends_on) {
      edges.push_back({{"from", c->id}, {"to", p}, {"kind", "depends_on"}});
    }
  }
  if (id.empty()) {
    citations.clear();
    for (std::size_t j = 0; j < kb.citation_count(); ++j) citations.push_back(kb.citation_at(j).id);
  }
  for (const std::string& c : citations) {
    const Citation* cit = kb.citation(c);
    if (cit == nullptr) continue;  // as above
    nodes.push_back({{"id", c},
                     {"kind", "citation"},
                     {"design", std::string(to_string(cit->design))},
                     {"tier", starting_tier(cit->design, cit->of)},
                     {"retracted", cit->retracted.has_value()}});
  }
  return {{"nodes", nodes}, {"edges", edges}};
}

}  // namespace

int run_graph(const Options& o, const GraphOptions& g, std::ostream& out, std::ostream& err) {
  if (g.format != "dot" && g.format != "svg") {
    err << "claimkb: --format must be dot or svg, not '" << g.format << "'\n";
    return kUsage;
  }
  if (o.json && g.format != "dot") {
    err << "claimkb: --json prints the graph as JSON; it cannot be combined with --format " << g.format << "\n";
    return kUsage;
  }
  auto kb = open_kb(o, err);
  if (!kb) return kInvalidKb;
  if (o.json) {
    if (!g.id.empty() && kb->claim(g.id) == nullptr) {
      err << "no claim with id '" << g.id << "'; try `claimkb list` for the ids\n";
      return kNoSuchClaim;
    }
    const std::string json = dump(graph_json(*kb, g.id)) + "\n";
    if (g.output.empty()) {
      out << json;
      return kDone;
    }
    return write_output(g.output, json, err) ? kDone : kUsage;
  }
  const std::optional<std::string> dot = to_dot(*kb, g.id);
  if (!dot) {
    err << "no claim with id '" << g.id << "'; try `claimkb list` for the ids\n";
    return kNoSuchClaim;
  }
  if (g.format == "dot") {
    if (g.output.empty()) {
      out << *dot;
      return kDone;
    }
    return write_output(g.output, *dot, err) ? kDone : kUsage;
  }
  TempFile source, rendered;
  if (source.path().empty() || rendered.path().empty()) {
    err << "claimkb: cannot create a temporary file for dot\n";
    return kUsage;
  }
  {
    std::ofstream file(source.path(), std::ios::binary);
    if (!(file << *dot).flush()) {
      err << "claimkb: cannot write a temporary file for dot\n";
      return kUsage;
    }
  }
  // dot renders into a temporary file; the output file is then written whole.
  if (!render_svg(source.path(), rendered.path(), err)) return kUsage;
  std::ostringstream svg;
  svg << std::ifstream(rendered.path(), std::ios::binary).rdbuf();
  if (g.output.empty()) {
    out << svg.str();
    return kDone;
  }
  return write_output(g.output, svg.str(), err) ? kDone : kUsage;
}

}  // namespace claimkb::cli
