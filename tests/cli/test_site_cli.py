"""`claimkb site` (docs/site.md): every page of the bundled KB's site and of a KB with
markup in every field parses as HTML, every local link resolves, and every claim page
carries one ClaimReview JSON-LD block with the required fields.

Run by CTest as: python3 test_site_cli.py CLAIMKB_BINARY SOURCE_DIR
"""
import html.parser
import json
import os
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

import yaml

BINARY = None
SOURCE = None
# Would open a tag, end an attribute, start an entity and close a script if printed raw.
NASTY = """</script><b onclick='x()'>"A & B" <!-- c -->"""
VOID = {"meta", "link", "br", "hr", "img", "input", "area", "base", "col", "source", "wbr"}
# SVG's shapes are written self-closed (<rect .../>); html.parser reports them as start+end.
SELF_CLOSED_OK = {"rect", "line", "path", "circle"}


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


class PageChecker(html.parser.HTMLParser):
    """Collects links, scripts and tag-balance problems of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.links, self.ids = [], [], [], set()
        self.json_ld, self.in_json, self.scripts, self.lang = [], False, [], None
        self.handlers = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        for name, _ in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a:
                self.links.append(a[key])
        if tag == "script":
            self.scripts.append(a.get("type") or a.get("src"))
            self.in_json = a.get("type") == "application/ld+json"
            if self.in_json:
                self.json_ld.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID and tag not in SELF_CLOSED_OK:
            self.problems.append("self-closed <%s/>" % tag)
        for key in ("href", "src"):
            if key in dict(attrs):
                self.links.append(dict(attrs)[key])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "script":
            self.in_json = False

    def handle_data(self, data):
        if self.in_json:
            self.json_ld[-1] += data

    def handle_comment(self, data):
        self.problems.append("comment <!--%s-->" % data)


def check_site(test, root):
    """Parses every page under root; returns {relative path: PageChecker}."""
    pages = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".html"):
                path = os.path.join(dirpath, f)
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
                p = PageChecker()
                p.feed(text)
                p.close()
                rel = os.path.relpath(path, root)
                test.assertEqual(p.problems, [], rel)
                test.assertEqual(p.stack, [], rel + ": unclosed elements")
                test.assertEqual(p.handlers, [], rel + ": inline event handlers")
                test.assertEqual(p.lang, "en", rel)
                test.assertIn('name="viewport"', text, rel)
                test.assertLess(len(text.encode()), 100_000, rel)
                pages[rel] = p
    for rel, p in pages.items():
        for link in p.links:
            url = urllib.parse.urlparse(link)
            if url.scheme in ("http", "https"):
                continue
            test.assertEqual(url.scheme, "", "%s: %s" % (rel, link))
            target = os.path.normpath(os.path.join(root, os.path.dirname(rel), urllib.parse.unquote(url.path)))
            if url.path:
                test.assertTrue(os.path.isfile(target), "%s links to missing %s" % (rel, link))
            if url.fragment:
                other = pages.get(os.path.relpath(target, root)) if url.path else p
                test.assertIn(url.fragment, other.ids, "%s: no #%s" % (rel, url.fragment))
    return pages


def check_claim_reviews(test, pages, base):
    for rel, p in pages.items():
        if not rel.startswith("claims" + os.sep):
            test.assertEqual(p.json_ld, [], rel)
            continue
        test.assertEqual(len(p.json_ld), 1, rel)
        j = json.loads(p.json_ld[0])
        test.assertEqual(j["@type"], "ClaimReview")
        test.assertEqual(j["@context"], "https://schema.org")
        test.assertLessEqual(len(j["claimReviewed"]), 75, rel)
        test.assertTrue(j["claimReviewed"], rel)
        test.assertEqual(j["url"], base + rel.replace(os.sep, "/"))
        test.assertEqual(j["author"]["name"], "claimkb")
        test.assertEqual(j["datePublished"], "2026-01-02")
        r = j["reviewRating"]
        test.assertIn(r["ratingValue"], [1, 2, 3, 4, 5])
        test.assertEqual((r["worstRating"], r["bestRating"]), (1, 5))
        test.assertTrue(r["alternateName"])
        test.assertEqual(j["itemReviewed"]["@type"], "Claim")
        test.assertIsInstance(j["itemReviewed"]["appearance"], list)


class BundledSite(unittest.TestCase):
    def test_every_page_parses_links_resolve_and_reviews_are_complete(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "site")
            r = run("site", "-o", out, "--kb", SOURCE, "--date", "2026-01-02", "--base-url", "https://example.org/kb")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("wrote", r.stdout)
            pages = check_site(self, out)
            claims = [p for p in pages if p.startswith("claims")]
            citations = [p for p in pages if p.startswith("citations")]
            kb = json.loads(run("list", "--kb", SOURCE, "--json").stdout)
            n_claims = len(kb["claims"]) if isinstance(kb, dict) else len(kb)
            self.assertEqual(len(claims), n_claims)
            self.assertTrue(citations)
            check_claim_reviews(self, pages, "https://example.org/kb/")
            # The verdict comes first: before the summary-of-findings table on every claim page.
            for rel in claims:
                with open(os.path.join(out, rel), encoding="utf-8") as f:
                    text = f.read()
                self.assertLess(text.index("Verdict:"), text.index("Summary of findings"), rel)
                self.assertIn("<svg", text, rel)
                self.assertIn("<title id=\"graph-title\">", text, rel)


class NastySite(unittest.TestCase):
    def write_kb(self, root):
        os.makedirs(os.path.join(root, "claims"))
        os.makedirs(os.path.join(root, "citations"))
        os.makedirs(os.path.join(root, "concepts"))
        concepts = [{"id": "thing", "label": NASTY, "synonyms": [NASTY]},
                    {"id": "outcome", "label": "Outcome & <more>", "synonyms": ["outcome words"]}]
        citations = [{"id": "trial1", "design": "rct", "title": NASTY, "authors": [NASTY], "year": 2001,
                      "journal": NASTY, "n": 500, "doi": "10.1000/x<y&z", "pmid": "123", "abstract": NASTY,
                      "notes": NASTY},
                     {"id": "blog", "design": "web", "title": NASTY, "authors": [], "year": 2020, "publisher": NASTY,
                      "url": "https://example.org/?a=1&b=<2>"}]
        claims = [{"id": "nasty", "statement": NASTY, "aliases": [NASTY], "tags": [NASTY],
                   "about": {"subject": ["thing"], "relation": "causes", "object": ["outcome"]},
                   "asserted_by": [{"citation": "blog", "quote": NASTY}],
                   "evidence": [{"citation": "trial1", "stance": "supports", "finding": NASTY, "notes": NASTY}],
                   "notes": NASTY},
                  {"id": "user", "statement": "Uses " + NASTY, "depends_on": ["nasty"]}]
        for sub, data in (("concepts", concepts), ("citations", citations), ("claims", claims)):
            with open(os.path.join(root, sub, "a.yaml"), "w", encoding="utf-8") as f:
                yaml.safe_dump(data, f, allow_unicode=True)

    def test_markup_in_every_field_breaks_no_page(self):
        with tempfile.TemporaryDirectory() as tmp:
            kb = os.path.join(tmp, "kb")
            self.write_kb(kb)
            out = os.path.join(tmp, "site")
            r = run("site", "-o", out, "--kb", kb, "--date", "2026-01-02")
            self.assertEqual(r.returncode, 0, r.stderr)
            pages = check_site(self, out)
            self.assertEqual(len(pages), 6)  # 2 claims, 2 citations, index, about
            check_claim_reviews(self, pages, "")
            j = json.loads(pages[os.path.join("claims", "nasty.html")].json_ld[0])
            self.assertEqual(j["claimReviewed"], NASTY)  # 44 characters: whole
            self.assertEqual(j["itemReviewed"]["appearance"][0]["name"], NASTY)
            with open(os.path.join(out, "claims", "nasty.html"), encoding="utf-8") as f:
                text = f.read()
            # The statement appears as text (the parser decodes it back), never as markup.
            self.assertNotIn("<b onclick", text)
            self.assertIn("&lt;b onclick=&#39;x()&#39;&gt;", text)
            with open(os.path.join(out, "search-index.js"), encoding="utf-8") as f:
                index = f.read()
            data = json.loads(index[len("window.CLAIMKB_INDEX="):].rstrip().rstrip(";"))
            self.assertEqual(data["claims"][0][1], NASTY)

    def test_replaces_its_own_site_and_refuses_other_folders(self):
        with tempfile.TemporaryDirectory() as tmp:
            kb = os.path.join(tmp, "kb")
            self.write_kb(kb)
            out = os.path.join(tmp, "site")
            self.assertEqual(run("site", "-o", out, "--kb", kb).returncode, 0)
            with open(os.path.join(out, "stale.html"), "w") as f:
                f.write("old")
            r = run("site", "-o", out, "--kb", kb, "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout)["pages"], 6)
            self.assertFalse(os.path.exists(os.path.join(out, "stale.html")))
            self.assertEqual(sorted(os.listdir(tmp)), ["kb", "site"])  # nothing left beside it
            mine = os.path.join(tmp, "mine")
            os.makedirs(mine)
            with open(os.path.join(mine, "keep.txt"), "w") as f:
                f.write("mine")
            r = run("site", "-o", mine, "--kb", kb)
            self.assertEqual(r.returncode, 4)
            self.assertRegex(r.stderr, r"mine:1:1: error: the folder is not empty")
            self.assertEqual(os.listdir(mine), ["keep.txt"])
            r = run("site", "-o", out, "--kb", kb, "--base-url", "ftp://x")
            self.assertEqual(r.returncode, 2)
            self.assertIn("must start with http:// or https://", r.stderr)


if __name__ == "__main__":
    BINARY, SOURCE = sys.argv[1], os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1])
