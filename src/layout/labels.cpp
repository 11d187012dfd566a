#include "layout/labels.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace knp::layout {

LabelSize estimateLabelSize(const std::string& utf8, double fontSize) {
    std::size_t chars = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;  // count code points, not bytes
    return {0.56 * fontSize * static_cast<double>(chars) + 2, 1.25 * fontSize};
}

namespace {

struct Rect {
    double x0, y0, x1, y1;
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

bool circleHitsRect(const Point& c, double r, const Rect& rect) {
    const double nx = std::clamp(c.x, rect.x0, rect.x1), ny = std::clamp(c.y, rect.y0, rect.y1);
    return (c.x - nx) * (c.x - nx) + (c.y - ny) * (c.y - ny) < r * r;
}

// Whether the segment a-b passes through the inside of `rect` (Liang-Barsky clipping).
bool segmentCrossesRect(const std::array<double, 4>& seg, const Rect& rect) {
    const double dx = seg[2] - seg[0], dy = seg[3] - seg[1];
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {seg[0] - rect.x0, rect.x1 - seg[0], seg[1] - rect.y0, rect.y1 - seg[1]};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] <= 0) return false;  // parallel to this edge and outside (or on) it
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 >= t1) return false;
    }
    return true;
}

// Uniform grid of rectangles and circles for neighbourhood queries.
class Grid {
public:
    explicit Grid(double cell) : cell_(cell) {}
    void add(const Rect& r, std::uint32_t item) {
        for (auto [cx, cy] : cellsOf(r)) cells_[key(cx, cy)].push_back(item);
    }
    // Adds a segment to the cells it passes through (column by column), within `clip`.
    void addSegment(const std::array<double, 4>& seg, const Rect& clip, std::uint32_t item) {
        double x0 = seg[0], y0 = seg[1], x1 = seg[2], y1 = seg[3];
        if (x0 > x1) { std::swap(x0, x1); std::swap(y0, y1); }
        const double left = std::max(x0, clip.x0), right = std::min(x1, clip.x1);
        if (left > right) return;
        const double slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
        const auto yAt = [&](double x) { return x1 > x0 ? y0 + (x - x0) * slope : y0; };
        const auto c0 = static_cast<std::int64_t>(std::floor(left / cell_)), c1 = static_cast<std::int64_t>(std::floor(right / cell_));
        for (auto cx = c0; cx <= c1; ++cx) {
            const double a = std::max(left, static_cast<double>(cx) * cell_), b = std::min(right, static_cast<double>(cx + 1) * cell_);
            double lo = x1 > x0 ? std::min(yAt(a), yAt(b)) : std::min(y0, y1), hi = x1 > x0 ? std::max(yAt(a), yAt(b)) : std::max(y0, y1);
            lo = std::max(lo, clip.y0);
            hi = std::min(hi, clip.y1);
            if (lo > hi) continue;
            for (auto cy = static_cast<std::int64_t>(std::floor(lo / cell_)); cy <= static_cast<std::int64_t>(std::floor(hi / cell_)); ++cy)
                cells_[key(cx, cy)].push_back(item);
        }
    }
    template <class Visit>
    bool any(const Rect& r, Visit&& visit) const {
        for (auto [cx, cy] : cellsOf(r)) {
            auto it = cells_.find(key(cx, cy));
            if (it == cells_.end()) continue;
            for (const std::uint32_t item : it->second)
                if (visit(item)) return true;
        }
        return false;
    }

private:
    std::vector<std::pair<std::int64_t, std::int64_t>> cellsOf(const Rect& r) const {
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        const auto x0 = static_cast<std::int64_t>(std::floor(r.x0 / cell_)), x1 = static_cast<std::int64_t>(std::floor(r.x1 / cell_));
        const auto y0 = static_cast<std::int64_t>(std::floor(r.y0 / cell_)), y1 = static_cast<std::int64_t>(std::floor(r.y1 / cell_));
        for (auto x = x0; x <= x1; ++x)
            for (auto y = y0; y <= y1; ++y) out.emplace_back(x, y);
        return out;
    }
    static std::int64_t key(std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); }
    double cell_;
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells_;
};

}  // namespace

std::vector<PlacedLabel> placeLabels(const std::vector<Point>& pos, const std::vector<double>& radius,
                                     const std::vector<LabelSize>& size, const std::vector<double>& priority, const LabelRules& rules) {
    const std::size_t n = pos.size();
    std::vector<PlacedLabel> out(n);
    if (n == 0) return out;
    double cell = 1;
    for (std::size_t i = 0; i < n; ++i) cell = std::max({cell, size[i].width, 2 * radius[i]});
    Grid actors(cell), labels(cell), links(cell);
    Rect reach{1e300, 1e300, -1e300, -1e300};  // where labels can be: links matter only there
    for (std::uint32_t i = 0; i < n; ++i) {
        actors.add(Rect{pos[i].x - radius[i], pos[i].y - radius[i], pos[i].x + radius[i], pos[i].y + radius[i]}, i);
        const double ex = radius[i] + rules.gap + size[i].width, ey = radius[i] + rules.gap + size[i].height;
        reach = {std::min(reach.x0, pos[i].x - ex), std::min(reach.y0, pos[i].y - ey), std::max(reach.x1, pos[i].x + ex), std::max(reach.y1, pos[i].y + ey)};
    }
    for (std::uint32_t k = 0; k < rules.links.size(); ++k) links.addSegment(rules.links[k], reach, k);
    const bool scored = !rules.links.empty() || rules.neighbourMargin > 0;
    std::vector<std::uint32_t> seen(rules.links.size(), 0);  // a link in several cells counts once per look
    std::vector<std::uint32_t> seenActor(n, 0);
    std::uint32_t visit = 0;
    std::vector<Rect> placed(n);
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return priority[a] > priority[b]; });
    const auto inFrame = [&](const Rect& r) {
        const auto& f = *rules.frame;
        return r.x0 >= f[0] && r.y0 >= f[1] && r.x1 <= f[2] && r.y1 <= f[3];
    };
    for (const std::uint32_t i : order) {
        const double w = size[i].width, h = size[i].height, r = radius[i] + rules.gap;
        const Point c = pos[i];
        const bool framed = rules.frame && c.x >= (*rules.frame)[0] && c.x <= (*rules.frame)[2] && c.y >= (*rules.frame)[1] && c.y <= (*rules.frame)[3];
        // Right, left, below, above, then the four diagonals.
        const Point candidates[] = {{c.x + r + w / 2, c.y}, {c.x - r - w / 2, c.y}, {c.x, c.y - r - h / 2}, {c.x, c.y + r + h / 2},
                                    {c.x + r * 0.7 + w / 2, c.y - r * 0.7 - h / 2}, {c.x - r * 0.7 - w / 2, c.y - r * 0.7 - h / 2},
                                    {c.x + r * 0.7 + w / 2, c.y + r * 0.7 + h / 2}, {c.x - r * 0.7 - w / 2, c.y + r * 0.7 + h / 2}};
        // Free places first; an always-named label (1) then takes a place over actors but not
        // over names, the most important (2) a place inside the frame whatever is there.
        const char always = rules.always.empty() ? 0 : rules.always[i];
        // How badly a place reads: links through it, other actors right beside it.
        const auto misleading = [&](const Rect& rect) {
            int score = 0;
            ++visit;
            links.any(rect, [&](std::uint32_t k) {
                if (seen[k] == visit) return false;
                seen[k] = visit;
                score += segmentCrossesRect(rules.links[k], rect) ? 1 : 0;
                return false;
            });
            const double m = rules.neighbourMargin;
            if (m > 0) {
                const Rect near{rect.x0 - m, rect.y0 - m, rect.x1 + m, rect.y1 + m};
                actors.any(near, [&](std::uint32_t j) {
                    if (j == i || seenActor[j] == visit) return false;
                    seenActor[j] = visit;
                    score += circleHitsRect(pos[j], radius[j] + m, rect) ? 1 : 0;
                    return false;
                });
            }
            return score;
        };
        // Per tier (0 free, 1 over actors only, 2 anywhere in the frame) the least misleading place.
        std::optional<Point> best[3];
        int bestScore[3] = {0, 0, 0};
        for (const Point& p : candidates) {
            const Rect rect{p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2};
            if (framed && !inFrame(rect)) continue;
            const int tier = labels.any(rect, [&](std::uint32_t j) { return placed[j].overlaps(rect); })                         ? 2
                             : actors.any(rect, [&](std::uint32_t j) { return circleHitsRect(pos[j], radius[j], rect); }) ? 1
                                                                                                                            : 0;
            if (tier > always) continue;  // not a place this label may take
            const int score = scored ? misleading(rect) : 0;
            for (int t = tier; t < 3; ++t)
                if (!best[t] || score < bestScore[t]) { best[t] = p; bestScore[t] = score; }
            if (tier == 0 && score == 0) break;  // a free place nothing misleads at: take it
        }
        // An always-named label with no free place beside its actor: a free place a step further
        // out (drawn with a line to its actor) before one over other actors.
        bool leader = false;
        if (!best[0] && always >= 1) {
            const double far = r + 1.6 * h;
            const Point further[] = {{c.x + far + w / 2, c.y}, {c.x - far - w / 2, c.y}, {c.x, c.y - far - h / 2}, {c.x, c.y + far + h / 2},
                                     {c.x + far * 0.7 + w / 2, c.y - far * 0.7 - h / 2}, {c.x - far * 0.7 - w / 2, c.y - far * 0.7 - h / 2},
                                     {c.x + far * 0.7 + w / 2, c.y + far * 0.7 + h / 2}, {c.x - far * 0.7 - w / 2, c.y + far * 0.7 + h / 2}};
            // The line from the actor to the name must not pass another actor (it would point there).
            const auto lineHitsActor = [&](const Rect& rect) {
                const Point to{std::clamp(c.x, rect.x0, rect.x1), std::clamp(c.y, rect.y0, rect.y1)};
                const Rect span{std::min(c.x, to.x), std::min(c.y, to.y), std::max(c.x, to.x), std::max(c.y, to.y)};
                const double dx = to.x - c.x, dy = to.y - c.y, len2 = dx * dx + dy * dy;
                return actors.any(span, [&](std::uint32_t j) {
                    if (j == i) return false;
                    const double t = len2 > 0 ? std::clamp(((pos[j].x - c.x) * dx + (pos[j].y - c.y) * dy) / len2, 0.0, 1.0) : 0.0;
                    return std::hypot(pos[j].x - (c.x + t * dx), pos[j].y - (c.y + t * dy)) < radius[j] + 2;
                });
            };
            int bestFar = 0;
            for (const Point& p : further) {
                const Rect rect{p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2};
                if ((framed && !inFrame(rect)) || labels.any(rect, [&](std::uint32_t j) { return placed[j].overlaps(rect); }) ||
                    actors.any(rect, [&](std::uint32_t j) { return circleHitsRect(pos[j], radius[j], rect); }) || lineHitsActor(rect))
                    continue;
                const int score = scored ? misleading(rect) : 0;
                if (!best[0] || score < bestFar) {
                    best[0] = p;
                    bestFar = score;
                    leader = true;
                }
                if (score == 0) break;
            }
        }
        const std::optional<Point> fallback = best[0] ? best[0] : always >= 2 ? best[2] : always >= 1 ? best[1] : std::nullopt;
        if (!fallback) continue;
        const Rect rect{fallback->x - w / 2, fallback->y - h / 2, fallback->x + w / 2, fallback->y + h / 2};
        out[i] = PlacedLabel{true, *fallback, leader};  // leader: best[0] came from the places further out
        placed[i] = rect;
        labels.add(rect, i);
    }
    return out;
}

}  // namespace knp::layout
