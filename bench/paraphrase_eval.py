#!/usr/bin/env python3
"""How well claimkb finds claims said in other people's words.

    paraphrase_eval.py CLAIMKB_BINARY SET_DIR [SET_DIR...] [--kb KB] [--show-misses]
                       [--require] [--json]

Each SET_DIR holds questions.yaml and articles/*.txt with articles/*.yaml labels
(tests/data/paraphrase/README.md has the format). For the questions it counts:
  answered  on-topic questions answered with the intended claim (target >= 90%)
  wrong     on-topic questions answered with another claim
  off-topic off-topic questions answered with any claim (target 0)
  declined  off-topic questions declined (exit 3), as a share of them
For the articles, aligning each labelled sentence with `claimkb check --json`'s
mentions by byte span:
  recall    labelled claim sentences reported with their claim (target >= 85%)
  precision mentions whose sentence is labelled with that claim (target >= 95%)
  polarity  correct polarity among the recalled sentences (target >= 90%)
With --require, exits 1 when any target is missed; with --floors
answered=0.6,off_topic=0,..., when any figure is worse than its floor (what the
test suite checks: the figures reached, so that a change that loses ground
fails). Standard library and PyYAML only.
"""
import argparse
import json
import os
import subprocess
import sys

import yaml

TARGETS = {"answered": 0.90, "off_topic": 0, "recall": 0.85, "precision": 0.95, "polarity": 0.90}


def run(binary, kb, *args, stdin=None):
    cmd = [binary] + (["--kb", kb] if kb else []) + list(args)
    return subprocess.run(cmd, capture_output=True, input=stdin)


def eval_questions(binary, kb, path, show):
    with open(path, encoding="utf-8") as f:
        questions = yaml.safe_load(f)
    s = {"on_topic": 0, "answered": 0, "wrong": 0, "off_topic_total": 0, "off_topic": 0, "declined": 0}
    misses = []
    for q in questions:
        r = run(binary, kb, "verdict", q["q"], "--json")
        got = json.loads(r.stdout)["id"] if r.returncode == 0 else None
        if q["expect"] == "none":
            s["off_topic_total"] += 1
            if got is None:
                s["declined"] += 1
            else:
                s["off_topic"] += 1
                misses.append(("answered off-topic", q["q"], got))
        else:
            s["on_topic"] += 1
            if got == q["expect"]:
                s["answered"] += 1
            elif got is None:
                misses.append(("declined", q["q"], q["expect"]))
            else:
                s["wrong"] += 1
                misses.append(("WRONG " + got, q["q"], q["expect"]))
    if show:
        for kind, text, detail in misses:
            print(f"  [{kind}] {text}  -> {detail}")
    return s


def eval_article(binary, kb, txt, labels_path, show):
    with open(txt, "rb") as f:
        raw = f.read()
    with open(labels_path, encoding="utf-8") as f:
        labels = yaml.safe_load(f)
    # Each labelled sentence's byte span, found in order.
    spans, at = [], 0
    for lab in labels:
        needle = lab["sentence"].encode("utf-8")
        i = raw.find(needle, at)
        if i < 0:
            i = raw.find(needle)
        spans.append((i, i + len(needle), lab))
        at = max(at, i + len(needle)) if i >= 0 else at
    r = run(binary, kb, "check", "-", "--json", stdin=raw)
    mentions = json.loads(r.stdout) if r.returncode == 0 else []
    s = {"labelled": 0, "recalled": 0, "mentions": len(mentions), "right_mentions": 0, "polarity_right": 0}

    def overlapping(m):
        return [sp for sp in spans if sp[0] >= 0 and sp[0] < m["end"] and m["begin"] < sp[1]]

    for m in mentions:
        labs = [sp[2] for sp in overlapping(m)]
        if any(lab["claim"] == m["id"] for lab in labs):
            s["right_mentions"] += 1
        elif show:
            print(f"  [false] {m['sentence'][:110]!r} -> {m['id']} (labelled "
                  f"{[lab['claim'] for lab in labs]})")
    for begin, end, lab in spans:
        if lab["claim"] == "none":
            continue
        s["labelled"] += 1
        hit = [m for m in mentions if m["begin"] < end and begin < m["end"] and m["id"] == lab["claim"]]
        if hit:
            s["recalled"] += 1
            if hit[0].get("polarity") == lab["polarity"]:
                s["polarity_right"] += 1
            elif show:
                print(f"  [polarity {hit[0].get('polarity')} != {lab['polarity']}] {lab['sentence'][:100]!r}")
        elif show:
            print(f"  [missed] {lab['sentence'][:110]!r} -> {lab['claim']}")
    return s


def add(total, s):
    for k, v in s.items():
        total[k] = total.get(k, 0) + v


def ratio(a, b):
    return a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--kb")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--require", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--floors", help="name=value,...: fail when a figure is worse (wrong and off_topic: more)")
    a = ap.parse_args()
    floors = dict((k, float(v)) for k, v in (x.split("=") for x in a.floors.split(","))) if a.floors else {}
    results, failed = {}, False
    for d in a.sets:
        name = os.path.basename(os.path.normpath(d))
        if a.show_misses:
            print(f"== {name}: questions")
        q = eval_questions(a.binary, a.kb, os.path.join(d, "questions.yaml"), a.show_misses)
        art = {}
        adir = os.path.join(d, "articles")
        for f in sorted(os.listdir(adir)):
            if f.endswith(".txt"):
                if a.show_misses:
                    print(f"== {name}: {f}")
                add(art, eval_article(a.binary, a.kb, os.path.join(adir, f),
                                      os.path.join(adir, f[:-4] + ".yaml"), a.show_misses))
        r = {
            "questions": q["on_topic"] + q["off_topic_total"],
            "answered": ratio(q["answered"], q["on_topic"]),
            "wrong": q["wrong"],
            "off_topic": q["off_topic"],
            "declined": ratio(q["declined"], q["off_topic_total"]),
            "sentences": art["labelled"],
            "recall": ratio(art["recalled"], art["labelled"]),
            "precision": ratio(art["right_mentions"], art["mentions"]),
            "polarity": ratio(art["polarity_right"], art["recalled"]),
        }
        results[name] = r
        missed = [k for k, t in TARGETS.items() if (r[k] > t if k == "off_topic" else r[k] < t)]
        failed = failed or bool(missed)
        r["missed_targets"] = missed
    if a.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{'set':24} {'questions':>9} {'answered':>9} {'wrong':>6} {'off-topic':>9} {'declined':>9} "
              f"{'sentences':>9} {'recall':>7} {'precision':>9} {'polarity':>9}")
        for name, r in results.items():
            print(f"{name:24} {r['questions']:9d} {r['answered']:9.1%} {r['wrong']:6d} {r['off_topic']:9d} "
                  f"{r['declined']:9.1%} {r['sentences']:9d} {r['recall']:7.1%} {r['precision']:9.1%} "
                  f"{r['polarity']:9.1%}")
        print(f"{'target':24} {'':9} {'>= 90%':>9} {'':6} {'0':>9} {'':9} {'':9} {'>= 85%':>7} {'>= 95%':>9} "
              f"{'>= 90%':>9}")
    worse = [(name, k, r[k], f) for name, r in results.items() for k, f in floors.items()
             if (r[k] > f if k in ("wrong", "off_topic") else r[k] < f)]
    for name, k, got, f in worse:
        print(f"paraphrase_eval: {name}: {k} is {got:.3f}, worse than its floor {f}", file=sys.stderr)
    if worse:
        sys.exit(1)
    if a.require and failed:
        for name, r in results.items():
            if r["missed_targets"]:
                print(f"paraphrase_eval: {name} misses {', '.join(r['missed_targets'])}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
