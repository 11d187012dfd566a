#pragma once
// Paints a frame of the view: the map (grid, links, actors, labels) through the compositor's
// cached layers, the hovered actor on top, then ImGui's windows. Instance buffers are rebuilt
// only when what they show changed, labels only when the view or the content did.
#include <cstdint>
#include <optional>
#include <vector>

#include <imgui.h>

#include "render/canvas_renderer.hpp"
#include "render/map_renderer.hpp"
#include "ui/bench.hpp"
#include "ui/canvas.hpp"
#include "ui/compositor.hpp"
#include "ui/state.hpp"

namespace knp::ui {

class MapView {
public:
    MapView();
    // Paints the frame into the compositor for a window of `width` (window coordinates) and a
    // framebuffer of fbWidth x fbHeight pixels. `forceRedraw`: the whole map, no cached layers
    // (a test hook). Marks the phases Setup to OverlayPanels.
    void paint(const AppState& s, Compositor& compositor, float width, int fbWidth, int fbHeight, bool forceRedraw, PhaseClock& phases);
    // The actors named on the map the last time labels were placed.
    const std::vector<std::uint32_t>& labelledActors() const { return labels_.actors; }
    const LabelPass& labels() const { return labels_; }

private:
    // Where the labels were placed for: the view and the content.
    struct LabelKey {
        float originX = 0, originY = 0, scale = 0;
        std::uint64_t generation = ~0ull;
        float fontSize = 0;
        int layerWidth = 0, layerHeight = 0;
        bool operator==(const LabelKey&) const = default;
    };
    void updateInstances(const AppState& s, bool contrast);
    // Draws the map for `at` into the bound target (lw x lh pixels), `clip` limiting it.
    void paintMap(const AppState& s, const render::CanvasView& at, const std::optional<render::PixelRect>& clip, int lw, int lh,
                  const render::CanvasTheme& theme, const render::MapTheme& mapTheme, float fbScale);

    render::CanvasRenderer canvas_;
    render::MapRenderer map_;
    std::vector<render::NodeInstance> nodes_;
    std::vector<render::LinkInstance> links_;
    bool built_ = false;
    InstanceKey builtFor_;
    std::uint64_t generation_ = 0;  // bumped with each rebuild of the instances
    ImDrawList labelList_;
    LabelKey labelsFor_;
    LabelPass labels_;  // where the placed labels are (window coordinates) and whose
};

}  // namespace knp::ui
