#include "render/layer.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "shaders.hpp"

namespace knp::render {

namespace {
// One program and buffer for every copy, created with the first layer's context.
struct CopyPipeline {
    Program program{"composite", shaders::composite_vert, shaders::composite_frag};
    VertexArray vao;
    GLuint buffer = makePositionBuffer(vao);
    ~CopyPipeline() { glDeleteBuffers(1, &buffer); }
};
std::unique_ptr<CopyPipeline> pipeline;
int layerCount = 0;
}  // namespace

Layer::Layer() {
    glGenFramebuffers(1, &framebuffer_);
    glGenTextures(1, &texture_);
    if (!pipeline) pipeline = std::make_unique<CopyPipeline>();
    ++layerCount;
}

Layer::~Layer() {
    glDeleteFramebuffers(1, &framebuffer_);
    glDeleteTextures(1, &texture_);
    if (--layerCount == 0) pipeline.reset();
}

bool Layer::resize(int width, int height) {
    if (width == width_ && height == height_) return false;
    width_ = width;
    height_ = height;
    glBindTexture(GL_TEXTURE_2D, texture_);
    // BGRA, the order of X11 and most window systems: copies to the window stay memory copies.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) throw std::runtime_error("offscreen layer not supported by this OpenGL driver");
    return true;
}

void Layer::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glViewport(0, 0, width_, height_);
}

void Layer::bindWindow(int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height);
}

void Layer::copy(const Layer& source, const std::vector<PixelRect>& rects, int targetWidth, int targetHeight, int shiftX,
                 int shiftY, bool blend) {
    if (rects.empty()) return;
    if (!blend) {
        // Opaque: a framebuffer blit, which drivers (llvmpipe too) turn into a memory copy.
        glDisable(GL_SCISSOR_TEST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, source.framebuffer_);
        for (const PixelRect& r : rects) {
            int x0 = r.x - shiftX, y0 = r.y - shiftY, x1 = x0 + r.width, y1 = y0 + r.height;
            // Clamp the source to the layer; the target moves with it.
            const int cx0 = std::max(0, x0), cy0 = std::max(0, y0), cx1 = std::min(source.width_, x1), cy1 = std::min(source.height_, y1);
            if (cx1 <= cx0 || cy1 <= cy0) continue;
            glBlitFramebuffer(cx0, cy0, cx1, cy1, cx0 + shiftX, cy0 + shiftY, cx1 + shiftX, cy1 + shiftY, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        (void)targetWidth;
        (void)targetHeight;
        return;
    }
    std::vector<float> vertices;
    vertices.reserve(rects.size() * 12);
    for (const PixelRect& r : rects) {
        const float x0 = static_cast<float>(r.x), y0 = static_cast<float>(r.y);
        const float x1 = x0 + static_cast<float>(r.width), y1 = y0 + static_cast<float>(r.height);
        vertices.insert(vertices.end(), {x0, y0, x1, y0, x1, y1, x0, y0, x1, y1, x0, y1});
    }
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    if (blend) {
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    } else {
        glDisable(GL_BLEND);
    }
    glUseProgram(pipeline->program.id());
    glUniform2f(pipeline->program.uniform("uViewport"), static_cast<float>(targetWidth), static_cast<float>(targetHeight));
    glUniform2i(pipeline->program.uniform("uShift"), shiftX, shiftY);
    glUniform1i(pipeline->program.uniform("uLayer"), 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, source.texture_);
    glBindVertexArray(pipeline->vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, pipeline->buffer);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices.size() / 2));
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
    glDisable(GL_BLEND);
}

}  // namespace knp::render
