#pragma once
// The map canvas: view transform, picking, capture by keyboard and mouse, instance buffers for
// the renderer, labels. Draw first, then read what the user did and apply it as edits.
#include <optional>
#include <vector>

#include <imgui.h>

#include "render/map_renderer.hpp"
#include "ui/state.hpp"

namespace knp::ui {

// Screen (ImGui pixels, y down) <-> world (points, y up).
Point screenToWorld(const CanvasState& c, float sx, float sy, float width, float height);
void worldToScreen(const CanvasState& c, const Point& p, float width, float height, float& sx, float& sy);
void worldToScreen(const render::CanvasView& v, const Point& p, float width, float height, float& sx, float& sy);

void fitView(AppState& s, float width, float height);
// Places actors that have no position yet, whatever opened them (in a project one undoable
// "layout" step; in an imported or read-only network without history).
void placeUnplacedActors(AppState& s);
// Mouse and keys on the canvas (when no ImGui window wants them).
void handleCanvasInput(AppState& s, float width, float height);
// Instances for the renderer, from the network, the selection and the view options. Hover is
// not part of them: it changes with every mouse move and is drawn on top (hoverInstance).
void buildInstances(const AppState& s, std::vector<render::NodeInstance>& nodes, std::vector<render::LinkInstance>& links);
std::optional<render::NodeInstance> hoverInstance(const AppState& s);
// Names beside the actors for `view` (window coordinates), added to `dl`, hidden where they
// would overlap.
// `rects`, when given, receives each drawn label's rectangle (x0, y0, x1, y1).
void drawLabels(const AppState& s, const render::CanvasView& view, float width, float height, ImDrawList& dl,
                std::vector<ImVec4>* rects = nullptr);
// Actors shown: sector and field filters, hidden isolates, ego network of the selected actor.
std::vector<bool> visibleActors(const AppState& s);
// Actor radius on the map, by influence or the chosen metric.
std::vector<double> displayRadii(const AppState& s);

}  // namespace knp::ui
