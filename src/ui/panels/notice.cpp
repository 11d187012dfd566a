// A message the user must acknowledge (a project open elsewhere, a file that cannot be read).
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawNotice(AppState& s) {
    if (s.notice.empty()) return;
    if (!ImGui::IsPopupOpen("##notice")) ImGui::OpenPopup("##notice");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##notice", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
        ImGui::TextUnformatted(s.notice.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        // Enter from the frame after it appeared: not the Enter that led to it (a file dialog's).
        const bool enter = !ImGui::IsWindowAppearing() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
        if (ImGui::Button("OK", ImVec2(120, 0)) || enter) {
            s.notice.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace knp::ui
