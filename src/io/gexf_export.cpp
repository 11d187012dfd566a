#include "io/gexf_export.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "io/export_text.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"

namespace knp {

namespace {

struct Attribute {
    std::string id, title, type;  // GEXF types: string, integer, double, boolean
};

const std::vector<Attribute> kNodeAttributes = {
    {"short_name", "short_name", "string"}, {"sector", "sector", "string"},   {"fields", "fields", "string"},
    {"level", "level", "string"},           {"influence", "influence", "integer"}, {"contact_point", "contact_point", "boolean"},
    {"tags", "tags", "string"},             {"note", "note", "string"},       {"pinned", "pinned", "boolean"},
};
const std::vector<Attribute> kEdgeAttributes = {
    {"type", "type", "string"}, {"status", "status", "string"}, {"fields", "fields", "string"},
    {"note", "note", "string"}, {"directed", "directed", "boolean"},
};

void attvalue(std::string& out, const std::string& id, const std::string& value) {
    out += "          <attvalue for=\"" + xmlEscape(id, true) + "\" value=\"" + xmlEscape(value, true) + "\"/>\n";
}

void color(std::string& out, std::uint32_t rgb) {
    out += "        <viz:color r=\"" + std::to_string(rgb >> 16 & 0xFF) + "\" g=\"" + std::to_string(rgb >> 8 & 0xFF) + "\" b=\"" +
           std::to_string(rgb & 0xFF) + "\"/>\n";
}

}  // namespace

namespace {

// The union of the current network and its snapshots, and when each element existed.
struct Timeline {
    Network merged;
    std::map<std::string, std::string> actorSpells, linkSpells;  // id -> <spells> XML
};

std::string spellsXml(const std::vector<bool>& present, const std::vector<std::string>& times) {
    std::string out;
    for (std::size_t i = 0; i < present.size();) {
        if (!present[i]) { ++i; continue; }
        std::size_t j = i;
        while (j < present.size() && present[j]) ++j;
        out += "          <spell start=\"" + xmlEscape(times[i], true) + "\"";
        if (j < present.size()) out += " end=\"" + xmlEscape(times[j], true) + "\"";
        out += "/>\n";
        i = j;
    }
    return out.empty() ? out : "        <spells>\n" + out + "        </spells>\n";
}

Timeline timeline(const Network& current, const GexfExportOptions& o) {
    Timeline tl;
    tl.merged = current;
    std::vector<const Network*> states;
    std::vector<std::string> times;
    for (const NetworkSnapshot& snapshot : o.snapshots) {
        states.push_back(&snapshot.network);
        times.push_back(snapshot.created);
    }
    states.push_back(&current);
    times.push_back(o.now);
    // Elements gone by now: their latest values, appended in the order they were last seen.
    for (auto it = o.snapshots.rbegin(); it != o.snapshots.rend(); ++it) {
        for (const Actor& a : it->network.actors())
            if (!tl.merged.findActor(a.id)) {
                Actor copy = a;
                copy.ord = tl.merged.nextActorOrd();
                tl.merged.insertActor(std::move(copy));
            }
        for (const Link& l : it->network.links())
            if (!tl.merged.findLink(l.id)) {
                Link copy = l;
                copy.ord = tl.merged.nextLinkOrd();
                tl.merged.insertLink(std::move(copy));
            }
    }
    for (const Actor& a : tl.merged.actors()) {
        std::vector<bool> present;
        for (const Network* n : states) present.push_back(n->findActor(a.id) != nullptr);
        tl.actorSpells[a.id] = spellsXml(present, times);
    }
    for (const Link& l : tl.merged.links()) {
        std::vector<bool> present;
        for (const Network* n : states) present.push_back(n->findLink(l.id) != nullptr);
        tl.linkSpells[l.id] = spellsXml(present, times);
    }
    return tl;
}

}  // namespace

std::string gexfText(const Network& current, const GexfExportOptions& o) {
    const bool dynamic = !o.snapshots.empty();
    const Timeline tl = dynamic ? timeline(current, o) : Timeline{};
    const Network& net = dynamic ? tl.merged : current;
    const Taxonomy& t = net.taxonomy;
    bool allDirected = !net.links().empty();
    for (const Link& l : net.links()) allDirected = allDirected && l.directed;
    // Custom attributes: one string attribute per name; ids "a0", "a1" ... keep them apart
    // from ours; a title an importer would take for a field is written as "attr_TITLE".
    std::set<std::string> nodeNames, edgeNames, reservedNode{"label", "x", "y"}, reservedEdge{"weight"};
    for (const Attribute& a : kNodeAttributes) reservedNode.insert(a.title);
    for (const Attribute& a : kEdgeAttributes) reservedEdge.insert(a.title);
    for (const Actor& a : net.actors())
        for (const auto& [name, value] : a.attributes) nodeNames.insert(name);
    for (const Link& l : net.links())
        for (const auto& [name, value] : l.attributes) edgeNames.insert(name);
    auto title = [](const std::set<std::string>& reserved, const std::string& name, bool node) {
        return exportedAttributeName(name, node, reserved);
    };
    std::vector<std::pair<std::string, std::string>> nodeCustom, edgeCustom;  // name, attribute id
    for (const std::string& name : nodeNames) nodeCustom.emplace_back(name, "a" + std::to_string(nodeCustom.size()));
    for (const std::string& name : edgeNames) edgeCustom.emplace_back(name, "a" + std::to_string(edgeCustom.size()));

    std::string out;
    out.reserve(600 * (net.actors().size() + net.links().size()) + 4096);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
    out += "  <meta>\n    <creator>Knotenpunkt</creator>\n    <description>" + xmlEscape(net.name) + "</description>\n  </meta>\n";
    out += std::string("  <graph defaultedgetype=\"") + (allDirected ? "directed" : "undirected") + "\"" +
           (dynamic ? " mode=\"dynamic\" timeformat=\"dateTime\">\n" : " mode=\"static\">\n");
    out += "    <attributes class=\"node\" mode=\"static\">\n";
    for (const Attribute& a : kNodeAttributes)
        out += "      <attribute id=\"" + a.id + "\" title=\"" + a.title + "\" type=\"" + a.type + "\"/>\n";
    for (const auto& [name, id] : nodeCustom)
        out += "      <attribute id=\"" + id + "\" title=\"" + xmlEscape(title(reservedNode, name, true), true) + "\" type=\"string\"/>\n";
    out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
    for (const Attribute& a : kEdgeAttributes)
        if (a.id != "directed" || !allDirected)
            out += "      <attribute id=\"" + a.id + "\" title=\"" + a.title + "\" type=\"" + a.type + "\"/>\n";
    for (const auto& [name, id] : edgeCustom)
        out += "      <attribute id=\"" + id + "\" title=\"" + xmlEscape(title(reservedEdge, name, false), true) + "\" type=\"string\"/>\n";
    out += "    </attributes>\n    <nodes>\n";
    for (const Actor& a : net.actors()) {
        out += "      <node id=\"" + xmlEscape(a.id, true) + "\" label=\"" + xmlEscape(a.name, true) + "\">\n        <attvalues>\n";
        if (!a.shortName.empty()) attvalue(out, "short_name", a.shortName);
        if (!a.sector.empty()) attvalue(out, "sector", t.labelOf(CategoryKind::Sector, a.sector, o.lang));
        if (!a.fields.empty()) attvalue(out, "fields", joinLabels(t, CategoryKind::Field, a.fields, o.lang));
        if (!a.level.empty()) attvalue(out, "level", t.labelOf(CategoryKind::Level, a.level, o.lang));
        attvalue(out, "influence", std::to_string(a.influence));
        attvalue(out, "contact_point", a.contactPoint ? "true" : "false");
        if (!a.tags.empty()) attvalue(out, "tags", joinList(a.tags));
        if (!a.note.empty()) attvalue(out, "note", a.note);
        if (a.pinned) attvalue(out, "pinned", "true");
        for (const auto& [name, id] : nodeCustom)
            if (const auto it = a.attributes.find(name); it != a.attributes.end()) attvalue(out, id, it->second);
        out += "        </attvalues>\n";
        if (dynamic) out += tl.actorSpells.at(a.id);
        color(out, sectorColor(t, a.sector));
        if (a.placed) out += "        <viz:position x=\"" + exactNumber(a.x) + "\" y=\"" + exactNumber(a.y) + "\" z=\"0\"/>\n";
        out += "        <viz:size value=\"" + std::to_string(6 + 3 * a.influence) + "\"/>\n      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    for (const Link& l : net.links()) {
        out += "      <edge id=\"" + xmlEscape(l.id, true) + "\" source=\"" + xmlEscape(l.source, true) + "\" target=\"" + xmlEscape(l.target, true) +
               "\" weight=\"" + exactNumber(l.strength) + "\">\n        <attvalues>\n";
        if (!l.type.empty()) attvalue(out, "type", t.labelOf(CategoryKind::LinkType, l.type, o.lang));
        attvalue(out, "status", t.labelOf(CategoryKind::Status, l.status, o.lang));
        if (!l.fields.empty()) attvalue(out, "fields", joinLabels(t, CategoryKind::Field, l.fields, o.lang));
        if (!l.note.empty()) attvalue(out, "note", l.note);
        if (!allDirected) attvalue(out, "directed", l.directed ? "true" : "false");
        for (const auto& [name, id] : edgeCustom)
            if (const auto it = l.attributes.find(name); it != l.attributes.end()) attvalue(out, id, it->second);
        out += "        </attvalues>\n";
        if (dynamic) out += tl.linkSpells.at(l.id);
        const Category* type = l.type.empty() ? nullptr : t.find(CategoryKind::LinkType, l.type);
        if (type) color(out, type->color);
        if (const Category* status = t.find(CategoryKind::Status, l.status); status && status->line != LineStyle::Solid)
            out += std::string("        <viz:shape value=\"") + (status->line == LineStyle::Dashed ? "dashed" : "dotted") + "\"/>\n";
        out += "      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

void exportGexf(const Network& network, const std::string& path, const GexfExportOptions& o) {
    writeFileAtomically(path, gexfText(network, o));
}

}  // namespace knp
