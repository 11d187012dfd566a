#include "analysis/structure.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/core_numbers.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace knp::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::property<boost::edge_index_t, std::size_t>>;

BoostGraph toBoost(const GraphView& g) {
    BoostGraph bg(g.n);
    std::size_t index = 0;
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (const std::uint32_t v : g.undirected.neighbors(u))
            if (u < v) boost::add_edge(u, v, index++, bg);
    return bg;
}

}  // namespace

std::vector<std::uint64_t> triangles(const GraphView& g) {
    const Csr& a = g.undirected;
    std::vector<std::uint64_t> t(g.n, 0);
    std::vector<char> mark(g.n, 0);
    for (std::uint32_t u = 0; u < g.n; ++u) {
        for (const std::uint32_t v : a.neighbors(u)) mark[v] = 1;
        for (const std::uint32_t v : a.neighbors(u)) {
            if (v <= u) continue;
            for (const std::uint32_t w : a.neighbors(v))
                if (w > v && mark[w]) { ++t[u]; ++t[v]; ++t[w]; }
        }
        for (const std::uint32_t v : a.neighbors(u)) mark[v] = 0;
    }
    return t;
}

std::vector<double> clustering(const GraphView& g) {
    const std::vector<std::uint64_t> t = triangles(g);
    std::vector<double> c(g.n, 0.0);
    for (std::uint32_t u = 0; u < g.n; ++u) {
        const double d = g.undirected.degree(u);
        if (d >= 2) c[u] = 2.0 * static_cast<double>(t[u]) / (d * (d - 1));
    }
    return c;
}

double transitivity(const GraphView& g) {
    const std::vector<std::uint64_t> t = triangles(g);
    double tri = 0, triples = 0;
    for (std::uint32_t u = 0; u < g.n; ++u) {
        const double d = g.undirected.degree(u);
        tri += static_cast<double>(t[u]);
        triples += d * (d - 1) / 2;
    }
    return tri == 0 ? 0.0 : tri / triples;
}

std::vector<std::uint32_t> coreNumbers(const GraphView& g) {
    const BoostGraph bg = toBoost(g);
    std::vector<std::uint32_t> core(g.n, 0);
    boost::core_numbers(bg, boost::make_iterator_property_map(core.begin(), boost::get(boost::vertex_index, bg)));
    return core;
}

std::vector<double> constraint(const GraphView& g) {
    const Csr& a = g.undirected;
    std::vector<double> result(g.n, kNaN);
    for (std::uint32_t u = 0; u < g.n; ++u) {
        const double du = a.degree(u);
        if (du == 0) continue;
        double total = 0;
        for (const std::uint32_t v : a.neighbors(u)) {
            double indirect = 0;
            for (const std::uint32_t w : a.neighbors(u))
                if (w != v && a.hasArc(w, v)) indirect += (1.0 / du) * (1.0 / a.degree(w));
            const double local = 1.0 / du + indirect;
            total += local * local;
        }
        result[u] = total;
    }
    return result;
}

std::vector<double> effectiveSize(const GraphView& g) {
    const Csr& a = g.undirected;
    std::vector<double> result(g.n, kNaN);
    std::vector<char> mark(g.n, 0);
    for (std::uint32_t u = 0; u < g.n; ++u) {
        const double du = a.degree(u);
        if (du == 0) continue;
        for (const std::uint32_t v : a.neighbors(u)) mark[v] = 1;
        double ties = 0;
        for (const std::uint32_t v : a.neighbors(u))
            for (const std::uint32_t w : a.neighbors(v))
                if (w > v && mark[w]) ties += 1;
        for (const std::uint32_t v : a.neighbors(u)) mark[v] = 0;
        result[u] = du - 2 * ties / du;
    }
    return result;
}

std::vector<bool> articulationPoints(const GraphView& g) {
    const BoostGraph bg = toBoost(g);
    std::vector<BoostGraph::vertex_descriptor> points;
    boost::articulation_points(bg, std::back_inserter(points));
    std::vector<bool> result(g.n, false);
    for (const auto v : points) result[v] = true;
    return result;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges(const GraphView& g) {
    const BoostGraph bg = toBoost(g);
    const std::size_t m = boost::num_edges(bg);
    std::vector<std::size_t> component(m);
    const auto edgeIndex = boost::get(boost::edge_index, bg);
    boost::biconnected_components(bg, boost::make_iterator_property_map(component.begin(), edgeIndex));
    std::vector<std::size_t> size(m, 0);
    for (std::size_t c : component) ++size[c];
    std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
    for (auto [it, end] = boost::edges(bg); it != end; ++it)
        if (size[component[edgeIndex[*it]]] == 1)
            result.emplace_back(static_cast<std::uint32_t>(boost::source(*it, bg)), static_cast<std::uint32_t>(boost::target(*it, bg)));
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace knp::analysis
