#include "io/dot_export.hpp"

#include <graphviz/cgraph.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

#include "core/errors.hpp"

namespace knp {

namespace {

struct Graph {
    Agraph_t* g = nullptr;
    explicit Graph(const std::string& name, bool directed) {
        Agdesc_t desc = directed ? Agdirected : Agundirected;
        g = agopen(const_cast<char*>(name.c_str()), desc, nullptr);
    }
    ~Graph() { if (g) agclose(g); }
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;
};

void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

std::string hexColor(std::uint32_t rgb) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%06X", rgb & 0xFFFFFF);
    return buf;
}

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string joinLabels(const Taxonomy& t, CategoryKind kind, const std::vector<std::string>& keys, Lang lang) {
    std::string out;
    for (const std::string& k : keys) {
        const Category* c = t.byKey(kind, k);
        out += (out.empty() ? "" : "|") + (c ? c->label(lang) : k);
    }
    return out;
}

std::string labelOf(const Taxonomy& t, CategoryKind kind, const std::string& key, Lang lang) {
    if (key.empty()) return "";
    const Category* c = t.byKey(kind, key);
    return c ? c->label(lang) : key;
}

// Graphviz expands escape sequences such as \N, \G and \L in labels: a user's backslash must
// stay a backslash.
std::string neutralise(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out;
}

}  // namespace

void exportDot(const Network& net, const std::vector<layout::Point>& positions, const std::string& path, const DotExportOptions& o) {
    bool directed = false;
    for (const Link& l : net.links()) directed = directed || l.directed;
    Graph graph(net.name.empty() ? "Knotenpunkt" : net.name, directed);
    if (!graph.g) throw std::runtime_error("cgraph could not create a graph");
    Agraph_t* g = graph.g;
    set(g, "forcelabels", "true");
    set(g, "outputorder", "edgesfirst");
    set(g, "bgcolor", "white");
    agattr(g, AGNODE, const_cast<char*>("shape"), const_cast<char*>("circle"));
    agattr(g, AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    agattr(g, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
    agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>("\\N"));  // Graphviz's default, so "" is written
    agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("DejaVu Sans"));
    agattr(g, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("10"));
    agattr(g, AGNODE, const_cast<char*>("color"), const_cast<char*>("#333333"));
    agattr(g, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.6"));
    std::vector<Agnode_t*> nodes;
    const Taxonomy& t = net.taxonomy;
    for (std::size_t i = 0; i < net.actors().size(); ++i) {
        const Actor& a = net.actors()[i];
        Agnode_t* n = agnode(g, const_cast<char*>(a.id.c_str()), 1);
        nodes.push_back(n);
        const double inches = 2 * layout::actorRadius(a) / 72.0;
        set(n, "label", "");  // the name goes beside the circle
        set(n, "xlabel", neutralise(a.name));
        set(n, "width", number(inches));
        set(n, "height", number(inches));
        set(n, "pos", number(positions[i].x) + "," + number(positions[i].y));
        const Category* sector = t.byKey(CategoryKind::Sector, a.sector);
        set(n, "fillcolor", sector ? hexColor(sector->color) : "#DDDDDD");
        if (a.level == "land" || a.level == "bund") set(n, "shape", "doublecircle");
        set(n, "name", neutralise(a.name));
        if (!a.shortName.empty()) set(n, "short_name", neutralise(a.shortName));
        if (!a.sector.empty()) set(n, "sector", labelOf(t, CategoryKind::Sector, a.sector, o.lang));
        if (!a.fields.empty()) set(n, "fields", joinLabels(t, CategoryKind::Field, a.fields, o.lang));
        if (!a.level.empty()) set(n, "level", labelOf(t, CategoryKind::Level, a.level, o.lang));
        set(n, "influence", std::to_string(a.influence));
        if (a.contactPoint) set(n, "contact_point", "true");
        if (!a.tags.empty()) {
            std::string tags;
            for (const std::string& tag : a.tags) tags += (tags.empty() ? "" : "|") + tag;
            set(n, "tags", neutralise(tags));
        }
        if (a.pinned) set(n, "pinned", "true");
    }
    for (const Link& l : net.links()) {
        Agnode_t* s = nodes[*net.actorIndex(l.source)];
        Agnode_t* d = nodes[*net.actorIndex(l.target)];
        Agedge_t* e = agedge(g, s, d, const_cast<char*>(l.id.c_str()), 1);
        const Category* type = t.byKey(CategoryKind::LinkType, l.type);
        set(e, "color", type ? hexColor(type->color) : "#777777");
        if (type) set(e, "type", type->label(o.lang));
        set(e, "strength", number(l.strength));
        set(e, "penwidth", number(0.6 + 0.9 * std::min(l.strength, 4.0)));
        if (l.status == "geplant") set(e, "style", "dashed");
        else if (l.status == "gewuenscht") set(e, "style", "dotted");
        if (l.status != "besteht") set(e, "status", labelOf(t, CategoryKind::Status, l.status, o.lang));
        if (directed && !l.directed) set(e, "dir", "none");
        if (!l.fields.empty()) set(e, "fields", joinLabels(t, CategoryKind::Field, l.fields, o.lang));
        set(e, "id", l.id);
    }
    const std::filesystem::path target(path);
    const std::filesystem::path temp = target.parent_path() / ("." + target.filename().string() + ".part");
    FILE* f = std::fopen(temp.c_str(), "wb");
    if (!f) throw std::runtime_error(path + ": cannot be written: " + std::strerror(errno));
    const int rc = agwrite(g, f);
    const bool ok = rc == 0 && std::fflush(f) == 0 && fsync(fileno(f)) == 0;
    std::fclose(f);
    if (!ok) {
        std::filesystem::remove(temp);
        throw std::runtime_error(path + ": writing failed");
    }
    std::filesystem::rename(temp, target);
}

}  // namespace knp
