// Analyses against golden values computed by networkx 2.8 (tests/data/golden/make_golden.py):
// classic networks (Zachary's karate club, Padgett's Florentine families, Les Misérables,
// Davis Southern Women) and seeded random networks (directed, disconnected, weighted).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "analysis/community.hpp"
#include "analysis/metrics.hpp"
#include "io/csv_table.hpp"
#include "io/graphml_import.hpp"

using namespace knp;
using namespace knp::analysis;

namespace {

const std::string kGolden = std::string(KNP_TEST_DATA) + "/golden/";

bool close(double actual, double expected) { return std::fabs(actual - expected) <= 1e-6 * std::max(1.0, std::fabs(expected)); }

void compareMetrics(const std::string& name, bool weighted) {
    const Network net = importGraphml(kGolden + name + ".graphml").network;
    const GraphView g = GraphView::build(net);
    MetricsOptions o;
    o.weighted = weighted;
    const MetricsTable t = computeMetrics(g, o);
    const CsvTable expected = readCsvFile(kGolden + name + (weighted ? ".weighted" : "") + ".expected.csv");
    REQUIRE(expected.rows.size() == net.actors().size());
    std::size_t compared = 0;
    for (const MetricColumn& col : t.columns) {
        const int c = expected.column({col.name.c_str()});
        if (c < 0) continue;  // community: compared by modularity below
        for (std::size_t i = 0; i < expected.rows.size(); ++i) {
            const std::string& cell = expected.cell(expected.rows[i], c);
            const std::string& id = expected.cell(expected.rows[i], 0);
            INFO(name << (weighted ? " (weighted)" : "") << ": " << col.name << " of " << id);
            REQUIRE(net.actors()[i].id == id);
            if (cell.empty()) {
                CHECK(std::isnan(col.values[i]));
            } else {
                const double want = std::stod(cell);
                CHECK(close(col.values[i], want));
            }
            ++compared;
        }
    }
    CHECK(compared == 13 * net.actors().size());
}

void compareFigures(const std::string& name) {
    const Network net = importGraphml(kGolden + name + ".graphml").network;
    const GraphView g = GraphView::build(net);
    const GraphFigures f = graphFigures(g);
    std::ifstream in(kGolden + name + ".graph.json");
    const nlohmann::json j = nlohmann::json::parse(in);
    INFO(name);
    CHECK(f.nodes == j["nodes"].get<std::size_t>());
    CHECK(f.edges == j["edges"].get<std::size_t>());
    CHECK(f.directed == j["directed"].get<bool>());
    CHECK(close(f.density, j["density"]));
    CHECK(f.components == j["components"].get<std::uint32_t>());
    CHECK(close(f.transitivity, j["transitivity"]));
    CHECK(f.diameter == j["diameter"].get<std::uint32_t>());
    CHECK(close(f.averagePathLength, j["average_path_length"]));
    CHECK(close(f.degreeCentralization, j["degree_centralization"]));
    CHECK(close(f.betweennessCentralization, j["betweenness_centralization"]));
    // Louvain is randomised in networkx; ours must find a partition about as good.
    CHECK(f.modularity >= j["networkx_louvain_modularity_best_of_10"].get<double>() - 0.03);
}

}  // namespace

TEST_CASE("golden: Zachary's karate club", "[analysis][golden]") {
    compareMetrics("karate", false);
    compareMetrics("karate", true);
    compareFigures("karate");
    // Published values: the instructor (node 0) and the administrator (node 33) are the brokers.
    const GraphView g = GraphView::build(importGraphml(kGolden + "karate.graphml").network);
    const std::vector<double> b = betweenness(g).values;
    CHECK(b[0] == Approx(0.4376).epsilon(1e-3));
    CHECK(b[33] == Approx(0.3041).epsilon(1e-3));
}

TEST_CASE("golden: Padgett's Florentine families", "[analysis][golden]") {
    compareMetrics("florentine", false);
    compareFigures("florentine");
    // The Medici are the central family (Padgett and Ansell 1993).
    const Network net = importGraphml(kGolden + "florentine.graphml").network;
    const std::vector<double> b = betweenness(GraphView::build(net)).values;
    const auto top = static_cast<std::size_t>(std::max_element(b.begin(), b.end()) - b.begin());
    CHECK(net.actors()[top].id == "Medici");
    CHECK(b[top] == Approx(0.5219).epsilon(1e-3));
}

TEST_CASE("golden: Les Miserables with co-occurrence weights", "[analysis][golden]") {
    compareMetrics("lesmis", false);
    compareMetrics("lesmis", true);
    compareFigures("lesmis");
}

TEST_CASE("golden: Davis Southern Women (two-mode participants x events)", "[analysis][golden]") {
    compareMetrics("davis", false);
    compareFigures("davis");
}

TEST_CASE("golden: seeded random networks (directed / disconnected / weighted)", "[analysis][golden]") {
    compareMetrics("random_directed", false);
    compareFigures("random_directed");
    compareMetrics("random_disconnected", false);
    compareFigures("random_disconnected");
    compareMetrics("random_weighted", false);
    compareMetrics("random_weighted", true);
    compareFigures("random_weighted");
    compareMetrics("random_directed_weighted", false);
    compareMetrics("random_directed_weighted", true);
    compareFigures("random_directed_weighted");
}
