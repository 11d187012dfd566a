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

// Uniform grid of rectangles and circles for neighbourhood queries.
class Grid {
public:
    explicit Grid(double cell) : cell_(cell) {}
    void add(const Rect& r, std::uint32_t item) {
        for (auto [cx, cy] : cellsOf(r)) cells_[key(cx, cy)].push_back(item);
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
    Grid actors(cell), labels(cell);
    for (std::uint32_t i = 0; i < n; ++i)
        actors.add(Rect{pos[i].x - radius[i], pos[i].y - radius[i], pos[i].x + radius[i], pos[i].y + radius[i]}, i);
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
        // over names, the most important (2) its first place inside the frame whatever is there.
        const char always = rules.always.empty() ? 0 : rules.always[i];
        std::optional<Point> chosen, overActors, anywhere;
        for (const Point& p : candidates) {
            const Rect rect{p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2};
            if (framed && !inFrame(rect)) continue;
            if (!anywhere) anywhere = p;
            if (labels.any(rect, [&](std::uint32_t j) { return placed[j].overlaps(rect); })) continue;
            if (!overActors) overActors = p;
            if (actors.any(rect, [&](std::uint32_t j) { return circleHitsRect(pos[j], radius[j], rect); })) continue;
            chosen = p;
            break;
        }
        const std::optional<Point> fallback = chosen ? chosen : always >= 2 ? anywhere : always >= 1 ? overActors : std::nullopt;
        if (!fallback) continue;
        const Rect rect{fallback->x - w / 2, fallback->y - h / 2, fallback->x + w / 2, fallback->y + h / 2};
        out[i] = PlacedLabel{true, *fallback};
        placed[i] = rect;
        labels.add(rect, i);
    }
    return out;
}

}  // namespace knp::layout
