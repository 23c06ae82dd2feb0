"""The claimkb command as other programs see it (docs/cli.md): JSON shapes and exit codes.

Run by CTest as: python3 test_cli.py CLAIMKB_BINARY
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None


def run(*args, env=None):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, env=env)


def write_kb(root, claims, citations):
    for sub, text in (("claims", claims), ("citations", citations)):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
        with open(os.path.join(root, sub, "kb.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


CITATIONS = """
- id: trial1
  design: rct
  title: A trial of things
  authors: [Smith J, Jones K]
  year: 2001
  journal: J Test
  volume: "12"
  issue: "3"
  pages: 100-109
  doi: 10.1000/trial1
  pmid: "123456"
  n: 120
- id: blog
  design: web
  title: A blog post
  authors: [Writer W]
  year: 2020
  publisher: Blog Site
"""

CLAIMS = """
- id: premise
  statement: Things exist.
- id: things-help
  statement: Things help.
  aliases: [do things help]
  asserted_by: [{citation: blog, quote: "Things help a lot."}]
  depends_on: [premise]
  evidence:
    - {citation: trial1, stance: supports, finding: Things helped.}
    - {citation: blog, stance: supports, finding: The blog says so.}
"""


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="claimkb-cli-")
        write_kb(self.dir, CLAIMS, CITATIONS)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_verdict_json_has_the_spec_shape(self):
        r = run("verdict", "things-help", "--kb", self.dir, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        j = json.loads(r.stdout)
        # The contract's keys, in order, then how the text was matched (docs/cli.md).
        self.assertEqual(list(j), ["id", "statement", "verdict", "certainty", "summary", "reasons",
                                   "evidence", "asserted_by", "premises", "warnings", "match"])
        self.assertEqual(j["match"], {"by": "id", "concepts": []})
        # One RCT, n 120 < 400: 4 - 1 = moderate, supported. The premise has no
        # evidence (insufficient), which caps a supported claim at very low (§3.5).
        self.assertEqual(j["verdict"], "supported")
        self.assertEqual(j["certainty"], "very_low")
        self.assertIn("supports: -1 imprecision: 120 participants < 400", j["reasons"])
        self.assertEqual([list(e) for e in j["evidence"]],
                         [["citation", "stance", "design", "counted", "finding", "reference"]] * 2)
        self.assertEqual(j["evidence"][0]["reference"],
                         "Smith J, Jones K. A trial of things. J Test. 2001;12(3):100-9. "
                         "doi: 10.1000/trial1. PMID: 123456.")
        self.assertTrue(j["evidence"][0]["counted"])
        self.assertFalse(j["evidence"][1]["counted"])  # opinion: listed, never counted
        self.assertEqual(j["asserted_by"][0]["quote"], "Things help a lot.")
        self.assertEqual(j["premises"], [{"id": "premise", "verdict": "insufficient",
                                          "certainty": None}])
        self.assertEqual(j["warnings"], [])

    def test_options_may_come_before_the_subcommand(self):
        r = run("--kb", self.dir, "--json", "verdict", "premise")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIsNone(json.loads(r.stdout)["certainty"])

    def test_text_output_explains(self):
        r = run("verdict", "things-help", "--kb", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Verdict: supported (very_low certainty)", r.stdout)
        self.assertIn("Smith J, Jones K. A trial of things.", r.stdout)

    def test_list_json(self):
        r = run("list", "--kb", self.dir, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout), [
            {"id": "premise", "statement": "Things exist.", "verdict": "insufficient",
             "certainty": None},
            {"id": "things-help", "statement": "Things help.", "verdict": "supported",
             "certainty": "very_low"}])

    def test_unknown_claim_exits_3(self):
        r = run("verdict", "no-such-claim", "--kb", self.dir)
        self.assertEqual(r.returncode, 3)
        self.assertIn("no-such-claim", r.stderr)

    def test_bad_usage_exits_2(self):
        self.assertEqual(run("verdict").returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("list", "--no-such-flag").returncode, 2)
        self.assertEqual(run().returncode, 2)

    def test_help_exits_0(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("verdict", r.stdout)

    def test_invalid_kb_exits_1_with_every_error(self):
        write_kb(self.dir, CLAIMS + "- {id: bad, statment: x}\n- {id: c, statement: C., depends_on: [c]}\n",
                 CITATIONS)
        for args in (["lint"], ["list"], ["verdict", "premise"]):
            r = run(*args, "--kb", self.dir)
            self.assertEqual(r.returncode, 1, args)
            lines = [l for l in r.stderr.splitlines() if ": error: " in l]
            self.assertEqual(len(lines), 3, r.stderr)
            path = os.path.join(self.dir, "claims", "kb.yaml")
            self.assertTrue(all(l.startswith(path + ":") for l in lines), lines)
            self.assertEqual(r.stdout, "")
        self.assertIn("depends_on cycle: c -> c", run("lint", "--kb", self.dir).stderr)

    def test_lint_json(self):
        write_kb(self.dir, CLAIMS + "- {id: c, statement: C., depends_on: [c]}\n", CITATIONS)
        r = run("lint", "--kb", self.dir, "--json")
        self.assertEqual(r.returncode, 1)
        j = json.loads(r.stdout)
        self.assertFalse(j["ok"])
        self.assertEqual(j["errors"][0]["line"], 12)  # CLAIMS starts with a blank line
        self.assertIn("cycle", j["errors"][0]["message"])

    def test_graph_output_is_written_whole_or_not_at_all(self):
        out = os.path.join(self.dir, "graph.dot")
        with open(out, "w") as f:
            f.write("old")
        r = run("graph", "things-help", "--kb", self.dir, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            self.assertTrue(f.read().startswith("digraph"))
        # No temporary file is left beside it.
        self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".graph.dot")], [])
        # A directory that does not exist: an error, and nothing written.
        missing = os.path.join(self.dir, "no-such-dir", "graph.dot")
        r = run("graph", "things-help", "--kb", self.dir, "-o", missing)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("cannot write", r.stderr)
        self.assertFalse(os.path.exists(os.path.dirname(missing)))

    def test_kb_from_environment(self):
        env = dict(os.environ, CLAIMKB_KB=self.dir)
        r = run("verdict", "premise", "--json", env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["id"], "premise")


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main()
