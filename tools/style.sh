#!/usr/bin/env bash
# Checks the C and C++ code's style, as tools/test.sh does after the build:
#   bash tools/style.sh [BUILD_DIR]   clang-format (.clang-format) over every C/C++ file of
#                                     the project, then clang-tidy (.clang-tidy) over every
#                                     translation unit of BUILD_DIR/compile_commands.json
#                                     (default build/); fails on any finding.
#   bash tools/style.sh --fix         formats every file in place (clang-tidy's warnings
#                                     are fixed by hand; each message says how).
# The build must be configured with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON. A translation unit
# found clean is not checked again until its preprocessed text (comments kept), its
# compile command, .clang-tidy or clang-tidy change: BUILD_DIR/style-cache/ remembers.
# STYLE_JOBS sets how many clang-tidy processes run at once (default: one a core).
set -euo pipefail
cd "$(dirname "$0")/.."

format=clang-format tidy=clang-tidy
command -v clang-format-14 >/dev/null && format=clang-format-14
command -v clang-tidy-14 >/dev/null && tidy=clang-tidy-14

# include/claimkb/version.hpp.in is left out: clang-format splits its @VARIABLES@.
sources() {
  find lib include tools tests bench fuzz examples python -type f \
    \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.c' \) | LC_ALL=C sort
}

if [ "${1:-}" = --fix ]; then
  sources | xargs "$format" -i
  echo "tools/style.sh: formatted $(sources | wc -l) files"
  exit 0
fi

build="${1:-build}"
status=0
if ! sources | xargs "$format" --dry-run --Werror; then
  echo "tools/style.sh: the files above are not formatted; format every file with: bash tools/style.sh --fix" >&2
  status=1
fi

db="$build/compile_commands.json"
if [ ! -f "$db" ]; then
  echo "tools/style.sh: no $db; configure with: cmake -S . -B $build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" >&2
  exit 1
fi
mkdir -p "$build/style-cache"
# gcc 12 compiles C++17 without being told (CMake then leaves -std out), but clang-tidy's
# clang would assume C++14: -std=gnu++17 goes before the command's own flags, so that a
# -std of the command still wins.
export STYLE_TIDY="$tidy" STYLE_BUILD="$build" STYLE_CACHE="$build/style-cache"
STYLE_CONFIG="$({ "$tidy" --version; cat .clang-tidy; echo "-std=gnu++17"; } | sha256sum | cut -d' ' -f1)"
export STYLE_CONFIG

# One translation unit: its directory, the command that preprocesses it (comments kept)
# and its file, each on a line of stdin. Prints clang-tidy's findings and fails if there
# are any.
check_one() {
  set -o pipefail
  local dir pre file key out
  IFS= read -r dir && IFS= read -r pre && IFS= read -r file
  if ! key="$({ echo "$STYLE_CONFIG $pre"; (cd "$dir" && eval "$pre"); } | sha256sum | cut -d' ' -f1)"; then
    echo "tools/style.sh: cannot preprocess $file" >&2
    return 1
  fi
  [ -e "$STYLE_CACHE/$key" ] && return 0
  if out="$("$STYLE_TIDY" -p "$STYLE_BUILD" --quiet --extra-arg-before=-std=gnu++17 --extra-arg=-Wno-unknown-warning-option "$file" 2>&1)"; then
    touch "$STYLE_CACHE/$key"
  else
    printf '%s\n' "$out" | grep -vE '^[0-9]+ warnings? (generated|treated as errors?)\.$' >&2
    return 1
  fi
}
export -f check_one

# The project's translation units, as NUL-terminated records for check_one: directory,
# the compile command with its output sent to stdout as preprocessed text, file.
units() {
  python3 -c '
import json, shlex, sys
root = sys.argv[2] + "/"
for e in json.load(open(sys.argv[1])):
    if not e["file"].startswith(root):
        continue
    args = e["arguments"] if "arguments" in e else shlex.split(e["command"])
    pre, skip = [], False
    for a in args:
        if skip or a == "-c":
            skip = False
        elif a == "-o":
            skip = True
        else:
            pre.append(a)
    sys.stdout.write(e["directory"] + "\n" + shlex.join(pre) + " -E -C -o -\n" + e["file"] + "\0")
' "$db" "$PWD"
}

count="$(units | tr -cd '\0' | wc -c)"
if ! units | xargs -0 -n 1 -P "${STYLE_JOBS:-$(nproc)}" bash -c 'printf "%s\n" "$1" | check_one' _; then
  echo "tools/style.sh: clang-tidy found the problems above: fix each as its message says or, where a" \
    "check is wrong for one line, end that line with // NOLINT(check-name): why" >&2
  status=1
fi
[ "$status" = 0 ] && echo "tools/style.sh: $(sources | wc -l) files formatted, $count translation units clean"
exit "$status"
