#include "report/print_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
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

// Pushes overlapping boxes apart; returns whether any overlap was left after the last sweep.
// `q` > 1 favours sideways moves (the area is wider than the boxes are placed), < 1 vertical ones.
bool separate(std::vector<Point>& c, const std::vector<PrintBox>& b, int sweeps, double q) {
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
        if (!moved) return false;
    }
    return boxesOverlap(c, b);
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

PrintPlacement placeForPrint(const std::vector<Point>& positions, const std::vector<PrintBox>& boxes, double x0, double y0,
                             double x1, double y1) {
    PrintPlacement out;
    const std::size_t n = positions.size();
    if (n == 0) return out;
    const double areaW = std::max(1.0, x1 - x0), areaH = std::max(1.0, y1 - y0);
    const Bounds src = centreBounds(positions);
    const double spanX = src.maxX - src.minX, spanY = src.maxY - src.minY;
    const double midX = (src.minX + src.maxX) / 2, midY = (src.minY + src.maxY) / 2;
    double maxHalfW = 0, maxHalfH = 0;
    for (const PrintBox& b : boxes) {
        maxHalfW = std::max(maxHalfW, b.halfWidth);
        maxHalfH = std::max(maxHalfH, b.halfHeight + std::abs(b.dy));
    }
    // First scale: the centres fill the area less the room of a box at each edge.
    const double roomX = std::max(areaW * 0.2, areaW - 2 * maxHalfW), roomY = std::max(areaH * 0.2, areaH - 2 * maxHalfH);
    // Each axis its own scale: the map fills the area (a network's picture has no fixed aspect).
    double sx = spanX > 1e-12 ? roomX / spanX : 1.0, sy = spanY > 1e-12 ? roomY / spanY : 1.0;
    sx = std::min(sx, 1.6 * sy);
    sy = std::min(sy, 1.6 * sx);
    double q = 1.0;
    std::vector<Point> c;
    // The best round: without overlaps if any, and closest to fitting the area.
    std::vector<Point> best;
    bool bestClean = false;
    double bestFit = -1;
    const int sweeps = n > 5000 ? 20 : 200;
    for (int round = 0; round < 12; ++round) {
        c.resize(n);
        for (std::size_t i = 0; i < n; ++i) c[i] = {(positions[i].x - midX) * sx, (positions[i].y - midY) * sy};
        separate(c, boxes, sweeps, q);
        const Bounds bb = boxBounds(c, boxes), cb = centreBounds(c);
        const double bw = bb.maxX - bb.minX, bh = bb.maxY - bb.minY;
        const double cw = cb.maxX - cb.minX, ch = cb.maxY - cb.minY;
        // The centres' extent that would make the boxes just fit, per axis.
        const double fx = cw > 1e-9 ? (cw + areaW - bw) / cw : 1e9, fy = ch > 1e-9 ? (ch + areaH - bh) / ch : 1e9;
        const double f = std::min(fx, fy);  // how far from fitting (1: just fits)
        const bool clean = !boxesOverlap(c, boxes);
        if ((clean && !bestClean) || (clean == bestClean && std::min(f, 1.0) > bestFit)) {
            best = c;
            bestClean = clean;
            bestFit = std::min(f, 1.0);
        }
        // Too tall for the area: more sideways moves next time, and the other way round.
        q *= std::sqrt(std::clamp((bh / areaH) / (bw / areaW), 0.5, 3.0));
        q = std::clamp(q, 0.05, 50.0);
        if (std::abs(fx - 1) < 0.02 && std::abs(fy - 1) < 0.02) break;
        if (fx <= 0 || fy <= 0) {
            sx *= 0.5;
            sy *= 0.5;
            continue;
        }
        sx *= std::min(fx, 1e3);
        sy *= std::min(fy, 1e3);
    }
    c = best;
    // Not clean yet: a longer separation, then the same fit as above for what it spread.
    if (!bestClean) {
        separate(c, boxes, 2000, q);
        const Bounds bb = boxBounds(c, boxes), cb = centreBounds(c);
        const double cw = cb.maxX - cb.minX, ch = cb.maxY - cb.minY;
        const double fx = cw > 1e-9 ? (cw + areaW - (bb.maxX - bb.minX)) / cw : 1, fy = ch > 1e-9 ? (ch + areaH - (bb.maxY - bb.minY)) / ch : 1;
        // Room to spare on both axes: spread the centres until the boxes just fit (no new overlaps).
        const double f = std::min(fx, fy);
        if (f > 1)
            for (Point& p : c) p = {p.x * f, p.y * f};
    }
    out.centres = c;
    // Into the area, centred; what still reaches beyond it is compressed (overlaps may return).
    const Bounds bb = boxBounds(c, boxes), cb = centreBounds(c);
    const double bw = bb.maxX - bb.minX, bh = bb.maxY - bb.minY;
    const double cw = cb.maxX - cb.minX, ch = cb.maxY - cb.minY;
    double kx = 1, ky = 1;
    if (bw > areaW + 1e-6 && cw > 1e-9) kx = std::max(0.0, (cw - (bw - areaW)) / cw);
    if (bh > areaH + 1e-6 && ch > 1e-9) ky = std::max(0.0, (ch - (bh - areaH)) / ch);
    const double k = std::min(kx, ky);
    std::vector<Point>& r = out.centres;
    for (Point& p : r) p = {p.x * k, p.y * k};
    const Bounds fb = boxBounds(r, boxes);
    const double shiftX = x0 + (areaW - (fb.maxX - fb.minX)) / 2 - fb.minX, shiftY = y0 + (areaH - (fb.maxY - fb.minY)) / 2 - fb.minY;
    for (Point& p : r) p = {p.x + shiftX, p.y + shiftY};
    out.overlapsLeft = boxesOverlap(r, boxes);
    return out;
}

}  // namespace knp::report
