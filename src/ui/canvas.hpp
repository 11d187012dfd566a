#pragma once
// The map canvas: view transform, picking, capture by keyboard and mouse, instance buffers for
// the renderer, labels. Draw first, then read what the user did and apply it as edits.
#include <vector>

#include "render/map_renderer.hpp"
#include "ui/state.hpp"

namespace knp::ui {

// Screen (ImGui pixels, y down) <-> world (points, y up).
layout::Point screenToWorld(const CanvasState& c, float sx, float sy, float width, float height);
void worldToScreen(const CanvasState& c, const layout::Point& p, float width, float height, float& sx, float& sy);

void fitView(AppState& s, float width, float height);
// Places actors that have no position yet (one undoable "layout" step).
void placeUnplacedActors(AppState& s);
// Mouse and keys on the canvas (when no ImGui window wants them).
void handleCanvasInput(AppState& s, float width, float height);
// Instances for the renderer, from the network, the selection and the view options.
void buildInstances(const AppState& s, std::vector<render::NodeInstance>& nodes, std::vector<render::LinkInstance>& links);
// Names beside the actors (ImGui background draw list), hidden where they would overlap.
void drawLabels(const AppState& s, float width, float height);
// Actor radius on the map, by influence or the chosen metric.
std::vector<double> displayRadii(const AppState& s);

}  // namespace knp::ui
