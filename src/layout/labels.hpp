#pragma once
// Label placement: each label beside its actor (right, left, above, below or diagonal), not over
// another label or actor where space allows; labels that fit nowhere are hidden. Important
// actors are placed first. Among the free places, one that no link crosses and that does not
// sit right beside another actor (where it would read as that actor's name) comes first.
// Greedy over uniform grids, O(n * 8 * neighbours + total link length / cell).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace knp::layout {

struct LabelSize {
    double width = 0, height = 0;  // points
};

struct PlacedLabel {
    bool visible = false;
    Point centre;         // centre of the label's box
    bool leader = false;  // placed a step away from its actor (draw a line to it)
};

// Rough size of a text line: 0.56 em per character (DejaVu Sans averages about that).
LabelSize estimateLabelSize(const std::string& utf8, double fontSize);

// How labels are placed beyond priority: the gap to their actor, a frame the labels of actors
// inside it stay in (no name cut off at a window's edge), and labels that are placed even where
// they overlap others (the selected and the most central actors are always named).
struct LabelRules {
    double gap = 3;
    std::optional<std::array<double, 4>> frame;  // x0, y0, x1, y1
    // Per label (empty: none): 1 placed over actors where no free place is left (not over other
    // names), 2 placed at its first place inside the frame whatever is there.
    std::vector<char> always;
    // Links as segments (x0, y0, x1, y1) that labels keep off where they can: of the places a
    // label may take, the one crossed by the fewest links and beside the fewest other actors
    // (closer than neighbourMargin to their disc) is taken; ties in the order above. Empty and
    // 0: the first place that fits.
    std::vector<std::array<double, 4>> links;
    double neighbourMargin = 0;
};

std::vector<PlacedLabel> placeLabels(const std::vector<Point>& pos, const std::vector<double>& radius,
                                     const std::vector<LabelSize>& size, const std::vector<double>& priority, const LabelRules& rules);
inline std::vector<PlacedLabel> placeLabels(const std::vector<Point>& pos, const std::vector<double>& radius,
                                            const std::vector<LabelSize>& size, const std::vector<double>& priority, double gap = 3) {
    LabelRules rules;
    rules.gap = gap;
    return placeLabels(pos, radius, size, priority, rules);
}

}  // namespace knp::layout
