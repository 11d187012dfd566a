#!/usr/bin/env bash
# Graphviz in a child process with limits: when it crashes, hangs or runs out of memory (made
# to on purpose through KNP_GRAPHVIZ_FAULT), knp reports it in words and exits 1 within the time
# limit, the project file is byte for byte unchanged (no layout step, no partial file), and the
# next Graphviz layout and drawing work as before.
# Usage: isolation_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools xmllint:libxml2-utils
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
knp="$build/knp"
p="$out/stadt.knp"
"$knp" import "$datasets/musterstadt" -o "$p" 2>/dev/null
sum=$(sha256sum "$p" | cut -d' ' -f1)
expect_failure() {  # expect_failure FAULT WORDS COMMAND...
  local fault=$1 words=$2
  shift 2
  local start=$SECONDS rc=0
  KNP_GRAPHVIZ_FAULT=$fault KNP_GRAPHVIZ_TIMEOUT=3 KNP_GRAPHVIZ_MEMORY_MB=400 "$@" > "$out/out.txt" 2> "$out/err.txt" || rc=$?
  echo "$fault: exit $rc after $((SECONDS - start)) s: $(cat "$out/err.txt")"
  [ $rc = 1 ] || fail "$fault: exit code $rc, expected 1"
  grep -q "$words" "$out/err.txt" || fail "$fault: the message does not say \"$words\""
  grep -q "nothing else was affected" "$out/err.txt" || fail "$fault: the message does not say that nothing else was affected"
  [ $((SECONDS - start)) -le 20 ] || fail "$fault: took longer than 20 s"
  [ "$(sha256sum "$p" | cut -d' ' -f1)" = "$sum" ] || fail "$fault: the project file changed"
}
expect_failure crash "crashed (signal 11" "$knp" layout "$p" --engine neato
expect_failure hang "gave no answer within 3 s" "$knp" layout "$p" --engine dot
expect_failure crash "crashed" "$knp" export "$p" -o "$out/karte.png"
[ ! -e "$out/karte.png" ] || fail "a crashed drawing left a file"
if [ -z "${KNP_SANITIZED:-}" ]; then  # ASan reserves terabytes of address space: no memory limit there
  expect_failure memory "needed more than 400 MB" "$knp" export "$p" -o "$out/karte.svg"
  [ ! -e "$out/karte.svg" ] || fail "a drawing stopped for memory left a file"
fi
# Afterwards, as before.
"$knp" layout "$p" --engine neato 2>/dev/null || fail "a Graphviz layout fails after the faults"
"$knp" history "$p" | tail -1 | grep -q "Anordnung: neato" || fail "the layout was not stored"
"$knp" export "$p" -o "$out/karte.svg" 2>/dev/null && xmllint --noout "$out/karte.svg" || fail "drawing fails after the faults"
echo "isolation ok"
