#include "io/gexf_import.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

#include "core/errors.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"
#include "io/network_builder.hpp"
#include "io/xml_reader.hpp"

namespace knp {

namespace {

constexpr int kMaxDepth = 256;
constexpr std::size_t kMaxValue = 16u << 20;

struct Attribute {
    std::string title, type;
    std::optional<std::string> defaultValue;
};

struct Value {
    std::string text;
    bool open = true;  // no end: the value holds to the end of the time line
};

struct PendingElement {
    std::size_t line = 0;
    std::string id, label, source, target, type, weight, kind;
    std::map<std::string, Value> values;  // attribute id -> value
    std::string spells;                   // "start..end;..." of a dynamic element
    std::optional<std::uint32_t> color;
    std::optional<double> x, y, size;
};

struct Parser : XmlReader {
    int depth = 0;
    bool sawRoot = false;
    int graphCount = 0;
    bool inGraph = false;
    std::string defaultEdgeType = "undirected", graphName;
    std::map<std::string, Attribute> nodeAttributes, edgeAttributes;
    std::map<std::string, Attribute>* attributeClass = nullptr;  // inside <attributes>
    std::string attributeId;                                       // inside <attribute>
    bool inDefault = false, inDescription = false, inCreator = false;
    std::string text, description, creator;
    std::optional<PendingElement> node, edge;
    std::vector<PendingElement> nodes, edges;

    PendingElement* current() { return edge ? &*edge : node ? &*node : nullptr; }
};

int colorChannel(Parser* p, const XML_Char** atts, const char* name) {
    const char* v = xmlAttribute(atts, name);
    if (!v) return 0;
    const std::optional<double> n = xmlNumber(v);
    if (!n || *n < 0 || *n > 255) {
        p->fail(std::string("viz:color ") + name + "=\"" + v + "\" is not a number from 0 to 255");
        return 0;
    }
    return static_cast<int>(*n);
}

void addSpell(PendingElement& e, const char* start, const char* end) {
    if (!start && !end) return;
    e.spells += (e.spells.empty() ? "" : ";") + std::string(start ? start : "") + ".." + (end ? end : "");
}

void XMLCALL onStart(void* user, const XML_Char* name, const XML_Char** atts) {
    auto* p = static_cast<Parser*>(static_cast<XmlReader*>(user));
    if (++p->depth > kMaxDepth) return p->fail("elements are nested more than " + std::to_string(kMaxDepth) + " deep");
    const std::string_view el = xmlLocalName(name);
    if (p->depth == 1) {
        if (el != "gexf") return p->fail("not a GEXF file (the root element is <" + std::string(el) + ">)");
        p->sawRoot = true;
        return;
    }
    if (el == "description" && !p->inGraph) {
        p->inDescription = true;
        p->text.clear();
    } else if (el == "creator" && !p->inGraph) {
        p->inCreator = true;
        p->text.clear();
    } else if (el == "graph") {
        if (p->inGraph || ++p->graphCount > 1) return p->fail("the file holds more than one graph; only one per file is supported");
        p->inGraph = true;
        if (const char* t = xmlAttribute(atts, "defaultedgetype")) p->defaultEdgeType = t;
        if (p->defaultEdgeType != "directed" && p->defaultEdgeType != "undirected" && p->defaultEdgeType != "mutual")
            return p->fail("defaultedgetype=\"" + p->defaultEdgeType + "\" is none of directed, undirected, mutual");
        if (const char* n = xmlAttribute(atts, "name")) p->graphName = n;
    } else if (el == "attributes") {
        const char* cls = xmlAttribute(atts, "class");
        if (!cls) return p->fail("<attributes> without class");
        if (std::strcmp(cls, "node") == 0) p->attributeClass = &p->nodeAttributes;
        else if (std::strcmp(cls, "edge") == 0) p->attributeClass = &p->edgeAttributes;
        else p->attributeClass = nullptr;  // class="graph" and others: not kept
    } else if (el == "attribute" && !p->current()) {
        if (!p->attributeClass) return;
        const char* id = xmlAttribute(atts, "id");
        if (!id) return p->fail("<attribute> without id");
        const char* title = xmlAttribute(atts, "title");
        const char* type = xmlAttribute(atts, "type");
        (*p->attributeClass)[id] = Attribute{title ? title : id, type ? type : "string", std::nullopt};
        p->attributeId = id;
    } else if (el == "default" && !p->attributeId.empty()) {
        p->inDefault = true;
        p->text.clear();
    } else if (el == "node") {
        if (!p->inGraph) return p->fail("<node> outside a <graph>");
        if (p->node) return p->fail("nodes inside nodes (a hierarchical graph) are not supported");
        if (p->edge) return p->fail("<node> inside an <edge>");
        const char* id = xmlAttribute(atts, "id");
        if (!id || !*id) return p->fail("<node> without id");
        PendingElement n;
        n.line = p->line();
        n.id = id;
        if (const char* label = xmlAttribute(atts, "label")) n.label = label;
        addSpell(n, xmlAttribute(atts, "start"), xmlAttribute(atts, "end"));
        p->node = std::move(n);
    } else if (el == "edge") {
        if (!p->inGraph) return p->fail("<edge> outside a <graph>");
        if (p->edge || p->node) return p->fail("<edge> inside a node or edge");
        const char* s = xmlAttribute(atts, "source");
        const char* t = xmlAttribute(atts, "target");
        if (!s || !t) return p->fail("<edge> without source or target");
        PendingElement e;
        e.line = p->line();
        e.source = s;
        e.target = t;
        if (const char* id = xmlAttribute(atts, "id")) e.id = id;
        if (const char* type = xmlAttribute(atts, "type")) {
            e.type = type;
            if (e.type != "directed" && e.type != "undirected" && e.type != "mutual")
                return p->fail("edge type=\"" + e.type + "\" is none of directed, undirected, mutual");
        }
        if (const char* w = xmlAttribute(atts, "weight")) {
            if (!xmlNumber(w)) return p->fail("edge weight=\"" + std::string(w) + "\" is not a number");
            e.weight = w;
        }
        if (const char* label = xmlAttribute(atts, "label")) e.label = label;
        if (const char* kind = xmlAttribute(atts, "kind")) e.kind = kind;
        addSpell(e, xmlAttribute(atts, "start"), xmlAttribute(atts, "end"));
        p->edge = std::move(e);
    } else if (el == "attvalue") {
        PendingElement* e = p->current();
        if (!e) return;
        const char* id = xmlAttribute(atts, "for");
        if (!id) id = xmlAttribute(atts, "id");  // GEXF 1.1
        const char* value = xmlAttribute(atts, "value");
        if (!id || !value) return p->fail("<attvalue> without for or value");
        const auto& declared = p->edge ? p->edgeAttributes : p->nodeAttributes;
        if (!declared.count(id)) return p->fail("<attvalue> refers to undeclared attribute \"" + std::string(id) + "\"");
        // Dynamic values: one that holds to the end wins over one that ended; else the later.
        const bool open = xmlAttribute(atts, "end") == nullptr && xmlAttribute(atts, "endopen") == nullptr;
        auto it = e->values.find(id);
        if (it == e->values.end() || open || !it->second.open) e->values[id] = Value{value, open};
    } else if (el == "spell") {
        if (PendingElement* e = p->current()) addSpell(*e, xmlAttribute(atts, "start") ? xmlAttribute(atts, "start") : xmlAttribute(atts, "startopen"),
                                                       xmlAttribute(atts, "end") ? xmlAttribute(atts, "end") : xmlAttribute(atts, "endopen"));
    } else if (el == "color") {
        PendingElement* e = p->current();
        if (!e) return;
        if (const char* hex = xmlAttribute(atts, "hex")) {
            e->color = parseColorHex(hex);
            if (!e->color) return p->fail("viz:color hex=\"" + std::string(hex) + "\" is not #RRGGBB");
        } else {
            const int r = colorChannel(p, atts, "r"), g = colorChannel(p, atts, "g"), b = colorChannel(p, atts, "b");
            e->color = static_cast<std::uint32_t>(r << 16 | g << 8 | b);
        }
    } else if (el == "position") {
        PendingElement* e = p->current();
        if (!e) return;
        const char* x = xmlAttribute(atts, "x");
        const char* y = xmlAttribute(atts, "y");
        e->x = xmlNumber(x);
        e->y = xmlNumber(y);
        if ((x && !e->x) || (y && !e->y)) return p->fail("viz:position holds a coordinate that is not a number");
    } else if (el == "size") {
        PendingElement* e = p->current();
        if (!e) return;
        const char* v = xmlAttribute(atts, "value");
        e->size = xmlNumber(v);
        if (v && !e->size) return p->fail("viz:size value=\"" + std::string(v) + "\" is not a number");
    }
}

void XMLCALL onEnd(void* user, const XML_Char* name) {
    auto* p = static_cast<Parser*>(static_cast<XmlReader*>(user));
    --p->depth;
    const std::string_view el = xmlLocalName(name);
    if (el == "description" && p->inDescription) {
        p->description = p->text;
        p->inDescription = false;
    } else if (el == "creator" && p->inCreator) {
        p->creator = p->text;
        p->inCreator = false;
    } else if (el == "default" && p->inDefault) {
        const auto& cls = p->attributeClass;
        if (cls) (*cls)[p->attributeId].defaultValue = p->text;
        p->inDefault = false;
    } else if (el == "attribute") {
        p->attributeId.clear();
    } else if (el == "attributes") {
        p->attributeClass = nullptr;
    } else if (el == "node" && p->node && !p->edge) {
        p->nodes.push_back(std::move(*p->node));
        p->node.reset();
    } else if (el == "edge" && p->edge) {
        p->edges.push_back(std::move(*p->edge));
        p->edge.reset();
    } else if (el == "graph") {
        p->inGraph = false;
    }
}

void XMLCALL onText(void* user, const XML_Char* s, int len) {
    auto* p = static_cast<Parser*>(static_cast<XmlReader*>(user));
    if (!p->inDefault && !p->inDescription && !p->inCreator) return;
    if (p->text.size() + static_cast<std::size_t>(len) > kMaxValue) return p->fail("a value is longer than 16 MB");
    p->text.append(s, static_cast<std::size_t>(len));
}

// Values of every declared attribute: the element's own, else the attribute's default.
std::vector<std::pair<const Attribute*, std::string>> valuesFor(const std::map<std::string, Attribute>& declared, const PendingElement& e,
                                                                const std::string& where) {
    std::vector<std::pair<const Attribute*, std::string>> out;
    for (const auto& [id, a] : declared) {
        if (const auto it = e.values.find(id); it != e.values.end()) {
            checkTypedValue(a.type, a.title, it->second.text, where);
            out.emplace_back(&a, it->second.text);
        } else if (a.defaultValue) {
            out.emplace_back(&a, *a.defaultValue);
        }
    }
    return out;
}

}  // namespace

ImportResult parseGexf(const std::string& text, const std::string& path) {
    Parser p;
    readXml(p, text, path, onStart, onEnd, onText);
    const std::string& file = p.file;
    if (!p.sawRoot) throw InputError(file + ": the file is empty (no <gexf> element)");
    if (p.graphCount == 0) throw InputError(file + ": no <graph> element");

    ImportResult out;
    out.network.name = !trim(p.graphName).empty() ? trim(p.graphName)
                       : trim(p.creator) == "Knotenpunkt" && !trim(p.description).empty() ? trim(p.description)
                                                                                           : std::filesystem::path(path).stem().string();
    NetworkBuilder builder(out);
    for (const PendingElement& n : p.nodes) {
        const std::string where = file + ":" + std::to_string(n.line);
        Actor actor;
        actor.id = n.id;
        actor.name = trim(n.label).empty() ? n.id : trim(n.label);
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        for (const auto& [a, value] : valuesFor(p.nodeAttributes, n, where)) {
            const ActorField field = actorFieldFor(a->title);
            if (field == ActorField::Name && trim(n.label).empty()) actor.name = trim(value);
            else if (field == ActorField::None || field == ActorField::Id || field == ActorField::Name) actor.attributes[importedAttributeName(a->title, true)] = value;
            else setActorField(actor, field, value, ctx);
        }
        if (n.x && n.y) {
            actor.x = *n.x;
            actor.y = *n.y;
            actor.placed = true;
        }
        // Colour and size as our export derives them (sector, influence) are not kept twice.
        if (n.color) keepDrawnColor(actor, out.network.taxonomy, *n.color);
        if (n.size && *n.size != 6 + 3 * actor.influence) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", *n.size);
            actor.attributes["size"] = buf;
        }
        if (!n.spells.empty()) actor.attributes["spells"] = n.spells;
        builder.addActor(std::move(actor), where);
    }
    for (const PendingElement& e : p.edges) {
        const std::string where = file + ":" + std::to_string(e.line);
        Link link;
        link.id = e.id;
        link.source = e.source;
        link.target = e.target;
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        std::optional<bool> directedValue;
        bool typed = false;
        for (const auto& [a, value] : valuesFor(p.edgeAttributes, e, where)) {
            const LinkField field = linkFieldFor(a->title);
            if (field == LinkField::None || field == LinkField::Id || field == LinkField::Source || field == LinkField::Target)
                link.attributes[importedAttributeName(a->title, false)] = value;
            else if (field == LinkField::Directed) directedValue = parseBool(value, where);
            else {
                setLinkField(link, field, value, ctx);
                typed = typed || field == LinkField::Type;
            }
        }
        // Gephi's edge kind is a relation type where no type attribute says otherwise.
        if (!e.kind.empty()) {
            if (!typed) setLinkField(link, LinkField::Type, e.kind, ctx);
            else link.attributes["kind"] = e.kind;
        }
        if (!e.weight.empty()) setLinkField(link, LinkField::Strength, e.weight, ctx);
        if (!e.label.empty()) link.attributes["label"] = e.label;
        // The edge's own type decides; else a "directed" attribute (our export, mixed
        // networks); else the graph's default. Mutual links are undirected.
        link.directed = !e.type.empty() ? e.type == "directed" : directedValue ? *directedValue : p.defaultEdgeType == "directed";
        if (!e.spells.empty()) link.attributes["spells"] = e.spells;
        builder.addLink(std::move(link), where, "the edge's source", "the edge's target");
    }
    return out;
}

ImportResult importGexf(const std::string& path) {
    return parseGexf(readInputFile(path, kMaxInputBytes), path);
}

}  // namespace knp
