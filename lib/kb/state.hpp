// What a KnowledgeBase handle holds. Private to the library.
#pragma once

#include <memory>
#include <string>

#include "claimkb/knowledge_base.hpp"
#include "store/store.hpp"

namespace claimkb {

struct KnowledgeBase::State {
  std::string root;  // the directory or snapshot file it came from
  std::unique_ptr<const detail::Store> store;
};

}  // namespace claimkb
