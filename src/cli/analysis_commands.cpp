// knp metrics and knp gaps: the analyses of src/analysis on any INPUT.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/gaps.hpp"
#include "analysis/metrics.hpp"
#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "report/phrasing.hpp"
#include "session/open.hpp"

namespace knp::cli {

using json = nlohmann::ordered_json;
using namespace knp::analysis;

namespace {

// [SECTION] Formatting
std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string formatValue(double v, bool integer) {
    if (std::isnan(v)) return "";
    char buf[64];
    if (integer) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

json jsonValue(double v, bool integer) {
    if (std::isnan(v)) return nullptr;
    if (integer) return static_cast<std::int64_t>(v);
    return v;
}

std::string sectorLabel(const Network& n, const std::string& key, Lang lang) { return n.taxonomy.labelOf(CategoryKind::Sector, key, lang); }
std::string fieldLabel(const Network& n, const std::string& key, Lang lang) { return n.taxonomy.labelOf(CategoryKind::Field, key, lang); }

std::vector<std::string> splitNames(const std::string& list) {
    std::vector<std::string> names;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) names.push_back(item);
    return names;
}

// [SECTION] knp metrics
struct MetricsArgs {
    std::string input, format = "csv", metrics;
    bool weighted = false, graph = false, formatGiven = false, exact = false;
    double epsilon = 0.02;
};

int runMetrics(const MetricsArgs& a, Lang lang) {
    LoadedInput in = loadInput(a.input);
    const Network& net = in.result.network;
    const GraphView g = GraphView::build(net);
    if (a.graph) {
        const GraphFigures f = graphFigures(g, a.weighted);
        json j = {{"nodes", f.nodes}, {"edges", f.edges}, {"directed", f.directed}, {"density", f.density},
                  {"components", f.components}, {"transitivity", f.transitivity}, {"modularity", f.modularity},
                  {"diameter", f.diameter}, {"average_path_length", f.averagePathLength},
                  {"degree_centralization", f.degreeCentralization}, {"betweenness_centralization", f.betweennessCentralization},
                  {"links", f.links}, {"bridges", f.bridges}, {"articulation_points", f.articulationPoints}};
        const std::string format = a.formatGiven ? a.format : "json";
        if (format == "json") {
            std::cout << j.dump(2) << "\n";
        } else if (format == "csv") {
            std::string header, row;
            for (const auto& [k, v] : j.items()) {
                header += (header.empty() ? "" : ",") + k;
                row += (row.empty() ? "" : ",") + (v.is_boolean() ? std::string(v.get<bool>() ? "true" : "false") : v.dump());
            }
            std::cout << header << "\n" << row << "\n";
        } else {
            for (const auto& [k, v] : j.items()) std::printf("%-28s %s\n", k.c_str(), v.dump().c_str());
        }
        return 0;
    }
    MetricsOptions o;
    o.names = splitNames(a.metrics);
    o.weighted = a.weighted;
    o.exactBetweenness = a.exact;
    o.epsilon = a.epsilon;
    MetricsTable t;
    try {
        t = computeMetrics(g, o);
    } catch (const std::invalid_argument& e) {
        std::cerr << "knp metrics: " << e.what() << "\n";
        return 2;
    }
    if (t.betweennessInfo.approximate) {
        std::cerr << "knp: betweenness is approximate (" << net.actors().size() << " actors > 50,000): "
                  << t.betweennessInfo.samples << " sampled shortest paths, every value within +-" << t.betweennessInfo.epsilon
                  << " of the exact one with probability " << 1 - t.betweennessInfo.delta
                  << " (Riondato-Kornaropoulos); --exact computes it exactly\n";
        t.columns.push_back({"betweenness_error", std::vector<double>(g.n, t.betweennessInfo.epsilon), false});
    }
    const auto& actors = net.actors();
    if (a.format == "json") {
        json rows = json::array();
        for (std::size_t i = 0; i < actors.size(); ++i) {
            json row = {{"id", actors[i].id}, {"label", actors[i].name}, {"sector", sectorLabel(net, actors[i].sector, lang)}};
            for (const MetricColumn& c : t.columns) row[c.name] = jsonValue(c.values[i], c.integer);
            rows.push_back(std::move(row));
        }
        std::cout << rows.dump(2) << "\n";
    } else if (a.format == "csv") {
        std::string out = "id,label,sector";
        for (const MetricColumn& c : t.columns) out += "," + c.name;
        out += "\n";
        for (std::size_t i = 0; i < actors.size(); ++i) {
            out += csvField(actors[i].id) + "," + csvField(actors[i].name) + "," + csvField(sectorLabel(net, actors[i].sector, lang));
            for (const MetricColumn& c : t.columns) out += "," + formatValue(c.values[i], c.integer);
            out += "\n";
        }
        std::cout << out;
    } else {
        std::printf("%-40s", "label");
        for (const MetricColumn& c : t.columns) std::printf(" %14s", c.name.c_str());
        std::printf("\n");
        for (std::size_t i = 0; i < actors.size(); ++i) {
            std::string label = actors[i].name.substr(0, 40);
            std::printf("%-40s", label.c_str());
            for (const MetricColumn& c : t.columns) {
                char buf[32];
                if (std::isnan(c.values[i])) buf[0] = 0;
                else if (c.integer) std::snprintf(buf, sizeof buf, "%.0f", c.values[i]);
                else std::snprintf(buf, sizeof buf, "%.4f", c.values[i]);
                std::printf(" %14s", buf);
            }
            std::printf("\n");
        }
    }
    return 0;
}

// [SECTION] knp gaps
json gapsJson(const Network& net, const GapReport& r, Lang lang) {
    const auto& actors = net.actors();
    auto id = [&](std::uint32_t u) { return actors[u].id; };
    json matrix = json::array();
    for (const SectorCell& c : r.sectorMatrix)
        matrix.push_back({{"from", sectorLabel(net, c.from, lang)}, {"to", sectorLabel(net, c.to, lang)}, {"links", c.links},
                          {"density", jsonValue(c.density, false)}});
    json ei = json::object();
    for (const Category& s : net.taxonomy.sectors)
        if (auto it = r.eiIndex.find(s.key); it != r.eiIndex.end()) ei[s.label(lang)] = jsonValue(it->second, false);
    json fields = json::array();
    for (const FieldCoverage& f : r.fields) {
        json ids = json::array();
        for (const std::uint32_t u : f.actors) ids.push_back(id(u));
        fields.push_back({{"field", fieldLabel(net, f.field, lang)}, {"actors", ids}, {"links", f.links},
                          {"coordinator", f.coordinator ? json(id(*f.coordinator)) : json(nullptr)}, {"status", f.status}});
    }
    json uncovered = json::array();
    for (const std::string& f : r.uncoveredFields) uncovered.push_back(fieldLabel(net, f, lang));
    json spof = json::array();
    for (const CutPoint& c : r.singlePointsOfFailure) {
        json cut = json::array();
        for (const std::uint32_t u : c.cutOff) cut.push_back(id(u));
        spof.push_back({{"actor", id(c.actor)}, {"cut_off", cut}});
    }
    json isolates = json::array();
    for (const std::uint32_t u : r.isolates) isolates.push_back(id(u));
    json parallel = json::array();
    for (const ParallelPair& p : r.parallelWork) parallel.push_back({{"a", id(p.a)}, {"b", id(p.b)}, {"field", fieldLabel(net, p.field, lang)}});
    json brokerage = json::object();
    for (std::size_t u = 0; u < actors.size(); ++u) {
        const BrokerageCounts& b = r.brokerage[u];
        brokerage[actors[u].id] = {{"coordinator", b.coordinator}, {"itinerant", b.itinerant}, {"representative", b.representative},
                                   {"gatekeeper", b.gatekeeper}, {"liaison", b.liaison}};
    }
    json contact = json::object();
    for (const Category& f : net.taxonomy.fields) contact[f.label(lang)] = r.contactPoints.at(f.key);
    json suggested = json::array();
    for (const SuggestedLink& l : r.suggestedLinks)
        suggested.push_back({{"a", id(l.a)}, {"b", id(l.b)}, {"gain", l.gain}, {"reason", report::phraseReasons(l.reasons, net, lang)}, {"kind", l.kind}});
    return {{"sector_matrix", matrix}, {"ei_index", ei}, {"fields", fields}, {"uncovered_fields", uncovered},
            {"single_points_of_failure", spof}, {"isolates", isolates}, {"parallel_work", parallel}, {"brokerage", brokerage},
            {"contact_points", contact}, {"suggested_links", suggested}, {"findings", report::phrase(r.findings, net, lang)}};
}

void printGapsText(const Network& net, const GapReport& r, Lang lang, bool markdown) {
    auto heading = [&](const char* key) {
        std::cout << "\n" << (markdown ? "## " : "") << tr(lang, key) << (markdown ? "\n\n" : "\n");
    };
    auto name = [&](std::uint32_t u) { return net.actors()[u].name; };
    std::cout << (markdown ? "# " : "") << (tr(lang, "gaps_cli.gaps_in")) << net.name << "\n";
    heading("gaps_cli.heading.findings");
    for (const std::string& f : report::phrase(r.findings, net, lang)) std::cout << "- " << f << "\n";
    heading("gaps_cli.heading.fields");
    if (markdown) std::cout << tr(lang, "gaps_cli.fields_table_header") << "\n|---|---|---|---|---|\n";
    for (const FieldCoverage& f : r.fields) {
        const std::string coordinator = f.coordinator ? name(*f.coordinator) : "–";
        if (markdown)
            std::cout << "| " << fieldLabel(net, f.field, lang) << " | " << f.actors.size() << " | " << f.links << " | " << coordinator
                      << " | " << report::fieldStatusText(f.status, lang) << " |\n";
        else
            std::cout << "  " << fieldLabel(net, f.field, lang) << ": " << f.actors.size() << (tr(lang, "gaps_cli.actors"))
                      << f.links << (tr(lang, "gaps_cli.links")) << report::fieldStatusText(f.status, lang) << " (" << coordinator << ")\n";
    }
    heading("gaps_cli.heading.sectors_without_link");
    for (const SectorCell& c : r.sectorMatrix)
        if (c.from != c.to && c.links == 0)
            std::cout << (markdown ? "- " : "  ") << sectorLabel(net, c.from, lang) << " – " << sectorLabel(net, c.to, lang) << "\n";
    heading("gaps_cli.heading.suggested_links");
    for (const SuggestedLink& l : r.suggestedLinks) {
        char gain[32];
        std::snprintf(gain, sizeof gain, "%.4f", l.gain);
        std::cout << (markdown ? "- " : "  ") << name(l.a) << " – " << name(l.b) << ": " << report::phraseReasons(l.reasons, net, lang) << " (+" << gain << ")\n";
    }
}

}  // namespace

void registerAnalysisCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action) {
    {
        auto* cmd = app.add_subcommand("metrics", "Centralities and structure per actor (or --graph for the whole network)");
        auto a = std::make_shared<MetricsArgs>();
        cmd->add_option("INPUT", a->input, "Project, PROJECT@SNAPSHOT or importable file")->required();
        auto* fmt = cmd->add_option("--format", a->format, "csv (default), json or table")->check(CLI::IsMember({"csv", "json", "table"}));
        cmd->add_option("--metrics", a->metrics, "Only these metrics, comma-separated (e.g. degree,betweenness)");
        cmd->add_flag("--weighted", a->weighted, "Use link strengths: distance 1/s for betweenness and closeness, weight s for pagerank");
        cmd->add_flag("--graph", a->graph, "Network-level figures instead of per-actor metrics");
        cmd->add_flag("--exact", a->exact, "Exact betweenness even above 50,000 actors");
        cmd->add_option("--epsilon", a->epsilon, "Error bound of sampled betweenness (default 0.02)")->check(CLI::Range(0.001, 0.5));
        cmd->callback([&action, a, fmt, lang] {
            a->formatGiven = fmt->count() > 0;
            action = [a, lang] { return runMetrics(*a, lang()); };
        });
    }
    {
        auto* cmd = app.add_subcommand("gaps", "Gap analyses: sectors, fields, single points of failure, brokers, suggestions");
        auto input = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>("text");
        cmd->add_option("INPUT", *input, "Project, PROJECT@SNAPSHOT or importable file")->required();
        cmd->add_option("--format", *format, "text (default), json or md")->check(CLI::IsMember({"text", "json", "md"}));
        cmd->callback([&action, input, format, lang] {
            action = [input, format, lang] {
                LoadedInput in = loadInput(*input);
                const Network& net = in.result.network;
                const GraphView g = GraphView::build(net);
                const GapReport r = analyseGaps(net, g);
                if (*format == "json") std::cout << gapsJson(net, r, lang()).dump(2) << "\n";
                else printGapsText(net, r, lang(), *format == "md");
                return 0;
            };
        });
    }
}

}  // namespace knp::cli
