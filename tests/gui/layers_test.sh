#!/usr/bin/env bash
# The view's cached layers (a pan shifts the map and draws only the strips that came into view)
# must show what a whole redraw shows: the same 40 pans of the sample, once through the cache
# and once drawn whole every frame (KNP_BENCH_FULL_REDRAW), compared pixel by pixel. Labels may
# be placed a little differently near strip edges: at most 0.15 % of the pixels may differ
# (measured: 0.006 to 0.07 %).
# Usage: layers_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools xvfb-run:xvfb
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
shot() {
  xvfb-run -a -s "-screen 0 1400x900x24" env KNP_SCREENSHOT_PAN="$1" "${@:3}" \
    "$build/knotenpunkt" --screenshot "$out/$2.png" --size 1200x800 --frames 42 "$datasets/musterstadt"
}
for pan in "3,2" "-5,1" "0,-4"; do
  name=${pan//,/_}
  shot "$pan" "cached_$name"
  shot "$pan" "whole_$name" KNP_BENCH_FULL_REDRAW=1
  echo -n "pan $pan x 40 frames: "
  "$build/tests/knp_layer_compare" "$out/cached_$name.png" "$out/whole_$name.png" 0.0015
done
# And the comparison can fail: the unpanned view differs from the panned one.
shot "0,0" unpanned
if "$build/tests/knp_layer_compare" "$out/unpanned.png" "$out/whole_3_2.png" 0.01 >/dev/null; then
  echo "FAIL: the comparison does not see a pan of 120x80 pixels"; exit 1
fi
echo "layers ok"
