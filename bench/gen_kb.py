#!/usr/bin/env python3
"""Write a valid synthetic knowledge base for benchmarks.

    gen_kb.py OUT_DIR --claims N [--per-file K] [--seed S]

N claims and 2N citations, 3 evidence links a claim, depends_on chains of up to 4
claims (every 10th claim starts a chain), and N/4 concepts (each with three
synonyms and a broader concept) that every claim's `about` names, split over
files of K records (default 200) in nested folders. With --no-concepts, the same
KB without concepts/ and without `about`, to time what concepts cost.
Deterministic for a seed. Standard library only, so it runs on any Python 3.
"""
import argparse
import os
import random

DESIGNS = ["rct", "cohort", "case_control", "cross_sectional", "case_report",
           "systematic_review", "web"]
WORDS = ("psoas hip flexor lumbar pain stretching massage trial cohort muscle length "
         "tightness posture pelvis lordosis endurance exercise therapy foam rolling "
         "range motion palpation abdomen glute activation reliability validity").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def citation(rng, i):
    design = rng.choice(DESIGNS)
    lines = [f"- id: cit{i:07d}",
             f"  design: {design}",
             f"  title: \"{sentence(rng, 12)}\"",
             f"  authors: [{', '.join(f'Author{rng.randrange(1000)} AB' for _ in range(rng.randint(1, 8)))}]",
             f"  year: {rng.randint(1970, 2025)}"]
    if design == "web":
        lines.append("  publisher: Example Site")
    else:
        lines += [f"  journal: J Synth {rng.randrange(50)}",
                  f"  volume: \"{rng.randint(1, 90)}\"",
                  f"  issue: \"{rng.randint(1, 12)}\"",
                  f"  pages: {(p := rng.randint(1, 900))}-{p + rng.randint(3, 20)}",
                  f"  doi: 10.{rng.randint(1000, 9999)}/synth.{i}",
                  f"  pmid: \"{rng.randint(1000000, 39999999)}\"",
                  f"  n: {rng.randint(10, 3000)}",
                  f"  risk_of_bias: {rng.choice(['low', 'some_concerns', 'high', 'unclear'])}"]
    if design == "systematic_review":
        lines.append(f"  of: {rng.choice(['randomized', 'mixed', 'observational'])}")
    lines.append(f"  notes: \"Synthetic record {i}.\"")
    return "\n".join(lines)


RELATIONS = ["causes", "associated_with", "predicts", "relieves", "increases", "decreases", "measures"]


def letters(i):
    """A word of letters only for the number i (digits after letters are split off
    as a footnote by the tokenizer). It ends in "x", which no English suffix rule of
    the stemmer removes: without it, "qcabeli" (12048) and "qcabe" (120) stem alike."""
    out = ""
    while True:
        out = "bcdfghjklmnpqrstvwxz"[i % 20] + "aeiou"[(i // 20) % 5] + out
        i //= 100
        if i == 0:
            return "q" + out + "x"


def concept(i):
    # Made-up words, so that no two concepts share one (the loader refuses that).
    w = letters(i)
    lines = [f"- id: concept{i:07d}",
             f"  label: {w}",
             f"  synonyms: [{w}ish, \"{w} kind\", {{text: \"plain {w} words\", note: a test}}]"]
    if i >= 10:
        lines.append(f"  broader: [concept{i // 10:07d}]")
    return "\n".join(lines)


def claim(rng, i, citations, concepts):
    lines = [f"- id: claim{i:07d}",
             f"  statement: \"{sentence(rng, 10)}\"",
             f"  aliases: [\"{sentence(rng, 6)}\", \"{sentence(rng, 5)}\"]"]
    if concepts:
        a, b = rng.sample(range(concepts), 2)
        lines += ["  about:",
                  f"    subject: [concept{a:07d}]",
                  f"    relation: {rng.choice(RELATIONS)}",
                  f"    object: [concept{b:07d}]"]
    lines.append(f"  tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]")
    if i % 10 != 0:  # chains: claim i presupposes claim i-1 within each run of 4
        if i % 10 < 4:
            lines.append(f"  depends_on: [claim{i - 1:07d}]")
    lines.append("  evidence:")
    for c in rng.sample(range(citations), 3):
        lines += [f"    - citation: cit{c:07d}",
                  f"      stance: {rng.choice(['supports', 'refutes', 'supports', 'neutral'])}",
                  f"      finding: \"{sentence(rng, 11)}\""]
        if rng.random() < 0.2:
            lines.append("      directness: indirect")
        if rng.random() < 0.1:
            lines.append(f"      effect: {rng.choice(['small', 'moderate', 'large'])}")
    return "\n".join(lines)


def write_files(out, kind, records, per_file):
    for start in range(0, len(records), per_file):
        folder = os.path.join(out, kind, f"part{start // (per_file * 50):03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{kind}{start:07d}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(records[start:start + per_file]) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--claims", type=int, required=True)
    ap.add_argument("--per-file", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-concepts", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    ncit = 2 * a.claims
    nconcepts = 0 if a.no_concepts else max(2, a.claims // 4)
    write_files(a.out, "citations", [citation(rng, i) for i in range(ncit)], a.per_file)
    write_files(a.out, "claims", [claim(rng, i, ncit, nconcepts) for i in range(a.claims)], a.per_file)
    if nconcepts:
        write_files(a.out, "concepts", [concept(i) for i in range(nconcepts)], a.per_file)


if __name__ == "__main__":
    main()
