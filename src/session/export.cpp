#include "session/export.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>

#include "analysis/network_analysis.hpp"
#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "core/graph_view.hpp"
#include "io/csv_export.hpp"
#include "report/phrasing.hpp"
#include "report/report.hpp"
#include "session/layout_step.hpp"
#include "session/open.hpp"
#include "store/project_file.hpp"

namespace knp::session {

namespace fs = std::filesystem;

namespace {

// A project's snapshots, oldest first (none for other inputs).
std::vector<NetworkSnapshot> projectSnapshots(const std::string& input, const std::vector<SnapshotInfo>& infos) {
    std::vector<NetworkSnapshot> out;
    if (infos.empty()) return out;
    ProjectFile pf = ProjectFile::open(input, OpenMode::ReadOnly);
    std::vector<SnapshotInfo> snaps = infos;
    std::sort(snaps.begin(), snaps.end(), [](const SnapshotInfo& p, const SnapshotInfo& q) { return p.created < q.created; });
    for (const SnapshotInfo& s : snaps) out.push_back({s.name, s.created, pf.loadSnapshot(s.name)});
    return out;
}

// PROJECT@SNAPSHOT: "Stand NAME, DATE" for titles.
std::string snapshotSubtitle(const std::string& input, Lang lang) {
    const std::string project = input.substr(0, input.rfind('@')), snapshot = input.substr(input.rfind('@') + 1);
    for (const SnapshotInfo& s : ProjectFile::open(project, OpenMode::ReadOnly).snapshots())
        if (s.name == snapshot) return (tr(lang, "export.snapshot")) + s.name + ", " + s.created.substr(0, 10);
    return "";
}

// Where the actors go: the stored positions ("keep", the default when every actor is placed)
// or a layout engine's (the default otherwise). `positions` is empty for "keep".
struct Placement {
    std::string engine;
    std::vector<Point> positions;
    double milliseconds = 0;
    bool allPlaced = true;
};

Placement placeActors(const Network& net, const ExportRequest& r) {
    Placement p;
    for (const Actor& actor : net.actors()) p.allPlaced = p.allPlaced && actor.placed;
    p.engine = r.layoutEngine.empty() ? (p.allPlaced ? "keep" : "force") : r.layoutEngine;
    if (p.engine == "keep") return p;
    layout::LayoutRequest request = r.layout;
    request.engine = p.engine;
    const auto start = std::chrono::steady_clock::now();
    p.positions = session::computeLayout(net, request);
    p.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return p;
}

std::vector<Point> storedPositions(const Network& net) {
    std::vector<Point> points;
    for (const Actor& actor : net.actors()) points.push_back({actor.x, actor.y});
    return points;
}

// The network and its snapshots with the same pseudonyms.
Network pseudonymise(const Network& network, std::vector<NetworkSnapshot>& snapshots, Pseudonymize privacy, Lang lang) {
    std::vector<const Network*> all{&network};
    for (const NetworkSnapshot& s : snapshots) all.push_back(&s.network);
    const Pseudonymizer pseudonyms(privacy, lang, all);
    Network net = pseudonyms.apply(network);
    for (NetworkSnapshot& s : snapshots) s.network = pseudonyms.apply(s.network);
    return net;
}

std::string pseudonymNote(Pseudonymize privacy) {
    return std::string(privacy == Pseudonymize::All ? "actor names, ids and contact persons" : "contact persons") +
           " replaced by pseudonyms; notes left out";
}

std::string lowerExtension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace

std::vector<NetworkSnapshot> projectSnapshots(const std::string& project) {
    return projectSnapshots(project, ProjectFile::open(project, OpenMode::ReadOnly).snapshots());
}

ExportSource sourceFromInput(const std::string& input, Lang lang) {
    LoadedInput in = loadInput(input);
    ExportSource source;
    source.network = std::move(in.result.network);
    if (in.kind == "project" && !in.snapshots.empty())
        source.snapshots = [input, infos = in.snapshots] { return projectSnapshots(input, infos); };
    if (in.kind == "snapshot") source.subtitle = snapshotSubtitle(input, lang);
    return source;
}

ExportTables exportTables(const Network& network, Lang lang, const analysis::NetworkAnalysis* given) {
    ExportTables out;
    const std::shared_ptr<const analysis::NetworkAnalysis> own = given ? nullptr : analysis::analyseNetwork(network);
    const analysis::NetworkAnalysis& a = given ? *given : *own;
    out.metrics = a.metrics.columns;
    const analysis::GapReport& gaps = a.gaps;
    out.gaps.findings = report::phrase(gaps.findings, network, lang);
    for (const analysis::FieldCoverage& f : gaps.fields)
        out.gaps.fields.push_back({f.field, f.actors.size(), f.links, f.coordinator ? network.actors()[*f.coordinator].name : "", f.status});
    for (const analysis::SectorCell& cell : gaps.sectorMatrix) out.gaps.sectorPairs.push_back({cell.from, cell.to, cell.links, cell.density});
    return out;
}

void exportData(const Network& network, const std::vector<Point>* positions, const std::string& path, ExportOptions o,
                const analysis::NetworkAnalysis* analysis) {
    const ExportFormat* format = exportFormatFor(path);
    std::optional<ExportTables> tables;
    if (format && (format->name.rfind("CSV", 0) == 0 || format->name == "Excel workbook")) {
        tables = exportTables(network, o.lang, analysis);
        o.metrics = &tables->metrics;
        o.gaps = &tables->gaps;
    }
    knp::exportNetwork(network, positions, path, o);
}

std::string exportExtensionsText() {
    std::string known;
    for (const ExportFormat& f : exportFormats())
        for (const std::string& e : f.extensions) known += (known.empty() ? "" : ", ") + e;
    return known + ", .svg, .pdf or .png";
}

std::vector<std::string> exportNetwork(const ExportSource& source, const ExportRequest& r, const Reporter& report) {
    const std::string& output = r.output;
    const bool drawing = report::isDiagramPath(output);
    const ExportFormat* format = exportFormatFor(output);
    if (!drawing && !format)
        throw UsageError("\"" + fs::path(output).extension().string() + "\" is not supported by this version yet; write " + exportExtensionsText());
    if (drawing) report::checkDiagramOptions(source.network, r.diagram);
    // Snapshots written with the network (GEXF timeline, JSON) get the same pseudonyms.
    const bool gexf = format && format->name.rfind("GEXF", 0) == 0, jsonOut = format && format->name.rfind("JSON", 0) == 0;
    std::vector<NetworkSnapshot> snapshots = (gexf || jsonOut) && source.snapshots ? source.snapshots() : std::vector<NetworkSnapshot>{};
    const Network net = pseudonymise(source.network, snapshots, r.privacy, r.lang);
    if (r.privacy != Pseudonymize::None) say(report, pseudonymNote(r.privacy));
    const Placement placement = placeActors(net, r);
    const std::string& engine = placement.engine;
    const std::vector<Point>* pos = engine == "keep" ? nullptr : &placement.positions;
    if (pos) say(report, "layout " + engine + " in " + std::to_string(static_cast<long>(placement.milliseconds + 0.5)) + " ms");
    else if (!placement.allPlaced)
        warn(report, "some actors have no position yet; DOT gets them at 0,0, other formats without one (use --layout force)");
    if (drawing) {
        report::DiagramOptions d = r.diagram;
        d.lang = r.lang;
        if (d.date.empty()) d.date = r.today.empty() ? todayText(r.lang) : r.today;
        // PROJECT@SNAPSHOT: the snapshot's name and date under the title.
        if (d.subtitle.empty()) d.subtitle = source.subtitle;
        if (!d.analysis) d.analysis = source.analysis.get();
        report::renderDiagram(net, pos ? *pos : storedPositions(net), output, d);
        say(report, "wrote " + output + " (" + std::to_string(net.actors().size()) + " actors, layout " + engine + ", " + d.paper +
                        (lowerExtension(output) == ".png" ? ", " + std::to_string(d.dpi) + " dpi" : "") + ")");
        return {output};
    }
    ExportOptions o;
    o.lang = r.lang;
    // A project's snapshots make a GEXF a dynamic graph (Gephi's timeline) and go into JSON.
    if (!snapshots.empty()) {
        o.snapshots = std::move(snapshots);
        o.now = utcTimestamp();
        if (gexf) say(report, std::to_string(o.snapshots.size()) + " snapshots written as a dynamic graph (spells from " + o.snapshots.front().created + ")");
        else say(report, std::to_string(o.snapshots.size()) + " snapshots written with the network");
    }
    exportData(net, pos, output, o, source.analysis.get());
    std::vector<std::string> written{output};
    std::string writtenText = output;
    if (format->name.rfind("CSV", 0) == 0) {
        written = csvExportPaths(output);
        writtenText = written[0] + " (links), " + written[1] + " (actors) and " + written[2] + " (metrics)";
    }
    say(report, "wrote " + writtenText + " (" + std::to_string(net.actors().size()) + " actors, layout " + engine + ")");
    return written;
}

std::vector<std::string> writeReport(const ExportSource& source, const ExportRequest& r, const Reporter& report) {
    if (!report::isReportPath(r.output)) throw UsageError("write .html or .md, not \"" + fs::path(r.output).extension().string() + "\"");
    report::ReportOptions o;
    o.lang = r.lang;
    o.date = r.today.empty() ? todayText(r.lang) : r.today;
    o.snapshots = source.snapshots ? source.snapshots() : std::vector<NetworkSnapshot>{};
    o.subtitle = source.subtitle;
    o.progress = r.progress;
    o.cancel = r.cancel;
    o.analysis = source.analysis;
    const Network net = pseudonymise(source.network, o.snapshots, r.privacy, r.lang);
    const Placement placement = placeActors(net, r);
    const std::string& engine = placement.engine;
    const std::vector<Point> points = engine == "keep" ? storedPositions(net) : placement.positions;
    const auto start = std::chrono::steady_clock::now();
    const std::vector<std::string> written = report::writeReport(net, points, r.output, o);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::string text = "wrote " + written.front() + " (" + std::to_string(net.actors().size()) + " actors, layout " + engine + ", " +
                       std::to_string(static_cast<long>(ms + 0.5)) + " ms)";
    if (written.size() > 1) text += " and " + std::to_string(written.size() - 1) + " diagrams beside it";
    say(report, text);
    if (r.privacy != Pseudonymize::None) say(report, pseudonymNote(r.privacy));
    return written;
}

std::string todayText(Lang lang) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, tr(lang, "format.date"), &local);
    return buf;
}

}  // namespace knp::session
