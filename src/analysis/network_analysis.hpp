#pragma once
// One analysis of one version of a network: the graph view, every per-actor metric, the
// network's figures and the gap analysis (findings as data), computed once and handed to
// whoever shows or writes them — the view's panels, the report, every diagram and every
// exporter — so none of them computes the same thing again. Language-free: words come later
// (report/phrasing.hpp). Pure; the cost is that of computeMetrics plus analyseGaps.
#include <cstdint>
#include <memory>
#include <string_view>

#include "analysis/gaps.hpp"
#include "analysis/metrics.hpp"
#include "core/graph_view.hpp"
#include "core/network.hpp"

namespace knp::analysis {

struct NetworkAnalysis {
    std::uint64_t version = 0;  // the network version it belongs to (the view's edit counter)
    GraphView graph;
    MetricsTable metrics;       // every metric of metricNames()
    GraphFigures figures;
    GapReport gaps;
    double milliseconds = 0;    // how long it took
    // A metric column by name; nullptr when there is none.
    const std::vector<double>* column(std::string_view name) const;
};

struct AnalysisOptions {
    std::uint64_t version = 0;
    GapOptions gaps;
};

std::shared_ptr<const NetworkAnalysis> analyseNetwork(const Network& network, const AnalysisOptions& o = {});

}  // namespace knp::analysis
