// The new-actor popup (N on the map): name, sector, Enter adds it.
#include "ui/panels/panels.hpp"

#include <imgui.h>
#include <GLFW/glfw3.h>

#include <string>

#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace {

// The key that picks sector i (0-based) while typing: Ctrl+1 … Ctrl+9, Ctrl+0 for the tenth,
// then Ctrl+Shift+1 … Ctrl+Shift+0 (shown "⇧1"). GLFW's digit keys are the same on German and
// US layouts.
std::string sectorKey(std::size_t i) {
    const std::size_t digit = (i + 1) % 10;
    return (i >= 10 ? "\u21E7" : "") + std::to_string(digit);
}

void pickSectorByKey(AppState& s, std::size_t sectors) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    for (int digit = 0; digit <= 9; ++digit) {
        if (!ImGui::IsKeyPressed(GLFW_KEY_0 + digit, false)) continue;
        const int index = (digit == 0 ? 9 : digit - 1) + (io.KeyShift ? 10 : 0);
        if (index < static_cast<int>(sectors)) s.newActor.sector = index;
    }
}

// The sectors in two columns, each with its key and colour, always in view: a click picks one
// and hands the keyboard back to the name, so that Enter adds the actor.
void drawSectorGrid(AppState& s) {
    const auto& sectors = s.network().taxonomy.sectors;
    if (sectors.empty()) return;
    ImGui::TextDisabled("%s", T(s, "new.sector_keys"));
    if (!ImGui::BeginTable("##sectors", 2, ImGuiTableFlags_SizingFixedFit)) return;
    const float h = ImGui::GetTextLineHeight();
    for (std::size_t i = 0; i < sectors.size(); ++i) {
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const std::string label = "     " + sectorKey(i) + "  " + sectors[i].label(s.lang);
        if (ImGui::Selectable(label.c_str(), s.newActor.sector == static_cast<int>(i))) {
            s.newActor.sector = s.newActor.sector == static_cast<int>(i) ? -1 : static_cast<int>(i);
            s.newActor.focus = true;
        }
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h * 0.6f, p.y + h / 2), h * 0.38f, ImGui::GetColorU32(color(sectors[i].color)));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void addActor(AppState& s) {
    const auto& sectors = s.network().taxonomy.sectors;
    Actor a;
    a.name = s.newActor.name;
    if (s.newActor.sector >= 0 && s.newActor.sector < static_cast<int>(sectors.size()))
        a.sector = sectors[static_cast<std::size_t>(s.newActor.sector)].key;
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

}  // namespace

void drawNewActorPopup(AppState& s) {
    if (!s.newActor.open) return;
    // At the mouse, opening towards the middle of the window, so that it never runs off an edge.
    const ImVec2 mouse = ImGui::GetIO().MousePos, size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(mouse, ImGuiCond_Appearing, ImVec2(mouse.x > size.x / 2 ? 1.0f : 0.0f, mouse.y > size.y / 2 ? 1.0f : 0.0f));
    ImGui::Begin(T(s, "new.title"), &s.newActor.open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    if (s.newActor.focus) {
        ImGui::SetKeyboardFocusHere();
        s.newActor.focus = false;
    }
    bool enter = ImGui::InputText(T(s, "field.name"), s.newActor.name, sizeof s.newActor.name, ImGuiInputTextFlags_EnterReturnsTrue);
    pickSectorByKey(s, s.network().taxonomy.sectors.size());
    drawSectorGrid(s);
    ImGui::TextDisabled("%s", T(s, "new.hint"));
    // Enter adds the actor wherever the keyboard is in this window (e.g. after a sector was
    // clicked), not only in the name field.
    const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    if (focused && (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)))
        enter = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) s.newActor.open = false;
    if (enter && s.newActor.name[0]) addActor(s);
    ImGui::End();
}

}  // namespace knp::ui
