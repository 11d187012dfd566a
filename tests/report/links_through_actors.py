#!/usr/bin/env python3
"""Counts the actors a diagram's SVG draws a link through, read back from the SVG as a browser
would draw it: every actor symbol (Graphviz node titled a<N>: an ellipse, or a polygon for the
other shapes) against every link path (Graphviz edge titled a<N>--a<M> or a<N>->a<M>, cubic
Bézier segments "M x,y C x,y x,y x,y ...") of which it is not an end. A link passes through an
actor when the curve comes closer to its centre than its inner radius (a circle's radius, half
the smaller side of a polygon's bounding box times 0.7).
Usage: links_through_actors.py FILE.svg  -> prints "<through> <links> <actors>"."""
import math
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def symbols(root):
    out = {}
    for g in root.iter(NS + "g"):
        if g.get("class") != "node":
            continue
        title = g.find(NS + "title").text
        if not re.fullmatch(r"a\d+", title):
            continue
        e = g.find(NS + "ellipse")
        if e is not None:
            out[title] = (float(e.get("cx")), float(e.get("cy")), float(e.get("rx")))
            continue
        p = g.find(NS + "polygon")
        pts = [tuple(map(float, xy.split(","))) for xy in p.get("points").split()]
        xs, ys = [x for x, _ in pts], [y for _, y in pts]
        r = 0.7 * min(max(xs) - min(xs), max(ys) - min(ys)) / 2
        out[title] = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, r)
    return out


def curve_points(d):
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", d)]
    pts = list(zip(nums[0::2], nums[1::2]))
    out = [pts[0]]
    for k in range(1, len(pts) - 2, 3):
        p0, p1, p2, p3 = pts[k - 1], pts[k], pts[k + 1], pts[k + 2]
        for i in range(1, 41):
            t = i / 40
            u = 1 - t
            out.append(tuple(u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * e for a, b, c, e in zip(p0, p1, p2, p3)))
    return out


def seg_dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    l2 = dx * dx + dy * dy
    t = 0 if l2 == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def main(path):
    root = ET.parse(path).getroot()
    actors = symbols(root)
    through, links = set(), 0
    for g in root.iter(NS + "g"):
        if g.get("class") != "edge":
            continue
        ends = re.split(r"--|->", g.find(NS + "title").text)
        if not all(e in actors for e in ends):
            continue  # the legend's sample lines
        links += 1
        pts = curve_points(g.find(NS + "path").get("d"))
        for name, (x, y, r) in actors.items():
            if name in ends or name in through:
                continue
            if any(seg_dist((x, y), pts[i], pts[i + 1]) < r for i in range(len(pts) - 1)):
                through.add(name)
    print(len(through), links, len(actors))


main(sys.argv[1])
