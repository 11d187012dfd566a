#include "core/graph_view.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <iterator>
#include <tuple>

namespace knp {

bool Csr::hasArc(std::uint32_t u, std::uint32_t v) const {
    const auto nb = neighbors(u);
    return std::binary_search(nb.begin(), nb.end(), v);
}

Csr Csr::fromArcs(std::size_t n, std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> arcs) {
    // Bucket the arcs by source (counting sort), then sort each row by target with the
    // strongest weight first, so that the first of a run of duplicates is kept.
    std::vector<std::uint32_t> start(n + 1, 0);
    for (const auto& arc : arcs) ++start[std::get<0>(arc) + 1];
    for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
    std::vector<std::pair<std::uint32_t, double>> rows(arcs.size());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (const auto& [u, v, w] : arcs) rows[fill[u]++] = {v, w};
    }
    Csr csr;
    csr.offsets.assign(n + 1, 0);
    csr.targets.reserve(arcs.size());
    csr.weights.reserve(arcs.size());
    for (std::size_t u = 0; u < n; ++u) {
        auto first = rows.begin() + start[u], last = rows.begin() + start[u + 1];
        std::sort(first, last, [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
        for (auto it = first; it != last; ++it) {
            if (it != first && std::prev(it)->first == it->first) continue;
            csr.targets.push_back(it->first);
            csr.weights.push_back(it->second);
        }
        csr.offsets[u + 1] = static_cast<std::uint32_t>(csr.targets.size());
    }
    return csr;
}

GraphView GraphView::build(const Network& network) {
    GraphView g;
    g.n = network.actors().size();
    g.linkCount = network.links().size();
    g.degree.assign(g.n, 0);
    g.inDegree.assign(g.n, 0);
    g.outDegree.assign(g.n, 0);
    g.directed = !network.links().empty();
    std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> both, forward;
    both.reserve(2 * network.links().size());
    forward.reserve(network.links().size());
    for (const Link& l : network.links()) {
        const auto s = static_cast<std::uint32_t>(*network.actorIndex(l.source));
        const auto t = static_cast<std::uint32_t>(*network.actorIndex(l.target));
        ++g.degree[s];
        ++g.degree[t];
        forward.emplace_back(s, t, l.strength);
        if (l.directed) {
            ++g.outDegree[s];
            ++g.inDegree[t];
        } else {
            g.directed = false;
            forward.emplace_back(t, s, l.strength);
        }
        both.emplace_back(s, t, l.strength);
        both.emplace_back(t, s, l.strength);
    }
    g.undirected = Csr::fromArcs(g.n, both);
    std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> reverse;
    reverse.reserve(forward.size());
    for (const auto& [s, t, w] : forward) reverse.emplace_back(t, s, w);
    g.out = Csr::fromArcs(g.n, std::move(forward));
    g.in = Csr::fromArcs(g.n, std::move(reverse));
    return g;
}

GraphView GraphView::induced(const std::vector<std::uint32_t>& nodes) const {
    GraphView sub;
    sub.n = nodes.size();
    std::vector<std::int64_t> local(n, -1);
    for (std::size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = static_cast<std::int64_t>(i);
    std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> arcs;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto nb = undirected.neighbors(nodes[i]);
        const auto wt = undirected.neighborWeights(nodes[i]);
        for (std::size_t k = 0; k < nb.size(); ++k)
            if (local[nb[k]] >= 0) arcs.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(local[nb[k]]), wt[k]);
    }
    sub.linkCount = arcs.size() / 2;
    sub.undirected = Csr::fromArcs(sub.n, arcs);
    sub.out = sub.undirected;
    sub.in = sub.undirected;
    sub.degree.resize(sub.n);
    for (std::uint32_t u = 0; u < sub.n; ++u) sub.degree[u] = sub.undirected.degree(u);
    sub.inDegree = sub.outDegree = std::vector<std::uint32_t>(sub.n, 0);
    return sub;
}

std::vector<std::uint32_t> components(const GraphView& g, std::uint32_t* count) {
    using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    BoostGraph bg(g.n);
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (const std::uint32_t v : g.undirected.neighbors(u))
            if (u < v) boost::add_edge(u, v, bg);
    std::vector<std::uint32_t> comp(g.n, 0);
    const auto c = boost::connected_components(bg, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, bg)));
    if (count) *count = static_cast<std::uint32_t>(c);
    return comp;
}

}  // namespace knp
