# Sourced by GUI tests after xvfb.sh: finds and clicks what the view drew by its text
# (KNP_SCREEN_TEXT, src/ui/screen_text.hpp). Needs $build, $out, $w (the view's window) and
# KNP_SCREEN_TEXT exported before the view starts.
fail() { echo "FAIL: $*"; exit 1; }

# The screen's text runs ("X Y W H CLIPPED TEXT"), the texts alone, all of it on one line.
texts() { cut -d' ' -f6- "$KNP_SCREEN_TEXT"; }
alltext() { texts | tr '\n' ' '; }
shown() { texts | grep -qxF -- "$1"; }
# run TEXT: "X Y W H" of the first run that is TEXT (PREFIX=1: that starts with TEXT).
run() {
  awk -v want="$1" -v prefix="${PREFIX:-0}" '{ t = $0; for (i = 1; i <= 5; i++) sub(/^[^ ]* /, "", t)
    if (t == want || (prefix && index(t, want) == 1)) { print $1, $2, $3, $4; exit } }' "$KNP_SCREEN_TEXT"
}
# at TEXT: the centre of the first run that is TEXT (PREFIX=1: that starts with TEXT).
at() {
  awk -v want="$1" -v prefix="${PREFIX:-0}" '{ t = $0; for (i = 1; i <= 5; i++) sub(/^[^ ]* /, "", t)
    if (t == want || (prefix && index(t, want) == 1)) { printf "%d %d\n", $1 + $3 / 2, $2 + $4 / 2; exit } }' "$KNP_SCREEN_TEXT"
}
point() {
  local p
  p=$(at "$1")
  [ -n "$p" ] || fail "no text \"$1\" on the screen (see $out/$2.png)"
  # shellcheck disable=SC2086
  xdotool mousemove --window "$w" $p
  sleep 0.7
}
click() { point "$1" "$2"; xdotool click 1; sleep 0.7; }
# A click on the empty end of the menu bar closes any open menu.
close_menus() { xdotool mousemove --window "$w" 1150 10 click 1; sleep 0.5; }
shot() { "$build/tests/knp_window_grab" "$out/$1.png" "$w"; cp "$KNP_SCREEN_TEXT" "$out/$1.txt"; }

