#pragma once
// Draws the map canvas with our own shaders (embedded from shaders/). For now: the background
// grid that follows pan and zoom; actors, links and labels join in the desktop view issue.
#include "render/gl_program.hpp"

namespace knp::render {

struct CanvasView {
    float originX = 0, originY = 0;  // world position at the viewport centre
    float scale = 1;                 // pixels per world unit
};

struct CanvasTheme {
    float background[4] = {0.97f, 0.97f, 0.96f, 1};
    float gridLine[4] = {0.85f, 0.85f, 0.83f, 1};
};

class CanvasRenderer {
public:
    CanvasRenderer();  // needs a current GL 3.3 core context
    void draw(int x, int y, int width, int height, const CanvasView& view, const CanvasTheme& theme);

private:
    Program grid_;
    VertexArray emptyVao_;
};

}  // namespace knp::render
