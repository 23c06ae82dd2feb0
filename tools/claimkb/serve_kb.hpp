// The KB `claimkb serve` answers from, and swapping it for a new one (SIGHUP, or
// the snapshot file replaced by rename) while requests are in flight.
#pragma once

#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>

#include "claimkb/knowledge_base.hpp"

namespace claimkb::cli {

// A loaded KB and what the server says about it.
struct ServedKb {
  KnowledgeBase kb;
  std::string etag;  // "\"<16 hex digits>\"": a hash of every record's JSON and the version
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
