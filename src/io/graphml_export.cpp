#include "io/graphml_export.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "io/export_text.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"

namespace knp {

namespace {

struct Key {
    std::string id, name, type;  // type: string, int, double, boolean
};

const std::vector<Key> kNodeKeys = {
    {"n_label", "label", "string"},     {"n_short_name", "short_name", "string"}, {"n_sector", "sector", "string"},
    {"n_fields", "fields", "string"},   {"n_level", "level", "string"},           {"n_influence", "influence", "int"},
    {"n_contact_point", "contact_point", "boolean"}, {"n_tags", "tags", "string"}, {"n_note", "note", "string"},
    {"n_x", "x", "double"},             {"n_y", "y", "double"},                   {"n_pinned", "pinned", "boolean"},
};
const std::vector<Key> kEdgeKeys = {
    {"e_type", "type", "string"}, {"e_weight", "weight", "double"}, {"e_status", "status", "string"},
    {"e_fields", "fields", "string"}, {"e_note", "note", "string"}, {"e_directed", "directed", "boolean"},
};

// yEd's drawing of an actor (first among the node's data: networkx, which reads it too, takes
// the later x, y and label data over yEd's). Size by influence, shape as in the view: ellipse,
// rounded rectangle for contact points, hexagon for state and federal actors; yEd's y runs down.
std::string yedNode(const Taxonomy& t, const Actor& a) {
    const double size = 20 + 6 * a.influence;
    const char* shape = a.level == "land" || a.level == "bund" ? "hexagon" : a.contactPoint ? "roundrectangle" : "ellipse";
    std::string out = "      <data key=\"n_yed\"><y:ShapeNode>";
    if (a.placed)
        out += "<y:Geometry x=\"" + exactNumber(a.x - size / 2) + "\" y=\"" + exactNumber(-a.y - size / 2) + "\" width=\"" + exactNumber(size) +
               "\" height=\"" + exactNumber(size) + "\"/>";
    out += "<y:Fill color=\"" + colorHex(sectorColor(t, a.sector)) + "\" transparent=\"false\"/>";
    out += "<y:BorderStyle color=\"#333333\" type=\"line\" width=\"1.0\"/>";
    out += "<y:NodeLabel>" + xmlEscape(a.name) + "</y:NodeLabel><y:Shape type=\"" + shape + "\"/></y:ShapeNode></data>\n";
    return out;
}

// yEd's drawing of a link: colour by type, width by strength, dashed or dotted by status,
// an arrow for directed links.
std::string yedEdge(const Taxonomy& t, const Link& l) {
    const Category* type = l.type.empty() ? nullptr : t.find(CategoryKind::LinkType, l.type);
    const Category* status = t.find(CategoryKind::Status, l.status);
    const char* style = status && status->line == LineStyle::Dashed ? "dashed" : status && status->line == LineStyle::Dotted ? "dotted" : "line";
    return "      <data key=\"e_yed\"><y:PolyLineEdge><y:LineStyle color=\"" + colorHex(type ? type->color : 0x777777) + "\" type=\"" + style +
           "\" width=\"" + exactNumber(std::min(1.0 + l.strength, 5.0)) + "\"/><y:Arrows source=\"none\" target=\"" +
           (l.directed ? "standard" : "none") + "\"/></y:PolyLineEdge></data>\n";
}

void data(std::string& out, const std::string& key, const std::string& value) {
    out += "      <data key=\"" + key + "\">" + xmlEscape(value) + "</data>\n";
}

}  // namespace

std::string graphmlText(const Network& net, const GraphmlExportOptions& o) {
    const Taxonomy& t = net.taxonomy;
    bool allDirected = !net.links().empty();
    for (const Link& l : net.links()) allDirected = allDirected && l.directed;
    // Custom attributes: one string key per name; a name taken by our own keys gets "attr_".
    std::set<std::string> reservedNode, reservedEdge, nodeAttrs, edgeAttrs;
    for (const Key& k : kNodeKeys) reservedNode.insert(k.name);
    for (const Key& k : kEdgeKeys) reservedEdge.insert(k.name);
    for (const Actor& a : net.actors())
        for (const auto& [name, value] : a.attributes) nodeAttrs.insert(name);
    for (const Link& l : net.links())
        for (const auto& [name, value] : l.attributes) edgeAttrs.insert(name);
    // A custom attribute whose name an importer would take for a field (ours: "Typ", "Ebene",
    // "label" ...) is written as "attr_NAME"; our importer turns it back.
    auto attrName = [](const std::set<std::string>& reserved, const std::string& name, bool node) {
        return exportedAttributeName(name, node, reserved);
    };
    std::string out;
    out.reserve(512 * (net.actors().size() + net.links().size()) + 4096);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:y=\"http://www.yworks.com/xml/graphml\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    out += "  <key id=\"g_name\" for=\"graph\" attr.name=\"name\" attr.type=\"string\"/>\n";
    // yEd's drawing: it shows labels, colours, shapes and positions from these.
    out += "  <key id=\"n_yed\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n  <key id=\"e_yed\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";
    for (const Key& k : kNodeKeys)
        out += "  <key id=\"" + k.id + "\" for=\"node\" attr.name=\"" + k.name + "\" attr.type=\"" + k.type + "\"/>\n";
    std::size_t n = 0;
    std::vector<std::pair<std::string, std::string>> nodeAttrKeys, edgeAttrKeys;  // name, key id
    for (const std::string& name : nodeAttrs) {
        nodeAttrKeys.emplace_back(name, "na" + std::to_string(n++));
        out += "  <key id=\"" + nodeAttrKeys.back().second + "\" for=\"node\" attr.name=\"" + xmlEscape(attrName(reservedNode, name, true), true) +
               "\" attr.type=\"string\"/>\n";
    }
    for (const Key& k : kEdgeKeys)
        if (k.name != "directed" || !allDirected)
            out += "  <key id=\"" + k.id + "\" for=\"edge\" attr.name=\"" + k.name + "\" attr.type=\"" + k.type + "\"/>\n";
    n = 0;
    for (const std::string& name : edgeAttrs) {
        edgeAttrKeys.emplace_back(name, "ea" + std::to_string(n++));
        out += "  <key id=\"" + edgeAttrKeys.back().second + "\" for=\"edge\" attr.name=\"" + xmlEscape(attrName(reservedEdge, name, false), true) +
               "\" attr.type=\"string\"/>\n";
    }
    out += std::string("  <graph id=\"G\" edgedefault=\"") + (allDirected ? "directed" : "undirected") + "\">\n";
    out += "    <data key=\"g_name\">" + xmlEscape(net.name) + "</data>\n";
    for (const Actor& a : net.actors()) {
        out += "    <node id=\"" + xmlEscape(a.id, true) + "\">\n";
        out += yedNode(t, a);
        data(out, "n_label", a.name);
        if (!a.shortName.empty()) data(out, "n_short_name", a.shortName);
        if (!a.sector.empty()) data(out, "n_sector", t.labelOf(CategoryKind::Sector, a.sector, o.lang));
        if (!a.fields.empty()) data(out, "n_fields", joinLabels(t, CategoryKind::Field, a.fields, o.lang));
        if (!a.level.empty()) data(out, "n_level", t.labelOf(CategoryKind::Level, a.level, o.lang));
        data(out, "n_influence", std::to_string(a.influence));
        data(out, "n_contact_point", a.contactPoint ? "true" : "false");
        if (!a.tags.empty()) data(out, "n_tags", joinList(a.tags));
        if (!a.note.empty()) data(out, "n_note", a.note);
        if (a.placed) {
            data(out, "n_x", exactNumber(a.x));
            data(out, "n_y", exactNumber(a.y));
        }
        if (a.pinned) data(out, "n_pinned", "true");
        for (const auto& [name, key] : nodeAttrKeys)
            if (const auto it = a.attributes.find(name); it != a.attributes.end()) data(out, key, it->second);
        out += "    </node>\n";
    }
    for (const Link& l : net.links()) {
        out += "    <edge id=\"" + xmlEscape(l.id, true) + "\" source=\"" + xmlEscape(l.source, true) + "\" target=\"" + xmlEscape(l.target, true) + "\">\n";
        out += yedEdge(t, l);
        if (!l.type.empty()) data(out, "e_type", t.labelOf(CategoryKind::LinkType, l.type, o.lang));
        data(out, "e_weight", exactNumber(l.strength));
        data(out, "e_status", t.labelOf(CategoryKind::Status, l.status, o.lang));
        if (!l.fields.empty()) data(out, "e_fields", joinLabels(t, CategoryKind::Field, l.fields, o.lang));
        if (!l.note.empty()) data(out, "e_note", l.note);
        if (!allDirected) data(out, "e_directed", l.directed ? "true" : "false");
        for (const auto& [name, key] : edgeAttrKeys)
            if (const auto it = l.attributes.find(name); it != l.attributes.end()) data(out, key, it->second);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

void exportGraphml(const Network& network, const std::string& path, const GraphmlExportOptions& o) {
    writeFileAtomically(path, graphmlText(network, o));
}

}  // namespace knp
