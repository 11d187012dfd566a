#include "ui/screen_text.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace knp::ui {

namespace {

// One drawn glyph: where its pen stood and ended, the top of its line, its character.
struct Glyph {
    float penX, penEnd, top, height, spaceWidth;
    bool clipped;
    unsigned int codepoint;
};

void appendUtf8(std::string& out, unsigned int c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Glyphs side by side on one line make one run, a gap of one space a space; wider gaps (menu
// items, table columns) part runs.
std::string runsOf(const std::vector<Glyph>& glyphs) {
    std::string out, text;
    float x = 0, y = 0, end = 0, height = 0;
    bool clipped = false;
    auto flush = [&] {
        if (text.empty()) return;
        char head[96];
        std::snprintf(head, sizeof head, "%d %d %d %d %d ", static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)),
                      static_cast<int>(std::lround(end - x)), static_cast<int>(std::lround(height)), clipped ? 1 : 0);
        out += head + text + "\n";
        text.clear();
    };
    for (const Glyph& g : glyphs) {
        const bool sameLine = !text.empty() && std::fabs(g.top - y) < 0.5f;
        const float gap = g.penX - end;
        if (!sameLine || gap < -0.5f || gap > 1.5f * g.spaceWidth) {
            flush();
            x = g.penX;
            y = g.top;
            height = g.height;
            clipped = false;
        } else if (gap > 0.5f) {
            text += ' ';
        }
        appendUtf8(text, g.codepoint);
        end = g.penEnd;
        clipped = clipped || g.clipped;
    }
    flush();
    return out;
}

}  // namespace

ScreenText::ScreenText() {
    if (const char* path = std::getenv("KNP_SCREEN_TEXT")) path_ = path;
}

void ScreenText::indexGlyphs() {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (const ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) {
                glyphs_.push_back({font, &g});
                corners_.emplace(std::make_pair(g.U0, g.V0), glyphs_.size() - 1);
            }
}

const ScreenText::GlyphOf* ScreenText::glyphOf(const ImVec2& uvA, const ImVec2& uvC) const {
    if (const auto it = corners_.find({uvA.x, uvA.y}); it != corners_.end()) {
        const ImFontGlyph& g = *glyphs_[it->second].glyph;
        if (g.U1 == uvC.x && g.V1 == uvC.y) return &glyphs_[it->second];
    }
    if (uvA.x == uvC.x || uvA.y == uvC.y) return nullptr;  // the atlas's white pixel: a shape
    // Cut by ImGui's clipping of text in a frame too narrow for it: a part of the glyph.
    const float u = (uvA.x + uvC.x) / 2, v = (uvA.y + uvC.y) / 2;
    for (const GlyphOf& g : glyphs_)
        if (u > g.glyph->U0 && u < g.glyph->U1 && v > g.glyph->V0 && v < g.glyph->V1) return &g;
    return nullptr;
}

namespace {

// Where the glyph `g` drawn as quad `q` (corners a b c d) stands, what of it was cut off.
Glyph placed(const ImFont& font, const ImFontGlyph& g, const ImDrawVert* q, const ImVec4& clip) {
    const float width = g.X1 - g.X0, height = g.Y1 - g.Y0;
    const float cutLeft = (q[0].uv.x - g.U0) / (g.U1 - g.U0), cutRight = (g.U1 - q[2].uv.x) / (g.U1 - g.U0);
    const float cutTop = (q[0].uv.y - g.V0) / (g.V1 - g.V0), shownV = (q[2].uv.y - q[0].uv.y) / (g.V1 - g.V0);
    const float scale = shownV > 0.05f && height > 0 ? (q[2].pos.y - q[0].pos.y) / (shownV * height) : 1.f;
    const float penX = q[0].pos.x - cutLeft * width * scale - g.X0 * scale;
    const ImFontGlyph* space = font.FindGlyphNoFallback(' ');
    // Cut off at the left or right (at the top or bottom it is scrolled away).
    const bool clipped = cutLeft + cutRight > 0.25f || q[0].pos.x < clip.x - 0.5f || q[2].pos.x > clip.z + 0.5f;
    return {penX, penX + g.AdvanceX * scale, q[0].pos.y - cutTop * height * scale - g.Y0 * scale, font.FontSize * scale,
            (space ? space->AdvanceX : font.FontSize / 3) * scale, clipped, g.Codepoint};
}

}  // namespace

void ScreenText::capture(const ImDrawData* frame) {
    if (path_.empty() || !frame) return;
    if (glyphs_.empty()) indexGlyphs();
    std::vector<Glyph> found;
    for (int l = 0; l < frame->CmdListsCount; ++l) {
        const ImDrawList* list = frame->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            // A glyph is a quad a b c, a c d whose corners carry (a part of) the glyph's texture.
            for (unsigned int i = 0; i + 6 <= cmd.ElemCount; i += 3) {
                if (idx[i + 1] != idx[i] + 1 || idx[i + 2] != idx[i] + 2 || idx[i + 3] != idx[i] || idx[i + 5] != idx[i] + 3) continue;
                const ImDrawVert* q = list->VtxBuffer.Data + cmd.VtxOffset + idx[i];
                const GlyphOf* g = glyphOf(q[0].uv, q[2].uv);
                if (!g) continue;
                found.push_back(placed(*g->font, *g->glyph, q, cmd.ClipRect));
                i += 3;  // the quad's second triangle
            }
        }
    }
    const std::string text = runsOf(found);
    if (text == last_) return;
    last_ = text;
    const std::string temporary = path_ + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) return;
    }
    std::error_code ignored;
    std::filesystem::rename(temporary, path_, ignored);
}

}  // namespace knp::ui
