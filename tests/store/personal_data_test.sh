#!/usr/bin/env bash
# Personal data as a data-protection officer would check it: the sample's contact person
# "Frau Nowak" (Jobcenter) with consent, named in a note, carried through edits, a snapshot,
# the undo history and backups (12 taken, the newest 10 kept, each private). knp person-data lists all of it (DSGVO Art. 15);
# knp erase-person removes it, after which the name is in no byte of the project file or of
# its backups, knp check passes (the rewritten history still fits: undo and redo work), undoing
# every step does not bring the name back, and the file stays private (mode 0600). A name that
# is also part of an actor's name is reported and the command says so (exit 1). A history step
# that does not fit makes knp check fail in words (exit 3).
# Usage: personal_data_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_python_modules sqlite3:python3
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
knp() { "$build/knp" "$@" 2>>"$out/log"; }
py=/usr/bin/python3
export XDG_STATE_HOME="$out/state"
p="$out/stadt.knp"
knp import "$datasets/musterstadt" -o "$p"
[ "$(stat -c %a "$p")" = 600 ] || fail "a new project file is not private (mode $(stat -c %a "$p"))"
cat > "$out/edits.jsonl" <<'JSON'
{"op":"update_actor","id":"jc","set":{"consent":true,"consent_date":"2026-03-14","note":"Frau Nowak ruft montags zurück"}}
{"op":"update_actor","id":"abh","set":{"tags":["über Frau Nowak"]}}
{"op":"update_actor","id":"jc","set":{"influence":4}}
JSON
knp apply "$p" "$out/edits.jsonl" > /dev/null
knp snapshot "$p" --take "Workshop 1"
echo '{"op":"update_actor","id":"jc","set":{"influence":5}}' | knp apply "$p" - > /dev/null
for _ in $(seq 12); do knp backup "$p"; done
[ "$(find "$out/state/knotenpunkt/backups" -name '*.knp' | wc -l)" = 10 ] || fail "not exactly the newest 10 backups kept"
for b in "$out"/state/knotenpunkt/backups/*/*.knp; do [ "$(stat -c %a "$b")" = 600 ] || fail "backup $b is not private"; done
bytes() { $py -c 'import sys; print(open(sys.argv[1], "rb").read().count(sys.argv[2].encode()))' "$1" "$2"; }
[ "$(bytes "$p" "Frau Nowak")" -gt 3 ] || fail "the name should be in the file before erasing"

# Art. 15: everything stored about the person.
knp person-data "$p" "frau  NOWAK" -o "$out/auskunft.json"
[ "$(stat -c %a "$out/auskunft.json")" = 600 ] || fail "the Art. 15 report is not private"
$py - "$out/auskunft.json" <<'PY' || fail "the Art. 15 report is incomplete"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["spellings"] == ["Frau Nowak"], d["spellings"]
jc = [a for a in d["actors"] if a["actor_id"] == "jc"][0]
assert jc["contact_person"] == "Frau Nowak" and jc["consent"] is True and jc["consent_date"] == "2026-03-14", jc
assert jc["note_names_person"] and "montags" in jc["note"], jc
assert [s["snapshot"] for s in d["snapshots"]] == ["Workshop 1"], d["snapshots"]
assert len(d["history_steps"]) >= 4, d["history_steps"]  # the import and the edits of jc and abh
PY

# Art. 17: erase.
knp erase-person "$p" "Frau Nowak" > "$out/erase.txt"
cat "$out/erase.txt"
grep -q "kommt in den Bytes der Datei nicht mehr vor" "$out/erase.txt" || fail "erase-person does not confirm the bytes are gone"
[ "$(bytes "$p" "Frau Nowak")" = 0 ] || fail "the name is still in the project file"
[ "$(bytes "$p" "Nowak")" = 0 ] || fail "part of the name is still in the project file"
for b in "$out"/state/knotenpunkt/backups/*/*.knp; do
  [ "$(bytes "$b" "Nowak")" = 0 ] || fail "the name is still in the backup $b"
done
[ "$(stat -c %a "$p")" = 600 ] || fail "the project is no longer private after erasing"
knp check "$p" > "$out/check.txt" || { cat "$out/check.txt"; fail "knp check fails after erasing"; }
grep -q "jeder passt" "$out/check.txt" || fail "knp check did not walk the history"
knp info "$p" --format json | grep -q '"actors": 67' || fail "erasing changed the actors"
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["actors"] == [] and d["snapshots"] == [] and d["history_steps"] == [], d' \
  <(knp person-data "$p" "Frau Nowak") || fail "the Art. 15 report still finds the person"
knp undo "$p" --steps 100 > /dev/null
[ "$(bytes "$p" "Nowak")" = 0 ] || fail "undoing brought the name back"
knp redo "$p" --steps 100 > /dev/null
knp check "$p" > /dev/null || fail "knp check fails after undoing and redoing everything"
knp snapshot "$p" --restore "Workshop 1" > /dev/null
[ "$(bytes "$p" "Nowak")" = 0 ] || fail "restoring the snapshot brought the name back"

# A name that is part of an actor's name stays there: said, and exit 1.
echo '{"op":"add_actor","id":"buero","name":"Büro Samira Haddad","sector":"Wirtschaft"}' | knp apply "$p" - > /dev/null
set +e
knp erase-person "$p" "Samira Haddad" > "$out/erase2.txt"
rc=$?
set -e
[ $rc = 1 ] || fail "erase-person should exit 1 when the name stays in an actor's name (got $rc)"
grep -q 'Der Name steht noch in: actor "Büro Samira Haddad"' "$out/erase2.txt" || { cat "$out/erase2.txt"; fail "erase-person does not say where the name stays"; }

# A history step that does not fit: knp check says so in words (exit 3), the file unchanged.
$py - "$p" <<'PY'
import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1])
seq, edit = db.execute("SELECT seq, edit FROM history ORDER BY seq DESC LIMIT 1").fetchone()
e = json.loads(edit)
def walk(j):
    if isinstance(j, dict):
        if "influence" in j: j["influence"] = 3 if j["influence"] != 3 else 2
        for v in j.values(): walk(v)
    elif isinstance(j, list):
        for v in j: walk(v)
walk(e)
db.execute("UPDATE history SET edit=? WHERE seq=?", (json.dumps(e), seq))
db.commit()
PY
sum=$(sha256sum "$p" | cut -d' ' -f1)
set +e
knp check "$p" > "$out/check2.txt"
rc=$?
set -e
cat "$out/check2.txt"
[ $rc = 3 ] || fail "knp check of a project with a broken history should exit 3 (got $rc)"
grep -q "Der Verlauf passt nicht zum Inhalt" "$out/check2.txt" || fail "knp check does not say the history does not fit"
[ "$(sha256sum "$p" | cut -d' ' -f1)" = "$sum" ] || fail "knp check changed the file"
echo "personal data ok"
