// English stemming through Snowball's libstemmer. Private to the library.
//
// An sb_stemmer keeps its result in a buffer of its own, so one object must never be
// used by two threads at once. Each Stemmer owns its sb_stemmer; thread_stemmer()
// gives every thread one of its own, created on first use.
#pragma once

#include <string>
#include <string_view>

struct sb_stemmer;  // libstemmer's type stays out of every header but this one

namespace claimkb::detail {

class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The Snowball English stem of a lower-case word, e.g. "stretching" -> "stretch".
  // Returns the word unchanged when the stemmer could not be created.
  std::string stem(std::string_view word);

 private:
  sb_stemmer* stemmer_ = nullptr;
};

// This thread's stemmer.
Stemmer& thread_stemmer();

}  // namespace claimkb::detail
