// knp layout and knp export: positions from any engine, stored as one undoable edit, and the
// laid-out network written out (DOT for now; the formats and diagrams issues add the rest).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/privacy.hpp"
#include "io/csv_export.hpp"
#include "io/formats.hpp"
#include "io/input.hpp"
#include "layout/layout.hpp"
#include "report/diagram.hpp"
#include "report/report.hpp"
#include "store/project_file.hpp"

namespace knp::cli {

namespace {

struct LayoutArgs {
    std::string engine = "force";
    std::uint64_t seed = 1;
    std::string group = "sector";
    std::string radius = "influence";
    bool incremental = false;
};

layout::LayoutRequest requestFor(const LayoutArgs& a) {
    layout::LayoutRequest r;
    r.engine = a.engine;
    r.seed = a.seed;
    r.incremental = a.incremental;
    r.grouping = a.group == "field" ? layout::RingGrouping::Field : layout::RingGrouping::Sector;
    r.ringRank = a.radius;
    return r;
}

void addLayoutOptions(CLI::App* cmd, LayoutArgs& a) {
    cmd->add_option("--seed", a.seed, "Random seed of force, neato, fdp and sfdp (same seed, same picture)");
    cmd->add_option("--group", a.group, "rings: wedges per sector (default) or field")->check(CLI::IsMember({"sector", "field"}));
    cmd->add_option("--radius", a.radius, "rings: influence (default) or a metric such as betweenness: most central inside");
    cmd->add_flag("--incremental", a.incremental, "force: start from the current positions");
}

int runLayout(const std::string& project, const LayoutArgs& a) {
    ProjectFile pf = ProjectFile::open(project, OpenMode::ReadWrite);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<layout::Point> pos = layout::computeLayout(pf.network(), requestFor(a));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    pf.execute(layout::cmdLayout(pf.network(), pos, a.engine));
    std::cerr << "knp: " << project << ": " << pf.network().actors().size() << " actors laid out with " << a.engine << " in "
              << static_cast<int>(ms + 0.5) << " ms; knp undo restores the previous positions\n";
    return 0;
}

// A project's snapshots, oldest first (none for other inputs).
std::vector<NetworkSnapshot> projectSnapshots(const std::string& input, const LoadedInput& in) {
    std::vector<NetworkSnapshot> out;
    if (in.kind != "project" || in.snapshots.empty()) return out;
    ProjectFile pf = ProjectFile::open(input, OpenMode::ReadOnly);
    std::vector<SnapshotInfo> snaps = in.snapshots;
    std::sort(snaps.begin(), snaps.end(), [](const SnapshotInfo& p, const SnapshotInfo& q) { return p.created < q.created; });
    for (const SnapshotInfo& s : snaps) out.push_back({s.name, s.created, pf.loadSnapshot(s.name)});
    return out;
}

// PROJECT@SNAPSHOT: "Stand NAME, DATE" for titles; "" for other inputs.
std::string snapshotSubtitle(const std::string& input, const LoadedInput& in, Lang lang) {
    if (in.kind != "snapshot") return "";
    const std::string project = input.substr(0, input.rfind('@')), snapshot = input.substr(input.rfind('@') + 1);
    for (const SnapshotInfo& s : ProjectFile::open(project, OpenMode::ReadOnly).snapshots())
        if (s.name == snapshot) return (lang == Lang::En ? "Snapshot " : "Stand ") + s.name + ", " + s.created.substr(0, 10);
    return "";
}

// Options of knp export beyond the layout: the diagram's and the pseudonyms.
struct ExportArgs {
    report::DiagramOptions diagram;
    std::string focus;
    std::string pseudonymize;  // "-" when not given
};

int runExport(const std::string& input, const std::string& output, const std::string& layoutName, const LayoutArgs& a, Lang lang,
              const ExportArgs& x) {
    const bool drawing = report::isDiagramPath(output);
    if (!drawing && !exportFormatFor(output)) {
        std::string known;
        for (const ExportFormat& f : exportFormats())
            for (const std::string& e : f.extensions) known += (known.empty() ? "" : ", ") + e;
        std::cerr << "knp export: \"" << std::filesystem::path(output).extension().string()
                  << "\" is not supported by this version yet; write " << known << ", .svg, .pdf or .png\n";
        return 2;
    }
    const Pseudonymize privacy = x.pseudonymize == "-" ? Pseudonymize::None : parsePseudonymize(x.pseudonymize);
    report::DiagramOptions diagram = x.diagram;
    diagram.focus = report::parseFocus(x.focus);
    diagram.focus.radius = x.diagram.focus.radius;
    LoadedInput in = loadInput(input);
    if (drawing) report::checkDiagramOptions(in.result.network, diagram);
    // Snapshots written with the network (GEXF timeline, JSON) get the same pseudonyms.
    const ExportFormat* format = exportFormatFor(output);
    const bool gexf = format && format->name.rfind("GEXF", 0) == 0, jsonOut = format && format->name.rfind("JSON", 0) == 0;
    std::vector<NetworkSnapshot> snapshots = gexf || jsonOut ? projectSnapshots(input, in) : std::vector<NetworkSnapshot>{};
    std::vector<const Network*> all{&in.result.network};
    for (const NetworkSnapshot& s : snapshots) all.push_back(&s.network);
    const Pseudonymizer pseudonyms(privacy, lang, all);
    const Network net = pseudonyms.apply(in.result.network);
    for (NetworkSnapshot& s : snapshots) s.network = pseudonyms.apply(s.network);
    if (privacy != Pseudonymize::None)
        std::cerr << "knp: " << (privacy == Pseudonymize::All ? "actor names, ids and contact persons" : "contact persons")
                  << " replaced by pseudonyms; notes left out\n";
    bool allPlaced = true;
    for (const Actor& actor : net.actors()) allPlaced = allPlaced && actor.placed;
    std::string engine = layoutName.empty() ? (allPlaced ? "keep" : "force") : layoutName;
    std::optional<std::vector<layout::Point>> pos;
    if (engine != "keep") {
        LayoutArgs args = a;
        args.engine = engine;
        const auto start = std::chrono::steady_clock::now();
        pos = layout::computeLayout(net, requestFor(args));
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "knp: layout " << engine << " in " << static_cast<long>(ms + 0.5) << " ms\n";
    } else if (!allPlaced) {
        std::cerr << "knp: warning: some actors have no position yet; DOT gets them at 0,0, other formats without one (use --layout force)\n";
    }
    if (drawing) {
        std::vector<layout::Point> points;
        for (const Actor& actor : net.actors()) points.push_back({actor.x, actor.y});
        report::DiagramOptions d = diagram;
        d.lang = lang;
        if (d.date.empty()) d.date = todayText(lang);
        // PROJECT@SNAPSHOT: the snapshot's name and date under the title.
        d.subtitle = snapshotSubtitle(input, in, lang);
        report::renderDiagram(net, pos ? *pos : points, output, d);
        std::string ext = std::filesystem::path(output).extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::cerr << "knp: wrote " << output << " (" << net.actors().size() << " actors, layout " << engine << ", " << d.paper
                  << (ext == ".png" ? ", " + std::to_string(d.dpi) + " dpi" : "") << ")\n";
        return 0;
    }
    ExportOptions o;
    o.lang = lang;
    // A project's snapshots make a GEXF a dynamic graph (Gephi's timeline) and go into JSON.
    if (!snapshots.empty()) {
        o.snapshots = std::move(snapshots);
        o.now = utcTimestamp();
        if (gexf) std::cerr << "knp: " << o.snapshots.size() << " snapshots written as a dynamic graph (spells from " << o.snapshots.front().created << ")\n";
        else std::cerr << "knp: " << o.snapshots.size() << " snapshots written with the network\n";
    }
    exportNetwork(net, pos ? &*pos : nullptr, output, o);
    std::string written = output;
    if (exportFormatFor(output) && exportFormatFor(output)->name.rfind("CSV", 0) == 0) {
        const std::vector<std::string> paths = csvExportPaths(output);
        written = paths[0] + " (links), " + paths[1] + " (actors) and " + paths[2] + " (metrics)";
    }
    std::cerr << "knp: wrote " << written << " (" << net.actors().size() << " actors, layout " << engine << ")\n";
    return 0;
}

int runReport(const std::string& input, const std::string& output, const std::string& layoutName, const LayoutArgs& a, Lang lang,
              const std::string& pseudonymize) {
    if (!report::isReportPath(output)) {
        std::cerr << "knp report: write .html or .md, not \"" << std::filesystem::path(output).extension().string() << "\"\n";
        return 2;
    }
    const Pseudonymize privacy = pseudonymize == "-" ? Pseudonymize::None : parsePseudonymize(pseudonymize);
    LoadedInput in = loadInput(input);
    report::ReportOptions o;
    o.lang = lang;
    o.date = todayText(lang);
    o.snapshots = projectSnapshots(input, in);
    o.subtitle = snapshotSubtitle(input, in, lang);
    std::vector<const Network*> all{&in.result.network};
    for (const NetworkSnapshot& s : o.snapshots) all.push_back(&s.network);
    const Pseudonymizer pseudonyms(privacy, lang, all);
    const Network net = pseudonyms.apply(in.result.network);
    for (NetworkSnapshot& s : o.snapshots) s.network = pseudonyms.apply(s.network);
    bool allPlaced = true;
    for (const Actor& actor : net.actors()) allPlaced = allPlaced && actor.placed;
    const std::string engine = layoutName.empty() ? (allPlaced ? "keep" : "force") : layoutName;
    std::vector<layout::Point> points;
    if (engine != "keep") {
        LayoutArgs args = a;
        args.engine = engine;
        points = layout::computeLayout(net, requestFor(args));
    } else {
        for (const Actor& actor : net.actors()) points.push_back({actor.x, actor.y});
    }
    const auto start = std::chrono::steady_clock::now();
    const std::vector<std::string> written = report::writeReport(net, points, output, o);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "knp: wrote " << written.front() << " (" << net.actors().size() << " actors, layout " << engine << ", "
              << static_cast<long>(ms + 0.5) << " ms)";
    if (written.size() > 1) std::cerr << " and " << written.size() - 1 << " diagrams beside it";
    std::cerr << "\n";
    if (privacy != Pseudonymize::None)
        std::cerr << "knp: " << (privacy == Pseudonymize::All ? "actor names, ids and contact persons" : "contact persons")
                  << " replaced by pseudonyms; notes left out\n";
    return 0;
}

}  // namespace

void registerLayoutCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action) {
    std::vector<std::string> engines = layout::engineNames();
    {
        auto* cmd = app.add_subcommand("layout", "Arrange the actors and store their positions (one undoable step)");
        auto project = std::make_shared<std::string>();
        auto a = std::make_shared<LayoutArgs>();
        cmd->add_option("PROJECT", *project, "Project file (.knp)")->required();
        cmd->add_option("--engine", a->engine, "force (default), rings, dot, neato, fdp, sfdp, circo or twopi")->check(CLI::IsMember(engines));
        addLayoutOptions(cmd, *a);
        cmd->callback([&action, project, a] { action = [project, a] { return runLayout(*project, *a); }; });
    }
    {
        auto* cmd = app.add_subcommand("export", "Write the network to another format or draw it (SVG, PDF, PNG)");
        auto input = std::make_shared<std::string>();
        auto output = std::make_shared<std::string>();
        auto layoutName = std::make_shared<std::string>();
        auto a = std::make_shared<LayoutArgs>();
        engines.push_back("keep");
        cmd->add_option("INPUT", *input, "Project, PROJECT@SNAPSHOT or importable file")->required();
        cmd->add_option("-o,--output", *output, "Output file (.dot, .gv, .graphml, .gexf, .json, .csv, .xlsx; diagrams .svg, .pdf, .png)")->required();
        auto x = std::make_shared<ExportArgs>();
        x->pseudonymize = "-";
        report::DiagramOptions* diagram = &x->diagram;
        cmd->add_option("--size", diagram->paper, "Diagrams: paper the drawing fits, landscape (a4, a3, a0)")->check(CLI::IsMember({"a4", "a3", "a0"}));
        cmd->add_option("--dpi", diagram->dpi, "PNG diagrams: dots per inch (default 300)")->check(CLI::Range(36, 1200));
        cmd->add_option("--color-by", diagram->colorBy, "Diagrams: fill by sector (default), field, community, level or an attribute");
        cmd->add_option("--size-by", diagram->sizeBy, "Diagrams: size by influence (default), none or a metric (betweenness, degree ...)");
        cmd->add_option("--shape-by", diagram->shapeBy, "Diagrams: shape by level (default), none or an attribute");
        cmd->add_option("--focus", x->focus,
                        "Diagrams: field:NAME, sector:NAME, ego:ACTOR (id or name) or cut-points (with what each cuts off)");
        cmd->add_option("--steps", diagram->focus.radius, "Diagrams, --focus ego: steps from the actor (default 1)")->check(CLI::Range(1, 10));
        cmd->add_flag("--suggested", diagram->suggested, "Diagrams: draw the suggested links of knp gaps, dashed");
        cmd->add_flag("--contact-persons", diagram->contactPersons, "Diagrams: contact persons under the names (personal data)");
        cmd->add_option("--title", diagram->title, "Diagrams: title (default: the network's name)");
        cmd->add_option("--pseudonymize", x->pseudonymize,
                        "Contact persons (and with =all actor names and ids) replaced by stable pseudonyms; notes left out")
            ->expected(0, 1)
            ->default_str("");
        cmd->add_option("--layout", *layoutName, "keep (stored positions) or an engine; default: keep when every actor has a position")
            ->check(CLI::IsMember(engines));
        addLayoutOptions(cmd, *a);
        cmd->callback([&action, input, output, layoutName, a, lang, x] {
            action = [input, output, layoutName, a, lang, x] { return runExport(*input, *output, *layoutName, *a, lang(), *x); };
        });
    }
    {
        auto* cmd = app.add_subcommand("report", "Write the strategy report (HTML with its diagrams inline, or Markdown)");
        auto input = std::make_shared<std::string>();
        auto output = std::make_shared<std::string>();
        auto layoutName = std::make_shared<std::string>();
        auto pseudonymize = std::make_shared<std::string>("-");
        auto a = std::make_shared<LayoutArgs>();
        cmd->add_option("INPUT", *input, "Project, PROJECT@SNAPSHOT or importable file")->required();
        cmd->add_option("-o,--output", *output, "Report file (.html or .md)")->required();
        cmd->add_option("--layout", *layoutName, "keep (stored positions) or an engine; default: keep when every actor has a position")
            ->check(CLI::IsMember(engines));
        cmd->add_option("--pseudonymize", *pseudonymize,
                        "Contact persons (and with =all actor names and ids) replaced by stable pseudonyms; notes left out")
            ->expected(0, 1)
            ->default_str("");
        addLayoutOptions(cmd, *a);
        cmd->callback([&action, input, output, layoutName, a, lang, pseudonymize] {
            action = [input, output, layoutName, a, lang, pseudonymize] { return runReport(*input, *output, *layoutName, *a, lang(), *pseudonymize); };
        });
    }
}

}  // namespace knp::cli
