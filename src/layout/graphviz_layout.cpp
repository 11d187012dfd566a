#include "layout/graphviz_layout.hpp"

#include <cstring>

#include "graphviz/isolation.hpp"

#include "graphviz/handles.hpp"

#include <algorithm>
#include <cstdio>

#include "graphviz/guard.hpp"

namespace knp::layout {

namespace {

constexpr auto set = &graphviz::setAttribute;

}  // namespace

const std::vector<std::string>& graphvizEngines() {
    static const std::vector<std::string> engines = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    return engines;
}

namespace {
std::vector<Point> layoutHere(const GraphView& view, const GraphvizOptions& o) {
    const GraphvizGuard guard;  // one Graphviz user at a time; its messages go to guard.messages()
    graphviz::Context ctx;
    if (!ctx) throw GraphvizError("Graphviz could not be started (gvContext failed)");
    graphviz::Graph graph("knp", view.directed);
    if (!graph) throw GraphvizError("Graphviz could not create a graph");
    set(graph.get(), "overlap", "false");
    set(graph.get(), "splines", "false");
    set(graph.get(), "start", std::to_string(o.seed % 100000));
    set(graph.get(), "notranslate", "true");
    // Spacing for maps with names beside the circles (inches).
    if (o.engine == "dot") { set(graph.get(), "rankdir", "TB"); set(graph.get(), "ranksep", "0.9"); set(graph.get(), "nodesep", "0.5"); }
    // Radial and circular layouts keep their shape when overlaps are removed by scaling.
    if (o.engine == "twopi") { set(graph.get(), "ranksep", "1.4"); set(graph.get(), "overlap", "scale"); }
    if (o.engine == "circo") { set(graph.get(), "mindist", "1.2"); set(graph.get(), "overlap", "scale"); }
    if (o.engine == "neato" || o.engine == "fdp") set(graph.get(), "sep", "+12");
    std::vector<Agnode_t*> nodes(view.n);
    char name[32];
    for (std::size_t i = 0; i < view.n; ++i) {
        std::snprintf(name, sizeof name, "n%zu", i);
        nodes[i] = agnode(graph.get(), name, 1);
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
    const Csr& arcs = view.directed ? view.out : view.undirected;
    for (std::uint32_t u = 0; u < view.n; ++u)
        for (const std::uint32_t v : arcs.neighbors(u))
            if (view.directed || u < v) agedge(graph.get(), nodes[u], nodes[v], nullptr, 1);
    const int rc = graph.layout(ctx, o.engine.c_str());
    if (rc != 0) throw GraphvizError("Graphviz " + o.engine + " failed (code " + std::to_string(rc) + ")" +
                                     (guard.messages().empty() ? "" : ": " + guard.messages()));
    std::vector<Point> pos(view.n);
    for (std::size_t i = 0; i < view.n; ++i) pos[i] = Point{ND_coord(nodes[i]).x, ND_coord(nodes[i]).y};
    return pos;
}

}  // namespace

std::vector<Point> graphvizLayout(const GraphView& view, const GraphvizOptions& o) {
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
