"""`claimkb serve` as a client sees it (docs/cli.md, serve): every endpoint answers the
bytes the matching command prints with --json, exit 3 becomes 404, answers carry the
KB's ETag, bad requests get a JSON 4xx, and SIGHUP or a snapshot renamed into place
swaps the KB while a KB that fails to open leaves the old one serving.

Run by CTest as: python3 test_serve_cli.py CLAIMKB_BINARY ARTICLES_DIR
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

BINARY = None
ARTICLES = None

CITATIONS = """
- id: trial1
  design: rct
  title: A trial of things
  authors: [Smith J]
  year: 2001
  journal: J Test
  n: 120
"""
CLAIMS = """
- id: things-help
  statement: Things help.
  evidence:
    - {citation: trial1, stance: supports, finding: Things helped.}
"""


def write_kb(root, claims, citations=CITATIONS):
    for sub, text in (("claims", claims), ("citations", citations)):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
        with open(os.path.join(root, sub, "kb.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


class Server:
    """A `claimkb serve` on an ephemeral loopback port; its log in a file."""

    def __init__(self, *args):
        self.log_path = tempfile.mktemp(prefix="claimkb-serve-log-")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([BINARY, "serve", "--listen", "127.0.0.1:0", *args],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        first = self.proc.stdout.readline()
        if not first:
            raise AssertionError("serve did not start: " + open(self.log_path).read())
        self.port = json.loads(first)["port"]

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def request(self, path, body=None, headers=None):
        """(status, headers, body bytes) for a GET, or a POST when body is given."""
        req = urllib.request.Request(self.url(path), data=body, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def log_lines(self):
        with open(self.log_path) as f:
            return [json.loads(l) for l in f if l.strip()]

    def wait_for_log(self, pred, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            found = [l for l in self.log_lines() if pred(l)]
            if found:
                return found
            time.sleep(0.05)
        raise AssertionError("no such log line; log: " + open(self.log_path).read())

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=30)
        self.proc.stdout.close()
        self.log.close()
        os.unlink(self.log_path)
        return code


def cli(*args, stdin=None):
    r = subprocess.run([BINARY, *args, "--json"], capture_output=True, input=stdin)
    return r.returncode, r.stdout


class BundledKbTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.env_kb = os.environ.pop("CLAIMKB_KB", None)
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        # SIGTERM: it stops once in flight requests are answered, exit 0.
        assert cls.server.stop() == 0

    def same_as_command(self, path, args, body=None, stdin=None):
        status, headers, got = self.server.request(path, body)
        code, expected = cli(*args, stdin=stdin)
        # The command's exit 0 is 200, its exit 3 is 404; the body is its stdout, byte for byte.
        self.assertEqual(status, {0: 200, 3: 404}[code], path)
        self.assertEqual(got, expected, path)
        self.assertEqual(headers["Content-Type"], "application/json; charset=utf-8")
        return status, headers

    def test_endpoints_answer_the_commands_json(self):
        self.same_as_command("/v1/claims/tight-psoas-causes-back-pain", ["verdict", "tight-psoas-causes-back-pain"])
        self.same_as_command("/v1/claims", ["list"])
        q = "can a foam roller make me more flexible?"
        self.same_as_command("/v1/verdict?q=" + urllib.parse.quote(q), ["verdict", q])
        self.same_as_command("/v1/search?q=foam+rolling+range+of+motion&limit=2",
                             ["search", "foam rolling range of motion", "--limit", "2"])
        self.same_as_command("/v1/search?q=psoas", ["search", "psoas"])  # default limit 10, as the command's
        with open(os.path.join(ARTICLES, "news-back-pain.txt"), "rb") as f:
            text = f.read()
        status, headers = self.same_as_command("/v1/check", ["check", "-"], body=text, stdin=text)
        self.assertEqual(headers["Cache-Control"], "no-store")  # a POST's answer is not cached

    def test_exit_3_cases_are_404_with_the_commands_json(self):
        status, _ = self.same_as_command("/v1/claims/no-such-claim", ["verdict", "no-such-claim"])
        self.assertEqual(status, 404)
        q = "is hamstring tightness linked to back pain?"  # docs/cli.md: unclear, exit 3
        status, _ = self.same_as_command("/v1/verdict?q=" + urllib.parse.quote(q), ["verdict", q])
        self.assertEqual(status, 404)
        # A question in the claim path is not an id: 404 there, though /v1/verdict answers it.
        status, _, _ = self.server.request("/v1/claims/" + urllib.parse.quote("can a foam roller make me more flexible?"))
        self.assertEqual(status, 404)

    def test_etag_and_cache_control(self):
        status, headers, _ = self.server.request("/v1/claims/tight-psoas-causes-back-pain")
        etag = headers["ETag"]
        # 16 hex digits in quotes (a strong tag); the same for every answer of one KB.
        self.assertRegex(etag, r'^"[0-9a-f]{16}"$')
        self.assertEqual(self.server.request("/v1/claims")[1]["ETag"], etag)
        self.assertEqual(headers["Cache-Control"], "public, max-age=60")
        status, _, body = self.server.request("/v1/claims/tight-psoas-causes-back-pain",
                                              headers={"If-None-Match": etag})
        self.assertEqual((status, body), (304, b""))
        status, _, _ = self.server.request("/v1/claims/tight-psoas-causes-back-pain",
                                           headers={"If-None-Match": '"0000000000000000"'})
        self.assertEqual(status, 200)
        ready = json.loads(self.server.request("/readyz")[2])
        self.assertEqual(ready["etag"], etag)
        self.assertTrue(ready["ready"])
        self.assertEqual(json.loads(self.server.request("/healthz")[2]), {"status": "ok"})

    def test_bad_requests_get_a_json_4xx(self):
        for path, status in (("/v1/verdict", 400), ("/v1/search?q=", 400), ("/v1/search?q=x&limit=abc", 400),
                             ("/v1/search?q=x&limit=0", 400), ("/v1/search?q=x&limit=10001", 400),
                             ("/v1/nothing", 404), ("/", 404)):
            got, headers, body = self.server.request(path)
            self.assertEqual(got, status, path)
            j = json.loads(body)
            self.assertEqual(j["status"], status, path)
            self.assertIsInstance(j["error"], str)
        # A request line that is not HTTP: 400, and the server keeps answering.
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"\x00\xffGARBAGE\r\n\r\n")
            reply = s.recv(4096)
        self.assertTrue(reply.startswith(b"HTTP/1.1 400"), reply[:40])
        self.assertEqual(self.server.request("/healthz")[0], 200)

    def test_access_log_is_json_lines(self):
        self.server.request("/v1/claims/no-such-claim")
        lines = self.server.wait_for_log(lambda l: l.get("path") == "/v1/claims/no-such-claim")
        entry = lines[-1]
        self.assertEqual((entry["event"], entry["method"], entry["status"]), ("request", "GET", 404))
        self.assertEqual(entry["remote"], "127.0.0.1")
        self.assertGreater(entry["bytes"], 0)
        self.assertGreaterEqual(entry["ms"], 0)


class ReloadTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="claimkb-serve-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def statement(self, server):
        status, headers, body = server.request("/v1/claims/things-help")
        self.assertEqual(status, 200)
        return json.loads(body)["statement"], headers["ETag"]

    def test_sighup_swaps_the_kb_and_a_broken_one_is_refused(self):
        kb = os.path.join(self.dir, "kb")
        write_kb(kb, CLAIMS)
        server = Server("--kb", kb)
        try:
            first, tag1 = self.statement(server)
            self.assertEqual(first, "Things help.")
            write_kb(kb, CLAIMS.replace("Things help.", "Things help a lot."))
            server.proc.send_signal(signal.SIGHUP)
            server.wait_for_log(lambda l: l.get("event") == "reload" and l["ok"])
            second, tag2 = self.statement(server)
            self.assertEqual(second, "Things help a lot.")
            self.assertNotEqual(tag1, tag2)  # other content, other tag
            # A broken KB (an unknown key) is refused: logged with its error, the old one serves on.
            write_kb(kb, CLAIMS + "  bogus: 1\n")
            server.proc.send_signal(signal.SIGHUP)
            failed = server.wait_for_log(lambda l: l.get("event") == "reload" and not l["ok"])
            self.assertIn("kb.yaml:", failed[0]["errors"])
            self.assertEqual(self.statement(server), (second, tag2))
        finally:
            self.assertEqual(server.stop(), 0)

    def test_snapshot_replaced_by_rename_is_picked_up(self):
        kb_a, kb_b = os.path.join(self.dir, "a"), os.path.join(self.dir, "b")
        write_kb(kb_a, CLAIMS)
        write_kb(kb_b, CLAIMS.replace("Things help.", "Things help, says B."))
        snap = os.path.join(self.dir, "kb.ckb")
        self.assertEqual(subprocess.run([BINARY, "compile", "--kb", kb_a, "-o", snap], capture_output=True).returncode, 0)
        server = Server("--kb", snap)
        try:
            self.assertEqual(self.statement(server)[0], "Things help.")
            # The new snapshot is written beside the old one, then renamed over it.
            tmp = os.path.join(self.dir, "kb.ckb.new")
            self.assertEqual(subprocess.run([BINARY, "compile", "--kb", kb_b, "-o", tmp], capture_output=True).returncode, 0)
            os.rename(tmp, snap)
            server.wait_for_log(lambda l: l.get("event") == "reload" and l["ok"])
            self.assertEqual(self.statement(server)[0], "Things help, says B.")
        finally:
            self.assertEqual(server.stop(), 0)

    def test_body_over_the_limit_is_413(self):
        kb = os.path.join(self.dir, "kb")
        write_kb(kb, CLAIMS)
        server = Server("--kb", kb, "--max-body", "100")
        try:
            status, _, body = server.request("/v1/check", body=b"x" * 101)
            self.assertEqual(status, 413)
            self.assertEqual(json.loads(body)["status"], 413)
            status, _, body = server.request("/v1/check", body=b"Things help.")
            self.assertEqual(status, 200)
        finally:
            self.assertEqual(server.stop(), 0)

    def test_drain_answers_with_readyz_503_then_stops(self):
        kb = os.path.join(self.dir, "kb")
        write_kb(kb, CLAIMS)
        server = Server("--kb", kb, "--drain", "3")
        self.assertEqual(server.request("/readyz")[0], 200)
        server.proc.send_signal(signal.SIGTERM)
        server.wait_for_log(lambda l: l.get("event") == "stopping")
        # Draining (3 s): not ready, so a load balancer stops sending; still answering,
        # each answer closing its connection.
        self.assertEqual(server.request("/readyz")[0], 503)
        status, headers, _ = server.request("/v1/claims/things-help")
        self.assertEqual(status, 200)
        self.assertEqual(headers["Connection"], "close")
        self.assertIsNone(server.proc.poll())
        # A second SIGTERM cuts the drain short: exit 0 well before the 3 s are out.
        started = time.time()
        self.assertEqual(server.stop(), 0)
        self.assertLess(time.time() - started, 2.5)

    def test_a_port_in_use_is_refused(self):
        kb = os.path.join(self.dir, "kb")
        write_kb(kb, CLAIMS)
        server = Server("--kb", kb)
        try:
            r = subprocess.run([BINARY, "serve", "--kb", kb, "--listen", f"127.0.0.1:{server.port}"],
                               capture_output=True, text=True, timeout=30)
            self.assertEqual(r.returncode, 4)  # cannot listen there
            self.assertIn("cannot listen", r.stderr)
        finally:
            self.assertEqual(server.stop(), 0)

    def test_an_invalid_kb_does_not_start(self):
        kb = os.path.join(self.dir, "kb")
        write_kb(kb, CLAIMS + "  bogus: 1\n")
        r = subprocess.run([BINARY, "serve", "--kb", kb, "--listen", "127.0.0.1:0"], capture_output=True, text=True,
                           timeout=30)
        self.assertEqual(r.returncode, 1)  # as every command: 1 for an invalid KB
        self.assertIn("kb.yaml:", r.stderr)
        r = subprocess.run([BINARY, "serve", "--kb", kb, "--listen", "nonsense"], capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    ARTICLES = os.path.abspath(sys.argv.pop(1))
    unittest.main()
