#include "io/graphml_import.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "core/errors.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"
#include "io/network_builder.hpp"
#include "io/xml_reader.hpp"

namespace knp {

namespace {


constexpr int kMaxDepth = 256;

struct Key {
    std::string domain;  // node, edge, graph, all
    std::string name;    // attr.name
    std::string type;    // string, boolean, int, long, float, double
    std::optional<std::string> defaultValue;
    std::string yfiles;  // yfiles.type: nodegraphics, edgegraphics ... (yEd's drawing)
};

// What yEd draws for a node or edge (y:ShapeNode, y:PolyLineEdge ...).
struct YedGraphics {
    std::optional<std::string> label;
    std::optional<double> x, y, width, height;  // y:Geometry: top left corner, screen y down
    std::optional<std::uint32_t> fill;          // y:Fill color
    std::string lineType;                       // y:LineStyle type: line, dashed, dotted ...
};

struct PendingElement {
    std::size_t line = 0;
    std::string id, source, target;
    std::optional<bool> directed;
    std::map<std::string, std::string> data;  // key id -> text
    YedGraphics yed;
};

struct Parser : XmlReader {
    int depth = 0;
    std::map<std::string, Key> keys;
    std::string currentKey;          // inside <key>
    bool inDefault = false;
    bool inData = false;
    int dataDepth = 0;
    std::string dataKey, text;
    bool inYed = false, inYedLabel = false;  // inside a yfiles <data>, inside its first label
    std::string yedText;
    std::optional<PendingElement> node, edge;
    std::vector<PendingElement> nodes, edges;
    std::map<std::string, std::string> graphData;  // <data> directly inside <graph>
    int graphCount = 0, graphDepth = 0;
    bool directedDefault = false;
    bool sawGraphml = false;
};

// Inside a yfiles <data>: the parts of yEd's drawing we keep.
void onYedStart(Parser* p, std::string_view el, const XML_Char** atts) {
    PendingElement& e = p->edge ? *p->edge : *p->node;
    if (el == "Geometry") {
        e.yed.x = xmlNumber(xmlAttribute(atts, "x"));
        e.yed.y = xmlNumber(xmlAttribute(atts, "y"));
        e.yed.width = xmlNumber(xmlAttribute(atts, "width"));
        e.yed.height = xmlNumber(xmlAttribute(atts, "height"));
    } else if (el == "Fill") {
        if (const char* c = xmlAttribute(atts, "color")) e.yed.fill = parseColorHex(c);
    } else if (el == "LineStyle") {
        if (const char* t = xmlAttribute(atts, "type")) e.yed.lineType = t;
    } else if ((el == "NodeLabel" || el == "EdgeLabel") && !e.yed.label) {
        p->inYedLabel = true;
        p->yedText.clear();
    }
}

void XMLCALL onStart(void* user, const XML_Char* name, const XML_Char** atts) {
    auto* p = static_cast<Parser*>(static_cast<XmlReader*>(user));
    if (++p->depth > kMaxDepth) return p->fail("elements are nested more than " + std::to_string(kMaxDepth) + " deep");
    if (p->inData) {
        ++p->dataDepth;
        if (p->inYed) onYedStart(p, xmlLocalName(name), atts);
        return;
    }
    const std::string_view el = xmlLocalName(name);
    if (p->depth == 1) {
        if (el != "graphml") return p->fail("not a GraphML file (the root element is <" + std::string(el) + ">)");
        p->sawGraphml = true;
        return;
    }
    if (el == "key") {
        const char* id = xmlAttribute(atts, "id");
        if (!id) return p->fail("<key> without id");
        Key k;
        const char* domain = xmlAttribute(atts, "for");
        const char* an = xmlAttribute(atts, "attr.name");
        const char* at = xmlAttribute(atts, "attr.type");
        if (const char* yfiles = xmlAttribute(atts, "yfiles.type")) k.yfiles = yfiles;
        k.domain = domain ? domain : "all";
        k.name = an ? an : id;
        k.type = at ? at : "string";
        p->keys[id] = k;
        p->currentKey = id;
    } else if (el == "default") {
        if (p->currentKey.empty()) return;
        p->inDefault = true;
        p->text.clear();
    } else if (el == "graph") {
        if (p->node || p->edge) return p->fail("nested graphs inside nodes or edges are not supported");
        if (p->graphDepth > 0) return p->fail("nested graphs are not supported");
        ++p->graphDepth;
        if (++p->graphCount > 1) return p->fail("the file holds more than one graph; only one per file is supported");
        const char* ed = xmlAttribute(atts, "edgedefault");
        p->directedDefault = ed && std::strcmp(ed, "directed") == 0;
    } else if (el == "node") {
        if (p->graphDepth == 0) return p->fail("<node> outside a <graph>");
        const char* id = xmlAttribute(atts, "id");
        if (!id || !*id) return p->fail("<node> without id");
        p->node = PendingElement{p->line(), id, "", "", std::nullopt, {}, {}};
    } else if (el == "edge") {
        if (p->graphDepth == 0) return p->fail("<edge> outside a <graph>");
        const char* s = xmlAttribute(atts, "source");
        const char* t = xmlAttribute(atts, "target");
        if (!s || !t) return p->fail("<edge> without source or target");
        PendingElement e{p->line(), "", s, t, std::nullopt, {}, {}};
        if (const char* id = xmlAttribute(atts, "id")) e.id = id;
        if (const char* d = xmlAttribute(atts, "directed")) {
            if (std::strcmp(d, "true") == 0) e.directed = true;
            else if (std::strcmp(d, "false") == 0) e.directed = false;
            else return p->fail("edge attribute directed=\"" + std::string(d) + "\" is neither true nor false");
        }
        p->edge = std::move(e);
    } else if (el == "hyperedge") {
        return p->fail("hyperedges are not supported");
    } else if (el == "data") {
        const char* key = xmlAttribute(atts, "key");
        if (!key) return p->fail("<data> without key");
        p->inData = true;
        p->dataDepth = 0;
        p->dataKey = key;
        p->text.clear();
        const auto k = p->keys.find(key);
        p->inYed = k != p->keys.end() && !k->second.yfiles.empty() && (p->node || p->edge);
    }
}

void XMLCALL onEnd(void* user, const XML_Char* name) {
    auto* p = static_cast<Parser*>(static_cast<XmlReader*>(user));
    --p->depth;
    if (p->inData) {
        if (p->dataDepth > 0) {
            --p->dataDepth;
            if (p->inYedLabel && (xmlLocalName(name) == "NodeLabel" || xmlLocalName(name) == "EdgeLabel")) {
                PendingElement& e = p->edge ? *p->edge : *p->node;
                if (!e.yed.label) e.yed.label = p->yedText;
                p->inYedLabel = false;
            }
            return;
        }
        p->inData = false;
        if (p->inYed) {
            p->inYed = false;
            return;  // drawn by yEd: read above, not a value
        }
        if (!p->keys.count(p->dataKey)) return p->fail("<data> refers to undeclared key \"" + p->dataKey + "\"");
        if (p->edge) p->edge->data[p->dataKey] = p->text;
        else if (p->node) p->node->data[p->dataKey] = p->text;
        else if (p->graphDepth > 0) p->graphData[p->dataKey] = p->text;
        return;
    }
    const std::string_view el = xmlLocalName(name);
    if (el == "default" && p->inDefault) {
        p->keys[p->currentKey].defaultValue = p->text;
        p->inDefault = false;
    } else if (el == "key") {
        p->currentKey.clear();
    } else if (el == "node" && p->node) {
        p->nodes.push_back(std::move(*p->node));
        p->node.reset();
    } else if (el == "edge" && p->edge) {
        p->edges.push_back(std::move(*p->edge));
        p->edge.reset();
    } else if (el == "graph") {
        --p->graphDepth;
    }
}

void XMLCALL onText(void* user, const XML_Char* s, int len) {
    auto* p = static_cast<Parser*>(static_cast<XmlReader*>(user));
    if (p->inYedLabel) {
        if (p->yedText.size() + static_cast<std::size_t>(len) > (1u << 20)) return p->fail("a yEd label is longer than 1 MB");
        p->yedText.append(s, static_cast<std::size_t>(len));
        return;
    }
    if ((p->inData && p->dataDepth == 0) || p->inDefault) {
        if (p->text.size() + static_cast<std::size_t>(len) > (16u << 20)) return p->fail("a value is longer than 16 MB");
        p->text.append(s, static_cast<std::size_t>(len));
    }
}

// Values of every key of the element's domain: its own data, else the key's default.
std::vector<std::pair<const Key*, std::string>> valuesFor(const Parser& p, const PendingElement& e, const char* domain,
                                                          const std::string& where) {
    std::vector<std::pair<const Key*, std::string>> out;
    for (const auto& [id, key] : p.keys) {
        if (key.domain != domain && key.domain != "all") continue;
        auto it = e.data.find(id);
        if (it != e.data.end()) {
            checkTypedValue(key.type, key.name, it->second, where);
            out.emplace_back(&key, it->second);
        } else if (key.defaultValue) {
            out.emplace_back(&key, *key.defaultValue);
        }
    }
    return out;
}

}  // namespace

ImportResult parseGraphml(const std::string& text, const std::string& path) {
    Parser p;
    readXml(p, text, path, onStart, onEnd, onText);
    const std::string& file = p.file;
    if (!p.sawGraphml) throw InputError(file + ": the file is empty (no <graphml> element)");
    if (p.graphCount == 0) throw InputError(file + ": no <graph> element");

    ImportResult out;
    out.network.name = std::filesystem::path(path).stem().string();
    for (const auto& [keyId, value] : p.graphData) {
        const std::string attrName = normalizeLabel(p.keys[keyId].name);
        if ((attrName == "name" || attrName == "label") && !trim(value).empty()) out.network.name = trim(value);
    }
    NetworkBuilder builder(out);
    for (const PendingElement& n : p.nodes) {
        const std::string where = file + ":" + std::to_string(n.line);
        Actor actor;
        actor.id = n.id;
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        std::string nameFromName, nameFromLabel;
        for (const auto& [key, value] : valuesFor(p, n, "node", where)) {
            const ActorField field = actorFieldFor(key->name);
            const std::string lower = normalizeLabel(key->name);
            if (lower == "name") nameFromName = trim(value);
            else if (lower == "label") nameFromLabel = trim(value);
            else if (field == ActorField::None || field == ActorField::Id) actor.attributes[importedAttributeName(key->name, true)] = value;
            else setActorField(actor, field, value, ctx);
        }
        // igraph keeps the name in "name"; Gephi and networkx often in "label"; yEd in its
        // drawing's node label.
        const std::string yedLabel = n.yed.label ? trim(*n.yed.label) : std::string();
        actor.name = !nameFromLabel.empty() ? nameFromLabel : !nameFromName.empty() ? nameFromName : !yedLabel.empty() ? yedLabel : n.id;
        if (!nameFromLabel.empty() && !nameFromName.empty() && nameFromName != nameFromLabel)
            actor.attributes["name"] = nameFromName;
        // yEd's geometry: the top left corner on a screen whose y runs down; ours is the centre,
        // y up. Used where no x and y data say otherwise.
        if (!actor.placed && n.yed.x && n.yed.y) {
            actor.x = *n.yed.x + n.yed.width.value_or(0) / 2;
            actor.y = -(*n.yed.y + n.yed.height.value_or(0) / 2) + 0.0;
            actor.placed = true;
        }
        if (n.yed.fill) keepDrawnColor(actor, out.network.taxonomy, *n.yed.fill);
        builder.addActor(std::move(actor), where);
    }
    for (const PendingElement& e : p.edges) {
        const std::string where = file + ":" + std::to_string(e.line);
        Link link;
        link.id = e.id;
        link.source = e.source;
        link.target = e.target;
        link.directed = e.directed.value_or(p.directedDefault);
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        std::optional<bool> directedData;
        for (const auto& [key, value] : valuesFor(p, e, "edge", where)) {
            const LinkField field = linkFieldFor(key->name);
            if (field == LinkField::None || field == LinkField::Id || field == LinkField::Source || field == LinkField::Target)
                link.attributes[importedAttributeName(key->name, false)] = value;
            else if (field == LinkField::Directed) directedData = parseBool(value, where);
            else setLinkField(link, field, value, ctx);
        }
        if (e.yed.label && !trim(*e.yed.label).empty() && !link.attributes.count("label")) link.attributes["label"] = trim(*e.yed.label);
        // The edge element's own directed attribute decides; else a "directed" data key (as our
        // export writes it for mixed networks); else the graph's edgedefault.
        if (!e.directed && directedData) link.directed = *directedData;
        builder.addLink(std::move(link), where, "the edge's source", "the edge's target");
    }
    return out;
}

ImportResult importGraphml(const std::string& path) {
    return parseGraphml(readInputFile(path, kMaxInputBytes), path);
}

}  // namespace knp
