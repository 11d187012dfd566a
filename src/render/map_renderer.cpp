#include "render/map_renderer.hpp"

#include <cstddef>
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
    glBindVertexArray(lineVao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, lineBuffer_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 12, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 12, reinterpret_cast<const void*>(8));
    glBindVertexArray(nodeVao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, nodeBuffer_);
    constexpr GLsizei ns = sizeof(NodeInstance);
    floatAttribute(0, 2, ns, offsetof(NodeInstance, x));
    floatAttribute(1, 1, ns, offsetof(NodeInstance, radius));
    colorAttribute(2, ns, offsetof(NodeInstance, rgba));
    floatAttribute(3, 2, ns, offsetof(NodeInstance, shape));
    glBindVertexArray(linkVao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, linkBuffer_);
    constexpr GLsizei ls = sizeof(LinkInstance);
    floatAttribute(0, 4, ls, offsetof(LinkInstance, x0));
    floatAttribute(1, 2, ls, offsetof(LinkInstance, r0));
    colorAttribute(2, ls, offsetof(LinkInstance, rgba));
    floatAttribute(3, 4, ls, offsetof(LinkInstance, width));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

MapRenderer::~MapRenderer() {
    glDeleteBuffers(1, &nodeBuffer_);
    glDeleteBuffers(1, &linkBuffer_);
    glDeleteBuffers(1, &lineBuffer_);
}

void MapRenderer::setNodes(const std::vector<NodeInstance>& nodes) {
    glBindBuffer(GL_ARRAY_BUFFER, nodeBuffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(nodes.size() * sizeof(NodeInstance)), nodes.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    nodeCount_ = static_cast<GLsizei>(nodes.size());
}

void MapRenderer::setLinks(const std::vector<LinkInstance>& links, std::size_t thinAbove) {
    if (links.size() > thinAbove) {
        struct Vertex { float x, y; std::uint32_t rgba; };
        std::vector<Vertex> vertices;
        vertices.reserve(links.size() * 2);
        for (const LinkInstance& l : links) {
            const std::uint32_t c = (l.rgba & 0x00FFFFFF) | ((l.dim > 0.5f ? 30u : 110u) << 24);
            vertices.push_back({l.x0, l.y0, c});
            vertices.push_back({l.x1, l.y1, c});
        }
        glBindBuffer(GL_ARRAY_BUFFER, lineBuffer_);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)), vertices.data(), GL_DYNAMIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        lineVertexCount_ = static_cast<GLsizei>(vertices.size());
        linkCount_ = 0;
        return;
    }
    lineVertexCount_ = 0;
    glBindBuffer(GL_ARRAY_BUFFER, linkBuffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(links.size() * sizeof(LinkInstance)), links.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    linkCount_ = static_cast<GLsizei>(links.size());
}

void MapRenderer::draw(int width, int height, const CanvasView& view, const MapTheme& theme) {
    glViewport(0, 0, width, height);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const float viewport[2] = {static_cast<float>(width), static_cast<float>(height)};
    if (linkCount_ > 0) {
        glUseProgram(linkProgram_.id());
        glUniform2fv(linkProgram_.uniform("uViewport"), 1, viewport);
        glUniform2f(linkProgram_.uniform("uOrigin"), view.originX, view.originY);
        glUniform1f(linkProgram_.uniform("uScale"), view.scale);
        glBindVertexArray(linkVao_.id());
        glUniform1i(linkProgram_.uniform("uArrow"), 0);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, linkCount_);
        glUniform1i(linkProgram_.uniform("uArrow"), 1);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 3, linkCount_);
    }
    if (lineVertexCount_ > 0) {
        glUseProgram(lineProgram_.id());
        glUniform2fv(lineProgram_.uniform("uViewport"), 1, viewport);
        glUniform2f(lineProgram_.uniform("uOrigin"), view.originX, view.originY);
        glUniform1f(lineProgram_.uniform("uScale"), view.scale);
        glBindVertexArray(lineVao_.id());
        glDrawArrays(GL_LINES, 0, lineVertexCount_);
    }
    if (nodeCount_ > 0) {
        glUseProgram(nodeProgram_.id());
        glUniform2fv(nodeProgram_.uniform("uViewport"), 1, viewport);
        glUniform2f(nodeProgram_.uniform("uOrigin"), view.originX, view.originY);
        glUniform1f(nodeProgram_.uniform("uScale"), view.scale);
        glUniform4fv(nodeProgram_.uniform("uRim"), 1, theme.rim);
        glUniform4fv(nodeProgram_.uniform("uSelect"), 1, theme.select);
        glBindVertexArray(nodeVao_.id());
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, nodeCount_);
    }
    glBindVertexArray(0);
    glUseProgram(0);
    glDisable(GL_BLEND);
}

}  // namespace knp::render
