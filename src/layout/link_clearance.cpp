#include "layout/link_clearance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>

#include "layout/force_layout.hpp"

namespace knp::layout {

namespace {

double length(double x, double y) { return std::sqrt(x * x + y * y); }  // std::hypot: exact beyond need, and slow

// [SECTION] Grid cells
// Items (actors at their centres, or links along their lines) by the square cells of a grid over
// the box of the positions it is built for, kept as compressed rows; cells outside the box are
// empty. The cells grow where the box would need more than about four million of them.
class CellIndex {
public:
    CellIndex(const std::vector<Point>& pos, double cell) {
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        if (!pos.empty()) {
            minX = maxX = pos[0].x;
            minY = maxY = pos[0].y;
        }
        for (const Point& p : pos) {
            minX = std::min(minX, p.x); maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y); maxY = std::max(maxY, p.y);
        }
        cell_ = std::max({cell, (maxX - minX) / 2000, (maxY - minY) / 2000, 1e-6});
        x0_ = minX;
        y0_ = minY;
        width_ = static_cast<std::int64_t>((maxX - minX) / cell_) + 1;
        height_ = static_cast<std::int64_t>((maxY - minY) / cell_) + 1;
    }

    void add(const Point& p, std::uint32_t item) {
        const std::int64_t c = cellOf(p, 0, 0);
        if (c >= 0) pending_.emplace_back(static_cast<std::uint32_t>(c), item);
    }

    // Adds the item to the cells along the line a-b: it is then found from every point closer to
    // the line than half a cell.
    void addLine(const Point& a, const Point& b, std::uint32_t item) {
        std::int64_t last = -2;
        forSamples(a, b, [&](const Point& p) {
            const std::int64_t c = cellOf(p, 0, 0);
            if (c >= 0 && c != last) pending_.emplace_back(static_cast<std::uint32_t>(c), item);
            last = c;
        });
    }

    void build() {
        offsets_.assign(static_cast<std::size_t>(width_ * height_) + 1, 0);
        for (const auto& [c, item] : pending_) ++offsets_[c + 1];
        for (std::size_t c = 1; c < offsets_.size(); ++c) offsets_[c] += offsets_[c - 1];
        items_.resize(pending_.size());
        std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
        for (const auto& [c, item] : pending_) items_[fill[c]++] = item;
        pending_.clear();
    }

    // Calls f(item) for the items of p's cell and its eight neighbours.
    template <class F>
    void forNear(const Point& p, F&& f) const {
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const std::int64_t c = cellOf(p, dx, dy);
                if (c < 0) continue;
                for (std::uint32_t k = offsets_[static_cast<std::size_t>(c)]; k < offsets_[static_cast<std::size_t>(c) + 1]; ++k) f(items_[k]);
            }
    }

    // Calls f(item) for the items near the line a-b (as forNear along it): for actors, every one
    // closer to the line than half a cell, perhaps more than once, and some further away.
    template <class F>
    void forNearLine(const Point& a, const Point& b, F&& f) const {
        std::int64_t last = -2;
        forSamples(a, b, [&](const Point& p) {
            const std::int64_t c = cellOf(p, 0, 0);
            if (c != last || c < 0) forNear(p, f);
            last = c;
        });
    }

    double cell() const { return cell_; }

private:
    template <class F>
    void forSamples(const Point& a, const Point& b, F&& f) const {
        const double dx = b.x - a.x, dy = b.y - a.y;
        const auto samples = static_cast<std::int64_t>(std::ceil(std::sqrt(dx * dx + dy * dy) / (cell_ / 2)));
        for (std::int64_t s = 0; s <= samples; ++s) {
            const double t = samples > 0 ? static_cast<double>(s) / static_cast<double>(samples) : 0;
            f(Point{a.x + dx * t, a.y + dy * t});
        }
    }

    // The index of the cell (dx, dy) away from p's, or -1 outside the box.
    std::int64_t cellOf(const Point& p, std::int64_t dx, std::int64_t dy) const {
        const double fx = std::floor((p.x - x0_) / cell_), fy = std::floor((p.y - y0_) / cell_);
        if (!(fx > -2 && fy > -2 && fx < static_cast<double>(width_) + 1 && fy < static_cast<double>(height_) + 1)) return -1;
        const std::int64_t x = static_cast<std::int64_t>(fx) + dx, y = static_cast<std::int64_t>(fy) + dy;
        if (x < 0 || y < 0 || x >= width_ || y >= height_) return -1;
        return x + y * width_;
    }

    double cell_ = 1, x0_ = 0, y0_ = 0;
    std::int64_t width_ = 1, height_ = 1;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pending_;  // cell, item
    std::vector<std::uint32_t> offsets_, items_;
};

CellIndex actorIndex(const std::vector<Point>& pos, double cell) {
    CellIndex index(pos, cell);
    for (std::uint32_t i = 0; i < pos.size(); ++i) index.add(pos[i], i);
    index.build();
    return index;
}

CellIndex linkIndex(const std::vector<Point>& pos, const std::vector<LinkEnds>& links, double cell) {
    CellIndex index(pos, cell);
    for (std::uint32_t k = 0; k < links.size(); ++k) index.addLine(pos[links[k].a], pos[links[k].b], k);
    index.build();
    return index;
}

// [SECTION] Geometry
// How far p is from the segment a-b, and the unit direction from its nearest point towards p
// (zero where p lies on the segment).
struct Away {
    double distance = 0, ux = 0, uy = 0;
};

Away awayFromLine(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    const double ox = p.x - (a.x + t * dx), oy = p.y - (a.y + t * dy);
    const double d = length(ox, oy);
    return d > 1e-9 ? Away{d, ox / d, oy / d} : Away{0, 0, 0};
}

double largestRadius(const std::vector<double>& radius) { return radius.empty() ? 0 : *std::max_element(radius.begin(), radius.end()); }

// Each actor's partners (compressed rows).
struct Partners {
    std::vector<std::uint32_t> offsets, targets;
};

Partners partnersOf(std::size_t n, const std::vector<LinkEnds>& links) {
    Partners p;
    p.offsets.assign(n + 1, 0);
    for (const LinkEnds& l : links) {
        ++p.offsets[l.a + 1];
        ++p.offsets[l.b + 1];
    }
    for (std::size_t i = 0; i < n; ++i) p.offsets[i + 1] += p.offsets[i];
    p.targets.resize(p.offsets[n]);
    std::vector<std::uint32_t> fill(p.offsets.begin(), p.offsets.end() - 1);
    for (const LinkEnds& l : links) {
        p.targets[fill[l.a]++] = l.b;
        p.targets[fill[l.b]++] = l.a;
    }
    return p;
}

// The way off the line a-b for actor i lying exactly on it: across the line, to the side of its
// own partners (where they pull it anyway), else by its index.
Away acrossLine(std::uint32_t i, const Point& a, const Point& b, const std::vector<Point>& pos, const Partners& partners) {
    const double dx = b.x - a.x, dy = b.y - a.y, len = length(dx, dy);
    Away w{0, len > 0 ? -dy / len : 1.0, len > 0 ? dx / len : 0.0};
    double side = 0;
    for (std::uint32_t e = partners.offsets[i]; e < partners.offsets[i + 1]; ++e) {
        const Point& q = pos[partners.targets[e]];
        side += (q.x - pos[i].x) * w.ux + (q.y - pos[i].y) * w.uy;
    }
    if (side < 0 || (side == 0 && i % 2 == 1)) {
        w.ux = -w.ux;
        w.uy = -w.uy;
    }
    return w;
}

// Which actors may move, and where to: pinned ones stay; in live steps each stays within its
// reach of its anchor.
struct Mobility {
    const std::vector<bool>& pinned;
    const ClearanceOptions& o;

    bool canGo(std::uint32_t i, const Point& to) const {
        return !pinned[i] && (!o.anchor || length(to.x - (*o.anchor)[i].x, to.y - (*o.anchor)[i].y) <= (*o.reach)[i]);
    }
    // Each actor back within its reach (live steps).
    void hold(std::vector<Point>& pos) const {
        if (!o.anchor) return;
        for (std::size_t i = 0; i < pos.size(); ++i) {
            const Point& a = (*o.anchor)[i];
            const double dx = pos[i].x - a.x, dy = pos[i].y - a.y, d = length(dx, dy), r = (*o.reach)[i];
            if (d > r) pos[i] = {a.x + dx * r / d, a.y + dy * r / d};
        }
    }
};

// Moves actor i by (ux, uy) * push off a link, or else the link's ends (a, b) the other way,
// whichever may go that far; else actor i as far as it may. Returns whether anything moved.
bool separateFromLink(std::vector<Point>& pos, const Mobility& m, std::uint32_t i, std::uint32_t a, std::uint32_t b, const Away& away,
                      double push) {
    const Point toI{pos[i].x + away.ux * push, pos[i].y + away.uy * push};
    const Point toA{pos[a].x - away.ux * push, pos[a].y - away.uy * push}, toB{pos[b].x - away.ux * push, pos[b].y - away.uy * push};
    if (m.canGo(i, toI) || (!m.pinned[i] && !(m.canGo(a, toA) && m.canGo(b, toB)))) {
        pos[i] = toI;  // held within its reach after the sweep
        return true;
    }
    bool moved = false;
    if (!m.pinned[a]) { pos[a] = toA; moved = true; }
    if (!m.pinned[b]) { pos[b] = toB; moved = true; }
    return moved;
}

// One sweep over the links: every actor on a foreign link is pushed off it (or, where it may not
// go that far, the link's ends the other way). Returns the number of pushes.
std::size_t pushOffLinks(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<LinkEnds>& links,
                         const Mobility& m, const Partners& partners) {
    const double clearance = m.o.clearance;
    const CellIndex grid = actorIndex(pos, 2 * (largestRadius(radius) + clearance));
    std::vector<std::uint32_t> seen(pos.size(), UINT32_MAX);
    std::size_t moved = 0;
    for (std::uint32_t k = 0; k < links.size(); ++k) {
        const std::uint32_t a = links[k].a, b = links[k].b;
        if (a == b) continue;
        grid.forNearLine(pos[a], pos[b], [&](std::uint32_t i) {
            if (seen[i] == k || i == a || i == b) return;
            seen[i] = k;
            const double want = radius[i] + clearance;
            Away away = awayFromLine(pos[i], pos[a], pos[b]);
            if (away.distance >= want) return;
            if (away.ux == 0 && away.uy == 0) away = acrossLine(i, pos[a], pos[b], pos, partners);
            if (separateFromLink(pos, m, i, a, b, away, want - away.distance + 0.01)) ++moved;
        });
    }
    m.hold(pos);
    return moved;
}

// [SECTION] Trapped actors
// The grids of one relocation, over the positions as they are.
struct Crowd {
    const std::vector<Point>& pos;
    const std::vector<double>& radius;
    const std::vector<LinkEnds>& links;
    const Partners& partners;
    const Mobility& mobility;
    const ClearanceOptions& o;
    CellIndex actors, linkCells;

    Crowd(const std::vector<Point>& p, const std::vector<double>& r, const std::vector<LinkEnds>& l, const Partners& pa, const Mobility& m)
        : pos(p), radius(r), links(l), partners(pa), mobility(m), o(m.o), actors(actorIndex(p, cellFor(r, m.o))),
          linkCells(linkIndex(p, l, cellFor(r, m.o))) {}

    // Cells wide enough that neighbouring cells hold every circle that may overlap and every
    // link that may touch a circle.
    static double cellFor(const std::vector<double>& r, const ClearanceOptions& o) {
        return 2 * largestRadius(r) + std::max(2 * o.clearance, o.gap);
    }

    // Whether actor i could stand at `at`: off every foreign link and apart from every other
    // circle. `touched` counts the other actors its own links would then pass (they are pushed
    // off by the next sweeps), up to `enough` (the count stops there).
    bool freeSpot(std::uint32_t i, const Point& at, std::size_t* touched = nullptr, std::size_t enough = SIZE_MAX) const {
        bool free = at.x == pos[i].x && at.y == pos[i].y ? true : mobility.canGo(i, at);
        actors.forNear(at, [&](std::uint32_t j) {
            if (free && j != i && length(at.x - pos[j].x, at.y - pos[j].y) < radius[i] + radius[j] + o.gap) free = false;
        });
        if (!free) return false;
        linkCells.forNear(at, [&](std::uint32_t k) {
            const LinkEnds& l = links[k];
            if (free && l.a != i && l.b != i && awayFromLine(at, pos[l.a], pos[l.b]).distance < radius[i] + o.clearance) free = false;
        });
        if (!free || !touched) return free;
        *touched = 0;
        for (std::uint32_t e = partners.offsets[i]; e < partners.offsets[i + 1] && *touched < enough; ++e) {
            const std::uint32_t q = partners.targets[e];
            actors.forNearLine(at, pos[q], [&](std::uint32_t k) {
                if (k != i && k != q && awayFromLine(pos[k], at, pos[q]).distance < radius[k] + o.clearance) ++*touched;
            });
        }
        return true;
    }

    // Where actor i's partners are on average (itself when it has none).
    Point partnersCentre(std::uint32_t i) const {
        const std::uint32_t from = partners.offsets[i], to = partners.offsets[i + 1];
        if (from == to) return pos[i];
        Point c{0, 0};
        for (std::uint32_t e = from; e < to; ++e) {
            c.x += pos[partners.targets[e]].x;
            c.y += pos[partners.targets[e]].y;
        }
        return {c.x / (to - from), c.y / (to - from)};
    }

    // A free spot for actor i within o.maxRelocation points on rings of candidates around it: the
    // nearest, where its own links pass few others, towards its partners.
    std::optional<Point> nearestFreeSpot(std::uint32_t i) const {
        const Point p = pos[i], towards = partnersCentre(i);
        const double step = std::max(4.0, radius[i] / 2), perTouch = 3 * step;
        std::optional<Point> best;
        double bestScore = std::numeric_limits<double>::infinity();
        for (double rho = step; rho <= o.maxRelocation && rho < bestScore; rho += step) {
            const int count = std::clamp(static_cast<int>(std::ceil(2 * std::numbers::pi * rho / step)), 12, 64);
            for (int k = 0; k < count; ++k) {
                const double angle = 2 * std::numbers::pi * k / count;
                const Point at{p.x + rho * std::cos(angle), p.y + rho * std::sin(angle)};
                const double base = rho + 0.05 * length(at.x - towards.x, at.y - towards.y);
                if (base >= bestScore) continue;
                const auto enough = std::isinf(bestScore) ? SIZE_MAX : static_cast<std::size_t>((bestScore - base) / perTouch) + 1;
                std::size_t touched = 0;
                if (!freeSpot(i, at, &touched, enough)) continue;
                const double score = base + perTouch * static_cast<double>(touched);
                if (score < bestScore) {
                    bestScore = score;
                    best = at;
                }
            }
        }
        return best;
    }
};

// Actors that sweeps could not free (caught between links closer than their circle) go to a
// free spot nearby. The grids are built once: a moved actor is found at its old place by the
// later ones of this pass (the next sweeps see it where it is). Returns whether any moved.
bool relocateTrapped(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<LinkEnds>& links,
                     const Mobility& m, const Partners& partners, std::size_t& budget) {
    bool moved = false;
    const Crowd crowd(pos, radius, links, partners, m);
    for (const std::uint32_t i : actorsOnForeignLinks(pos, radius, links, m.o.clearance)) {
        if (m.pinned[i] || budget == 0) continue;
        --budget;
        std::size_t touched = 0;
        if (crowd.freeSpot(i, pos[i], &touched) && touched == 0) continue;  // freed by an earlier move
        if (const std::optional<Point> at = crowd.nearestFreeSpot(i)) {
            pos[i] = *at;
            moved = true;
        }
    }
    return moved;
}

// Sweeps and overlap removal until neither moves anything (true), or o.maxRounds, or ten sweeps
// without fewer pushes than the best so far (actors caught between links go round in circles).
bool settle(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<LinkEnds>& links, const Mobility& m,
            const Partners& partners) {
    std::size_t fewest = SIZE_MAX;
    for (int round = 0, stale = 0; round < m.o.maxRounds && stale < 10; ++round) {
        const std::size_t pushes = pushOffLinks(pos, radius, links, m, partners);
        const bool separated = removeOverlaps(pos, radius, m.pinned, m.o.gap, 20);
        m.hold(pos);
        if (pushes == 0 && !separated) return true;
        stale = pushes < fewest ? 0 : stale + 1;
        fewest = std::min(fewest, pushes);
    }
    return false;
}

}  // namespace

// [SECTION] Entry points
std::vector<std::uint32_t> actorsOnForeignLinks(const std::vector<Point>& pos, const std::vector<double>& radius,
                                                const std::vector<LinkEnds>& links, double clearance) {
    std::vector<char> on(pos.size(), 0);
    if (!pos.empty()) {
        const CellIndex grid = actorIndex(pos, 2 * (largestRadius(radius) + clearance));
        for (const LinkEnds& l : links) {
            if (l.a == l.b) continue;
            grid.forNearLine(pos[l.a], pos[l.b], [&](std::uint32_t i) {
                if (i != l.a && i != l.b && awayFromLine(pos[i], pos[l.a], pos[l.b]).distance < radius[i] + clearance) on[i] = 1;
            });
        }
    }
    std::vector<std::uint32_t> result;
    for (std::uint32_t i = 0; i < on.size(); ++i)
        if (on[i]) result.push_back(i);
    return result;
}

void addLinkRepulsion(const std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<LinkEnds>& links,
                      double reach, double strength, std::vector<double>& fx, std::vector<double>& fy) {
    if (pos.size() < 3) return;
    const CellIndex grid = actorIndex(pos, 2 * (largestRadius(radius) + reach));
    std::vector<std::uint32_t> seen(pos.size(), UINT32_MAX);
    for (std::uint32_t k = 0; k < links.size(); ++k) {
        const std::uint32_t a = links[k].a, b = links[k].b;
        if (a == b) continue;
        const double dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y, len2 = dx * dx + dy * dy;
        grid.forNearLine(pos[a], pos[b], [&](std::uint32_t i) {
            if (seen[i] == k || i == a || i == b) return;
            seen[i] = k;
            const double range = radius[i] + reach;
            const Away away = awayFromLine(pos[i], pos[a], pos[b]);
            if (away.distance >= range || (away.ux == 0 && away.uy == 0)) return;
            const double f = strength * (range - away.distance) / range;
            const double t = len2 > 0 ? std::clamp(((pos[i].x - pos[a].x) * dx + (pos[i].y - pos[a].y) * dy) / len2, 0.0, 1.0) : 0.5;
            fx[i] += f * away.ux;
            fy[i] += f * away.uy;
            fx[a] -= 0.5 * f * (1 - t) * away.ux;
            fy[a] -= 0.5 * f * (1 - t) * away.uy;
            fx[b] -= 0.5 * f * t * away.ux;
            fy[b] -= 0.5 * f * t * away.uy;
        });
    }
}

std::size_t keepOffForeignLinks(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<LinkEnds>& links,
                                const std::vector<bool>& pinned, const ClearanceOptions& o) {
    if (pos.size() < 3 || links.empty()) return 0;
    const Partners partners = partnersOf(pos.size(), links);
    const Mobility mobility{pinned, o};
    std::size_t budget = 100;  // relocations; a crowded core of a large network is left as it is
    for (int pass = 0; pass < 4; ++pass) {
        if (settle(pos, radius, links, mobility, partners)) return 0;
        if (o.maxRelocation <= 0 || !relocateTrapped(pos, radius, links, mobility, partners, budget)) break;
    }
    return actorsOnForeignLinks(pos, radius, links, o.clearance).size();
}

}  // namespace knp::layout
