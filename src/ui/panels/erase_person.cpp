// Erasing a contact person (DSGVO Art. 17), after a confirmation.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include "core/i18n.hpp"
#include "store/backups.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawErasePerson(AppState& s) {
    if (s.erasePerson.empty() || !s.project()) {
        s.erasePerson.clear();
        return;
    }
    if (!ImGui::IsPopupOpen("##erase_person")) ImGui::OpenPopup("##erase_person");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##erase_person", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted((quoted(s.erasePerson, s.lang) + " " + T(s, "person.erase_confirm")).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(T(s, "person.erase_now"))) {
            const std::string name = s.erasePerson;
            s.erasePerson.clear();
            ImGui::CloseCurrentPopup();
            try {
                erasePersonFromBackups(s.project()->path(), name);
                const ProjectFile::Erasure e = s.project()->erasePerson(name);
                ++s.version;
                std::string where;
                for (const std::string& w : e.stillIn) where += (where.empty() ? " " : ", ") + w;
                s.status = e.goneFromFile ? T(s, "person.erased") : std::string(T(s, "person.erased_partly")) + where;
            } catch (const std::exception& e) {
                s.status = e.what();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(T(s, "backup.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            s.erasePerson.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace knp::ui
