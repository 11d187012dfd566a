#include "render/canvas_renderer.hpp"

#include <cmath>
#include <vector>

#include "shaders.hpp"

namespace knp::render {

CanvasRenderer::CanvasRenderer() : grid_("grid", shaders::grid_vert, shaders::grid_frag), buffer_(makePositionBuffer(vao_)) {}

CanvasRenderer::~CanvasRenderer() { glDeleteBuffers(1, &buffer_); }

void CanvasRenderer::draw(int x, int y, int width, int height, const CanvasView& view, const CanvasTheme& theme) {
    glViewport(x, y, width, height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glClearColor(theme.background[0], theme.background[1], theme.background[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (theme.gridLine[3] <= 0) return;
    // Grid spacing: a power of ten of world units that keeps lines 40-400 pixels apart.
    const float spacing = std::pow(10.0f, std::ceil(std::log10(40.0f / view.scale)));
    const float halfW = 0.5f * static_cast<float>(width) / view.scale, halfH = 0.5f * static_cast<float>(height) / view.scale;
    const float x0 = std::floor((view.originX - halfW) / spacing) * spacing, x1 = view.originX + halfW;
    const float y0 = std::floor((view.originY - halfH) / spacing) * spacing, y1 = view.originY + halfH;
    std::vector<float> lines;
    for (float gx = x0; gx <= x1 && lines.size() < 4000; gx += spacing) lines.insert(lines.end(), {gx, view.originY - halfH, gx, view.originY + halfH});
    for (float gy = y0; gy <= y1 && lines.size() < 8000; gy += spacing) lines.insert(lines.end(), {view.originX - halfW, gy, view.originX + halfW, gy});
    glUseProgram(grid_.id());
    glUniform2f(grid_.uniform("uViewport"), static_cast<float>(width), static_cast<float>(height));
    glUniform2f(grid_.uniform("uOrigin"), view.originX, view.originY);
    glUniform1f(grid_.uniform("uScale"), view.scale);
    glUniform4fv(grid_.uniform("uLine"), 1, theme.gridLine);
    glBindVertexArray(vao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, buffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lines.size() * sizeof(float)), lines.data(), GL_STREAM_DRAW);
    glDrawArrays(GL_LINES, 0, static_cast<GLsizei>(lines.size() / 2));
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace knp::render
