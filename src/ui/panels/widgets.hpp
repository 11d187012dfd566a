#pragma once
// Little helpers the panels share: message keys, colours, the taxonomy combo, and edits of one
// actor or link from a panel's fields.
#include <cstdint>
#include <string>

#include <imgui.h>

#include "ui/state.hpp"

namespace knp::ui {

// The message for `key` in the view's language (valid for the program's run).
const char* T(const AppState& s, const char* key);
// 0xRRGGBB as an ImGui colour.
ImVec4 color(std::uint32_t rgb, float alpha = 1);
// A combo over taxonomy categories; "none" first where allowed (key empty). True on a change.
bool categoryCombo(const AppState& s, const char* label, CategoryKind kind, std::string& key, bool allowNone);
// Commits `after` as the new state of its actor or link; errors go to the status bar.
void updateActor(AppState& s, const Actor& after);
void updateLink(AppState& s, const Link& after);

}  // namespace knp::ui
