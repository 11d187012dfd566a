#pragma once
// Print-quality diagrams of a network, drawn by Graphviz (gvc, with its cairo renderers for
// PDF and PNG, its own SVG renderer for SVG): actors at the given positions, spread on the page
// so that no actor or name covers another (report/print_layout.hpp); coloured by sector, field
// of action, community or an attribute; sized by influence or a metric; shaped by level or an
// attribute; names under the actors on a light backing; links coloured by type, as wide as
// their strength, dashed or dotted for planned and wished links, with arrows where directed; a
// legend drawn with the same shapes and lines from the categories the diagram uses; a title,
// the snapshot, a footer with date and counts.
// Focused diagrams: one field of action, one sector (with its partners, pale), the ego network
// of an actor, the cut points with what each cuts off, suggested links dashed.
// Every user text is passed as data (cgraph attributes; entities in HTML-like labels), and
// Graphviz's escape sequences (\N, \G ...) are neutralised. Contact persons appear only when
// asked for.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/geometry.hpp"
#include "analysis/network_analysis.hpp"
#include "report/link_routes.hpp"
#include "report/print_layout.hpp"

namespace knp::report {

enum class FocusKind { None, Field, Sector, Ego, CutPoints };

struct DiagramFocus {
    FocusKind kind = FocusKind::None;
    std::string target;  // field or sector (key or label), actor (id or name)
    int radius = 1;      // ego network: steps from the actor
};

struct DiagramOptions {
    Lang lang = Lang::De;
    std::string title;          // empty: the network's name (and the focus)
    std::string subtitle;       // e.g. the snapshot and its date
    std::string date;           // shown in the footer (e.g. 21.11.2026); empty: none
    std::string paper = "a4";   // a4, a3, a0: landscape page the drawing is fitted to
    int dpi = 300;              // PNG only
    std::string colorBy = "sector";    // sector, field, community, an attribute's name or a metric of knp metrics
    std::string sizeBy = "influence";  // influence, none or a metric of knp metrics
    std::string shapeBy = "level";     // level, none or an attribute's name
    DiagramFocus focus;
    bool suggested = false;       // draw the gap analysis' suggested links, dashed
    bool contactPersons = false;  // contact persons under the names (personal data: off)
    bool legend = true;
    std::string svgId = "karte";  // SVG: prefix of the ids (several diagrams in one page)
    // A comparison (analysis/compare.hpp, compareScene): by actor and by link, 0 unchanged,
    // 1 added (green), 2 removed (red, dashed), 3 changed (orange); empty: no comparison.
    // `changeSince` names the earlier state in the legend.
    std::vector<std::uint8_t> actorChange, linkChange;
    std::string changeSince;
    // What a view shows now (its filters): by actor, 0 hidden (empty: every actor), and link
    // types and statuses left out. Applied after the focus.
    std::vector<char> shownActors;
    std::set<std::string> hiddenLinkTypes, hiddenStatuses;
    // The analysis of the network drawn, when the caller has it (the view's, the report's):
    // its graph view, metric columns and gaps are used instead of computing them again.
    const analysis::NetworkAnalysis* analysis = nullptr;
};

// The formats renderDiagram writes: "svg", "pdf", "png" (from the file's extension).
bool isDiagramPath(const std::string& path);

// Parses "field:NAME", "sector:NAME", "ego:ACTOR", "cut-points" (German words too: feld,
// sektor, akteur, schnittpunkte). Throws UsageError.
DiagramFocus parseFocus(const std::string& text);

// Checks the options against the network (known field, sector, actor, attribute, metric):
// throws UsageError naming what is known. renderDiagram calls it too.
void checkDiagramOptions(const Network& network, const DiagramOptions& o);

// Writes the diagram to `path` (temporary file, then renamed). `positions`: one per actor.
void renderDiagram(const Network& network, const std::vector<Point>& positions, const std::string& path,
                   const DiagramOptions& o = {});
// The diagram as SVG text without the XML declaration and doctype (to be inlined in HTML).
std::string renderDiagramSvg(const Network& network, const std::vector<Point>& positions, const DiagramOptions& o = {});

// Where a diagram places its actors (for tests and benchmarks; renderDiagram draws them there):
// the actors drawn (indices), their centres on the page (points, y up), whether each is named,
// and the links drawn between them with the actors' circles (places in `actors`) and their routes.
struct DiagramPlacement {
    std::vector<std::size_t> actors;
    std::vector<Point> centres;
    std::vector<char> named;
    PrintLinks links;
    std::vector<LinkRoute> routes;  // by link: straight or around the actors in its way
    bool overlapsLeft = false;  // names or symbols still overlap
};
DiagramPlacement placeDiagram(const Network& network, const std::vector<Point>& positions, const DiagramOptions& o = {});

}  // namespace knp::report
