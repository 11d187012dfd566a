#include "report/link_routes.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace knp::report {

namespace {

// Routes keep this much more than the clearance (the curve between its samples, rounding).
constexpr double kMargin = 0.5;

double segmentDistance(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// The actors by cell of a uniform grid, cells as wide as the largest circle with its clearance.
class ActorGrid {
public:
    ActorGrid(const std::vector<Point>& c, const PrintLinks& l) : c_(c), l_(l) {
        for (const double r : l.radius) reach_ = std::max(reach_, r + l.clearance + kMargin);
        cell_ = std::max(1.0, reach_);
        for (std::uint32_t i = 0; i < c.size(); ++i) cells_[key(cellOf(c[i].x), cellOf(c[i].y))].push_back(i);
    }

    // Adds to `hit` (once each) the actors other than a and b whose circle with its clearance and
    // `margin` (at most kMargin) meets the segment p-q; returns whether any did.
    bool meets(const Point& p, const Point& q, std::uint32_t a, std::uint32_t b, double margin, std::vector<std::uint32_t>* hit) const {
        bool any = false;
        const std::int64_t gx0 = cellOf(std::min(p.x, q.x) - reach_), gx1 = cellOf(std::max(p.x, q.x) + reach_);
        const std::int64_t gy0 = cellOf(std::min(p.y, q.y) - reach_), gy1 = cellOf(std::max(p.y, q.y) + reach_);
        for (std::int64_t gx = gx0; gx <= gx1; ++gx)
            for (std::int64_t gy = gy0; gy <= gy1; ++gy) {
                const auto it = cells_.find(key(gx, gy));
                if (it == cells_.end()) continue;
                for (const std::uint32_t k : it->second) {
                    if (k == a || k == b || segmentDistance(c_[k], p, q) >= l_.radius[k] + l_.clearance + margin) continue;
                    if (!hit) return true;
                    any = true;
                    if (std::find(hit->begin(), hit->end(), k) == hit->end()) hit->push_back(k);
                }
            }
        return any;
    }

private:
    std::int64_t cellOf(double v) const { return static_cast<std::int64_t>(std::floor(v / cell_)); }
    static std::uint64_t key(std::int64_t gx, std::int64_t gy) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(gx)) << 32) | static_cast<std::uint32_t>(gy);
    }

    const std::vector<Point>& c_;
    const PrintLinks& l_;
    double reach_ = 0, cell_ = 1;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells_;
};

// Points along a route, enough that no chord strays from the curve by more than a fraction of
// a point.
std::vector<Point> samples(const Point& a, const Point& b, const LinkRoute& r) {
    if (!r.curved) return {a, b};
    const double hull = std::hypot(r.c1.x - a.x, r.c1.y - a.y) + std::hypot(r.c2.x - r.c1.x, r.c2.y - r.c1.y) +
                        std::hypot(b.x - r.c2.x, b.y - r.c2.y);
    const int n = std::clamp(static_cast<int>(hull / 4), 12, 96);
    std::vector<Point> out;
    out.reserve(n + 1);
    for (int i = 0; i <= n; ++i) out.push_back(routePoint(a, b, r, static_cast<double>(i) / n));
    return out;
}

bool inside(const std::vector<Point>& pts, const RouteArea& area) {
    if (area.x1 <= area.x0) return true;
    for (const Point& p : pts)
        if (p.x < area.x0 || p.x > area.x1 || p.y < area.y0 || p.y > area.y1) return false;
    return true;
}

}  // namespace

Point routePoint(const Point& a, const Point& b, const LinkRoute& r, double t) {
    if (!r.curved) return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    const double u = 1 - t;
    const double w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
    return {w0 * a.x + w1 * r.c1.x + w2 * r.c2.x + w3 * b.x, w0 * a.y + w1 * r.c1.y + w2 * r.c2.y + w3 * b.y};
}

std::vector<LinkRoute> routeAroundActors(const std::vector<Point>& c, const PrintLinks& l, const RouteArea& area) {
    std::vector<LinkRoute> routes(l.links.size());
    if (c.size() < 3) return routes;
    const ActorGrid grid(c, l);
    // The actors a route meets (all of them: the fewest decides where nothing clears).
    // Straight links are tested as the reader sees them, curves with the margin.
    auto meets = [&](const layout::LinkEnds& e, const LinkRoute& r, std::vector<std::uint32_t>* hit) {
        const double margin = r.curved ? kMargin : 0;
        const std::vector<Point> pts = samples(c[e.a], c[e.b], r);
        bool any = false;
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            any = grid.meets(pts[i], pts[i + 1], e.a, e.b, margin, hit) || any;
            if (any && !hit) return true;
        }
        return any;
    };
    // Bows as fractions of the link's length; the shapes: even, leaning towards the first end,
    // leaning towards the second (for an actor near one end).
    constexpr double kBows[] = {0.06, 0.1, 0.14, 0.19, 0.25, 0.32, 0.4, 0.5, 0.62};
    constexpr double kLean[3][2] = {{1, 1}, {1.35, 0.35}, {0.35, 1.35}};
    for (std::size_t k = 0; k < l.links.size(); ++k) {
        const layout::LinkEnds& e = l.links[k];
        const Point a = c[e.a], b = c[e.b];
        std::vector<std::uint32_t> onStraight;
        if (!meets(e, {}, &onStraight)) continue;
        const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        if (len < 1e-9) continue;
        const double nx = -dy / len, ny = dx / len;
        // First away from the side where the actors in the way lie.
        double side = 0;
        for (const std::uint32_t i : onStraight) side += (c[i].x - a.x) * nx + (c[i].y - a.y) * ny;
        const double first = side > 0 ? -1 : 1;
        LinkRoute best;
        std::size_t bestCount = onStraight.size();
        bool clear = false;
        for (const double bow : kBows) {
            for (const auto& lean : kLean) {
                for (const double sign : {first, -first}) {
                    const double h = sign * bow * len / 0.75;  // the even shape's middle then lies bow * len off the line
                    LinkRoute r{true, {a.x + dx / 3 + nx * h * lean[0], a.y + dy / 3 + ny * h * lean[0]},
                                {a.x + 2 * dx / 3 + nx * h * lean[1], a.y + 2 * dy / 3 + ny * h * lean[1]}};
                    if (!inside(samples(a, b, r), area)) continue;
                    if (!meets(e, r, nullptr)) {
                        best = r;
                        clear = true;
                        break;
                    }
                    std::vector<std::uint32_t> hit;
                    meets(e, r, &hit);
                    if (hit.size() < bestCount) {
                        best = r;
                        bestCount = hit.size();
                    }
                }
                if (clear) break;
            }
            if (clear) break;
        }
        routes[k] = best;
    }
    return routes;
}

std::size_t actorsOnForeignRoutes(const std::vector<Point>& c, const PrintLinks& l, const std::vector<LinkRoute>& routes) {
    std::vector<char> on(c.size(), 0);
    for (std::size_t k = 0; k < l.links.size(); ++k) {
        const layout::LinkEnds& e = l.links[k];
        const LinkRoute r = k < routes.size() ? routes[k] : LinkRoute{};
        std::vector<Point> pts;
        if (!r.curved) pts = {c[e.a], c[e.b]};
        else
            for (int i = 0; i <= 200; ++i) pts.push_back(routePoint(c[e.a], c[e.b], r, i / 200.0));
        for (std::uint32_t i = 0; i < c.size(); ++i) {
            if (i == e.a || i == e.b || on[i]) continue;
            for (std::size_t s = 0; s + 1 < pts.size() && !on[i]; ++s)
                on[i] = segmentDistance(c[i], pts[s], pts[s + 1]) < l.radius[i] + l.clearance - 1e-6;
        }
    }
    return static_cast<std::size_t>(std::count(on.begin(), on.end(), 1));
}

}  // namespace knp::report
