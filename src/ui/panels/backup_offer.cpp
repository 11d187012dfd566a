// The offer to open the newest sound backup of a damaged project (a modal).
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <filesystem>
#include <string>

#include "store/backups.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawBackupOffer(AppState& s) {
    if (!s.backupOffer) return;
    if (!ImGui::IsPopupOpen("##backup_offer")) ImGui::OpenPopup("##backup_offer");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##backup_offer", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        const AppState::BackupOffer offer = *s.backupOffer;
        std::string date = offer.backup.created.substr(0, 16);
        if (date.size() > 10) date[10] = ' ';
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
        ImGui::TextUnformatted((std::string(T(s, "backup.damaged")) + " \u201E" + std::filesystem::path(offer.damaged).filename().string() + "\u201C").c_str());
        ImGui::TextDisabled("%s", offer.error.c_str());
        ImGui::Spacing();
        ImGui::TextUnformatted((std::string(T(s, "backup.offer")) + " " + date + " UTC.").c_str());
        ImGui::TextUnformatted(T(s, "backup.offer_detail"));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(T(s, "backup.open"), ImVec2(0, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            s.backupOffer.reset();
            ImGui::CloseCurrentPopup();
            try {
                const std::string restored = restoreBackupBeside(offer.damaged, offer.backup);
                if (openDocument(s, restored)) s.status = std::string(T(s, "backup.opened")) + " " + std::filesystem::path(restored).filename().string();
            } catch (const std::exception& e) {
                s.notice = e.what();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(T(s, "backup.cancel"))) {
            s.backupOffer.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace knp::ui
