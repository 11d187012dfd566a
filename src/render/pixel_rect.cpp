#include "render/pixel_rect.hpp"

#include <algorithm>
#include <utility>

namespace knp::render {

std::vector<PixelRect> subtractRects(const PixelRect& area, const std::vector<PixelRect>& holes) {
    if (area.width <= 0 || area.height <= 0) return {};
    const int ax1 = area.x + area.width, ay1 = area.y + area.height;
    std::vector<PixelRect> clipped;
    for (const PixelRect& h : holes) {
        const int x0 = std::max(area.x, h.x), y0 = std::max(area.y, h.y);
        const int x1 = std::min(ax1, h.x + h.width), y1 = std::min(ay1, h.y + h.height);
        if (x1 > x0 && y1 > y0) clipped.push_back({x0, y0, x1 - x0, y1 - y0});
    }
    // Rows where some hole starts or ends split the area into bands; within a band every hole
    // covers all of it or none.
    std::vector<int> ys{area.y, ay1};
    for (const PixelRect& h : clipped) {
        ys.push_back(h.y);
        ys.push_back(h.y + h.height);
    }
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    std::vector<PixelRect> result;
    std::vector<std::pair<int, int>> covered;
    std::size_t previousBand = 0;  // first rectangle of the band above
    for (std::size_t b = 0; b + 1 < ys.size(); ++b) {
        const int y0 = ys[b], y1 = ys[b + 1];
        covered.clear();
        for (const PixelRect& h : clipped)
            if (h.y <= y0 && h.y + h.height >= y1) covered.emplace_back(h.x, h.x + h.width);
        std::sort(covered.begin(), covered.end());
        std::vector<PixelRect> band;
        int x = area.x;
        for (const auto& [c0, c1] : covered) {
            if (c0 > x) band.push_back({x, y0, c0 - x, y1 - y0});
            x = std::max(x, c1);
        }
        if (x < ax1) band.push_back({x, y0, ax1 - x, y1 - y0});
        // A band with the same columns as the one before extends it.
        const std::size_t bandStart = result.size();
        bool same = bandStart - previousBand == band.size() && !band.empty();
        for (std::size_t i = 0; same && i < band.size(); ++i) {
            const PixelRect& above = result[previousBand + i];
            same = above.x == band[i].x && above.width == band[i].width && above.y + above.height == y0;
        }
        if (same) {
            for (std::size_t i = 0; i < band.size(); ++i) result[previousBand + i].height += y1 - y0;
        } else {
            previousBand = bandStart;
            result.insert(result.end(), band.begin(), band.end());
        }
    }
    return result;
}

}  // namespace knp::render
