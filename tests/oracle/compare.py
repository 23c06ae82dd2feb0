#!/usr/bin/python3
"""Compare claimkb's verdicts with the independent oracle.

    compare.py CLAIMKB_BINARY KB_DIR
    compare.py CLAIMKB_BINARY --random SEEDS CLAIMS
    ... --via-snapshot   compile each KB with `claimkb compile` and ask the snapshot

Exit 0 when every claim agrees, 1 on any disagreement (or when the binary fails).
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import gen_kb  # noqa: E402
import grade_oracle  # noqa: E402


VIA_SNAPSHOT = False


def binary_verdicts(binary, kb_dir):
    """`claimkb list --kb KB_DIR --json` -> {id: {"verdict": ..., "certainty": ...}}.

    With VIA_SNAPSHOT, the KB is first compiled and the snapshot is asked."""
    if VIA_SNAPSHOT:
        with tempfile.TemporaryDirectory(prefix='claimkb-oracle-snap-') as tmp:
            snapshot = pathlib.Path(tmp) / 'kb.ckb'
            proc = subprocess.run([binary, 'compile', '--kb', str(kb_dir), '-o', str(snapshot)],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                raise RuntimeError(f'{binary} compile exited {proc.returncode}:\n{proc.stderr.strip()}')
            return _list(binary, snapshot)
    return _list(binary, kb_dir)


def _list(binary, kb):
    proc = subprocess.run([binary, 'list', '--kb', str(kb), '--json'],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f'{binary} list exited {proc.returncode}:\n{proc.stderr.strip()}')
    return {o['id']: {'verdict': o.get('verdict'), 'certainty': o.get('certainty')}
            for o in json.loads(proc.stdout)}


def _show(answer):
    if answer is None:
        return '<missing>'
    certainty = answer['certainty']
    return f"{answer['verdict']}/{'null' if certainty is None else certainty}"


def compare(binary, kb_dir):
    """Returns (number of claims, disagreement lines)."""
    got = binary_verdicts(binary, kb_dir)
    want = grade_oracle.grade_kb(kb_dir)
    lines = [f'{cid}: binary={_show(got.get(cid))} oracle={_show(want.get(cid))}'
             for cid in sorted(set(got) | set(want)) if got.get(cid) != want.get(cid)]
    return len(set(got) | set(want)), lines


def compare_one(binary, kb_dir):
    try:
        count, lines = compare(binary, kb_dir)
    except (RuntimeError, ValueError, KeyError, TypeError) as e:
        print(f'{kb_dir}: {e}')
        return 1
    for line in lines:
        print(line)
    if lines:
        print(f'{len(lines)} of {count} claims disagree')
        return 1
    print(f'{count} claims agree')
    return 0


def compare_random(binary, seeds, n_claims):
    tmp = pathlib.Path(tempfile.mkdtemp(prefix='claimkb-oracle-'))
    total = 0
    for seed in range(1, seeds + 1):
        kb = tmp / f'seed-{seed}'
        gen_kb.write_kb(kb, seed, n_claims)
        try:
            count, lines = compare(binary, kb)
        except (RuntimeError, ValueError, KeyError, TypeError) as e:
            count, lines = 0, [str(e)]
        if lines:
            for line in lines:
                print(line)
            print(f'seed {seed}: {len(lines)} disagreement(s); KB kept in {kb}')
            return 1
        total += count
        shutil.rmtree(kb)
    shutil.rmtree(tmp)
    print(f'{total} claims agree ({seeds} seeds x {n_claims} claims)')
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('binary')
    ap.add_argument('kb_dir', nargs='?')
    ap.add_argument('--random', nargs=2, type=int, metavar=('SEEDS', 'CLAIMS'))
    ap.add_argument('--via-snapshot', action='store_true')
    args = ap.parse_args(argv)
    global VIA_SNAPSHOT
    VIA_SNAPSHOT = args.via_snapshot
    if (args.kb_dir is None) == (args.random is None):
        ap.error('give either KB_DIR or --random SEEDS CLAIMS')
    if args.random:
        return compare_random(args.binary, *args.random)
    return compare_one(args.binary, args.kb_dir)


if __name__ == '__main__':
    sys.exit(main())
