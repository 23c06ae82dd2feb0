#include "site/graph_svg.hpp"

#include <algorithm>

#include "site/html.hpp"

namespace claimkb::site {
namespace {

constexpr int kWidth = 720, kBoxWidth = 210, kBoxHeight = 36, kRow = 46, kMaxRows = 30;
constexpr int kLeftX = 10, kMidX = 255, kRightX = 500;

struct Node {
  std::string href, line1, line2, fill, edge_colour, edge_label;
  bool dashed = false;
};

const char* verdict_fill(Verdict v) {
  switch (v) {
    case Verdict::supported: return "#dff0dc";
    case Verdict::refuted: return "#fbe1de";
    case Verdict::mixed: return "#fcefcf";
    case Verdict::insufficient: return "#ececec";
  }
  return "#ffffff";
}

const char* stance_colour(Stance s) {
  switch (s) {
    case Stance::supports: return "#2e7d32";
    case Stance::refutes: return "#c0392b";
    case Stance::neutral: return "#6b6b6b";
  }
  return "#6b6b6b";
}

std::string box(int x, int y, const Node& n) {
  // No links inside: an image's parts are not interactive (the page lists every
  // node as a link below the graph).
  std::string out = R"(<rect x=")" + std::to_string(x) + R"(" y=")" + std::to_string(y) + R"(" width=")" +
                    std::to_string(kBoxWidth) + R"(" height=")" + std::to_string(kBoxHeight) + R"(" rx="4" fill=")" +
                    n.fill + R"(" stroke="#555"/>)";
  out += R"(<text x=")" + std::to_string(x + 6) + R"(" y=")" + std::to_string(y + 15) + R"(" font-weight="bold">)" +
         escape(shorten(n.line1, 32)) + "</text>";
  out += R"(<text x=")" + std::to_string(x + 6) + R"(" y=")" + std::to_string(y + 29) + R"(">)" +
         escape(shorten(n.line2, 36)) + "</text>\n";
  return out;
}

std::string edge(int x1, int y1, int x2, int y2, const Node& n) {
  std::string out = R"(<line x1=")" + std::to_string(x1) + R"(" y1=")" + std::to_string(y1) + R"(" x2=")" +
                    std::to_string(x2) + R"(" y2=")" + std::to_string(y2) + R"(" stroke=")" + n.edge_colour +
                    R"(" stroke-width="1.5")" + (n.dashed ? R"( stroke-dasharray="5 3")" : "") + "/>";
  out += R"(<text x=")" + std::to_string((x1 + x2) / 2 - 20) + R"(" y=")" + std::to_string((y1 + y2) / 2 - 3) +
         R"(" fill=")" + n.edge_colour + R"(" font-size="9">)" + escape(n.edge_label) + "</text>\n";
  return out;
}

// Draws one column of nodes, joined to the claim's box at (join_x, join_y).
std::string column(const std::vector<Node>& nodes, int x, int join_x, int join_y, bool right) {
  std::string out;
  const int shown = std::min<int>(static_cast<int>(nodes.size()), kMaxRows);
  for (int r = 0; r < shown; ++r) {
    const int y = 10 + r * kRow;
    const Node& n = nodes[static_cast<std::size_t>(r)];
    out += edge(join_x, join_y, right ? x : x + kBoxWidth, y + kBoxHeight / 2, n);
    out += box(x, y, n);
  }
  if (static_cast<int>(nodes.size()) > shown) {
    out += R"(<text x=")" + std::to_string(x + 6) + R"(" y=")" + std::to_string(10 + shown * kRow + 12) + R"(">and )" +
           std::to_string(nodes.size() - static_cast<std::size_t>(shown)) + " more (listed on this page)</text>\n";
  }
  return out;
}

}  // namespace

std::string render_graph_svg(const Context& ctx, std::size_t i) {
  const KnowledgeBase& kb = *ctx.kb;
  const Claim& claim = kb.claim_at(i);
  const Grade& grade = kb.grade_at(i);
  std::vector<Node> left, right;
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& id : claim.depends_on) {
    const Grade* g = kb.grade(id);
    const Verdict v = g != nullptr ? g->verdict : Verdict::insufficient;
    left.push_back({id + ".html", id, "premise: " + verdict_words(v, g != nullptr ? g->certainty : std::nullopt),
                    verdict_fill(v), "#333", "depends on", false});
  }
  const auto dep = ctx.dependants.find(claim.id);
  if (dep != ctx.dependants.end()) {
    for (std::size_t d : dep->second) {
      const Claim& c = kb.claim_at(d);
      const Grade& g = kb.grade_at(d);
      left.push_back({c.id + ".html", c.id, "depends on this: " + verdict_words(g.verdict, g.certainty),
                      verdict_fill(g.verdict), "#333", "used by", true});
    }
  }
  for (const auto& l : claim.evidence) {
    const Citation* c = kb.citation(l.citation);
    std::string detail = std::string(to_string(l.stance));
    if (c != nullptr) detail += ", " + human(to_string(c->design)) + ", " + std::to_string(c->year);
    ++counts[static_cast<int>(l.stance)];
    right.push_back({"../citations/" + l.citation + ".html", l.citation, detail, "#f4f7fb", stance_colour(l.stance),
                     std::string(to_string(l.stance)), false});
  }
  for (const auto& a : claim.asserted_by) {
    right.push_back(
        {"../citations/" + a.citation + ".html", a.citation, "asserts the claim", "#ffffff", "#555", "asserts", true});
  }
  const int rows = std::max<int>({1, std::min<int>(static_cast<int>(left.size()), kMaxRows + 1),
                                  std::min<int>(static_cast<int>(right.size()), kMaxRows + 1)});
  const int height = 20 + rows * kRow;
  const int mid_y = std::max(10, (height - kBoxHeight) / 2 - 5);

  std::string desc = "The claim " + claim.id + " (" + verdict_words(grade.verdict, grade.certainty) +
                     "): " + std::to_string(counts[0]) + " studies support it, " + std::to_string(counts[1]) +
                     " refute it, " + std::to_string(counts[2]) + " are neutral; " +
                     std::to_string(claim.asserted_by.size()) + " sources assert it; it has " +
                     std::to_string(claim.depends_on.size()) + " premises and " +
                     std::to_string(dep == ctx.dependants.end() ? 0 : dep->second.size()) + " claims depend on it.";
  std::string out = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )" + std::to_string(kWidth) + " " +
                    std::to_string(height) + R"(" width=")" + std::to_string(kWidth) + R"(" height=")" +
                    std::to_string(height) +
                    R"(" role="img" aria-labelledby="graph-title graph-desc" font-family="sans-serif" )"
                    "font-size=\"11\" fill=\"#1a1a1a\">\n";
  out += R"(<title id="graph-title">Evidence graph of )" + escape(claim.id) + "</title>\n";
  out += R"(<desc id="graph-desc">)" + escape(desc) + "</desc>\n";
  out += column(left, kLeftX, kMidX, mid_y + kBoxHeight / 2, false);
  out += column(right, kRightX, kMidX + kBoxWidth, mid_y + kBoxHeight / 2, true);
  out += box(kMidX, mid_y,
             {claim.id + ".html", claim.id, verdict_words(grade.verdict, grade.certainty), verdict_fill(grade.verdict),
              "", "", false});
  out += "</svg>\n";
  return out;
}

}  // namespace claimkb::site
