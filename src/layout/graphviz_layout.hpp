#pragma once
// Graphviz's layout engines (dot, neato, fdp, sfdp, circo, twopi) through gvc and cgraph, with
// the positions read back in points. Handles live in RAII wrappers; a Graphviz error becomes a
// GraphvizError with Graphviz's own message, never a crash of the caller's state.
#include <stdexcept>
#include <string>
#include <vector>

#include "core/graph_view.hpp"
#include "core/geometry.hpp"

namespace knp::layout {

class GraphvizError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

const std::vector<std::string>& graphvizEngines();  // dot, neato, fdp, sfdp, circo, twopi

struct GraphvizOptions {
    std::string engine = "neato";
    std::uint64_t seed = 1;
    std::vector<double> radius;   // per actor, points
    std::vector<Point> initial;   // pinned actors keep these (neato and fdp)
    std::vector<bool> pinned;
};

std::vector<Point> graphvizLayout(const GraphView& g, const GraphvizOptions& o);

}  // namespace knp::layout
