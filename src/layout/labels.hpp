#pragma once
// Label placement: each label beside its actor (right, left, above, below or diagonal), not over
// another label or actor where space allows; labels that fit nowhere are hidden. Important
// actors are placed first. Greedy over a uniform grid, O(n * 8 * neighbours). Shared by the view
// and the exports.
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace knp::layout {

struct LabelSize {
    double width = 0, height = 0;  // points
};

struct PlacedLabel {
    bool visible = false;
    Point centre;  // centre of the label's box
};

// Rough size of a text line: 0.56 em per character (DejaVu Sans averages about that).
LabelSize estimateLabelSize(const std::string& utf8, double fontSize);

std::vector<PlacedLabel> placeLabels(const std::vector<Point>& pos, const std::vector<double>& radius,
                                     const std::vector<LabelSize>& size, const std::vector<double>& priority, double gap = 3);

}  // namespace knp::layout
