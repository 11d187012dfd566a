#!/usr/bin/env bash
# One visual encoding on screen and on paper: the same actors, coloured by a metric
# (betweenness: viridis over the actors shown) and by sector, have the same colour in a
# screenshot of the view and in a PNG diagram of `knp export`. Each actor's colour is sampled
# at its centre (5 x 5 pixels): in the screenshot where the view says the actor is
# (KNP_SCREENSHOT_ACTORS), in the PNG where the SVG of the same drawing puts it; the SVG's fill
# is the colour both must show. The network is tall and narrow, so that the fitted map stays
# clear of the panels.
# Usage: encoding_test.sh BUILD_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools xvfb-run:xvfb
build=$1 out=$2
rm -rf "$out"
mkdir -p "$out/net"
cat > "$out/net/actors.csv" <<'CSV'
id,name,sector,influence,x,y
a,Jobcenter,Jobcenter und Arbeitsagentur,5,0,0
b,Sozialamt,Kommunalverwaltung,4,150,150
c,Caritas,Wohlfahrtsverbände,3,0,300
d,Sprachcafé,Zivilgesellschaft und Ehrenamt,3,300,450
e,Schule am Park,Bildung,2,150,600
f,Klinikum,Gesundheit,2,0,750
g,Moschee,Migrantenorganisationen,1,300,900
h,Wohnbau GmbH,Wohnen,1,150,900
CSV
cat > "$out/net/links.csv" <<'CSV'
id,source,target,type
l1,a,b,Kooperation
l2,b,c,Kooperation
l3,c,d,Kooperation
l4,d,e,Kooperation
l5,e,f,Kooperation
l6,f,g,Kooperation
l7,c,h,Kooperation
CSV
"$build/knp" import "$out/net" -o "$out/net.knp" 2>/dev/null
for colour in betweenness sector; do
  d="$out/$colour"
  mkdir -p "$d"
  "$build/knp" export "$out/net.knp" -o "$d/map.svg" --color-by "$colour" --layout keep 2>/dev/null
  "$build/knp" export "$out/net.knp" -o "$d/map.png" --color-by "$colour" --layout keep 2>/dev/null
  view_args=()
  [ "$colour" = sector ] || view_args=(--color-by "$colour")
  KNP_SCREENSHOT_ACTORS="$d/view-positions.txt" xvfb-run -a -s "-screen 0 1920x1200x24" \
    "$build/knotenpunkt" --screenshot "$d/view.png" --size 1600x1000 "${view_args[@]}" "$out/net.knp"
  python3 - "$build" "$d" "$colour" <<'PY'
import re, subprocess, sys
build, d, colour = sys.argv[1:4]
svg = open(f"{d}/map.svg", encoding="utf-8").read()
height = float(re.search(r'viewBox="[-\d.]+ [-\d.]+ [\d.]+ ([\d.]+)"', svg).group(1))
nodes = {}
for m in re.finditer(r'<g id="[^"]*node\d+" class="node">\s*<title>([^<]+)</title>\s*(?:<[^>]*>\s*)*?<ellipse fill="#([0-9a-fA-F]{6})"[^>]* cx="([-\d.]+)" cy="([-\d.]+)"', svg):
    nodes[m.group(1)] = (m.group(2).upper(), float(m.group(3)), float(m.group(4)))
# The view lists the actors in the network's order; the diagram names them a0, a1, … in it.
view, order = {}, []
for line in open(f"{d}/view-positions.txt"):
    ident, x, y = line.split()
    view[ident] = (float(x), float(y))
    order.append(ident)
nodes = {order[int(k[1:])]: v for k, v in nodes.items() if re.fullmatch(r"a\d+", k)}
assert set(nodes) == set(view) == set("abcdefgh"), (sorted(nodes), sorted(view))
scale = 300 / 72  # the PNG is drawn at 300 dpi, the SVG in points

def same(image, rgb, x, y):
    x, y = round(x), round(y)
    n = subprocess.run([f"{build}/tests/knp_color_count", image, rgb, "0", str(x - 2), str(y - 2), str(x + 3), str(y + 3)],
                       capture_output=True, text=True, check=True).stdout.split()[0]
    return int(n) == 25

failures = []
for ident, (rgb, cx, cy) in sorted(nodes.items()):
    on_paper = same(f"{d}/map.png", rgb, cx * scale, (height + cy) * scale)
    on_screen = same(f"{d}/view.png", rgb, *view[ident])
    print(f"{colour}: actor {ident}: #{rgb} on paper {'yes' if on_paper else 'NO'}, on screen {'yes' if on_screen else 'NO'}")
    if not (on_paper and on_screen):
        failures.append(ident)
colours = {rgb for rgb, _, _ in nodes.values()}
if len(colours) < 4:
    failures.append(f"only {len(colours)} colours: the check would prove little")
if failures:
    sys.exit(f"FAIL ({colour}): {failures}")
print(f"{colour}: {len(nodes)} actors, {len(colours)} colours, the same on screen and on paper")
PY
done
