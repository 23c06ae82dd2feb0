// The KB `claimkb serve` answers from, and swapping it for a new one (SIGHUP, or
// the snapshot file replaced by rename) while requests are in flight.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "claimkb/knowledge_base.hpp"
#include "serve_answers.hpp"

namespace claimkb::cli {

// Answers kept by key (a claim id) for one KB: the KB never changes while it is
// served, so an answer worked out once holds until a reload brings another KB (and
// another cache). At most `capacity` keys are kept, so requests for made-up keys
// cannot grow it without bound; callers put only answers worth keeping.
class AnswerCache {
 public:
  explicit AnswerCache(std::size_t capacity) : capacity_(capacity) {}
  std::shared_ptr<const Answer> find(const std::string& key) const;
  void put(const std::string& key, std::shared_ptr<const Answer> answer) const;

 private:
  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const Answer>> answers_;
};

// A loaded KB and what the server says about it.
struct ServedKb {
  ServedKb(KnowledgeBase k, std::string tag) : kb(std::move(k)), etag(std::move(tag)), verdicts(kb.claim_count()) {}
  KnowledgeBase kb;
  std::string etag;      // "\"<16 hex digits>\"": a hash of every record's JSON and the version
  AnswerCache verdicts;  // GET /v1/claims/{id} answers (200 only), by id
};

// Opens the KB at `path` and hashes it. On failure prints every error, one a line,
// to `err`, sets `exit` as open_kb() does (kIo or kInvalidKb) and returns null.
std::shared_ptr<const ServedKb> load_served_kb(const std::string& path, std::ostream& err, int& exit);

// The KB in service. get() hands out a shared pointer: a request holds the KB it
// started with until it ends, so swapping in a new one never disturbs it.
class KbSlot {
 public:
  explicit KbSlot(std::shared_ptr<const ServedKb> kb) : kb_(std::move(kb)) {}
  std::shared_ptr<const ServedKb> get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return kb_;
  }
  void set(std::shared_ptr<const ServedKb> kb) {
    std::lock_guard<std::mutex> lock(mutex_);
    kb_.swap(kb);
  }  // the old KB is released here, outside the request path, unless a request still holds it

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const ServedKb> kb_;
};

}  // namespace claimkb::cli
