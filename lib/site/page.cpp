#include "site/page.hpp"

#include "site/html.hpp"

namespace claimkb::site {

std::string render(const Page& p) {
  std::string out;
  out.reserve(p.body.size() + p.head.size() + 1200);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + escape(p.title) + " \u2014 claimkb</title>\n";
  if (!p.description.empty()) out += R"(<meta name="description" content=")" + escape(p.description) + "\">\n";
  out += R"(<link rel="stylesheet" href=")" + p.root + "style.css\">\n";
  out += p.head;
  out += "</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n";
  out += R"(<header><nav aria-label="Site"><a href=")" + p.root + R"(index.html">All claims</a> <a href=")" + p.root +
         "about.html\">About the ratings</a></nav></header>\n";
  out += "<main id=\"main\">\n" + p.body + "</main>\n";
  out +=
      R"(<footer><p>Written by claimkb from an evidence-graded knowledge base. Verdicts follow GRADE; see <a href=")" +
      p.root + "about.html\">about the ratings</a>.</p></footer>\n";
  out += p.scripts;
  out += "</body>\n</html>\n";
  return out;
}

std::string_view stylesheet() {
  // Colours keep a contrast of at least 4.5:1 with their backgrounds (WCAG AA).
  return R"css(*{box-sizing:border-box}[hidden]{display:none!important}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:60rem;padding:0 1rem;overflow-wrap:anywhere}
a{color:#0b4f9c}a:visited{color:#5a2d8c}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header nav{display:flex;gap:1.5rem;padding:.75rem 0;border-bottom:1px solid #ccc}
footer{margin-top:3rem;border-top:1px solid #ccc;font-size:.9rem;color:#444}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem}
.verdict{border-left:6px solid #666;padding:.5rem 1rem;background:#f5f5f5;margin:1rem 0}
.badge{display:inline-block;padding:0 .4rem;border-radius:.25rem;font-weight:600;white-space:nowrap}
.v-supported{background:#dff0dc;color:#1b5e20;border-color:#2e7d32}
.v-refuted{background:#fbe1de;color:#8e1b10;border-color:#c0392b}
.v-mixed{background:#fcefcf;color:#6b4a00;border-color:#b7860b}
.v-insufficient{background:#ececec;color:#333;border-color:#777}
.stance-supports{background:#dff0dc;color:#1b5e20}.stance-refutes{background:#fbe1de;color:#8e1b10}.stance-neutral{background:#ececec;color:#333}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.claims li{margin:.5rem 0}
.meta{color:#444;font-size:.9rem}
.finder{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0;padding:.75rem;background:#f5f5f5}
.finder label{display:flex;flex-direction:column;font-size:.9rem}
.finder input,.finder select{font-size:1rem;padding:.3rem;min-width:10rem;max-width:100%}
blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #bbb}
.graph svg{max-width:100%;height:auto}
.studies>li{margin:1rem 0}
ol.notes{font-size:.9rem}
@media (max-width:40rem){body{font-size:17px}th,td{padding:.25rem}.finder label{flex:1 1 100%;min-width:0}.finder input,.finder select{min-width:0;width:100%}}
@media print{header nav,.finder,.skip,footer{display:none}a{color:#000}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}body{max-width:none}}
)css";
}

}  // namespace claimkb::site
