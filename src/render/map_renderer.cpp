#include "render/map_renderer.hpp"

#include <cstddef>
#include <utility>
#include <vector>

#include "shaders.hpp"

namespace knp::render {

namespace {
void floatAttribute(GLuint index, GLint size, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(index, 1);
}
void colorAttribute(GLuint index, GLsizei stride, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(index, 1);
}
}  // namespace

MapRenderer::MapRenderer()
    : nodeProgram_("node", shaders::node_vert, shaders::node_frag), linkProgram_("link", shaders::link_vert, shaders::link_frag),
      lineProgram_("line", shaders::line_vert, shaders::line_frag) {
    glGenBuffers(1, &nodeBuffer_);
    glGenBuffers(1, &linkBuffer_);
    glGenBuffers(1, &lineBuffer_);
    glGenBuffers(1, &overlayBuffer_);
    glGenBuffers(1, &clipLineBuffer_);
    for (const auto& [vao, buffer] : {std::pair{lineVao_.id(), lineBuffer_}, std::pair{clipLineVao_.id(), clipLineBuffer_}}) {
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(LineVertex), reinterpret_cast<const void*>(offsetof(LineVertex, rgba)));
    }
    for (const auto& [vao, buffer] : {std::pair{nodeVao_.id(), nodeBuffer_}, std::pair{overlayVao_.id(), overlayBuffer_}}) {
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        constexpr GLsizei ns = sizeof(NodeInstance);
        floatAttribute(0, 2, ns, offsetof(NodeInstance, x));
        floatAttribute(1, 1, ns, offsetof(NodeInstance, radius));
        colorAttribute(2, ns, offsetof(NodeInstance, rgba));
        floatAttribute(3, 2, ns, offsetof(NodeInstance, shape));
        colorAttribute(4, ns, offsetof(NodeInstance, ring));
        floatAttribute(5, 1, ns, offsetof(NodeInstance, ringDashed));
    }
    glBindVertexArray(linkVao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, linkBuffer_);
    constexpr GLsizei ls = sizeof(LinkInstance);
    floatAttribute(0, 4, ls, offsetof(LinkInstance, x0));
    floatAttribute(1, 2, ls, offsetof(LinkInstance, r0));
    colorAttribute(2, ls, offsetof(LinkInstance, rgba));
    floatAttribute(3, 4, ls, offsetof(LinkInstance, width));
    floatAttribute(4, 1, ls, offsetof(LinkInstance, bend));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

MapRenderer::~MapRenderer() {
    glDeleteBuffers(1, &nodeBuffer_);
    glDeleteBuffers(1, &linkBuffer_);
    glDeleteBuffers(1, &lineBuffer_);
    glDeleteBuffers(1, &overlayBuffer_);
    glDeleteBuffers(1, &clipLineBuffer_);
}

void MapRenderer::setNodes(const std::vector<NodeInstance>& nodes) {
    nodes_ = nodes;
    glBindBuffer(GL_ARRAY_BUFFER, nodeBuffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(nodes.size() * sizeof(NodeInstance)), nodes.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    nodeCount_ = static_cast<GLsizei>(nodes.size());
}

void MapRenderer::setLinks(const std::vector<LinkInstance>& links, std::size_t thinAbove) {
    if (links.size() > thinAbove) {
        std::vector<LineVertex>& vertices = lineVertices_;
        vertices.clear();
        vertices.reserve(links.size() * 2);
        for (const LinkInstance& l : links) {
            const std::uint32_t c = (l.rgba & 0x00FFFFFF) | ((l.dim > 0.5f ? 30u : 110u) << 24);
            vertices.push_back({l.x0, l.y0, c});
            vertices.push_back({l.x1, l.y1, c});
        }
        glBindBuffer(GL_ARRAY_BUFFER, lineBuffer_);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(LineVertex)), vertices.data(), GL_DYNAMIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        lineVertexCount_ = static_cast<GLsizei>(vertices.size());
        linkCount_ = 0;
        return;
    }
    lineVertexCount_ = 0;
    lineVertices_.clear();
    glBindBuffer(GL_ARRAY_BUFFER, linkBuffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(links.size() * sizeof(LinkInstance)), links.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    linkCount_ = static_cast<GLsizei>(links.size());
}

void MapRenderer::draw(int width, int height, const CanvasView& view, const MapTheme& theme, const PixelRect* clip) {
    // A thin strip of a large network (a pan): only the lines and actors that can reach it.
    constexpr std::size_t kCullAbove = 2000;
    if (clip && (lineVertices_.size() / 2 > kCullAbove || nodes_.size() > kCullAbove)) {
        const float x0 = view.originX + (static_cast<float>(clip->x) - 0.5f * static_cast<float>(width)) / view.scale;
        const float x1 = x0 + static_cast<float>(clip->width) / view.scale;
        const float y0 = view.originY + (static_cast<float>(clip->y) - 0.5f * static_cast<float>(height)) / view.scale;
        const float y1 = y0 + static_cast<float>(clip->height) / view.scale;
        const float slack = 12.0f / view.scale;  // line width, rings, anti-aliasing
        std::vector<LineVertex> lines;
        for (std::size_t i = 0; i + 1 < lineVertices_.size(); i += 2) {
            const LineVertex& a = lineVertices_[i];
            const LineVertex& b = lineVertices_[i + 1];
            if (std::max(a.x, b.x) < x0 - slack || std::min(a.x, b.x) > x1 + slack || std::max(a.y, b.y) < y0 - slack ||
                std::min(a.y, b.y) > y1 + slack)
                continue;
            lines.push_back(a);
            lines.push_back(b);
        }
        std::vector<NodeInstance> nodes;
        for (const NodeInstance& n : nodes_) {
            const float r = n.radius * 1.5f + slack;
            if (n.x + r < x0 || n.x - r > x1 || n.y + r < y0 || n.y - r > y1) continue;
            nodes.push_back(n);
        }
        glViewport(0, 0, width, height);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        const float viewport[2] = {static_cast<float>(width), static_cast<float>(height)};
        if (!lines.empty()) {
            glBindBuffer(GL_ARRAY_BUFFER, clipLineBuffer_);
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lines.size() * sizeof(LineVertex)), lines.data(), GL_STREAM_DRAW);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
            glUseProgram(lineProgram_.id());
            glUniform2fv(lineProgram_.uniform("uViewport"), 1, viewport);
            glUniform2f(lineProgram_.uniform("uOrigin"), view.originX, view.originY);
            glUniform1f(lineProgram_.uniform("uScale"), view.scale);
            glBindVertexArray(clipLineVao_.id());
            glDrawArrays(GL_LINES, 0, static_cast<GLsizei>(lines.size()));
        }
        if (linkCount_ > 0) {
            // Few links as quads, many actors: draw the links whole (cheap), cull the actors.
            drawLinks(width, height, view);
        }
        drawOverlay(nodes, width, height, view, theme);
        glBindVertexArray(0);
        glUseProgram(0);
        glDisable(GL_BLEND);
        return;
    }
    glViewport(0, 0, width, height);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const float viewport[2] = {static_cast<float>(width), static_cast<float>(height)};
    if (linkCount_ > 0) drawLinks(width, height, view);
    if (lineVertexCount_ > 0) {
        glUseProgram(lineProgram_.id());
        glUniform2fv(lineProgram_.uniform("uViewport"), 1, viewport);
        glUniform2f(lineProgram_.uniform("uOrigin"), view.originX, view.originY);
        glUniform1f(lineProgram_.uniform("uScale"), view.scale);
        glBindVertexArray(lineVao_.id());
        glDrawArrays(GL_LINES, 0, lineVertexCount_);
    }
    drawNodes(nodeVao_.id(), nodeCount_, width, height, view, theme);
    glDisable(GL_BLEND);
}

void MapRenderer::drawLinks(int width, int height, const CanvasView& view) {
    const float viewport[2] = {static_cast<float>(width), static_cast<float>(height)};
    glUseProgram(linkProgram_.id());
    glUniform2fv(linkProgram_.uniform("uViewport"), 1, viewport);
    glUniform2f(linkProgram_.uniform("uOrigin"), view.originX, view.originY);
    glUniform1f(linkProgram_.uniform("uScale"), view.scale);
    glBindVertexArray(linkVao_.id());
    // Bodies: a strip of kLinkSegments pieces along a quadratic curve (straight when bend is 0).
    glUniform1i(linkProgram_.uniform("uArrow"), 0);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 2 * (kLinkSegments + 1), linkCount_);
    glUniform1i(linkProgram_.uniform("uArrow"), 1);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 3, linkCount_);
    glBindVertexArray(0);
    glUseProgram(0);
}

void MapRenderer::drawNodes(GLuint vao, GLsizei count, int width, int height, const CanvasView& view, const MapTheme& theme) {
    if (count > 0) {
        const float viewport[2] = {static_cast<float>(width), static_cast<float>(height)};
        glUseProgram(nodeProgram_.id());
        glUniform2fv(nodeProgram_.uniform("uViewport"), 1, viewport);
        glUniform2f(nodeProgram_.uniform("uOrigin"), view.originX, view.originY);
        glUniform1f(nodeProgram_.uniform("uScale"), view.scale);
        glUniform4fv(nodeProgram_.uniform("uRim"), 1, theme.rim);
        glUniform4fv(nodeProgram_.uniform("uSelect"), 1, theme.select);
        glBindVertexArray(vao);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

void MapRenderer::drawOverlay(const std::vector<NodeInstance>& nodes, int width, int height, const CanvasView& view,
                              const MapTheme& theme) {
    if (nodes.empty()) return;
    glBindBuffer(GL_ARRAY_BUFFER, overlayBuffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(nodes.size() * sizeof(NodeInstance)), nodes.data(), GL_STREAM_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glViewport(0, 0, width, height);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    drawNodes(overlayVao_.id(), static_cast<GLsizei>(nodes.size()), width, height, view, theme);
    glDisable(GL_BLEND);
}

}  // namespace knp::render
