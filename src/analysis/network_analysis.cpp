#include "analysis/network_analysis.hpp"

#include <chrono>

namespace knp::analysis {

const std::vector<double>* NetworkAnalysis::column(std::string_view name) const {
    for (const MetricColumn& c : metrics.columns)
        if (c.name == name) return &c.values;
    return nullptr;
}

std::shared_ptr<const NetworkAnalysis> analyseNetwork(const Network& network, const AnalysisOptions& o) {
    const auto start = std::chrono::steady_clock::now();
    auto a = std::make_shared<NetworkAnalysis>();
    a->version = o.version;
    a->graph = GraphView::build(network);
    a->metrics = computeMetrics(a->graph);
    // Sampled betweenness (over 50,000 actors) ranks well but is no base for the centralization
    // or the gap analysis's brokers: those compute it exactly themselves.
    const std::vector<double>* betweenness = a->metrics.betweennessInfo.approximate ? nullptr : a->column("betweenness");
    a->figures = graphFigures(a->graph, false, betweenness);
    GapOptions go = o.gaps;
    if (!go.betweenness) go.betweenness = betweenness;
    a->gaps = analyseGaps(network, a->graph, go);
    a->milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return a;
}

}  // namespace knp::analysis
