"""Optional: `claimkb retractions` over the Retraction Watch CSV files and Crossref
works JSON found under a datasets folder (../shared/datasets next to the source
tree): each file is read whole or refused with file:line:column, never a crash.

Run by CTest as: python3 shared_retractions_check.py CLAIMKB_BINARY DATASETS_DIR
Exit 77 (Skipped) when the folder is absent or holds no such file.
"""
import os
import re
import subprocess
import sys


def candidates(root):
    for d, _, files in os.walk(root):
        for f in sorted(files):
            p = os.path.join(d, f)
            low = f.lower()
            if low.endswith(".csv"):
                with open(p, "rb") as fh:
                    if b"RetractionNature" in fh.readline():
                        yield p
            elif low.endswith(".json") and ("crossref" in p.lower() or "retraction" in p.lower()):
                yield p


def main():
    binary, root = sys.argv[1], sys.argv[2]
    if not os.path.isdir(root):
        print("skipped: no", root)
        return 77
    files = list(candidates(root))
    if not files:
        print("skipped: no Retraction Watch CSV or Crossref JSON under", root)
        return 77
    bundled = os.path.join(os.path.dirname(__file__), "..", "..")
    failed = 0
    for f in files:
        r = subprocess.run([binary, "retractions", "--kb", bundled, f], capture_output=True, text=True)
        placed = all(re.match(r"^.+:\d+:\d+: (error|warning): ", l) or l.startswith("claimkb retractions:")
                     for l in r.stderr.splitlines())
        ok = r.returncode in (0, 1) and placed
        print(("ok   " if ok else "FAIL ") + f + (" (refused)" if r.returncode == 1 else ""))
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
