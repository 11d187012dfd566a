#pragma once
// A test hook: with KNP_SCREEN_TEXT=FILE the view writes the text its panels, menus, popups and
// tooltips drew in the last frame into FILE (rewritten whenever it changes), one run of text a
// line: "X Y WIDTH HEIGHT CLIPPED TEXT" in window pixels, CLIPPED 1 where a glyph crosses the
// left or right edge of what it is drawn into (text cut off). The text is read back from ImGui's draw data
// (each glyph quad mapped back to its character), so GUI tests find and check words without
// OCR. The map's own labels (render/) are not part of it.
#include <map>
#include <string>
#include <utility>
#include <vector>

struct ImDrawData;
struct ImFont;
struct ImFontGlyph;
struct ImVec2;

namespace knp::ui {

class ScreenText {
public:
    ScreenText();                        // active only when KNP_SCREEN_TEXT names a file
    void capture(const ImDrawData* frame);  // after ImGui::Render()

private:
    struct GlyphOf {
        const ImFont* font;
        const ImFontGlyph* glyph;
    };
    void indexGlyphs();
    // The glyph drawn with texture corners uvA (top left) and uvC (bottom right), or nullptr.
    const GlyphOf* glyphOf(const ImVec2& uvA, const ImVec2& uvC) const;
    std::string path_, last_;
    std::vector<GlyphOf> glyphs_;                                // every visible glyph of every font
    std::map<std::pair<float, float>, std::size_t> corners_;     // glyphs_ by their texture's top left
};

}  // namespace knp::ui
