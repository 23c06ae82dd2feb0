#!/usr/bin/env python3
"""The Python module's cost per report(): kb.report(id) from Python against the same
KnowledgeBase::report(id) call timed in C++ (the module's _time_report), on the
bundled KB, for every claim; prints the mean of each and their difference.

    PYTHONPATH=build-release/python python3 bench/python_report_bench.py [N]

N calls per claim (default 2000). Build with -DCLAIMKB_PYTHON=ON (a Release build
for figures to quote; docs/python.md has the last run).
"""
import statistics
import sys
import time

import claimkb


def python_ns(kb, claim_id, n):
    report = kb.report
    start = time.perf_counter_ns()
    for _ in range(n):
        report(claim_id)
    return (time.perf_counter_ns() - start) / n


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    kb = claimkb.open()
    ids = [c.id for c in kb]
    py, cpp = [], []
    for claim_id in ids:
        python_ns(kb, claim_id, n // 10)  # warm: records decoded, caches filled
        claimkb._claimkb._time_report(kb, claim_id, n // 10)
        # Best of three of each, so that a neighbour's burst of work is not counted.
        py.append(min(python_ns(kb, claim_id, n) for _ in range(3)))
        cpp.append(min(claimkb._claimkb._time_report(kb, claim_id, n) for _ in range(3)))
    over = [p - c for p, c in zip(py, cpp)]
    print(f"claims: {len(ids)}, calls per claim: {n}")
    print(f"C++ KnowledgeBase::report: mean {statistics.mean(cpp) / 1000:.2f} us")
    print(f"Python kb.report:          mean {statistics.mean(py) / 1000:.2f} us")
    print(f"overhead per call:         mean {statistics.mean(over) / 1000:.2f} us, "
          f"max {max(over) / 1000:.2f} us")
    # report() plus reading every attribute a caller shows (the typed object's use).
    start = time.perf_counter_ns()
    for claim_id in ids:
        r = kb.report(claim_id)
        _ = (r.verdict, r.certainty, r.summary, r.reasons, [e.reference for e in r.evidence])
    print(f"report + reading its attributes: {(time.perf_counter_ns() - start) / len(ids) / 1000:.2f} us a claim")


if __name__ == "__main__":
    main()
