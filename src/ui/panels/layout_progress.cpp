// The progress window of a layout chosen from the menu, with its cancel button (a live layout
// runs without one). Starting and finishing layouts: ui/layouts.hpp.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include "core/i18n.hpp"
#include "report/phrasing.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawLayoutProgress(AppState& s) {
    if (!s.layoutTask || s.layoutTask->live || s.layoutTask->task.finished()) return;
    LayoutJob& job = *s.layoutTask;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + 60), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::Begin("##layout", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Text(T(s, "layout.running"), report::layoutLabel(job.engine, s.lang).c_str());
    ImGui::ProgressBar(static_cast<float>(job.task.progress()), ImVec2(260, 0));
    ImGui::SameLine();
    if (ImGui::Button(T(s, "layout.cancel"))) job.task.cancel();
    ImGui::End();
}

}  // namespace knp::ui
