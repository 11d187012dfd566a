#pragma once
// Puts a frame together from cached layers, so that a frame costs what changed, not what is
// shown: the map (grid, links, actors, labels) is drawn into a layer only when its content or
// zoom changed; a pan shifts the layer and draws only the strips that came into view. ImGui's
// windows are drawn into a second layer only when their vertices changed. On a software
// renderer (Mesa llvmpipe) this is the difference between 15 and 5 ms for the sample.
#include <functional>
#include <optional>
#include <vector>

#include <imgui.h>

#include "render/canvas_renderer.hpp"
#include "render/layer.hpp"

namespace knp::ui {

// What the map layer shows apart from the position of the view; any change redraws it.
struct MapLayerKey {
    std::uint64_t content = 0;  // hash of instances and label inputs
    float scale = 0;
    int width = 0, height = 0;
    bool operator==(const MapLayerKey&) const = default;
};

struct CompositorStats {
    bool mapRedrawn = false;    // whole map drawn
    bool mapShifted = false;    // pan: the window moved over the map layer (or it was shifted)
    bool panelsRedrawn = false;
};

class Compositor {
public:
    // Draws the map for `view` (framebuffer pixels per world unit, `view` at the centre) into
    // the bound target of width x height pixels; `clip`, when set, limits drawing to that
    // rectangle (scissor).
    using MapPainter = std::function<void(const render::CanvasView& view, const std::optional<render::PixelRect>& clip, int width, int height)>;
    // How far the map layer reaches beyond each edge of the window (framebuffer pixels).
    static constexpr int kOverscan = 96;

    // Brings the map layer up to date for `view` and copies the window's part of it into the
    // frame (drawing goes to the frame until frame() is presented). `forceRedraw` forces a
    // whole redraw.
    void presentMap(int width, int height, const render::CanvasView& view, const MapLayerKey& key, bool forceRedraw,
                    const MapPainter& paint);
    // ImGui's draw data, in two steps: sort its lists into those drawn straight to the window
    // (background, translucent) and opaque windows kept in the panel layer, then draw them.
    void prepareImGui(ImDrawData* data, int width, int height);
    void presentImGui(ImDrawData* data, int width, int height);
    // The finished frame, for the presenter (and screenshots).
    const render::Layer& frame() const { return *frame_; }
    // The parts of the frame that may differ from the frame before (framebuffer pixels): the
    // presenter may leave the rest of the window as it is.
    const std::vector<render::PixelRect>& damage() const { return damage_; }

    const CompositorStats& stats() const { return stats_; }
    void resetStats() { stats_ = {}; }

private:
    std::optional<render::Layer> map_[2];
    int current_ = 0;
    bool mapValid_ = false;
    MapLayerKey mapKey_;
    float originX_ = 0, originY_ = 0;  // world position the current map layer has at its centre
    int lastDx_ = 0, lastDy_ = 0;      // the window's offset over the layer in the frame before
    std::optional<render::Layer> panels_, frame_;
    std::uint64_t panelHash_ = 0;
    bool panelsValid_ = false;
    std::vector<render::PixelRect> panelRects_;
    std::vector<ImDrawList*> before_, layered_, after_;
    std::vector<render::PixelRect> boxes_;
    std::uint64_t hash_ = 0;
    std::vector<render::PixelRect> damage_;
    bool drawnOverPanels_ = true, framePresented_ = false;
    CompositorStats stats_;
};

// Renders some of the lists of `data` (ImGui's OpenGL 3 backend) into the bound target;
// `displaySize`, when given, replaces the window's size (window coordinates) as the target's.
void renderDrawLists(ImDrawData* data, const std::vector<ImDrawList*>& lists, const ImVec2* displaySize = nullptr);

}  // namespace knp::ui
