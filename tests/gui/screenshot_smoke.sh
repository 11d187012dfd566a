#!/usr/bin/env bash
# The desktop view opens the sample in a real window under Xvfb and saves a screenshot of the
# requested size, showing on the map (outside the menu bar and the panels) actors of every one
# of the eleven sectors in their colours, and their names. 1600x1000: at 1200x800 the fitted map
# reaches under the right-hand panels, and four of the five Wirtschaft actors are hidden there.
# The same check on an empty project must fail: the panels' own text and colours (legend, actor
# table, findings) do not count as a map.
# Usage: screenshot_smoke.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools xvfb-run:xvfb
build=$1 datasets=$2 out=$3
mkdir -p "$out"
rm -f "$out/sample.knp" "$out/sample.png" "$out/empty.knp" "$out/empty.png"
"$build/knp" import "$datasets/musterstadt" -o "$out/sample.knp" 2>/dev/null
xvfb-run -a -s "-screen 0 1920x1200x24" "$build/knotenpunkt" --screenshot "$out/sample.png" --size 1600x1000 --frames 3 "$out/sample.knp"
# PNG signature and the IHDR width and height (bytes 16-23, big endian).
sig=$(od -An -tx1 -N8 "$out/sample.png" | tr -d ' \n')
[ "$sig" = "89504e470d0a1a0a" ] || { echo "not a PNG: $sig"; exit 1; }
width=$((16#$(od -An -tx1 -j16 -N4 "$out/sample.png" | tr -d ' \n')))
height=$((16#$(od -An -tx1 -j20 -N4 "$out/sample.png" | tr -d ' \n')))
[ "$width" = 1600 ] && [ "$height" = 1000 ] || { echo "screenshot is ${width}x${height}, expected 1600x1000"; exit 1; }
# Actors in their sectors' colours, and labels, on the map. The map is fitted into the room the
# panels leave, so the smallest actors (the least size, 14 pixels across with their outline) have
# no 7 x 7 patch of their colour for the check: eight of the eleven sectors must show.
"$build/tests/knp_screenshot_check" "$out/sample.png" 8
# An empty project: no actor and no label on the map, so the check fails.
"$build/knp" new "$out/empty.knp" --name Leer 2>/dev/null
xvfb-run -a -s "-screen 0 1920x1200x24" "$build/knotenpunkt" --screenshot "$out/empty.png" --size 1600x1000 --frames 3 "$out/empty.knp"
if "$build/tests/knp_screenshot_check" "$out/empty.png" 11 > "$out/empty-check.txt" 2>&1; then
  cat "$out/empty-check.txt"
  echo "FAIL: the check passes on an empty project: it counts what is not on the map"
  exit 1
fi
echo "an empty project fails the check, as it should: $(grep '^sectors on the map' "$out/empty-check.txt")"
# A bad input is refused with exit code 3 before any window opens.
set +e
"$build/knotenpunkt" "$datasets/../tests/data/bad/text.knp" 2>/dev/null
rc=$?
set -e
[ "$rc" = 3 ] || { echo "bad input gave exit code $rc, expected 3"; exit 1; }
echo "screenshot ok: ${width}x${height}"
