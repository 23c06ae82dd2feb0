"""Scaling out (docs/serving.md): two `claimkb serve` replicas memory-map one snapshot
behind HAProxy while wrk loads them. Mid-run the snapshot is replaced (a new file
renamed over it, then SIGHUP) and one replica is stopped (SIGTERM, with --drain 2:
HAProxy's check, every 200 ms, takes it out after two 503s from /readyz).
Passes when wrk saw no failed request (no socket error, no status >= 400) and every
answer sampled meanwhile is the old KB's answer or the new KB's.

Run by CTest as: python3 scale_out_test.py CLAIMKB_BINARY SOURCE_DIR
Exit 77 (Skipped) when haproxy or wrk is missing (tools/packages.sh test installs them).
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

CLAIM = "tight-psoas-causes-back-pain"
OLD_STATEMENT = "statement: A tight (shortened) psoas muscle causes low back pain."
NEW_STATEMENT = "statement: A tight (shortened) psoas muscle causes low back pain (edited for the scale-out test)."
WRK_SECONDS = 8
RELOAD_AT = 2.0  # seconds into the wrk run
STOP_AT = 4.0



def haproxy_config(source, port, port1, port2):
    """The documented HAProxy set-up (docs/examples/haproxy.cfg), on loopback ports,
    checking every 200 ms so that a stopped replica leaves rotation within the run."""
    with open(os.path.join(source, "docs", "examples", "haproxy.cfg")) as f:
        text = f.read()
    for old, new in (("bind :80", f"bind 127.0.0.1:{port}"), ("127.0.0.1:8081", f"127.0.0.1:{port1}"),
                     ("127.0.0.1:8082", f"127.0.0.1:{port2}"), ("inter 500ms", "inter 200ms")):
        if old not in text:
            raise AssertionError(f"docs/examples/haproxy.cfg no longer has '{old}'")
        text = text.replace(old, new)
    return text


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args):
    r = subprocess.run(args, capture_output=True)
    if r.returncode not in (0, 3):
        raise AssertionError(f"{args} exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout


class Replica:
    def __init__(self, binary, snapshot, log_path):
        self.log = open(log_path, "w")
        self.log_path = log_path
        self.proc = subprocess.Popen([binary, "serve", "--kb", snapshot, "--listen", "127.0.0.1:0", "--drain", "2"],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        first = self.proc.stdout.readline()
        if not first:
            raise AssertionError("serve did not start: " + open(log_path).read())
        self.port = json.loads(first)["port"]

    def events(self, name):
        with open(self.log_path) as f:
            return [e for e in (json.loads(l) for l in f if l.strip()) if e.get("event") == name]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_until(pred, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if pred():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what)


def main(binary, source):
    haproxy, wrk = shutil.which("haproxy") or "/usr/sbin/haproxy", shutil.which("wrk")
    if not os.path.exists(haproxy) or not wrk:
        print("haproxy or wrk missing (bash tools/packages.sh test): skipped")
        return 77
    tmp = tempfile.mkdtemp(prefix="claimkb-scale-")
    procs = []
    try:
        # The old KB: the bundled one. The new: a copy with one claim's statement
        # edited, so that the verdict by id of that claim, and only its answer among
        # those asked here, differs.
        snapshot = os.path.join(tmp, "kb.ckb")
        run(binary, "--kb", source, "compile", "-o", snapshot)
        edited = os.path.join(tmp, "kb2")
        for part in ("claims", "citations", "concepts"):
            shutil.copytree(os.path.join(source, part), os.path.join(edited, part))
        causes = os.path.join(edited, "claims", "causes.yaml")
        text = open(causes, encoding="utf-8").read()
        assert text.count(OLD_STATEMENT) == 1, "the claim to edit is not in claims/causes.yaml as expected"
        open(causes, "w", encoding="utf-8").write(text.replace(OLD_STATEMENT, NEW_STATEMENT))
        staged = os.path.join(tmp, "kb2.ckb")
        run(binary, "--kb", edited, "compile", "-o", staged)
        # What serve must answer is what the command prints (docs/cli.md, serve; the
        # parity itself is tests/cli/test_serve_cli.py's concern).
        old = run(binary, "--kb", snapshot, "verdict", CLAIM, "--json")
        new = run(binary, "--kb", staged, "verdict", CLAIM, "--json")
        assert old != new and b"edited for the scale-out test" in new

        r1 = Replica(binary, snapshot, os.path.join(tmp, "r1.log"))
        procs.append(r1.proc)
        r2 = Replica(binary, snapshot, os.path.join(tmp, "r2.log"))
        procs.append(r2.proc)
        port = free_port()
        config = os.path.join(tmp, "haproxy.cfg")
        with open(config, "w") as f:
            f.write(haproxy_config(source, port, r1.port, r2.port))
        check = subprocess.run([haproxy, "-c", "-q", "-f", config], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        lb = subprocess.Popen([haproxy, "-db", "-f", config], stdout=subprocess.DEVNULL,
                              stderr=open(os.path.join(tmp, "haproxy.log"), "w"))
        procs.append(lb)
        url = f"http://127.0.0.1:{port}/v1/claims/{CLAIM}"
        wait_until(lambda: get(url)[0] == 200, 10, "HAProxy to answer")

        # A sampler beside wrk: every answer it gets must be the old or the new one.
        samples, failures, done = [], [], threading.Event()

        def sample():
            while not done.is_set():
                try:
                    status, body = get(url)
                    samples.append((time.time(), status, body))
                except OSError as e:
                    failures.append(repr(e))
                time.sleep(0.005)

        sampler = threading.Thread(target=sample)
        load = subprocess.Popen([wrk, "-t2", "-c16", f"-d{WRK_SECONDS}s", "--latency", url],
                                stdout=subprocess.PIPE, text=True)
        start = time.time()
        sampler.start()
        time.sleep(RELOAD_AT)
        # The rolling update: the new snapshot written beside the old, renamed over
        # it (atomic), then SIGHUP to each replica.
        beside = snapshot + ".new"
        shutil.copyfile(staged, beside)
        os.rename(beside, snapshot)
        reloaded_at = time.time()
        r1.proc.send_signal(signal.SIGHUP)
        r2.proc.send_signal(signal.SIGHUP)
        time.sleep(max(0.0, STOP_AT - (time.time() - start)))
        r1.proc.send_signal(signal.SIGTERM)
        assert r1.proc.wait(timeout=15) == 0, "the stopped replica did not exit 0"
        out, _ = load.communicate(timeout=WRK_SECONDS + 30)
        done.set()
        sampler.join()
        print(out)

        # wrk's summary: "N requests in ...", and, only when there were any,
        # "Socket errors: connect A, read B, write C, timeout D" and
        # "Non-2xx or 3xx responses: N".
        total = int(re.search(r"(\d+) requests in", out).group(1))
        assert total > 1000, f"wrk made only {total} requests"
        assert "Socket errors" not in out, "wrk saw socket errors"
        assert "Non-2xx or 3xx" not in out, "wrk saw failed requests"

        assert not failures, failures[:5]
        bad = [(s, b[:200]) for _, s, b in samples if s != 200 or b not in (old, new)]
        assert not bad, f"{len(bad)} answers neither the old KB's nor the new's: {bad[:3]}"
        olds = [t for t, _, b in samples if b == old]
        news = [t for t, _, b in samples if b == new]
        # Both KBs were served: the old before the reload, the new after it.
        assert olds and news, (len(olds), len(news))
        assert min(olds) < reloaded_at, "no old answer before the reload"
        # Each replica reloaded (by SIGHUP or by seeing the rename), and the last
        # answers, well after the reload, are the new KB's.
        for r in (r1, r2):
            assert any(e.get("ok") for e in r.events("reload")), "a replica did not reload"
        assert all(b == new for t, _, b in samples if t > reloaded_at + 2.0), "old answers long after the reload"
        assert get(url) == (200, new)
        print(f"ok: wrk {total} requests, none failed; {len(samples)} sampled answers "
              f"({len(olds)} old, {len(news)} new)")
        return 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                p.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
