#pragma once
// Little helpers the panels share: message keys, colours, the taxonomy combo, and edits of one
// actor or link from a panel's fields.
#include <cstdint>
#include <initializer_list>
#include <string>

#include <imgui.h>

#include "ui/state.hpp"

namespace knp::ui {

// The message for `key` in the view's language (valid for the program's run).
const char* T(const AppState& s, const char* key);
// 0xRRGGBB as an ImGui colour.
ImVec4 color(std::uint32_t rgb, float alpha = 1);
// A combo over taxonomy categories; "none" first where allowed (key empty). True on a change.
// A choice cut off in the field is shown whole in a tooltip.
bool categoryCombo(const AppState& s, const char* label, CategoryKind kind, std::string& key, bool allowNone);
// The widest label (in pixels) of a kind's categories, e.g. "Zivilgesellschaft und Ehrenamt".
float widestCategory(const AppState& s, CategoryKind kind);

// A panel's form: fields as wide as the panel allows with their labels beside them where the
// widest value still fits, else each label on its own line above a field as wide as the panel.
class Form {
public:
    Form(std::initializer_list<const char*> labels, float widestValue);
    // Sets the next field's width (and draws its label above it where stacked); returns the
    // label to give the field ("##..." where the label stands above).
    std::string field(const char* label) const;
    float width() const { return width_; }  // for fields sized by ImVec2 (multi-line text)

private:
    bool stacked_ = false;
    float width_ = 0;
};
// Commits `after` as the new state of its actor or link; errors go to the status bar.
void updateActor(AppState& s, const Actor& after);
void updateLink(AppState& s, const Link& after);

}  // namespace knp::ui
