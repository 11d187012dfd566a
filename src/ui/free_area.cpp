#include "ui/free_area.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace knp::ui {

std::vector<Bounds> panelRects() {
    std::vector<Bounds> out;
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return out;
    for (const ImGuiWindow* w : g->Windows) {
        if (!w->Active || w->Hidden || w->ParentWindow) continue;
        if (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup | ImGuiWindowFlags_ChildWindow)) continue;
        // Windows that come and go (the new-actor popup, the file dialog, progress, the status
        // bar) are made without saved settings: the map does not move for them.
        if (w->Flags & ImGuiWindowFlags_NoSavedSettings) continue;
        if (w->Size.x <= 0 || w->Size.y <= 0) continue;
        // ImGui's implicit window for widgets outside any window (never drawn when empty).
        if (std::string_view(w->Name).rfind("Debug##Default", 0) == 0) continue;
        out.push_back({w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y});
    }
    return out;
}

Bounds workArea() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    return {vp->WorkPos.x, vp->WorkPos.y, vp->WorkPos.x + vp->WorkSize.x, vp->WorkPos.y + vp->WorkSize.y};
}

}  // namespace knp::ui
