#include "layout/force_layout.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <random>

#include "core/parallel.hpp"
#include "core/graph_view.hpp"
#include "layout/link_clearance.hpp"

namespace knp::layout {

namespace {

// [SECTION] Level graphs
struct Level {
    std::size_t n = 0;
    std::vector<std::uint32_t> offsets{0}, targets;
    std::vector<double> weights;  // attraction factor per arc
    std::vector<double> mass;     // actors represented
    std::vector<bool> fixed;
};

struct Coarsening {
    Level coarse;
    std::vector<std::uint32_t> parent;  // fine node -> coarse node
};

Coarsening coarsen(const Level& fine, std::mt19937_64& rng) {
    const std::size_t n = fine.n;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), rng);
    constexpr std::uint32_t kNone = UINT32_MAX;
    std::vector<std::uint32_t> cluster(n, kNone);
    std::vector<double> clusterMass;
    // Matching: each node pairs with its lightest unmatched neighbour through the heaviest link.
    for (const std::uint32_t i : order) {
        if (cluster[i] != kNone || fine.fixed[i]) continue;
        std::uint32_t best = kNone;
        double bestScore = 0;
        for (std::uint32_t e = fine.offsets[i]; e < fine.offsets[i + 1]; ++e) {
            const std::uint32_t j = fine.targets[e];
            if (cluster[j] != kNone || fine.fixed[j]) continue;
            const double score = fine.weights[e] / (fine.mass[i] + fine.mass[j]);
            if (score > bestScore) { bestScore = score; best = j; }
        }
        if (best == kNone) continue;
        cluster[i] = cluster[best] = static_cast<std::uint32_t>(clusterMass.size());
        clusterMass.push_back(fine.mass[i] + fine.mass[best]);
    }
    // Leaves of stars stay unmatched: they join their lightest neighbouring cluster.
    for (const std::uint32_t i : order) {
        if (cluster[i] != kNone || fine.fixed[i]) continue;
        std::uint32_t best = kNone;
        for (std::uint32_t e = fine.offsets[i]; e < fine.offsets[i + 1]; ++e) {
            const std::uint32_t j = fine.targets[e];
            if (cluster[j] == kNone || fine.fixed[j]) continue;
            if (best == kNone || clusterMass[cluster[j]] < clusterMass[best]) best = cluster[j];
        }
        if (best != kNone) {
            cluster[i] = best;
            clusterMass[best] += fine.mass[i];
        }
    }
    for (std::uint32_t i = 0; i < n; ++i)
        if (cluster[i] == kNone) {
            cluster[i] = static_cast<std::uint32_t>(clusterMass.size());
            clusterMass.push_back(fine.mass[i]);
        }
    Coarsening c;
    c.parent = cluster;
    Level& L = c.coarse;
    L.n = clusterMass.size();
    L.mass = clusterMass;
    L.fixed.assign(L.n, false);
    for (std::uint32_t i = 0; i < n; ++i)
        if (fine.fixed[i]) L.fixed[cluster[i]] = true;
    std::vector<std::vector<std::pair<std::uint32_t, double>>> adj(L.n);
    for (std::uint32_t i = 0; i < n; ++i)
        for (std::uint32_t e = fine.offsets[i]; e < fine.offsets[i + 1]; ++e) {
            const std::uint32_t a = cluster[i], b = cluster[fine.targets[e]];
            if (a != b) adj[a].emplace_back(b, fine.weights[e]);
        }
    L.offsets.assign(L.n + 1, 0);
    for (std::uint32_t a = 0; a < L.n; ++a) {
        std::sort(adj[a].begin(), adj[a].end());
        for (std::size_t k = 0; k < adj[a].size(); ++k) {
            if (k > 0 && adj[a][k].first == adj[a][k - 1].first) {
                L.weights.back() += adj[a][k].second;
                continue;
            }
            L.targets.push_back(adj[a][k].first);
            L.weights.push_back(adj[a][k].second);
        }
        L.offsets[a + 1] = static_cast<std::uint32_t>(L.targets.size());
    }
    return c;
}

// [SECTION] Barnes-Hut quadtree
struct QuadTree {
    struct Cell {
        double cx = 0, cy = 0, mass = 0;  // centre of mass
        double x0 = 0, y0 = 0, size = 0;  // square
        std::int32_t child[4] = {-1, -1, -1, -1};
        std::int32_t point = -1;          // leaf holding one point, -1 otherwise
        bool leaf = true;
    };
    std::vector<Cell> cells;

    void build(const std::vector<Point>& pos, const std::vector<double>& mass) {
        cells.clear();
        double minX = pos[0].x, maxX = pos[0].x, minY = pos[0].y, maxY = pos[0].y;
        for (const Point& p : pos) {
            minX = std::min(minX, p.x); maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y); maxY = std::max(maxY, p.y);
        }
        Cell root;
        root.x0 = minX;
        root.y0 = minY;
        root.size = std::max({maxX - minX, maxY - minY, 1e-6}) * 1.0001;
        cells.reserve(pos.size() * 2 + 1);
        cells.push_back(root);
        for (std::size_t i = 0; i < pos.size(); ++i) insert(static_cast<std::int32_t>(i), pos, mass);
        summarise(pos, mass);
    }

    int quadrant(const Cell& c, const Point& p) const {
        const double half = c.size / 2;
        return (p.x >= c.x0 + half ? 1 : 0) + (p.y >= c.y0 + half ? 2 : 0);
    }

    std::int32_t makeChild(std::int32_t parent, int q) {
        Cell child;
        const Cell& c = cells[static_cast<std::size_t>(parent)];
        child.size = c.size / 2;
        child.x0 = c.x0 + ((q & 1) ? child.size : 0);
        child.y0 = c.y0 + ((q & 2) ? child.size : 0);
        cells.push_back(child);
        const auto index = static_cast<std::int32_t>(cells.size() - 1);
        cells[static_cast<std::size_t>(parent)].child[q] = index;
        return index;
    }

    void insert(std::int32_t point, const std::vector<Point>& pos, const std::vector<double>& mass) {
        std::int32_t at = 0;
        for (int depth = 0;; ++depth) {
            Cell& c = cells[static_cast<std::size_t>(at)];
            if (c.leaf && c.point < 0 && c.mass == 0) {  // empty leaf
                c.point = point;
                c.mass = -1;  // marks "holds a point" until summarised
                return;
            }
            if (c.leaf) {
                if (depth > 48) {  // coincident points: keep them together in this leaf
                    c.mass -= 1;
                    extra.emplace_back(at, point);
                    return;
                }
                const std::int32_t old = c.point;
                c.leaf = false;
                c.point = -1;
                c.mass = 0;
                const int qo = quadrant(cells[static_cast<std::size_t>(at)], pos[static_cast<std::size_t>(old)]);
                const std::int32_t child = makeChild(at, qo);
                cells[static_cast<std::size_t>(child)].point = old;
                cells[static_cast<std::size_t>(child)].mass = -1;
            }
            const int q = quadrant(cells[static_cast<std::size_t>(at)], pos[static_cast<std::size_t>(point)]);
            std::int32_t next = cells[static_cast<std::size_t>(at)].child[q];
            if (next < 0) next = makeChild(at, q);
            at = next;
        }
        (void)mass;
    }

    // Children are always created after their parent, so walking the cells backwards sees every
    // child before its parent: one pass computes all masses and centres.
    void summarise(const std::vector<Point>& pos, const std::vector<double>& mass) {
        for (std::size_t k = cells.size(); k-- > 0;) {
            Cell& c = cells[k];
            if (c.leaf) {
                if (c.point < 0) { c.mass = 0; continue; }
                const auto p = static_cast<std::size_t>(c.point);
                double m = mass[p], x = pos[p].x * mass[p], y = pos[p].y * mass[p];
                for (const auto& [cell, q] : extra)
                    if (static_cast<std::size_t>(cell) == k) {
                        const auto qi = static_cast<std::size_t>(q);
                        m += mass[qi];
                        x += pos[qi].x * mass[qi];
                        y += pos[qi].y * mass[qi];
                    }
                c.mass = m;
                c.cx = x / m;
                c.cy = y / m;
                continue;
            }
            double m = 0, x = 0, y = 0;
            for (const std::int32_t ch : c.child) {
                if (ch < 0) continue;
                const Cell& kc = cells[static_cast<std::size_t>(ch)];
                m += kc.mass;
                x += kc.cx * kc.mass;
                y += kc.cy * kc.mass;
            }
            c.mass = m;
            c.cx = m > 0 ? x / m : c.x0;
            c.cy = m > 0 ? y / m : c.y0;
        }
    }

    // Repulsive force on point i: sum of strength * m_i * m_cell * (p - c) / d^2.
    void repulsion(std::size_t i, const Point& p, double mi, double strength, double theta, double& fx, double& fy,
                   std::vector<std::int32_t>& stack) const {
        stack.clear();
        stack.push_back(0);
        while (!stack.empty()) {
            const Cell& c = cells[static_cast<std::size_t>(stack.back())];
            stack.pop_back();
            if (c.mass <= 0) continue;
            const double dx = p.x - c.cx, dy = p.y - c.cy;
            const double d2 = dx * dx + dy * dy;
            if (c.leaf) {
                if (c.point == static_cast<std::int32_t>(i) && d2 < 1e-18) {
                    // The point itself (and any coincident twins, pushed apart by index below).
                    continue;
                }
                const double f = strength * mi * c.mass / std::max(d2, 1e-4);
                fx += f * dx;
                fy += f * dy;
                continue;
            }
            if (c.size * c.size < theta * theta * d2) {
                const double f = strength * mi * c.mass / d2;
                fx += f * dx;
                fy += f * dy;
                continue;
            }
            for (const std::int32_t ch : c.child)
                if (ch >= 0) stack.push_back(ch);
        }
    }

    std::vector<std::pair<std::int32_t, std::int32_t>> extra;  // coincident points beyond depth 48
};

// [SECTION] One level
// Maps up to this many actors (a workshop's, a municipality's) are kept off foreign links in full:
// links push actors while the layout settles, then sweeps, moves to free spots and, where still
// needed, a wider map. Larger imported networks are left as the forces place them (their layout
// time stays that of the layout).
constexpr std::size_t kClearUpTo = 500;

// Where each actor may go in a run: within reach[i] points of anchor[i] (live steps keep the
// picture; infinity: free).
struct Tether {
    std::vector<Point> anchor;
    std::vector<double> reach;
};

void holdNear(Point& p, const Point& anchor, double reach) {
    const double dx = p.x - anchor.x, dy = p.y - anchor.y, d = std::hypot(dx, dy);
    if (d <= reach) return;
    p.x = anchor.x + dx * reach / d;
    p.y = anchor.y + dy * reach / d;
}

// Actors of a level that keep off foreign links in the last half of its iterations.
struct LinkAvoidance {
    std::vector<LinkEnds> links;
    std::vector<double> radius;
};

int refine(const Level& L, std::vector<Point>& pos, double K, double initialStep, int maxIterations, const ForceOptions& o,
           double progressBase, double progressSpan, const Tether* tether = nullptr, const LinkAvoidance* avoid = nullptr) {
    const std::size_t n = L.n;
    if (n <= 1) return 0;
    constexpr double kC = 0.2, kTheta = 1.2, kT = 0.9, kLinkReach = 16;
    const double repulsionStrength = kC * K * K;
    std::vector<double> fx(n), fy(n);
    double step = initialStep, energy0 = std::numeric_limits<double>::max();
    int progressCount = 0, it = 0, avoidingFor = 0;
    const unsigned workers = n >= 512 ? workerCount(n) : 1;
    std::vector<std::vector<std::int32_t>> stacks(workers);
    QuadTree tree;
    for (; it < maxIterations; ++it) {
        if (o.cancel && o.cancel->load()) break;
        // The quadtree is rebuilt every third iteration; in between, actors have moved by a
        // step at most and only the cells' masses and centres are refreshed.
        if (it % 3 == 0) {
            tree.extra.clear();
            tree.build(pos, L.mass);
        } else {
            tree.summarise(pos, L.mass);
        }
        parallelSources(n, workers, [&](unsigned worker, std::size_t i) {
            double x = 0, y = 0;
            tree.repulsion(i, pos[i], L.mass[i], repulsionStrength, kTheta, x, y, stacks[worker]);
            for (std::uint32_t e = L.offsets[i]; e < L.offsets[i + 1]; ++e) {
                const Point& q = pos[L.targets[e]];
                const double dx = q.x - pos[i].x, dy = q.y - pos[i].y;
                const double d = std::sqrt(dx * dx + dy * dy);
                const double f = L.weights[e] * d / K;  // |f| = w d^2 / K along the unit vector
                x += f * dx;
                y += f * dy;
            }
            fx[i] = x;
            fy[i] = y;
        });
        // Settling (small steps or half the iterations done): actors also keep off foreign links.
        if (avoid && (step < K * 0.1 || 2 * it >= maxIterations)) {
            addLinkRepulsion(pos, avoid->radius, avoid->links, kLinkReach, K, fx, fy);
            ++avoidingFor;
        }
        double energy = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double len = std::sqrt(fx[i] * fx[i] + fy[i] * fy[i]);
            energy += len * len;
            if (L.fixed[i] || len <= 0) continue;
            // Move along the force, by the step at most: small forces settle instead of
            // overshooting, which keeps the simultaneous (Jacobi) update stable.
            const double move = std::min(len, step);
            pos[i].x += move * fx[i] / len;
            pos[i].y += move * fy[i] / len;
            if (tether) holdNear(pos[i], tether->anchor[i], tether->reach[i]);
        }
        if (energy < energy0) {
            if (++progressCount >= 5) { progressCount = 0; step /= kT; }
        } else {
            progressCount = 0;
            step *= kT;
        }
        energy0 = energy;
        if (o.progress && it % 10 == 0) o.progress(progressBase + progressSpan * it / maxIterations);
        if (step < K * 0.01 && (!avoid || avoidingFor >= 30)) break;
    }
    return it;
}

// Separates actors at identical positions (e.g. children of one coarse node) deterministically.
void jitter(std::vector<Point>& pos, const std::vector<bool>& fixed, double amount, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-amount, amount);
    for (std::size_t i = 0; i < pos.size(); ++i) {
        const double dx = u(rng), dy = u(rng);
        if (fixed[i]) continue;
        pos[i].x += dx;
        pos[i].y += dy;
    }
}

Level levelOf(const GraphView& g, const std::vector<std::uint32_t>& nodes, const std::vector<bool>& pinned) {
    Level L;
    L.n = nodes.size();
    std::vector<std::int64_t> local(g.n, -1);
    for (std::size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = static_cast<std::int64_t>(i);
    double total = 0;
    std::size_t count = 0;
    for (const std::uint32_t u : nodes)
        for (const double w : g.undirected.neighborWeights(u)) { total += w; ++count; }
    const double mean = count ? total / static_cast<double>(count) : 1;
    L.mass.assign(L.n, 1.0);
    L.fixed.resize(L.n);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        L.fixed[i] = pinned[nodes[i]];
        const auto nb = g.undirected.neighbors(nodes[i]);
        const auto wt = g.undirected.neighborWeights(nodes[i]);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (local[nb[k]] < 0) continue;
            L.targets.push_back(static_cast<std::uint32_t>(local[nb[k]]));
            L.weights.push_back(std::clamp(wt[k] / mean, 0.25, 4.0));  // stronger links pull harder
        }
        L.offsets.push_back(static_cast<std::uint32_t>(L.targets.size()));
    }
    return L;
}

// The links of a level (each once) and its actors' radii; `nodes`: the actors of the level.
LinkAvoidance avoidanceOf(const Level& L, const std::vector<double>& radius, const std::vector<std::uint32_t>& nodes) {
    LinkAvoidance a;
    for (std::uint32_t i = 0; i < L.n; ++i) {
        a.radius.push_back(radius[nodes[i]]);
        for (std::uint32_t e = L.offsets[i]; e < L.offsets[i + 1]; ++e)
            if (i < L.targets[e]) a.links.push_back({i, L.targets[e]});
    }
    return a;
}

// Iterations per level: many where the graph is small (the coarsest level and small
// networks), few on the large intermediate and finest levels, which start from a good
// prolonged layout.
int iterationsFor(std::size_t n, int requested, bool finest, bool coarsest) {
    if (requested > 0) return requested;
    if (n <= 200) return 500;
    if (coarsest) return 300;
    if (n <= 2000) return finest ? 200 : 100;
    return finest ? 60 : 30;
}

}  // namespace

// [SECTION] Overlaps and packing
bool removeOverlaps(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<bool>& pinned, double gap,
                    int maxRounds) {
    const std::size_t n = pos.size();
    if (n < 2) return false;
    const double maxR = *std::max_element(radius.begin(), radius.end());
    const double cell = 2 * maxR + gap;
    // Actors are bucketed by grid cell (hashed, counting sort); each pair in the same or a
    // neighbouring cell that overlaps is pushed apart along the line between the centres.
    const std::size_t buckets = std::max<std::size_t>(64, std::bit_ceil(n * 2));
    std::vector<std::uint32_t> start(buckets + 1), items(n), bucketOf(n);
    std::vector<std::int64_t> cx(n), cy(n);
    auto hash = [&](std::int64_t x, std::int64_t y) {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(x) * 0x9E3779B97F4A7C15ull) ^
                                        (static_cast<std::uint64_t>(y) * 0xC2B2AE3D27D4EB4Full)) & (buckets - 1);
    };
    for (int round = 0; round < maxRounds; ++round) {
        std::fill(start.begin(), start.end(), 0);
        for (std::size_t i = 0; i < n; ++i) {
            cx[i] = static_cast<std::int64_t>(std::floor(pos[i].x / cell));
            cy[i] = static_cast<std::int64_t>(std::floor(pos[i].y / cell));
            bucketOf[i] = static_cast<std::uint32_t>(hash(cx[i], cy[i]));
            ++start[bucketOf[i] + 1];
        }
        for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
        {
            std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
            for (std::uint32_t i = 0; i < n; ++i) items[fill[bucketOf[i]]++] = i;
        }
        bool moved = false;
        for (std::uint32_t i = 0; i < n; ++i) {
            for (std::int64_t dxc = -1; dxc <= 1; ++dxc)
                for (std::int64_t dyc = -1; dyc <= 1; ++dyc) {
                    const std::size_t b = hash(cx[i] + dxc, cy[i] + dyc);
                    for (std::uint32_t k = start[b]; k < start[b + 1]; ++k) {
                        const std::uint32_t j = items[k];
                        if (j <= i || cx[j] != cx[i] + dxc || cy[j] != cy[i] + dyc) continue;
                        double dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y;
                        const double want = radius[i] + radius[j] + gap;
                        const double d2 = dx * dx + dy * dy;
                        const double enough = want - 0.25 * gap;  // within a quarter of the gap counts as done
                        if (d2 >= enough * enough || (pinned[i] && pinned[j])) continue;
                        double d = std::sqrt(d2);
                        if (d < 1e-9) {  // identical positions: a direction from the indices
                            const double angle = 2.399963 * static_cast<double>(i + j);
                            dx = std::cos(angle);
                            dy = std::sin(angle);
                            d = 1;
                        }
                        const double push = (want - d) * 1.001;
                        const double ux = dx / d, uy = dy / d;
                        const double shareI = pinned[i] ? 0 : (pinned[j] ? 1 : 0.5);
                        pos[i].x -= ux * push * shareI;
                        pos[i].y -= uy * push * shareI;
                        pos[j].x += ux * push * (1 - shareI);
                        pos[j].y += uy * push * (1 - shareI);
                        moved = true;
                    }
                }
        }
        if (!moved) return round > 0;
    }
    return true;
}

std::size_t countOverlaps(const std::vector<Point>& pos, const std::vector<double>& radius, double tolerance) {
    const std::size_t n = pos.size();
    if (n < 2) return 0;
    const double cell = 2 * *std::max_element(radius.begin(), radius.end());
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    auto cellOf = [&](std::uint32_t i) {
        return std::make_pair(static_cast<std::int64_t>(std::floor(pos[i].x / cell)), static_cast<std::int64_t>(std::floor(pos[i].y / cell)));
    };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return cellOf(a) < cellOf(b); });
    std::size_t count = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto [cx, cy] = cellOf(i);
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto key = std::make_pair(cx + dx, cy + dy);
                auto it = std::lower_bound(order.begin(), order.end(), key, [&](std::uint32_t a, const auto& k) { return cellOf(a) < k; });
                for (; it != order.end() && cellOf(*it) == key; ++it) {
                    const std::uint32_t j = *it;
                    if (j <= i) continue;
                    const double d = std::hypot(pos[i].x - pos[j].x, pos[i].y - pos[j].y);
                    if (d + tolerance < radius[i] + radius[j]) ++count;
                }
            }
    }
    return count;
}

void packGroups(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<std::vector<std::uint32_t>>& groups,
                double margin) {
    struct Box { std::size_t group; Bounds b; };
    std::vector<Box> boxes;
    double area = 0, widest = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].empty()) continue;
        const Bounds b = bounds(pos, radius, &groups[g]);
        boxes.push_back({g, b});
        area += (b.width() + margin) * (b.height() + margin);
        widest = std::max(widest, b.width() + margin);
    }
    std::stable_sort(boxes.begin(), boxes.end(), [&](const Box& a, const Box& b) {
        return groups[a.group].size() != groups[b.group].size() ? groups[a.group].size() > groups[b.group].size()
                                                                 : a.b.height() > b.b.height();
    });
    const double rowWidth = std::max(widest, std::sqrt(area) * 1.3);
    double x = 0, y = 0, rowHeight = 0;
    for (const Box& box : boxes) {
        const double w = box.b.width() + margin, h = box.b.height() + margin;
        if (x > 0 && x + w > rowWidth) {
            x = 0;
            y -= rowHeight;  // rows go downwards (Graphviz's y axis points up)
            rowHeight = 0;
        }
        const double shiftX = x - box.b.minX, shiftY = y - h - box.b.minY + margin;
        for (const std::uint32_t i : groups[box.group]) {
            pos[i].x += shiftX;
            pos[i].y += shiftY;
        }
        x += w;
        rowHeight = std::max(rowHeight, h);
    }
}

// [SECTION] Incremental and live steps
namespace {

// Every link once (the simple undirected view), for keepOffForeignLinks.
std::vector<LinkEnds> linkEndsOf(const GraphView& g) {
    std::vector<LinkEnds> links;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (const std::uint32_t v : g.undirected.neighbors(u))
            if (u < v) links.push_back({u, v});
    return links;
}

// Placed actors where they are; new ones near their placed neighbours (or near the centre of
// the placed ones). Returns the number of placed actors.
std::size_t startPositions(const GraphView& g, const LayoutInput& in, double K, std::mt19937_64& rng, std::vector<Point>& pos) {
    const std::size_t n = g.n;
    double cx = 0, cy = 0;
    std::size_t placedCount = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (in.placed[i]) { cx += in.initial[i].x; cy += in.initial[i].y; ++placedCount; }
    if (placedCount) { cx /= static_cast<double>(placedCount); cy /= static_cast<double>(placedCount); }
    std::uniform_real_distribution<double> u(-K, K);
    for (std::size_t i = 0; i < n; ++i) {
        if (in.placed[i]) { pos[i] = in.initial[i]; continue; }
        double sx = 0, sy = 0;
        std::size_t k = 0;
        for (const std::uint32_t j : g.undirected.neighbors(static_cast<std::uint32_t>(i)))
            if (in.placed[j]) { sx += in.initial[j].x; sy += in.initial[j].y; ++k; }
        pos[i] = k ? Point{sx / static_cast<double>(k) + u(rng) * 0.5, sy / static_cast<double>(k) + u(rng) * 0.5}
                   : Point{cx + u(rng) * 2, cy + u(rng) * 2};
    }
    return placedCount;
}

// Parts without pinned actors would drift away from each other (repulsion across the gap):
// each goes back to where its placed actors were, so the picture stays put.
void recentreComponents(const GraphView& g, const LayoutInput& in, const std::vector<bool>& pinned, std::vector<Point>& pos) {
    const std::size_t n = g.n;
    std::uint32_t componentCount = 0;
    const std::vector<std::uint32_t> comp = components(g, &componentCount);
    std::vector<double> sx(componentCount, 0), sy(componentCount, 0), ox(componentCount, 0), oy(componentCount, 0);
    std::vector<std::size_t> count(componentCount, 0);
    std::vector<bool> anchored(componentCount, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (pinned[i]) anchored[comp[i]] = true;
        if (!in.placed[i]) continue;
        sx[comp[i]] += pos[i].x;
        sy[comp[i]] += pos[i].y;
        ox[comp[i]] += in.initial[i].x;
        oy[comp[i]] += in.initial[i].y;
        ++count[comp[i]];
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t c = comp[i];
        if (anchored[c] || count[c] == 0) continue;
        pos[i].x += (ox[c] - sx[c]) / static_cast<double>(count[c]);
        pos[i].y += (oy[c] - sy[c]) / static_cast<double>(count[c]);
    }
}

// Keeps the frame: placed actors start where they are and move kLiveReach * K at most (the
// shape stays recognisable, the facilitator's next click target stays put); new ones start near
// their placed neighbours and move freely. One level of refinement, then overlaps and foreign
// links are cleared (which may move an actor a little further: its radius and the clearance).
std::vector<Point> incrementalLayout(const GraphView& g, const LayoutInput& in, const ForceOptions& o, const std::vector<bool>& pinned) {
    constexpr double kLiveReach = 0.1, kLiveJump = 0.6;
    const std::size_t n = g.n;
    const double K = o.naturalLength;
    std::mt19937_64 rng(o.seed);
    std::vector<Point> pos(n);
    const std::size_t placedCount = startPositions(g, in, K, rng, pos);
    Tether tether{pos, std::vector<double>(n, std::numeric_limits<double>::infinity())};
    for (std::size_t i = 0; i < n; ++i)
        if (in.placed[i]) tether.reach[i] = kLiveReach * K;
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    const Level L = levelOf(g, all, pinned);
    const bool mostlyPlaced = placedCount * 10 >= n * 9;
    const LinkAvoidance avoid = n <= kClearUpTo ? avoidanceOf(L, in.radius, all) : LinkAvoidance{};
    refine(L, pos, K, mostlyPlaced ? K * 0.1 : K * 0.3,
           o.maxIterations > 0 ? o.maxIterations : (mostlyPlaced ? 80 : iterationsFor(n, 0, true, false)), o, 0, 1, &tether,
           avoid.links.empty() ? nullptr : &avoid);
    recentreComponents(g, in, pinned, pos);
    for (std::size_t i = 0; i < n; ++i) holdNear(pos[i], tether.anchor[i], tether.reach[i]);
    removeOverlaps(pos, in.radius, pinned);
    if (n > kClearUpTo) return pos;
    std::vector<double> jump(n, std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < n; ++i)
        if (in.placed[i]) jump[i] = kLiveJump * K;
    ClearanceOptions clear;
    clear.maxRelocation = kLiveJump * K;
    clear.anchor = &tether.anchor;
    clear.reach = &jump;
    keepOffForeignLinks(pos, in.radius, linkEndsOf(g), pinned, clear);
    return pos;
}

// A full layout off foreign links: where sweeps and moves to free spots leave actors on links
// (a dense core with large circles), the whole map is spread by a tenth and cleared again;
// spreading keeps the shape and thins the links relative to the circles.
void clearFullLayout(const GraphView& g, const std::vector<double>& radius, const std::vector<bool>& pinned, std::vector<Point>& pos) {
    const std::vector<LinkEnds> links = linkEndsOf(g);
    if (g.n > kClearUpTo) return;
    for (int spread = 0; spread <= 8; ++spread) {
        if (keepOffForeignLinks(pos, radius, links, pinned) == 0) return;
        double cx = 0, cy = 0;
        for (const Point& p : pos) { cx += p.x; cy += p.y; }
        cx /= static_cast<double>(g.n);
        cy /= static_cast<double>(g.n);
        for (std::size_t i = 0; i < g.n; ++i)
            if (!pinned[i]) pos[i] = {cx + (pos[i].x - cx) * 1.1, cy + (pos[i].y - cy) * 1.1};
    }
}

}  // namespace

// [SECTION] Entry point
std::vector<Point> forceLayout(const LayoutInput& in, const ForceOptions& o, bool* cancelled) {
    const GraphView& g = *in.graph;
    const std::size_t n = g.n;
    std::vector<Point> pos(n);
    if (cancelled) *cancelled = false;
    if (n == 0) return pos;
    std::mt19937_64 rng(o.seed);
    const double K = o.naturalLength;
    std::vector<bool> pinned(n, false);
    for (std::size_t i = 0; i < n; ++i) pinned[i] = in.pinned.size() > i && in.pinned[i] && in.placed[i];
    const bool anyPinned = std::find(pinned.begin(), pinned.end(), true) != pinned.end();

    if (o.incremental || anyPinned) {
        pos = incrementalLayout(g, in, o, pinned);
        if (cancelled && o.cancel) *cancelled = o.cancel->load();
        return pos;
    }

    // Full layout: each component on its own, multilevel, then packed side by side.
    std::uint32_t componentCount = 0;
    const std::vector<std::uint32_t> comp = components(g, &componentCount);
    std::vector<std::vector<std::uint32_t>> groups(componentCount);
    for (std::uint32_t u = 0; u < n; ++u) groups[comp[u]].push_back(u);
    std::size_t done = 0;
    for (const std::vector<std::uint32_t>& nodes : groups) {
        if (o.cancel && o.cancel->load()) break;
        const double base = static_cast<double>(done) / static_cast<double>(n);
        const double span = static_cast<double>(nodes.size()) / static_cast<double>(n);
        done += nodes.size();
        if (nodes.size() == 1) { pos[nodes[0]] = Point{}; continue; }
        // Coarsen down to a few dozen clusters.
        std::vector<Level> levels{levelOf(g, nodes, pinned)};
        std::vector<std::vector<std::uint32_t>> parents;
        while (levels.back().n > 24) {
            Coarsening c = coarsen(levels.back(), rng);
            if (c.coarse.n > levels.back().n * 0.85) break;
            parents.push_back(std::move(c.parent));
            levels.push_back(std::move(c.coarse));
        }
        // Coarsest level: random start, many iterations.
        std::vector<Point> local(levels.back().n);
        std::uniform_real_distribution<double> u(-1, 1);
        const double spread = K * std::sqrt(static_cast<double>(nodes.size()));
        for (Point& p : local) p = Point{u(rng) * spread, u(rng) * spread};
        const int levelCount = static_cast<int>(levels.size());
        for (int l = levelCount - 1; l >= 0; --l) {
            const Level& L = levels[static_cast<std::size_t>(l)];
            const double levelBase = base + span * (levelCount - 1 - l) / levelCount;
            const LinkAvoidance avoid = l == 0 && nodes.size() <= kClearUpTo ? avoidanceOf(L, in.radius, nodes) : LinkAvoidance{};
            refine(L, local, K, l == levelCount - 1 ? K * std::sqrt(static_cast<double>(nodes.size())) * 0.2 : K * 0.5,
                   iterationsFor(L.n, o.maxIterations, l == 0, l == levelCount - 1), o, levelBase, span / levelCount, nullptr,
                   avoid.links.empty() ? nullptr : &avoid);
            if (l == 0) break;
            // Prolong: each finer node starts at its cluster's position, slightly shaken.
            const std::vector<std::uint32_t>& parent = parents[static_cast<std::size_t>(l - 1)];
            std::vector<Point> finer(levels[static_cast<std::size_t>(l - 1)].n);
            for (std::size_t i = 0; i < finer.size(); ++i) finer[i] = local[parent[i]];
            jitter(finer, levels[static_cast<std::size_t>(l - 1)].fixed, K * 0.3, rng);
            local = std::move(finer);
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) pos[nodes[i]] = local[i];
    }
    removeOverlaps(pos, in.radius, pinned);
    packGroups(pos, in.radius, groups);
    clearFullLayout(g, in.radius, pinned, pos);
    if (o.progress) o.progress(1.0);
    if (cancelled && o.cancel) *cancelled = o.cancel->load();
    return pos;
}

}  // namespace knp::layout
