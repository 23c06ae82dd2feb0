"""Optional check against the YAML test suite's invalid cases, when they are here.

Run by CTest as: python3 yaml_suite_check.py CLAIMKB_BINARY [DATASETS_DIR]

DATASETS_DIR (default: ../shared/datasets/yaml-errors next to the source tree) holds
one folder per case with an in.yaml. Each in.yaml goes into a fresh KB as
claims/c.yaml, with an empty citations/, and `claimkb lint` must refuse it with
"FILE:LINE:COLUMN: error: invalid YAML..." (line and column from 1). The project's
own cases are tests/data/yaml-invalid; this only adds the suite's when it is present.
When the folder is not there the check exits 77, which CTest shows as Skipped.
"""
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def check_case(binary, in_yaml):
    """None when claimkb refuses the file with a position, else what went wrong."""
    with tempfile.TemporaryDirectory() as kb:
        os.makedirs(os.path.join(kb, "claims"))
        os.makedirs(os.path.join(kb, "citations"))
        target = os.path.join(kb, "claims", "c.yaml")
        with open(in_yaml, "rb") as src, open(target, "wb") as dst:
            dst.write(src.read())
        run = subprocess.run([binary, "lint", "--kb", kb], capture_output=True, text=True)
    if run.returncode == 0:
        return "accepted (lint exited 0)"
    found = re.search(re.escape(target) + r":(\d+):(\d+): error: invalid YAML",
                      run.stdout + run.stderr)
    if not found:
        return "refused without 'FILE:LINE:COLUMN: error: invalid YAML': " + \
               (run.stderr or run.stdout).strip()[:200]
    line, column = int(found.group(1)), int(found.group(2))
    if line < 1 or column < 1:
        return "position %d:%d is not a real one" % (line, column)
    return None


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = argv[1]
    folder = argv[2] if len(argv) == 3 else os.path.join(
        SOURCE_ROOT, "..", "shared", "datasets", "yaml-errors")
    if not os.path.isdir(folder):
        print("skipped: ../shared/datasets/yaml-errors is not here")
        print("(looked for %s)" % os.path.normpath(folder))
        return SKIP
    cases = sorted(name for name in os.listdir(folder)
                   if os.path.isfile(os.path.join(folder, name, "in.yaml")))
    if not cases:
        print("no case (NAME/in.yaml) in %s" % folder)
        return 1
    failed = 0
    for name in cases:
        problem = check_case(binary, os.path.join(folder, name, "in.yaml"))
        if problem:
            failed += 1
            print("%s: %s" % (name, problem))
    print("%d of %d invalid cases refused with a position" % (len(cases) - failed, len(cases)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
