#!/usr/bin/env bash
# Every knp output on the sample municipality, written into one folder so that two builds can
# be compared byte for byte (refactorings promise "nothing else changes"): metrics, gaps,
# compare, info, every export format, the report. What depends on the clock is normalised
# (today's date, UTC timestamps, the PDF's creation date, the XLSX's document properties), so
# that the same build gives the same bytes on any day. Numbers are compared to the last digit
# (betweenness sums in fixed lanes: the same on every run and any number of cores).
# Usage: sample_outputs.sh BUILD_DIR DATASETS_DIR DATA_DIR OUT_DIR
#        sample_outputs.sh --check BUILD_DIR DATASETS_DIR DATA_DIR OUT_DIR MANIFEST
#   --check compares the outputs with MANIFEST (sha256sum lines) and names each that differs.
#   KNP_GOLDEN_UPDATE=1 with --check rewrites MANIFEST instead (after a change meant to alter
#   outputs; the commit then shows which outputs changed).
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_python_modules zipfile:python3
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
build=$(realpath "$1") datasets=$(realpath "$2") data=$(realpath "$3") out=$(realpath -m "$4") manifest=${5:+$(realpath -m "$5")}
rm -rf "$out" && mkdir -p "$out/raw" "$out/files"
knp() { "$build/knp" "$@" 2>>"$out/log"; }
sample="$datasets/musterstadt"
f="$out/files"

# A project with positions, a snapshot and a dozen edits after it (as compare_test.sh).
knp import "$sample" -o "$out/m.knp"
knp layout "$out/m.knp" --engine force > "$f/layout-force.txt"
knp snapshot "$out/m.knp" --take "Workshop 1"
knp apply "$out/m.knp" "$data/compare_edits.jsonl" > "$f/apply.txt"

for lang in de en; do
  knp --lang $lang info "$out/m.knp" > "$f/info-$lang.txt"
  knp --lang $lang gaps "$sample" > "$f/gaps-$lang.txt"
  knp --lang $lang gaps "$sample" --format md > "$f/gaps-$lang.md"
  knp --lang $lang gaps "$out/m.knp" --format json > "$f/gaps-project-$lang.json"
  knp --lang $lang compare "$out/m.knp@Workshop 1" "$out/m.knp" > "$f/compare-$lang.txt"
  knp --lang $lang compare "$out/m.knp@Workshop 1" "$out/m.knp" --format md > "$f/compare-$lang.md"
done
knp info "$out/m.knp" --format json > "$f/info.json"
knp gaps "$sample" --format json > "$f/gaps.json"
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" --format json > "$f/compare.json"
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" --table > "$f/compare-table.md"
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" --table --format csv > "$f/compare-table.csv"
knp metrics "$sample" > "$f/metrics.csv"
knp metrics "$sample" --format json > "$f/metrics.json"
knp metrics "$sample" --format table > "$f/metrics-table.txt"
knp metrics "$sample" --weighted > "$f/metrics-weighted.csv"
knp metrics "$sample" --graph > "$f/metrics-graph.json"
knp metrics "$out/m.knp" --metrics degree,betweenness,community > "$f/metrics-some.csv"

# Exports: the project's own positions, the sample's default layout, options.
for ext in svg pdf png dot graphml gexf json csv xlsx; do
  knp export "$out/m.knp" -o "$out/raw/keep.$ext" --layout keep
done
knp export "$sample" -o "$out/raw/sample.svg"
knp export "$sample" -o "$out/raw/sample-en.svg" --lang en --color-by community --size-by betweenness
knp export "$sample" -o "$out/raw/sample-rings.svg" --layout rings --color-by field
knp export "$out/m.knp" -o "$out/raw/pseudo.svg" --layout keep --pseudonymize
knp export "$out/m.knp" -o "$out/raw/pseudo.json" --layout keep --pseudonymize
knp export "$out/m.knp@Workshop 1" -o "$out/raw/snapshot.graphml" --layout keep
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" -o "$out/raw/compare.svg" > /dev/null
for lang in de en; do
  knp report "$out/m.knp" -o "$out/raw/report-$lang.html" --lang $lang
  knp report "$out/m.knp" -o "$out/raw/report-$lang.md" --lang $lang
done
knp report "$out/m.knp" -o "$out/raw/report-pseudo.html" --pseudonymize

# Normalise what depends on the clock.
today_de=$(date +%d.%m.%Y) today_iso=$(date +%Y-%m-%d)
normalise() {
  sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIMESTAMP/g' \
         -e "s/$today_de/DATE/g" -e "s/$today_iso/DATE/g" -e "s#$out/#OUT/#g"
}
for file in "$out/raw"/*; do
  name=$(basename "$file")
  case "$name" in
    *.pdf)
      # The PDF's creation date; the pages' content is compared as it is.
      LC_ALL=C sed -E 's#/CreationDate \(D:[^)]*\)#/CreationDate (D:0)#' "$file" > "$f/$name" ;;
    *.xlsx)
      # Each part of the ZIP by name and content; docProps/core.xml holds the creation time.
      /usr/bin/python3 - "$file" "$f/$name.parts" <<'PY'
import sys, zipfile, hashlib, re
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "w") as out:
    for info in sorted(z.infolist(), key=lambda i: i.filename):
        data = z.read(info.filename)
        if info.filename == "docProps/core.xml":
            data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*<", rb"<dcterms:\1>T<", data)
        out.write(f"{info.filename} {hashlib.sha256(data).hexdigest()}\n")
PY
      ;;
    *.png) cp "$file" "$f/$name" ;;
    *)
      normalise < "$file" > "$f/$name" ;;
  esac
done
for file in "$f"/*.txt "$f"/*.json "$f"/*.md "$f"/*.csv; do
  normalise < "$file" > "$file.tmp" && mv "$file.tmp" "$file"
done
(cd "$f" && sha256sum -- * > "$out/manifest.sha256")
echo "$(ls "$f" | wc -l) outputs in $f"

if [ $check = 1 ]; then
  if [ "${KNP_GOLDEN_UPDATE:-}" = 1 ]; then
    cp "$out/manifest.sha256" "$manifest"
    echo "updated $manifest"
    exit 0
  fi
  if ! diff <(sort -k2 "$manifest") <(sort -k2 "$out/manifest.sha256") > "$out/manifest.diff"; then
    echo "FAIL: these outputs differ from $manifest (the new ones are in $f):"
    grep -E '^[<>]' "$out/manifest.diff" | awk '{print $3}' | sort -u | sed 's/^/  /'
    exit 1
  fi
  echo "every output is byte-identical to $manifest"
fi
