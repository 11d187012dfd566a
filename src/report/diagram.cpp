#include "report/diagram.hpp"

#include "graphviz/handles.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <numeric>
#include <queue>
#include <set>
#include <stdexcept>

#include "analysis/gaps.hpp"
#include "core/graph_view.hpp"
#include "analysis/metrics.hpp"
#include "core/errors.hpp"
#include "core/encoding.hpp"
#include "core/i18n.hpp"
#include "graphviz/isolation.hpp"
#include "core/file_output.hpp"
#include "graphviz/guard.hpp"
#include "layout/labels.hpp"
#include "report/print_layout.hpp"

namespace knp::report {

namespace {


std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext.empty() ? ext : ext.substr(1);
}

constexpr auto set = &graphviz::setAttribute;

// A label Graphviz shows as written: backslashes doubled, so that \N, \G, \E, \T, \H, \L and
// \n are text, not escape sequences; line breaks become spaces.
std::string plainLabel(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

// A name in lines of about `width` characters, broken at spaces (long names make wide boxes that
// crowd the map; two or three short lines pack better).
std::vector<std::string> wrapName(const std::string& text, std::size_t width = 22) {
    std::vector<std::string> words, lines;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else word += c;
    }
    if (!word.empty()) words.push_back(word);
    auto length = [](const std::string& s) {
        std::size_t k = 0;
        for (const char c : s) k += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return k;
    };
    std::string line;
    for (const std::string& w : words) {
        if (!line.empty() && length(line) + 1 + length(w) > width && lines.size() < 2) {
            lines.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + w;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

// Text for a Graphviz HTML-like label (expat reads it): XML entities, line breaks as spaces.
std::string html(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return xmlEscape(text);
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string inches(double points) { return num(points / 72.0); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Landscape paper in inches.
std::pair<double, double> paperInches(const std::string& paper) {
    if (paper == "a3") return {16.54, 11.69};
    if (paper == "a0") return {46.81, 33.11};
    return {11.69, 8.27};
}

// How an element is marked in a comparison drawing (DiagramOptions::actorChange, linkChange).
constexpr std::uint8_t kSame = 0, kIsAdded = 1, kIsRemoved = 2, kIsChanged = 3;

const char* const kShapes[] = {"circle", "box", "diamond", "hexagon", "triangle", "pentagon", "octagon", "invtriangle"};
constexpr std::size_t kShapeCount = sizeof kShapes / sizeof kShapes[0];

std::optional<double> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

// An actor by id, then by name (case-insensitive).
std::optional<std::size_t> findActor(const Network& net, const std::string& text) {
    if (auto i = net.actorIndex(text)) return i;
    const std::string want = normalizeLabel(text);
    for (std::size_t i = 0; i < net.actors().size(); ++i)
        if (normalizeLabel(net.actors()[i].name) == want || (!net.actors()[i].shortName.empty() && normalizeLabel(net.actors()[i].shortName) == want))
            return i;
    // A unique part of a name ("Jobcenter" for "Jobcenter Musterstadt").
    std::optional<std::size_t> only;
    for (std::size_t i = 0; i < net.actors().size(); ++i)
        if (normalizeLabel(net.actors()[i].name).find(want) != std::string::npos) {
            if (only) return std::nullopt;
            only = i;
        }
    return only;
}

// Custom attribute names used by any actor.
std::set<std::string> attributeNames(const Network& net) {
    std::set<std::string> names;
    for (const Actor& a : net.actors())
        for (const auto& [k, v] : a.attributes) names.insert(k);
    return names;
}

std::optional<std::string> findAttribute(const Network& net, const std::string& name) {
    for (const std::string& k : attributeNames(net))
        if (lower(k) == lower(name)) return k;
    return std::nullopt;
}

std::string known(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "(none)" : out;
}

std::vector<std::string> labelsOf(const std::vector<Category>& list, Lang lang) {
    std::vector<std::string> out;
    for (const Category& c : list) out.push_back(c.label(lang));
    return out;
}

// One entry of the legend: a sample (an actor's shape, a line) and its text.
struct LegendRow {
    enum Kind { Heading, Node, Line, Text } kind = Text;
    std::string text;
    std::string shape = "circle", fill = "#FFFFFF", outline = "#333333", style = "filled";
    double penwidth = 0.7, size = 10;  // points
    bool arrow = false;
    int peripheries = 1;
};

// What is drawn: the actors shown and how each is marked.
struct Scene {
    std::vector<char> shown, faded, ring, cutOff;  // by actor
    std::vector<std::size_t> cutCount;             // by actor: how many a cut point cuts off
    std::vector<analysis::SuggestedLink> suggested;
    std::string focusTitle;
    std::size_t cutPoints = 0;
};

Scene selectScene(const Network& net, const DiagramOptions& o) {
    const std::size_t n = net.actors().size();
    Scene s;
    s.shown.assign(n, 1);
    s.faded.assign(n, 0);
    s.ring.assign(n, 0);
    s.cutOff.assign(n, 0);
    s.cutCount.assign(n, 0);
    const Taxonomy& t = net.taxonomy;
    const bool needGaps = o.suggested || o.focus.kind == FocusKind::CutPoints;
    // The caller's analysis when there is one, else what this drawing needs.
    std::optional<GraphView> built;
    if (!o.analysis) built = GraphView::build(net);
    const GraphView& g = o.analysis ? o.analysis->graph : *built;
    std::optional<analysis::GapReport> ownGaps;
    const analysis::GapReport* gaps = nullptr;
    if (needGaps) gaps = o.analysis ? &o.analysis->gaps : &ownGaps.emplace(analysis::analyseGaps(net, g));
    switch (o.focus.kind) {
    case FocusKind::None:
        break;
    case FocusKind::Field: {
        const Category* f = t.find(CategoryKind::Field, o.focus.target);
        for (std::size_t i = 0; i < n; ++i) {
            const auto& fs = net.actors()[i].fields;
            s.shown[i] = std::find(fs.begin(), fs.end(), f->key) != fs.end();
        }
        s.focusTitle = std::string(tr(o.lang, "diagram.field_of_action")) + f->label(o.lang);
        break;
    }
    case FocusKind::Sector: {
        const Category* c = t.find(CategoryKind::Sector, o.focus.target);
        std::vector<char> in(n, 0);
        for (std::size_t i = 0; i < n; ++i) in[i] = net.actors()[i].sector == c->key;
        // The sector's actors and their partners (pale): with whom the sector works.
        for (std::size_t i = 0; i < n; ++i) {
            bool partner = false;
            for (const std::uint32_t v : g.undirected.neighbors(static_cast<std::uint32_t>(i))) partner = partner || in[v];
            s.shown[i] = in[i] || partner;
            s.faded[i] = !in[i] && partner;
        }
        s.focusTitle = std::string(tr(o.lang, "diagram.sector")) + c->label(o.lang);
        break;
    }
    case FocusKind::Ego: {
        const std::size_t ego = *findActor(net, o.focus.target);
        const std::vector<int> dist = encoding::egoDistances(g, static_cast<std::uint32_t>(ego), o.focus.radius);
        for (std::size_t i = 0; i < n; ++i) {
            s.shown[i] = dist[i] >= 0;
            s.faded[i] = dist[i] > 1;
        }
        s.ring[ego] = 1;
        s.focusTitle = std::string(tr(o.lang, "diagram.network_of")) + net.actors()[ego].name;
        break;
    }
    case FocusKind::CutPoints:
        for (const analysis::CutPoint& c : gaps->singlePointsOfFailure) {
            s.ring[c.actor] = 1;
            s.cutCount[c.actor] = c.cutOff.size();
            for (const std::uint32_t v : c.cutOff) s.cutOff[v] = 1;
        }
        // The rest pale: the cut points and what they cut off stand out.
        for (std::size_t i = 0; i < n; ++i) s.faded[i] = !s.ring[i] && !s.cutOff[i] && !gaps->singlePointsOfFailure.empty();
        s.cutPoints = gaps->singlePointsOfFailure.size();
        s.focusTitle = tr(o.lang, "diagram.single_points_of_failure_and_whom");
        break;
    }
    if (o.suggested && gaps) {
        for (const analysis::SuggestedLink& l : gaps->suggestedLinks)
            if (s.shown[l.a] && s.shown[l.b]) s.suggested.push_back(l);
        if (s.focusTitle.empty()) s.focusTitle = tr(o.lang, "diagram.suggested_links");
    }
    if (!o.shownActors.empty())
        for (std::size_t i = 0; i < n; ++i) s.shown[i] = s.shown[i] && o.shownActors[i];
    return s;
}

// A metric's values by actor: from the caller's analysis, else computed for this drawing.
std::vector<double> metricValues(const Network& net, const DiagramOptions& o, const std::string& name) {
    if (o.analysis)
        if (const std::vector<double>* column = o.analysis->column(name)) return *column;
    analysis::MetricsOptions mo;
    mo.names = {name};
    return analysis::computeMetrics(GraphView::build(net), mo).columns.at(0).values;
}

// How each actor is filled, sized and shaped, and the legend rows that say so.
struct Encoding {
    std::vector<std::string> fill;  // "#RRGGBB" or "c1;f:c2;f" (wedges, fields)
    std::vector<bool> wedged;
    std::vector<double> diameter;   // points
    std::vector<std::string> shape;
    std::vector<LegendRow> colorRows, shapeRows;
    std::string sizeText;
};

Encoding encode(const Network& net, const Scene& s, const DiagramOptions& o, double fs) {
    const std::size_t n = net.actors().size();
    const Taxonomy& t = net.taxonomy;
    const Lang lang = o.lang;
    Encoding e;
    e.fill.assign(n, colorHex(kNoSectorColor));
    e.wedged.assign(n, false);
    e.diameter.assign(n, 8 * fs);
    e.shape.assign(n, "circle");
    auto swatch = [&](const std::string& text, std::uint32_t color) {
        LegendRow r;
        r.kind = LegendRow::Node;
        r.text = text;
        r.fill = colorHex(color);
        return r;
    };
    // Colour.
    const std::string colorBy = lower(o.colorBy);
    if (colorBy == "sector") {
        e.colorRows.push_back({LegendRow::Heading, tr(lang, "diagram.sectors")});
        std::set<std::string> used;
        for (std::size_t i = 0; i < n; ++i)
            if (s.shown[i]) {
                e.fill[i] = colorHex(sectorColor(t, net.actors()[i].sector));
                used.insert(t.byKey(CategoryKind::Sector, net.actors()[i].sector) ? net.actors()[i].sector : "");
            }
        for (const Category& c : t.sectors)
            if (used.count(c.key)) e.colorRows.push_back(swatch(c.label(lang), c.color));
        if (used.count("")) e.colorRows.push_back(swatch(tr(lang, "diagram.no_sector"), kNoSectorColor));
    } else if (colorBy == "field") {
        e.colorRows.push_back({LegendRow::Heading, tr(lang, "diagram.fields_of_action")});
        std::set<std::string> used;
        bool none = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!s.shown[i]) continue;
            std::vector<std::uint32_t> colors;
            for (const std::string& f : net.actors()[i].fields)
                if (const Category* c = t.byKey(CategoryKind::Field, f)) {
                    colors.push_back(c->color);
                    used.insert(f);
                }
            if (colors.empty()) {
                none = true;
                continue;
            }
            std::string fill;
            for (const std::uint32_t c : colors)
                fill += (fill.empty() ? "" : ":") + colorHex(c) + ";" + num(1.0 / static_cast<double>(colors.size()) - 0.001);
            e.fill[i] = colors.size() == 1 ? colorHex(colors[0]) : fill;
            e.wedged[i] = colors.size() > 1;
        }
        for (const Category& c : t.fields)
            if (used.count(c.key)) e.colorRows.push_back(swatch(c.label(lang), c.color));
        if (none) e.colorRows.push_back(swatch(tr(lang, "diagram.no_field_of_action"), kNoSectorColor));
    } else if (colorBy == "community") {
        const std::vector<double> community = metricValues(net, o, "community");
        // Largest groups (among the actors shown) first.
        std::map<long, std::size_t> sizes;
        for (std::size_t i = 0; i < n; ++i)
            if (s.shown[i] && std::isfinite(community[i])) ++sizes[std::lround(community[i])];
        std::vector<std::pair<std::size_t, long>> order;
        for (const auto& [c, k] : sizes) order.push_back({k, c});
        std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        std::map<long, std::size_t> rank;
        for (std::size_t r = 0; r < order.size(); ++r) rank[order[r].second] = r;
        e.colorRows.push_back({LegendRow::Heading, tr(lang, "diagram.communities_louvain")});
        for (std::size_t i = 0; i < n; ++i)
            if (s.shown[i] && std::isfinite(community[i])) {
                const std::size_t r = rank[std::lround(community[i])];
                e.fill[i] = colorHex(r < encoding::kCategoryPaletteSize - 1 ? encoding::kCategoryPalette[r] : encoding::kOtherCategory);
            }
        for (std::size_t r = 0; r < order.size() && r < encoding::kCategoryPaletteSize - 1; ++r)
            e.colorRows.push_back(swatch(std::string(tr(lang, "diagram.group")) + std::to_string(r + 1) + " (" + std::to_string(order[r].first) + ")",
                                         encoding::kCategoryPalette[r]));
        if (order.size() >= encoding::kCategoryPaletteSize) e.colorRows.push_back(swatch(tr(lang, "diagram.other_groups"), encoding::kOtherCategory));
    } else if (colorBy != "level" && !findAttribute(net, o.colorBy)) {
        // A metric (as the view colours by one): viridis from the lowest to the highest shown.
        const std::vector<double> v = metricValues(net, o, colorBy);
        e.colorRows.push_back({LegendRow::Heading, colorBy});
        const encoding::Scale scale = encoding::scaleOf(v, s.shown);
        const double lo = scale.lo, hi = scale.hi;
        for (std::size_t i = 0; i < n; ++i)
            if (s.shown[i] && std::isfinite(v[i])) e.fill[i] = colorHex(encoding::metricColor(v[i], scale));
        char buf[64];
        for (int k = 0; k <= 4 && lo <= hi; ++k) {
            std::snprintf(buf, sizeof buf, "%.3g", lo + (hi - lo) * k / 4.0);
            e.colorRows.push_back(swatch(buf, encoding::viridis(k / 4.0)));
            if (hi <= lo) break;
        }
    } else {
        const std::string attr = colorBy == "level" ? "level" : *findAttribute(net, o.colorBy);
        auto valueOf = [&](std::size_t i) -> std::string {
            if (attr == "level") return t.labelOf(CategoryKind::Level, net.actors()[i].level, lang);
            const auto it = net.actors()[i].attributes.find(attr);
            return it == net.actors()[i].attributes.end() ? "" : it->second;
        };
        e.colorRows.push_back({LegendRow::Heading, attr == "level" ? tr(lang, "diagram.level") : attr});
        bool numeric = true, any = false;
        double lo = 1e300, hi = -1e300;
        for (std::size_t i = 0; i < n; ++i)
            if (s.shown[i] && !valueOf(i).empty()) {
                any = true;
                if (const auto v = number(valueOf(i))) {
                    lo = std::min(lo, *v);
                    hi = std::max(hi, *v);
                } else numeric = false;
            }
        if (any && numeric && attr != "level") {
            for (std::size_t i = 0; i < n; ++i)
                if (s.shown[i])
                    if (const auto v = number(valueOf(i))) e.fill[i] = colorHex(encoding::viridis(hi > lo ? (*v - lo) / (hi - lo) : 0.5));
            char buf[64];
            for (int k = 0; k <= 4; ++k) {
                std::snprintf(buf, sizeof buf, "%g", lo + (hi - lo) * k / 4.0);
                e.colorRows.push_back(swatch(buf, encoding::viridis(k / 4.0)));
                if (hi <= lo) break;
            }
        } else {
            std::map<std::string, std::size_t> counts;
            for (std::size_t i = 0; i < n; ++i)
                if (s.shown[i] && !valueOf(i).empty()) ++counts[valueOf(i)];
            std::vector<std::pair<std::size_t, std::string>> order;
            for (const auto& [v, k] : counts) order.push_back({k, v});
            std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
            std::map<std::string, std::size_t> rank;
            for (std::size_t r = 0; r < order.size(); ++r) rank[order[r].second] = r;
            for (std::size_t i = 0; i < n; ++i)
                if (s.shown[i] && !valueOf(i).empty()) {
                    const std::size_t r = rank[valueOf(i)];
                    e.fill[i] = colorHex(r < encoding::kCategoryPaletteSize - 1 ? encoding::kCategoryPalette[r] : encoding::kOtherCategory);
                }
            for (std::size_t r = 0; r < order.size() && r < encoding::kCategoryPaletteSize - 1; ++r) e.colorRows.push_back(swatch(order[r].second, encoding::kCategoryPalette[r]));
            if (order.size() >= encoding::kCategoryPaletteSize) e.colorRows.push_back(swatch(tr(lang, "diagram.others"), encoding::kOtherCategory));
        }
        bool empty = false;
        for (std::size_t i = 0; i < n; ++i) empty = empty || (s.shown[i] && valueOf(i).empty());
        if (empty) e.colorRows.push_back(swatch(tr(lang, "diagram.not_given"), kNoSectorColor));
    }
    // Size: diameter by influence (0-5) or by a metric (area grows with the value).
    const std::string sizeBy = lower(o.sizeBy);
    if (sizeBy == "influence") {
        for (std::size_t i = 0; i < n; ++i) e.diameter[i] = (7.0 + 3.0 * std::clamp(net.actors()[i].influence, 0, 5)) * fs;
        e.sizeText = tr(lang, "diagram.size_influence_0_5");
    } else if (sizeBy != "none") {
        const std::vector<double> v = metricValues(net, o, sizeBy);
        const encoding::Scale scale = encoding::scaleOf(v, s.shown);
        const double lo = scale.lo, hi = scale.hi;
        for (std::size_t i = 0; i < n; ++i)
            e.diameter[i] = (std::isfinite(v[i]) && hi > lo ? 6.0 + 16.0 * std::sqrt((v[i] - lo) / (hi - lo)) : 8.0) * fs;
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s: %s (%.3g–%.3g)", tr(lang, "diagram.size"), sizeBy.c_str(), lo > hi ? 0.0 : lo, lo > hi ? 0.0 : hi);
        e.sizeText = buf;
    }
    // Shape: by level (the taxonomy's order: kommunal, Kreis, Land, Bund) or an attribute.
    const std::string shapeBy = lower(o.shapeBy);
    if (shapeBy != "none") {
        const bool level = shapeBy == "level";
        const std::string attr = level ? "" : *findAttribute(net, o.shapeBy);
        std::vector<std::string> values;  // in order of first use (levels: taxonomy order)
        std::map<std::string, std::size_t> index;
        if (level)
            for (const Category& c : t.levels) {
                index[c.key] = values.size();
                values.push_back(c.key);
            }
        std::set<std::size_t> used;
        for (std::size_t i = 0; i < n; ++i) {
            if (!s.shown[i]) continue;
            std::string v = level ? net.actors()[i].level : "";
            if (!level) {
                const auto it = net.actors()[i].attributes.find(attr);
                if (it != net.actors()[i].attributes.end()) v = it->second;
            }
            if (v.empty()) continue;
            if (!index.count(v)) {
                index[v] = values.size();
                values.push_back(v);
            }
            const std::size_t k = index[v];
            e.shape[i] = kShapes[std::min(k, kShapeCount - 1)];
            used.insert(k);
        }
        // A legend only when the shapes say something (more than one in use).
        if (used.size() > 1 || (used.size() == 1 && *used.begin() != 0)) {
            e.shapeRows.push_back({LegendRow::Heading, level ? tr(lang, "diagram.level") : attr});
            for (const std::size_t k : used) {
                LegendRow r;
                r.kind = LegendRow::Node;
                r.shape = kShapes[std::min(k, kShapeCount - 1)];
                r.fill = "#FFFFFF";
                r.text = level ? t.labelOf(CategoryKind::Level, values[k], lang) : values[k];
                e.shapeRows.push_back(r);
            }
        }
    }
    return e;
}

// An HTML-like label: a cell of fixed size with left-aligned text (entities only).
void setHtmlLabel(Agraph_t* g, Agnode_t* n, const std::string& markup) {
    Agsym_t* label = agattr(g, AGNODE, const_cast<char*>("label"), nullptr);
    if (!label) label = agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>("\\N"));
    char* m = agstrdup_html(g, const_cast<char*>(markup.c_str()));
    agxset(n, label, m);
    agstrfree(g, m);
}

// Builds the Graphviz graph of the diagram and hands it, laid out, to `render`.
void drawDiagram(const Network& net, const std::vector<Point>& positions, const DiagramOptions& o, const std::string& format,
                 const std::function<void(GVC_t*, Agraph_t*, const GraphvizGuard&)>& render) {
    checkDiagramOptions(net, o);
    if (positions.size() != net.actors().size()) throw std::invalid_argument("renderDiagram: one position per actor");
    const Taxonomy& t = net.taxonomy;
    const Lang lang = o.lang;
    const std::size_t n = net.actors().size();
    const auto [pageW, pageH] = paperInches(o.paper);
    const double fs = std::sqrt(pageW / 11.69);  // type and actors grow with the paper, less than it
    const Scene scene = selectScene(net, o);
    const Encoding enc = encode(net, scene, o, fs);

    const GraphvizGuard guard;
    graphviz::Context ctx;
    if (!ctx) throw std::runtime_error("Graphviz could not be started");
    bool anyDirected = false;
    for (const Link& l : net.links()) anyDirected = anyDirected || l.directed;
    graphviz::Graph graph("Netzwerk", anyDirected);
    if (!graph) throw std::runtime_error("Graphviz could not create a graph");
    Agraph_t* g = graph.get();
    const std::string font = "DejaVu Sans";
    const double pageWpt = pageW * 72, pageHpt = pageH * 72;
    set(g, "fontname", font);
    set(g, "id", o.svgId);
    // Exactly the page, whatever reaches beyond it: PNG pixels = paper x dpi.
    set(g, "viewport", num(pageWpt) + "," + num(pageHpt) + ",1," + num(pageWpt / 2) + "," + num(pageHpt / 2));
    set(g, "pad", "0");
    set(g, "outputorder", "edgesfirst");
    set(g, "splines", "false");
    if (format == "png") set(g, "dpi", std::to_string(o.dpi));

    // Page: title at the top, legend at the right, footer under the map.
    const double margin = 0.4 * 72 * fs, titleH = (o.subtitle.empty() && scene.focusTitle.empty() ? 0.6 : 0.85) * 72 * fs;
    const double footerH = 0.25 * 72 * fs;
    const double legendW = o.legend ? std::min(0.24 * pageWpt, 2.5 * 72 * fs) : 0;
    const double mapX0 = margin, mapX1 = pageWpt - margin - legendW - (o.legend ? 0.2 * 72 * fs : 0);
    const double mapY0 = margin + footerH, mapY1 = pageHpt - margin - titleH;

    // Names under the actors; the smallest type that keeps them apart, down to 5 pt; below that
    // the names of the least linked actors are left out (they stay in the report's tables).
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < n; ++i)
        if (scene.shown[i]) shown.push_back(i);
    std::vector<Point> pos;
    for (const std::size_t i : shown) pos.push_back(positions[i]);
    std::vector<std::size_t> degree(n, 0);
    for (const Link& l : net.links()) {
        ++degree[*net.actorIndex(l.source)];
        ++degree[*net.actorIndex(l.target)];
    }
    // The lines under an actor: its name (wrapped), its contact person when asked for.
    auto labelLines = [&](std::size_t i) {
        std::vector<std::string> lines = wrapName(net.actors()[i].name);
        if (scene.cutCount[i] > 0)
            lines.push_back(fill(tr(lang, "diagram.cuts_off_count"), {std::to_string(scene.cutCount[i])}));
        if (o.contactPersons && !net.actors()[i].contactPerson.empty()) lines.push_back(net.actors()[i].contactPerson);
        return lines;
    };
    std::vector<char> named(shown.size(), 1);
    // Large maps: names only for the best linked actors from the start.
    const std::size_t maxNamed = static_cast<std::size_t>(250 * fs * fs);
    std::vector<std::size_t> byDegree(shown.size());
    std::iota(byDegree.begin(), byDegree.end(), 0);
    std::stable_sort(byDegree.begin(), byDegree.end(), [&](std::size_t a, std::size_t b) { return degree[shown[a]] > degree[shown[b]]; });
    for (std::size_t r = maxNamed; r < byDegree.size(); ++r) named[byDegree[r]] = 0;
    double fontSize = 7 * fs;
    PrintPlacement placed;
    std::vector<PrintBox> boxes;
    for (int attempt = 0;; ++attempt) {
        boxes.assign(shown.size(), {});
        for (std::size_t k = 0; k < shown.size(); ++k) {
            const double r = enc.diameter[shown[k]] / 2 + (scene.ring[shown[k]] ? 2 : 0);
            double w = 0, h = 0;
            if (named[k]) {
                const std::vector<std::string> lines = labelLines(shown[k]);
                for (const std::string& line : lines) w = std::max(w, layout::estimateLabelSize(line, fontSize).width * 1.05 + 2);
                h = 1.2 * fontSize * static_cast<double>(lines.size()) + 1;
            }
            boxes[k].halfWidth = std::max(r, w / 2);
            boxes[k].halfHeight = (2 * r + (h > 0 ? 1 + h : 0)) / 2;
            boxes[k].dy = -(h > 0 ? 1 + h : 0) / 2;
        }
        placed = placeForPrint(pos, boxes, mapX0, mapY0, mapX1, mapY1);
        if (!placed.overlapsLeft || attempt > 12) break;
        if (fontSize > 5.01 * fs) {
            fontSize = std::max(5 * fs, fontSize - 0.5 * fs);
            continue;
        }
        // Leave out the names of the least linked fifth of those still named.
        std::size_t namedCount = 0;
        for (const char c : named) namedCount += c;
        std::size_t drop = std::max<std::size_t>(1, namedCount / 5);
        for (auto it = byDegree.rbegin(); it != byDegree.rend() && drop > 0; ++it)
            if (named[*it]) {
                named[*it] = 0;
                --drop;
            }
    }

    // Actors.
    std::vector<Agnode_t*> nodes(n, nullptr);
    bool anyContact = false;
    char name[40];
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const std::size_t i = shown[k];
        const Actor& a = net.actors()[i];
        std::snprintf(name, sizeof name, "a%zu", i);
        Agnode_t* node = agnode(g, name, 1);
        nodes[i] = node;
        const Point c = placed.centres[k];
        const bool faded = scene.faded[i];
        std::string fill = enc.fill[i];
        if (faded && !enc.wedged[i]) fill = colorHex(encoding::pale(parseColorHex(fill).value_or(kNoSectorColor)));
        std::string style = "filled";
        if (enc.wedged[i] && !faded && enc.shape[i] == "circle") style = "wedged";
        else if (enc.wedged[i]) fill = fill.substr(0, 7);
        std::string outline = faded ? "#AAAAAA" : "#333333";
        double pen = 0.7;
        if (a.contactPoint && !faded) {
            outline = "#111111";
            pen = 2.0;
            anyContact = true;
        }
        if (scene.ring[i]) {
            outline = colorHex(scene.cutPoints > 0 ? encoding::kAlarm : 0x111111);
            pen = 2.5;
            set(node, "peripheries", "2");  // a double ring, whatever the fill
        }
        if (scene.cutOff[i]) {
            outline = colorHex(encoding::kAlarm);
            pen = 1.6;
            style += ",dashed";
        }
        const std::uint8_t change = o.actorChange.empty() ? kSame : o.actorChange[i];
        if (change == kIsAdded || change == kIsChanged) {
            // A double ring: it shows on a fill of the same colour too.
            outline = colorHex(change == kIsAdded ? encoding::kAdded : encoding::kChanged);
            pen = 2.2;
            set(node, "peripheries", "2");
        } else if (change == kIsRemoved) {
            if (style == "filled") fill = colorHex(encoding::pale(parseColorHex(fill).value_or(kNoSectorColor), 0.25));
            outline = colorHex(encoding::kRemoved);
            pen = 1.8;
            style += ",dashed";
        }
        set(node, "shape", enc.shape[i]);
        set(node, "style", style);
        set(node, "fixedsize", "true");
        set(node, "width", inches(enc.diameter[i]));
        set(node, "height", inches(enc.diameter[i]));
        set(node, "fillcolor", fill);
        set(node, "color", outline);
        set(node, "penwidth", num(pen));
        set(node, "label", "");
        set(node, "pos", num(c.x) + "," + num(c.y));
        if (!named[k]) continue;
        // The name under the actor, on a light backing so that links do not strike it through.
        std::snprintf(name, sizeof name, "n%zu", i);
        Agnode_t* label = agnode(g, name, 1);
        const double h = -2 * boxes[k].dy - 1;
        set(label, "shape", "box");
        set(label, "style", "filled");
        set(label, "fillcolor", "#FFFFFFC8");
        set(label, "color", "#FFFFFF00");
        set(label, "penwidth", "0");
        set(label, "margin", "0.01,0");
        set(label, "width", "0.01");
        set(label, "height", "0.01");
        set(label, "fontname", font);
        set(label, "fontsize", num(fontSize));
        set(label, "fontcolor", faded ? "#777777" : "#111111");
        std::string text;
        for (const std::string& line : labelLines(i)) text += (text.empty() ? "" : "\\n") + plainLabel(line);
        if (scene.cutCount[i] > 0) set(label, "fontcolor", colorHex(encoding::kAlarm));
        if (change == kIsAdded) set(label, "fontcolor", "#0E5A27");
        if (change == kIsRemoved) set(label, "fontcolor", "#8E1416");
        set(label, "label", text);
        set(label, "pos", num(c.x) + "," + num(c.y - enc.diameter[i] / 2 - (scene.ring[i] ? 2 : 0) - 1 - h / 2));
    }
    // Links between actors shown.
    std::set<std::string> typesUsed, statusesUsed;
    bool directedUsed = false;
    bool actorChangeUsed[4] = {false, false, false, false}, linkChangeUsed[4] = {false, false, false, false};
    for (std::size_t i = 0; i < o.actorChange.size(); ++i) actorChangeUsed[o.actorChange[i] & 3] = actorChangeUsed[o.actorChange[i] & 3] || nodes[i];
    for (std::size_t k = 0; k < net.links().size(); ++k) {
        const Link& l = net.links()[k];
        const std::size_t s = *net.actorIndex(l.source), d = *net.actorIndex(l.target);
        if (!nodes[s] || !nodes[d]) continue;
        if (o.hiddenLinkTypes.count(l.type) || o.hiddenStatuses.count(l.status)) continue;
        const std::uint8_t change = o.linkChange.empty() ? kSame : o.linkChange[k];
        linkChangeUsed[change & 3] = true;
        // Sector and ego diagrams: links among the pale context are left out.
        if (scene.faded[s] && scene.faded[d] && (o.focus.kind == FocusKind::Sector || o.focus.kind == FocusKind::Ego)) continue;
        Agedge_t* e = agedge(g, nodes[s], nodes[d], nullptr, 1);
        const Category* type = l.type.empty() ? nullptr : t.byKey(CategoryKind::LinkType, l.type);
        const Category* status = t.byKey(CategoryKind::Status, l.status);
        const bool faded = scene.faded[s] || scene.faded[d];
        const bool cut = (scene.ring[s] && scene.cutOff[d]) || (scene.ring[d] && scene.cutOff[s]);
        typesUsed.insert(type ? type->key : "");
        if (status) statusesUsed.insert(status->key);
        directedUsed = directedUsed || l.directed;
        std::string color = colorHex(type ? type->color : encoding::kUntypedLink) + "B0";
        if (faded) color = "#BBBBBB90";
        if (cut) color = colorHex(encoding::kAlarm);
        double pen = (0.5 + 0.8 * std::min(l.strength, 4.0)) * fs;
        // A comparison: unchanged links pale, the changes in their colours and at least 1.6 pt.
        if (!o.linkChange.empty()) {
            // Unchanged in neutral grey: green and orange then mean new and changed only.
            if (change == kSame) color = "#8C8C8C70";
            else color = colorHex(change == kIsAdded ? encoding::kAdded : change == kIsRemoved ? encoding::kRemoved : encoding::kChanged);
            if (change != kSame) pen = std::max(pen, 1.6 * fs);
        }
        set(e, "color", color);
        set(e, "penwidth", num(pen));
        if (change == kIsRemoved) set(e, "style", "dashed");
        else if (status && status->line != LineStyle::Solid) set(e, "style", status->line == LineStyle::Dashed ? "dashed" : "dotted");
        set(e, "dir", l.directed ? "forward" : "none");
        set(e, "arrowsize", num(0.6 * fs));
    }
    for (const analysis::SuggestedLink& l : scene.suggested) {
        Agedge_t* e = agedge(g, nodes[l.a], nodes[l.b], nullptr, 1);
        set(e, "color", colorHex(encoding::kSuggested));
        set(e, "style", "dashed");
        set(e, "penwidth", num(1.8 * fs));
        set(e, "dir", "none");
    }

    // The legend, drawn with real nodes and edges so that it shows exactly what the map shows.
    if (o.legend && !shown.empty()) {
        std::vector<LegendRow> rows = enc.colorRows;
        rows.insert(rows.end(), enc.shapeRows.begin(), enc.shapeRows.end());
        if (anyContact) {
            LegendRow r;
            r.kind = LegendRow::Node;
            r.outline = "#111111";
            r.penwidth = 2.0;
            r.text = tr(lang, "diagram.contact_point_for_refugees");
            rows.push_back(r);
        }
        if (scene.cutPoints > 0) {
            LegendRow r;
            r.kind = LegendRow::Node;
            r.outline = colorHex(encoding::kAlarm);
            r.penwidth = 2.0;
            r.style = "filled";
            r.peripheries = 2;
            r.size = 8;
            r.text = tr(lang, "diagram.if_it_drops_out_others_are");
            rows.push_back(r);
            r.penwidth = 1.6;
            r.peripheries = 1;
            r.style = "filled,dashed";
            r.text = tr(lang, "diagram.would_be_cut_off");
            rows.push_back(r);
        } else if (o.focus.kind == FocusKind::CutPoints) {
            rows.push_back({LegendRow::Text, tr(lang, "diagram.no_actor_splits_the_network")});
        }
        if (scene.faded.end() != std::find(scene.faded.begin(), scene.faded.end(), 1)) {
            LegendRow r;
            r.kind = LegendRow::Node;
            r.fill = "#E0E0E0";
            r.outline = "#AAAAAA";
            r.text = o.focus.kind == FocusKind::Sector      ? tr(lang, "diagram.partners_in_other_sectors_pale")
                     : o.focus.kind == FocusKind::CutPoints ? tr(lang, "diagram.other_actors_pale")
                                                            : tr(lang, "diagram.further_away_pale");
            rows.push_back(r);
        }
        if (!enc.sizeText.empty()) rows.push_back({LegendRow::Text, enc.sizeText});
        if (!o.actorChange.empty()) {
            rows.push_back({LegendRow::Heading, o.changeSince.empty() ? std::string(tr(lang, "diagram.change"))
                                                                      : std::string(tr(lang, "diagram.change_since")) + quoted(o.changeSince, lang)});
            const struct {
                std::uint8_t change;
                std::uint32_t color;
                const char *label, *style;  // label: catalogue key
            } marks[] = {{kIsAdded, encoding::kAdded, "diagram.mark_new", "filled"},
                         {kIsRemoved, encoding::kRemoved, "diagram.mark_gone", "filled,dashed"},
                         {kIsChanged, encoding::kChanged, "diagram.mark_changed", "filled"}};
            for (const auto& mk : marks) {
                if (!actorChangeUsed[mk.change] && !linkChangeUsed[mk.change]) continue;
                LegendRow r;
                r.kind = LegendRow::Node;
                r.outline = colorHex(mk.color);
                r.fill = "#E8E8E8";
                r.penwidth = mk.change == kIsRemoved ? 1.8 : 2.2;
                r.peripheries = mk.change == kIsRemoved ? 1 : 2;
                r.size = mk.change == kIsRemoved ? 10 : 8;
                r.style = mk.style;
                r.text = std::string(tr(lang, mk.label)) + tr(lang, "diagram.actor");
                if (actorChangeUsed[mk.change]) rows.push_back(r);
                if (linkChangeUsed[mk.change]) rows.push_back({LegendRow::Line, std::string(tr(lang, mk.label)) + tr(lang, "diagram.link"), "circle", "", colorHex(mk.color),
                                mk.change == kIsRemoved ? "dashed" : "", 1.8});
            }
            if (linkChangeUsed[kSame]) rows.push_back({LegendRow::Line, tr(lang, "diagram.unchanged"), "circle", "", "#8C8C8C70", "", 1.3});
        }
        rows.push_back({LegendRow::Heading, tr(lang, "diagram.links")});
        // A comparison colours links by their change, not by their type.
        for (const Category& c : t.linkTypes)
            if (typesUsed.count(c.key) && o.linkChange.empty()) {
                LegendRow r;
                r.kind = LegendRow::Line;
                r.outline = colorHex(c.color);
                r.penwidth = 2.1;
                r.text = c.label(lang);
                rows.push_back(r);
            }
        if (typesUsed.count("") && o.linkChange.empty()) rows.push_back({LegendRow::Line, tr(lang, "diagram.no_type"), "circle", "", "#777777", "", 2.1});
        for (const Category& c : t.statuses)
            if (statusesUsed.count(c.key) && c.line != LineStyle::Solid)
                rows.push_back({LegendRow::Line, c.label(lang), "circle", "", "#555555", c.line == LineStyle::Dashed ? "dashed" : "dotted", 1.3});
        if (!scene.suggested.empty())
            rows.push_back({LegendRow::Line, tr(lang, "diagram.suggested_link"), "circle", "", colorHex(encoding::kSuggested), "dashed", 1.8});
        if (directedUsed) rows.push_back({LegendRow::Line, tr(lang, "diagram.directed"), "circle", "", "#555555", "", 1.3, 10, true});
        rows.push_back({LegendRow::Text, tr(lang, "diagram.line_width_strength")});

        const double rowH = 13 * fs, legendX = pageWpt - margin - legendW;
        const double textW = legendW - 18 * fs;
        // Too many rows for the page: the last ones are summarised.
        const std::size_t maxRows = static_cast<std::size_t>((mapY1 - mapY0) / rowH);
        if (rows.size() > maxRows && maxRows > 2) {
            const std::size_t cut = rows.size() - maxRows + 1;
            rows.resize(maxRows - 1);
            rows.push_back({LegendRow::Text, "… " + std::to_string(cut) + tr(lang, "diagram.more_entries")});
        }
        const double totalH = static_cast<double>(rows.size()) * rowH;
        double y = mapY1 - std::max(0.0, ((mapY1 - mapY0) - totalH) / 3);
        int id = 0;
        for (const LegendRow& r : rows) {
            y -= rowH;
            const double cy = y + rowH / 2;
            const bool heading = r.kind == LegendRow::Heading;
            if (r.kind == LegendRow::Node) {
                std::snprintf(name, sizeof name, "legende_%d_zeichen", id);
                Agnode_t* sym = agnode(g, name, 1);
                set(sym, "shape", r.shape);
                set(sym, "style", r.style);
                set(sym, "fixedsize", "true");
                set(sym, "width", inches(r.size * fs));
                set(sym, "height", inches(r.size * fs));
                set(sym, "fillcolor", r.fill);
                set(sym, "color", r.outline);
                set(sym, "penwidth", num(r.penwidth));
                set(sym, "peripheries", std::to_string(r.peripheries));
                set(sym, "label", "");
                set(sym, "pos", num(legendX + 7 * fs) + "," + num(cy));
            } else if (r.kind == LegendRow::Line) {
                Agnode_t* ends[2];
                for (int k = 0; k < 2; ++k) {
                    std::snprintf(name, sizeof name, "legende_%d_%d", id, k);
                    ends[k] = agnode(g, name, 1);
                    set(ends[k], "shape", "point");
                    set(ends[k], "style", "invis");
                    set(ends[k], "width", "0.01");
                    set(ends[k], "label", "");
                    set(ends[k], "pos", num(legendX + (k ? 14 : 0) * fs) + "," + num(cy));
                }
                Agedge_t* e = agedge(g, ends[0], ends[1], nullptr, 1);
                set(e, "color", r.outline);
                set(e, "penwidth", num(r.penwidth * fs));
                if (!r.style.empty()) set(e, "style", r.style);
                set(e, "dir", r.arrow ? "forward" : "none");
                set(e, "arrowsize", num(0.6 * fs));
            }
            std::snprintf(name, sizeof name, "legende_%d", id++);
            Agnode_t* text = agnode(g, name, 1);
            const double w = heading || r.kind == LegendRow::Text ? legendW : textW;
            set(text, "shape", "plaintext");
            set(text, "fixedsize", "true");
            set(text, "width", inches(w));
            set(text, "height", inches(rowH));
            set(text, "margin", "0");
            set(text, "fontname", font);
            set(text, "fontsize", num((heading ? 9.5 : 8.5) * fs));
            const std::string body = heading ? "<B>" + html(r.text) + "</B>" : html(r.text);
            setHtmlLabel(g, text, "<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD WIDTH=\"" + std::to_string(static_cast<int>(w)) +
                                      "\" HEIGHT=\"" + std::to_string(static_cast<int>(rowH)) + "\" FIXEDSIZE=\"TRUE\" ALIGN=\"LEFT\">" + body +
                                      "</TD></TR></TABLE>");
            set(text, "pos", num(legendX + (heading || r.kind == LegendRow::Text ? 0 : 18 * fs) + w / 2) + "," +
                                 num(cy));
        }
    }
    // The title (with the focus) and the subtitle at the top, the footer at the bottom.
    {
        std::string title = o.title.empty() ? net.name : o.title;
        // A line of text at (x, y), centred.
        auto textLine = [&](const char* id, const std::string& text, double size, const char* color, double x, double y) {
            Agnode_t* line = agnode(g, const_cast<char*>(id), 1);
            set(line, "shape", "plaintext");
            set(line, "fontname", font);
            set(line, "fontsize", num(size));
            set(line, "fontcolor", color);
            set(line, "label", plainLabel(text));
            set(line, "pos", num(x) + "," + num(y));
        };
        textLine("titel", title, 18 * fs, "#000000", pageWpt / 2, pageHpt - margin - 9 * fs);
        std::string sub = scene.focusTitle;
        if (!o.subtitle.empty()) sub += (sub.empty() ? "" : " · ") + o.subtitle;
        if (!sub.empty()) textLine("untertitel", sub, 11 * fs, "#444444", pageWpt / 2, pageHpt - margin - 29 * fs);
        // Counts of the state shown; in a comparison those gone are counted apart.
        std::size_t linksShown = 0, actorsShown = 0, actorsGone = 0, linksGone = 0;
        for (std::size_t k = 0; k < net.links().size(); ++k) {
            if (!nodes[*net.actorIndex(net.links()[k].source)] || !nodes[*net.actorIndex(net.links()[k].target)]) continue;
            const bool gone = !o.linkChange.empty() && o.linkChange[k] == kIsRemoved;
            (gone ? linksGone : linksShown) += 1;
        }
        for (const std::size_t i : shown) (!o.actorChange.empty() && o.actorChange[i] == kIsRemoved ? actorsGone : actorsShown) += 1;
        std::string foot = "Knotenpunkt";
        if (!o.date.empty()) foot += " · " + o.date;
        foot += " · " + std::to_string(actorsShown) + tr(lang, "diagram.actors") + std::to_string(linksShown) + tr(lang, "diagram.links_2");
        if (actorsGone + linksGone > 0)
            foot += std::string(tr(lang, "diagram.gone")) + std::to_string(actorsGone) +
                    (actorsGone == 1 ? tr(lang, "diagram.actor_2") : tr(lang, "diagram.actors")) + std::to_string(linksGone) +
                    (linksGone == 1 ? tr(lang, "diagram.link_2") : tr(lang, "diagram.links_2"));
        std::size_t unnamed = 0;
        for (const char c : named) unnamed += !c;
        if (unnamed > 0)
            foot += " · " + std::to_string(unnamed) + tr(lang, "diagram.names_left_out_for_lack_of");
        const double footW = layout::estimateLabelSize(foot, 7 * fs).width * 1.1;
        textLine("fusszeile", foot, 7 * fs, "#666666", margin + footW / 2, margin + 4 * fs);
    }
    // Two invisible corners make the drawing exactly the page.
    for (const char* corner : {"ecke_unten", "ecke_oben"}) {
        Agnode_t* c = agnode(g, const_cast<char*>(corner), 1);
        set(c, "shape", "point");
        set(c, "style", "invis");
        set(c, "width", "0.01");
        set(c, "label", "");
        set(c, "pos", corner[5] == 'u' ? "0,0" : num(pageWpt) + "," + num(pageHpt));
    }

    if (graph.layout(ctx, "nop2") != 0) throw std::runtime_error("Graphviz could not place the diagram: " + guard.messages());
    render(ctx.get(), g, guard);
}

}  // namespace

bool isDiagramPath(const std::string& path) {
    const std::string ext = extensionOf(path);
    return ext == "svg" || ext == "pdf" || ext == "png";
}

DiagramFocus parseFocus(const std::string& text) {
    DiagramFocus f;
    const std::size_t colon = text.find(':');
    const std::string kind = lower(text.substr(0, colon));
    const std::string target = colon == std::string::npos ? "" : text.substr(colon + 1);
    if (kind == "cut-points" || kind == "schnittpunkte") f.kind = FocusKind::CutPoints;
    else if (kind == "field" || kind == "feld") f.kind = FocusKind::Field;
    else if (kind == "sector" || kind == "sektor") f.kind = FocusKind::Sector;
    else if (kind == "ego" || kind == "akteur" || kind == "actor") f.kind = FocusKind::Ego;
    else if (kind == "none" || kind.empty()) f.kind = FocusKind::None;
    else throw UsageError("--focus \"" + text + "\": write field:NAME, sector:NAME, ego:ACTOR or cut-points");
    if ((f.kind == FocusKind::Field || f.kind == FocusKind::Sector || f.kind == FocusKind::Ego) && target.empty())
        throw UsageError("--focus \"" + text + "\": name the " + (f.kind == FocusKind::Ego ? "actor" : kind) + " after the colon");
    f.target = target;
    return f;
}

void checkDiagramOptions(const Network& net, const DiagramOptions& o) {
    const Taxonomy& t = net.taxonomy;
    const std::set<std::string> names = attributeNames(net);
    const std::vector<std::string> attrs(names.begin(), names.end());
    const std::string colorBy = lower(o.colorBy);
    const auto& metricList = analysis::metricNames();
    if (colorBy != "sector" && colorBy != "field" && colorBy != "community" && colorBy != "level" && !findAttribute(net, o.colorBy) &&
        std::find(metricList.begin(), metricList.end(), colorBy) == metricList.end())
        throw UsageError("--color-by " + o.colorBy + ": not sector, field, community, level or an attribute of this network (attributes: " +
                         known(attrs) + ")");
    const std::string shapeBy = lower(o.shapeBy);
    if (shapeBy != "level" && shapeBy != "none" && !findAttribute(net, o.shapeBy))
        throw UsageError("--shape-by " + o.shapeBy + ": not level, none or an attribute of this network (attributes: " + known(attrs) + ")");
    const std::string sizeBy = lower(o.sizeBy);
    const auto& metrics = analysis::metricNames();
    if (sizeBy != "influence" && sizeBy != "none" && std::find(metrics.begin(), metrics.end(), sizeBy) == metrics.end())
        throw UsageError("--size-by " + o.sizeBy + ": not influence, none or a metric (" + known(metrics) + ")");
    switch (o.focus.kind) {
    case FocusKind::Field:
        if (!t.find(CategoryKind::Field, o.focus.target))
            throw UsageError("--focus field:" + o.focus.target + ": no such field of action (" + known(labelsOf(t.fields, o.lang)) + ")");
        break;
    case FocusKind::Sector:
        if (!t.find(CategoryKind::Sector, o.focus.target))
            throw UsageError("--focus sector:" + o.focus.target + ": no such sector (" + known(labelsOf(t.sectors, o.lang)) + ")");
        break;
    case FocusKind::Ego:
        if (!findActor(net, o.focus.target)) throw UsageError("--focus ego:" + o.focus.target + ": no actor with this id or name");
        if (o.focus.radius < 1) throw UsageError("--radius must be 1 or more");
        break;
    default:
        break;
    }
}

namespace {
// The diagram drawn by Graphviz in a child process with limits (layout/isolation.hpp): a crash
// or hang there costs this diagram, not the caller.
std::string drawIsolated(const Network& net, const std::vector<Point>& positions, const DiagramOptions& o, const std::string& format) {
    checkDiagramOptions(net, o);  // usage errors before any work, in this process
    return runIsolated("Graphviz diagram (" + format + ")", [&] {
        std::string bytes;
        drawDiagram(net, positions, o, format, [&](GVC_t* gvc, Agraph_t* g, const GraphvizGuard& guard) {
            const std::string renderer = format == "svg" ? "svg" : format == "pdf" ? "pdf:cairo" : "png:cairo";
            char* data = nullptr;
            unsigned int length = 0;
            if (gvRenderData(gvc, g, renderer.c_str(), &data, &length) != 0 || !data)
                throw std::runtime_error("Graphviz could not draw the diagram: " + guard.messages());
            bytes.assign(data, length);
            gvFreeRenderData(data);
        });
        return bytes;
    });
}
}  // namespace

void renderDiagram(const Network& net, const std::vector<Point>& positions, const std::string& path, const DiagramOptions& o) {
    const std::string format = extensionOf(path);
    if (!isDiagramPath(path)) throw InputError(path + ": diagrams are written as .svg, .pdf or .png");
    writeFileAtomically(path, drawIsolated(net, positions, o, format));
}

std::string renderDiagramSvg(const Network& net, const std::vector<Point>& positions, const DiagramOptions& o) {
    const std::string svg = drawIsolated(net, positions, o, "svg");
    // Inline: from the <svg> element on (no XML declaration, doctype or comments before it).
    const std::size_t start = svg.find("<svg");
    return start == std::string::npos ? svg : svg.substr(start);
}

}  // namespace knp::report
