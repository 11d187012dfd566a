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

// Fits the map (actors, discs, names) into the part of the window the panels leave free
// (CanvasState::panels, from the frame before), with a margin.
void fitView(AppState& s, float width, float height);
// Whether an actor's centre lies outside that free part (e.g. pushed out by a live layout);
// `at`: positions to check instead of where the actors are shown.
bool actorsOutsideFreeArea(const AppState& s, float width, float height, const std::vector<Point>* at = nullptr);
// The part of the window the map is fitted into (freeRectangle around the panels, for the
// map's extents), and the visible actors whose centre lies outside it.
Bounds freeMapRoom(const AppState& s);
std::vector<std::uint32_t> actorsOutsideView(const AppState& s, const Bounds& room, float width, float height);
// Small arrows at the edge of `room` pointing to those actors (several close together: one,
// with their number), onto `dl`.
void drawOutsideMarkers(const AppState& s, const std::vector<std::uint32_t>& outside, const Bounds& room, float width, float height,
                        ImDrawList& dl);
// Places actors that have no position yet, whatever opened them (in a project one undoable
// "layout" step; in an imported or read-only network without history).
void placeUnplacedActors(AppState& s);
// Mouse and keys on the canvas (when no ImGui window wants them).
void handleCanvasInput(AppState& s, float width, float height);
// Instances for the renderer, from the network, the selection and the view options. Hover is
// not part of them: it changes with every mouse move and is drawn on top (hoverInstance).
void buildInstances(const AppState& s, std::vector<render::NodeInstance>& nodes, std::vector<render::LinkInstance>& links);
std::optional<render::NodeInstance> hoverInstance(const AppState& s);
// The labels drawn: each one's rectangle (x0, y0, x1, y1), the same on the map (world units),
// and actor.
struct LabelPass {
    std::vector<ImVec4> rects;
    std::vector<Bounds> onMap;
    std::vector<std::uint32_t> actors;
};
// Names beside the actors for `view` (window coordinates), added to `dl`, hidden where they
// would overlap, except the selected and the most central actors', which are always named.
// Labels of actors inside `frame` (x0, y0, x1, y1: the window) stay inside it.
void drawLabels(const AppState& s, const render::CanvasView& view, float width, float height, ImDrawList& dl, const ImVec4& frame,
                LabelPass* out = nullptr);
// Actors shown: sector and field filters, hidden isolates, ego network of the selected actor.
std::vector<bool> visibleActors(const AppState& s);
// Actor radius on the map, by influence or the chosen metric.
std::vector<double> displayRadii(const AppState& s);
// Whether the actors shown differ in size on the map (by influence or the chosen metric, before
// the least size on screen): the legend explains sizes only then.
bool sizesVary(const AppState& s);

}  // namespace knp::ui
