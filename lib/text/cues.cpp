#include "text/cues.hpp"

#include <algorithm>
#include <iterator>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/tokenize.hpp"

namespace claimkb::detail {
namespace {

using R = Relation;

Relations set_of(const std::vector<Relation>& rs) {
  Relations out;
  for (Relation r : rs) out.set(static_cast<std::size_t>(r));
  return out;
}

struct RelationCue {
  std::vector<std::string_view> words;
  std::vector<Relation> relations;
};

// Words that say how a subject bears on an object, each with the relations it is
// compatible with. Written as words; stemmed once, the way text is.
const std::vector<RelationCue>& relation_cues() {
  static const std::vector<RelationCue> cues = {
      // Cause, or a link that may be one.
      {{"cause", "causes",  "caused",      "causing", "lead",   "leads",   "trigger",  "triggers",   "reason",
        "blame", "behind",  "responsible", "result",  "source", "produce", "produces", "contribute", "contributes",
        "due",   "culprit", "gives",       "give",    "create", "creates", "bring",    "brings"},
       {R::causes, R::associated_with, R::predicts, R::harms}},
      // A causative verb says cause first and fits any effect the claim names.
      {{"make", "makes", "made", "making", "recipe", "wreck", "wrecks", "wrecking"},
       {R::causes, R::associated_with, R::predicts, R::relieves, R::increases, R::decreases, R::harms}},
      {{"link",         "linked",     "associated", "association", "connection", "connected", "related",
        "relationship", "correlate",  "correlated", "correlation", "tied",       "common",    "compared",
        "differ",       "difference", "show",       "tend",        "tends",      "typical",   "typically"},
       {R::associated_with, R::causes, R::predicts}},
      {{"predict", "predicts", "predictor", "risk", "develop", "develops", "future", "later", "likely", "chance",
        "odds", "forecast"},
       {R::predicts, R::associated_with, R::causes}},
      // Effects of a treatment.
      {{"relieve",  "relieves",    "relief",    "help",   "helps",    "helped",    "helpful",   "ease",      "eases",
        "fix",      "fixes",       "cure",      "cures",  "treat",    "treats",    "treatment", "alleviate", "improve",
        "improves", "improvement", "work",      "works",  "worked",   "benefit",   "benefits",  "good",      "heal",
        "soothe",   "remedy",      "effective", "effect", "reduce",   "reduces",   "reduced",   "better",    "last",
        "lasts",    "lasting",     "ward",      "edge",   "settle",   "settles",   "resolve",   "resolves",  "sort",
        "solve",    "solves",      "rid",       "manage", "managing", "management"},
       {R::relieves, R::increases, R::decreases, R::needed_for}},
      {{"increase", "increases", "increased", "boost",   "boosts",  "gain",      "gains",
        "lengthen", "lengthens", "loosen",    "loosens", "extend",  "extends",   "more",
        "greater",  "open",      "opens",     "deepen",  "deepens", "intensify", "stretch",
        "release",  "releases",  "free",      "unlock",  "further", "bigger",    "wider"},
       {R::increases, R::relieves}},
      {{"decrease", "decreases", "less",       "inhibit", "inhibits", "shut", "shuts", "switch", "weaken", "weakens",
        "dampen",   "suppress",  "suppresses", "relax",   "relaxes",  "calm", "calms", "turn",   "stop",   "stops"},
       {R::decreases, R::relieves}},
      // Tests and findings.
      {{"measure",     "measures",    "measured", "measuring", "test",     "tests",      "assess",      "assesses",
        "assessment",  "check",       "checks",   "gauge",     "accurate", "accuracy",   "reliable",    "reliably",
        "reliability", "valid",       "validity", "tell",      "tells",    "diagnose",   "evaluate",    "determine",
        "trust",       "trustworthy", "examiner", "examiners", "agree",    "consistent", "consistently"},
       {R::measures, R::detects, R::indicates}},
      {{"find",    "finds", "feel",    "feels",  "locate",  "locates", "reach",  "reaches",
        "palpate", "press", "presses", "touch",  "touches", "access",  "get",    "prod",
        "poke",    "dig",   "hands",   "finger", "fingers", "thumb",   "thumbs", "hook"},
       {R::detects, R::measures}},
      {{"mean", "means", "sign", "signs", "diagnosis", "diagnostic", "indicate", "indicates", "indicator", "signal",
        "signals", "dysfunctional", "problem", "wrong"},
       {R::indicates, R::needed_for}},
      // What a muscle does or holds.
      {{"store", "stores", "stored", "hold", "holds", "trap", "traps", "trapped", "keep", "keeps", "carry", "carries",
        "harbour", "harbor", "lock", "locked", "soul", "release"},
       {R::stores}},
      {{"stabilize", "stabilise", "stabilizes", "stabilises", "stability", "stabilizer", "stabiliser", "support",
        "supports", "steady", "stable", "brace", "braces", "anchor"},
       {R::stabilizes, R::protects}},
      {{"protect",  "protects", "guard",       "guards", "guarding", "splint",  "defend",
        "defends",  "reflex",   "reflexively", "spasm",  "spasms",   "react",   "reacts",
        "response", "clamp",    "clamps",      "tense",  "tenses",   "tighten", "tightens"},
       {R::protects, R::stabilizes}},
      {{"mimic",    "mimics",     "mistake",  "mistaken",  "confuse", "confused", "imitate",
        "imitates", "masquerade", "resemble", "resembles", "like",    "look",     "looks",
        "pass",     "fake",       "appear",   "appears",   "seem",    "seems"},
       {R::mimics}},
      // Prevention: keeping something from happening at all.
      {{"prevent", "prevents", "prevented", "preventing", "prevention", "preventive", "preventative", "onset"},
       {R::prevents, R::predicts}},
      // "Should I avoid massage?" asks about harm; "how do I avoid back pain?" about
      // prevention: "avoid" says harm first and fits both.
      {{"avoid", "avoiding", "avoided", "avoids"}, {R::harms, R::rarely_harms, R::prevents}},
      // Harm and safety.
      {{"harm",    "harms",     "harmful",    "dangerous",    "danger",        "injure", "injures", "injury",
        "hurt",    "damage",    "damages",    "rupture",      "ruptures",      "burst",  "bursts",  "tear",
        "unsafe",  "safe",      "safety",     "complication", "complications", "bad",    "adverse", "risky",
        "serious", "perforate", "perforates", "careful",      "caution"},
       {R::harms, R::rarely_harms}},
      {{"rare", "rarely", "seldom", "uncommon", "safe", "safely", "low"}, {R::rarely_harms}},
      // Necessity.
      {{"key",   "need",     "needs",     "needed", "essential", "must",   "crucial",
        "main",  "central",  "important", "always", "everyone",  "every",  "missing",
        "piece", "priority", "focus",     "target", "root",      "master", "cornerstone"},
       {R::needed_for, R::indicates}},
  };
  return cues;
}

// "better than", "more than", "beats", "versus": a comparison.
constexpr std::string_view kComparative[] = {"better", "beat",     "beats",      "than",        "versus",
                                             "vs",     "superior", "outperform", "outperforms", "compared",
                                             "rather", "instead",  "more",       "over"};

// Words (folded, stop words included) that deny what the sentence says.
constexpr std::string_view kNegations[] = {
    "not",         "no",       "never",  "none",    "nor",     "neither",  "nothing",       "don't",       "doesn't",
    "didn't",      "isn't",    "aren't", "wasn't",  "weren't", "can't",    "cannot",        "won't",       "wouldn't",
    "shouldn't",   "couldn't", "hasn't", "haven't", "myth",    "myths",    "unfounded",     "unsupported", "debunked",
    "disproved",   "untrue",   "false",  "lack",    "lacks",   "little",   "scant",         "thin",        "doubt",
    "doubtful",    "unlikely", "failed", "fail",    "fails",   "unproven", "misconception", "nonsense",    "overstated",
    "exaggerated", "busted",   "wrong",  "nobody",  "noone"};

// Words that leave a claim in doubt, wherever they stand in the sentence ("whether
// X holds is still an open question"): the sentence does not take it as true.
constexpr std::string_view kDoubts[] = {"unclear",      "uncertain",    "unknown",   "debated", "controversial",
                                        "questionable", "unconvincing", "unsettled", "disputed"};

// Words that report someone else's claim without taking it on.
constexpr std::string_view kReports[] = {
    "say",        "says",       "said",      "saying",    "added",    "claim",      "claims",      "claimed",
    "believe",    "believes",   "believed",  "according", "heard",    "told",       "tell",        "tells",
    "supposedly", "allegedly",  "insist",    "insists",   "swear",    "swears",     "argue",       "argues",
    "promise",    "promises",   "popular",   "idea",      "notion",   "theory",     "teach",       "teaches",
    "taught",     "preach",     "preaches",  "reckon",    "reckons",  "suggests",   "advertise",   "advertised",
    "marketed",   "so-called",  "goes",      "story",     "wisdom",   "folklore",   "influencers", "gurus",
    "describe",   "describes",  "described", "account",   "accounts", "pointed",    "quoted",      "maintain",
    "maintains",  "reportedly", "rumour",    "rumor",     "fans",     "proponents", "advocates",   "sellers",
    "marketing",  "read",       "hear",      "telling",   "claiming"};

struct Lexicon {
  std::unordered_map<std::string, Relations> relation;  // term -> relations it fits
  std::unordered_map<std::string, Relations> primary;   // term -> the relation it says first
};

const Lexicon& lexicon(Stemmer& stemmer) {
  static Lexicon lex;
  static std::once_flag once;
  std::call_once(once, [&] {
    for (const RelationCue& cue : relation_cues()) {
      const Relations rs = set_of(cue.relations);
      const Relations first = set_of({cue.relations.front()});
      for (std::string_view w : cue.words) {
        const std::string t = term_of(w, stemmer);
        lex.relation[t] |= rs;
        lex.primary[t] |= first;
      }
    }
  });
  return lex;
}

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// "Teach" reports a claim when what is taught is one ("have long taught that the
// psoas stores emotions"), not when it is a skill ("bridging teaches the muscles
// to work"): it reports only with a "that" within the next three words.
bool teaches_a_skill(const std::vector<std::string>& words, std::size_t w) {
  if (words[w] != "teach" && words[w] != "teaches" && words[w] != "taught") return false;
  for (std::size_t k = w + 1; k < words.size() && k <= w + 3; ++k) {
    if (words[k] == "that") return false;
  }
  return true;
}

}  // namespace

Cues find_cues(const TextAnalysis& text, Stemmer& stemmer) {
  const Lexicon& lex = lexicon(stemmer);
  Cues cues;
  for (std::size_t t = 0; t < text.terms.size(); ++t) {
    if (text.in_mention(t)) continue;
    if (auto it = lex.relation.find(text.terms[t]); it != lex.relation.end()) {
      cues.relations |= it->second;
      cues.primary |= lex.primary.at(text.terms[t]);
    }
  }
  // Comparatives and polarity are read from every word, stop words included
  // ("than", "not"), outside the concepts named.
  std::vector<bool> in_concept(text.words.size(), false);
  for (const auto& m : text.mentions) {
    for (std::uint32_t t = m.first; t < m.end; ++t) {
      // The words between a mention's first and last term belong to it as well.
      in_concept[text.term_word[t]] = true;
    }
  }
  // Stop words that still say how things are related: "because" says a cause, "in
  // the first place" prevention.
  for (std::size_t w = 0; w < text.words.size(); ++w) {
    if (text.words[w] == "why") {
      cues.relations |= set_of({R::causes, R::associated_with, R::predicts});
      cues.primary |= set_of({R::causes});
    }
    // "Because" gives a reason, which may be any relation between the two clauses
    // ("do not press on the belly, because it can injure organs"): it says a cause
    // first and fits every relation.
    if (text.words[w] == "because") {
      cues.relations.set();
      cues.primary |= set_of({R::causes});
    }
    // "People with back pain have ...": a comparison of groups, an association.
    if (w > 0 && text.words[w] == "with" &&
        (text.words[w - 1] == "people" || text.words[w - 1] == "patients" || text.words[w - 1] == "those" ||
         text.words[w - 1] == "sufferers" || text.words[w - 1] == "ppl" || text.words[w - 1] == "someone")) {
      cues.relations |= set_of({R::associated_with, R::causes, R::predicts});
      cues.primary |= set_of({R::associated_with});
    }
    // "have to", "has to", "got to": something is needed.
    if (w > 0 && text.words[w] == "to" &&
        (text.words[w - 1] == "have" || text.words[w - 1] == "has" || text.words[w - 1] == "got")) {
      cues.relations |= set_of({R::needed_for, R::indicates});
      cues.primary |= set_of({R::needed_for});
    }
    if (w > 0 && text.words[w - 1] == "first" && text.words[w] == "place") {
      cues.relations |= set_of({R::prevents, R::predicts});
      cues.primary |= set_of({R::prevents});
    }
  }
  // "Which ... X or Y?" compares X and Y.
  const bool which = std::find(text.words.begin(), text.words.end(), "which") != text.words.end();
  const bool alternative = std::find(text.words.begin(), text.words.end(), "or") != text.words.end();
  cues.comparative = which && alternative;
  for (std::size_t w = 0; w < text.words.size(); ++w) {
    if (in_concept[w]) continue;
    const std::string& word = text.words[w];
    // "better", "than", "versus", and any comparative adjective ("larger gains").
    if (contains(kComparative, word) || positive_degree(word) != word) cues.comparative = true;
    if (contains(kReports, word) && !teaches_a_skill(text.words, w)) cues.reports.push_back(w);
    // "a little more range" is not a denial; "little evidence" is. "An open
    // question" is.
    const bool quantity = word == "little" && w > 0 && text.words[w - 1] == "a";
    // "I have yet to see a study": not yet, so not.
    const bool not_yet = word == "yet" && w + 1 < text.words.size() && text.words[w + 1] == "to";
    if ((contains(kNegations, word) && !quantity) || not_yet) cues.denials.push_back(w);
    const bool open_question = word == "question" && w > 0 && text.words[w - 1] == "open";
    if (contains(kDoubts, word) || open_question) cues.doubts = true;
  }
  return cues;
}

void drop_alternatives(TextAnalysis& text) {
  constexpr std::size_t kReach = 4;
  std::vector<std::size_t> opens;  // the word after which an alternative starts
  for (std::size_t w = 1; w < text.words.size(); ++w) {
    const bool rather = text.words[w - 1] == "rather" && text.words[w] == "than";
    const bool instead = text.words[w - 1] == "instead" && text.words[w] == "of";
    if (rather || instead) opens.push_back(w);
  }
  if (opens.empty()) return;
  // A mention whose last word is in the alternative: one split by the opener
  // ("pain in the hip rather than in the back") is the alternative's too.
  auto set_aside = [&](const TextAnalysis::Mention& m) {
    const std::size_t at = text.term_word[m.end - 1];
    return std::any_of(opens.begin(), opens.end(), [&](std::size_t w) { return at > w && at <= w + kReach; });
  };
  text.mentions.erase(std::remove_if(text.mentions.begin(), text.mentions.end(), set_aside), text.mentions.end());
}

Polarity polarity_of(const TextAnalysis& text, const Cues& cues, const std::vector<std::size_t>& claim_mentions) {
  std::size_t last = 0;
  if (claim_mentions.empty()) {
    last = text.words.size();
  } else {
    for (std::size_t k : claim_mentions) {
      last = std::max<std::size_t>(last, text.term_word[text.mentions[k].end - 1]);
    }
  }
  if (cues.doubts) return Polarity::denies;
  // A reason given with "because" is said as fact: when the claim ends in it, a
  // denial before the claim's first words belongs to the other clause ("do not
  // press on the belly, because it can injure organs" asserts the harm; in
  // "tenderness tells you little, because even a healthy psoas hurts" the denial
  // follows the claim's first words, and denies).
  std::size_t first = text.words.size();
  for (std::size_t k : claim_mentions) {
    first = std::min<std::size_t>(first, text.term_word[text.mentions[k].first]);
  }
  const auto because = std::find(text.words.begin(), text.words.end(), "because") - text.words.begin();
  constexpr std::size_t kNegationReach = 3;
  for (std::size_t w : cues.denials) {
    if (w < first && last > static_cast<std::size_t>(because)) continue;
    if (w <= last + kNegationReach) return Polarity::denies;
    // A later clause that turns against what came before.
    for (std::size_t b = last + 1; b < w; ++b) {
      const std::string& word = text.words[b];
      if (word == "but" || word == "however" || word == "yet") return Polarity::denies;
    }
  }
  return cues.reports.empty() ? Polarity::asserts : Polarity::reports;
}

}  // namespace claimkb::detail
