#include "report/print_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <unordered_map>

namespace knp::report {

namespace {

constexpr double kPad = 2.0;

struct Bounds {
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
};

Bounds boxBounds(const std::vector<Point>& c, const std::vector<PrintBox>& b) {
    Bounds r;
    for (std::size_t i = 0; i < c.size(); ++i) {
        r.minX = std::min(r.minX, c[i].x - b[i].halfWidth);
        r.maxX = std::max(r.maxX, c[i].x + b[i].halfWidth);
        r.minY = std::min(r.minY, c[i].y + b[i].dy - b[i].halfHeight);
        r.maxY = std::max(r.maxY, c[i].y + b[i].dy + b[i].halfHeight);
    }
    return r;
}

Bounds centreBounds(const std::vector<Point>& c) {
    Bounds r;
    for (const Point& p : c) {
        r.minX = std::min(r.minX, p.x);
        r.maxX = std::max(r.maxX, p.x);
        r.minY = std::min(r.minY, p.y);
        r.maxY = std::max(r.maxY, p.y);
    }
    return r;
}

// Calls f(i, j) for every pair whose boxes may overlap (grid cells as large as the largest box).
template <class F>
void forNearPairs(const std::vector<Point>& c, const std::vector<PrintBox>& b, double pad, F&& f) {
    double cell = 1;
    for (const PrintBox& x : b) cell = std::max({cell, 2 * x.halfWidth + pad, 2 * x.halfHeight + pad});
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
    auto key = [](std::int64_t gx, std::int64_t gy) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(gx)) << 32) | static_cast<std::uint32_t>(gy);
    };
    std::vector<std::pair<std::int64_t, std::int64_t>> cellOf(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
        const auto gx = static_cast<std::int64_t>(std::floor(c[i].x / cell));
        const auto gy = static_cast<std::int64_t>(std::floor((c[i].y + b[i].dy) / cell));
        cellOf[i] = {gx, gy};
        grid[key(gx, gy)].push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = 0; i < c.size(); ++i)
        for (std::int64_t ox = -1; ox <= 1; ++ox)
            for (std::int64_t oy = -1; oy <= 1; ++oy) {
                const auto it = grid.find(key(cellOf[i].first + ox, cellOf[i].second + oy));
                if (it == grid.end()) continue;
                for (const std::uint32_t j : it->second)
                    if (j > i) f(static_cast<std::uint32_t>(i), j);
            }
}

// Pushes overlapping boxes apart for at most `sweeps` sweeps.
// `q` > 1 favours sideways moves (the area is wider than the boxes are placed), < 1 vertical ones.
void separate(std::vector<Point>& c, const std::vector<PrintBox>& b, int sweeps, double q) {
    for (int sweep = 0; sweep < sweeps; ++sweep) {
        bool moved = false;
        forNearPairs(c, b, kPad, [&](std::uint32_t i, std::uint32_t j) {
            const double dx = c[j].x - c[i].x, dy = (c[j].y + b[j].dy) - (c[i].y + b[i].dy);
            const double ox = b[i].halfWidth + b[j].halfWidth + kPad - std::abs(dx);
            const double oy = b[i].halfHeight + b[j].halfHeight + kPad - std::abs(dy);
            if (ox <= 0 || oy <= 0) return;
            moved = true;
            // Along the axis that needs the smaller move; ties and coincident boxes by index.
            if (ox < oy * q) {
                const double s = (dx > 0 || (dx == 0 && i < j) ? 1.0 : -1.0) * (ox / 2 + 0.01);
                c[i].x -= s;
                c[j].x += s;
            } else {
                const double s = (dy > 0 || (dy == 0 && i < j) ? 1.0 : -1.0) * (oy / 2 + 0.01);
                c[i].y -= s;
                c[j].y += s;
            }
        });
        if (!moved) return;
    }
}

}  // namespace

bool boxesOverlap(const std::vector<Point>& c, const std::vector<PrintBox>& b, double pad) {
    bool any = false;
    forNearPairs(c, b, pad, [&](std::uint32_t i, std::uint32_t j) {
        const double dx = c[j].x - c[i].x, dy = (c[j].y + b[j].dy) - (c[i].y + b[i].dy);
        if (b[i].halfWidth + b[j].halfWidth + pad - std::abs(dx) > 1e-6 && b[i].halfHeight + b[j].halfHeight + pad - std::abs(dy) > 1e-6)
            any = true;
    });
    return any;
}

namespace {

struct Area {
    double w = 1, h = 1;  // points
};

// Per axis, the factor on the centres' extent that would make the boxes just fit the area
// (1: they do; below 1: they reach beyond it); `flat` for an axis the centres do not extend along.
Point fitFactors(const std::vector<Point>& c, const std::vector<PrintBox>& boxes, const Area& area, double flat = 1e9) {
    const Bounds bb = boxBounds(c, boxes), cb = centreBounds(c);
    const double cw = cb.maxX - cb.minX, ch = cb.maxY - cb.minY;
    return {cw > 1e-9 ? (cw + area.w - (bb.maxX - bb.minX)) / cw : flat, ch > 1e-9 ? (ch + area.h - (bb.maxY - bb.minY)) / ch : flat};
}

// The best round of the placement: its centres, whether its boxes are apart, how close it comes
// to fitting the area (1: fits), and the separation's preference for sideways moves at the end.
struct Round {
    std::vector<Point> centres;
    bool clean = false;
    double fit = -1;
    double q = 1;
};

// Rounds of scaling, separation and refitting; the best of them (without overlaps if any, and
// closest to fitting the area). Each axis has its own scale: the map fills the area (a network's
// picture has no fixed aspect).
Round bestRound(const std::vector<Point>& positions, const std::vector<PrintBox>& boxes, const Area& area) {
    const std::size_t n = positions.size();
    const Bounds src = centreBounds(positions);
    const double spanX = src.maxX - src.minX, spanY = src.maxY - src.minY;
    const double midX = (src.minX + src.maxX) / 2, midY = (src.minY + src.maxY) / 2;
    double maxHalfW = 0, maxHalfH = 0;
    for (const PrintBox& b : boxes) {
        maxHalfW = std::max(maxHalfW, b.halfWidth);
        maxHalfH = std::max(maxHalfH, b.halfHeight + std::abs(b.dy));
    }
    // First scale: the centres fill the area less the room of a box at each edge.
    const double roomX = std::max(area.w * 0.2, area.w - 2 * maxHalfW), roomY = std::max(area.h * 0.2, area.h - 2 * maxHalfH);
    double sx = spanX > 1e-12 ? roomX / spanX : 1.0, sy = spanY > 1e-12 ? roomY / spanY : 1.0;
    sx = std::min(sx, 1.6 * sy);
    sy = std::min(sy, 1.6 * sx);
    double q = 1.0;
    Round best;
    const int sweeps = n > 5000 ? 20 : 200;
    std::vector<Point> c(n);
    for (int round = 0; round < 12; ++round) {
        for (std::size_t i = 0; i < n; ++i) c[i] = {(positions[i].x - midX) * sx, (positions[i].y - midY) * sy};
        separate(c, boxes, sweeps, q);
        const Point f = fitFactors(c, boxes, area);
        const bool clean = !boxesOverlap(c, boxes);
        const double fit = std::min({f.x, f.y, 1.0});
        if ((clean && !best.clean) || (clean == best.clean && fit > best.fit)) best = {c, clean, fit, q};
        // Too tall for the area: more sideways moves next time, and the other way round.
        const Bounds bb = boxBounds(c, boxes);
        q *= std::sqrt(std::clamp(((bb.maxY - bb.minY) / area.h) / ((bb.maxX - bb.minX) / area.w), 0.5, 3.0));
        q = std::clamp(q, 0.05, 50.0);
        if (std::abs(f.x - 1) < 0.02 && std::abs(f.y - 1) < 0.02) break;
        if (f.x <= 0 || f.y <= 0) {
            sx *= 0.5;
            sy *= 0.5;
            continue;
        }
        sx *= std::min(f.x, 1e3);
        sy *= std::min(f.y, 1e3);
    }
    best.q = q;
    return best;
}

// Into the area, centred; what still reaches beyond it is compressed (overlaps may return).
void intoArea(std::vector<Point>& c, const std::vector<PrintBox>& boxes, double x0, double y0, const Area& area) {
    const Bounds bb = boxBounds(c, boxes), cb = centreBounds(c);
    const double bw = bb.maxX - bb.minX, bh = bb.maxY - bb.minY;
    const double cw = cb.maxX - cb.minX, ch = cb.maxY - cb.minY;
    double kx = 1, ky = 1;
    if (bw > area.w + 1e-6 && cw > 1e-9) kx = std::max(0.0, (cw - (bw - area.w)) / cw);
    if (bh > area.h + 1e-6 && ch > 1e-9) ky = std::max(0.0, (ch - (bh - area.h)) / ch);
    const double k = std::min(kx, ky);
    for (Point& p : c) p = {p.x * k, p.y * k};
    const Bounds fb = boxBounds(c, boxes);
    const double shiftX = x0 + (area.w - (fb.maxX - fb.minX)) / 2 - fb.minX, shiftY = y0 + (area.h - (fb.maxY - fb.minY)) / 2 - fb.minY;
    for (Point& p : c) p = {p.x + shiftX, p.y + shiftY};
}

// [SECTION] Actors off foreign links
// Maps up to this many actors (a workshop's) are cleared; the naive sweeps below (every actor
// against every link) would make larger ones several times slower (500 actors: 12 s to 35 s).
constexpr std::size_t kClearUpTo = 150;

double segmentDistance(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// One sweep over the links: each actor closer to a foreign link than its circle and the
// clearance moves half the way off it, the link's ends the other half the other way (shared by
// where the actor lies along it). Returns whether any moved.
bool pushOffLinks(std::vector<Point>& c, const PrintLinks& l) {
    bool moved = false;
    for (const layout::LinkEnds& e : l.links) {
        const Point a = c[e.a], b = c[e.b];
        const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy, reach = l.clearance + 1;
        const double minX = std::min(a.x, b.x), maxX = std::max(a.x, b.x), minY = std::min(a.y, b.y), maxY = std::max(a.y, b.y);
        for (std::uint32_t k = 0; k < c.size(); ++k) {
            const double want = l.radius[k] + reach;
            if (k == e.a || k == e.b || c[k].x < minX - want || c[k].x > maxX + want || c[k].y < minY - want || c[k].y > maxY + want) continue;
            const double t = len2 > 0 ? std::clamp(((c[k].x - a.x) * dx + (c[k].y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
            double ox = c[k].x - (a.x + t * dx), oy = c[k].y - (a.y + t * dy);
            const double d = std::hypot(ox, oy);
            if (d >= l.radius[k] + l.clearance + 0.01) continue;
            if (d > 1e-9) {
                ox /= d;
                oy /= d;
            } else {  // on the line: across it, by index
                const double len = std::sqrt(len2) > 0 ? std::sqrt(len2) : 1;
                ox = (k % 2 ? 1 : -1) * -dy / len;
                oy = (k % 2 ? 1 : -1) * dx / len;
            }
            const double push = (want - d) / 2;
            c[k] = {c[k].x + ox * push, c[k].y + oy * push};
            c[e.a] = {c[e.a].x - ox * push * (1 - t), c[e.a].y - oy * push * (1 - t)};
            c[e.b] = {c[e.b].x - ox * push * t, c[e.b].y - oy * push * t};
            moved = true;
        }
    }
    return moved;
}

// Every centre where its box lies inside the area.
void holdInside(std::vector<Point>& c, const std::vector<PrintBox>& b, double x0, double y0, const Area& area) {
    for (std::size_t i = 0; i < c.size(); ++i) {
        const double lowY = y0 + b[i].halfHeight - b[i].dy, highY = y0 + area.h - b[i].halfHeight - b[i].dy;
        c[i] = {std::clamp(c[i].x, x0 + b[i].halfWidth, std::max(x0 + b[i].halfWidth, x0 + area.w - b[i].halfWidth)),
                std::clamp(c[i].y, lowY, std::max(lowY, highY))};
    }
}

// The placed page once more: box separation and link pushes in the same sweeps, centres held
// inside the area, until neither moves anything. Kept where it leaves the boxes apart (as they
// were) and fewer actors on foreign links.
void settleOffLinks(std::vector<Point>& c, const std::vector<PrintBox>& b, const PrintLinks& l, double q, double x0, double y0,
                    const Area& area) {
    const std::size_t on = layout::actorsOnForeignLinks(c, l.radius, l.links, l.clearance).size();
    if (on == 0) return;
    std::vector<Point> s = c;
    // Link pushes for the first sweeps only: the last ones settle the boxes alone.
    for (int sweep = 0; sweep < 600; ++sweep) {
        bool moved = sweep < 400 && pushOffLinks(s, l);
        const std::vector<Point> before = s;
        separate(s, b, 1, q);
        holdInside(s, b, x0, y0, area);
        for (std::size_t i = 0; i < s.size() && !moved; ++i) moved = s[i].x != before[i].x || s[i].y != before[i].y;
        if (!moved) break;
    }
    if (!boxesOverlap(s, b) && layout::actorsOnForeignLinks(s, l.radius, l.links, l.clearance).size() < on) c = std::move(s);
}

// Where an actor may stand on the placed page: its box inside the area and apart from every
// other box, its circle off every link between two others, and its own links passing nobody.
struct FreeSpots {
    const std::vector<Point>& c;
    const std::vector<PrintBox>& b;
    const PrintLinks& l;
    std::vector<std::vector<std::uint32_t>> partners;
    double x0, y0, x1, y1;

    bool boxFree(std::uint32_t i, const Point& at) const {
        if (at.x - b[i].halfWidth < x0 || at.x + b[i].halfWidth > x1 || at.y + b[i].dy - b[i].halfHeight < y0 ||
            at.y + b[i].dy + b[i].halfHeight > y1)
            return false;
        for (std::uint32_t j = 0; j < c.size(); ++j)
            if (j != i && std::abs(at.x - c[j].x) < b[i].halfWidth + b[j].halfWidth + kPad &&
                std::abs(at.y + b[i].dy - c[j].y - b[j].dy) < b[i].halfHeight + b[j].halfHeight + kPad)
                return false;
        return true;
    }
    bool offLinks(std::uint32_t i, const Point& at) const {
        for (const layout::LinkEnds& e : l.links)
            if (e.a != i && e.b != i && segmentDistance(at, c[e.a], c[e.b]) < l.radius[i] + l.clearance) return false;
        return true;
    }
    bool linksPassNobody(std::uint32_t i, const Point& at) const {
        for (const std::uint32_t p : partners[i])
            for (std::uint32_t k = 0; k < c.size(); ++k)
                if (k != i && k != p && segmentDistance(c[k], at, c[p]) < l.radius[k] + l.clearance) return false;
        return true;
    }
    bool free(std::uint32_t i, const Point& at) const { return boxFree(i, at) && offLinks(i, at) && linksPassNobody(i, at); }
};

// Each actor on a foreign link to the nearest free spot on rings around it (up to four circles
// and clearances away); nothing else moves, so no box comes to overlap and no name is lost.
void moveOffForeignLinks(std::vector<Point>& c, const std::vector<PrintBox>& boxes, const PrintLinks& l, double q, double x0, double y0,
                         const Area& area) {
    if (l.links.empty() || c.size() < 3 || c.size() > kClearUpTo) return;
    settleOffLinks(c, boxes, l, q, x0, y0, area);
    FreeSpots spots{c, boxes, l, std::vector<std::vector<std::uint32_t>>(c.size()), x0, y0, x0 + area.w, y0 + area.h};
    for (const layout::LinkEnds& e : l.links) {
        spots.partners[e.a].push_back(e.b);
        spots.partners[e.b].push_back(e.a);
    }
    for (int pass = 0; pass < 2; ++pass)
        for (const std::uint32_t i : layout::actorsOnForeignLinks(c, l.radius, l.links, l.clearance)) {
            if (spots.offLinks(i, c[i])) continue;  // freed by an earlier move
            const double step = std::max(1.5, l.radius[i] / 2), farthest = 4 * (l.radius[i] + l.clearance) + 8;
            bool moved = false;
            for (double rho = step; rho <= farthest && !moved; rho += step) {
                const int count = std::clamp(static_cast<int>(std::ceil(2 * std::numbers::pi * rho / step)), 12, 64);
                for (int k = 0; k < count && !moved; ++k) {
                    const double angle = 2 * std::numbers::pi * k / count;
                    const Point at{c[i].x + rho * std::cos(angle), c[i].y + rho * std::sin(angle)};
                    if (spots.free(i, at)) {
                        c[i] = at;
                        moved = true;
                    }
                }
            }
        }
}

}  // namespace

PrintPlacement placeForPrint(const std::vector<Point>& positions, const std::vector<PrintBox>& boxes, double x0, double y0,
                             double x1, double y1, const PrintLinks& links) {
    PrintPlacement out;
    if (positions.empty()) return out;
    const Area area{std::max(1.0, x1 - x0), std::max(1.0, y1 - y0)};
    Round best = bestRound(positions, boxes, area);
    std::vector<Point>& c = best.centres;
    // Not clean yet: a longer separation, then room to spare on both axes spreads the centres
    // until the boxes just fit (no new overlaps).
    if (!best.clean) {
        separate(c, boxes, 2000, best.q);
        const Point f = fitFactors(c, boxes, area, 1);
        const double k = std::min(f.x, f.y);
        if (k > 1)
            for (Point& p : c) p = {p.x * k, p.y * k};
    }
    intoArea(c, boxes, x0, y0, area);
    moveOffForeignLinks(c, boxes, links, best.q, x0, y0, area);
    out.centres = std::move(c);
    out.overlapsLeft = boxesOverlap(out.centres, boxes);
    if (!links.links.empty()) out.onForeignLinks = layout::actorsOnForeignLinks(out.centres, links.radius, links.links, links.clearance).size();
    return out;
}

}  // namespace knp::report
