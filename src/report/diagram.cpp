#include "report/diagram.hpp"

#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "core/errors.hpp"
#include "io/file_output.hpp"
#include "layout/graphviz_guard.hpp"

namespace knp::report {

namespace {

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext.empty() ? ext : ext.substr(1);
}

void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

// A label Graphviz shows as written: backslashes doubled, so that \N, \G, \E, \T, \H, \L and
// \n are text, not escape sequences.
std::string plainLabel(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
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

// Landscape paper in inches.
std::pair<double, double> paperInches(const std::string& paper) {
    if (paper == "a3") return {16.54, 11.69};
    if (paper == "a0") return {46.81, 33.11};
    return {11.69, 8.27};
}

struct Gvc {
    GVC_t* gvc = gvContext();
    ~Gvc() { if (gvc) gvFreeContext(gvc); }
};

struct Graph {
    Agraph_t* g = nullptr;
    GVC_t* laidOutBy = nullptr;
    ~Graph() {
        if (g && laidOutBy) gvFreeLayout(laidOutBy, g);
        if (g) agclose(g);
    }
};

}  // namespace

bool isDiagramPath(const std::string& path) {
    const std::string ext = extensionOf(path);
    return ext == "svg" || ext == "pdf" || ext == "png";
}

void renderDiagram(const Network& net, const std::vector<layout::Point>& positions, const std::string& path, const DiagramOptions& o) {
    const std::string format = extensionOf(path);
    if (!isDiagramPath(path)) throw InputError(path + ": diagrams are written as .svg, .pdf or .png");
    if (positions.size() != net.actors().size()) throw std::invalid_argument("renderDiagram: one position per actor");
    const Taxonomy& t = net.taxonomy;
    const GraphvizGuard guard;
    Gvc ctx;
    if (!ctx.gvc) throw std::runtime_error("Graphviz could not be started");
    bool anyDirected = false;
    for (const Link& l : net.links()) anyDirected = anyDirected || l.directed;
    Graph graph;
    graph.g = agopen(const_cast<char*>("Netzwerk"), anyDirected ? Agdirected : Agundirected, nullptr);
    Agraph_t* g = graph.g;
    const auto [pageW, pageH] = paperInches(o.paper);
    const std::string font = "DejaVu Sans";
    set(g, "fontname", font);
    // Exactly the page, whatever reaches beyond it: PNG pixels = paper x dpi.
    set(g, "viewport", num(pageW * 72) + "," + num(pageH * 72) + ",1," + num(pageW * 36) + "," + num(pageH * 36));
    set(g, "pad", "0");
    set(g, "outputorder", "edgesfirst");
    set(g, "forcelabels", "true");
    set(g, "splines", "true");
    if (format == "png") set(g, "dpi", std::to_string(o.dpi));

    // The map is fitted into the page left of the legend (a quarter of the width), under the
    // title; actors and type keep their size in inches, so names stay readable on paper.
    double minX = 1e300, maxX = -1e300, minY = 1e300, maxY = -1e300;
    for (const layout::Point& p : positions) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    const double pageWpt = pageW * 72, pageHpt = pageH * 72, margin = 0.4 * 72, legendW = std::min(0.25 * pageWpt, 3.2 * 72), titleH = 0.8 * 72;
    // Room for the names of the actors at the edges (they stand beside or over their circles):
    // half the longest name at 7 pt, at most three inches.
    std::size_t longest = 0;
    for (const Actor& a : net.actors()) longest = std::max(longest, a.name.size());
    const double labelRoom = std::min(3.0 * 72, 8 + 0.5 * static_cast<double>(longest) * 4.3);
    const double boxW = pageWpt - legendW - 2 * margin - 2 * labelRoom, boxH = pageHpt - titleH - 2 * margin;
    const double spanX = std::max(1.0, maxX - minX), spanY = std::max(1.0, maxY - minY);
    const double scale = positions.empty() ? 1.0 : std::min(boxW / spanX, boxH / spanY);
    auto place = [&](const layout::Point& p) {
        return num(margin + labelRoom + (p.x - minX) * scale + (boxW - spanX * scale) / 2) + "," +
               num(margin + (p.y - minY) * scale + (boxH - spanY * scale) / 2);
    };
    // Actors: positions in points (neato -n2 takes them as they are).
    std::vector<Agnode_t*> nodes(net.actors().size());
    std::set<std::string> sectorsUsed, typesUsed, statusesUsed;
    bool anyContact = false, anyState = false;
    char name[32];
    for (std::size_t i = 0; i < net.actors().size(); ++i) {
        const Actor& a = net.actors()[i];
        std::snprintf(name, sizeof name, "a%zu", i);
        Agnode_t* n = agnode(g, name, 1);
        nodes[i] = n;
        sectorsUsed.insert(a.sector);
        const double size = (7.0 + 3.0 * a.influence) / 72.0;  // inches
        const bool state = a.level == "land" || a.level == "bund";
        anyState = anyState || state;
        anyContact = anyContact || a.contactPoint;
        set(n, "shape", state ? "doublecircle" : a.contactPoint ? "box" : "circle");
        set(n, "style", a.contactPoint ? "filled,rounded" : "filled");
        set(n, "fixedsize", "true");
        set(n, "width", num(size));
        set(n, "height", num(size));
        set(n, "fillcolor", colorHex(sectorColor(t, a.sector)));
        set(n, "color", "#333333");
        set(n, "penwidth", "0.8");
        set(n, "label", "");
        set(n, "xlabel", plainLabel(a.name));
        set(n, "fontname", font);
        set(n, "fontsize", "7");
        set(n, "pos", place(positions[i]));
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < net.actors().size(); ++i) index[net.actors()[i].id] = i;
    for (const Link& l : net.links()) {
        Agedge_t* e = agedge(g, nodes[index.at(l.source)], nodes[index.at(l.target)], nullptr, 1);
        const Category* type = l.type.empty() ? nullptr : t.byKey(CategoryKind::LinkType, l.type);
        const Category* status = t.byKey(CategoryKind::Status, l.status);
        typesUsed.insert(l.type);
        statusesUsed.insert(l.status);
        set(e, "color", colorHex(type ? type->color : 0x777777) + "B0");
        set(e, "penwidth", num(0.6 + 0.9 * std::min(l.strength, 4.0)));
        if (status && status->line != LineStyle::Solid) set(e, "style", status->line == LineStyle::Dashed ? "dashed" : "dotted");
        set(e, "dir", l.directed ? "forward" : "none");
        set(e, "arrowsize", "0.6");
    }

    // The legend: the sectors, link types and statuses the network uses, right of the map.
    if (!net.actors().empty()) {
        std::string legend = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">";
        legend += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + html(o.lang == Lang::En ? "Sectors" : "Sektoren") + "</B></TD></TR>";
        for (const Category& c : t.sectors)
            if (sectorsUsed.count(c.key))
                legend += "<TR><TD BGCOLOR=\"" + colorHex(c.color) + "\" WIDTH=\"12\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
                          html(c.label(o.lang)) + "</TD></TR>";
        if (sectorsUsed.count(""))
            legend += "<TR><TD BGCOLOR=\"" + colorHex(kNoSectorColor) + "\" WIDTH=\"12\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
                      html(o.lang == Lang::En ? "no sector" : "ohne Sektor") + "</TD></TR>";
        legend += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + html(o.lang == Lang::En ? "Links" : "Verbindungen") + "</B></TD></TR>";
        for (const Category& c : t.linkTypes)
            if (typesUsed.count(c.key))
                legend += "<TR><TD BGCOLOR=\"" + colorHex(c.color) + "\" WIDTH=\"12\" HEIGHT=\"4\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
                          html(c.label(o.lang)) + "</TD></TR>";
        for (const Category& c : t.statuses)
            if (statusesUsed.count(c.key) && c.line != LineStyle::Solid)
                legend += "<TR><TD>" + std::string(c.line == LineStyle::Dashed ? "– –" : "· · ·") + "</TD><TD ALIGN=\"LEFT\">" + html(c.label(o.lang)) +
                          "</TD></TR>";
        if (anyContact)
            legend += "<TR><TD>▢</TD><TD ALIGN=\"LEFT\">" + html(o.lang == Lang::En ? "contact point" : "Anlaufstelle") + "</TD></TR>";
        if (anyState)
            legend += "<TR><TD>◎</TD><TD ALIGN=\"LEFT\">" + html(o.lang == Lang::En ? "state or federal" : "Land / Bund") + "</TD></TR>";
        legend += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" +
                  html(o.lang == Lang::En ? "size: influence; width: strength" : "Größe: Einfluss; Breite: Stärke") + "</TD></TR></TABLE>";
        Agnode_t* key = agnode(g, const_cast<char*>("legende"), 1);
        set(key, "shape", "plain");
        set(key, "fontname", font);
        set(key, "fontsize", "10");
        // An HTML-like label: its text is in entities (html()), nothing else is markup of ours.
        Agsym_t* label = agattr(g, AGNODE, const_cast<char*>("label"), nullptr);
        char* markup = agstrdup_html(g, legend.data());
        agxset(key, label, markup);
        agstrfree(g, markup);
        set(key, "pos", num(pageWpt - margin - legendW / 2) + "," + num(margin + boxH / 2));
    }
    // The title (and the snapshot under it) at the top.
    {
        const std::string title = o.title.empty() ? net.name : o.title;
        Agnode_t* head = agnode(g, const_cast<char*>("titel"), 1);
        set(head, "shape", "plaintext");
        set(head, "fontname", font);
        set(head, "fontsize", "20");
        set(head, "label", plainLabel(title) + (o.subtitle.empty() ? "" : "\\n" + plainLabel(o.subtitle)));
        set(head, "pos", num(pageWpt / 2) + "," + num(pageHpt - titleH / 2 - 0.15 * 72));
    }
    // Two invisible corners make the drawing exactly the page: PNG pixels = paper x dpi.
    for (const char* corner : {"ecke_unten", "ecke_oben"}) {
        Agnode_t* c = agnode(g, const_cast<char*>(corner), 1);
        set(c, "shape", "point");
        set(c, "style", "invis");
        set(c, "width", "0.01");
        set(c, "label", "");
        set(c, "xlabel", "");
        set(c, "pos", corner[5] == 'u' ? "0,0" : num(pageWpt) + "," + num(pageHpt));
    }

    if (gvLayout(ctx.gvc, g, "nop2") != 0) throw std::runtime_error("Graphviz could not place the diagram: " + guard.messages());
    graph.laidOutBy = ctx.gvc;
    const std::string renderer = format == "svg" ? "svg" : format == "pdf" ? "pdf:cairo" : "png:cairo";
    writeFileAtomicallyWith(path, [&](const std::string& temp) {
        if (gvRenderFilename(ctx.gvc, g, renderer.c_str(), temp.c_str()) != 0)
            throw std::runtime_error(path + ": Graphviz could not draw the diagram: " + guard.messages());
    });
}

}  // namespace knp::report
