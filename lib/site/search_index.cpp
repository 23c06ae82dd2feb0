// search-index.js and finder.js: the index page's search box and filters, offline.
#include <nlohmann/json.hpp>

#include "claimkb/text.hpp"
#include "site/html.hpp"
#include "site/pages.hpp"

namespace claimkb::site {

std::string search_index_script(const Context& ctx) {
  using nlohmann::json;
  const KnowledgeBase& kb = *ctx.kb;
  // Concepts: id -> [label, the words people use for it].
  json concepts = json::object();
  for (std::size_t i = 0; i < kb.concept_count(); ++i) {
    const Concept& c = kb.concept_at(i);
    std::string words;
    for (const auto& s : c.synonyms) words += (words.empty() ? "" : " ") + s.text;
    concepts[c.id] = json::array({to_valid_utf8(c.label.empty() ? c.id : c.label), to_valid_utf8(words)});
  }
  // Claims: [id, statement, verdict, certainty or "", tags, concept ids, aliases].
  json claims = json::array();
  for (std::size_t i = 0; i < kb.claim_count(); ++i) {
    const Claim& c = kb.claim_at(i);
    const Grade& g = kb.grade_at(i);
    json about = json::array();
    if (c.about) {
      for (const auto* ids : {&c.about->subject, &c.about->object, &c.about->compared_with, &c.about->population}) {
        for (const auto& id : *ids) about.push_back(id);
      }
    }
    json tags = json::array();
    for (const auto& t : c.tags) tags.push_back(to_valid_utf8(t));
    std::string aliases;
    for (const auto& a : c.aliases) aliases += (aliases.empty() ? "" : " ") + a;
    claims.push_back(json::array({c.id, to_valid_utf8(c.statement), std::string(to_string(g.verdict)),
                                  g.certainty ? human(to_string(*g.certainty)) : std::string(), tags, about,
                                  to_valid_utf8(aliases)}));
  }
  const json index = {{"concepts", concepts}, {"claims", claims}};
  return "window.CLAIMKB_INDEX=" + json_for_script(index.dump(-1, ' ', false, json::error_handler_t::replace)) + ";\n";
}

std::string_view finder_script() {
  return R"js(// The search box and filters of the index pages: plain JavaScript over search-index.js.
(function () {
  "use strict";
  var data = window.CLAIMKB_INDEX, form = document.getElementById("finder");
  if (!data || !form) return;
  var q = document.getElementById("q"), fv = document.getElementById("f-verdict");
  var ft = document.getElementById("f-tag"), fc = document.getElementById("f-concept");
  var results = document.getElementById("results"), listing = document.getElementById("listing");
  var status = document.getElementById("finder-status");
  var LIMIT = 200;
  function words(text) { return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; }); }
  function option(select, value, label) {
    var o = document.createElement("option"); o.value = value; o.textContent = label; select.appendChild(o);
  }
  var tags = {}, used = {};
  var claims = data.claims.map(function (c) {
    var text = [c[1], c[6], c[4].join(" ")];
    c[4].forEach(function (t) { tags[t] = true; });
    c[5].forEach(function (id) {
      used[id] = true;
      var k = data.concepts[id];
      if (k) text.push(k[0], k[1]);
    });
    return { id: c[0], statement: c[1], verdict: c[2], certainty: c[3], tags: c[4], concepts: c[5],
             words: words(text.join(" ")) };
  });
  Object.keys(tags).sort().forEach(function (t) { option(ft, t, t); });
  Object.keys(used).map(function (id) { return [data.concepts[id] ? data.concepts[id][0] : id, id]; })
    .sort(function (a, b) { return a[0].localeCompare(b[0]); })
    .forEach(function (p) { option(fc, p[1], p[0]); });
  function verdictWords(c) {
    if (c.verdict === "insufficient" || !c.certainty) return "Not enough evidence";
    return c.verdict.charAt(0).toUpperCase() + c.verdict.slice(1) + ", " + c.certainty + " certainty";
  }
  function matches(c, terms) {
    return terms.every(function (t) { return c.words.some(function (w) { return w.lastIndexOf(t, 0) === 0; }); });
  }
  function update() {
    var terms = words(q.value), v = fv.value, t = ft.value, k = fc.value;
    if (!terms.length && !v && !t && !k) {
      results.hidden = true; listing.hidden = false; status.textContent = ""; return;
    }
    var found = claims.filter(function (c) {
      return (!v || c.verdict === v) && (!t || c.tags.indexOf(t) >= 0) && (!k || c.concepts.indexOf(k) >= 0) &&
             matches(c, terms);
    });
    results.textContent = "";
    found.slice(0, LIMIT).forEach(function (c) {
      var li = document.createElement("li"), a = document.createElement("a"), s = document.createElement("span");
      a.href = "claims/" + c.id + ".html"; a.textContent = c.statement;
      s.className = "badge v-" + c.verdict; s.textContent = verdictWords(c);
      li.appendChild(a); li.appendChild(document.createTextNode(" ")); li.appendChild(s);
      results.appendChild(li);
    });
    status.textContent = found.length === 1 ? "1 claim found." :
      found.length + " claims found." + (found.length > LIMIT ? " Showing the first " + LIMIT + "." : "");
    results.hidden = false; listing.hidden = true;
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  [q, fv, ft, fc].forEach(function (el) { el.addEventListener("input", update); el.addEventListener("change", update); });
  update();
})();
)js";
}

}  // namespace claimkb::site
