// Diagnostic formatting: the "file:line:column: error: message" form of SPEC §5.
#include "claimkb/result.hpp"

namespace claimkb {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line) + ':' + std::to_string(column);
  }
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  return out;
}

}  // namespace claimkb
