#include "analysis/community.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace knp::analysis {

namespace {

struct Level {
    std::size_t n = 0;
    std::vector<std::vector<std::pair<std::uint32_t, double>>> adj;  // no self-loops
    std::vector<double> selfLoop;                                    // weight of i's self-loop
};

// Local moving phase; returns true when any node changed community.
bool moveNodes(const Level& level, std::vector<std::uint32_t>& community, double twoM) {
    const std::size_t n = level.n;
    std::vector<double> k(n, 0.0), tot(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (const auto& [j, w] : level.adj[i]) k[i] += w;
        k[i] += 2 * level.selfLoop[i];
        tot[community[i]] += k[i];
    }
    std::vector<double> neighWeight(n, 0.0);
    std::vector<std::uint32_t> touched;
    bool movedAny = false;
    for (bool moved = true; moved;) {
        moved = false;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t ci = community[i];
            touched.clear();
            touched.push_back(ci);
            for (const auto& [j, w] : level.adj[i]) {
                const std::uint32_t cj = community[j];
                if (neighWeight[cj] == 0 && std::find(touched.begin(), touched.end(), cj) == touched.end()) touched.push_back(cj);
                neighWeight[cj] += w;
            }
            tot[ci] -= k[i];
            std::uint32_t best = ci;
            double bestGain = neighWeight[ci] - tot[ci] * k[i] / twoM;
            for (const std::uint32_t c : touched) {
                const double gain = neighWeight[c] - tot[c] * k[i] / twoM;
                if (gain > bestGain + 1e-12) { bestGain = gain; best = c; }
            }
            tot[best] += k[i];
            if (best != ci) {
                community[i] = best;
                moved = movedAny = true;
            }
            for (const std::uint32_t c : touched) neighWeight[c] = 0;
        }
    }
    return movedAny;
}

}  // namespace

double modularity(const GraphView& g, const std::vector<std::uint32_t>& membership, bool weighted) {
    const Csr& a = g.undirected;
    double twoM = 0;
    std::unordered_map<std::uint32_t, double> tot, in;
    for (std::uint32_t u = 0; u < g.n; ++u) {
        const auto nb = a.neighbors(u);
        const auto wt = a.neighborWeights(u);
        for (std::size_t e = 0; e < nb.size(); ++e) {
            const double w = weighted ? wt[e] : 1.0;
            twoM += w;
            tot[membership[u]] += w;
            if (membership[nb[e]] == membership[u]) in[membership[u]] += w;
        }
    }
    if (twoM == 0) return 0;
    double q = 0;
    for (const auto& [c, t] : tot) q += in[c] / twoM - (t / twoM) * (t / twoM);
    return q;
}

Communities louvain(const GraphView& g, bool weighted) {
    const Csr& a = g.undirected;
    Level level;
    level.n = g.n;
    level.adj.resize(g.n);
    level.selfLoop.assign(g.n, 0);
    double twoM = 0;
    for (std::uint32_t u = 0; u < g.n; ++u) {
        const auto nb = a.neighbors(u);
        const auto wt = a.neighborWeights(u);
        for (std::size_t e = 0; e < nb.size(); ++e) {
            const double w = weighted ? wt[e] : 1.0;
            level.adj[u].emplace_back(nb[e], w);
            twoM += w;
        }
    }
    std::vector<std::uint32_t> membership(g.n);
    std::iota(membership.begin(), membership.end(), 0u);
    if (twoM > 0) {
        for (;;) {
            std::vector<std::uint32_t> community(level.n);
            std::iota(community.begin(), community.end(), 0u);
            if (!moveNodes(level, community, twoM)) break;
            // Renumber the communities of this level densely.
            std::vector<std::uint32_t> dense(level.n, UINT32_MAX);
            std::uint32_t next = 0;
            for (auto& c : community) {
                if (dense[c] == UINT32_MAX) dense[c] = next++;
                c = dense[c];
            }
            for (auto& m : membership) m = community[m];
            // Aggregate: one node per community, internal weight as a self-loop.
            Level up;
            up.n = next;
            up.adj.resize(next);
            up.selfLoop.assign(next, 0);
            std::vector<std::unordered_map<std::uint32_t, double>> links(next);
            for (std::size_t i = 0; i < level.n; ++i) {
                up.selfLoop[community[i]] += level.selfLoop[i];
                for (const auto& [j, w] : level.adj[i]) {
                    if (community[i] == community[j]) up.selfLoop[community[i]] += w / 2;  // each internal edge seen twice
                    else links[community[i]][community[j]] += w;
                }
            }
            for (std::uint32_t c = 0; c < next; ++c) {
                up.adj[c].assign(links[c].begin(), links[c].end());
                std::sort(up.adj[c].begin(), up.adj[c].end());
            }
            if (next == level.n) break;
            level = std::move(up);
        }
    }
    // Number communities by their first actor, from 1.
    Communities result;
    std::vector<std::uint32_t> number(g.n, 0);
    for (std::uint32_t u = 0; u < g.n; ++u) {
        if (number[membership[u]] == 0) number[membership[u]] = ++result.count;
        result.membership.push_back(number[membership[u]]);
    }
    result.modularity = modularity(g, result.membership, weighted);
    return result;
}

}  // namespace knp::analysis
