#include "report/diagram.hpp"

#include "graphviz/handles.hpp"

#include <algorithm>
#include <array>
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
#include "report/link_routes.hpp"
#include "report/phrasing.hpp"
#include "report/print_layout.hpp"

namespace knp::report {

namespace {

// [SECTION] Text, numbers and look-ups

// A path's extension in lower case, without the dot ("" when none).
std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext.empty() ? ext : ext.substr(1);
}

// Sets an attribute on the graph, a node or an edge (declared when new).
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

// A number with two decimals, as Graphviz attributes take it.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// Points in inches, two decimals.
std::string inches(double points) { return num(points / 72.0); }

// The text in lower case (ASCII).
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

// The shapes for the levels or an attribute's values, in order of use (the last for the rest).
const char* const kShapes[] = {"circle", "box", "diamond", "hexagon", "triangle", "pentagon", "octagon", "invtriangle"};
constexpr std::size_t kShapeCount = sizeof kShapes / sizeof kShapes[0];

// The text as a finite number, or none when it is not one.
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

// An attribute's name as the actors write it (case-insensitive), or none.
std::optional<std::string> findAttribute(const Network& net, const std::string& name) {
    for (const std::string& k : attributeNames(net))
        if (lower(k) == lower(name)) return k;
    return std::nullopt;
}

// Names for an error message: comma-separated, "(none)" when empty.
std::string known(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "(none)" : out;
}

// The categories' labels in `lang`.
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

// [SECTION] The scene: which actors are drawn and how they are marked

// What is drawn: the actors shown and how each is marked.
struct Scene {
    std::vector<char> shown, faded, ring, cutOff;  // by actor
    std::vector<std::size_t> cutCount;             // by actor: how many a cut point cuts off
    std::vector<analysis::SuggestedLink> suggested;
    std::string focusTitle;
    std::size_t cutPoints = 0;
};

// The actors shown and their marks: the focus, the suggested links, then the view's filters.
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

// [SECTION] Encoding: how each actor is filled, sized and shaped

// How each actor is filled, sized and shaped, and the legend rows that say so.
struct Encoding {
    std::vector<std::string> fill;  // "#RRGGBB" or "c1;f:c2;f" (wedges, fields)
    std::vector<bool> wedged;
    std::vector<double> diameter;   // points
    std::vector<std::string> shape;
    std::vector<LegendRow> colorRows, shapeRows;
    std::string sizeText;
};

// A legend row: a filled circle in `color` and its text.
LegendRow swatch(const std::string& text, std::uint32_t color) {
    LegendRow r;
    r.kind = LegendRow::Node;
    r.text = text;
    r.fill = colorHex(color);
    return r;
}

// The palette's colour for the category of rank `r` (most frequent first); beyond it, "other".
std::uint32_t paletteColor(std::size_t r) {
    return r < encoding::kCategoryPaletteSize - 1 ? encoding::kCategoryPalette[r] : encoding::kOtherCategory;
}

// The values counted, most frequent first (ties: by value), each with its count.
template <class Value>
std::vector<std::pair<std::size_t, Value>> byFrequency(const std::map<Value, std::size_t>& counts) {
    std::vector<std::pair<std::size_t, Value>> order;
    for (const auto& [v, k] : counts) order.push_back({k, v});
    std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    return order;
}

// Each value's place in an order of byFrequency.
template <class Value>
std::map<Value, std::size_t> ranksOf(const std::vector<std::pair<std::size_t, Value>>& order) {
    std::map<Value, std::size_t> rank;
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r].second] = r;
    return rank;
}

// Colour by sector: each actor in its sector's colour; a row per sector in use (and "no sector").
void fillBySector(Encoding& e, const Network& net, const Scene& s, Lang lang) {
    const Taxonomy& t = net.taxonomy;
    e.colorRows.push_back({LegendRow::Heading, tr(lang, "diagram.sectors")});
    std::set<std::string> used;
    for (std::size_t i = 0; i < net.actors().size(); ++i)
        if (s.shown[i]) {
            e.fill[i] = colorHex(sectorColor(t, net.actors()[i].sector));
            used.insert(t.byKey(CategoryKind::Sector, net.actors()[i].sector) ? net.actors()[i].sector : "");
        }
    for (const Category& c : t.sectors)
        if (used.count(c.key)) e.colorRows.push_back(swatch(c.label(lang), c.color));
    if (used.count("")) e.colorRows.push_back(swatch(tr(lang, "diagram.no_sector"), kNoSectorColor));
}

// Colour by field of action: one field's colour, or wedges where an actor works in several.
void fillByField(Encoding& e, const Network& net, const Scene& s, Lang lang) {
    const Taxonomy& t = net.taxonomy;
    e.colorRows.push_back({LegendRow::Heading, tr(lang, "diagram.fields_of_action")});
    std::set<std::string> used;
    bool none = false;
    for (std::size_t i = 0; i < net.actors().size(); ++i) {
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
}

// Colour by community (Louvain): the palette by the groups' sizes among the actors shown, largest first.
void fillByCommunity(Encoding& e, const Network& net, const Scene& s, const DiagramOptions& o) {
    const std::size_t n = net.actors().size();
    const Lang lang = o.lang;
    const std::vector<double> community = metricValues(net, o, "community");
    // Largest groups (among the actors shown) first.
    std::map<long, std::size_t> sizes;
    for (std::size_t i = 0; i < n; ++i)
        if (s.shown[i] && std::isfinite(community[i])) ++sizes[std::lround(community[i])];
    const std::vector<std::pair<std::size_t, long>> order = byFrequency(sizes);
    std::map<long, std::size_t> rank = ranksOf(order);
    e.colorRows.push_back({LegendRow::Heading, tr(lang, "diagram.communities_louvain")});
    for (std::size_t i = 0; i < n; ++i)
        if (s.shown[i] && std::isfinite(community[i])) e.fill[i] = colorHex(paletteColor(rank[std::lround(community[i])]));
    for (std::size_t r = 0; r < order.size() && r < encoding::kCategoryPaletteSize - 1; ++r)
        e.colorRows.push_back(swatch(std::string(tr(lang, "diagram.group")) + std::to_string(r + 1) + " (" + std::to_string(order[r].first) + ")",
                                     encoding::kCategoryPalette[r]));
    if (order.size() >= encoding::kCategoryPaletteSize) e.colorRows.push_back(swatch(tr(lang, "diagram.other_groups"), encoding::kOtherCategory));
}

// Colour by a metric (as the view colours by one): viridis by rank among the actors shown.
void fillByMetric(Encoding& e, const Network& net, const Scene& s, const DiagramOptions& o, const std::string& metric) {
    const std::vector<double> v = metricValues(net, o, metric);
    e.colorRows.push_back({LegendRow::Heading, metricLabel(metric, o.lang)});
    const encoding::Scale scale = encoding::scaleOf(v, s.shown);
    const double lo = scale.lo, hi = scale.hi;
    for (std::size_t i = 0; i < net.actors().size(); ++i)
        if (s.shown[i] && std::isfinite(v[i])) e.fill[i] = colorHex(encoding::metricColor(v[i], scale));
    // Colours by rank: each stop names the value at its quantile.
    char buf[64];
    for (int k = 0; k <= 4 && lo <= hi; ++k) {
        std::snprintf(buf, sizeof buf, "%.3g", scale.quantile(k / 4.0));
        e.colorRows.push_back(swatch(buf, encoding::viridis(k / 4.0)));
        if (hi <= lo) break;
    }
}

// An actor's value of `attr`: its level's label for "level", else the attribute ("" when not given).
std::string attributeValue(const Network& net, const std::string& attr, std::size_t i, Lang lang) {
    if (attr == "level") return net.taxonomy.labelOf(CategoryKind::Level, net.actors()[i].level, lang);
    const auto it = net.actors()[i].attributes.find(attr);
    return it == net.actors()[i].attributes.end() ? "" : it->second;
}

// Colour by a numeric attribute: viridis from `lo` to `hi`, five rows of values.
void fillByNumbers(Encoding& e, const Network& net, const Scene& s, const std::string& attr, Lang lang, double lo, double hi) {
    for (std::size_t i = 0; i < net.actors().size(); ++i)
        if (s.shown[i])
            if (const auto v = number(attributeValue(net, attr, i, lang))) e.fill[i] = colorHex(encoding::viridis(hi > lo ? (*v - lo) / (hi - lo) : 0.5));
    char buf[64];
    for (int k = 0; k <= 4; ++k) {
        std::snprintf(buf, sizeof buf, "%g", lo + (hi - lo) * k / 4.0);
        e.colorRows.push_back(swatch(buf, encoding::viridis(k / 4.0)));
        if (hi <= lo) break;
    }
}

// Colour by the level or a categorical attribute: the palette by frequency, the rarest as "others".
void fillByCategories(Encoding& e, const Network& net, const Scene& s, const std::string& attr, Lang lang) {
    const std::size_t n = net.actors().size();
    std::map<std::string, std::size_t> counts;
    for (std::size_t i = 0; i < n; ++i)
        if (s.shown[i] && !attributeValue(net, attr, i, lang).empty()) ++counts[attributeValue(net, attr, i, lang)];
    const std::vector<std::pair<std::size_t, std::string>> order = byFrequency(counts);
    std::map<std::string, std::size_t> rank = ranksOf(order);
    for (std::size_t i = 0; i < n; ++i)
        if (s.shown[i] && !attributeValue(net, attr, i, lang).empty()) e.fill[i] = colorHex(paletteColor(rank[attributeValue(net, attr, i, lang)]));
    for (std::size_t r = 0; r < order.size() && r < encoding::kCategoryPaletteSize - 1; ++r) e.colorRows.push_back(swatch(order[r].second, encoding::kCategoryPalette[r]));
    if (order.size() >= encoding::kCategoryPaletteSize) e.colorRows.push_back(swatch(tr(lang, "diagram.others"), encoding::kOtherCategory));
}

// Colour by the level or an attribute: in viridis when every value given is a number, else by
// category; a row for the actors without a value.
void fillByAttribute(Encoding& e, const Network& net, const Scene& s, const DiagramOptions& o, const std::string& colorBy) {
    const std::size_t n = net.actors().size();
    const Lang lang = o.lang;
    const std::string attr = colorBy == "level" ? "level" : *findAttribute(net, o.colorBy);
    e.colorRows.push_back({LegendRow::Heading, attr == "level" ? tr(lang, "diagram.level") : attr});
    bool numeric = true, any = false;
    double lo = 1e300, hi = -1e300;
    for (std::size_t i = 0; i < n; ++i)
        if (s.shown[i] && !attributeValue(net, attr, i, lang).empty()) {
            any = true;
            if (const auto v = number(attributeValue(net, attr, i, lang))) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            } else numeric = false;
        }
    if (any && numeric && attr != "level") fillByNumbers(e, net, s, attr, lang, lo, hi);
    else fillByCategories(e, net, s, attr, lang);
    bool empty = false;
    for (std::size_t i = 0; i < n; ++i) empty = empty || (s.shown[i] && attributeValue(net, attr, i, lang).empty());
    if (empty) e.colorRows.push_back(swatch(tr(lang, "diagram.not_given"), kNoSectorColor));
}

// Size: diameter by influence (0-5) or by a metric (area grows with the value).
void sizeActors(Encoding& e, const Network& net, const Scene& s, const DiagramOptions& o, double fs) {
    const std::size_t n = net.actors().size();
    const std::string sizeBy = lower(o.sizeBy);
    if (sizeBy == "influence") {
        std::set<int> levels;
        for (std::size_t i = 0; i < n; ++i) {
            e.diameter[i] = (7.0 + 3.0 * std::clamp(net.actors()[i].influence, 0, 5)) * fs;
            if (s.shown[i]) levels.insert(std::clamp(net.actors()[i].influence, 0, 5));
        }
        // Every actor the same size: the legend claims nothing, and where influence is not yet
        // given (0 for all), the actors are drawn at a middle size rather than the least.
        if (levels.size() > 1) e.sizeText = tr(o.lang, "diagram.size_influence_0_5");
        else if (levels.size() == 1 && *levels.begin() == 0)
            for (std::size_t i = 0; i < n; ++i) e.diameter[i] = 13.0 * fs;
    } else if (sizeBy != "none") {
        const std::vector<double> v = metricValues(net, o, sizeBy);
        const encoding::Scale scale = encoding::scaleOf(v, s.shown);
        const double lo = scale.lo, hi = scale.hi;
        for (std::size_t i = 0; i < n; ++i)
            e.diameter[i] = (6.0 + 16.0 * encoding::sizeFraction(v[i], scale)) * fs;
        char buf[96];
        std::snprintf(buf, sizeof buf, " (%.3g–%.3g)", lo > hi ? 0.0 : lo, lo > hi ? 0.0 : hi);
        if (hi > lo) e.sizeText = std::string(tr(o.lang, "diagram.size")) + ": " + metricLabel(sizeBy, o.lang) + buf;
    }
}

// Shape: by level (the taxonomy's order: kommunal, Kreis, Land, Bund) or an attribute.
void shapeActors(Encoding& e, const Network& net, const Scene& s, const DiagramOptions& o) {
    const Taxonomy& t = net.taxonomy;
    const std::string shapeBy = lower(o.shapeBy);
    if (shapeBy == "none") return;
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
    for (std::size_t i = 0; i < net.actors().size(); ++i) {
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
        e.shapeRows.push_back({LegendRow::Heading, level ? tr(o.lang, "diagram.level") : attr});
        for (const std::size_t k : used) {
            LegendRow r;
            r.kind = LegendRow::Node;
            r.shape = kShapes[std::min(k, kShapeCount - 1)];
            r.fill = "#FFFFFF";
            r.text = level ? t.labelOf(CategoryKind::Level, values[k], o.lang) : values[k];
            e.shapeRows.push_back(r);
        }
    }
}

// Fill, size and shape of every actor as the options ask, with their legend rows.
Encoding encode(const Network& net, const Scene& s, const DiagramOptions& o, double fs) {
    const std::size_t n = net.actors().size();
    Encoding e;
    e.fill.assign(n, colorHex(kNoSectorColor));
    e.wedged.assign(n, false);
    e.diameter.assign(n, 8 * fs);
    e.shape.assign(n, "circle");
    const std::string colorBy = lower(o.colorBy);
    if (colorBy == "sector") fillBySector(e, net, s, o.lang);
    else if (colorBy == "field") fillByField(e, net, s, o.lang);
    else if (colorBy == "community") fillByCommunity(e, net, s, o);
    else if (colorBy != "level" && !findAttribute(net, o.colorBy)) fillByMetric(e, net, s, o, colorBy);
    else fillByAttribute(e, net, s, o, colorBy);
    sizeActors(e, net, s, o, fs);
    shapeActors(e, net, s, o);
    return e;
}

// [SECTION] The page and the names' placement

constexpr const char* kFont = "DejaVu Sans";

// Where things go on the page, in points: title at the top, legend at the right, footer under the map.
struct Page {
    double fs = 1;                   // type and actors grow with the paper, less than it
    double mapFs = 1;                // the map's actors, names and lines: fs, larger for few actors
    double width = 0, height = 0;    // the landscape page
    double margin = 0, legendW = 0;  // legendW: 0 without a legend
    double mapX0 = 0, mapY0 = 0, mapX1 = 0, mapY1 = 0;  // the map's area
};

// The page for the options' paper; a title with a second line takes more room.
Page pageOf(const DiagramOptions& o, const Scene& scene) {
    const auto [pageW, pageH] = paperInches(o.paper);
    Page p;
    p.fs = std::sqrt(pageW / 11.69);
    const double fs = p.fs;
    p.width = pageW * 72;
    p.height = pageH * 72;
    p.margin = 0.4 * 72 * fs;
    const double titleH = (o.subtitle.empty() && scene.focusTitle.empty() ? 0.6 : 0.85) * 72 * fs;
    const double footerH = 0.25 * 72 * fs;
    p.legendW = o.legend ? std::min(0.24 * p.width, 2.5 * 72 * fs) : 0;
    p.mapX0 = p.margin;
    p.mapX1 = p.width - p.margin - p.legendW - (o.legend ? 0.2 * 72 * fs : 0);
    p.mapY0 = p.margin + footerH;
    p.mapY1 = p.height - p.margin - titleH;
    // A few actors on a page grow with the room each has (up to 1.8 times; a workshop's first
    // eight actors on A4 get 12-point names), a map of the sample's size and larger keeps fs.
    const double shown = static_cast<double>(std::max<std::size_t>(1, static_cast<std::size_t>(std::count(scene.shown.begin(), scene.shown.end(), 1))));
    const double roomEach = (p.mapX1 - p.mapX0) * (p.mapY1 - p.mapY0) / shown / (fs * fs);
    p.mapFs = fs * std::clamp(std::sqrt(roomEach / 9000), 1.0, 1.8);
    return p;
}

// The graph's own attributes: font, SVG ids, exactly the page, nodes where placed, straight links.
void setGraphAttributes(Agraph_t* g, const DiagramOptions& o, const Page& page, const std::string& format) {
    set(g, "fontname", kFont);
    set(g, "id", o.svgId);
    // Exactly the page, whatever reaches beyond it: PNG pixels = paper x dpi.
    set(g, "viewport", num(page.width) + "," + num(page.height) + ",1," + num(page.width / 2) + "," + num(page.height / 2));
    set(g, "pad", "0");
    set(g, "outputorder", "edgesfirst");
    set(g, "splines", "false");
    if (format == "png") set(g, "dpi", std::to_string(o.dpi));
}

// The actors drawn, where, and which of them are named in what type size.
struct Placement {
    std::vector<std::size_t> shown;  // the actors drawn
    std::vector<char> named;         // by actor drawn: its name is shown
    double fontSize = 0;             // of the names, points
    PrintPlacement placed;           // by actor drawn: its centre on the page
    std::vector<PrintBox> boxes;     // by actor drawn: its symbol with its name
    PrintLinks links;                // the links drawn (network links, then suggested ones)
    std::vector<LinkRoute> routes;   // by link drawn: straight or around the actors in its way
    std::vector<std::uint32_t> routeOfLink, routeOfSuggested;  // by network link, by suggestion: its route (UINT32_MAX: not drawn)
};

// The lines under an actor: its name (wrapped), what it cuts off, its contact person when asked for.
std::vector<std::string> labelLines(const Network& net, const Scene& scene, const DiagramOptions& o, std::size_t i) {
    std::vector<std::string> lines = wrapName(net.actors()[i].name);
    if (scene.cutCount[i] > 0)
        lines.push_back(fill(tr(o.lang, "diagram.cuts_off_count"), {std::to_string(scene.cutCount[i])}));
    if (o.contactPersons && !net.actors()[i].contactPerson.empty()) lines.push_back(net.actors()[i].contactPerson);
    return lines;
}

// The actors drawn (their places in `shown`) by their number of links, the best linked first.
std::vector<std::size_t> byDegree(const Network& net, const std::vector<std::size_t>& shown) {
    std::vector<std::size_t> degree(net.actors().size(), 0);
    for (const Link& l : net.links()) {
        ++degree[*net.actorIndex(l.source)];
        ++degree[*net.actorIndex(l.target)];
    }
    std::vector<std::size_t> order(shown.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return degree[shown[a]] > degree[shown[b]]; });
    return order;
}

// The box each actor drawn takes: its symbol (with its ring) and, where named, its name under it.
std::vector<PrintBox> nameBoxes(const Network& net, const Scene& scene, const Encoding& enc, const DiagramOptions& o, const Placement& p) {
    std::vector<PrintBox> boxes(p.shown.size());
    for (std::size_t k = 0; k < p.shown.size(); ++k) {
        const double r = enc.diameter[p.shown[k]] / 2 + (scene.ring[p.shown[k]] ? 2 : 0);
        double w = 0, h = 0;
        if (p.named[k]) {
            const std::vector<std::string> lines = labelLines(net, scene, o, p.shown[k]);
            for (const std::string& line : lines) w = std::max(w, layout::estimateLabelSize(line, p.fontSize).width * 1.05 + 2);
            h = 1.2 * p.fontSize * static_cast<double>(lines.size()) + 1;
        }
        boxes[k].halfWidth = std::max(r, w / 2);
        boxes[k].halfHeight = (2 * r + (h > 0 ? 1 + h : 0)) / 2;
        boxes[k].dy = -(h > 0 ? 1 + h : 0) / 2;
    }
    return boxes;
}

// Leaves out the names of the least linked fifth of those still named (at least one).
void dropLeastLinkedNames(std::vector<char>& named, const std::vector<std::size_t>& order) {
    std::size_t namedCount = 0;
    for (const char c : named) namedCount += c;
    std::size_t drop = std::max<std::size_t>(1, namedCount / 5);
    for (auto it = order.rbegin(); it != order.rend() && drop > 0; ++it)
        if (named[*it]) {
            named[*it] = 0;
            --drop;
        }
}

// Whether the view's filters leave out link l (its type or its status hidden).
bool hiddenByView(const DiagramOptions& o, const Link& l) { return o.hiddenLinkTypes.count(l.type) || o.hiddenStatuses.count(l.status); }

// Whether a link between s and d joins two actors of the pale context of a sector or ego diagram
// (such links are left out).
bool amongContext(const Scene& scene, const DiagramOptions& o, std::size_t s, std::size_t d) {
    return scene.faded[s] && scene.faded[d] && (o.focus.kind == FocusKind::Sector || o.focus.kind == FocusKind::Ego);
}

// The links drawn (and the suggested ones), between the actors drawn by their places in
// `p.shown`, with each actor's circle: what the placement keeps the actors off.
PrintLinks linksDrawn(const Network& net, const Scene& scene, const Encoding& enc, const DiagramOptions& o, Placement& p,
                      double fs) {
    PrintLinks out;
    p.routeOfLink.assign(net.links().size(), UINT32_MAX);
    p.routeOfSuggested.assign(scene.suggested.size(), UINT32_MAX);
    out.clearance = 2 * fs;
    std::vector<std::uint32_t> place(net.actors().size(), UINT32_MAX);
    for (std::size_t k = 0; k < p.shown.size(); ++k) {
        place[p.shown[k]] = static_cast<std::uint32_t>(k);
        out.radius.push_back(enc.diameter[p.shown[k]] / 2 + (scene.ring[p.shown[k]] ? 2 : 0));
    }
    auto add = [&](std::size_t s, std::size_t d, std::uint32_t& route) {
        if (place[s] == UINT32_MAX || place[d] == UINT32_MAX) return;
        route = static_cast<std::uint32_t>(out.links.size());
        out.links.push_back({place[s], place[d]});
    };
    for (std::size_t k = 0; k < net.links().size(); ++k) {
        const Link& l = net.links()[k];
        const std::size_t s = *net.actorIndex(l.source), d = *net.actorIndex(l.target);
        if (!hiddenByView(o, l) && !amongContext(scene, o, s, d)) add(s, d, p.routeOfLink[k]);
    }
    for (std::size_t k = 0; k < scene.suggested.size(); ++k) add(scene.suggested[k].a, scene.suggested[k].b, p.routeOfSuggested[k]);
    return out;
}

// Names under the actors; the smallest type that keeps them apart, down to 5 pt; below that
// the names of the least linked actors are left out (they stay in the report's tables).
Placement placeActors(const Network& net, const std::vector<Point>& positions, const Scene& scene, const Encoding& enc,
                      const DiagramOptions& o, const Page& page) {
    const double fs = page.mapFs;
    Placement p;
    for (std::size_t i = 0; i < net.actors().size(); ++i)
        if (scene.shown[i]) p.shown.push_back(i);
    std::vector<Point> pos;
    for (const std::size_t i : p.shown) pos.push_back(positions[i]);
    const std::vector<std::size_t> order = byDegree(net, p.shown);
    p.named.assign(p.shown.size(), 1);
    // Large maps: names only for the best linked actors from the start.
    const std::size_t maxNamed = static_cast<std::size_t>(250 * fs * fs);
    for (std::size_t r = maxNamed; r < order.size(); ++r) p.named[order[r]] = 0;
    p.fontSize = 7 * fs;
    p.links = linksDrawn(net, scene, enc, o, p, fs);
    const PrintLinks& links = p.links;
    for (int attempt = 0;; ++attempt) {
        p.boxes = nameBoxes(net, scene, enc, o, p);
        p.placed = placeForPrint(pos, p.boxes, page.mapX0, page.mapY0, page.mapX1, page.mapY1, links);
        if (!p.placed.overlapsLeft || attempt > 12) break;
        if (p.fontSize > 5.01 * fs) {
            p.fontSize = std::max(5 * fs, p.fontSize - 0.5 * fs);
            continue;
        }
        dropLeastLinkedNames(p.named, order);
    }
    // What placement could not clear: those links go around the actors in their way.
    p.routes = routeAroundActors(p.placed.centres, links, {page.mapX0, page.mapY0, page.mapX1, page.mapY1});
    return p;
}

// [SECTION] Actors and links

// The Graphviz nodes of the actors (null where not drawn) and whether a contact point is drawn.
struct ActorNodes {
    std::vector<Agnode_t*> nodes;  // by actor
    bool anyContact = false;
};

// An actor's change in a comparison (kSame without one).
std::uint8_t actorChangeOf(const DiagramOptions& o, std::size_t i) { return o.actorChange.empty() ? kSame : o.actorChange[i]; }

// An actor's symbol at `c`: filled, sized and shaped by the encoding, pale, ringed or dashed by
// the focus, marked by the comparison. Returns whether it is drawn as a contact point.
bool styleActor(Agnode_t* node, const Network& net, const Scene& scene, const Encoding& enc, const DiagramOptions& o, std::size_t i,
                const Point& c) {
    const Actor& a = net.actors()[i];
    bool contact = false;
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
        contact = true;
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
    const std::uint8_t change = actorChangeOf(o, i);
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
    return contact;
}

// The name under the k-th actor drawn, on a light backing so that links do not strike it through.
void addActorName(Agraph_t* g, const Network& net, const Scene& scene, const Encoding& enc, const DiagramOptions& o, const Placement& p,
                  std::size_t k) {
    const std::size_t i = p.shown[k];
    const Point c = p.placed.centres[k];
    const std::uint8_t change = actorChangeOf(o, i);
    char name[40];
    std::snprintf(name, sizeof name, "n%zu", i);
    Agnode_t* label = agnode(g, name, 1);
    const double h = -2 * p.boxes[k].dy - 1;
    set(label, "shape", "box");
    set(label, "style", "filled");
    set(label, "fillcolor", "#FFFFFFC8");
    set(label, "color", "#FFFFFF00");
    set(label, "penwidth", "0");
    set(label, "margin", "0.01,0");
    set(label, "width", "0.01");
    set(label, "height", "0.01");
    set(label, "fontname", kFont);
    set(label, "fontsize", num(p.fontSize));
    set(label, "fontcolor", scene.faded[i] ? "#777777" : "#111111");
    std::string text;
    for (const std::string& line : labelLines(net, scene, o, i)) text += (text.empty() ? "" : "\\n") + plainLabel(line);
    if (scene.cutCount[i] > 0) set(label, "fontcolor", colorHex(encoding::kAlarm));
    if (change == kIsAdded) set(label, "fontcolor", "#0E5A27");
    if (change == kIsRemoved) set(label, "fontcolor", "#8E1416");
    set(label, "label", text);
    set(label, "pos", num(c.x) + "," + num(c.y - enc.diameter[i] / 2 - (scene.ring[i] ? 2 : 0) - 1 - h / 2));
}

// Every actor drawn, each with its name where there is room.
ActorNodes addActors(Agraph_t* g, const Network& net, const Scene& scene, const Encoding& enc, const DiagramOptions& o, const Placement& p) {
    ActorNodes drawn;
    drawn.nodes.assign(net.actors().size(), nullptr);
    char name[40];
    for (std::size_t k = 0; k < p.shown.size(); ++k) {
        const std::size_t i = p.shown[k];
        std::snprintf(name, sizeof name, "a%zu", i);
        Agnode_t* node = agnode(g, name, 1);
        drawn.nodes[i] = node;
        if (styleActor(node, net, scene, enc, o, i, p.placed.centres[k])) drawn.anyContact = true;
        if (p.named[k]) addActorName(g, net, scene, enc, o, p, k);
    }
    return drawn;
}

// What the drawing uses, for the legend: link types and statuses, arrows, changes of actors and links.
struct LinksUsed {
    std::set<std::string> types, statuses;
    bool directed = false;
    bool actorChange[4] = {false, false, false, false}, linkChange[4] = {false, false, false, false};
};

// A link's line: its type's colour (pale in the context, alarm red where a cut point cuts it off),
// as wide as its strength, dashed or dotted by status; in a comparison coloured by its change.
void styleLink(Agedge_t* e, const Link& l, const Category* type, const Category* status, bool faded, bool cut, std::uint8_t change,
               const DiagramOptions& o, double fs) {
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

// The part of the cubic Bézier p[0..3] between t0 and t1 (de Casteljau twice).
std::array<Point, 4> subCurve(std::array<Point, 4> p, double t0, double t1) {
    auto split = [](const std::array<Point, 4>& q, double t, bool left) {
        auto mix = [t](const Point& a, const Point& b) { return Point{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}; };
        const Point a = mix(q[0], q[1]), b = mix(q[1], q[2]), c = mix(q[2], q[3]), d = mix(a, b), e = mix(b, c), f = mix(d, e);
        return left ? std::array<Point, 4>{q[0], a, d, f} : std::array<Point, 4>{f, e, c, q[3]};
    };
    p = split(p, t1, true);
    return t1 > 1e-9 ? split(p, t0 / t1, false) : p;
}

// A curved link's Graphviz "pos": the curve from where it leaves its first actor's circle to
// where it meets the second's, or with an arrow, to the arrow's base and "e," its tip on the
// circle (Graphviz 2.43 draws an arrow 10 x arrowsize points long). Straight links get none:
// Graphviz draws and clips them itself.
void setRoute(Agedge_t* e, const Placement& p, std::uint32_t route, bool arrow, double arrowSize) {
    if (route == UINT32_MAX || !p.routes[route].curved) return;
    const layout::LinkEnds& ends = p.links.links[route];
    const Point a = p.placed.centres[ends.a], b = p.placed.centres[ends.b];
    const LinkRoute& r = p.routes[route];
    const std::array<Point, 4> whole{a, r.c1, r.c2, b};
    constexpr int kSteps = 400;
    auto at = [&](int i) { return routePoint(a, b, r, static_cast<double>(i) / kSteps); };
    auto away = [](const Point& u, const Point& v) { return std::hypot(u.x - v.x, u.y - v.y); };
    int first = 0, last = kSteps;
    while (first < kSteps && away(at(first), a) < p.links.radius[ends.a]) ++first;
    while (last > first && away(at(last), b) < p.links.radius[ends.b]) --last;
    const Point tip = at(last);
    int end = last;
    if (arrow)
        while (end > first && away(at(end), tip) < 10 * arrowSize) --end;
    const std::array<Point, 4> c = subCurve(whole, static_cast<double>(first) / kSteps, static_cast<double>(end) / kSteps);
    std::string pos = arrow ? "e," + num(tip.x) + "," + num(tip.y) + " " : "";
    for (std::size_t i = 0; i < 4; ++i) pos += (i ? " " : "") + num(c[i].x) + "," + num(c[i].y);
    set(e, "pos", pos);
}

// The links between actors drawn (less those the view hides and those among the pale context).
LinksUsed addLinks(Agraph_t* g, const Network& net, const Scene& scene, const DiagramOptions& o, const std::vector<Agnode_t*>& nodes,
                   const Placement& placement, double fs) {
    const Taxonomy& t = net.taxonomy;
    LinksUsed used;
    for (std::size_t i = 0; i < o.actorChange.size(); ++i) used.actorChange[o.actorChange[i] & 3] = used.actorChange[o.actorChange[i] & 3] || nodes[i];
    for (std::size_t k = 0; k < net.links().size(); ++k) {
        const Link& l = net.links()[k];
        const std::size_t s = *net.actorIndex(l.source), d = *net.actorIndex(l.target);
        if (!nodes[s] || !nodes[d]) continue;
        if (hiddenByView(o, l)) continue;
        const std::uint8_t change = o.linkChange.empty() ? kSame : o.linkChange[k];
        used.linkChange[change & 3] = true;
        if (amongContext(scene, o, s, d)) continue;
        Agedge_t* e = agedge(g, nodes[s], nodes[d], nullptr, 1);
        const Category* type = l.type.empty() ? nullptr : t.byKey(CategoryKind::LinkType, l.type);
        const Category* status = t.byKey(CategoryKind::Status, l.status);
        const bool faded = scene.faded[s] || scene.faded[d];
        const bool cut = (scene.ring[s] && scene.cutOff[d]) || (scene.ring[d] && scene.cutOff[s]);
        used.types.insert(type ? type->key : "");
        if (status) used.statuses.insert(status->key);
        used.directed = used.directed || l.directed;
        styleLink(e, l, type, status, faded, cut, change, o, fs);
        setRoute(e, placement, placement.routeOfLink[k], l.directed, 0.6 * fs);
    }
    return used;
}

// The gap analysis' suggested links, dashed.
void addSuggestedLinks(Agraph_t* g, const Scene& scene, const std::vector<Agnode_t*>& nodes, const Placement& placement, double fs) {
    for (std::size_t k = 0; k < scene.suggested.size(); ++k) {
        const analysis::SuggestedLink& l = scene.suggested[k];
        Agedge_t* e = agedge(g, nodes[l.a], nodes[l.b], nullptr, 1);
        setRoute(e, placement, placement.routeOfSuggested[k], false, 0);
        set(e, "color", colorHex(encoding::kSuggested));
        set(e, "style", "dashed");
        set(e, "penwidth", num(1.8 * fs));
        set(e, "dir", "none");
    }
}

// [SECTION] The legend

// Legend rows for the marks on actors: contact points, cut points and whom they cut off, the pale
// context, the size.
void addMarkRows(std::vector<LegendRow>& rows, const Scene& scene, const Encoding& enc, const DiagramOptions& o, bool anyContact) {
    const Lang lang = o.lang;
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
}

// Legend rows for a comparison: new, gone and changed actors and links (those in use), unchanged links.
void addChangeRows(std::vector<LegendRow>& rows, const DiagramOptions& o, const LinksUsed& used) {
    const Lang lang = o.lang;
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
        if (!used.actorChange[mk.change] && !used.linkChange[mk.change]) continue;
        LegendRow r;
        r.kind = LegendRow::Node;
        r.outline = colorHex(mk.color);
        r.fill = "#E8E8E8";
        r.penwidth = mk.change == kIsRemoved ? 1.8 : 2.2;
        r.peripheries = mk.change == kIsRemoved ? 1 : 2;
        r.size = mk.change == kIsRemoved ? 10 : 8;
        r.style = mk.style;
        r.text = std::string(tr(lang, mk.label)) + tr(lang, "diagram.actor");
        if (used.actorChange[mk.change]) rows.push_back(r);
        if (used.linkChange[mk.change]) rows.push_back({LegendRow::Line, std::string(tr(lang, mk.label)) + tr(lang, "diagram.link"), "circle", "", colorHex(mk.color),
                        mk.change == kIsRemoved ? "dashed" : "", 1.8});
    }
    if (used.linkChange[kSame]) rows.push_back({LegendRow::Line, tr(lang, "diagram.unchanged"), "circle", "", "#8C8C8C70", "", 1.3});
}

// Legend rows for the links: their types (not in a comparison, which colours by change), the
// statuses drawn dashed or dotted, suggested links, arrows, the width.
void addLinkRows(std::vector<LegendRow>& rows, const Taxonomy& t, const Scene& scene, const DiagramOptions& o, const LinksUsed& used) {
    const Lang lang = o.lang;
    rows.push_back({LegendRow::Heading, tr(lang, "diagram.links")});
    // A comparison colours links by their change, not by their type.
    for (const Category& c : t.linkTypes)
        if (used.types.count(c.key) && o.linkChange.empty()) {
            LegendRow r;
            r.kind = LegendRow::Line;
            r.outline = colorHex(c.color);
            r.penwidth = 2.1;
            r.text = c.label(lang);
            rows.push_back(r);
        }
    if (used.types.count("") && o.linkChange.empty()) rows.push_back({LegendRow::Line, tr(lang, "diagram.no_type"), "circle", "", "#777777", "", 2.1});
    for (const Category& c : t.statuses)
        if (used.statuses.count(c.key) && c.line != LineStyle::Solid)
            rows.push_back({LegendRow::Line, c.label(lang), "circle", "", "#555555", c.line == LineStyle::Dashed ? "dashed" : "dotted", 1.3});
    if (!scene.suggested.empty())
        rows.push_back({LegendRow::Line, tr(lang, "diagram.suggested_link"), "circle", "", colorHex(encoding::kSuggested), "dashed", 1.8});
    if (used.directed) rows.push_back({LegendRow::Line, tr(lang, "diagram.directed"), "circle", "", "#555555", "", 1.3, 10, true});
    rows.push_back({LegendRow::Text, tr(lang, "diagram.line_width_strength")});
}

// Every row of the legend: colour, shape, marks on actors, changes, links.
std::vector<LegendRow> legendRows(const Network& net, const Scene& scene, const Encoding& enc, const DiagramOptions& o, bool anyContact,
                                  const LinksUsed& used) {
    std::vector<LegendRow> rows = enc.colorRows;
    rows.insert(rows.end(), enc.shapeRows.begin(), enc.shapeRows.end());
    addMarkRows(rows, scene, enc, o, anyContact);
    if (!o.actorChange.empty()) addChangeRows(rows, o, used);
    addLinkRows(rows, net.taxonomy, scene, o, used);
    return rows;
}

// Too many rows for the page: the last ones are summarised in one.
void fitLegendRows(std::vector<LegendRow>& rows, const Page& page, double rowH, Lang lang) {
    const std::size_t maxRows = static_cast<std::size_t>((page.mapY1 - page.mapY0) / rowH);
    if (rows.size() > maxRows && maxRows > 2) {
        const std::size_t cut = rows.size() - maxRows + 1;
        rows.resize(maxRows - 1);
        rows.push_back({LegendRow::Text, "… " + std::to_string(cut) + tr(lang, "diagram.more_entries")});
    }
}

// An HTML-like label: a cell of fixed size with left-aligned text (entities only).
void setHtmlLabel(Agraph_t* g, Agnode_t* n, const std::string& markup) {
    Agsym_t* label = agattr(g, AGNODE, const_cast<char*>("label"), nullptr);
    if (!label) label = agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>("\\N"));
    char* m = agstrdup_html(g, const_cast<char*>(markup.c_str()));
    agxset(n, label, m);
    agstrfree(g, m);
}

// A legend row's sample of an actor: its shape, fill and outline, centred at (x + 7, cy).
void addLegendSymbol(Agraph_t* g, const LegendRow& r, int id, double x, double cy, double fs) {
    char name[40];
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
    set(sym, "pos", num(x + 7 * fs) + "," + num(cy));
}

// A legend row's sample of a link: a short line between two invisible points, an arrow where asked.
void addLegendLine(Agraph_t* g, const LegendRow& r, int id, double x, double cy, double fs) {
    char name[40];
    Agnode_t* ends[2];
    for (int k = 0; k < 2; ++k) {
        std::snprintf(name, sizeof name, "legende_%d_%d", id, k);
        ends[k] = agnode(g, name, 1);
        set(ends[k], "shape", "point");
        set(ends[k], "style", "invis");
        set(ends[k], "width", "0.01");
        set(ends[k], "label", "");
        set(ends[k], "pos", num(x + (k ? 14 : 0) * fs) + "," + num(cy));
    }
    Agedge_t* e = agedge(g, ends[0], ends[1], nullptr, 1);
    set(e, "color", r.outline);
    set(e, "penwidth", num(r.penwidth * fs));
    if (!r.style.empty()) set(e, "style", r.style);
    set(e, "dir", r.arrow ? "forward" : "none");
    set(e, "arrowsize", num(0.6 * fs));
}

// A legend row's text, `w` wide, left-aligned (headings bold, headings and notes from the left edge x).
void addLegendText(Agraph_t* g, const LegendRow& r, int id, double x, double cy, double w, double rowH, double fs) {
    const bool heading = r.kind == LegendRow::Heading;
    char name[40];
    std::snprintf(name, sizeof name, "legende_%d", id);
    Agnode_t* text = agnode(g, name, 1);
    set(text, "shape", "plaintext");
    set(text, "fixedsize", "true");
    set(text, "width", inches(w));
    set(text, "height", inches(rowH));
    set(text, "margin", "0");
    set(text, "fontname", kFont);
    set(text, "fontsize", num((heading ? 9.5 : 8.5) * fs));
    const std::string body = heading ? "<B>" + html(r.text) + "</B>" : html(r.text);
    setHtmlLabel(g, text, "<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD WIDTH=\"" + std::to_string(static_cast<int>(w)) +
                              "\" HEIGHT=\"" + std::to_string(static_cast<int>(rowH)) + "\" FIXEDSIZE=\"TRUE\" ALIGN=\"LEFT\">" + body +
                              "</TD></TR></TABLE>");
    set(text, "pos", num(x + (heading || r.kind == LegendRow::Text ? 0 : 18 * fs) + w / 2) + "," + num(cy));
}

// The legend at the right of the map, drawn with real nodes and edges so that it shows exactly
// what the map shows; a third of the room left above it.
void addLegend(Agraph_t* g, std::vector<LegendRow> rows, const Page& page, Lang lang) {
    const double fs = page.fs;
    const double rowH = 13 * fs, legendX = page.width - page.margin - page.legendW;
    const double textW = page.legendW - 18 * fs;
    fitLegendRows(rows, page, rowH, lang);
    const double totalH = static_cast<double>(rows.size()) * rowH;
    double y = page.mapY1 - std::max(0.0, ((page.mapY1 - page.mapY0) - totalH) / 3);
    int id = 0;
    for (const LegendRow& r : rows) {
        y -= rowH;
        const double cy = y + rowH / 2;
        if (r.kind == LegendRow::Node) addLegendSymbol(g, r, id, legendX, cy, fs);
        else if (r.kind == LegendRow::Line) addLegendLine(g, r, id, legendX, cy, fs);
        const double w = r.kind == LegendRow::Heading || r.kind == LegendRow::Text ? page.legendW : textW;
        addLegendText(g, r, id++, legendX, cy, w, rowH, fs);
    }
}

// [SECTION] Title, footer and the page's corners

// A line of text at (x, y), centred.
void addTextLine(Agraph_t* g, const char* id, const std::string& text, double size, const char* color, double x, double y) {
    Agnode_t* line = agnode(g, const_cast<char*>(id), 1);
    set(line, "shape", "plaintext");
    set(line, "fontname", kFont);
    set(line, "fontsize", num(size));
    set(line, "fontcolor", color);
    set(line, "label", plainLabel(text));
    set(line, "pos", num(x) + "," + num(y));
}

// The footer: Knotenpunkt, the date, the counts of the state shown (in a comparison those gone
// apart), how many names were left out.
std::string footerText(const Network& net, const DiagramOptions& o, const Placement& p, const std::vector<Agnode_t*>& nodes) {
    const Lang lang = o.lang;
    std::size_t linksShown = 0, actorsShown = 0, actorsGone = 0, linksGone = 0;
    for (std::size_t k = 0; k < net.links().size(); ++k) {
        if (!nodes[*net.actorIndex(net.links()[k].source)] || !nodes[*net.actorIndex(net.links()[k].target)]) continue;
        const bool gone = !o.linkChange.empty() && o.linkChange[k] == kIsRemoved;
        (gone ? linksGone : linksShown) += 1;
    }
    for (const std::size_t i : p.shown) (!o.actorChange.empty() && o.actorChange[i] == kIsRemoved ? actorsGone : actorsShown) += 1;
    std::string foot = "Knotenpunkt";
    if (!o.date.empty()) foot += " · " + o.date;
    foot += " · " + std::to_string(actorsShown) + tr(lang, "diagram.actors") + std::to_string(linksShown) + tr(lang, "diagram.links_2");
    if (actorsGone + linksGone > 0)
        foot += std::string(tr(lang, "diagram.gone")) + std::to_string(actorsGone) +
                (actorsGone == 1 ? tr(lang, "diagram.actor_2") : tr(lang, "diagram.actors")) + std::to_string(linksGone) +
                (linksGone == 1 ? tr(lang, "diagram.link_2") : tr(lang, "diagram.links_2"));
    std::size_t unnamed = 0;
    for (const char c : p.named) unnamed += !c;
    if (unnamed > 0)
        foot += " · " + std::to_string(unnamed) + tr(lang, "diagram.names_left_out_for_lack_of");
    return foot;
}

// The title (with the focus) and the subtitle at the top, the footer at the bottom left.
void addTitleAndFooter(Agraph_t* g, const Network& net, const Scene& scene, const DiagramOptions& o, const Page& page, const std::string& foot) {
    const double fs = page.fs;
    const std::string title = o.title.empty() ? net.name : o.title;
    addTextLine(g, "titel", title, 18 * fs, "#000000", page.width / 2, page.height - page.margin - 9 * fs);
    std::string sub = scene.focusTitle;
    if (!o.subtitle.empty()) sub += (sub.empty() ? "" : " · ") + o.subtitle;
    if (!sub.empty()) addTextLine(g, "untertitel", sub, 11 * fs, "#444444", page.width / 2, page.height - page.margin - 29 * fs);
    const double footW = layout::estimateLabelSize(foot, 7 * fs).width * 1.1;
    addTextLine(g, "fusszeile", foot, 7 * fs, "#666666", page.margin + footW / 2, page.margin + 4 * fs);
}

// Two invisible corners make the drawing exactly the page.
void addPageCorners(Agraph_t* g, const Page& page) {
    for (const char* corner : {"ecke_unten", "ecke_oben"}) {
        Agnode_t* c = agnode(g, const_cast<char*>(corner), 1);
        set(c, "shape", "point");
        set(c, "style", "invis");
        set(c, "width", "0.01");
        set(c, "label", "");
        set(c, "pos", corner[5] == 'u' ? "0,0" : num(page.width) + "," + num(page.height));
    }
}

// [SECTION] The drawing

// Builds the Graphviz graph of the diagram and hands it, laid out, to `render`.
void drawDiagram(const Network& net, const std::vector<Point>& positions, const DiagramOptions& o, const std::string& format,
                 const std::function<void(GVC_t*, Agraph_t*, const GraphvizGuard&)>& render) {
    checkDiagramOptions(net, o);
    if (positions.size() != net.actors().size()) throw std::invalid_argument("renderDiagram: one position per actor");
    const Scene scene = selectScene(net, o);
    const Page page = pageOf(o, scene);
    const Encoding enc = encode(net, scene, o, page.mapFs);

    const GraphvizGuard guard;
    graphviz::Context ctx;
    if (!ctx) throw std::runtime_error("Graphviz could not be started");
    bool anyDirected = false;
    for (const Link& l : net.links()) anyDirected = anyDirected || l.directed;
    graphviz::Graph graph("Netzwerk", anyDirected);
    if (!graph) throw std::runtime_error("Graphviz could not create a graph");
    Agraph_t* g = graph.get();
    setGraphAttributes(g, o, page, format);

    // The order of these calls is the order of the nodes and edges in the output.
    const Placement placement = placeActors(net, positions, scene, enc, o, page);
    const ActorNodes drawn = addActors(g, net, scene, enc, o, placement);
    const LinksUsed used = addLinks(g, net, scene, o, drawn.nodes, placement, page.mapFs);
    addSuggestedLinks(g, scene, drawn.nodes, placement, page.mapFs);
    if (o.legend && !placement.shown.empty()) addLegend(g, legendRows(net, scene, enc, o, drawn.anyContact, used), page, o.lang);
    addTitleAndFooter(g, net, scene, o, page, footerText(net, o, placement, drawn.nodes));
    addPageCorners(g, page);

    if (graph.layout(ctx, "nop2") != 0) throw std::runtime_error("Graphviz could not place the diagram: " + guard.messages());
    render(ctx.get(), g, guard);
}

}  // namespace

// [SECTION] Public functions

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

DiagramPlacement placeDiagram(const Network& net, const std::vector<Point>& positions, const DiagramOptions& o) {
    checkDiagramOptions(net, o);
    if (positions.size() != net.actors().size()) throw std::invalid_argument("placeDiagram: one position per actor");
    const Scene scene = selectScene(net, o);
    const Page page = pageOf(o, scene);
    const Encoding enc = encode(net, scene, o, page.mapFs);
    Placement p = placeActors(net, positions, scene, enc, o, page);
    DiagramPlacement out;
    out.links = std::move(p.links);
    out.routes = std::move(p.routes);
    out.actors = std::move(p.shown);
    out.centres = std::move(p.placed.centres);
    out.named = std::move(p.named);
    out.overlapsLeft = p.placed.overlapsLeft;
    return out;
}

std::string renderDiagramSvg(const Network& net, const std::vector<Point>& positions, const DiagramOptions& o) {
    const std::string svg = drawIsolated(net, positions, o, "svg");
    // Inline: from the <svg> element on (no XML declaration, doctype or comments before it).
    const std::size_t start = svg.find("<svg");
    return start == std::string::npos ? svg : svg.substr(start);
}

}  // namespace knp::report
