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
#include "common.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX asks the program to declare it

namespace claimkb::cli {
namespace {

struct GraphOptions {
  std::string id;              // empty: the whole KB
  std::string format = "dot";  // dot or svg
  std::string output;          // empty: standard output
  bool concepts = false;       // draw the concepts claims are about
};

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
    err << "claimkb: --format svg needs Graphviz's `dot`, which could not be run (" << std::strerror(rc)
        << "); install graphviz (apt-get install graphviz) or use --format dot\n";
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
nlohmann::ordered_json graph_json(const KnowledgeBase& kb, const std::string& id, bool with_concepts) {
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
        if (seen_claims.insert(p).second) stack.push_back(kb.claim(p));  // every id a record names resolves
      }
    }
  }
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array(), edges = nlohmann::ordered_json::array();
  auto cite = [&](const std::string& c) {
    if (seen_citations.insert(c).second) citations.push_back(c);
  };
  std::vector<std::string> concepts;
  std::set<std::string> seen_concepts;
  // A concept, and the broader ones above it: depth-first, each broader concept in
  // the order its narrower one lists them (an explicit stack, as for the claims).
  auto mention = [&](const std::string& first) {
    std::vector<std::string> stack{first};
    while (!stack.empty()) {
      std::string c = std::move(stack.back());
      stack.pop_back();
      if (!seen_concepts.insert(c).second) continue;
      const std::vector<std::string>& broader = kb.find_concept(c)->broader;
      stack.insert(stack.end(), broader.rbegin(), broader.rend());  // the first on top
      concepts.push_back(std::move(c));
    }
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
    if (with_concepts && c->about) {
      for (const auto* ids : {&c->about->subject, &c->about->object, &c->about->compared_with, &c->about->population}) {
        for (const std::string& concept_id : *ids) {
          edges.push_back({{"from", c->id}, {"to", concept_id}, {"kind", "about"}});
          mention(concept_id);
        }
      }
    }
  }
  if (id.empty()) {
    citations.clear();
    for (std::size_t j = 0; j < kb.citation_count(); ++j) citations.push_back(kb.citation_at(j).id);
  }
  for (const std::string& c : citations) {
    const Citation* cit = kb.citation(c);
    nodes.push_back({{"id", c},
                     {"kind", "citation"},
                     {"design", std::string(to_string(cit->design))},
                     {"tier", starting_tier(cit->design, cit->of)},
                     {"retracted", cit->retracted.has_value()}});
  }
  if (with_concepts && id.empty()) {
    concepts.clear();
    for (std::size_t j = 0; j < kb.concept_count(); ++j) concepts.push_back(kb.concept_at(j).id);
  }
  for (const std::string& c : concepts) {
    const Concept* concept_record = kb.find_concept(c);
    nodes.push_back({{"id", c}, {"kind", "concept"}, {"label", concept_record->label}});
    for (const std::string& b : concept_record->broader) {
      edges.push_back({{"from", c}, {"to", b}, {"kind", "broader"}});
    }
  }
  return {{"nodes", nodes}, {"edges", edges}};
}

int run(const Options& o, const GraphOptions& g, Io& io) {
  std::ostream& out = io.out;
  std::ostream& err = io.err;
  if (g.format != "dot" && g.format != "svg") {
    err << "claimkb: --format must be dot or svg, not '" << g.format << "'\n";
    return kUsage;
  }
  if (o.json && g.format != "dot") {
    err << "claimkb: --json prints the graph as JSON; it cannot be combined with --format " << g.format << "\n";
    return kUsage;
  }
  int exit = kDone;
  auto kb = open_kb(o, err, exit);
  if (!kb) return exit;
  if (o.json) {
    if (!g.id.empty() && kb->claim(g.id) == nullptr) {
      err << "no claim with id '" << to_valid_utf8(g.id) << "'; try `claimkb list` for the ids\n";
      return kNoSuchClaim;
    }
    const std::string json = dump(graph_json(*kb, g.id, g.concepts)) + "\n";
    if (g.output.empty()) {
      out << json;
      return kDone;
    }
    return write_output(g.output, json, err) ? kDone : kIo;
  }
  const std::optional<std::string> dot = to_dot(*kb, g.id, g.concepts);
  if (!dot) {
    err << "no claim with id '" << to_valid_utf8(g.id) << "'; try `claimkb list` for the ids\n";
    return kNoSuchClaim;
  }
  if (g.format == "dot") {
    if (g.output.empty()) {
      out << *dot;
      return kDone;
    }
    return write_output(g.output, *dot, err) ? kDone : kIo;
  }
  TempFile source, rendered;
  if (source.path().empty() || rendered.path().empty()) {
    err << "claimkb: cannot create a temporary file for dot\n";
    return kIo;
  }
  {
    std::ofstream file(source.path(), std::ios::binary);
    if (!(file << *dot).flush()) {
      err << "claimkb: cannot write a temporary file for dot\n";
      return kIo;
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
  return write_output(g.output, svg.str(), err) ? kDone : kIo;
}

Run setup(CLI::App& app) {
  auto g = std::make_shared<GraphOptions>();
  app.add_option("claim", g->id, "a claim id (default: every claim)");
  app.add_option("--format", g->format, "dot (default) or svg (runs Graphviz's dot)")
      ->check(CLI::IsMember({"dot", "svg"}));
  app.add_option("-o,--output", g->output, "write to FILE instead of standard output");
  app.add_flag("--concepts", g->concepts, "also draw the concepts the claims are about, and their broader concepts");
  return [g](const Options& o, Io& io) { return run(o, *g, io); };
}

}  // namespace

const Command kGraphCommand{
    "graph", "the evidence graph around a claim, or of the whole KB, as Graphviz DOT (--json: nodes and edges)", setup};

}  // namespace claimkb::cli
