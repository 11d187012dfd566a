#include "layout/layout.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/errors.hpp"
#include "layout/force_layout.hpp"
#include "layout/graphviz_layout.hpp"

namespace knp::layout {

const std::vector<std::string>& engineNames() {
    static const std::vector<std::string> names = {"force", "rings", "dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    return names;
}

std::vector<double> actorRadii(const Network& network) {
    std::vector<double> r;
    r.reserve(network.actors().size());
    for (const Actor& a : network.actors()) r.push_back(actorRadius(a));
    return r;
}

std::vector<Point> computeLayout(const Network& network, const LayoutRequest& request) {
    const auto& actors = network.actors();
    const std::size_t n = actors.size();
    std::vector<Point> current(n);
    std::vector<bool> placed(n), pinned(n);
    for (std::size_t i = 0; i < n; ++i) {
        current[i] = Point{actors[i].x, actors[i].y};
        placed[i] = actors[i].placed;
        pinned[i] = actors[i].pinned && actors[i].placed;
    }
    std::vector<Point> result;
    if (request.engine == "force") {
        const GraphView g = GraphView::build(network);
        LayoutInput in{&g, actorRadii(network), current, placed, pinned};
        ForceOptions o;
        o.seed = request.seed;
        o.incremental = request.incremental;
        o.cancel = request.cancel;
        o.progress = request.progress;
        result = forceLayout(in, o);
    } else if (request.engine == "rings") {
        RingOptions o;
        o.grouping = request.grouping;
        if (request.ringRank != "influence") {
            if (request.ringRankValues.size() != n)
                throw std::invalid_argument("computeLayout: rings by " + request.ringRank + " need one value per actor (session::computeLayout)");
            o.rank = request.ringRankValues;
            for (double& v : o.rank)
                if (v != v) v = -1;  // undefined values go outside
        }
        result = ringLayout(network, o).positions;
    } else if (std::find(graphvizEngines().begin(), graphvizEngines().end(), request.engine) != graphvizEngines().end()) {
        const GraphView g = GraphView::build(network);
        GraphvizOptions o;
        o.engine = request.engine;
        o.seed = request.seed;
        o.radius = actorRadii(network);
        o.initial = current;
        o.pinned = pinned;
        result = graphvizLayout(g, o);
    } else {
        std::string known;
        for (const std::string& e : engineNames()) known += (known.empty() ? "" : ", ") + e;
        throw InputError("unknown layout engine \"" + request.engine + "\" (known: " + known + ")");
    }
    for (std::size_t i = 0; i < n; ++i)
        if (pinned[i]) result[i] = current[i];
    return result;
}

Edit cmdLayout(const Network& network, const std::vector<Point>& positions, const std::string& engine) {
    std::vector<Placement> moves;
    for (std::size_t i = 0; i < network.actors().size(); ++i) {
        const Actor& a = network.actors()[i];
        if (a.pinned && a.placed) continue;
        moves.push_back({a.id, positions[i].x, positions[i].y});
    }
    Edit edit = cmdMove(network, moves);
    edit.kind = "layout";
    edit.subject = engine;
    return edit;
}

}  // namespace knp::layout
