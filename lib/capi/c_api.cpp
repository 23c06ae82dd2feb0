// The C API (claimkb.h) over the C++ API.
//
// No exception leaves an entry point: each runs its body inside guarded(), which
// catches everything, because an exception unwinding into C — or Swift, JNI,
// ctypes — is undefined behaviour. It becomes a message in *errptr instead. Strings go out through malloc() so that C
// callers may release them with free() as well as claimkb_free().
#include "claimkb/claimkb.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <utility>

#include "claimkb/knowledge_base.hpp"
#include "claimkb/listing.hpp"
#include "claimkb/quotes.hpp"
#include "claimkb/text.hpp"
#include "claimkb/verdict.hpp"
#include "claimkb/version.hpp"

// The handle is a KnowledgeBase, which is immutable after loading; that is what
// makes concurrent queries on one handle safe.
struct claimkb_t {
  claimkb::KnowledgeBase kb;
};

namespace {

using Code = claimkb::Diagnostic::Code;

// claimkb_last_error_code(): this thread's last outcome.
thread_local int last_code = CLAIMKB_OK;

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

// What went wrong in a call: the message for *errptr and its code.
struct Failure {
  std::string message;
  Code code = Code::internal;
  void set(std::string m, Code c) {
    message = std::move(m);
    code = c;
  }
};

// Runs `body(failure)`, which returns the result, or a null one (nullptr, 0) after
// filling in `failure`. A null result goes back to the caller with the message in
// *errptr and the code in claimkb_last_error_code(); anything thrown becomes a null
// result and a message too.
template <class Body>
auto guarded(char** errptr, Body&& body) noexcept -> decltype(body(std::declval<Failure&>())) {
  using Out = decltype(body(std::declval<Failure&>()));
  try {
    Failure failure;
    Out result = body(failure);
    if (result == Out{}) {
      set_error(errptr, claimkb::to_valid_utf8(failure.message).c_str());
      last_code = static_cast<int>(failure.code);
    } else {
      last_code = CLAIMKB_OK;
    }
    return result;
  } catch (const std::bad_alloc&) {
    set_error(errptr, "out of memory");
    last_code = CLAIMKB_E_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    set_error(errptr, e.what());
    last_code = CLAIMKB_E_INTERNAL;
  } catch (...) {
    set_error(errptr, "unknown error");
    last_code = CLAIMKB_E_INTERNAL;
  }
  return Out{};
}

// Every diagnostic, one per line (a KB with ten mistakes is fixed in one pass), and
// the code that stands for them: io if any file could not be read, else the first's.
void fail_with(Failure& failure, const std::vector<claimkb::Diagnostic>& errors) {
  std::string message;
  Code code = errors.empty() ? Code::internal : errors.front().code;
  for (const claimkb::Diagnostic& d : errors) {
    if (!message.empty()) message += '\n';
    message += d.to_string();
    if (d.code == Code::io) code = Code::io;
  }
  failure.set(std::move(message), code);
}

// Why a text did not resolve to one claim, with the closest claims to pick from.
std::string no_match_message(const claimkb::KnowledgeBase& kb, const std::string& text, const claimkb::Match& match) {
  std::string message = match.kind == claimkb::Match::Kind::unclear ? "\"" + text + "\" could mean more than one claim"
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
  return guarded(errptr, [&](Failure& failure) -> claimkb_t* {
    const std::string path = kb_path != nullptr ? std::string(kb_path) : claimkb::KnowledgeBase::default_path();
    auto loaded = claimkb::KnowledgeBase::open(path);
    if (!loaded) {
      fail_with(failure, loaded.errors());
      return nullptr;
    }
    return new claimkb_t{std::move(loaded).value()};
  });
}

void claimkb_close(claimkb_t* kb) { delete kb; }

size_t claimkb_write_snapshot(const claimkb_t* kb, const char* file, char** errptr) {
  return guarded(errptr, [&](Failure& failure) -> size_t {
    if (kb == nullptr || file == nullptr) {
      failure.set("claimkb_write_snapshot: kb and file must not be NULL", Code::bad_argument);
      return 0;
    }
    auto written = kb->kb.write_snapshot(file);
    if (!written) {
      fail_with(failure, written.errors());
      return 0;
    }
    return *written;
  });
}

size_t claimkb_claim_count(const claimkb_t* kb) { return kb != nullptr ? kb->kb.claim_count() : 0; }

char* claimkb_verdict_json(const claimkb_t* kb, const char* claim_id_or_question, char** errptr) {
  return guarded(errptr, [&](Failure& failure) -> char* {
    if (kb == nullptr || claim_id_or_question == nullptr) {
      failure.set("claimkb_verdict_json: kb and claim_id_or_question must not be NULL", Code::bad_argument);
      return nullptr;
    }
    const std::string text = claim_id_or_question;
    const claimkb::Match match = kb->kb.match(text);
    if (match.kind != claimkb::Match::Kind::id && match.kind != claimkb::Match::Kind::clear_best) {
      failure.set(no_match_message(kb->kb, text, match), Code::not_found);
      return nullptr;
    }
    return copy_out(claimkb::verdict_json(kb->kb, match));
  });
}

char* claimkb_list_json(const claimkb_t* kb, char** errptr) {
  return guarded(errptr, [&](Failure& failure) -> char* {
    if (kb == nullptr) {
      failure.set("claimkb_list_json: kb must not be NULL", Code::bad_argument);
      return nullptr;
    }
    return copy_out(claimkb::claims_json(kb->kb));
  });
}

char* claimkb_search_json(const claimkb_t* kb, const char* text, size_t limit, char** errptr) {
  return guarded(errptr, [&](Failure& failure) -> char* {
    if (kb == nullptr || text == nullptr) {
      failure.set("claimkb_search_json: kb and text must not be NULL", Code::bad_argument);
      return nullptr;
    }
    return copy_out(claimkb::search_json(kb->kb, text, limit));
  });
}

char* claimkb_check_json(const claimkb_t* kb, const char* text, char** errptr) {
  return guarded(errptr, [&](Failure& failure) -> char* {
    if (kb == nullptr || text == nullptr) {
      failure.set("claimkb_check_json: kb and text must not be NULL", Code::bad_argument);
      return nullptr;
    }
    return copy_out(claimkb::check_json(kb->kb, text));
  });
}

char* claimkb_record_json(const claimkb_t* kb, const char* id, char** errptr) {
  return guarded(errptr, [&](Failure& failure) -> char* {
    if (kb == nullptr || id == nullptr) {
      failure.set("claimkb_record_json: kb and id must not be NULL", Code::bad_argument);
      return nullptr;
    }
    const auto json = claimkb::record_json(kb->kb, id);
    if (!json) {
      failure.set("no claim, citation or concept with id '" + std::string(id) + "'", Code::not_found);
      return nullptr;
    }
    return copy_out(*json);
  });
}

char* claimkb_quotes_json(const claimkb_t* kb, char** errptr) {
  return guarded(errptr, [&](Failure& failure) -> char* {
    if (kb == nullptr) {
      failure.set("claimkb_quotes_json: kb must not be NULL", Code::bad_argument);
      return nullptr;
    }
    return copy_out(claimkb::quotes_json(kb->kb));
  });
}

int claimkb_last_error_code(void) { return last_code; }

const char* claimkb_error_name(int code) {
  if (code == CLAIMKB_OK) return "ok";
  if (code >= CLAIMKB_E_INVALID_KB && code <= CLAIMKB_E_INTERNAL) {
    return claimkb::to_string(static_cast<Code>(code)).data();  // names are static and NUL-terminated
  }
  return "unknown";
}

void claimkb_free(void* p) { std::free(p); }

const char* claimkb_version(void) { return CLAIMKB_VERSION_STRING; }

}  // extern "C"
