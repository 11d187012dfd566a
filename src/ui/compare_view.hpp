#pragma once
// Compare mode of the view (CompareMode in ui/state.hpp): entering and leaving it, the
// timeline, the per-frame marks and fading (analysis/compare.hpp, the engine of knp compare).
// Its panel with the comparison's findings, figures and metric changes: ui/panels/compare_panel.cpp.
#include <optional>
#include <string>

#include "core/encoding.hpp"
#include "ui/state.hpp"

namespace knp::ui {

// Loads the project's snapshots and builds the scene; `base`: the snapshot compared with
// (by name; empty: the oldest). False, with a status message, when there is nothing to compare.
bool enterCompare(AppState& s, const std::string& base = "");
void leaveCompare(AppState& s);
// One step along the timeline (animated); clamps at its ends.
void stepCompare(AppState& s, int delta);
// Compares with state `base` (an index into CompareMode::states) from now on.
void setCompareBase(AppState& s, int base);
// Per frame: the animation, playing, the comparison table (computed off the UI thread).
void updateCompare(AppState& s, double now);
// V toggles, the arrow keys step (when no text field has the keyboard).
void handleCompareKeys(AppState& s);

// How scene element i is drawn this frame: its mark and how visible it is (0..1).
struct CompareLook {
    analysis::Change mark = analysis::Change::Same;
    float alpha = 1;
};
CompareLook compareActorLook(const AppState& s, std::size_t i);
CompareLook compareLinkLook(const AppState& s, std::size_t k);

// Colours of the marks (0xRRGGBB), shared by the map and the panel's legend.
inline constexpr std::uint32_t kCompareAdded = encoding::kAdded, kCompareRemoved = encoding::kRemoved, kCompareChanged = encoding::kChanged;

}  // namespace knp::ui
