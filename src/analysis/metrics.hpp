#pragma once
// The metrics of `knp metrics` (CONTRACT.md), computed only as far as the chosen columns need.
// The desktop view calls the same function.
#include <string>
#include <vector>

#include "analysis/centrality.hpp"
#include "analysis/structure.hpp"
#include "core/metric_column.hpp"

namespace knp::analysis {

// All per-actor metric names, in the contract's column order.
const std::vector<std::string>& metricNames();

struct MetricsOptions {
    std::vector<std::string> names;  // empty: all; unknown names throw std::invalid_argument
    bool weighted = false;
    bool exactBetweenness = false;   // never sample, whatever the size
    std::size_t sampleAbove = 50000; // actors above which betweenness is sampled
    double epsilon = 0.02;
};

using knp::MetricColumn;

struct MetricsTable {
    std::vector<MetricColumn> columns;
    BetweennessResult betweennessInfo;  // approximate, epsilon, delta, samples
};

MetricsTable computeMetrics(const GraphView& g, const MetricsOptions& o = {});
// `betweenness`: the actors' betweenness when the caller has it already (else computed here).
GraphFigures graphFigures(const GraphView& g, bool weighted = false, const std::vector<double>* betweenness = nullptr);

}  // namespace knp::analysis
