// Placeholder until the search index lands: exact ids only.
#include "claimkb/knowledge_base.hpp"

namespace claimkb {

std::vector<SearchHit> KnowledgeBase::search(std::string_view, std::size_t) const { return {}; }

Match KnowledgeBase::match(std::string_view id_or_question) const {
  Match m;
  if (claim(id_or_question) != nullptr) {
    m.kind = Match::Kind::id;
    m.id = std::string(id_or_question);
  }
  return m;
}

}  // namespace claimkb
