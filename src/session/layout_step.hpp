#pragma once
// Layout as a step of a use case: the engines of layout/ with what they need from the analyses
// (rings ranked by a metric), for `knp layout`, `knp export --layout`, the report and the view.
#include <vector>

#include "core/geometry.hpp"
#include "layout/layout.hpp"

namespace knp::session {

// Positions for every actor from the engine `request` names; rings by a metric get the metric
// computed here. InputError for an unknown engine or metric.
std::vector<Point> computeLayout(const Network& network, layout::LayoutRequest request);

}  // namespace knp::session
