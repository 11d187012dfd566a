#pragma once
// The windows over the map: "Alles zeigen" (F), opening, presentation mode and a live layout that
// pushed actors out fit the map into the largest rectangle they leave free (freeRectangle,
// core/geometry.hpp), so that no actor lies under a panel.
#include <vector>

#include "core/geometry.hpp"

namespace knp::ui {

// The rectangles (screen pixels) of the windows that stay over the map in the frame just built:
// ImGui's visible top-level windows (panels, collapsed ones by their title bar, the legend, the
// menu bar); not popups, tooltips or windows without saved settings (the new-actor popup, the
// file dialog, progress, the status bar), which come and go.
std::vector<Bounds> panelRects();
// The window less the main menu bar (ImGui's work area of the main viewport).
Bounds workArea();

}  // namespace knp::ui
