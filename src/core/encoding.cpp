#include "core/encoding.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

namespace knp::encoding {

std::uint32_t viridis(double t) {
    static const std::uint32_t stops[] = {0x440154, 0x3B528B, 0x21918C, 0x5DC863, 0xFDE725};
    t = std::clamp(std::isnan(t) ? 0.0 : t, 0.0, 1.0) * 4;
    const int i = std::min(3, static_cast<int>(t));
    const double f = t - i;
    auto ch = [&](int shift) {
        const double a = (stops[i] >> shift) & 0xFF, b = (stops[i + 1] >> shift) & 0xFF;
        return static_cast<std::uint32_t>(std::lround(a + (b - a) * f)) << shift;
    };
    return ch(16) | ch(8) | ch(0);
}

std::uint32_t pale(std::uint32_t rgb, double keep) {
    auto ch = [&](int shift) {
        const double v = (rgb >> shift) & 0xFF;
        return static_cast<std::uint32_t>(std::lround(255 - (255 - v) * keep)) << shift;
    };
    return ch(16) | ch(8) | ch(0);
}

Scale scaleOf(const std::vector<double>& values, const std::vector<char>& shown) {
    Scale s;
    for (std::size_t i = 0; i < values.size(); ++i)
        if ((shown.empty() || shown[i]) && std::isfinite(values[i])) {
            s.lo = std::min(s.lo, values[i]);
            s.hi = std::max(s.hi, values[i]);
            s.sorted.push_back(values[i]);
        }
    std::sort(s.sorted.begin(), s.sorted.end());
    return s;
}

double Scale::rank(double v) const {
    if (!(hi > lo) || sorted.size() < 2) return 0.5;
    const auto below = static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin());
    const auto upTo = static_cast<double>(std::upper_bound(sorted.begin(), sorted.end(), v) - sorted.begin());
    // The middle of the ranks v takes (or would take), over the ranks 0 .. size - 1.
    const double middle = upTo > below ? 0.5 * (below + upTo - 1) : below - 0.5;
    return std::clamp(middle / static_cast<double>(sorted.size() - 1), 0.0, 1.0);
}

double Scale::quantile(double q) const {
    if (sorted.empty()) return 0;
    const double at = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    const auto k = static_cast<std::size_t>(at);
    if (k + 1 >= sorted.size()) return sorted.back();
    return sorted[k] + (sorted[k + 1] - sorted[k]) * (at - static_cast<double>(k));
}

double sizeFraction(double value, const Scale& s) { return std::isfinite(value) && s.hi > s.lo ? std::sqrt(s.position(value)) : 0.125; }

std::vector<int> egoDistances(const GraphView& g, std::uint32_t ego, int steps) {
    std::vector<int> dist(g.n, -1);
    if (ego >= g.n) return dist;
    std::queue<std::uint32_t> q;
    dist[ego] = 0;
    q.push(ego);
    while (!q.empty()) {
        const std::uint32_t u = q.front();
        q.pop();
        if (dist[u] >= steps) continue;
        for (const std::uint32_t v : g.undirected.neighbors(u))
            if (dist[v] < 0) {
                dist[v] = dist[u] + 1;
                q.push(v);
            }
    }
    return dist;
}

std::vector<int> egoDistances(std::size_t actors, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& linkEnds, std::uint32_t ego,
                              int steps) {
    std::vector<int> dist(actors, -1);
    if (ego >= actors) return dist;
    dist[ego] = 0;
    // One sweep over the links per step: O(steps * links), no adjacency to build.
    for (int step = 0; step < steps; ++step)
        for (const auto& [a, b] : linkEnds) {
            if (dist[a] == step && dist[b] < 0) dist[b] = step + 1;
            if (dist[b] == step && dist[a] < 0) dist[a] = step + 1;
        }
    return dist;
}

}  // namespace knp::encoding
