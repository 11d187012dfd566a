#include "io/dot_export.hpp"

#include <algorithm>
#include <cstdio>

#include "io/export_text.hpp"
#include "core/file_output.hpp"

namespace knp {

namespace {

// A label (an escString Graphviz expands when it draws): quotes and backslashes escaped, so
// that \N, \G or \L in a user's text stay literal; line breaks become \n.
std::string quoteLabel(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c != '\r') out += c;
    }
    return out + "\"";
}

// An ID or data value: the DOT parser only turns \" into a quote and keeps every other
// character, line breaks and backslashes included, so only quotes are escaped. A value ending
// in a backslash would escape the closing quote: it gets a space after it.
std::string quote(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += "\\\"";
        else if (c != '\r') out += c;
    }
    if (!text.empty() && text.back() == '\\') out += ' ';
    return out + "\"";
}

std::string hexColor(std::uint32_t rgb) { return "\"" + colorHex(rgb) + "\""; }

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

}  // namespace

void exportDot(const Network& net, const std::vector<Point>& positions, const std::string& path, const DotExportOptions& o) {
    bool directed = false;
    for (const Link& l : net.links()) directed = directed || l.directed;
    const Taxonomy& t = net.taxonomy;
    std::string out;
    out.reserve(256 * (net.actors().size() + net.links().size()));
    out += directed ? "digraph " : "graph ";
    out += quote(net.name.empty() ? "Knotenpunkt" : net.name) + " {\n";
    out += "\tgraph [bgcolor=white, forcelabels=true, outputorder=edgesfirst];\n";
    out += "\tnode [shape=circle, fixedsize=true, style=filled, label=\"\", fontname=\"DejaVu Sans\", fontsize=10, color=\"#333333\"];\n";
    out += "\tedge [arrowsize=0.6];\n";
    for (std::size_t i = 0; i < net.actors().size(); ++i) {
        const Actor& a = net.actors()[i];
        const std::string inches = number(2 * actorRadius(a) / 72.0);
        const Category* sector = t.byKey(CategoryKind::Sector, a.sector);
        out += "\t" + quote(a.id) + " [xlabel=" + quoteLabel(a.name) + ", name=" + quote(a.name) + ", width=" + inches + ", height=" + inches +
               ", pos=\"" + number(positions[i].x) + "," + number(positions[i].y) + "\", fillcolor=" +
               (sector ? hexColor(sector->color) : std::string("\"#DDDDDD\""));
        if (a.level == "land" || a.level == "bund") out += ", shape=doublecircle";
        if (!a.shortName.empty()) out += ", short_name=" + quote(a.shortName);
        if (!a.sector.empty()) out += ", sector=" + quote(t.labelOf(CategoryKind::Sector, a.sector, o.lang));
        if (!a.fields.empty()) out += ", fields=" + quote(joinLabels(t, CategoryKind::Field, a.fields, o.lang));
        if (!a.level.empty()) out += ", level=" + quote(t.labelOf(CategoryKind::Level, a.level, o.lang));
        out += ", influence=" + std::to_string(a.influence);
        if (a.contactPoint) out += ", contact_point=true";
        if (!a.tags.empty()) {
            std::string tags;
            for (const std::string& tag : a.tags) tags += (tags.empty() ? "" : "|") + tag;
            out += ", tags=" + quote(tags);
        }
        if (a.pinned) out += ", pinned=true";
        if (!a.note.empty()) out += ", note=" + quote(a.note);
        out += "];\n";
    }
    const char* arrow = directed ? " -> " : " -- ";
    for (const Link& l : net.links()) {
        const Category* type = t.byKey(CategoryKind::LinkType, l.type);
        out += "\t" + quote(l.source) + arrow + quote(l.target) + " [id=" + quote(l.id) + ", color=" +
               (type ? hexColor(type->color) : std::string("\"#777777\"")) + ", strength=" + number(l.strength) +
               ", penwidth=" + number(0.6 + 0.9 * std::min(l.strength, 4.0));
        if (type) out += ", type=" + quote(type->label(o.lang));
        if (l.status == "geplant") out += ", style=dashed";
        else if (l.status == "gewuenscht") out += ", style=dotted";
        if (l.status != "besteht") out += ", status=" + quote(t.labelOf(CategoryKind::Status, l.status, o.lang));
        if (directed && !l.directed) out += ", dir=none";
        if (!l.fields.empty()) out += ", fields=" + quote(joinLabels(t, CategoryKind::Field, l.fields, o.lang));
        if (!l.note.empty()) out += ", note=" + quote(l.note);
        out += "];\n";
    }
    out += "}\n";
    writeFileAtomically(path, out);
}

}  // namespace knp
