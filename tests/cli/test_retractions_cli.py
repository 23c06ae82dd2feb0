"""`claimkb retractions` as a curator uses it (docs/cli.md, docs/retractions.md).

Run by CTest as: python3 test_retractions_cli.py CLAIMKB_BINARY SOURCE_DIR
The KB and the notices are invented (tests/data/cite/README.md).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None
SOURCE = None
NOTICES = ("retraction-watch.csv", "crossref-works.json", "pubmed-notices.nbib")


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True)


def data(name):
    return os.path.join(SOURCE, "tests", "data", "cite", name)


class Retractions(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.kb = os.path.join(self.tmp, "kb")
        shutil.copytree(data("retractions-kb"), self.kb)
        self.file = os.path.join(self.kb, "citations", "trials.yaml")
        with open(self.file, "rb") as f:
            self.original = f.read()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def notices(self):
        return [data(n) for n in NOTICES]

    def test_dry_run_prints_the_moves_and_writes_nothing(self):
        r = run("retractions", "--kb", self.kb, *self.notices())
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        # One trial behind each claim: retracted, the claim has nothing counted.
        self.assertIn("claim stretching-helps-neck-pain: supported (moderate) -> insufficient", out)
        self.assertIn("claim walking-helps-neck-pain: insufficient -> supported (moderate)", out)
        self.assertIn("because: smith2019: retracted 2021-04-15", out)
        self.assertNotIn("claim massage-helps-neck-pain", out)  # an expression of concern only warns
        self.assertIn("expression_of_concern", r.stderr.decode())
        with open(self.file, "rb") as f:
            self.assertEqual(f.read(), self.original)

    def test_a_compiled_snapshot_is_read_but_never_written(self):
        # retractions --apply and import (without --dry-run) write into the KB's YAML;
        # a snapshot has none: usage error (2), naming the snapshot at 1:1.
        snap = os.path.join(self.tmp, "kb.ckb")
        self.assertEqual(run("compile", "--kb", self.kb, "-o", snap).returncode, 0)
        r = run("retractions", "--kb", snap, *self.notices())
        self.assertEqual(r.returncode, 0, r.stderr)  # reading is fine
        for args in (["retractions", "--kb", snap, "--apply", *self.notices()],
                     ["import", "--kb", snap, data("csl.json")]):
            r = run(*args)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertTrue(r.stderr.decode().startswith(f"{snap}:1:1: error: a compiled snapshot cannot "),
                            r.stderr)
        self.assertEqual(run("import", "--kb", snap, "--dry-run", data("csl.json")).returncode, 0)

    def test_apply_writes_in_place_and_the_kb_then_agrees(self):
        r = run("retractions", "--kb", self.kb, "--apply", "--json", *self.notices())
        self.assertEqual(r.returncode, 0, r.stderr)
        got = json.loads(r.stdout)
        self.assertEqual(got["written"], [self.file])
        actions = {c["id"]: c["action"] for c in got["citations"]}
        self.assertEqual(actions, {"smith2019": "retract", "jones2020": "warn", "brown2018": "unchanged",
                                   "green2017": "lift", "white2016": "retract", "black2015": "retract"})
        moved = {c["id"]: (c["before"]["verdict"], c["after"]["verdict"]) for c in got["claims"]}
        self.assertEqual(moved["yoga-helps-neck-pain"], ("supported", "insufficient"))
        with open(self.file, "rb") as f:
            text = f.read()
        # Every original line is kept but green2017's three `retracted` lines; three
        # blocks of three lines are added.
        removed = b'  retracted:\n    date: "2019-03-01"\n    notice: "https://doi.org/10.5555/retraction.delta"\n'
        self.assertEqual(len(text.splitlines()), len(self.original.splitlines()) - 3 + 9)
        self.assertIn(b"# a comment inside the record\n  retracted:\n    date: \"2021-04-15\"", text)
        self.assertEqual(text.replace(b'  retracted:\n    date: "2021-04-15"\n    notice: '
                                      b'"https://doi.org/10.5555/retraction.alpha"\n', b"")
                         .replace(b'  retracted:\n    date: "2022-01-10"\n    notice: '
                                  b'"https://doi.org/10.5555/retraction.white"\n', b"")
                         .replace(b'  retracted:\n    date: "2020-11-30"\n    notice: '
                                  b'"https://doi.org/10.5555/retraction.eps"\n', b""),
                         self.original.replace(removed, b""))
        # The KB now grades as the dry run said, and a second run changes nothing.
        v = run("verdict", "yoga-helps-neck-pain", "--kb", self.kb, "--json")
        self.assertEqual(json.loads(v.stdout)["verdict"], "insufficient")
        again = run("retractions", "--kb", self.kb, "--json", *self.notices())
        self.assertEqual(json.loads(again.stdout)["claims"], [])

    def test_bad_input_names_the_place_and_changes_nothing(self):
        bad = os.path.join(self.tmp, "bad.csv")
        with open(data("retraction-watch.csv"), "rb") as f:
            rows = f.read().split(b"\r\n")
        rows[1] = rows[1].replace(b"4/15/2021 0:00", b"13/45/2021 0:00")  # row 90001: its date is on line 3
        with open(bad, "wb") as f:
            f.write(b"\r\n".join(rows))
        r = run("retractions", "--kb", self.kb, "--apply", bad)
        self.assertEqual(r.returncode, 1)
        self.assertIn(bad + ":3:", r.stderr.decode())
        self.assertIn("13/45/2021", r.stderr.decode())
        with open(self.file, "rb") as f:
            self.assertEqual(f.read(), self.original)
        r = run("retractions", "--kb", self.kb, data("csl.json"))
        self.assertEqual(r.returncode, 0)  # CSL-JSON read as Crossref JSON: no notices in it
        self.assertIn("read 0 notices", r.stdout.decode())


if __name__ == "__main__":
    BINARY, SOURCE = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1])
