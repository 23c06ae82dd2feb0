"""`claimkb compile` and compiled snapshots as other programs see them (docs/cli.md):
every command answers the same from a snapshot as from the YAML it was compiled
from, and a damaged or foreign file given as --kb is refused with exit 1 and one
`FILE:1:1: error: ...` line that names the problem.

Run by CTest as: python3 test_snapshot_cli.py CLAIMKB_BINARY ARTICLES_DIR (tests/data/articles)

Expected values come from the YAML knowledge base through the same binary (the
other CLI tests pin those), so that these tests pin only what the snapshot adds:
the answers must not change when the KB is compiled. The header layout pinned in
SnapshotFileTest is the one lib/snapshot.hpp and lib/snapshot_write.cpp document.
"""
import glob
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

BINARY = None
ARTICLES = None

HEADER_SIZE = 64          # kSnapshotHeaderSize (lib/snapshot.hpp)
MAGIC = b"CLAIMKBS"       # kSnapshotMagic
FORMAT = 4                # kSnapshotFormat; a new format must update this test on purpose


def run(*args, stdin=None, env=None):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, input=stdin, env=env)


def run_bytes(*args):
    return subprocess.run([BINARY, *args], capture_output=True)


def write_kb(root, claims, citations):
    for sub, text in (("claims", claims), ("citations", citations)):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
        with open(os.path.join(root, sub, "kb.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


# The bundled KB, compiled once for the whole module (tearDownModule removes it).
WORK = None
SNAPSHOT = None
COMPILE = None  # the CompletedProcess of that compile


def setUpModule():
    global WORK, SNAPSHOT, COMPILE
    WORK = tempfile.mkdtemp(prefix="claimkb-snapshot-")
    SNAPSHOT = os.path.join(WORK, "bundled.ckb")
    COMPILE = run("compile", "-o", SNAPSHOT)


def tearDownModule():
    shutil.rmtree(WORK)


def yaml_lint():
    """The bundled YAML KB's own counts, from `lint --json` (not from compile)."""
    r = run("lint", "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def claim_ids():
    r = run("list", "--json")
    assert r.returncode == 0, r.stderr
    return [c["id"] for c in json.loads(r.stdout)]


class CompileTest(unittest.TestCase):
    def test_compile_of_the_bundled_kb_succeeds_and_counts_its_records(self):
        self.assertEqual(COMPILE.returncode, 0, COMPILE.stderr)
        self.assertEqual(COMPILE.stderr, "")  # the bundled KB has no warnings (lint says 0)
        counts = yaml_lint()
        # 35 claims and 41 citations today; taken from the YAML KB's lint, and the
        # list must agree, so that adding a claim does not break this test.
        self.assertEqual(counts["claims"], len(claim_ids()))
        self.assertEqual(COMPILE.stdout,
                         f"{SNAPSHOT}: {counts['claims']} claims, {counts['citations']} citations, "
                         f"{counts['concepts']} concepts, {os.path.getsize(SNAPSHOT)} bytes\n")

    def test_compiling_a_snapshot_gives_the_same_bytes(self):
        # What a snapshot holds is what was graded: nothing lost, nothing reordered.
        again = os.path.join(WORK, "again.ckb")
        r = run("compile", "--kb", SNAPSHOT, "-o", again)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(again), read(SNAPSHOT))

    def test_output_is_replaced_whole_with_no_temporary_file_left(self):
        d = tempfile.mkdtemp(dir=WORK)
        out = os.path.join(d, "kb.ckb")
        write(out, b"old contents")
        r = run("compile", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(read(out), read(SNAPSHOT))
        self.assertEqual(os.listdir(d), ["kb.ckb"])

    def test_output_in_a_directory_that_does_not_exist(self):
        missing_dir = os.path.join(WORK, "no-such-dir")
        out = os.path.join(missing_dir, "kb.ckb")
        r = run("compile", "-o", out)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(out, r.stderr)
        self.assertIn("cannot write", r.stderr)
        self.assertFalse(os.path.exists(missing_dir))
        self.assertFalse(os.path.exists(out))

    def test_an_invalid_kb_is_not_compiled_and_the_output_is_left_alone(self):
        d = tempfile.mkdtemp(dir=WORK)
        write_kb(d, "- {id: a, statment: misspelt key}\n",
                 "- {id: w, design: web, title: T, authors: [A], year: 2020, publisher: P}\n")
        out = os.path.join(d, "kb.ckb")
        write(out, b"previous snapshot")
        r = run("compile", "--kb", d, "-o", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, "")
        # The same errors lint gives: the unknown key and the missing statement.
        lint = run("lint", "--kb", d)
        self.assertEqual(lint.returncode, 1)
        errors = [l for l in r.stderr.splitlines() if ": error: " in l]
        self.assertEqual(errors, [l for l in lint.stderr.splitlines() if ": error: " in l])
        self.assertEqual(len(errors), 2, r.stderr)
        path = os.path.join(d, "claims", "kb.yaml")
        self.assertTrue(all(l.startswith(path + ":1:") for l in errors), errors)
        self.assertTrue(any("unknown key 'statment'" in l for l in errors), errors)
        self.assertEqual(read(out), b"previous snapshot")
        self.assertEqual(sorted(os.listdir(d)), ["citations", "claims", "kb.ckb"])

    def test_warnings_are_printed_and_kept_in_the_snapshot(self):
        d = tempfile.mkdtemp(dir=WORK)
        write_kb(d,
                 "- id: c\n  statement: C.\n  evidence: [{citation: gone, stance: supports, finding: F.}]\n",
                 "- id: gone\n  design: rct\n  title: T\n  authors: [A]\n  year: 2001\n  journal: J\n"
                 "  n: 50\n  retracted: {date: 2021-05-01, notice: 10.1000/retraction}\n")
        out = os.path.join(d, "kb.ckb")
        r = run("compile", "--kb", d, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        # docs/grading.md: a retracted citation adds a warning, at its id (line 1, column 7).
        self.assertIn(os.path.join(d, "citations", "kb.yaml") + ":1:7: warning: citation 'gone' is retracted",
                      r.stderr)
        from_yaml = json.loads(run("lint", "--kb", d, "--json").stdout)
        from_snapshot = json.loads(run("lint", "--kb", out, "--json").stdout)
        # The retraction, and one for the claim that has no `about`.
        self.assertEqual([w["code"] for w in from_yaml["warnings"]], ["warning", "warning"])
        self.assertIn("retracted", from_yaml["warnings"][0]["message"])
        self.assertEqual(from_snapshot.pop("kb"), out)
        from_yaml.pop("kb")
        self.assertEqual(from_snapshot, from_yaml)
        self.assertEqual(run_bytes("verdict", "c", "--json", "--kb", out).stdout,
                         run_bytes("verdict", "c", "--json", "--kb", d).stdout)

    def test_without_an_output_is_bad_usage(self):
        r = run("compile")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--output", r.stderr)

    def test_help_names_the_command(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("compile", r.stdout)
        self.assertIn("snapshot", r.stdout)


class SnapshotFileTest(unittest.TestCase):
    def test_header_layout(self):
        data = read(SNAPSHOT)
        self.assertEqual(data[:8], MAGIC)
        fmt, header_size = struct.unpack_from("<II", data, 8)
        self.assertEqual((fmt, header_size), (FORMAT, HEADER_SIZE))
        version = run("--version").stdout.strip()
        self.assertTrue(version)
        self.assertEqual(data[16:48], version.encode().ljust(32, b"\0"))
        payload_size, = struct.unpack_from("<Q", data, 48)
        self.assertEqual(payload_size, len(data) - HEADER_SIZE)


class SameAnswersTest(unittest.TestCase):
    """Each command's output from --kb SNAPSHOT against the YAML KB's, byte for byte."""

    @classmethod
    def setUpClass(cls):
        cls.empty = os.path.join(WORK, "empty.ckb")
        write(cls.empty, b"")

    def assertSame(self, *args, stdin=None):
        yaml = subprocess.run([BINARY, *args], capture_output=True, input=stdin)
        snap = subprocess.run([BINARY, *args, "--kb", SNAPSHOT], capture_output=True, input=stdin)
        self.assertEqual((snap.returncode, snap.stdout, snap.stderr),
                         (yaml.returncode, yaml.stdout, yaml.stderr), args)
        # The command did read --kb: the same command on an empty file is refused
        # (else the comparison above would hold even if --kb were ignored).
        empty = subprocess.run([BINARY, *args, "--kb", self.empty], capture_output=True, input=stdin)
        self.assertEqual(empty.returncode, 1, args)
        return yaml

    def test_verdict_json_of_every_claim(self):
        ids = claim_ids()
        self.assertEqual(len(ids), yaml_lint()["claims"])
        for claim in ids:
            r = self.assertSame("verdict", claim, "--json")
            self.assertEqual(r.returncode, 0, claim)
            self.assertEqual(json.loads(r.stdout)["id"], claim)

    def test_verdict_text_of_every_claim(self):
        for claim in claim_ids():
            self.assertEqual(self.assertSame("verdict", claim).returncode, 0, claim)

    def test_list(self):
        self.assertEqual(self.assertSame("list", "--json").returncode, 0)
        self.assertEqual(self.assertSame("list").returncode, 0)

    def test_graph(self):
        whole = self.assertSame("graph")
        self.assertEqual(whole.returncode, 0)
        self.assertTrue(whole.stdout.startswith(b"digraph"))
        self.assertEqual(self.assertSame("graph", "--json").returncode, 0)

    def test_graph_around_every_claim(self):
        for claim in claim_ids():
            self.assertEqual(self.assertSame("graph", claim).returncode, 0, claim)
            self.assertEqual(self.assertSame("graph", claim, "--json").returncode, 0, claim)

    def test_search(self):
        r = self.assertSame("search", "psoas back pain", "--json")
        self.assertEqual(r.returncode, 0)
        self.assertGreater(len(json.loads(r.stdout)), 0)  # a query with hits
        self.assertEqual(self.assertSame("search", "psoas back pain").returncode, 0)
        self.assertEqual(json.loads(self.assertSame("search", "quantum chromodynamics", "--json").stdout), [])

    def test_check_of_the_test_articles(self):
        articles = sorted(glob.glob(os.path.join(ARTICLES, "*.txt")))
        self.assertEqual(len(articles), 3, ARTICLES)
        for path in articles:
            r = self.assertSame("check", path, "--json")
            self.assertEqual(r.returncode, 0, path)
            # Each article states claims of the bundled KB (tests/text/check_test.cpp
            # pins them): mentions to compare, not two empty lists.
            self.assertGreater(len(json.loads(r.stdout)), 0, path)
            self.assertEqual(self.assertSame("check", path).returncode, 0, path)
        stdin = self.assertSame("check", "-", "--json", stdin=read(articles[0]))
        self.assertEqual(stdin.returncode, 0)
        self.assertGreater(len(json.loads(stdin.stdout)), 0)
        self.assertEqual(self.assertSame("check", "-", stdin=read(articles[0])).returncode, 0)

    def test_plain_words_questions(self):
        clear = self.assertSame("verdict", "does a tight psoas cause back pain", "--json")
        self.assertEqual(clear.returncode, 0)
        self.assertEqual(json.loads(clear.stdout)["id"], "tight-psoas-causes-back-pain")
        self.assertEqual(self.assertSame("verdict", "does a tight psoas cause back pain").returncode, 0)
        # Unclear and off-topic questions: exit 3, with the same closest claims.
        unclear = "does releasing the psoas by massage help back pain?"  # two claims fit
        self.assertEqual(self.assertSame("verdict", unclear).returncode, 3)
        self.assertEqual(self.assertSame("verdict", unclear, "--json").returncode, 3)
        # Answered by concepts, from the snapshot as from the YAML.
        self.assertEqual(self.assertSame("verdict", "does a rubdown ease backache?", "--json").returncode, 0)
        self.assertEqual(self.assertSame("verdict", "does vitamin C cure colds?").returncode, 3)
        self.assertEqual(self.assertSame("verdict", "no-such-claim").returncode, 3)

    def test_lint_after_removing_the_path(self):
        yaml, snap = run("lint"), run("lint", "--kb", SNAPSHOT)
        self.assertEqual((yaml.returncode, snap.returncode), (0, 0), snap.stderr)
        yaml_root = yaml_lint()["kb"]
        self.assertTrue(yaml.stdout.startswith(yaml_root + ": "), yaml.stdout)
        self.assertTrue(snap.stdout.startswith(SNAPSHOT + ": "), snap.stdout)
        self.assertEqual(snap.stdout[len(SNAPSHOT):], yaml.stdout[len(yaml_root):])
        self.assertIn(" ok: ", snap.stdout)
        j_yaml = yaml_lint()
        j_snap = json.loads(run("lint", "--kb", SNAPSHOT, "--json").stdout)
        self.assertEqual(j_snap.pop("kb"), SNAPSHOT)
        j_yaml.pop("kb")
        self.assertEqual(j_snap, j_yaml)
        self.assertTrue(j_snap["ok"])

    def test_kb_from_the_environment(self):
        env = dict(os.environ, CLAIMKB_KB=SNAPSHOT)
        self.assertEqual(run("list", "--json", env=env).stdout, run("list", "--json").stdout)
        # Proof that the environment was read: a bad snapshot there is refused.
        bad = os.path.join(WORK, "env-empty.ckb")
        write(bad, b"")
        r = run("list", env=dict(os.environ, CLAIMKB_KB=bad))
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith(bad + ":1:1: error: "), r.stderr)


class RefusalTest(unittest.TestCase):
    """A damaged or foreign --kb file: exit 1, nothing on stdout, one error line."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=WORK)
        self.good = read(SNAPSHOT)

    def refused(self, data, *words, name="kb.ckb"):
        path = os.path.join(self.dir, name)
        write(path, data)
        # A command that reads everything, one that reads one claim, and lint.
        for args in (["list", "--json"], ["verdict", "tight-psoas-causes-back-pain", "--json"], ["lint"]):
            r = run(*args, "--kb", path)
            self.assertEqual(r.returncode, 1, (args, r.stderr))
            self.assertEqual(r.stdout, "", args)
            lines = r.stderr.splitlines()
            self.assertEqual(len(lines), 1, r.stderr)
            self.assertTrue(lines[0].startswith(path + ":1:1: error: "), lines[0])
            for w in words:
                self.assertIn(w, lines[0])
        return lines[0]

    def test_the_intact_file_opens(self):
        # The control: each refusal below comes from the change it makes.
        path = os.path.join(self.dir, "kb.ckb")
        write(path, self.good)
        self.assertEqual(run("list", "--kb", path).returncode, 0)

    def test_cut_in_the_header(self):
        for size in (8, 40, HEADER_SIZE - 1):  # the whole magic, but not the whole header
            self.refused(self.good[:size], "truncated", f"{size} bytes")

    def test_cut_in_the_payload(self):
        payload = len(self.good) - HEADER_SIZE
        for kept in (0, payload // 2, payload - 1):
            self.refused(self.good[:HEADER_SIZE + kept], "truncated", f"announces {payload} bytes",
                         f"holds {kept}")

    def test_extra_bytes(self):
        self.refused(self.good + b"\n", "extra bytes")
        self.refused(self.good + self.good, "extra bytes")

    def test_one_flipped_byte_in_the_payload(self):
        for at in (HEADER_SIZE, HEADER_SIZE + (len(self.good) - HEADER_SIZE) // 2, len(self.good) - 1):
            data = bytearray(self.good)
            data[at] ^= 0x20
            self.refused(bytes(data), "damaged", "checksum")

    def test_a_different_format_version(self):
        data = bytearray(self.good)
        struct.pack_into("<I", data, 8, FORMAT + 1)  # only the header: the checksum covers the payload
        line = self.refused(bytes(data), f"format version {FORMAT + 1}", f"reads version {FORMAT}")
        self.assertIn("claimkb compile", line)  # says how to fix it

    def test_a_different_library_version(self):
        data = bytearray(self.good)
        data[16:48] = b"0.0.0-other".ljust(32, b"\0")
        version = run("--version").stdout.strip()
        self.refused(bytes(data), "written by claimkb 0.0.0-other", f"this is claimkb {version}")

    def test_an_empty_file(self):
        self.refused(b"", "not a knowledge base")

    def test_yaml_and_text_are_not_snapshots(self):
        claims = sorted(glob.glob(os.path.join(yaml_lint()["kb"], "claims", "*.yaml")))
        self.assertGreater(len(claims), 0)
        self.refused(read(claims[0]), "not a knowledge base", name="claims.yaml")
        self.refused(b"Just some words.\n" * 10, "not a knowledge base", name="notes.txt")
        # The magic alone, at the wrong place, is not enough.
        self.refused(b" " + self.good, "not a knowledge base")
        # A KB's own YAML file given in place of its directory: refused too.
        r = run("list", "--kb", claims[0])
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith(claims[0] + ":1:1: error: not a knowledge base"), r.stderr)


if __name__ == "__main__":
    BINARY, ARTICLES = sys.argv[1], sys.argv[2]
    # The bundled KB, whatever the environment says.
    os.environ.pop("CLAIMKB_KB", None)
    unittest.main(argv=sys.argv[:1])
