#!/usr/bin/env bash
# Saves what a claimkb binary answers, to compare two builds byte for byte (a change
# that must not change behaviour, e.g. a faster search):
#   bash tools/compare_outputs.sh build/claimkb /tmp/before   # the old build
#   bash tools/compare_outputs.sh build/claimkb /tmp/after    # after the change
#   diff -r /tmp/before /tmp/after && echo identical
# For the bundled KB: `verdict --json` (stdout and exit code) and `search --json` of
# every question in tests/data/paraphrase*/questions.yaml, and `check --json` of
# every article in tests/data/*/articles/ and tests/data/articles/. For two
# synthetic KBs written by bench/gen_kb.py (2,000 claims; its concepts all named
# by made-up words) and, when given as $3, one more KB (e.g. the search benchmark's
# build/bench/bench-search-kb-2/1000): the same commands over questions built from
# the KB's own claims (their concepts' labels and synonyms, broader concepts, their
# statements' words), from the YAML and from a snapshot the binary compiles.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
out=$2
extra=${3:-}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME ARGS...: stdout to NAME.out, the exit code as its last line.
run() {
  local name=$1
  shift
  local rc=0
  "$bin" "$@" >"$out/$name.out" 2>/dev/null || rc=$?
  echo "exit $rc" >>"$out/$name.out"
}

# ask PREFIX QUESTIONS_FILE KB_ARGS...: verdict and search for each line.
ask() {
  local prefix=$1 file=$2 i=0
  shift 2
  while IFS= read -r q; do
    i=$((i + 1))
    run "$prefix-q$i-verdict" "$@" verdict "$q" --json
    run "$prefix-q$i-search" "$@" search "$q" --json
  done <"$file"
}

python3 - "$work/bundled.txt" <<'EOF'
import sys, yaml
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for path in ("tests/data/paraphrase/questions.yaml", "tests/data/paraphrase-holdout/questions.yaml"):
        for q in yaml.safe_load(open(path, encoding="utf-8")):
            f.write(q["q"].replace("\n", " ") + "\n")
EOF
ask bundled "$work/bundled.txt"
for f in tests/data/*/articles/*.txt tests/data/articles/*.txt; do
  run "check-$(echo "$f" | tr '/' '_')" check "$f" --json
done

# Questions from a KB's claims: statement words, concept labels and synonyms.
questions_of() {
  python3 - "$1" "$2" <<'EOF'
import glob, os, random, sys, yaml
kb, out = sys.argv[1], sys.argv[2]
def records(kind):
    for p in sorted(glob.glob(os.path.join(kb, kind, "**", "*.yaml"), recursive=True)):
        yield from yaml.safe_load(open(p, encoding="utf-8")) or []
concepts = {c["id"]: c for c in records("concepts")}
def names(cid, rng):
    c = concepts[cid]
    return rng.choice([c["label"]] + [s if isinstance(s, str) else s["text"] for s in c.get("synonyms", [])])
claims = list(records("claims"))
rng = random.Random(5)
verbs = ["cause", "relieve", "predict", "increase", "decrease", "measure", "help", "go with"]
qs = []
for _ in range(40):
    c = rng.choice(claims)
    words = c["statement"].rstrip(".").split()
    rng.shuffle(words)
    qs.append("does " + " ".join(words[:3 + rng.randrange(4)]) + "?")
    a = c.get("about")
    if not a:
        continue
    s, o = a["subject"][0], (a.get("object") or [None])[0]
    kind = rng.randrange(5)
    if kind == 0 and o:
        qs.append(f"does {names(s, rng)} {rng.choice(verbs)} {names(o, rng)}?")
    elif kind == 1:
        qs.append(f"is {names(s, rng)} any good?")
    elif kind == 2 and o and concepts[o].get("broader"):
        qs.append(f"can {names(s, rng)} {rng.choice(verbs)} {names(concepts[o]['broader'][0], rng)}?")
    elif kind == 3 and o and concepts[s].get("broader"):
        qs.append(f"does {names(concepts[s]['broader'][0], rng)} {rng.choice(verbs)} {names(o, rng)} more than rest?")
    elif o:
        qs.append(f"{names(s, rng)} {names(o, rng)} " + " ".join(words[:2]))
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(qs) + "\n")
# An article: the questions as sentences, some claims' statements, in paragraphs.
with open(out + ".article.txt", "w", encoding="utf-8") as f:
    for i, q in enumerate(qs):
        f.write(q.rstrip("?").capitalize() + ". " + rng.choice(claims)["statement"] + (" \n\n" if i % 5 == 4 else " "))
EOF
}

# synthetic NAME KB_DIR: questions and the article, from the YAML and a snapshot.
synthetic() {
  local name=$1 kb=$2
  questions_of "$kb" "$work/$name.txt"
  "$bin" --kb "$kb" compile -o "$work/$name.ckb" >/dev/null 2>&1
  ask "$name-yaml" "$work/$name.txt" --kb "$kb"
  ask "$name-snapshot" "$work/$name.txt" --kb "$work/$name.ckb"
  run "$name-yaml-check" --kb "$kb" check "$work/$name.txt.article.txt" --json
  run "$name-snapshot-check" --kb "$work/$name.ckb" check "$work/$name.txt.article.txt" --json
}

python3 bench/gen_kb.py "$work/gen" --claims 2000 --seed 3
synthetic gen "$work/gen"
if [ -n "$extra" ]; then synthetic extra "$extra"; fi
echo "$(ls "$out" | wc -l) outputs in $out"
