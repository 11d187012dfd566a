// In-process timing of everything the view recomputes after an edit: the graph view, all
// metrics of knp metrics, the network figures and all gap analyses.
// Usage: knp_bench_analysis INPUT [RUNS]   prints median and p95 in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "analysis/gaps.hpp"
#include "analysis/metrics.hpp"
#include "session/open.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: knp_bench_analysis INPUT [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::atoi(argv[2]) : 200;
    const knp::Network net = knp::loadInput(argv[1]).result.network;
    std::vector<double> all, metricsOnly, gapsOnly;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const knp::GraphView g = knp::GraphView::build(net);
        const knp::analysis::MetricsTable t = knp::analysis::computeMetrics(g);
        const knp::analysis::GraphFigures f = knp::analysis::graphFigures(g);
        const auto t1 = std::chrono::steady_clock::now();
        const knp::analysis::GapReport r = knp::analysis::analyseGaps(net, g);
        const auto t2 = std::chrono::steady_clock::now();
        metricsOnly.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        gapsOnly.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        all.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
        if (t.columns.empty() || r.findings.empty() || f.nodes != net.actors().size()) return 1;
    }
    auto report = [](const char* what, std::vector<double> v) {
        std::sort(v.begin(), v.end());
        std::printf("  %-34s median %7.3f ms   p95 %7.3f ms\n", what, v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)]);
    };
    std::printf("analysis of %s: %zu actors, %zu links, %d runs\n", argv[1], net.actors().size(), net.links().size(), runs);
    report("view + all metrics + figures", metricsOnly);
    report("all gap analyses", gapsOnly);
    report("everything", all);
    return 0;
}
