// The legend over the map, from the taxonomy in use: sectors and link types shown.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <set>
#include <string>

#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawLegend(const AppState& s) {
    const Network& n = s.network();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + vp->WorkSize.y - 10), ImGuiCond_Always, ImVec2(0, 1));
    // Opaque: legible on a projector, and copied from the panel layer instead of redrawn.
    ImGui::Begin(T(s, "panel.legend"), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    std::set<std::string> sectors, types;
    for (const Actor& a : n.actors()) sectors.insert(a.sector);
    for (const Link& l : n.links()) types.insert(l.type);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    for (const Category& c : n.taxonomy.sectors) {
        if (!sectors.count(c.key)) continue;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.4f, ImGui::GetColorU32(color(c.color)));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(c.label(s.lang).c_str());
    }
    ImGui::Separator();
    if (s.compare.active) {
        // Compare mode colours links by their change (the comparison panel's legend says how).
        ImGui::TextDisabled("%s", T(s, "compare.legend"));
        ImGui::End();
        return;
    }
    for (const Category& c : n.taxonomy.linkTypes) {
        if (!types.count(c.key)) continue;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddLine(ImVec2(p.x, p.y + h / 2), ImVec2(p.x + h * 1.6f, p.y + h / 2), ImGui::GetColorU32(color(c.color)), 3);
        ImGui::Dummy(ImVec2(h * 1.6f, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(c.label(s.lang).c_str());
    }
    ImGui::TextDisabled("- - %s   · · %s", T(s, "legend.planned"), T(s, "legend.wished"));
    ImGui::TextDisabled("■ %s   ◎ %s", T(s, "legend.contact_point"), T(s, "legend.land_bund"));
    ImGui::End();
}

}  // namespace knp::ui
