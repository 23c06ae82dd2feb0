"""`claimkb verdict QUESTION`, `search`, `check` and `graph` as other programs see them
(docs/cli.md): output shapes and exit codes, on the bundled knowledge base.

Run by CTest as: python3 test_search_cli.py CLAIMKB_BINARY ARTICLES_DIR (tests/data/articles)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None
ARTICLES = None


def run(*args, stdin=None, env=None):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, input=stdin, env=env)


class VerdictQuestionTest(unittest.TestCase):
    def test_a_clear_question_is_answered_like_its_id(self):
        by_question = run("verdict", "does a tight psoas cause back pain?", "--json")
        by_id = run("verdict", "tight-psoas-causes-back-pain", "--json")
        self.assertEqual(by_question.returncode, 0, by_question.stderr)
        asked, named = json.loads(by_question.stdout), json.loads(by_id.stdout)
        # The same answer; only how the text was matched differs: the question names
        # the claim's subject (psoas, tightness) and object (low back pain).
        self.assertEqual(asked.pop("match"), {"by": "concepts", "concepts": ["tightness", "psoas", "low-back-pain"]})
        self.assertEqual(named.pop("match"), {"by": "id", "concepts": []})
        self.assertEqual(asked, named)

    def test_an_off_topic_question_exits_3_without_an_answer(self):
        r = run("verdict", "does vitamin C cure colds?")
        self.assertEqual(r.returncode, 3)
        self.assertEqual(r.stdout, "")
        self.assertIn("no claim in the knowledge base matches", r.stderr)

    def test_an_unclear_question_lists_the_closest_claims(self):
        # Releasing the psoas by massage: both the release claim and the psoas-massage
        # claim fit, neither clearly better. Never a guess.
        question = "does releasing the psoas by massage help back pain?"
        r = run("verdict", question)
        self.assertEqual(r.returncode, 3)
        self.assertEqual(r.stdout, "")
        self.assertIn("psoas-release-relieves-back-pain", r.stderr)
        self.assertIn("psoas-massage-relieves-back-pain", r.stderr)
        self.assertIn("Massaging the psoas directly relieves low back pain.", r.stderr)  # statements, not only ids
        j = json.loads(run("verdict", question, "--json").stdout)
        self.assertEqual(j["match"], "unclear")
        self.assertEqual(list(j["candidates"][0]), ["id", "score", "statement"])
        self.assertEqual({c["id"] for c in j["candidates"][:2]},
                         {"psoas-release-relieves-back-pain", "psoas-massage-relieves-back-pain"})


class SearchTest(unittest.TestCase):
    def test_json_hits_are_ranked_with_scores(self):
        r = run("search", "psoas", "massage", "--json", "--limit", "3")
        self.assertEqual(r.returncode, 0, r.stderr)
        hits = json.loads(r.stdout)
        self.assertEqual(len(hits), 3)
        self.assertEqual(list(hits[0]), ["id", "score", "statement", "verdict", "certainty", "concepts"])
        self.assertEqual(hits[0]["id"], "psoas-massage-relieves-back-pain")
        scores = [h["score"] for h in hits]
        self.assertEqual(scores, sorted(scores, reverse=True))
        self.assertTrue(all(0 < s < 1 for s in scores))

    def test_text_output_and_no_hits(self):
        r = run("search", "thomas test")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.split("\n")[0].endswith("thomas-test-measures-hip-flexor-length"))
        none = run("search", "quantum chromodynamics", "--json")
        self.assertEqual(none.returncode, 0)
        self.assertEqual(json.loads(none.stdout), [])

    def test_bad_limit_is_bad_usage(self):
        self.assertEqual(run("search", "psoas", "--limit", "0").returncode, 2)
        self.assertEqual(run("search").returncode, 2)


class CheckTest(unittest.TestCase):
    def article(self):
        # The physiotherapist's review: it names the psoas claims, and has an em dash
        # (3 bytes, 1 character) before a mention on the same line.
        path = os.path.join(ARTICLES, "physio-review.txt")
        self.assertTrue(os.path.isfile(path), path)
        return path

    def test_json_spans_slice_the_input_bytes(self):
        path = self.article()
        r = run("check", path, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        found = json.loads(r.stdout)
        self.assertEqual(list(found[0]), ["begin", "end", "line", "column", "sentence", "id", "statement",
                                          "verdict", "certainty", "score", "polarity", "agreement", "concepts"])
        with open(path, "rb") as f:
            data = f.read()
        for m in found:
            self.assertEqual(data[m["begin"]:m["end"]].decode("utf-8"), m["sentence"])
        ids = {m["id"] for m in found}
        self.assertIn("tight-psoas-causes-back-pain", ids)
        self.assertIn("exercise-therapy-helps-chronic-low-back-pain", ids)
        psoas = next(m for m in found if m["id"] == "tight-psoas-causes-back-pain")
        verdict = json.loads(run("verdict", "tight-psoas-causes-back-pain", "--json").stdout)
        self.assertEqual((psoas["verdict"], psoas["certainty"]), (verdict["verdict"], verdict["certainty"]))
        # The first is the reported claim on line 7 (the heading on line 5 names a
        # topic, not a claim); "Some trainers say that": reported, no side taken.
        self.assertEqual((psoas["line"], psoas["column"]), (7, 1))
        self.assertTrue(psoas["sentence"].startswith("Some trainers say that"), psoas["sentence"])
        self.assertEqual((psoas["polarity"], psoas["agreement"]), ("reports", "no_stance"))
        self.assertIn("psoas", psoas["concepts"])
        # Columns count characters: "Massage reduces low back pain in the short term" follows
        # 180 characters (184 bytes: two curly quotes of 3 bytes each) on line 33.
        exercise = next(m for m in found if m["id"] == "exercise-therapy-helps-chronic-low-back-pain")
        self.assertTrue(exercise["sentence"].startswith("Massage reduces low back pain"), exercise["sentence"])
        self.assertEqual((exercise["line"], exercise["column"]), (33, 181))
        line_start = data.rindex(b"\n", 0, exercise["begin"]) + 1
        self.assertEqual(exercise["begin"] - line_start, 184)

    def test_stdin_and_text_output(self):
        text = "Chronic tightness in the psoas can lead to low back pain.\nThe sky is blue.\n"
        r = run("check", "-", stdin=text)
        self.assertEqual(r.returncode, 0, r.stderr)
        # The sentence asserts a claim the evidence refutes (very low certainty).
        self.assertTrue(r.stdout.startswith("<stdin>:1:1: [0, 57) asserts tight-psoas-causes-back-pain: refuted "
                                            "(very_low certainty), disagrees\n"), r.stdout)
        self.assertNotIn("sky", r.stdout)
        quiet = run("check", "-", "--json", stdin="The sky is blue.")
        self.assertEqual(json.loads(quiet.stdout), [])

    def test_unreadable_file_is_an_io_failure(self):
        # Exit 4 (docs/cli.md): the input could not be read, which is not bad usage.
        r = run("check", "/nonexistent/article.txt")
        self.assertEqual(r.returncode, 4)
        self.assertEqual(r.stderr, "/nonexistent/article.txt:1:1: error: cannot read the file: No such file or directory\n")


class GraphTest(unittest.TestCase):
    def test_dot_around_a_claim(self):
        r = run("graph", "tight-psoas-causes-back-pain")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("digraph G {"))
        self.assertIn('"tight-psoas-causes-back-pain"->hellsing1988', r.stdout)
        self.assertNotIn("psoas-stores-emotions", r.stdout)

    def test_whole_graph_to_a_file(self):
        out_dir = tempfile.mkdtemp(prefix="claimkb-graph-")
        try:
            path = os.path.join(out_dir, "all.dot")
            r = run("graph", "-o", path)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, "")
            with open(path, encoding="utf-8") as f:
                dot = f.read()
            self.assertIn('"psoas-stores-emotions"[', dot)
            self.assertIn('"tight-psoas-causes-back-pain"[', dot)
        finally:
            shutil.rmtree(out_dir)

    @unittest.skipUnless(shutil.which("dot"), "Graphviz is not installed")
    def test_svg_through_graphviz(self):
        r = run("graph", "tight-psoas-causes-back-pain", "--format", "svg")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("<svg", r.stdout)
        self.assertIn("refuted, very low certainty", r.stdout)
        self.assertIn("hellsing1988", r.stdout)

    def test_svg_without_graphviz_says_so(self):
        env = dict(os.environ, PATH="/nonexistent")
        r = run("graph", "--format", "svg", env=env)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Graphviz", r.stderr)
        self.assertIn("--format dot", r.stderr)

    def test_json_nodes_and_edges(self):
        r = run("graph", "psoas-release-can-rupture-appendix", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        g = json.loads(r.stdout)
        nodes = {n["id"]: n for n in g["nodes"]}
        # The claim, its premise (depends_on), and the citations of both.
        self.assertEqual(nodes["psoas-release-can-rupture-appendix"]["kind"], "claim")
        self.assertEqual(nodes["deep-abdominal-massage-can-cause-harm"]["kind"], "claim")
        self.assertIn({"from": "psoas-release-can-rupture-appendix", "to": "deep-abdominal-massage-can-cause-harm",
                       "kind": "depends_on"}, g["edges"])
        for e in g["edges"]:
            self.assertIn(e["to"], nodes)
            self.assertIn(e["kind"], ["supports", "refutes", "neutral", "asserted_by", "depends_on"])
        self.assertNotIn("tight-psoas-causes-back-pain", nodes)
        self.assertEqual(run("graph", "--json", "--format", "svg").returncode, 2)
        self.assertEqual(run("graph", "no-such-claim", "--json").returncode, 3)

    def test_unknown_claim_and_bad_format(self):
        self.assertEqual(run("graph", "no-such-claim").returncode, 3)
        self.assertEqual(run("graph", "--format", "png").returncode, 2)


if __name__ == "__main__":
    BINARY, ARTICLES = sys.argv[1], sys.argv[2]
    # The bundled KB, whatever the environment says.
    os.environ.pop("CLAIMKB_KB", None)
    unittest.main(argv=sys.argv[:1])
