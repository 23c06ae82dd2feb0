// What each endpoint of `claimkb serve` answers (docs/cli.md, serve): the status
// and the body, which is exactly what the matching command prints with --json
// (the same writers, indented by 2, with its newline), its exit 3 as 404.
// Pure functions of the KB and the request's values, so tests can call them.
#pragma once

#include <string>

#include "claimkb/knowledge_base.hpp"

namespace claimkb::cli {

struct Answer {
  int status = 200;
  std::string body;  // JSON
};

// GET /v1/claims/{id}: `claimkb verdict ID --json` for a claim id; 404 otherwise.
Answer claim_answer(const KnowledgeBase& kb, const std::string& id);
// GET /v1/verdict?q=: `claimkb verdict QUESTION --json`.
Answer verdict_answer(const KnowledgeBase& kb, const std::string& question);
// GET /v1/search?q=&limit=: `claimkb search TEXT --limit N --json`; `limit` is the
// parameter's text, "" for the command's default 10. 400 for a limit that is not a
// whole number in [1, 10000].
Answer search_answer(const KnowledgeBase& kb, const std::string& text, const std::string& limit);
// GET /v1/claims: `claimkb list --json`.
Answer claims_answer(const KnowledgeBase& kb);
// POST /v1/check: `claimkb check - --json` with the body as the text.
Answer check_answer(const KnowledgeBase& kb, const std::string& text);

// {"error": message, "status": status} for a request the server refuses.
Answer error_answer(int status, const std::string& message);

}  // namespace claimkb::cli
