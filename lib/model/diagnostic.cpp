// Diagnostic formatting: the "file:line:column: error: message" form of docs/cli.md.
#include "claimkb/result.hpp"

namespace claimkb {

std::string Diagnostic::to_string() const {
  // Always file:line:column, so that every line a tool reads has one form; a
  // problem with a whole file or directory points at its start.
  std::string out = file;
  out += ':' + std::to_string(line > 0 ? line : 1) + ':' + std::to_string(line > 0 ? column : 1);
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  return out;
}

}  // namespace claimkb
