#!/usr/bin/env bash
# What the window shows, read back from the X server (not from OpenGL), is the same whichever
# way the view presents its frames: OpenGL's blit and buffer swap, or the shared-memory image
# the view uses on software renderers (src/ui/presenter.hpp), which puts only what changed
# outside unchanged panels. Both runs get the same input (a menu, a drag, a hover). The X11 picture must show the
# sample (sector colours, labels). Only the analysis time shown in the panel may differ.
# Usage: present_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
project="$out/sample.knp"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
"$build/knp" layout "$project" >/dev/null 2>&1
export XDG_CONFIG_HOME="$out/config" LC_ALL=C.UTF-8

source "$(dirname "$0")/xvfb.sh"
view=""
cleanup() { [ -z "$view" ] || kill -9 "$view" 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT

grab() {  # grab MODE NAME: run the view presenting through MODE, save its window as NAME.png
  KNP_PRESENT=$1 KNP_REPORT_FIRST_FRAME=1 "$build/knotenpunkt" --size 1500x950 "$project" >"$out/$2.log" 2>&1 &
  view=$!
  local w
  w=$(window_of "$view") || { cat "$out/$2.log"; exit 1; }
  # Input only once the view draws (a loaded host may take seconds to the first frame).
  for _ in $(seq 200); do grep -q "first frame" "$out/$2.log" && break; sleep 0.1; done
  sleep 1
  xdotool windowfocus --sync "$w" 2>/dev/null || xdotool windowfocus "$w"
  # A menu opened and closed (drawn over the panels), a right-button drag that pans the map past the
  # margin of its layer, an actor hovered: what the window shows of each must go away again.
  xdotool mousemove --window "$w" 230 12 click 1
  sleep 0.4
  xdotool click 1
  sleep 0.2
  # Dear ImGui 1.86 reads the cursor once a frame: the press and the release each get frames of
  # their own at rest, so a slow frame cannot fold the first or last moves into them and change
  # how far the map pans.
  xdotool mousemove --window "$w" 600 700 mousedown 3
  sleep 0.5
  for step in $(seq 1 15); do xdotool mousemove --window "$w" $((600 + 9 * step)) $((700 - 5 * step)); sleep 0.03; done
  sleep 0.5
  xdotool mouseup 3
  sleep 0.3
  # The mouse away from the map (no hover), the analysis in, the view at rest.
  xdotool mousemove 1599 999
  sleep 2
  "$build/tests/knp_window_grab" "$out/$2.png" "$w"
  kill "$view"; wait "$view" 2>/dev/null || true
  view=""
}
grab gl gl
grab x11 x11
echo -n "X11 picture: "
# The map fits into the room between the panels: most of the sample's actors are then too small
# for the check's 7 x 7 test of a filled shape; the biggest four sectors and the names count.
"$build/tests/knp_screenshot_check" "$out/x11.png" 4
echo -n "OpenGL vs X11 shared memory: "
"$build/tests/knp_layer_compare" "$out/gl.png" "$out/x11.png" 0.0005
# The comparison sees a difference: the sample against an empty project.
"$build/knp" new "$out/empty.knp" >/dev/null
project="$out/empty.knp"
grab x11 empty
if "$build/tests/knp_layer_compare" "$out/gl.png" "$out/empty.png" 0.0005; then
  echo "FAIL: the comparison does not see the sample missing"; exit 1
fi
echo "present ok"
