#include "render/canvas_renderer.hpp"

#include <cmath>

#include "shaders.hpp"

namespace knp::render {

CanvasRenderer::CanvasRenderer() : grid_("grid", shaders::grid_vert, shaders::grid_frag) {}

void CanvasRenderer::draw(int x, int y, int width, int height, const CanvasView& view, const CanvasTheme& theme) {
    glViewport(x, y, width, height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glUseProgram(grid_.id());
    glUniform2f(grid_.uniform("uViewport"), static_cast<float>(width), static_cast<float>(height));
    glUniform2f(grid_.uniform("uOrigin"), view.originX, view.originY);
    glUniform1f(grid_.uniform("uScale"), view.scale);
    // Grid spacing: a power of ten of world units that keeps lines 40-400 pixels apart.
    float spacing = std::pow(10.0f, std::ceil(std::log10(40.0f / view.scale)));
    glUniform1f(grid_.uniform("uSpacing"), spacing);
    glUniform4fv(grid_.uniform("uBackground"), 1, theme.background);
    glUniform4fv(grid_.uniform("uLine"), 1, theme.gridLine);
    glBindVertexArray(emptyVao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace knp::render
