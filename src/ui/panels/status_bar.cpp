// The status bar: the last message, the link tool, or why edits are not saved.
#include "ui/panels/panels.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawStatusBar(const AppState& s) {
    std::string text;
    if (s.canvas.tool == Tool::Link) text = T(s, "status.link_mode");
    else if (s.document->unsaved()) text = std::string(T(s, "storage.status")) + (s.status.empty() ? "" : "\n" + s.status);
    else if (!s.status.empty()) text = s.status;
    else if (!s.note.empty() && ImGui::GetTime() < s.noteUntil) text = s.note;
    // (Actors the view does not show, its edge pointing to them: F brings them back.)
    const std::string outside = s.canvas.outside.empty()          ? std::string()
                                : s.canvas.outside.size() == 1    ? std::string(T(s, "status.outside_one"))
                                                                  : fill(T(s, "status.outside_many"), {std::to_string(s.canvas.outside.size())});
    if (text.empty()) {
        if (s.options.presentation) {
            if (outside.empty()) return;  // the projector shows the map, not how it is stored
            text = outside;
        } else if (!s.project() && s.lockedElsewhere) text = T(s, "status.locked_elsewhere");
        else if (!s.project() && s.edits != s.editsAtOpen) text = fill(T(s, "status.unsaved_import"), {std::to_string(s.edits - s.editsAtOpen)});
        // An imported file: said for a few seconds after opening; nothing when nothing was opened.
        else if (!s.project() && !s.sourcePath.empty() && ImGui::GetTime() - s.openedAt < 10) text = T(s, "status.readonly_import");
        else text = outside;
    }
    if (text.empty()) return;
    // A small opaque window in the bottom right corner (opaque: the frame compositor keeps it
    // in the panel layer instead of drawing it every frame).
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 10, vp->WorkPos.y + vp->WorkSize.y - 10), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.96f, 0.86f, 1.0f));
    const bool alert = !s.status.empty() || s.document->unsaved();
    ImGui::PushStyleColor(ImGuiCol_Text, alert ? ImVec4(0.6f, 0.12f, 0.08f, 1) : ImVec4(0.24f, 0.24f, 0.24f, 1));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings);
    // Above the panels it may overlap (internal API of Dear ImGui 1.86; no focus is taken).
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::TextUnformatted(text.c_str());
    ImGui::End();
    ImGui::PopStyleColor(2);
}

}  // namespace knp::ui
