// claimkb/result.hpp — diagnostics and a value-or-errors result.
//
// No exception crosses claimkb's API. A function that can fail returns a Result<T>:
// either a value, or every problem found, each a Diagnostic naming file:line:column.
// Result is a plain value type; it is as thread-safe as the T it holds.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimkb/export.h"

namespace claimkb {

// One problem found while loading, tied to a place in a file. `line` and `column`
// are 1-based; 0 means the problem concerns the whole file or directory. Every
// string is valid UTF-8, also when it quotes input that was not (invalid bytes
// become U+FFFD).
struct CLAIMKB_EXPORT Diagnostic {
  enum class Severity { error, warning };

  // What kind of problem, for programs that act on it (docs/cli.md "Error codes";
  // the C API's CLAIMKB_E_* constants have the same values).
  enum class Code {
    invalid_kb = 1,        // a file breaks the format or a rule of the KB
    io = 2,                // a file or directory cannot be read or written
    damaged_snapshot = 3,  // not a snapshot, or one that is truncated or altered
    other_version = 4,     // a snapshot of another format or claimkb version
    too_large = 5,         // past a limit: file size, records a file, nesting, aliases
    not_found = 6,         // no such claim, or no clear match for a question
    bad_argument = 7,      // a caller's argument is unusable (the C API's NULLs)
    out_of_memory = 8,
    internal = 9,  // a bug in claimkb: please report it
    warning = 10,  // the code of every warning
  };

  std::string file;
  int line = 0;
  int column = 0;
  Severity severity = Severity::error;
  std::string message;
  Code code = Code::invalid_kb;

  // "file:line:column: error: message"; 1:1 when line and column are 0.
  std::string to_string() const;
};

// The name of a code as JSON and docs spell it: "invalid_kb", "io", ...
CLAIMKB_EXPORT std::string_view to_string(Diagnostic::Code v);

// Holds a T, or the diagnostics that explain why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor): `return value;` makes a Result
  // `errors` is moved into r.errors_; clang-tidy 14 does not see a move through `r`,
  // whose type depends on T.
  // NOLINTNEXTLINE(performance-unnecessary-value-param): moved, as said above
  static Result failure(std::vector<Diagnostic> errors) {
    Result r;
    r.errors_ = std::move(errors);
    return r;
  }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }

  // The value. Calling these on a failed result is a programming error: the
  // process is stopped with a message (there are no exceptions to throw).
  const T& value() const& {
    check();
    return *value_;
  }
  T& value() & {
    check();
    return *value_;
  }
  T value() && {
    check();
    return std::move(*value_);
  }  // by value: no dangling
  const T* operator->() const {
    check();
    return &*value_;
  }
  const T& operator*() const& {
    check();
    return *value_;
  }

  // Every problem found; empty when ok().
  const std::vector<Diagnostic>& errors() const& { return errors_; }
  std::vector<Diagnostic> errors() && { return std::move(errors_); }

 private:
  Result() = default;
  void check() const {
    if (!value_) {
      std::fputs("claimkb: value() called on a failed Result\n", stderr);
      std::abort();
    }
  }
  std::optional<T> value_;
  std::vector<Diagnostic> errors_;
};

}  // namespace claimkb
