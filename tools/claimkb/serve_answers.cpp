#include "serve_answers.hpp"

#include "claimkb/claimkb.hpp"
#include "common.hpp"
#include "no_match.hpp"

namespace claimkb::cli {
namespace {

constexpr int kIndent = 2;  // as the command prints (common.hpp, dump())
constexpr std::size_t kMaxLimit = 10000;

Answer ok(std::string json) { return {200, std::move(json) + "\n"}; }

Answer not_found(const KnowledgeBase& kb, const std::string& query, const Match& m) {
  return {404, dump(no_match_json(kb, query, m)) + "\n"};
}

}  // namespace

Answer claim_answer(const KnowledgeBase& kb, const std::string& id) {
  const Match m = kb.match(id);
  // By id only: a question in the path is not an id (that is /v1/verdict?q=).
  if (m.kind != Match::Kind::id) return not_found(kb, id, m);
  return ok(verdict_json(kb, m, kIndent));
}

Answer verdict_answer(const KnowledgeBase& kb, const std::string& question) {
  const Match m = kb.match(question);
  if (m.kind != Match::Kind::id && m.kind != Match::Kind::clear_best) return not_found(kb, question, m);
  return ok(verdict_json(kb, m, kIndent));
}

Answer search_answer(const KnowledgeBase& kb, const std::string& text, const std::string& limit) {
  std::size_t n = 10;
  if (!limit.empty()) {
    n = 0;
    for (const char c : limit) {
      if (c < '0' || c > '9' || n > kMaxLimit) return error_answer(400, "limit must be a whole number from 1 to 10000");
      n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (n < 1 || n > kMaxLimit) return error_answer(400, "limit must be a whole number from 1 to 10000");
  }
  return ok(search_json(kb, text, n, kIndent));
}

Answer claims_answer(const KnowledgeBase& kb) { return ok(claims_json(kb, kIndent)); }

Answer check_answer(const KnowledgeBase& kb, const std::string& text) { return ok(check_json(kb, text, kIndent)); }

Answer error_answer(int status, const std::string& message) {
  return {status, dump({{"error", message}, {"status", status}}) + "\n"};
}

}  // namespace claimkb::cli
