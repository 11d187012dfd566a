// The snapshots window: take (named in a small dialog), list, compare, restore (restoring is one
// undoable step).
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "ui/compare_view.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace {

constexpr const char* kDialogId = "###snapshot_name";

std::vector<SnapshotInfo> snapshotsOf(AppState& s) {
    try {
        return s.project()->snapshots();
    } catch (const std::exception& e) {
        s.status = e.what();
        return {};
    }
}

// Why `name` cannot be taken (a catalogue key), or nullptr when it can.
const char* nameProblem(const std::string& name, const std::vector<SnapshotInfo>& existing) {
    if (name.find_first_not_of(" \t") == std::string::npos) return "snapshot.name_empty";
    if (name.find('@') != std::string::npos) return "snapshot.name_at";
    for (const SnapshotInfo& snap : existing)
        if (snap.name == name) return "snapshot.name_taken";
    return nullptr;
}

void takeSnapshot(AppState& s, const std::string& name) {
    try {
        s.project()->takeSnapshot(name);
        const Network& n = s.edited();
        s.status = fill(T(s, "snapshot.saved"), {quoted(name, s.lang), countActors(n.actors().size(), s.lang), countLinks(n.links().size(), s.lang)});
    } catch (const std::exception& e) {
        s.status = e.what();
    }
}

// The dialog's name field with the suggestion selected, its buttons; closes on Enter (when the
// name can be taken), on Escape and on either button.
void drawDialogBody(AppState& s) {
    const std::vector<SnapshotInfo> existing = snapshotsOf(s);
    ImGui::TextUnformatted(T(s, "snapshot.ask"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    const bool enter = ImGui::InputTextWithHint("##name", T(s, "snapshot.name"), s.snapshotName, sizeof s.snapshotName,
                                        ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_EnterReturnsTrue);
    const std::string name = s.snapshotName;
    const char* problem = nameProblem(name, existing);
    if (problem) ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.1f, 1), "%s", T(s, problem));
    else ImGui::TextDisabled("%s", T(s, "snapshot.keys"));
    ImGui::Spacing();
    ImGui::BeginDisabled(problem != nullptr);
    const bool save = ImGui::Button(T(s, "snapshot.save")) || (enter && !problem);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button(T(s, "snapshot.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (save && !problem) takeSnapshot(s, name);
    if ((save && !problem) || cancel) {
        s.snapshotDialog = false;
        s.snapshotName[0] = 0;
        ImGui::CloseCurrentPopup();
    }
}

// The modal asking for the new snapshot's name (askSnapshotName opens it).
void drawSnapshotDialog(AppState& s) {
    if (!s.snapshotDialog) return;
    if (!s.project()) {
        s.snapshotDialog = false;
        return;
    }
    const std::string title = std::string(T(s, "snapshot.dialog_title")) + kDialogId;
    if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        drawDialogBody(s);
        ImGui::EndPopup();
    }
}

// "„Workshop 1“ (7. Dez. 2026, 03:42; 8 Akteure, 6 Verbindungen)"
std::string snapshotLine(const AppState& s, const SnapshotInfo& snap) {
    return fill(T(s, "snapshot.entry"), {snap.name, formatDateTime(snap.created, s.lang), countActors(snap.actors, s.lang), countLinks(snap.links, s.lang)});
}

}  // namespace

void askSnapshotName(AppState& s) {
    if (!s.project()) return;
    // "Stand 3": the next number not taken yet, selected so that typing replaces it.
    const std::vector<SnapshotInfo> existing = snapshotsOf(s);
    std::string suggestion;
    for (std::size_t k = existing.size() + 1; suggestion.empty() || nameProblem(suggestion, existing); ++k)
        suggestion = fill(T(s, "snapshot.suggested"), {std::to_string(k)});
    std::strncpy(s.snapshotName, suggestion.c_str(), sizeof s.snapshotName - 1);
    s.snapshotName[sizeof s.snapshotName - 1] = 0;
    s.snapshotDialog = true;
}

void drawSnapshots(AppState& s) {
    drawSnapshotDialog(s);
    if (!s.showSnapshots) return;
    ImGui::Begin(T(s, "panel.snapshots"), &s.showSnapshots);
    if (!s.project()) {
        ImGui::TextWrapped("%s", T(s, "status.readonly_import"));
        ImGui::End();
        return;
    }
    if (ImGui::Button(T(s, "snapshot.take_button"))) askSnapshotName(s);
    for (const SnapshotInfo& snap : snapshotsOf(s)) {
        ImGui::PushID(snap.name.c_str());
        ImGui::TextWrapped("%s", snapshotLine(s, snap).c_str());
        if (ImGui::SmallButton(T(s, "panel.compare"))) {
            leaveCompare(s);
            enterCompare(s, snap.name);
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(T(s, "snapshot.restore"))) {
            leaveCompare(s);
            try {
                s.project()->restoreSnapshot(snap.name);
                ++s.version;
                s.canvas.fitRequested = true;
            } catch (const std::exception& e) {
                s.status = e.what();
            }
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace knp::ui
