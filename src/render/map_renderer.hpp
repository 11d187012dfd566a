#pragma once
// Draws the map: actors as instanced signed-distance shapes and links as screen-space quads
// with dashes and arrowheads, from our GLSL in shaders/. One draw call per kind.
#include <cstdint>
#include <vector>

#include "render/canvas_renderer.hpp"
#include "render/gl_program.hpp"

namespace knp::render {

struct NodeInstance {
    float x = 0, y = 0, radius = 1;  // world units
    std::uint32_t rgba = 0xFF808080;  // little endian: R in the low byte
    float shape = 0;                  // 0 circle, 1 double circle, 2 rounded square
    float highlight = 0;              // 0 none, 1 hover, 2 selected, 3 dimmed
};

struct LinkInstance {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // world
    float r0 = 0, r1 = 0;                  // radii of the ends, world
    std::uint32_t rgba = 0xFF808080;
    float width = 1;                       // pixels
    float dash = 0;                        // 0 solid, 1 dashed, 2 dotted
    float directed = 0;
    float dim = 0;
};

struct MapTheme {
    float rim[4] = {0.1f, 0.1f, 0.1f, 0.55f};
    float select[4] = {0.95f, 0.55f, 0.0f, 1.0f};
};

class MapRenderer {
public:
    MapRenderer();
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    void setNodes(const std::vector<NodeInstance>& nodes);
    // Links as quads (width, dashes, arrows); above `thinAbove` links as plain 1-pixel lines,
    // which a software renderer draws many times faster.
    void setLinks(const std::vector<LinkInstance>& links, std::size_t thinAbove = 4000);
    void draw(int width, int height, const CanvasView& view, const MapTheme& theme);

private:
    Program nodeProgram_, linkProgram_, lineProgram_;
    VertexArray nodeVao_, linkVao_, lineVao_;
    GLuint nodeBuffer_ = 0, linkBuffer_ = 0, lineBuffer_ = 0;
    GLsizei nodeCount_ = 0, linkCount_ = 0, lineVertexCount_ = 0;
};

}  // namespace knp::render
