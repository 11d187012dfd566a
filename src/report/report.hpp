#pragma once
// The strategy report (`knp report`): a self-contained HTML page (inline SVG diagrams, inline
// CSS, no scripts, no outside files) or Markdown (diagrams as SVG files beside it), in German or
// English: key figures, findings, the network diagram, the sector x sector heatmap, each field
// of action with its status and diagram, brokers and their roles, single points of failure,
// parallel work, contact points, suggested links, what changed since the first snapshot, and a
// method section for non-experts. Every user text is escaped for HTML (or Markdown).
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/geometry.hpp"
#include "analysis/network_analysis.hpp"

namespace knp::report {

struct ReportOptions {
    Lang lang = Lang::De;
    std::string date;      // e.g. 21.11.2026
    std::string subtitle;  // e.g. the snapshot shown
    std::vector<NetworkSnapshot> snapshots;  // oldest first; the first is compared with now
    // Long reports: `progress` (0..1) after each diagram; a set `cancel` stops the report there
    // with knp::Cancelled before anything is written.
    std::function<void(double)> progress;
    const std::atomic<bool>* cancel = nullptr;
    // The analysis of `network` when the caller has it (the view); else the report makes one.
    // Every section and diagram reads this one result.
    std::shared_ptr<const analysis::NetworkAnalysis> analysis;
};

// Writes REPORT.html or REPORT.md (and, for Markdown, REPORT_*.svg beside it). Returns the
// paths written.
std::vector<std::string> writeReport(const Network& network, const std::vector<Point>& positions, const std::string& path,
                                     const ReportOptions& o);

bool isReportPath(const std::string& path);

}  // namespace knp::report
