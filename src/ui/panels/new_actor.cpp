// The new-actor popup (N on the map): name, sector, Enter adds it.
#include "ui/panels/panels.hpp"

#include <imgui.h>
#include <GLFW/glfw3.h>

#include <string>

#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawNewActorPopup(AppState& s) {
    if (!s.newActor.open) return;
    ImGui::SetNextWindowPos(ImGui::GetIO().MousePos, ImGuiCond_Appearing);
    ImGui::Begin(T(s, "new.title"), &s.newActor.open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    if (s.newActor.focus) {
        ImGui::SetKeyboardFocusHere();
        s.newActor.focus = false;
    }
    const bool enter = ImGui::InputText(T(s, "field.name"), s.newActor.name, sizeof s.newActor.name, ImGuiInputTextFlags_EnterReturnsTrue);
    const auto& sectors = s.network().taxonomy.sectors;
    // Quick sector choice while typing: Ctrl+1 ... Ctrl+9, Ctrl+0 for the tenth (GLFW's digit
    // keys are the same on German and US layouts).
    if (ImGui::GetIO().KeyCtrl)
        for (int digit = 0; digit <= 9; ++digit) {
            const int index = digit == 0 ? 9 : digit - 1;
            if (ImGui::IsKeyPressed(GLFW_KEY_0 + digit, false) && index < static_cast<int>(sectors.size())) s.newActor.sector = index;
        }
    auto numbered = [&](std::size_t i) { return std::to_string(i < 9 ? i + 1 : (i == 9 ? 0 : i + 1)) + "  " + sectors[i].label(s.lang); };
    const std::string current = s.newActor.sector >= 0 ? numbered(static_cast<std::size_t>(s.newActor.sector)) : T(s, "field.none");
    if (ImGui::BeginCombo(T(s, "field.sector"), current.c_str())) {
        for (std::size_t i = 0; i < sectors.size(); ++i)
            if (ImGui::Selectable(numbered(i).c_str(), s.newActor.sector == static_cast<int>(i))) s.newActor.sector = static_cast<int>(i);
        ImGui::EndCombo();
    }
    if (s.newActor.sector >= 0) {
        // A swatch of the chosen sector's colour, as on the map.
        ImGui::SameLine();
        ImGui::ColorButton("##swatch", color(sectors[static_cast<std::size_t>(s.newActor.sector)].color), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
    }
    ImGui::TextDisabled("%s", T(s, "new.hint"));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) s.newActor.open = false;
    if (enter && s.newActor.name[0]) {
        Actor a;
        a.name = s.newActor.name;
        if (s.newActor.sector >= 0) a.sector = sectors[static_cast<std::size_t>(s.newActor.sector)].key;
        a.x = s.newActor.at.x;
        a.y = s.newActor.at.y;
        a.placed = true;
        try {
            const Edit e = cmdAddActor(s.network(), a);
            if (commit(s, e)) s.selectedActors = {std::get<InsertActor>(e.ops[0]).actor.id};
        } catch (const std::exception& ex) {
            s.status = ex.what();
        }
        s.newActor.open = false;
    }
    ImGui::End();
}

}  // namespace knp::ui
