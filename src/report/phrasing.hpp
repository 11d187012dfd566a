#pragma once
// The one place where findings become sentences: analyses return data (analysis/findings.hpp),
// and these functions word it in any language of the message catalogues (i18n/*.po). The
// command line, the view, the report and the exports all phrase through here, so switching the
// language rewords the same result without computing it again.
#include <string>
#include <vector>

#include "analysis/findings.hpp"
#include "analysis/gaps.hpp"
#include "core/network.hpp"

namespace knp::report {

// One finding of the gap analysis as a sentence (actors, sectors and fields named as `net`
// calls them in `lang`).
std::string phrase(const analysis::Finding& finding, const Network& net, Lang lang);
std::vector<std::string> phrase(const std::vector<analysis::Finding>& findings, const Network& net, Lang lang);

// What a suggested link is for: its purposes, the primary one first, joined by "; ".
std::string phraseReasons(const std::vector<analysis::Finding>& reasons, const Network& net, Lang lang);

// One line of a comparison's gaps closed or opened (Comparison::gapsClosed, gapsOpened).
std::string phraseGapChange(const analysis::Finding& change, Lang lang);
std::vector<std::string> phraseGapChanges(const std::vector<analysis::Finding>& changes, Lang lang);

// One finding of a comparison (Comparison::findings) as a sentence.
std::string phraseComparison(const analysis::Finding& finding, Lang lang);
std::vector<std::string> phraseComparison(const std::vector<analysis::Finding>& findings, Lang lang);

// The findings as the view lists them (a panel a few hundred pixels wide): the gaps first, then
// what is worth a look, then how the network is (each group in the analysis's order); fields of
// action without any actor in one line ("In 7 Handlungsfeldern ist noch kein Akteur aktiv: …")
// after the other gaps. The report and knp gaps keep one sentence per finding (phrase above).
struct PanelFinding {
    analysis::Severity severity = analysis::Severity::Info;
    std::string text;
};
std::vector<PanelFinding> phraseForPanel(const std::vector<analysis::Finding>& findings, const Network& net, Lang lang);

// A metric of analysis::metricNames() ("betweenness") in plain words with the technical name
// after it where people may know it ("Brückenrolle (Betweenness)"); the report's words.
std::string metricLabel(const std::string& metric, Lang lang);
// A layout engine of layout::engineNames() ("rings") in plain words ("Ringe nach Sektoren").
std::string layoutLabel(const std::string& engine, Lang lang);

// A field's coverage status (FieldCoverage::status) in a few words.
std::string fieldStatusText(const std::string& status, Lang lang);

}  // namespace knp::report
