#pragma once
// Rectangles of framebuffer pixels (no OpenGL here: unit-tested on its own).
#include <vector>

namespace knp::render {

struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;  // framebuffer pixels, origin bottom left
};

// `area` less the union of `holes`, as disjoint rectangles (bands of equal height, then bands of
// equal columns merged): the part of a frame that must be copied or shown anew when the holes
// (opaque panels) stay as they were.
std::vector<PixelRect> subtractRects(const PixelRect& area, const std::vector<PixelRect>& holes);

}  // namespace knp::render
