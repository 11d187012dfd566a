#!/usr/bin/env bash
# The desktop view opens the sample in a real window under Xvfb and saves a screenshot of the
# requested size, showing the actors in their sector colours and their names. Usage: screenshot_smoke.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
build=$1 datasets=$2 out=$3
mkdir -p "$out"
rm -f "$out/sample.knp" "$out/sample.png"
"$build/knp" import "$datasets/musterstadt" -o "$out/sample.knp" 2>/dev/null
xvfb-run -a -s "-screen 0 1920x1200x24" "$build/knotenpunkt" --screenshot "$out/sample.png" --size 1200x800 --frames 3 "$out/sample.knp"
# PNG signature and the IHDR width and height (bytes 16-23, big endian).
sig=$(od -An -tx1 -N8 "$out/sample.png" | tr -d ' \n')
[ "$sig" = "89504e470d0a1a0a" ] || { echo "not a PNG: $sig"; exit 1; }
width=$((16#$(od -An -tx1 -j16 -N4 "$out/sample.png" | tr -d ' \n')))
height=$((16#$(od -An -tx1 -j20 -N4 "$out/sample.png" | tr -d ' \n')))
[ "$width" = 1200 ] && [ "$height" = 800 ] || { echo "screenshot is ${width}x${height}, expected 1200x800"; exit 1; }
# Actors in their sector colours, and labels.
"$build/tests/knp_screenshot_check" "$out/sample.png" 9
# A bad input is refused with exit code 3 before any window opens.
set +e
"$build/knotenpunkt" "$datasets/../tests/data/bad/text.knp" 2>/dev/null
rc=$?
set -e
[ "$rc" = 3 ] || { echo "bad input gave exit code $rc, expected 3"; exit 1; }
echo "screenshot ok: ${width}x${height}"
