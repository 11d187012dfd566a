#include "analysis/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "analysis/community.hpp"

namespace knp::analysis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class T>
std::vector<double> asDouble(const std::vector<T>& v) {
    return std::vector<double>(v.begin(), v.end());
}
}  // namespace

const std::vector<std::string>& metricNames() {
    static const std::vector<std::string> names = {"degree", "in_degree", "out_degree", "betweenness", "closeness",
                                                   "harmonic", "eigenvector", "pagerank", "clustering", "core",
                                                   "constraint", "effective_size", "community", "articulation"};
    return names;
}

MetricsTable computeMetrics(const GraphView& g, const MetricsOptions& o) {
    std::vector<std::string> wanted = o.names.empty() ? metricNames() : o.names;
    for (const std::string& name : wanted)
        if (std::find(metricNames().begin(), metricNames().end(), name) == metricNames().end()) {
            std::string known;
            for (const std::string& k : metricNames()) known += (known.empty() ? "" : ", ") + k;
            throw std::invalid_argument("unknown metric \"" + name + "\" (known: " + known + ")");
        }
    auto want = [&](const char* name) { return std::find(wanted.begin(), wanted.end(), name) != wanted.end(); };
    MetricsTable table;
    std::optional<DistanceResult> dist;
    auto distancesNeeded = [&]() -> const DistanceResult& {
        if (!dist) dist = distances(g, PathOptions{o.weighted});
        return *dist;
    };
    const std::vector<double> none(g.n, kNaN);
    for (const std::string& name : metricNames()) {
        if (!want(name.c_str())) continue;
        MetricColumn col{name, {}, false};
        if (name == "degree") { col.values = asDouble(g.degree); col.integer = true; }
        else if (name == "in_degree") { col.values = g.directed ? asDouble(g.inDegree) : none; col.integer = true; }
        else if (name == "out_degree") { col.values = g.directed ? asDouble(g.outDegree) : none; col.integer = true; }
        else if (name == "betweenness") {
            BetweennessOptions bo;
            bo.weighted = o.weighted;
            bo.approximate = !o.exactBetweenness && g.n > o.sampleAbove;
            bo.epsilon = o.epsilon;
            table.betweennessInfo = betweenness(g, bo);
            col.values = table.betweennessInfo.values;
        }
        else if (name == "closeness") col.values = distancesNeeded().closeness;
        else if (name == "harmonic") col.values = o.weighted ? distances(g, PathOptions{false}).harmonic : distancesNeeded().harmonic;
        else if (name == "eigenvector") col.values = eigenvector(g);
        else if (name == "pagerank") col.values = pagerank(g, o.weighted);
        else if (name == "clustering") col.values = clustering(g);
        else if (name == "core") { col.values = asDouble(coreNumbers(g)); col.integer = true; }
        else if (name == "constraint") col.values = constraint(g);
        else if (name == "effective_size") col.values = effectiveSize(g);
        else if (name == "community") { col.values = asDouble(louvain(g, o.weighted).membership); col.integer = true; }
        else if (name == "articulation") {
            const std::vector<bool> ap = articulationPoints(g);
            col.values.assign(ap.begin(), ap.end());
            col.integer = true;
        }
        table.columns.push_back(std::move(col));
    }
    return table;
}

GraphFigures graphFigures(const GraphView& g, bool weighted, const std::vector<double>* given) {
    GraphFigures f;
    f.nodes = g.n;
    f.links = g.linkCount;
    f.directed = g.directed;
    f.edges = g.directed ? g.out.arcCount() : g.undirected.arcCount() / 2;
    const double n = static_cast<double>(g.n);
    if (g.n > 1) f.density = static_cast<double>(f.edges) / (g.directed ? n * (n - 1) : n * (n - 1) / 2);
    components(g, &f.components);
    f.transitivity = transitivity(g);
    f.modularity = louvain(g, weighted).modularity;
    const DistanceResult d = distances(g, PathOptions{false});
    f.diameter = d.diameter;
    f.averagePathLength = d.reachablePairs ? d.sumDistances / static_cast<double>(d.reachablePairs) : 0;
    if (g.n > 2) {
        std::uint32_t maxDegree = 0;
        for (std::uint32_t u = 0; u < g.n; ++u) maxDegree = std::max(maxDegree, g.undirected.degree(u));
        double sum = 0;
        for (std::uint32_t u = 0; u < g.n; ++u) sum += maxDegree - g.undirected.degree(u);
        f.degreeCentralization = sum / ((n - 1) * (n - 2));
        BetweennessOptions bo;
        bo.weighted = weighted;
        const std::vector<double> b = given && given->size() == g.n ? *given : betweenness(g, bo).values;
        const double maxB = *std::max_element(b.begin(), b.end());
        double sumB = 0;
        for (const double x : b) sumB += maxB - x;
        f.betweennessCentralization = sumB / (n - 1);
    }
    f.bridges = bridges(g).size();
    const std::vector<bool> ap = articulationPoints(g);
    f.articulationPoints = static_cast<std::size_t>(std::count(ap.begin(), ap.end(), true));
    return f;
}

}  // namespace knp::analysis
