#!/usr/bin/env python3
"""Time `claimkb site` on a synthetic KB and check the page-size bound (docs/site.md).

    site_bench.py CLAIMKB [--claims N] [--max-seconds S] [--max-page-bytes B]

Writes a KB of N claims with gen_kb.py (default 20,000), compiles it to a snapshot so
that loading YAML is not what is timed, then writes the site and reads the command's
--json figures: the seconds spent writing the site (the KB already open) and the
largest page. Exits 1 when either is over its bound (default 10 s, 100,000 bytes).
Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claimkb")
    ap.add_argument("--claims", type=int, default=20000)
    ap.add_argument("--max-seconds", type=float, default=10.0)
    ap.add_argument("--max-page-bytes", type=int, default=100_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb, snap, out = (os.path.join(tmp, n) for n in ("kb", "kb.snapshot", "site"))
        subprocess.run([sys.executable, os.path.join(HERE, "gen_kb.py"), kb, "--claims", str(a.claims)],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([a.claimkb, "compile", "--kb", kb, "-o", snap], check=True, stdout=subprocess.DEVNULL)
        start = time.monotonic()
        r = subprocess.run([a.claimkb, "site", "--kb", snap, "-o", out, "--json"], capture_output=True, text=True)
        wall = time.monotonic() - start
        if r.returncode != 0:
            sys.exit(r.stderr)
        s = json.loads(r.stdout)
        index = os.path.getsize(os.path.join(out, "search-index.js"))
    print(f"{a.claims} claims: {s['pages']} pages, {s['bytes'] / 1e6:.1f} MB in {s['seconds']:.2f} s "
          f"(command wall time with loading the snapshot {wall:.2f} s); largest page {s['largest_page']} "
          f"{s['largest_page_bytes']} bytes; search-index.js {index / 1e6:.1f} MB")
    ok = s["seconds"] < a.max_seconds and s["largest_page_bytes"] < a.max_page_bytes
    print("within bounds" if ok else f"OVER: bounds are {a.max_seconds} s and {a.max_page_bytes} bytes")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
