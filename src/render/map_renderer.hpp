#pragma once
// Draws the map: actors as instanced signed-distance shapes and links as screen-space quads
// with dashes and arrowheads, from our GLSL in shaders/. One draw call per kind.
#include <cstdint>
#include <vector>

#include "render/canvas_renderer.hpp"
#include "render/gl_program.hpp"
#include "render/layer.hpp"

namespace knp::render {

struct NodeInstance {
    float x = 0, y = 0, radius = 1;  // world units
    std::uint32_t rgba = 0xFF808080;  // little endian: R in the low byte
    float shape = 0;                  // 0 circle, 1 double circle, 2 rounded square
    float highlight = 0;              // 0 none, 1 hover, 2 selected, 3 dimmed
    std::uint32_t ring = 0;           // a marking ring outside the shape (compare mode); alpha 0: none
    float ringDashed = 0;             // 1: the ring dashed
};

struct LinkInstance {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // world
    float r0 = 0, r1 = 0;                  // radii of the ends, world
    std::uint32_t rgba = 0xFF808080;
    float width = 1;                       // pixels
    float dash = 0;                        // 0 solid, 1 dashed, 2 dotted
    float directed = 0;
    float dim = 0;
    float bend = 0;                        // curvature: control point offset, fraction of the length
};

// Pieces of a link's body along its curve (see shaders/link.vert).
constexpr int kLinkSegments = 12;

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
    // `clip` (framebuffer pixels, origin bottom left), when set, is the only area that will be
    // kept (a scissor is set by the caller); for large networks only what can reach it is sent.
    void draw(int width, int height, const CanvasView& view, const MapTheme& theme, const PixelRect* clip = nullptr);
    // A few actors drawn on top of the map (the one under the mouse), without touching the
    // instance buffers of the map.
    void drawOverlay(const std::vector<NodeInstance>& nodes, int width, int height, const CanvasView& view, const MapTheme& theme);

private:
    Program nodeProgram_, linkProgram_, lineProgram_;
    void drawLinks(int width, int height, const CanvasView& view);
    void drawNodes(GLuint vao, GLsizei count, int width, int height, const CanvasView& view, const MapTheme& theme);
    struct LineVertex { float x, y; std::uint32_t rgba; };
    std::vector<NodeInstance> nodes_;       // CPU copies, for drawing only what reaches a clip
    std::vector<LineVertex> lineVertices_;
    VertexArray clipLineVao_;
    GLuint clipLineBuffer_ = 0;
    VertexArray nodeVao_, linkVao_, lineVao_, overlayVao_;
    GLuint nodeBuffer_ = 0, linkBuffer_ = 0, lineBuffer_ = 0, overlayBuffer_ = 0;
    GLsizei nodeCount_ = 0, linkCount_ = 0, lineVertexCount_ = 0;
};

}  // namespace knp::render
