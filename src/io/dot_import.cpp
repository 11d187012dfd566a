#include "io/dot_import.hpp"

#include <cmath>
#include <cstdlib>

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "core/errors.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"
#include "io/network_builder.hpp"
#include "io/text_encoding.hpp"
#include "graphviz/guard.hpp"
#include "graphviz/handles.hpp"

namespace knp {

namespace {

// Graphviz's drawing attributes: how a tool drew the map, not facts about actors or links.
bool drawingAttribute(const std::string& name) {
    static const std::set<std::string> names = {
        "shape", "color", "fillcolor", "fontcolor", "fontname", "fontsize", "width", "height", "fixedsize", "style",
        "penwidth", "arrowsize", "arrowhead", "arrowtail", "dir", "xlabel", "pos", "margin", "peripheries", "regular",
        "sides", "skew", "distortion", "orientation", "image", "imagescale", "labelloc", "labeljust", "tooltip", "URL",
        "href", "target", "class", "group", "ordering", "constraint", "minlen", "len", "headport", "tailport", "lhead",
        "ltail", "samehead", "sametail", "decorate", "labelfloat", "labelangle", "labeldistance", "headlabel", "taillabel",
        "gradientangle", "layer", "nojustify", "z", "vertices", "rects", "lp", "head_lp", "tail_lp", "xlp", "bb", "comment",
        "colorscheme", "showboxes", "sortv", "root", "pin"};
    return names.count(name) > 0;
}

// Attribute values of an object that differ from nothing: every declared attribute with a
// non-empty value.
template <class F>
void forEachAttribute(Agraph_t* g, int kind, void* object, F&& f) {
    for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym)) {
        const char* value = agxget(object, sym);
        if (value && *value) f(std::string(sym->name), std::string(value));
    }
}

// Refuses subgraphs nested deeper than `limit` before Graphviz sees them: its parser runs out of
// stack ("memory exhausted") and is left in a state that garbles the next file it reads.
void checkNesting(const std::string& text, const std::string& file, int limit) {
    int depth = 0;
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') ++line;
        if (c == '"') {  // quoted string: \" does not end it
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\n') ++line;
                if (text[i] == '\\' && i + 1 < text.size()) {
                    if (text[i + 1] == '\n') ++line;
                    ++i;
                }
            }
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            while (i < text.size() && text[i] != '\n') ++i;
            ++line;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            for (i += 2; i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/'); ++i)
                if (text[i] == '\n') ++line;
            ++i;
        } else if (c == '{' && ++depth > limit) {
            throw InputError(file + ":" + std::to_string(line) + ": subgraphs nested deeper than " + std::to_string(limit) + " levels");
        } else if (c == '}') {
            --depth;
        }
    }
}

}  // namespace

ImportResult parseDot(const std::string& input, const std::string& path) {
    const std::string file = std::filesystem::path(path).filename().string();
    const std::string text = decodeText(input, file).utf8;
    checkNesting(text, file, 256);
    ImportResult out;
    graphviz::Graph graph;
    {
        const GraphvizGuard guard;
        graph = graphviz::Graph::adopt(agmemread(text.c_str()));
        if (!graph) {
            std::string why = guard.messages();
            while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
            // Graphviz says "syntax error in line 3 near 'x'": keep its words, with our file name.
            std::size_t line = 0;
            if (const auto at = why.find("in line "); at != std::string::npos) line = std::strtoul(why.c_str() + at + 8, nullptr, 10);
            throw InputError(file + (line ? ":" + std::to_string(line) : std::string()) + ": not readable as DOT" +
                             (why.empty() ? std::string() : " (" + why + ")"));
        }
    }
    Agraph_t* g = graph.get();
    out.network.name = agnameof(g) && *agnameof(g) && std::strncmp(agnameof(g), "%", 1) != 0 ? agnameof(g)
                                                                                               : std::filesystem::path(path).stem().string();
    const bool directedGraph = agisdirected(g);
    NetworkBuilder builder(out);
    // Sectors from labelled subgraphs and clusters (first one that names a node wins).
    std::map<std::string, std::string> sectorOf;
    for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
        const char* label = agget(sub, const_cast<char*>("label"));
        if (!label || !*label) continue;
        for (Agnode_t* n = agfstnode(sub); n; n = agnxtnode(sub, n)) sectorOf.emplace(agnameof(n), label);
    }
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const std::string id = agnameof(n);
        const std::string where = file + ": node \"" + id + "\"";
        Actor actor;
        actor.id = id;
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        std::string fromName, fromLabel;
        bool hasSector = false;
        forEachAttribute(g, AGNODE, n, [&](const std::string& name, const std::string& value) {
            const std::string lower = normalizeLabel(name);
            if (lower == "name") fromName = trim(value);
            else if (lower == "label") {
                if (value != "\\N") fromLabel = trim(value);
            } else if (name == "pos") {
                double x = 0, y = 0;
                if (std::sscanf(value.c_str(), "%lf,%lf", &x, &y) == 2) {
                    actor.x = x;
                    actor.y = y;
                    actor.placed = true;
                    if (value.find('!') != std::string::npos) actor.pinned = true;
                }
            } else if (drawingAttribute(name)) {
            } else if (const ActorField f = actorFieldFor(name); f == ActorField::None || f == ActorField::Id) {
                actor.attributes[name] = value;
            } else {
                if (f == ActorField::Sector) hasSector = true;
                setActorField(actor, f, value, ctx);
            }
        });
        if (!hasSector)
            if (const auto it = sectorOf.find(id); it != sectorOf.end()) setActorField(actor, ActorField::Sector, it->second, ctx);
        actor.name = !fromName.empty() ? fromName : !fromLabel.empty() ? fromLabel : id;
        builder.addActor(std::move(actor), where);
    }
    // Edges in the order the file has them (cgraph lists them by tail node).
    std::vector<Agedge_t*> edges;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) edges.push_back(e);
    std::sort(edges.begin(), edges.end(), [](Agedge_t* a, Agedge_t* b) { return AGSEQ(a) < AGSEQ(b); });
    for (Agedge_t* e : edges) {
        Link link;
        link.source = agnameof(agtail(e));
        link.target = agnameof(aghead(e));
        const std::string where = file + ": edge \"" + link.source + "\" -> \"" + link.target + "\"";
        link.directed = directedGraph;
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        forEachAttribute(g, AGEDGE, e, [&](const std::string& name, const std::string& value) {
            if (name == "dir") {
                if (value == "none") link.directed = false;
                return;
            }
            // Graphviz's own weight is a layout hint that may be 0: a strength only when positive.
            if (name == "weight") {
                char* end = nullptr;
                const double w = std::strtod(value.c_str(), &end);
                if (end != value.c_str() && *end == '\0' && w > 0 && std::isfinite(w)) link.strength = w;
                else link.attributes["weight"] = value;
                return;
            }
            if (name == "key" || drawingAttribute(name) || name == "label") {
                if (name == "label") link.attributes["label"] = value;
                return;
            }
            const LinkField f = linkFieldFor(name);
            if (f == LinkField::Id) link.id = value;
            else if (f == LinkField::None || f == LinkField::Source || f == LinkField::Target) link.attributes[name] = value;
            else setLinkField(link, f, value, ctx);
        });
        builder.addLink(std::move(link), where, "the edge's tail", "the edge's head");
    }
    return out;
}

ImportResult importDot(const std::string& path) { return parseDot(readInputFile(path, kMaxInputBytes), path); }

}  // namespace knp
