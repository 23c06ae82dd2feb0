// The C API (claimkb.h) over the C++ API.
//
// No exception leaves an entry point: each runs its body inside guarded(), which
// catches everything, because an exception unwinding into C — or Swift, JNI,
// ctypes — is undefined behaviour. It becomes a message in *errptr instead. Strings go out through malloc() so that C callers may release
// them with free() as well as claimkb_free().
#include "claimkb/claimkb.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <utility>

#include "claimkb/knowledge_base.hpp"
#include "claimkb/listing.hpp"
#include "claimkb/verdict.hpp"
#include "claimkb/version.hpp"

// The handle is a KnowledgeBase, which is immutable after loading; that is what
// makes concurrent queries on one handle safe.
struct claimkb_t {
  claimkb::KnowledgeBase kb;
};

namespace {

// A malloc'd copy of `s`, or nullptr when memory is exhausted.
char* malloc_copy(const char* s, std::size_t size) noexcept {
  auto* p = static_cast<char*>(std::malloc(size + 1));
  if (p != nullptr) {
    std::memcpy(p, s, size);
    p[size] = '\0';
  }
  return p;
}

// A result string for the caller; throws so that guarded() reports "out of memory".
char* copy_out(const std::string& s) {
  char* p = malloc_copy(s.data(), s.size());
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

// leveldb's convention: a message already in *errptr is released and replaced.
// Cannot throw, so it is safe inside a catch block even when memory is short.
void set_error(char** errptr, const char* message) noexcept {
  if (errptr == nullptr) return;
  std::free(*errptr);
  *errptr = malloc_copy(message, std::strlen(message));
}

// Runs `body(error)`, which returns the result, or a null one (nullptr, 0) after
// filling in `error`. A null result goes back to the caller with `error` in
// *errptr; anything thrown becomes a null result and a message too.
template <class Body>
auto guarded(char** errptr, Body&& body) noexcept
    -> decltype(body(std::declval<std::string&>())) {
  using Out = decltype(body(std::declval<std::string&>()));
  try {
    std::string error;
    Out result = body(error);
    if (result == Out{}) set_error(errptr, error.c_str());
    return result;
  } catch (const std::bad_alloc&) {
    set_error(errptr, "out of memory");
  } catch (const std::exception& e) {
    set_error(errptr, e.what());
  } catch (...) {
    set_error(errptr, "unknown error");
  }
  return Out{};
}

// Why a text did not resolve to one claim, with the closest claims to pick from.
std::string no_match_message(const claimkb::KnowledgeBase& kb, const std::string& text,
                             const claimkb::Match& match) {
  std::string message = match.kind == claimkb::Match::Kind::unclear
                            ? "\"" + text + "\" could mean more than one claim"
                            : "no claim matches \"" + text + "\"";
  if (match.candidates.empty()) return message;
  message += "; the closest:";
  for (const claimkb::SearchHit& hit : match.candidates) {
    const claimkb::Claim* claim = kb.claim(hit.id);
    message += "\n  " + hit.id + ": " + (claim != nullptr ? claim->statement : "");
  }
  return message;
}

}  // namespace

extern "C" {

claimkb_t* claimkb_open(const char* kb_path, char** errptr) {
  return guarded(errptr, [&](std::string& error) -> claimkb_t* {
    const std::string path =
        kb_path != nullptr ? std::string(kb_path) : claimkb::KnowledgeBase::default_path();
    auto loaded = claimkb::KnowledgeBase::open(path);
    if (!loaded) {
      // Every diagnostic, one per line: a KB with ten mistakes is fixed in one pass.
      for (const claimkb::Diagnostic& d : loaded.errors()) {
        if (!error.empty()) error += '\n';
        error += d.to_string();
      }
      if (error.empty()) error = "cannot load the knowledge base in " + path;
      return nullptr;
    }
    return new claimkb_t{std::move(loaded).value()};
  });
}

void claimkb_close(claimkb_t* kb) { delete kb; }

size_t claimkb_write_snapshot(const claimkb_t* kb, const char* file, char** errptr) {
  return guarded(errptr, [&](std::string& error) -> size_t {
    if (kb == nullptr || file == nullptr) {
      error = "claimkb_write_snapshot: kb and file must not be NULL";
      return 0;
    }
    auto written = kb->kb.write_snapshot(file);
    if (!written) {
      for (const claimkb::Diagnostic& d : written.errors()) error += (error.empty() ? "" : "\n") + d.to_string();
      return 0;
    }
    return *written;
  });
}

size_t claimkb_claim_count(const claimkb_t* kb) {
  return kb != nullptr ? kb->kb.claim_count() : 0;
}

char* claimkb_verdict_json(const claimkb_t* kb, const char* claim_id_or_question, char** errptr) {
  return guarded(errptr, [&](std::string& error) -> char* {
    if (kb == nullptr || claim_id_or_question == nullptr) {
      error = "claimkb_verdict_json: kb and claim_id_or_question must not be NULL";
      return nullptr;
    }
    const std::string text = claim_id_or_question;
    const claimkb::Match match = kb->kb.match(text);
    if (match.kind != claimkb::Match::Kind::id && match.kind != claimkb::Match::Kind::clear_best) {
      error = no_match_message(kb->kb, text, match);
      return nullptr;
    }
    const auto report = kb->kb.report(match.id);
    if (!report) {  // match() only names loaded claims; kept so a bug cannot crash an app
      error = "no claim with id \"" + match.id + "\"";
      return nullptr;
    }
    return copy_out(claimkb::to_json(*report));
  });
}

char* claimkb_list_json(const claimkb_t* kb, char** errptr) {
  return guarded(errptr, [&](std::string& error) -> char* {
    if (kb == nullptr) {
      error = "claimkb_list_json: kb must not be NULL";
      return nullptr;
    }
    return copy_out(claimkb::claims_json(kb->kb));
  });
}

char* claimkb_search_json(const claimkb_t* kb, const char* text, size_t limit, char** errptr) {
  return guarded(errptr, [&](std::string& error) -> char* {
    if (kb == nullptr || text == nullptr) {
      error = "claimkb_search_json: kb and text must not be NULL";
      return nullptr;
    }
    return copy_out(claimkb::search_json(kb->kb, text, limit));
  });
}

void claimkb_free(void* p) { std::free(p); }

const char* claimkb_version(void) { return CLAIMKB_VERSION_STRING; }

}  // extern "C"
