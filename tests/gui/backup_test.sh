#!/usr/bin/env bash
# Backups and recovery in a real window under Xvfb: opening a project takes a backup (VACUUM
# INTO, in $XDG_STATE_HOME/knotenpunkt/backups, mode 0600); an edit is followed by another
# after the interval (KNP_BACKUP_INTERVAL=2 here, 10 minutes normally). Then the project is
# damaged on disk (pages overwritten): knp check says so in words and names the backup; the
# view offers the newest sound backup, Enter opens it as a new file beside the damaged one, and
# the damaged file's bytes are unchanged.
# Usage: backup_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
project="$out/stadt.knp"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
"$build/knp" layout "$project" >/dev/null 2>&1
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" LC_ALL=C.UTF-8 KNP_BACKUP_INTERVAL=2
backups() { find "$out/state/knotenpunkt/backups" -name '*.knp' 2>/dev/null | wc -l; }

source "$(dirname "$0")/xvfb.sh"
view=""
cleanup() { [ -z "$view" ] || kill -9 "$view" 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT
stop_view() { kill "$view"; wait "$view" 2>/dev/null || true; view=""; }

view_start "$out/view1.log" --size 1400x900 "$project"
[ "$(backups)" = 1 ] || fail "no backup after opening the project ($(backups))"
file=$(find "$out/state/knotenpunkt/backups" -name '*.knp' | head -1)
[ "$(stat -c %a "$file")" = 600 ] || fail "the backup is not private (mode $(stat -c %a "$file"))"
[ "$(stat -c %a "$(dirname "$file")")" = 700 ] || fail "the backup folder is not private"
"$build/knp" info "$file" --format json | grep -q '"actors": 67' || fail "the backup does not hold the project"
xdotool mousemove --window "$w" 700 450
xdotool key n
sleep 0.5
xdotool type --delay 60 "Neue Initiative"
xdotool key Return
sleep 3.5
[ "$(backups)" -ge 2 ] || fail "no further backup after an edit and the interval ($(backups))"
stop_view
newest=$(find "$out/state/knotenpunkt/backups" -name '*.knp' | sort | tail -1)
"$build/knp" info "$newest" --format json | grep -q '"actors": 68' || fail "the newest backup lacks the new actor"

# Damage the project: six pages overwritten, as a broken copy to a USB stick might.
dd if=/dev/urandom of="$project" bs=4096 seek=3 count=6 conv=notrunc 2>/dev/null
sum=$(sha256sum "$project" | cut -d' ' -f1)
set +e
"$build/knp" check "$project" > "$out/check.txt"
rc=$?
set -e
cat "$out/check.txt"
[ $rc = 3 ] || fail "knp check of a damaged project should exit 3, not $rc"
grep -q "Die Datei ist beschädigt" "$out/check.txt" || fail "knp check does not say in words that the file is damaged"
grep -q "Die neueste gute Sicherung ist vom" "$out/check.txt" || fail "knp check does not name the newest sound backup"

view_start "$out/view2.log" --size 1400x900 "$project"
grep -q "offering the newest sound backup" "$out/view2.log" || { cat "$out/view2.log"; fail "the view does not offer the backup"; }
"$build/tests/knp_window_grab" "$out/offer.png" "$w"
xdotool key Return
sleep 2
title=$(xdotool getwindowname "$w")
echo "title after restoring: $title"
echo "$title" | grep -q "wiederhergestellt" || fail "the restored copy is not open (title: $title)"
stop_view
restored=$(find "$out" -maxdepth 1 -name 'stadt (wiederhergestellt *).knp' | head -1)
[ -n "$restored" ] || fail "no restored file beside the damaged one"
[ "$(sha256sum "$project" | cut -d' ' -f1)" = "$sum" ] || fail "the damaged file was changed"
"$build/knp" check "$restored" > /dev/null || fail "the restored file does not pass knp check"
"$build/knp" info "$restored" --format json | grep -q '"actors": 68' || fail "the restored file lacks the last edit"
echo "backup ok"
