#include "ui/compositor.hpp"

#include <epoxy/gl.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace knp::ui {

namespace {

// 64-bit hash over raw bytes, a word at a time (the panels' vertices: tens of thousands a frame).
std::uint64_t hashBytes(std::uint64_t h, const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    for (; i < size; ++i) h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

}  // namespace

void renderDrawLists(ImDrawData* data, const std::vector<ImDrawList*>& lists, const ImVec2* displaySize) {
    if (lists.empty()) return;
    ImDrawData part = *data;
    if (displaySize) {
        part.DisplayPos = ImVec2(0, 0);
        part.DisplaySize = *displaySize;
    }
    part.CmdLists = const_cast<ImDrawList**>(lists.data());
    part.CmdListsCount = static_cast<int>(lists.size());
    part.TotalVtxCount = part.TotalIdxCount = 0;
    for (ImDrawList* l : lists) {
        part.TotalVtxCount += l->VtxBuffer.Size;
        part.TotalIdxCount += l->IdxBuffer.Size;
    }
    ImGui_ImplOpenGL3_RenderDrawData(&part);
}

void Compositor::presentMap(int width, int height, const render::CanvasView& view, const MapLayerKey& key, bool forceRedraw,
                            const MapPainter& paint) {
    for (auto& layer : map_)
        if (!layer) layer.emplace();
    // The map layer reaches kOverscan pixels beyond each edge of the window: a pan that stays
    // within that margin only moves the window over the layer.
    const int lw = width + 2 * kOverscan, lh = height + 2 * kOverscan;
    bool whole = forceRedraw || !mapValid_ || !(key == mapKey_);
    if (map_[0]->resize(lw, lh) | map_[1]->resize(lw, lh)) whole = true;
    // Where the content has moved since the layer was drawn, in pixels of the layer.
    int dx = 0, dy = 0;
    if (!whole) {
        const float fx = -(view.originX - originX_) * view.scale, fy = -(view.originY - originY_) * view.scale;
        dx = static_cast<int>(std::lround(fx));
        dy = static_cast<int>(std::lround(fy));
        // Off by a fraction of a pixel (a pan of a zoom level that does not land on whole
        // pixels): drawn anew, exactly.
        if (std::abs(fx - static_cast<float>(dx)) > 0.05f || std::abs(fy - static_cast<float>(dy)) > 0.05f ||
            std::abs(dx) >= lw / 2 || std::abs(dy) >= lh / 2)
            whole = true;
    }
    if (!whole && (std::abs(dx) > kOverscan || std::abs(dy) > kOverscan)) {
        // Past the margin: the layer is shifted to be centred again and what came into it is
        // drawn (now and then, in wide strips, rather than a thin strip every frame).
        render::Layer& from = *map_[current_];
        render::Layer& to = *map_[1 - current_];
        to.bind();
        render::Layer::copy(from, {{0, 0, lw, lh}}, dx, dy);
        originX_ -= static_cast<float>(dx) / view.scale;
        originY_ -= static_cast<float>(dy) / view.scale;
        const render::CanvasView at{originX_, originY_, view.scale};
        std::vector<render::PixelRect> strips;
        if (dx > 0) strips.push_back({0, 0, dx, lh});
        if (dx < 0) strips.push_back({lw + dx, 0, -dx, lh});
        if (dy > 0) strips.push_back({0, 0, lw, dy});
        if (dy < 0) strips.push_back({0, lh + dy, lw, -dy});
        for (const render::PixelRect& strip : strips) {
            glEnable(GL_SCISSOR_TEST);
            glScissor(strip.x, strip.y, strip.width, strip.height);
            paint(at, strip, lw, lh);
            glDisable(GL_SCISSOR_TEST);
        }
        current_ = 1 - current_;
        dx = dy = 0;
        stats_.mapShifted = true;
    } else if (dx != lastDx_ || dy != lastDy_) {
        stats_.mapShifted = true;
    }
    if (whole) {
        map_[current_]->bind();
        paint(view, std::nullopt, lw, lh);
        originX_ = view.originX;
        originY_ = view.originY;
        mapKey_ = key;
        mapValid_ = true;
        dx = dy = 0;
        stats_.mapRedrawn = true;
    }
    lastDx_ = dx;
    lastDy_ = dy;
    // The frame is put together in a layer of its own (copies between layers are memory
    // copies) and handed to the Presenter: on llvmpipe a blit into the window costs several
    // times a copy between layers. Under the opaque panels the map is never seen: they are
    // copied over it in presentImGui.
    if (!frame_) frame_.emplace();
    if (frame_->resize(width, height)) framePresented_ = false;
    frame_->bind();
    render::Layer::copy(*map_[current_],
                        layered_.empty() ? std::vector<render::PixelRect>{{0, 0, width, height}} : render::subtractRects({0, 0, width, height}, boxes_),
                        dx - kOverscan, dy - kOverscan);
}

namespace {
struct Box {
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    // Within `o`, give or take the outer half of an anti-aliased border line (not copied).
    bool inside(const Box& o) const { return x0 >= o.x0 - 2 && y0 >= o.y0 - 2 && x1 <= o.x1 + 2 && y1 <= o.y1 + 2; }
};
// The rectangle a window's opaque background covers: ImGui draws the background first, as one
// quad (four vertices), and the title bar right after it, as another, above it. Empty when the
// list does not start that way.
std::optional<Box> opaqueQuad(const ImDrawList& list, int first) {
    if (list.VtxBuffer.Size < first + 4) return std::nullopt;
    Box b;
    for (int i = first; i < first + 4; ++i) {
        const ImDrawVert& v = list.VtxBuffer[i];
        if ((v.col >> IM_COL32_A_SHIFT & 0xFF) != 0xFF) return std::nullopt;
        b.x0 = std::min(b.x0, v.pos.x);
        b.y0 = std::min(b.y0, v.pos.y);
        b.x1 = std::max(b.x1, v.pos.x);
        b.y1 = std::max(b.y1, v.pos.y);
    }
    return b;
}
std::optional<Box> opaqueBackground(const ImDrawList& list) {
    std::optional<Box> body = opaqueQuad(list, 0);
    if (!body) return std::nullopt;
    if (const std::optional<Box> title = opaqueQuad(list, 4);
        title && std::abs(title->x0 - body->x0) < 0.5f && std::abs(title->x1 - body->x1) < 0.5f && std::abs(title->y1 - body->y0) < 0.5f)
        body->y0 = title->y0;
    return body;
}
}  // namespace

void Compositor::prepareImGui(ImDrawData* data, int width, int height) {
    before_.clear();
    layered_.clear();
    after_.clear();
    boxes_.clear();
    if (!data || !data->Valid) return;
    ImDrawList* background = ImGui::GetBackgroundDrawList();
    // Lists drawn straight to the window every frame (background, translucent windows), and
    // opaque windows, which are drawn into the panel layer when they changed and copied.
    auto& before = before_;
    auto& layered = layered_;
    auto& after = after_;
    auto& boxes = boxes_;
    std::uint64_t hash = 0xCBF29CE484222325ull ^ static_cast<std::uint64_t>(width) << 32 ^ static_cast<std::uint64_t>(height);
    std::vector<Box> opaque;
    const float sx = data->FramebufferScale.x, sy = data->FramebufferScale.y;
    for (int i = 0; i < data->CmdListsCount; ++i) {
        ImDrawList* list = data->CmdLists[i];
        if (list->VtxBuffer.Size == 0) continue;
        // What the list can touch: each command's vertices within its clip rectangle.
        Box extent;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.ElemCount == 0 || cmd.UserCallback) continue;
            Box c;
            for (unsigned k = cmd.IdxOffset; k < cmd.IdxOffset + cmd.ElemCount; ++k) {
                const ImDrawVert& v = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(k)])];
                c.x0 = std::min(c.x0, v.pos.x);
                c.y0 = std::min(c.y0, v.pos.y);
                c.x1 = std::max(c.x1, v.pos.x);
                c.y1 = std::max(c.y1, v.pos.y);
            }
            extent.x0 = std::min(extent.x0, std::max(c.x0, cmd.ClipRect.x));
            extent.y0 = std::min(extent.y0, std::max(c.y0, cmd.ClipRect.y));
            extent.x1 = std::max(extent.x1, std::min(c.x1, cmd.ClipRect.z));
            extent.y1 = std::max(extent.y1, std::min(c.y1, cmd.ClipRect.w));
        }
        // Layered: a window with an opaque background and everything inside it, or a list
        // (a child window) inside a window already layered.
        const std::optional<Box> own = list == background ? std::nullopt : opaqueBackground(*list);
        const bool ownBox = own && extent.inside(*own);
        const bool insideLayered = !ownBox && list != background &&
                                   std::any_of(opaque.begin(), opaque.end(), [&](const Box& o) { return extent.inside(o); });
        if (!ownBox && !insideLayered) {
            (layered.empty() ? before : after).push_back(list);
            continue;
        }
        layered.push_back(list);
        hash = hashBytes(hash, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        hash = hashBytes(hash, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            hash = hashBytes(hash, &cmd.ClipRect, sizeof(cmd.ClipRect));
            const auto texture = reinterpret_cast<std::uintptr_t>(cmd.TextureId);
            hash = hashBytes(hash, &texture, sizeof(texture));
            const unsigned counts[3] = {cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount};
            hash = hashBytes(hash, counts, sizeof(counts));
        }
        if (!ownBox) continue;
        opaque.push_back(*own);
        const float x0 = own->x0, y0 = own->y0, x1 = own->x1, y1 = own->y1;
        // The window's rectangle in framebuffer pixels (origin bottom left), whole pixels inside.
        const int px0 = static_cast<int>(std::ceil((x0 - data->DisplayPos.x) * sx));
        const int px1 = static_cast<int>(std::floor((x1 - data->DisplayPos.x) * sx));
        const int top = static_cast<int>(std::ceil((y0 - data->DisplayPos.y) * sy));
        const int bottom = static_cast<int>(std::floor((y1 - data->DisplayPos.y) * sy));
        const int gx0 = std::max(0, px0), gx1 = std::min(width, px1);
        const int gy0 = std::max(0, height - bottom), gy1 = std::min(height, height - top);
        if (gx1 > gx0 && gy1 > gy0) boxes.push_back({gx0, gy0, gx1 - gx0, gy1 - gy0});
    }
    hash_ = hash;
}

void Compositor::presentImGui(ImDrawData* data, int width, int height) {
    damage_ = {{0, 0, width, height}};
    if (!data || !data->Valid) return;
    const std::uint64_t hash = hash_;
    frame_->bind();
    renderDrawLists(data, before_);
    if (!layered_.empty()) {
        if (!panels_) panels_.emplace();
        const bool resized = panels_->resize(width, height);
        if (resized || !panelsValid_ || hash != panelHash_) {
            panels_->bind();
            glDisable(GL_SCISSOR_TEST);
            glClearColor(0, 0, 0, 0);
            glClear(GL_COLOR_BUFFER_BIT);
            renderDrawLists(data, layered_);
            panelHash_ = hash;
            panelsValid_ = true;
            panelRects_ = boxes_;
            stats_.panelsRedrawn = true;
            frame_->bind();
        }
        // Opaque windows: overlapping copies give the same pixels, so no blending is needed.
        render::Layer::copy(*panels_, panelRects_);
    }
    renderDrawLists(data, after_);
    // What differs from the frame before: all of it, unless the panels are as they were and
    // nothing was drawn over them in this frame or the one before (a tooltip that went away).
    const bool panelsKept = !layered_.empty() && !stats_.panelsRedrawn && after_.empty() && !drawnOverPanels_ && framePresented_;
    damage_ = panelsKept ? render::subtractRects({0, 0, width, height}, panelRects_) : std::vector<render::PixelRect>{{0, 0, width, height}};
    drawnOverPanels_ = !after_.empty();
    framePresented_ = true;
}

}  // namespace knp::ui
