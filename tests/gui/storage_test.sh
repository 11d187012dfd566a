#!/usr/bin/env bash
# Storage failures in the middle of a workshop, in a real window under Xvfb driven by xdotool
# (issue 16, point 11). The files are read with Python's sqlite3 module. Without root-only tricks:
# - a full disk is a file size limit on the running view (prlimit --fsize, RLIMIT_FSIZE: writes
#   that would grow a file fail with EFBIG; SIGXFSZ ignored);
# - a USB stick pulled out is the project's folder renamed while the view has it open.
# 1. Disk full, then an actor captured by keyboard (N, name, Enter): the view stays up, says in
#    German what happened (a modal; a line in the log; "nicht gespeichert" in the title), keeps
#    the actor on the map; the project file is byte for byte as before and sound. Enter in the
#    message is "Speichern unter …": saved to a good folder (the limit lifted: another disk),
#    the new file holds the actor and the old history, and the next edit is stored there.
# 2. Folder gone, an actor captured; Escape ("Später"), a second actor in memory; Ctrl+Shift+S
#    into a folder that does not exist is refused with a notice (still kept), then saves both
#    elsewhere; the file in the renamed folder is unchanged and sound.
# 3. The sample without positions opened on a full disk: the layout made on opening cannot be
#    stored but is shown (actors spread out, not on one spot); Ctrl+Q asks first instead of
#    losing it; saved elsewhere with it, after which Ctrl+Q quits.
# Usage: storage_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool prlimit:util-linux
require_python_modules sqlite3:libpython3-stdlib
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out/stick" "$out/stick2" "$out/stick3" "$out/good"
out=$(cd "$out" && pwd)
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" KNP_FILE_DIALOG=builtin LC_ALL=C.UTF-8
for p in stick/workshop stick2/workshop stick3/muster; do
  "$build/knp" import "$datasets/musterstadt" -o "$out/$p.knp" 2>/dev/null
done
"$build/knp" layout "$out/stick/workshop.knp" >/dev/null 2>&1
"$build/knp" layout "$out/stick2/workshop.knp" >/dev/null 2>&1

source "$(dirname "$0")/xvfb.sh"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT

fail() { echo "FAIL: $*"; exit 1; }
q() {  # FILE SQL: the first column of the first row (Python's sqlite3 module, read-only)
  python3 -c 'import sqlite3, sys; print(sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}
actors() { q "$1" "SELECT count(*) FROM actors"; }
has_actor() { [ "$(q "$1" "SELECT count(*) FROM actors WHERE name='$2'")" = 1 ]; }
sound() { [ "$(q "$1" "PRAGMA integrity_check")" = ok ]; }
sum() { sha256sum "$1" | cut -d' ' -f1; }

# start_view LOG FILE [BYTES]: the view on FILE (files may not grow beyond BYTES from the start),
# its log through a pipe (a size limit does not stop a pipe); sets $view and $window.
start_view() {
  local log=$1 file=$2 limit=${3:-unlimited}
  (trap '' XFSZ; exec prlimit --fsize="$limit": "$build/knotenpunkt" --size 1400x900 "$file") 2> >(cat >"$log") &
  view=$!
  pids+=($view)
  window=$(window_of $view) || exit 1
  sleep 2
  xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
}

capture() {  # N at the mouse, the name, Enter
  xdotool mousemove --window "$window" 620 470
  xdotool key n
  sleep 0.5
  xdotool type --delay 100 "$1"
  xdotool key Return
  sleep 1.5
}

save_as() {  # in the file dialog now open: the whole path, Enter
  sleep 0.8
  xdotool key ctrl+a
  xdotool type --delay 20 "$1"
  xdotool key Return
  sleep 1.5
}

grab() { "$build/tests/knp_window_grab" "$out/$1" "$window" >/dev/null 2>&1 || echo "(no screenshot $1)"; }

expect_message() {  # LOG: the view runs, said it keeps the changes, the title says "nicht gespeichert"
  kill -0 $view 2>/dev/null || fail "the view exited: $(cat "$1")"
  grep -q "could not store the change" "$1" || fail "no message about the change kept in memory: $(cat "$1")"
  title=$(xdotool getwindowname "$window")
  case "$title" in *"[nicht gespeichert]"*) ;; *) fail "the title does not say \"nicht gespeichert\": $title" ;; esac
}

# 1. A full disk during keyboard capture.
project="$out/stick/workshop.knp"
before=$(sum "$project")
start_view "$out/full.log" "$project"
prlimit --pid $view --fsize=4096:
# (ASCII names: xdotool types umlauts and ß by remapping a key, which a slow sanitized view can miss;
# tests/gui/capture_test.sh covers umlauts.)
capture "Buergerinitiative Sonnenberg"
expect_message "$out/full.log"
grab full-message.png
[ "$(sum "$project")" = "$before" ] || fail "the project file changed"
sound "$project" || fail "the project file is not sound"
[ "$(actors "$project")" = 67 ] || fail "the project file has $(actors "$project") actors"
echo "full disk: the view runs, the message is shown (title: $title), the file is unchanged and sound"
prlimit --pid $view --fsize=unlimited:   # another disk, with space
xdotool key Return                          # the message's "Speichern unter …"
save_as "$out/good/gerettet.knp"
grab full-saved.png
saved="$out/good/gerettet.knp"
[ -f "$saved" ] || fail "nothing saved at $saved: $(cat "$out/full.log")"
sound "$saved" || fail "the saved file is not sound"
[ "$(actors "$saved")" = 68 ] && has_actor "$saved" "Buergerinitiative Sonnenberg" || fail "the saved file lacks the captured actor ($(actors "$saved") actors)"
"$build/knp" history "$saved" | grep -q "Akteur hinzugefügt: Buergerinitiative Sonnenberg" || fail "the saved history lacks the actor"
[ "$("$build/knp" history "$saved" | grep -c .)" -ge 3 ] || fail "the saved file lost the project's history"
title=$(xdotool getwindowname "$window")
case "$title" in *"gerettet.knp"*) ;; *) fail "the view does not show the saved file: $title" ;; esac
case "$title" in *"nicht gespeichert"*) fail "still \"nicht gespeichert\" after saving: $title" ;; esac
capture "Nach dem Speichern"
has_actor "$saved" "Nach dem Speichern" || fail "an edit after saving is not stored in the saved file"
[ "$(sum "$project")" = "$before" ] || fail "the project file changed"
kill -9 $view; wait $view 2>/dev/null || true
echo "saved elsewhere: $(actors "$saved") actors with the captured one and the history; later edits are stored there"

# 2. The USB stick pulled out: the project's folder renamed while the view has it open.
project="$out/stick2/workshop.knp"
before=$(sum "$project")
start_view "$out/gone.log" "$project"
mv "$out/stick2" "$out/stick2-abgezogen"
capture "Tafel Sued"
expect_message "$out/gone.log"
grab gone-message.png
xdotool key Escape                          # "Später"
sleep 0.5
capture "Kleiderkammer"
[ "$(grep -c "could not store the change" "$out/gone.log")" = 1 ] || fail "the message came more than once"
xdotool key ctrl+shift+s                    # first into a folder that does not exist: refused, still kept
save_as "$out/nirgends/stick.knp"
kill -0 $view 2>/dev/null || fail "the view exited on a failed save"
case "$(xdotool getwindowname "$window")" in *"[nicht gespeichert]"*) ;; *) fail "a failed save lost the mark \"nicht gespeichert\"" ;; esac
grab gone-save-failed.png
xdotool key Return                          # the notice's OK
sleep 0.5
xdotool key ctrl+shift+s
save_as "$out/good/stick.knp"
saved="$out/good/stick.knp"
[ -f "$saved" ] || fail "nothing saved at $saved: $(cat "$out/gone.log")"
[ "$(actors "$saved")" = 69 ] && has_actor "$saved" "Tafel Sued" && has_actor "$saved" "Kleiderkammer" ||
  fail "the saved file lacks the actors kept in memory ($(actors "$saved") actors)"
moved="$out/stick2-abgezogen/workshop.knp"
[ "$(sum "$moved")" = "$before" ] && sound "$moved" || fail "the project file in the renamed folder changed or is not sound"
kill -9 $view; wait $view 2>/dev/null || true
echo "folder gone: both actors kept in memory and saved elsewhere ($(actors "$saved") actors), the old file unchanged"

# 3. The sample without positions, opened on a full disk.
project="$out/stick3/muster.knp"
before=$(sum "$project")
start_view "$out/layout.log" "$project" 4096
expect_message "$out/layout.log"
grab layout-message.png
xdotool key Escape
sleep 0.8
grab layout-map.png
[ "$(sum "$project")" = "$before" ] || fail "the project file changed"
[ "$(q "$project" "SELECT count(*) FROM actors WHERE x IS NULL")" = 67 ] || fail "the project file holds positions"
xdotool key ctrl+q                          # quitting would lose the layout kept in memory: asked first
sleep 1
kill -0 $view 2>/dev/null || fail "Ctrl+Q quit and lost the changes kept in memory"
grab quit-question.png
xdotool key Escape
sleep 0.5
prlimit --pid $view --fsize=unlimited:
xdotool key ctrl+shift+s
save_as "$out/good/muster.knp"
saved="$out/good/muster.knp"
[ -f "$saved" ] || fail "nothing saved at $saved: $(cat "$out/layout.log")"
spots=$(q "$saved" "SELECT count(DISTINCT printf('%.0f,%.0f', x, y)) FROM actors WHERE x IS NOT NULL")
[ "$spots" = 67 ] || fail "the layout shown on opening put the 67 actors on $spots spots"
xdotool key ctrl+q                          # saved: Ctrl+Q quits at once
for _ in $(seq 30); do kill -0 $view 2>/dev/null || break; sleep 0.1; done
kill -0 $view 2>/dev/null && fail "Ctrl+Q did not quit once the changes were saved"
echo "sample on a full disk: the layout made on opening is shown and saved elsewhere (67 actors on $spots spots)"
echo "storage ok"
