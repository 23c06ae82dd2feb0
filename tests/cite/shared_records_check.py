"""Optional: `claimkb import --dry-run` over citation records collected by others.

Run by CTest as: python3 shared_records_check.py CLAIMKB_BINARY DATASET_DIR
Exit 77 (CTest: Skipped) when DATASET_DIR is not there. The files are others' test
material for other parsers (some broken on purpose), so this asserts what holds for
any input: the command never crashes, exits 0 (imported) or 1 (refused, nothing
written), and names every error as file:line:column.
"""
import os
import re
import subprocess
import sys
import tempfile


def main():
    binary, root = sys.argv[1], sys.argv[2]
    if not os.path.isdir(root):
        print(f"skipped: {root} is not there")
        return 77
    files = []
    for dirpath, _, names in os.walk(root):
        for n in sorted(names):
            if n.endswith((".ris", ".bib", ".nbib", ".txt", ".json", ".xml")) and not n.startswith("LICENSE"):
                files.append(os.path.join(dirpath, n))
    error = re.compile(r"^.+:\d+:\d+: (error|warning): .+$")
    failed = 0
    counts = {0: 0, 1: 0}
    with tempfile.TemporaryDirectory() as kb:
        for sub in ("claims", "citations"):
            os.makedirs(os.path.join(kb, sub))
        for path in sorted(files):
            r = subprocess.run([binary, "import", path, "--kb", kb, "--dry-run"], capture_output=True, text=True)
            bad = [l for l in r.stderr.splitlines() if l and l != "claimkb import: nothing imported"
                   and not error.match(l)]
            if r.returncode not in (0, 1) or bad:
                failed += 1
                print(f"FAIL {path}: exit {r.returncode}\n{r.stderr}")
            else:
                counts[r.returncode] += 1
    print(f"{len(files)} files: {counts[0]} imported, {counts[1]} refused with file:line:column, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
