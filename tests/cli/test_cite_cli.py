"""`claimkb export` and `claimkb import` as a curator and other programs use them (docs/cli.md).

Run by CTest as: python3 test_cite_cli.py CLAIMKB_BINARY SOURCE_DIR
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

import yaml

BINARY = None
SOURCE = None
BIBLIOGRAPHIC = ("authors", "title", "journal", "publisher", "year", "volume", "issue", "pages", "article",
                 "doi", "pmid", "pmcid", "url")


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def empty_kb(root):
    for sub in ("claims", "citations"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)


def fixture(name):
    return os.path.join(SOURCE, "tests", "data", "cite", name)


def bundled_citations():
    out = []
    for path in sorted(glob.glob(os.path.join(SOURCE, "citations", "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or []
        out.extend(data if isinstance(data, list) else [data])
    return out


class RoundTrip(unittest.TestCase):
    def test_every_format_reproduces_every_bundled_field(self):
        # The KB's order is its files' path order, then the order in each file
        # (docs/format.md), which export and import keep: records pair by position.
        cites = bundled_citations()
        with tempfile.TemporaryDirectory() as tmp:
            kb = os.path.join(tmp, "kb")
            empty_kb(kb)
            for fmt in ("csl-json", "ris", "bibtex", "nbib"):
                with self.subTest(format=fmt):
                    out = os.path.join(tmp, "export." + fmt)
                    r = run("export", "--kb", SOURCE, "--format", fmt, "-o", out)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    r = run("import", out, "--kb", kb, "--dry-run", "--json")
                    self.assertEqual(r.returncode, 0, r.stderr)
                    got = json.loads(r.stdout)
                    self.assertEqual(len(got["added"]), len(cites))
                    self.assertEqual(got["written"], None)  # --dry-run
                    for rec, want in zip(got["added"], cites):
                        c = rec["citation"]
                        for key in BIBLIOGRAPHIC:
                            # YAML reads `volume: "8"` as text and `year: 2007` as a number,
                            # as the KB does; an absent key is absent in both.
                            self.assertEqual(c.get(key), want.get(key), f"{want['id']}: {key}")


class Import(unittest.TestCase):
    def test_write_append_skip_and_load(self):
        with tempfile.TemporaryDirectory() as kb:
            empty_kb(kb)
            target = os.path.join(kb, "citations", "imported.yaml")
            # An existing file's text and comments are kept as they are.
            head = "# my notes\n- id: keep2000  # keep this comment\n  design: web\n  title: \"Kept\"\n" \
                   "  authors: []\n  year: 2000\n  publisher: \"Me\"\n"
            with open(target, "w", encoding="utf-8") as f:
                f.write(head)
            r = run("import", fixture("medline.nbib"), "--kb", kb)
            self.assertEqual(r.returncode, 0, r.stderr)
            # Three records (hatefi2021, hellsing1988, bieringsorensen1984), none in the KB.
            self.assertIn("wrote 3 citations", r.stdout)
            with open(target, encoding="utf-8") as f:
                text = f.read()
            self.assertTrue(text.startswith(head))
            self.assertIn('- id: "hatefi2021"\n  design: rct\n', text)
            # The KB with the imported records loads: lint exits 0.
            lint = run("lint", "--kb", kb)
            self.assertEqual(lint.returncode, 0, lint.stdout + lint.stderr)
            show = json.loads(run("show", "hellsing1988", "--kb", kb, "--json").stdout)
            self.assertEqual(show["authors"], ["Hellsing AL"])
            self.assertEqual(show["design"], "expert_opinion")

            # Again: every record is in the KB now, by PMID or DOI; the file is unchanged.
            r = run("import", fixture("medline.nbib"), "--kb", kb, "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            got = json.loads(r.stdout)
            self.assertEqual(got["added"], [])
            self.assertEqual([s["existing"] for s in got["skipped"]],
                             ["hatefi2021", "hellsing1988", "bieringsorensen1984"])
            with open(target, encoding="utf-8") as f:
                self.assertEqual(f.read(), text)

    def test_a_bad_file_imports_nothing(self):
        with tempfile.TemporaryDirectory() as kb:
            empty_kb(kb)
            bad = os.path.join(kb, "bad.ris")
            with open(bad, "wb") as f:
                f.write(b"TY  - JOUR\nTI  - caf\xe9\nPY  - 2001\nER  - \n")
            r = run("import", fixture("ris-traps.ris"), bad, "--kb", kb)
            self.assertEqual(r.returncode, 1)
            # "TI  - caf" is 9 bytes: the bad byte is column 10 of line 2.
            self.assertIn(bad + ":2:10: error: invalid UTF-8 (byte 0xE9)", r.stderr)
            self.assertFalse(os.path.exists(os.path.join(kb, "citations", "imported.yaml")))

    def test_systematic_review_warns_and_dry_run_writes_nothing(self):
        with tempfile.TemporaryDirectory() as kb:
            empty_kb(kb)
            sr = os.path.join(kb, "sr.nbib")
            with open(sr, "w", encoding="utf-8") as f:
                f.write("TI  - A review\nAU  - Sadler SG\nDP  - 2017\nPT  - Systematic Review\n")
            r = run("import", sr, "--kb", kb, "--dry-run")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("sr.nbib:1:1: warning: citation 'sadler2017' is suggested to be a systematic_review",
                          r.stderr)
            self.assertIn("dry run: would add 1 citations", r.stdout)
            self.assertEqual(os.listdir(os.path.join(kb, "citations")), [])

    def test_a_single_record_file_cannot_take_items(self):
        with tempfile.TemporaryDirectory() as kb:
            empty_kb(kb)
            one = os.path.join(kb, "citations", "one.yaml")
            with open(one, "w", encoding="utf-8") as f:
                f.write("id: one2000\ndesign: web\ntitle: One\nauthors: []\nyear: 2000\npublisher: Me\n")
            r = run("import", fixture("csl.json"), "--kb", kb, "-o", "citations/one.yaml")
            self.assertEqual(r.returncode, 2)
            self.assertIn("one.yaml:1:1: error: this file holds one record", r.stderr)


class Export(unittest.TestCase):
    def test_unknown_format_is_bad_usage(self):
        r = run("export", "--kb", SOURCE, "--format", "endnote")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown format 'endnote'", r.stderr)

    def test_ris_has_one_record_per_citation(self):
        r = run("export", "--kb", SOURCE, "--format", "ris")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.count("TY  - "), len(bundled_citations()))
        self.assertEqual(r.stdout.count("ER  - "), len(bundled_citations()))


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    SOURCE = os.path.abspath(sys.argv.pop(1))
    unittest.main()
