#include "analysis/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <random>

#include "core/parallel.hpp"

namespace knp::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Per-worker buffers of the single-source passes; reset only what a pass touched.
struct SourceBuffers {
    SourceBuffers(std::size_t n, std::size_t arcs)
        : dist(n, -1), wdist(n, std::numeric_limits<double>::infinity()), sigma(n, 0), delta(n, 0), order(n), bc(n, 0),
          succ(arcs), succBegin(n + 1) {}
    std::vector<std::int32_t> dist;
    std::vector<double> wdist;
    std::vector<double> sigma, delta;
    std::vector<std::uint32_t> order;
    std::vector<double> bc;
    std::vector<std::uint32_t> succ;       // hop Brandes only: successors in BFS order
    std::vector<std::uint32_t> succBegin;
};

// [SECTION] Brandes, one source
void brandesHops(const Csr& g, std::uint32_t s, SourceBuffers& b) {
    auto& dist = b.dist;
    auto& sigma = b.sigma;
    auto& coeff = b.delta;  // (1 + dependency) / sigma, once an actor's dependency is known
    auto& order = b.order;
    // The successors of the actor at BFS position i are succ[succBegin[i] .. succBegin[i + 1]):
    // found while that actor is expanded, so they lie side by side, and the accumulation needs
    // neither the distance test nor a division in its inner loop.
    auto& succ = b.succ;
    auto& succBegin = b.succBegin;
    std::size_t head = 0, tail = 0, count = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
        succBegin[head] = static_cast<std::uint32_t>(count);
        const std::uint32_t v = order[head++];
        const std::int32_t next = dist[v] + 1;
        const double sv = sigma[v];
        for (const std::uint32_t w : g.neighbors(v)) {
            const std::int32_t dw = dist[w];
            if (dw < 0) {
                dist[w] = next;
                order[tail++] = w;
                sigma[w] = sv;
                succ[count++] = w;
            } else if (dw == next) {
                sigma[w] += sv;
                succ[count++] = w;
            }
        }
    }
    succBegin[tail] = static_cast<std::uint32_t>(count);
    for (std::size_t i = tail; i-- > 0;) {
        const std::uint32_t v = order[i];
        double dv = 0;
        for (std::uint32_t k = succBegin[i]; k < succBegin[i + 1]; ++k) dv += coeff[succ[k]];
        const double dependency = sigma[v] * dv;
        if (i > 0) b.bc[v] += dependency;
        coeff[v] = (1 + dependency) / sigma[v];
    }
    for (std::size_t i = 0; i < tail; ++i) {
        const std::uint32_t v = order[i];
        dist[v] = -1;
        sigma[v] = 0;
        coeff[v] = 0;
    }
}

void brandesWeighted(const Csr& g, std::uint32_t s, SourceBuffers& b) {
    auto& dist = b.wdist;
    auto& sigma = b.sigma;
    auto& delta = b.delta;
    auto& order = b.order;
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    std::size_t count = 0;
    dist[s] = 0;
    sigma[s] = 1;
    heap.emplace(0.0, s);
    while (!heap.empty()) {
        const auto [d, v] = heap.top();
        heap.pop();
        if (d > dist[v] || b.dist[v] == 1) continue;  // stale entry or settled
        b.dist[v] = 1;                                // settled marker
        order[count++] = v;  // settled order
        const auto nb = g.neighbors(v);
        const auto wt = g.neighborWeights(v);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const std::uint32_t w = nb[k];
            if (b.dist[w] == 1) continue;
            const double nd = dist[v] + 1.0 / wt[k];
            if (nd < dist[w]) {
                dist[w] = nd;
                sigma[w] = sigma[v];
                heap.emplace(nd, w);
            } else if (nd == dist[w]) {
                sigma[w] += sigma[v];
            }
        }
    }
    for (std::size_t i = count; i-- > 1;) {
        const std::uint32_t v = order[i];
        const auto nb = g.neighbors(v);
        const auto wt = g.neighborWeights(v);
        double dv = 0;
        for (std::size_t k = 0; k < nb.size(); ++k)
            if (dist[v] + 1.0 / wt[k] == dist[nb[k]]) dv += (1 + delta[nb[k]]) / sigma[nb[k]];
        delta[v] = sigma[v] * dv;
        b.bc[v] += delta[v];
    }
    // Reset everything the search touched: every reached actor was settled.
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t v = order[i];
        dist[v] = std::numeric_limits<double>::infinity();
        b.dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
    }
}

double normalisation(std::size_t n) { return n > 2 ? 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0; }

// [SECTION] Sampling (Riondato-Kornaropoulos)
std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint32_t bfsDepth(const Csr& g, std::uint32_t s, std::vector<std::int32_t>& dist, std::vector<std::uint32_t>& order,
                       std::uint32_t* farthest) {
    std::size_t head = 0, tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    std::uint32_t depth = 0, far = s;
    while (head < tail) {
        const std::uint32_t v = order[head++];
        if (static_cast<std::uint32_t>(dist[v]) > depth) { depth = static_cast<std::uint32_t>(dist[v]); far = v; }
        for (const std::uint32_t w : g.neighbors(v))
            if (dist[w] < 0) { dist[w] = dist[v] + 1; order[tail++] = w; }
    }
    for (std::size_t i = 0; i < tail; ++i) dist[order[i]] = -1;
    if (farthest) *farthest = far;
    return depth;
}

BetweennessResult sampledBetweenness(const GraphView& g, const BetweennessOptions& o) {
    const Csr& fwd = g.forward();
    const std::size_t n = g.n;
    BetweennessResult result;
    result.values.assign(n, 0);
    result.approximate = true;
    result.delta = o.delta;
    // Vertex-diameter bound: a double sweep from the highest-degree actor on the undirected view.
    std::vector<std::int32_t> dist(n, -1);
    std::vector<std::uint32_t> order(n);
    std::uint32_t start = 0;
    for (std::uint32_t u = 1; u < n; ++u)
        if (g.undirected.degree(u) > g.undirected.degree(start)) start = u;
    std::uint32_t far = start;
    bfsDepth(g.undirected, start, dist, order, &far);
    const std::uint32_t ecc = bfsDepth(g.undirected, far, dist, order, nullptr);
    const double vd = std::max(3.0, 2.0 * ecc + 1);
    const double c = 0.5;
    const auto r = static_cast<std::size_t>(std::ceil(c / (o.epsilon * o.epsilon) *
                                                      (std::floor(std::log2(vd - 2)) + 1 + std::log(1 / o.delta))));
    result.samples = r;
    const unsigned workers = workerCount(r);
    std::vector<SourceBuffers> buffers;
    for (unsigned w = 0; w < workers; ++w) buffers.emplace_back(n, 0);
    parallelSources(r, workers, [&](unsigned worker, std::size_t sample) {
        SourceBuffers& b = buffers[worker];
        std::mt19937_64 rng(splitmix(o.seed * 0x100000001B3ull + sample));
        std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(n - 1));
        const std::uint32_t s = pick(rng);
        std::uint32_t t = pick(rng);
        while (t == s) t = pick(rng);
        // Hop BFS from s until t's level is complete, counting shortest paths.
        std::size_t head = 0, tail = 0;
        b.order[tail++] = s;
        b.dist[s] = 0;
        b.sigma[s] = 1;
        while (head < tail) {
            const std::uint32_t v = b.order[head++];
            if (b.dist[t] >= 0 && b.dist[v] >= b.dist[t]) break;
            for (const std::uint32_t w : fwd.neighbors(v)) {
                if (b.dist[w] < 0) { b.dist[w] = b.dist[v] + 1; b.order[tail++] = w; }
                if (b.dist[w] == b.dist[v] + 1) b.sigma[w] += b.sigma[v];
            }
        }
        if (b.dist[t] > 0) {
            // Walk back from t, choosing each predecessor with probability sigma[v] / sigma[w].
            const Csr& bwd = g.backward();
            std::uint32_t w = t;
            while (true) {
                std::uniform_real_distribution<double> u01(0, b.sigma[w]);
                double x = u01(rng);
                std::uint32_t chosen = s;
                for (const std::uint32_t v : bwd.neighbors(w)) {
                    if (b.dist[v] != b.dist[w] - 1) continue;
                    chosen = v;
                    x -= b.sigma[v];
                    if (x < 0) break;
                }
                if (chosen == s) break;
                b.bc[chosen] += 1;
                w = chosen;
            }
        }
        for (std::size_t i = 0; i < tail; ++i) {
            b.dist[b.order[i]] = -1;
            b.sigma[b.order[i]] = 0;
        }
    });
    // RK estimates are fractions of ordered pairs; networkx normalises by (n-1)(n-2).
    // Counts are whole numbers: summed exactly whatever the split between workers, then scaled.
    const double scale = n > 2 ? static_cast<double>(n) / static_cast<double>(n - 2) / static_cast<double>(r) : 0;
    for (const SourceBuffers& b : buffers)
        for (std::size_t v = 0; v < n; ++v) result.values[v] += b.bc[v];
    for (double& v : result.values) v *= scale;
    result.epsilon = n > 2 ? o.epsilon * static_cast<double>(n) / static_cast<double>(n - 2) : o.epsilon;
    return result;
}

}  // namespace

// [SECTION] Betweenness
BetweennessResult betweenness(const GraphView& g, const BetweennessOptions& o) {
    if (o.approximate && g.n > 2) return sampledBetweenness(g, o);
    BetweennessResult result;
    result.values.assign(g.n, 0);
    if (g.n < 3) return result;
    const Csr& fwd = g.forward();
    // The same sums whatever the threads do: the sources are dealt into a fixed number of lanes
    // (source s into lane s mod kLanes), each lane sums its sources in order on one thread, and
    // the lanes are added in order. (Summing per thread made the last digits vary run to run.)
    constexpr std::size_t kLanes = 32;
    const std::size_t lanes = std::min(kLanes, g.n);
    const unsigned workers = std::min<unsigned>(workerCount(g.n), static_cast<unsigned>(lanes));
    std::vector<SourceBuffers> buffers;
    buffers.reserve(workers);
    for (unsigned w = 0; w < workers; ++w) buffers.emplace_back(g.n, o.weighted ? 0 : fwd.arcCount());
    std::vector<std::vector<double>> laneSums(lanes, std::vector<double>(g.n, 0));
    parallelSources(lanes, workers, [&](unsigned worker, std::size_t lane) {
        SourceBuffers& b = buffers[worker];
        std::swap(b.bc, laneSums[lane]);  // the Brandes steps add into b.bc
        for (std::size_t s = lane; s < g.n; s += lanes) {
            if (o.weighted) brandesWeighted(fwd, static_cast<std::uint32_t>(s), b);
            else brandesHops(fwd, static_cast<std::uint32_t>(s), b);
        }
        std::swap(b.bc, laneSums[lane]);
    }, 1);
    const double scale = normalisation(g.n);
    for (const std::vector<double>& lane : laneSums)
        for (std::size_t v = 0; v < g.n; ++v) result.values[v] += lane[v];
    for (double& v : result.values) v *= scale;
    return result;
}

// [SECTION] Closeness and harmonic
DistanceResult distances(const GraphView& g, const PathOptions& o) {
    const std::size_t n = g.n;
    DistanceResult r;
    r.closeness.assign(n, 0);
    r.harmonic.assign(n, 0);
    const Csr& bwd = g.backward();
    const unsigned workers = workerCount(n);
    struct Acc { double sum = 0; std::size_t pairs = 0; std::uint32_t diameter = 0; };
    std::vector<SourceBuffers> buffers;
    for (unsigned w = 0; w < workers; ++w) buffers.emplace_back(n, 0);
    std::vector<Acc> acc(workers);
    const double others = n > 1 ? static_cast<double>(n - 1) : 1;
    parallelSources(n, workers, [&](unsigned worker, std::size_t u) {
        SourceBuffers& b = buffers[worker];
        // BFS on the reversed direction from u: dist[v] = d(v, u).
        std::size_t head = 0, tail = 0;
        b.order[tail++] = static_cast<std::uint32_t>(u);
        b.dist[u] = 0;
        double total = 0, harmonic = 0;
        std::uint32_t far = 0;
        while (head < tail) {
            const std::uint32_t v = b.order[head++];
            const std::int32_t dv = b.dist[v];
            if (dv > 0) {
                total += dv;
                harmonic += 1.0 / dv;
                far = std::max(far, static_cast<std::uint32_t>(dv));
            }
            for (const std::uint32_t w : bwd.neighbors(v))
                if (b.dist[w] < 0) { b.dist[w] = dv + 1; b.order[tail++] = w; }
        }
        for (std::size_t i = 0; i < tail; ++i) b.dist[b.order[i]] = -1;
        const double reached = static_cast<double>(tail - 1);
        r.harmonic[u] = harmonic;
        acc[worker].sum += total;
        acc[worker].pairs += tail - 1;
        acc[worker].diameter = std::max(acc[worker].diameter, far);
        if (!o.weighted) r.closeness[u] = (total > 0 && n > 1) ? reached / total * (reached / others) : 0.0;
    });
    for (const Acc& a : acc) {
        r.sumDistances += a.sum;
        r.reachablePairs += a.pairs;
        r.diameter = std::max(r.diameter, a.diameter);
    }
    if (o.weighted) {
        parallelSources(n, workers, [&](unsigned worker, std::size_t u) {
            SourceBuffers& b = buffers[worker];
            using Item = std::pair<double, std::uint32_t>;
            std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
            std::size_t count = 0;
            b.wdist[u] = 0;
            heap.emplace(0.0, static_cast<std::uint32_t>(u));
            double total = 0;
            while (!heap.empty()) {
                const auto [d, v] = heap.top();
                heap.pop();
                if (d > b.wdist[v] || b.dist[v] == 1) continue;
                b.dist[v] = 1;
                b.order[count++] = v;
                total += d;
                const auto nb = bwd.neighbors(v);
                const auto wt = bwd.neighborWeights(v);
                for (std::size_t k = 0; k < nb.size(); ++k) {
                    const double nd = d + 1.0 / wt[k];
                    if (b.dist[nb[k]] != 1 && nd < b.wdist[nb[k]]) {
                        b.wdist[nb[k]] = nd;
                        heap.emplace(nd, nb[k]);
                    }
                }
            }
            for (std::size_t i = 0; i < count; ++i) {
                b.dist[b.order[i]] = -1;
                b.wdist[b.order[i]] = std::numeric_limits<double>::infinity();
            }
            const double reached = static_cast<double>(count - 1);
            r.closeness[u] = (total > 0 && n > 1) ? reached / total * (reached / others) : 0.0;
        });
    }
    return r;
}

// [SECTION] Eigenvector
std::vector<double> eigenvector(const GraphView& g) {
    const Csr& a = g.undirected;
    const std::size_t n = g.n;
    if (a.arcCount() == 0) return std::vector<double>(n, kNaN);
    // Components of the undirected view.
    std::vector<std::int32_t> comp(n, -1);
    std::vector<std::vector<std::uint32_t>> members;
    for (std::uint32_t s = 0; s < n; ++s) {
        if (comp[s] >= 0) continue;
        const auto id = static_cast<std::int32_t>(members.size());
        members.emplace_back();
        std::vector<std::uint32_t>& m = members.back();
        m.push_back(s);
        comp[s] = id;
        for (std::size_t i = 0; i < m.size(); ++i)
            for (const std::uint32_t w : a.neighbors(m[i]))
                if (comp[w] < 0) { comp[w] = id; m.push_back(w); }
    }
    std::vector<double> best(n, 0.0);
    double bestLambda = -1;
    std::vector<double> x(n, 0.0), y(n, 0.0);
    for (const auto& m : members) {
        if (m.size() < 2) continue;
        const double start = 1.0 / std::sqrt(static_cast<double>(m.size()));
        for (const std::uint32_t v : m) x[v] = start;
        double lambda = 0;
        for (int iter = 0; iter < 200000; ++iter) {
            double norm = 0;
            for (const std::uint32_t v : m) {
                double s = x[v];  // the +I shift makes the Perron root strictly dominant
                for (const std::uint32_t w : a.neighbors(v)) s += x[w];
                y[v] = s;
                norm += s * s;
            }
            norm = std::sqrt(norm);
            double change = 0;
            for (const std::uint32_t v : m) {
                const double nv = y[v] / norm;
                change = std::max(change, std::fabs(nv - x[v]));
                x[v] = nv;
            }
            lambda = norm - 1;
            if (change < 1e-14) break;
        }
        if (lambda > bestLambda + 1e-9) {
            bestLambda = lambda;
            std::fill(best.begin(), best.end(), 0.0);
            for (const std::uint32_t v : m) best[v] = x[v];
        }
        for (const std::uint32_t v : m) x[v] = 0;
    }
    return best;
}

// [SECTION] PageRank
std::vector<double> pagerank(const GraphView& g, bool weighted, double alpha) {
    const Csr& fwd = g.forward();
    const std::size_t n = g.n;
    if (n == 0) return {};
    std::vector<double> outWeight(n, 0.0);
    for (std::uint32_t u = 0; u < n; ++u) {
        const auto wt = fwd.neighborWeights(u);
        outWeight[u] = weighted ? std::accumulate(wt.begin(), wt.end(), 0.0) : static_cast<double>(wt.size());
    }
    const double inv = 1.0 / static_cast<double>(n);
    std::vector<double> x(n, inv), next(n);
    for (int iter = 0; iter < 10000; ++iter) {
        double dangling = 0;
        for (std::uint32_t u = 0; u < n; ++u)
            if (outWeight[u] == 0) dangling += x[u];
        const double base = (1 - alpha) * inv + alpha * dangling * inv;
        std::fill(next.begin(), next.end(), base);
        for (std::uint32_t u = 0; u < n; ++u) {
            if (outWeight[u] == 0) continue;
            const double share = alpha * x[u] / outWeight[u];
            const auto nb = fwd.neighbors(u);
            const auto wt = fwd.neighborWeights(u);
            for (std::size_t k = 0; k < nb.size(); ++k) next[nb[k]] += share * (weighted ? wt[k] : 1.0);
        }
        double change = 0;
        for (std::size_t u = 0; u < n; ++u) change += std::fabs(next[u] - x[u]);
        x.swap(next);
        if (change < 1e-14) break;
    }
    return x;
}

}  // namespace knp::analysis
