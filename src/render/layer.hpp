#pragma once
// A cached layer: an offscreen colour buffer (framebuffer object with an RGBA texture) the size
// of the window. The view draws the map and the panels into layers only when what they show
// changed, and copies them to the window otherwise: on a software renderer (Mesa llvmpipe)
// a copy costs a fraction of shading links, labels and widgets again.
#include <vector>

#include "render/gl_program.hpp"
#include "render/pixel_rect.hpp"

namespace knp::render {

class Layer {
public:
    Layer();
    ~Layer();
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    // (Re)allocates the buffer when the size changed; returns true when it did (content lost).
    bool resize(int width, int height);
    int width() const { return width_; }
    int height() const { return height_; }
    // Makes this layer the target of drawing, with a viewport over all of it.
    void bind() const;
    static void bindWindow(int width, int height);
    // Makes this layer the source of reads (glReadPixels, blits).
    void bindRead() const;

    // Copies `rects` of `source` into the bound target (a framebuffer blit, which drivers turn
    // into a memory copy between layers), each pixel taken from source at (x - shiftX, y - shiftY).
    static void copy(const Layer& source, const std::vector<PixelRect>& rects, int shiftX = 0, int shiftY = 0);

private:
    GLuint framebuffer_ = 0, texture_ = 0;
    int width_ = 0, height_ = 0;
};

}  // namespace knp::render
