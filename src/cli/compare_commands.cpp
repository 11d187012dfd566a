// knp compare: two states of a network (snapshots of a project, two municipalities, any two
// inputs) compared by the engine of analysis/compare.hpp, as text, JSON or Markdown, and drawn
// as a diagram; with --table the figures of many inputs side by side (CSV, Markdown).
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "analysis/compare.hpp"
#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "session/open.hpp"
#include "layout/layout.hpp"
#include "session/export.hpp"
#include "session/layout_step.hpp"
#include "report/phrasing.hpp"
#include "report/diagram.hpp"
#include "session/compare.hpp"

namespace knp::cli {

using json = nlohmann::ordered_json;
using namespace knp::analysis;

namespace {

// [SECTION] Words for fields and figures
std::string fieldWord(const std::string& field, Lang lang) {
    if (field.rfind("attr:", 0) == 0) return field.substr(5);
    static const std::vector<const char*> words = {"name", "short_name", "sector", "fields", "level", "influence", "contact_point", "tags", "note", "type", "strength", "directed", "status"};
    for (const char* key : words)
        if (field == key) return tr(lang, "field_name." + field);
    return field;
}

std::string valueText(const std::string& field, const std::string& v, Lang lang) {
    if (field == "contact_point" || field == "directed") return v == "1" ? tr(lang, "compare_cli.yes") : tr(lang, "compare_cli.no");
    return v.empty() ? "–" : v;
}

json valueJson(const std::string& field, const std::string& v) {
    if (field == "contact_point" || field == "directed") return v == "1";
    if (field == "influence" || field == "strength") {
        try {
            const double d = std::stod(v);
            if (d == std::floor(d) && std::fabs(d) < 1e15) return json(static_cast<std::int64_t>(d));
            return json(d);
        } catch (const std::exception&) {
            return v;
        }
    }
    return v;
}

struct Figure {
    const char* key;
    const char* label;  // catalogue key
    bool integer;
};

const std::vector<Figure>& figureList() {
    static const std::vector<Figure> list = {
        {"nodes", "figure.nodes", true},
        {"links", "figure.links", true},
        {"edges", "figure.edges", true},
        {"density", "figure.density", false},
        {"components", "figure.components", true},
        {"transitivity", "figure.transitivity", false},
        {"modularity", "figure.modularity", false},
        {"diameter", "figure.diameter", true},
        {"average_path_length", "figure.average_path_length", false},
        {"degree_centralization", "figure.degree_centralization", false},
        {"betweenness_centralization", "figure.betweenness_centralization", false},
        {"bridges", "figure.bridges", true},
        {"articulation_points", "figure.articulation_points", true},
        {"isolates", "figure.isolates", true},
        {"uncovered_fields", "figure.uncovered_fields", true},
        {"unlinked_sector_pairs", "figure.unlinked_sector_pairs", true},
    };
    return list;
}

double figureValue(const GraphFigures& f, std::size_t isolates, std::size_t uncovered, std::size_t unlinked, const std::string& key) {
    if (key == "nodes") return static_cast<double>(f.nodes);
    if (key == "links") return static_cast<double>(f.links);
    if (key == "edges") return static_cast<double>(f.edges);
    if (key == "density") return f.density;
    if (key == "components") return f.components;
    if (key == "transitivity") return f.transitivity;
    if (key == "modularity") return f.modularity;
    if (key == "diameter") return f.diameter;
    if (key == "average_path_length") return f.averagePathLength;
    if (key == "degree_centralization") return f.degreeCentralization;
    if (key == "betweenness_centralization") return f.betweennessCentralization;
    if (key == "bridges") return static_cast<double>(f.bridges);
    if (key == "articulation_points") return static_cast<double>(f.articulationPoints);
    if (key == "isolates") return static_cast<double>(isolates);
    if (key == "uncovered_fields") return static_cast<double>(uncovered);
    return static_cast<double>(unlinked);
}

json numberJson(double v, bool integer) {
    if (!std::isfinite(v)) return nullptr;
    if (integer) return static_cast<std::int64_t>(std::llround(v));
    return v;
}

std::string numberText(double v, bool integer, Lang lang) { return formatNumber(v, integer ? 0 : 3, lang); }
std::string changeText(double v, bool integer, Lang lang) { return formatChange(v, integer ? 0 : 3, lang); }

std::string metricWord(const std::string& metric, Lang lang) {
    if (metric == "degree") return tr(lang, "compare_cli.degree_links");
    if (metric == "brokerage") return tr(lang, "compare_cli.brokerage_roles_gould_fernandez");
    return "Betweenness";
}

// [SECTION] Output of one comparison
json comparisonJson(const Comparison& c, Lang lang) {
    auto changed = [](const std::vector<ElementChange>& list) {
        json out = json::array();
        for (const ElementChange& e : list) {
            json changes = json::object();
            for (const FieldChange& f : e.changes) changes[f.field] = json::array({valueJson(f.field, f.before), valueJson(f.field, f.after)});
            json item = {{"id", e.id}};
            if (e.beforeId != e.id) item["before_id"] = e.beforeId;
            item["label"] = e.label;
            item["changes"] = changes;
            out.push_back(item);
        }
        return out;
    };
    json graph = json::object();
    for (const Figure& f : figureList()) {
        const double b = figureValue(c.figuresBefore, c.isolatesBefore, c.uncoveredBefore, c.unlinkedPairsBefore, f.key);
        const double a = figureValue(c.figuresAfter, c.isolatesAfter, c.uncoveredAfter, c.unlinkedPairsAfter, f.key);
        graph[f.key] = {{"before", numberJson(b, f.integer)}, {"after", numberJson(a, f.integer)}, {"delta", numberJson(a - b, f.integer)}};
    }
    json metrics = json::array();
    for (const MetricChange& m : c.metrics)
        metrics.push_back({{"id", m.id}, {"label", m.label}, {"metric", m.metric}, {"before", m.before}, {"after", m.after}, {"delta", m.delta()}});
    return {{"before", c.beforeName},
            {"after", c.afterName},
            {"actors", {{"added", c.actorsAdded}, {"removed", c.actorsRemoved}, {"changed", changed(c.actorsChanged)}, {"matched_by_name", c.matching.actorsByName}}},
            {"links", {{"added", c.linksAdded}, {"removed", c.linksRemoved}, {"changed", changed(c.linksChanged)}}},
            {"graph", graph},
            {"metrics", metrics},
            {"gaps", {{"closed", report::phraseGapChanges(c.gapsClosed, lang)}, {"opened", report::phraseGapChanges(c.gapsOpened, lang)}}},
            {"findings", report::phraseComparison(c.findings, lang)}};
}

void printComparison(const Comparison& c, const Network& before, const Network& after, Lang lang, bool md) {
    std::ostream& out = std::cout;
    auto heading = [&](const std::string& text) { out << "\n" << (md ? "## " : "") << text << (md ? "\n\n" : "\n"); };
    auto item = [&](const std::string& text) { out << (md ? "- " : "  ") << text << "\n"; };
    out << (md ? "# " : "") << tr(lang, "compare_cli.comparison") << quoted(c.beforeName, lang) << " \u2192 " << quoted(c.afterName, lang) << "\n";
    heading(tr(lang, "compare_cli.findings"));
    for (const std::string& f : report::phraseComparison(c.findings, lang)) out << "- " << f << "\n";

    heading(tr(lang, "compare_cli.figures"));
    const std::string b = tr(lang, "compare_cli.before_2"), a = tr(lang, "compare_cli.after_2"), d = tr(lang, "compare_cli.change");
    if (md) out << "| " << tr(lang, "compare_cli.figure") << " | " << b << " | " << a << " | " << d << " |\n|---|---:|---:|---:|\n";
    for (const Figure& f : figureList()) {
        const double vb = figureValue(c.figuresBefore, c.isolatesBefore, c.uncoveredBefore, c.unlinkedPairsBefore, f.key);
        const double va = figureValue(c.figuresAfter, c.isolatesAfter, c.uncoveredAfter, c.unlinkedPairsAfter, f.key);
        const std::string label = tr(lang, f.label);
        if (md)
            out << "| " << label << " | " << numberText(vb, f.integer, lang) << " | " << numberText(va, f.integer, lang) << " | "
                << changeText(va - vb, f.integer, lang) << " |\n";
        else {
            char line[256];
            std::snprintf(line, sizeof line, "  %-38s %10s %10s %10s\n", label.c_str(), numberText(vb, f.integer, lang).c_str(),
                          numberText(va, f.integer, lang).c_str(), changeText(va - vb, f.integer, lang).c_str());
            out << line;
        }
    }

    auto actorName = [](const Network& n, const std::string& id) {
        const Actor* x = n.findActor(id);
        return x ? x->name : id;
    };
    auto linkName = [&](const Network& n, const std::string& id) {
        const Link* l = n.findLink(id);
        if (!l) return id;
        const std::string type = n.taxonomy.labelOf(CategoryKind::LinkType, l->type, lang);
        return actorName(n, l->source) + (l->directed ? " \u2192 " : " \u2013 ") + actorName(n, l->target) + (type.empty() ? "" : " (" + type + ")");
    };
    auto changes = [&](const ElementChange& e) {
        std::string text = e.label + ": ";
        for (std::size_t i = 0; i < e.changes.size(); ++i) {
            const FieldChange& f = e.changes[i];
            text += (i ? "; " : "") + fieldWord(f.field, lang) + " " + valueText(f.field, f.before, lang) + " \u2192 " + valueText(f.field, f.after, lang);
        }
        return text;
    };
    auto block = [&](const std::string& title, const std::vector<std::string>& items) {
        out << (md ? "\n### " : "\n ") << title << " (" << items.size() << ")" << (md ? "\n\n" : "\n");
        for (const std::string& s : items) item(s);
    };
    heading(tr(lang, "compare_cli.actors"));
    std::vector<std::string> list;
    for (const std::string& id : c.actorsAdded) list.push_back(actorName(after, id));
    block(tr(lang, "compare_cli.new"), list);
    list.clear();
    for (const std::string& id : c.actorsRemoved) list.push_back(actorName(before, id));
    block(tr(lang, "compare_cli.gone"), list);
    list.clear();
    for (const ElementChange& e : c.actorsChanged) list.push_back(changes(e));
    block(tr(lang, "compare_cli.changed"), list);
    if (c.matching.actorsByName > 0)
        out << (md ? "\n" : " ") << c.matching.actorsByName
            << tr(lang, "compare_cli.actors_matched_by_their_names_their") << "\n";

    heading(tr(lang, "compare_cli.links"));
    list.clear();
    for (const std::string& id : c.linksAdded) list.push_back(linkName(after, id));
    block(tr(lang, "compare_cli.new"), list);
    list.clear();
    for (const std::string& id : c.linksRemoved) list.push_back(linkName(before, id));
    block(tr(lang, "compare_cli.gone_2"), list);
    list.clear();
    for (const ElementChange& e : c.linksChanged) list.push_back(changes(e));
    block(tr(lang, "compare_cli.changed"), list);

    heading(tr(lang, "compare_cli.largest_changes_per_actor"));
    for (const char* metric : {"betweenness", "degree", "brokerage"}) {
        std::vector<const MetricChange*> up, down;
        for (const MetricChange& m : c.metrics) {
            if (m.metric != metric) continue;
            if (m.delta() > 0 && up.size() < 5) up.push_back(&m);
            if (m.delta() < 0 && down.size() < 5) down.push_back(&m);
        }
        const bool integer = std::string(metric) != "betweenness";
        out << (md ? "\n### " : "\n ") << metricWord(metric, lang) << (md ? "\n\n" : "\n");
        if (up.empty() && down.empty()) item(tr(lang, "compare_cli.no_change"));
        auto show = [&](const char* word, const std::vector<const MetricChange*>& v) {
            if (v.empty()) return;
            std::string text = std::string(word) + ": ";
            for (std::size_t i = 0; i < v.size(); ++i)
                text += (i ? ", " : "") + v[i]->label + " " + numberText(v[i]->before, integer, lang) + " \u2192 " + numberText(v[i]->after, integer, lang);
            item(text);
        };
        show(tr(lang, "compare_cli.rose"), up);
        show(tr(lang, "compare_cli.fell"), down);
    }

    heading(std::string(tr(lang, "compare_cli.gaps_closed")) + " (" + std::to_string(c.gapsClosed.size()) + ")");
    for (const std::string& g : report::phraseGapChanges(c.gapsClosed, lang)) item(g);
    heading(std::string(tr(lang, "compare_cli.gaps_opened")) + " (" + std::to_string(c.gapsOpened.size()) + ")");
    for (const std::string& g : report::phraseGapChanges(c.gapsOpened, lang)) item(g);
}

// [SECTION] --table: many inputs side by side
int printTable(const std::vector<session::CompareInput>& states, const std::string& format, Lang lang) {
    std::vector<StateSummary> rows;
    for (const session::CompareInput& s : states) rows.push_back(summarise(s.in.result.network));
    struct Column {
        const char* key;
        const char* label;  // catalogue key
        bool integer;
        std::function<double(const StateSummary&)> value;
    };
    std::vector<Column> cols;
    for (const Figure& f : figureList()) {
        const std::string key = f.key;
        if (key == "isolates" || key == "uncovered_fields" || key == "unlinked_sector_pairs") continue;
        cols.push_back({f.key, f.label, f.integer, [key](const StateSummary& s) { return figureValue(s.figures, 0, 0, 0, key); }});
    }
    cols.push_back({"isolates", "figure_column.isolates", true, [](const StateSummary& s) { return static_cast<double>(s.isolates); }});
    cols.push_back({"uncovered_fields", "figure_column.uncovered_fields", true,
                    [](const StateSummary& s) { return static_cast<double>(s.uncoveredFields); }});
    cols.push_back({"unlinked_sector_pairs", "figure_column.unlinked_sector_pairs", true,
                    [](const StateSummary& s) { return static_cast<double>(s.unlinkedSectorPairs); }});
    cols.push_back({"parallel_work", "figure_column.parallel_work", true,
                    [](const StateSummary& s) { return static_cast<double>(s.parallelWork); }});
    auto csv = [](const std::string& s) {
        if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
        std::string q = "\"";
        for (const char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        return q + "\"";
    };
    auto mdCell = [](std::string s) {
        std::string out;
        for (const char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
        return out;
    };
    if (format == "json") {
        json out = json::array();
        for (std::size_t r = 0; r < states.size(); ++r) {
            json row = {{"input", states[r].spec}, {"name", states[r].name}};
            for (const Column& c : cols) row[c.key] = numberJson(c.value(rows[r]), c.integer);
            out.push_back(row);
        }
        std::cout << out.dump(2) << "\n";
    } else if (format == "csv") {
        std::cout << "input,name";
        for (const Column& c : cols) std::cout << "," << c.key;
        std::cout << "\n";
        for (std::size_t r = 0; r < states.size(); ++r) {
            std::cout << csv(states[r].spec) << "," << csv(states[r].name);
            for (const Column& c : cols) {
                const double v = c.value(rows[r]);
                char buf[64];
                if (!std::isfinite(v)) buf[0] = 0;
                else std::snprintf(buf, sizeof buf, c.integer ? "%.0f" : "%.6g", v);
                std::cout << "," << buf;
            }
            std::cout << "\n";
        }
    } else {
        // Markdown (and text): one row per input, the figures as columns.
        std::cout << "| " << tr(lang, "compare_cli.network");
        for (const Column& c : cols) std::cout << " | " << tr(lang, c.label);
        std::cout << " |\n|---";
        for (std::size_t i = 0; i < cols.size(); ++i) std::cout << "|---:";
        std::cout << "|\n";
        for (std::size_t r = 0; r < states.size(); ++r) {
            std::cout << "| " << mdCell(states[r].name);
            for (const Column& c : cols) std::cout << " | " << numberText(c.value(rows[r]), c.integer, lang);
            std::cout << " |\n";
        }
    }
    return 0;
}

struct CompareArgs {
    std::vector<std::string> inputs;
    std::string format = "text", output, title;
    bool table = false, formatGiven = false;
};

int runCompare(const CompareArgs& a, Lang lang) {
    if (!a.table && a.inputs.size() != 2)
        throw UsageError("knp compare takes two inputs (before and after); for more, add --table to see them side by side");
    if (a.table && !a.output.empty()) throw UsageError("-o draws the comparison of two inputs; --table prints a table");
    if (!a.output.empty() && !report::isDiagramPath(a.output))
        throw UsageError("-o " + a.output + ": the comparison is drawn as .svg, .pdf or .png");
    const std::vector<session::CompareInput> states = session::loadCompareInputs(a.inputs, lang, a.table);
    if (a.table) {
        const std::string format = a.formatGiven ? a.format : "md";
        if (format != "csv" && format != "md" && format != "json" && format != "text")
            throw UsageError("--table prints csv, md or json");
        return printTable(states, format, lang);
    }
    if (a.format == "csv") throw UsageError("--format csv needs --table; a comparison of two is text, json or md");
    const Network& before = states[0].in.result.network;
    const Network& after = states[1].in.result.network;
    const Comparison c = session::compareInputs(states[0], states[1], lang);
    if (a.format == "json") std::cout << comparisonJson(c, lang).dump(2) << "\n";
    else printComparison(c, before, after, lang, a.format == "md");
    if (!a.output.empty()) session::drawComparison(c, before, after, a.output, a.title, lang, printMessage);
    return 0;
}

}  // namespace

void registerCompareCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action) {
    auto* cmd = app.add_subcommand("compare", "What changed between two states (snapshots, municipalities); --table: many side by side");
    auto a = std::make_shared<CompareArgs>();
    cmd->add_option("INPUT", a->inputs, "Before and after: projects, PROJECT@SNAPSHOT or importable files (with --table: any number)")
        ->required();
    auto* fmt = cmd->add_option("--format", a->format, "text (default), json or md; with --table md (default), csv or json")
                    ->check(CLI::IsMember({"text", "json", "md", "csv"}));
    cmd->add_flag("--table", a->table, "Network-level figures and gap counts of every INPUT side by side, one row each");
    cmd->add_option("-o,--output", a->output, "Also draw the comparison: OUT.svg, OUT.pdf or OUT.png");
    cmd->add_option("--title", a->title, "Title of the drawing");
    cmd->callback([&action, a, fmt, lang] {
        a->formatGiven = fmt->count() > 0;
        action = [a, lang] { return runCompare(*a, lang()); };
    });
}

}  // namespace knp::cli
