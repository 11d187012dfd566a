#pragma once
// Export and report as use cases, the same behind `knp export`, `knp report` and the view's
// Datei > Exportieren: the network (pseudonymised when asked, with its snapshots where the
// format carries them), positions from the stored ones or a layout engine, then a data format
// (io/), a diagram (report/diagram) or the strategy report (report/report). The view hands in
// what its map shows (filters, focus, colouring, sizes) as DiagramOptions, so that the
// printout matches the screen.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "analysis/network_analysis.hpp"
#include "core/privacy.hpp"
#include "io/formats.hpp"
#include "layout/layout.hpp"
#include "report/diagram.hpp"
#include "session/messages.hpp"

namespace knp::session {

// What is exported: the network and what belongs to it.
struct ExportSource {
    Network network;
    // A project's snapshots, oldest first; loaded only when the output carries them (GEXF,
    // JSON, the report's change section). Empty function: none.
    std::function<std::vector<NetworkSnapshot>()> snapshots;
    std::string subtitle;  // PROJECT@SNAPSHOT: "Stand NAME, DATE" (diagrams, report)
    // The analysis of `network` when the caller has one (the view's, for the version shown):
    // tables, diagrams and the report read it instead of computing it again. Empty: made here
    // once per export, when the output needs one.
    std::shared_ptr<const analysis::NetworkAnalysis> analysis;
};

// A project's snapshots, oldest first.
std::vector<NetworkSnapshot> projectSnapshots(const std::string& project);

// The source for an INPUT of CONTRACT.md (a project, PROJECT@SNAPSHOT or any importable file).
ExportSource sourceFromInput(const std::string& input, Lang lang);

struct ExportRequest {
    std::string output;
    std::string layoutEngine;       // "keep", an engine, or "" (keep when every actor is placed, else force)
    layout::LayoutRequest layout;   // seed, rings grouping and rank, incremental (engine set from layoutEngine)
    Lang lang = Lang::De;
    Pseudonymize privacy = Pseudonymize::None;
    report::DiagramOptions diagram; // .svg .pdf .png; date and subtitle are filled in when empty
    std::string today;              // the date diagrams and the report show (todayText)
    const std::atomic<bool>* cancel = nullptr;  // report: checked between its diagrams
    std::function<void(double)> progress;       // report: 0..1
};

// The tables CSV and XLSX write beside the network: the metrics of `knp metrics`, the gaps.
struct ExportTables {
    std::vector<MetricColumn> metrics;
    GapTables gaps;
};
ExportTables exportTables(const Network& network, Lang lang, const analysis::NetworkAnalysis* analysis = nullptr);

// A data format (io/formats.hpp) with the tables it needs: what every door calls.
void exportData(const Network& network, const std::vector<Point>* positions, const std::string& path, ExportOptions o,
                const analysis::NetworkAnalysis* analysis = nullptr);

// knp export: a data format or a diagram. Returns the paths written. UsageError for an
// extension nothing writes; InputError for bad input.
std::vector<std::string> exportNetwork(const ExportSource& source, const ExportRequest& request, const Reporter& report);
// knp report: REPORT.html or REPORT.md (Markdown: diagrams beside it). Returns the paths written.
std::vector<std::string> writeReport(const ExportSource& source, const ExportRequest& request, const Reporter& report);

// Today as the diagrams and the report write it: 07.12.2026 or 2026-12-07.
std::string todayText(Lang lang);

// The known data formats' and diagrams' extensions, for messages: ".dot, .gv, ..., .svg, .pdf or .png".
std::string exportExtensionsText();

}  // namespace knp::session
