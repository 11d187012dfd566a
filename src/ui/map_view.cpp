#include "ui/map_view.hpp"

#include <algorithm>
#include <functional>
#include <string>

#include "ui/canvas.hpp"

namespace knp::ui {

namespace {

// High contrast (presentation mode, or chosen): pure background, no grid.
bool highContrast(const ViewOptions& o) { return o.highContrast || o.presentation; }

render::CanvasTheme canvasTheme(const ViewOptions& o) {
    render::CanvasTheme theme;
    if (o.dark) {
        const float bg[4] = {0.11f, 0.11f, 0.13f, 1}, grid[4] = {0.18f, 0.18f, 0.21f, 1};
        std::copy(bg, bg + 4, theme.background);
        std::copy(grid, grid + 4, theme.gridLine);
    }
    if (highContrast(o)) {
        std::fill(theme.background, theme.background + 3, o.dark ? 0.0f : 1.0f);
        theme.gridLine[3] = 0;
    }
    return theme;
}

render::MapTheme mapTheme(const ViewOptions& o) {
    render::MapTheme theme;
    if (o.dark) std::fill(theme.rim, theme.rim + 3, 0.9f);
    if (highContrast(o)) theme.rim[3] = 0.95f;
    return theme;
}

// What the instance buffers show; pan, zoom and hover are not part of it.
InstanceKey instanceKey(const AppState& s, bool contrast) {
    const ImGuiIO& io = ImGui::GetIO();
    InstanceKey key;
    key.version = s.version;
    key.resultsVersion = s.results ? s.results->version : 0;
    key.selection = s.selectedActors.size();
    for (const std::string& id : s.selectedActors) key.selectionHash ^= std::hash<std::string>{}(id);
    key.selectedLink = s.selectedLink.value_or("");
    key.dragging = s.canvas.dragging;
    if (s.canvas.dragging) {
        key.dragX = io.MousePos.x;
        key.dragY = io.MousePos.y;
    }
    key.animation = s.animation ? s.animation->t : -1;
    key.scale = s.canvas.view.scale;
    key.compareT = s.compare.active ? s.compare.t : -1;
    key.compareBase = s.compare.active ? s.compare.base : -1;
    key.colorBy = s.options.colorBy;
    key.sizeBy = s.options.sizeBy;
    key.egoSteps = s.options.egoSteps;
    key.hideIsolates = s.options.hideIsolates;
    key.suggestions = s.options.showSuggestions;
    key.presentation = s.options.presentation;
    key.highContrast = contrast;
    key.hiddenSectors = s.options.hiddenSectors.size();
    key.hiddenFields = s.options.hiddenFields.size();
    key.hiddenLinkTypes = s.options.hiddenLinkTypes.size();
    key.hiddenStatuses = s.options.hiddenStatuses.size();
    return key;
}

}  // namespace

MapView::MapView() : labelList_(ImGui::GetDrawListSharedData()) {}

void MapView::updateInstances(const AppState& s, bool contrast) {
    const InstanceKey key = instanceKey(s, contrast);
    if (built_ && key == builtFor_) return;
    buildInstances(s, nodes_, links_);
    map_.setLinks(links_);
    map_.setNodes(nodes_);
    builtFor_ = key;
    built_ = true;
    ++generation_;
}

void MapView::paint(const AppState& s, Compositor& compositor, float width, int fbWidth, int fbHeight, bool forceRedraw, PhaseClock& phases) {
    // The renderer works in framebuffer pixels; ImGui in window coordinates.
    const float fbScale = width > 0 ? static_cast<float>(fbWidth) / width : 1.0f;
    render::CanvasView view = s.canvas.view;
    view.scale *= fbScale;
    const bool contrast = highContrast(s.options);
    const render::CanvasTheme theme = canvasTheme(s.options);
    phases.mark(Phase::Setup);
    updateInstances(s, contrast);
    phases.mark(Phase::Instances);
    const render::MapTheme mapLook = mapTheme(s.options);
    MapLayerKey mapKey;
    mapKey.content = generation_ * 16 + (s.options.dark ? 1 : 0) + (s.options.presentation ? 2 : 0) + (s.options.labels ? 4 : 0) +
                     (contrast ? 8 : 0) + static_cast<std::uint64_t>(ImGui::GetFontSize()) * 1000003ull;
    mapKey.scale = view.scale;
    mapKey.width = fbWidth;
    mapKey.height = fbHeight;
    compositor.resetStats();
    compositor.prepareImGui(ImGui::GetDrawData(), fbWidth, fbHeight);
    compositor.presentMap(fbWidth, fbHeight, view, mapKey, forceRedraw,
                          [&](const render::CanvasView& at, const std::optional<render::PixelRect>& clip, int lw, int lh) {
                              paintMap(s, at, clip, lw, lh, theme, mapLook, fbScale);
                          });
    phases.mark(Phase::Map);
    if (const auto hovered = hoverInstance(s)) map_.drawOverlay({*hovered}, fbWidth, fbHeight, view, mapLook);
    compositor.presentImGui(ImGui::GetDrawData(), fbWidth, fbHeight);
    phases.mark(Phase::OverlayPanels);
}

void MapView::paintMap(const AppState& s, const render::CanvasView& at, const std::optional<render::PixelRect>& clip, int lw, int lh,
                       const render::CanvasTheme& theme, const render::MapTheme& mapLook, float fbScale) {
    canvas_.draw(0, 0, lw, lh, at, theme);
    map_.draw(lw, lh, at, mapLook, clip ? &*clip : nullptr);
    if (!s.options.labels) return;
    // Labels are placed once per view and content, over all of the layer (window coordinates
    // scaled to its size); strips reuse them, clipped to the strip.
    const float layerWidth = static_cast<float>(lw) / fbScale, layerHeight = static_cast<float>(lh) / fbScale;
    const LabelKey wanted{at.originX, at.originY, at.scale, generation_, ImGui::GetFontSize(), lw, lh};
    if (!(labelsFor_ == wanted)) {
        labelList_._ResetForNewFrame();
        labelList_.PushTextureID(ImGui::GetIO().Fonts->TexID);
        labelList_.PushClipRect(ImVec2(0, 0), ImVec2(layerWidth, layerHeight));
        render::CanvasView windowView = at;
        windowView.scale /= fbScale;
        labels_ = {};
        // Names of actors in the part of the map last fitted into the room the panels leave free
        // stay inside it (in world units: the same wherever the layer is drawn for).
        const Bounds& room = s.canvas.roomOnMap;
        float x0 = 0, y0 = 0, x1 = layerWidth, y1 = layerHeight;
        if (room.width() > 0) {
            worldToScreen(windowView, {room.minX, room.maxY}, layerWidth, layerHeight, x0, y0);
            worldToScreen(windowView, {room.maxX, room.minY}, layerWidth, layerHeight, x1, y1);
        }
        const ImVec4 frame(x0, y0, x1, y1);
        drawLabels(s, windowView, layerWidth, layerHeight, labelList_, frame, &labels_);
        labelsFor_ = wanted;
    }
    const ImVec4 clipRect = clip ? ImVec4(static_cast<float>(clip->x) / fbScale, static_cast<float>(lh - clip->y - clip->height) / fbScale,
                                          static_cast<float>(clip->x + clip->width) / fbScale, static_cast<float>(lh - clip->y) / fbScale)
                                 : ImVec4(0, 0, layerWidth, layerHeight);
    // A strip no label reaches skips the labels' pass.
    if (clip && std::none_of(labels_.rects.begin(), labels_.rects.end(), [&](const ImVec4& r) {
            return r.x < clipRect.z && r.z > clipRect.x && r.y < clipRect.w && r.w > clipRect.y;
        }))
        return;
    for (ImDrawCmd& cmd : labelList_.CmdBuffer) cmd.ClipRect = clipRect;
    const ImVec2 layerSize(layerWidth, layerHeight);
    renderDrawLists(ImGui::GetDrawData(), {&labelList_}, &layerSize);
}

}  // namespace knp::ui
