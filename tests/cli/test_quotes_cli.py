"""`claimkb lint --quotes` (docs/cli.md): the quotes in findings against their
citations' abstracts, on a small KB written here and on the bundled KB.

Run by CTest as: python3 test_quotes_cli.py CLAIMKB_BINARY REPO_ROOT
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None
REPO = None

SUMMARY = re.compile(r"^quotes: (\d+) checked, (\d+) matched, (\d+) unverifiable \(no abstract\), (\d+) failed$")


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


CITATIONS = """\
- id: winters
  design: rct
  title: Stretching the hip flexors, a randomised trial
  authors: [Winters M]
  year: 2004
  journal: J Test
  abstract: >-
    RESULTS: Range of motion in both groups improved over time, but there were no
    differences between groups (p = 0.4). CONCLUSION: Passive and active stretching
    are equally effective.
- id: hatefi
  design: rct
  title: Hip flexor stretching in women with back pain
  authors: [Hatefi M]
  year: 2021
  journal: J Test
  abstract: The group x time interaction was not significant for pain.
- id: owen
  design: systematic_review
  title: Exercise for chronic low back pain
  authors: [Owen P]
  year: 2020
  journal: J Test
  of: randomized
- id: moreside
  design: rct
  title: Improvements in hip flexibility do not transfer to mobility in functional movement patterns
  authors: [Moreside JM]
  year: 2013
  journal: J Test
  abstract: Hip range of motion improved after six weeks of stretching.
"""

# Line numbers matter: the failure in the second link is at line 10, column 16
# (its finding is a plain scalar after "      finding: ", 15 characters).
CLAIMS = """\
- id: stretching-helps
  statement: Stretching the hip flexors helps.
  evidence:
    - citation: winters
      stance: supports
      finding: >-
        In 33 patients, "range of motion in both groups improved over time ... passive
        and active stretching are equally effective"; no quotes in 'single' marks count.
    - citation: hatefi
      finding: The trial found “a large effect on pain” in the psoas' own words.
      stance: refutes
    - citation: owen
      stance: neutral
      finding: The review says "stretching did not differ from control".
    - citation: moreside
      stance: supports
      finding: Its title says that "improvements in hip flexibility do not transfer".
"""


class QuotesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="claimkb-quotes-")
        for sub, text in (("claims", CLAIMS), ("citations", CITATIONS)):
            os.makedirs(os.path.join(self.dir, sub))
            with open(os.path.join(self.dir, sub, "kb.yaml"), "w", encoding="utf-8") as f:
                f.write(text)
        self.claims = os.path.join(self.dir, "claims", "kb.yaml")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_summary_failures_and_exit_code(self):
        r = run("lint", "--quotes", "--kb", self.dir)
        # Four quotes: the first matches (case, the line break and the ellipsis aside),
        # the second is not in hatefi's abstract, owen has no abstract, and the last
        # is part of moreside's title.
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout.splitlines()[-1],
                         "quotes: 4 checked, 1 matched, 1 unverifiable (no abstract), 2 failed")
        errors = [l for l in r.stderr.splitlines() if ": error: " in l]  # not the warning (no `about`)
        self.assertEqual(len(errors), 2, r.stderr)
        self.assertTrue(errors[0].startswith(self.claims + ":10:16: error: "), errors[0])
        self.assertIn("evidence link 2 (citation 'hatefi')", errors[0])
        self.assertIn('"a large effect on pain"', errors[0])
        self.assertIn("not in the citation's abstract", errors[0])
        self.assertTrue(errors[1].startswith(self.claims + ":17:16: error: "), errors[1])
        self.assertIn("title", errors[1])

    def test_json_has_the_counts_and_each_failure(self):
        r = run("lint", "--quotes", "--kb", self.dir, "--json")
        self.assertEqual(r.returncode, 1, r.stderr)
        q = json.loads(r.stdout)["quotes"]
        self.assertEqual([q["checked"], q["matched"], q["unverifiable"], q["failed"]], [4, 1, 1, 2])
        self.assertEqual([(f["file"], f["line"], f["column"], f["code"]) for f in q["failures"]],
                         [(self.claims, 10, 16, "invalid_kb"), (self.claims, 17, 16, "invalid_kb")])

    def test_without_the_flag_nothing_changes(self):
        r = run("lint", "--kb", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("quotes:", r.stdout)
        self.assertNotIn("quotes", json.loads(run("lint", "--kb", self.dir, "--json").stdout))

    def test_all_matched_or_unverifiable_exits_0(self):
        with open(self.claims, "w", encoding="utf-8") as f:
            f.write(CLAIMS.split("    - citation: hatefi")[0])
        r = run("lint", "--quotes", "--kb", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines()[-1],
                         "quotes: 1 checked, 1 matched, 0 unverifiable (no abstract), 0 failed")

    def test_bundled_kb_has_no_failed_quote(self):
        r = run("lint", "--quotes", "--kb", REPO)
        self.assertEqual(r.returncode, 0, r.stderr)
        m = SUMMARY.match(r.stdout.splitlines()[-1])
        self.assertIsNotNone(m, r.stdout)
        checked, matched, unverifiable, failed = map(int, m.groups())
        self.assertEqual(failed, 0)
        self.assertEqual(checked, matched + unverifiable)
        self.assertGreater(checked, 0)  # its findings do quote their studies
        q = json.loads(run("lint", "--quotes", "--kb", REPO, "--json").stdout)["quotes"]
        self.assertEqual([q["checked"], q["matched"], q["unverifiable"], q["failed"], q["failures"]],
                         [checked, matched, unverifiable, 0, []])


if __name__ == "__main__":
    REPO = sys.argv.pop(2)
    BINARY = sys.argv.pop(1)
    unittest.main()
