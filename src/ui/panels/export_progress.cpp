// The progress window while an export is written (a modal); the report's can be cancelled.
// When the export is done, finishExport (ui/files.hpp) says so.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <cmath>
#include <filesystem>

#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawExportProgress(AppState& s) {
    if (!s.exportTask) return;
    ExportTask& task = *s.exportTask;
    const bool done = task.task.finished();
    if (!done && !ImGui::IsPopupOpen("##export_task")) ImGui::OpenPopup("##export_task");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##export_task", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        if (done) ImGui::CloseCurrentPopup();
        ImGui::TextUnformatted(T(s, task.cancellable() ? "report.writing" : "export.writing"));
        ImGui::TextDisabled("%s", std::filesystem::path(task.path).filename().string().c_str());
        // Data and maps report no steps: the bar runs round to show that work goes on.
        const float shown = task.cancellable() ? static_cast<float>(task.task.progress()) : static_cast<float>(std::fmod(ImGui::GetTime() * 0.5, 1.0));
        ImGui::ProgressBar(shown, ImVec2(ImGui::GetFontSize() * 20, 0), task.cancellable() ? nullptr : "");
        if (task.cancellable() && (ImGui::Button(T(s, "report.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
            task.task.cancel();
        ImGui::EndPopup();
    }
    if (done) finishExport(s);
}

}  // namespace knp::ui
