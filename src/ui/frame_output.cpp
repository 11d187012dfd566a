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

void writeViewState(const std::string& path, const AppState& s, const LabelPass& labels, float width, float height, std::string& last) {
    std::string text;
    char line[256];
    for (const Bounds& p : s.canvas.panels) {
        std::snprintf(line, sizeof line, "panel %.0f %.0f %.0f %.0f\n", p.minX, p.minY, p.maxX, p.maxY);
        text += line;
    }
    std::snprintf(line, sizeof line, "room %.0f %.0f %.0f %.0f\n", s.canvas.room.minX, s.canvas.room.minY, s.canvas.room.maxX, s.canvas.room.maxY);
    text += line;
    const Network& n = s.network();
    for (std::size_t i = 0; i < n.actors().size(); ++i) {
        float x = 0, y = 0;
        worldToScreen(s.canvas, shownPosition(s, i), width, height, x, y);
        std::snprintf(line, sizeof line, " %.1f %.1f\n", static_cast<double>(x), static_cast<double>(y));
        text += "actor " + n.actors()[i].id + line;
    }
    const std::vector<double> radius = displayRadii(s);
    for (std::size_t i = 0; i < n.actors().size(); ++i) {
        std::snprintf(line, sizeof line, " %.1f\n", radius[i] * static_cast<double>(s.canvas.view.scale));
        text += "disc " + n.actors()[i].id + line;
    }
    for (const std::uint32_t i : labels.actors)
        if (i < n.actors().size()) text += "label " + n.actors()[i].id + "\n";
    for (std::size_t k = 0; k < labels.actors.size() && k < labels.onMap.size(); ++k) {
        if (labels.actors[k] >= n.actors().size()) continue;
        const Bounds& b = labels.onMap[k];
        float x0, y0, x1, y1;
        worldToScreen(s.canvas, {b.minX, b.maxY}, width, height, x0, y0);
        worldToScreen(s.canvas, {b.maxX, b.minY}, width, height, x1, y1);
        std::snprintf(line, sizeof line, " %.1f %.1f %.1f %.1f\n", static_cast<double>(x0), static_cast<double>(y0), static_cast<double>(x1),
                      static_cast<double>(y1));
        text += "labelbox " + n.actors()[labels.actors[k]].id + line;
    }
    for (const std::uint32_t i : s.canvas.outside)
        if (i < n.actors().size()) text += "outside " + n.actors()[i].id + "\n";
    if (text == last) return;
    const std::string tmp = path + ".tmp";
    if (std::FILE* f = std::fopen(tmp.c_str(), "w")) {
        const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
        if (std::fclose(f) == 0 && written && std::rename(tmp.c_str(), path.c_str()) == 0) last = text;
    }
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
