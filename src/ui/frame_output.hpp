#pragma once
// The finished frame (a render layer) going out: to the presenter (platform/presenter.hpp reads
// it through a FrameSource) and into a PNG for --screenshot.
#include <string>
#include <vector>

#include "platform/presenter.hpp"
#include "render/layer.hpp"
#include "render/pixel_rect.hpp"
#include "ui/state.hpp"

namespace knp::ui {

// A layer as the presenter's FrameSource.
class LayerFrame final : public platform::FrameSource {
public:
    explicit LayerFrame(const render::Layer& layer) : layer_(layer) {}
    int width() const override { return layer_.width(); }
    int height() const override { return layer_.height(); }
    void readBgra(unsigned char* pixels) const override;
    void copyToWindow() const override;

private:
    const render::Layer& layer_;
};

std::vector<platform::FrameRect> frameRects(const std::vector<render::PixelRect>& rects);
// Whether the OpenGL context draws on the CPU (Mesa llvmpipe or softpipe).
bool softwareRenderer();
// Waits for the frame to be drawn and writes it as an opaque RGBA PNG; false when it cannot.
bool saveScreenshot(const std::string& path, const render::Layer& frame);
// Test hook of --screenshot (KNP_SCREENSHOT_ACTORS=FILE): each actor's id and where its centre
// is in the screenshot, in pixels ("id x y" per line), so that a test can sample its colour.
bool saveActorPositions(const std::string& path, const AppState& s, float width, float height);
// Test hook of the live view (KNP_VIEW_STATE=FILE): what the window shows, as lines
// "panel x0 y0 x1 y1" (windows over the map), "room x0 y0 x1 y1" (the free part last fitted
// into), "actor ID x y" (centres), "disc ID r" (radius), "label ID" (actors named on the map),
// "labelbox ID x0 y0 x1 y1" (where the name is), "outside ID" (actors the edge of the free part
// points to), window pixels. Written (atomically, through FILE.tmp) whenever it changed; `last`
// keeps what was written.
struct LabelPass;
void writeViewState(const std::string& path, const AppState& s, const LabelPass& labels, float width, float height, std::string& last);

}  // namespace knp::ui
