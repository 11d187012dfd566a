#include "session/layout_step.hpp"

#include <stdexcept>
#include <string>

#include "analysis/metrics.hpp"
#include "core/errors.hpp"
#include "core/graph_view.hpp"

namespace knp::session {

std::vector<Point> computeLayout(const Network& network, layout::LayoutRequest request) {
    if (request.engine == "rings" && request.ringRank != "influence") {
        const GraphView g = GraphView::build(network);
        analysis::MetricsOptions mo;
        mo.names = {request.ringRank};
        try {
            request.ringRankValues = analysis::computeMetrics(g, mo).columns.at(0).values;
        } catch (const std::invalid_argument& e) {
            throw InputError(std::string("rings: ") + e.what());
        }
    }
    return layout::computeLayout(network, request);
}

}  // namespace knp::session
