#include "text/stop_words.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace claimkb::detail {
namespace {

// Function words after the usual English IR lists, plus the words people wrap a
// question in ("is it true that", "really", "actually"). Kept sorted for binary search.
//
// Negations ("not", "no", "never") are stop words too: bag-of-words ranking cannot
// tell "X causes Y" from "X does not cause Y", and counting "not" would only make a
// negated question look off-topic. Content words that IR lists often drop ("back",
// "cause", "help", "less", "more", "over", "under") are kept: in health claims they
// carry the meaning ("back pain", "causes").
constexpr std::array<std::string_view, 180> kStopWords = {
    "about",      "above",     "actually", "after",    "again",   "against", "all",     "also",     "am",
    "an",         "and",       "any",      "are",      "aren't",  "as",      "at",      "be",       "because",
    "been",       "before",    "being",    "below",    "between", "both",    "but",     "by",       "can",
    "can't",      "cannot",    "could",    "couldn't", "did",     "didn't",  "do",      "does",     "doesn't",
    "doing",      "don't",     "during",   "each",     "either",  "else",    "etc",     "ever",     "every",
    "few",        "for",       "from",     "further",  "had",     "hadn't",  "has",     "hasn't",   "have",
    "haven't",    "having",    "he",       "her",      "here",    "hers",    "herself", "him",      "himself",
    "his",        "how",       "however",  "i'd",      "i'll",    "i'm",     "i've",    "if",       "in",
    "into",       "is",        "isn't",    "it",       "it'd",    "it'll",   "its",     "itself",   "just",
    "let",        "let's",     "me",       "might",    "mine",    "must",    "mustn't", "my",       "myself",
    "neither",    "never",     "no",       "nor",      "not",     "now",     "of",      "off",      "often",
    "on",         "once",      "one's",    "only",     "or",      "other",   "others",  "ought",    "our",
    "ours",       "ourselves", "out",      "own",      "perhaps", "please",  "quite",   "rather",   "really",
    "said",       "same",      "say",      "says",     "shall",   "shan't",  "she",     "should",   "shouldn't",
    "so",         "some",      "such",     "than",     "that",    "the",     "their",   "theirs",   "them",
    "themselves", "then",      "there",    "these",    "they",    "this",    "those",   "though",   "through",
    "thus",       "to",        "too",      "true",     "truly",   "until",   "up",      "us",       "very",
    "was",        "wasn't",    "we",       "were",     "weren't", "what",    "when",    "where",    "whether",
    "which",      "while",     "who",      "whom",     "whose",   "why",     "will",    "with",     "won't",
    "would",      "wouldn't",  "yes",      "yet",      "you",     "your",    "yours",   "yourself", "yourselves",
};

constexpr bool strictly_sorted(const std::array<std::string_view, kStopWords.size()>& words) {
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (!(words[i - 1] < words[i])) return false;
  }
  return true;
}
// Also catches a miscounted size: unused slots would be empty strings out of order.
static_assert(strictly_sorted(kStopWords), "kStopWords must stay sorted and fully filled");

}  // namespace

bool is_stop_word(std::string_view folded_word) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), folded_word);
}

}  // namespace claimkb::detail
