#include "text/stemmer.hpp"

#include <libstemmer.h>

namespace claimkb::detail {

// "UTF_8": the input is UTF-8, and non-ASCII letters (Müller) pass through intact.
Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string Stemmer::stem(std::string_view word) {
  if (stemmer_ == nullptr || word.empty()) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  // A null result means libstemmer ran out of memory; the unstemmed word still
  // matches itself, which is better than failing the whole query.
  if (out == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

Stemmer& thread_stemmer() {
  thread_local Stemmer stemmer;
  return stemmer;
}

}  // namespace claimkb::detail
