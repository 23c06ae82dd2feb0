#!/usr/bin/env python3
"""Ask the bundled knowledge base about a claim from Python: by id, or by a question
in plain words, and show the answer with its reasons and the studies counted.

    python3 examples/python_report.py [CLAIM-ID | QUESTION]
    (default: tight-psoas-causes-back-pain)

Needs the module: `pip install --no-build-isolation .` (docs/python.md), or
PYTHONPATH=build/python after building with -DCLAIMKB_PYTHON=ON.
"""
import sys

import claimkb


def main():
    asked = " ".join(sys.argv[1:]) or "tight-psoas-causes-back-pain"
    try:
        kb = claimkb.open()
    except claimkb.KBError as e:
        for d in e.diagnostics:
            print(d, file=sys.stderr)
        return 1
    report = kb.report(asked) or kb.verdict(asked)
    if report is None:
        m = kb.match(asked)
        print(f"Not sure which claim you mean by {asked!r}; the closest:", file=sys.stderr)
        for hit in m.candidates:
            print(f"  {hit.score:.2f}  {hit.id}", file=sys.stderr)
        return 3
    certainty = f", {report.certainty} certainty" if report.certainty else ""
    print(f"{report.statement}\nVerdict: {report.verdict}{certainty}\n{report.summary}\n\nWhy:")
    for reason in report.reasons:
        print(f"  {reason}")
    print("\nStudies:")
    for e in report.evidence:
        if e.counted:
            print(f"  [{e.stance}] {e.reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
