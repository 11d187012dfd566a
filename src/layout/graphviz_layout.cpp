#include "layout/graphviz_layout.hpp"

#include <cstring>

#include "layout/isolation.hpp"

#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdio>

#include "layout/graphviz_guard.hpp"

namespace knp::layout {

namespace {

struct Context {
    GVC_t* gvc = gvContext();
    ~Context() { if (gvc) gvFreeContext(gvc); }
    Context() = default;
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
};

struct Graph {
    Agraph_t* g = nullptr;
    GVC_t* laidOutBy = nullptr;
    Graph(const char* name, bool directed) {
        Agdesc_t desc = directed ? Agdirected : Agundirected;
        g = agopen(const_cast<char*>(name), desc, nullptr);
    }
    ~Graph() {
        if (g && laidOutBy) gvFreeLayout(laidOutBy, g);
        if (g) agclose(g);
    }
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;
};

void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

}  // namespace

const std::vector<std::string>& graphvizEngines() {
    static const std::vector<std::string> engines = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    return engines;
}

namespace {
std::vector<Point> layoutHere(const analysis::GraphView& view, const GraphvizOptions& o) {
    const GraphvizGuard guard;  // one Graphviz user at a time; its messages go to guard.messages()
    Context ctx;
    if (!ctx.gvc) throw GraphvizError("Graphviz could not be started (gvContext failed)");
    Graph graph("knp", view.directed);
    if (!graph.g) throw GraphvizError("Graphviz could not create a graph");
    set(graph.g, "overlap", "false");
    set(graph.g, "splines", "false");
    set(graph.g, "start", std::to_string(o.seed % 100000));
    set(graph.g, "notranslate", "true");
    // Spacing for maps with names beside the circles (inches).
    if (o.engine == "dot") { set(graph.g, "rankdir", "TB"); set(graph.g, "ranksep", "0.9"); set(graph.g, "nodesep", "0.5"); }
    // Radial and circular layouts keep their shape when overlaps are removed by scaling.
    if (o.engine == "twopi") { set(graph.g, "ranksep", "1.4"); set(graph.g, "overlap", "scale"); }
    if (o.engine == "circo") { set(graph.g, "mindist", "1.2"); set(graph.g, "overlap", "scale"); }
    if (o.engine == "neato" || o.engine == "fdp") set(graph.g, "sep", "+12");
    std::vector<Agnode_t*> nodes(view.n);
    char name[32];
    for (std::size_t i = 0; i < view.n; ++i) {
        std::snprintf(name, sizeof name, "n%zu", i);
        nodes[i] = agnode(graph.g, name, 1);
        const double diameter = 2 * (o.radius.size() > i ? o.radius[i] : 18.0) / 72.0;
        set(nodes[i], "shape", "circle");
        set(nodes[i], "fixedsize", "true");
        set(nodes[i], "label", "");
        set(nodes[i], "width", std::to_string(diameter));
        set(nodes[i], "height", std::to_string(diameter));
        if (o.pinned.size() > i && o.pinned[i] && (o.engine == "neato" || o.engine == "fdp")) {
            char pos[96];
            std::snprintf(pos, sizeof pos, "%.4f,%.4f!", o.initial[i].x / 72.0, o.initial[i].y / 72.0);
            set(nodes[i], "pos", pos);
            set(nodes[i], "pin", "true");
        }
    }
    const analysis::Csr& arcs = view.directed ? view.out : view.undirected;
    for (std::uint32_t u = 0; u < view.n; ++u)
        for (const std::uint32_t v : arcs.neighbors(u))
            if (view.directed || u < v) agedge(graph.g, nodes[u], nodes[v], nullptr, 1);
    const int rc = gvLayout(ctx.gvc, graph.g, o.engine.c_str());
    if (rc != 0) throw GraphvizError("Graphviz " + o.engine + " failed (code " + std::to_string(rc) + ")" +
                                     (guard.messages().empty() ? "" : ": " + guard.messages()));
    graph.laidOutBy = ctx.gvc;
    std::vector<Point> pos(view.n);
    for (std::size_t i = 0; i < view.n; ++i) pos[i] = Point{ND_coord(nodes[i]).x, ND_coord(nodes[i]).y};
    return pos;
}

}  // namespace

std::vector<Point> graphvizLayout(const analysis::GraphView& view, const GraphvizOptions& o) {
    if (std::find(graphvizEngines().begin(), graphvizEngines().end(), o.engine) == graphvizEngines().end())
        throw GraphvizError("unknown Graphviz engine \"" + o.engine + "\" (known: dot, neato, fdp, sfdp, circo, twopi)");
    // In a child process with limits (layout/isolation.hpp): positions come back as raw doubles.
    const std::string bytes = runIsolated("Graphviz layout " + o.engine, [&] {
        const std::vector<Point> p = layoutHere(view, o);
        return std::string(reinterpret_cast<const char*>(p.data()), p.size() * sizeof(Point));
    });
    if (bytes.size() != view.n * sizeof(Point)) throw GraphvizError("Graphviz layout " + o.engine + ": an incomplete answer came back");
    std::vector<Point> out(view.n);
    if (!bytes.empty()) std::memcpy(out.data(), bytes.data(), bytes.size());
    return out;
}

}  // namespace knp::layout
