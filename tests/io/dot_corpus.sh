#!/usr/bin/env bash
# Graphviz's own example graphs (Debian's graphviz-doc) are real DOT files of every kind:
# knp reads every one of the 55 that bookworm's graphviz-doc ships (none refused, none crashes
# or hangs); a refusal is printed with its message and fails the test.
# Usage: dot_corpus.sh BUILD_DIR
set -uo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools timeout:coreutils
build=$1
files=$(find /usr/share/doc/graphviz -name "*.gv" 2>/dev/null | sort)
[ -n "$files" ] || knp_skip "no Graphviz examples under /usr/share/doc/graphviz (Debian package graphviz-doc)"
read=0 refused=0 failed=0
for f in $files; do
  msg=$(timeout 30 "$build/knp" info "$f" 2>&1 >/dev/null)
  rc=$?
  case $rc in
    0) read=$((read + 1)) ;;
    3) refused=$((refused + 1)); echo "refused: $msg" ;;
    *) failed=$((failed + 1)); echo "FAIL: $f: exit code $rc: $msg" ;;
  esac
done
echo "Graphviz examples: $read read, $refused refused with a message, $failed failed"
[ "$failed" -eq 0 ] && [ "$refused" -eq 0 ] && [ "$read" -ge 55 ]
