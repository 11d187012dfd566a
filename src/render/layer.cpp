#include "render/layer.hpp"

#include <algorithm>
#include <stdexcept>


namespace knp::render {

Layer::Layer() {
    glGenFramebuffers(1, &framebuffer_);
    glGenTextures(1, &texture_);
}

Layer::~Layer() {
    glDeleteFramebuffers(1, &framebuffer_);
    glDeleteTextures(1, &texture_);
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

void Layer::bindRead() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
}

void Layer::bindWindow(int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height);
}

void Layer::copy(const Layer& source, const std::vector<PixelRect>& rects, int shiftX, int shiftY) {
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, source.framebuffer_);
    for (const PixelRect& r : rects) {
        const int x0 = r.x - shiftX, y0 = r.y - shiftY, x1 = x0 + r.width, y1 = y0 + r.height;
        // Clamp the source to the layer; the target moves with it.
        const int cx0 = std::max(0, x0), cy0 = std::max(0, y0), cx1 = std::min(source.width_, x1), cy1 = std::min(source.height_, y1);
        if (cx1 <= cx0 || cy1 <= cy0) continue;
        glBlitFramebuffer(cx0, cy0, cx1, cy1, cx0 + shiftX, cy0 + shiftY, cx1 + shiftX, cy1 + shiftY, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
}

}  // namespace knp::render
