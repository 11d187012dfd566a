#include "ui/frame_output.hpp"

#include <epoxy/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "ui/canvas.hpp"

namespace knp::ui {

bool saveActorPositions(const std::string& path, const AppState& s, float width, float height) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return false;
    const Network& n = s.network();
    for (std::size_t i = 0; i < n.actors().size(); ++i) {
        float x = 0, y = 0;
        worldToScreen(s.canvas, shownPosition(s, i), width, height, x, y);
        std::fprintf(f, "%s %.1f %.1f\n", n.actors()[i].id.c_str(), static_cast<double>(x * s.contentScale), static_cast<double>(y * s.contentScale));
    }
    return std::fclose(f) == 0;
}

void LayerFrame::readBgra(unsigned char* pixels) const {
    layer_.bindRead();
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glReadPixels(0, 0, layer_.width(), layer_.height(), GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, pixels);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
}

void LayerFrame::copyToWindow() const {
    render::Layer::bindWindow(layer_.width(), layer_.height());
    render::Layer::copy(layer_, {{0, 0, layer_.width(), layer_.height()}});
}

std::vector<platform::FrameRect> frameRects(const std::vector<render::PixelRect>& rects) {
    std::vector<platform::FrameRect> out;
    out.reserve(rects.size());
    for (const render::PixelRect& r : rects) out.push_back({r.x, r.y, r.width, r.height});
    return out;
}

bool softwareRenderer() {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return renderer && (std::strstr(renderer, "llvmpipe") || std::strstr(renderer, "softpipe"));
}

bool saveScreenshot(const std::string& path, const render::Layer& frame) {
    glFinish();
    const int width = frame.width(), height = frame.height();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    frame.bindRead();
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> row(stride);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* a = pixels.data() + static_cast<std::size_t>(y) * stride;
        unsigned char* b = pixels.data() + static_cast<std::size_t>(height - 1 - y) * stride;
        std::copy(a, a + stride, row.data());
        std::copy(b, b + stride, a);
        std::copy(row.data(), row.data() + stride, b);
    }
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), static_cast<int>(stride)) != 0;
}

}  // namespace knp::ui
