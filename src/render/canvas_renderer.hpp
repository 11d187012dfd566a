#pragma once
// Draws the map canvas background: a clear in the theme's colour and a quiet grid of lines in
// world units that follows pan and zoom (our shaders, embedded from shaders/). Lines instead of
// a full-screen shader: on a software renderer every shaded pixel counts.
#include "render/gl_program.hpp"

namespace knp::render {

struct CanvasView {
    float originX = 0, originY = 0;  // world position at the viewport centre
    float scale = 1;                 // pixels per world unit
};

struct CanvasTheme {
    float background[4] = {0.97f, 0.97f, 0.96f, 1};
    float gridLine[4] = {0.88f, 0.88f, 0.86f, 1};  // alpha 0: no grid
};

class CanvasRenderer {
public:
    CanvasRenderer();  // needs a current GL 3.3 core context
    void draw(int x, int y, int width, int height, const CanvasView& view, const CanvasTheme& theme);

    ~CanvasRenderer();
    CanvasRenderer(const CanvasRenderer&) = delete;
    CanvasRenderer& operator=(const CanvasRenderer&) = delete;

private:
    Program grid_;
    VertexArray vao_;
    GLuint buffer_ = 0;
};

}  // namespace knp::render
