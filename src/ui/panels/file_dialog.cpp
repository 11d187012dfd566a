// The in-app file browser (where the desktop has no file chooser), or collecting the desktop
// chooser's answer; then the chosen action is carried out (ui/files.hpp).
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "core/i18n.hpp"
#include "io/csv_import.hpp"
#include "ui/file_dialog.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace fs = std::filesystem;

void drawFileDialog(AppState& s) {
    if (!s.fileDialog) return;
    FileDialog& d = *s.fileDialog;
    if (!d.builtin) {
        std::optional<TaskOutcome<std::string>> done = d.choice.take();
        if (!done) return;
        const std::string chosen = done->value.value_or("");
        const FileAction action = d.action;
        s.fileDialog.reset();
        if (!chosen.empty()) performFileAction(s, action, chosen);
        return;
    }
    bool open = true;
    std::optional<std::string> chosen;
    ImGui::SetNextWindowSize(ImVec2(640, 460), ImGuiCond_Appearing);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin(T(s, fileActionTitleKey(d.action)), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextDisabled("%s", d.directory.c_str());
        if (ImGui::Button(T(s, "file.up"))) {
            d.directory = fs::path(d.directory).parent_path().string();
            readDirectory(d);
        }
        // Saving: a line below the name says which endings there are (the ending chooses the format).
        const std::string endings = formatEndings(d.action);
        const float below = ImGui::GetFrameHeightWithSpacing() * (d.overwrite.empty() ? 2.0f : 4.0f) +
                            (endings.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing());
        ImGui::BeginChild("##entries", ImVec2(0, -below), true);
        std::optional<std::string> enter;
        for (const FileDialog::Entry& e : d.entries) {
            // Folders are entered with a click; a CSV folder is chosen like a file.
            const std::string label = e.network ? e.name + "/   (" + T(s, "file.csv_folder") + ")" : (e.directory ? e.name + "/" : e.name);
            const bool likeFile = !e.directory || e.network;
            if (ImGui::Selectable(label.c_str(), likeFile && e.name == d.name, ImGuiSelectableFlags_AllowDoubleClick)) {
                if (!likeFile) enter = e.name;
                else {
                    std::snprintf(d.name, sizeof d.name, "%s", e.name.c_str());
                    if (ImGui::IsMouseDoubleClicked(0)) chosen = (fs::path(d.directory) / e.name).string();
                }
            }
        }
        if (d.entries.empty()) ImGui::TextDisabled("%s", T(s, "file.empty"));
        ImGui::EndChild();
        if (enter) {
            d.directory = (fs::path(d.directory) / *enter).string();
            readDirectory(d);
        }
        // The name, then the action's button and "Abbrechen" (Escape does the same).
        const char* act = T(s, savesFile(d.action) ? "file.save" : "file.choose");
        const char* cancel = T(s, "file.cancel");
        const ImGuiStyle& style = ImGui::GetStyle();
        const float buttons = ImGui::CalcTextSize(act).x + ImGui::CalcTextSize(cancel).x + 4 * style.FramePadding.x + 2 * style.ItemSpacing.x;
        ImGui::SetNextItemWidth(-buttons);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool typed = ImGui::InputText("##name", d.name, sizeof d.name, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        const bool pressed = ImGui::Button(act);
        ImGui::SameLine();
        if (ImGui::Button(cancel)) open = false;
        if (!endings.empty()) ImGui::TextDisabled("%s", fill(T(s, "file.endings"), {endings}).c_str());
        if ((pressed || typed) && d.name[0]) {
            const fs::path typedPath(d.name);
            const fs::path full = typedPath.is_absolute() ? typedPath : fs::path(d.directory) / typedPath;
            std::error_code ec;
            if (fs::is_directory(full, ec) && !(opensNetworks(d.action) && isCsvFolder(full.string()))) {
                d.directory = full.string();
                d.name[0] = '\0';
                readDirectory(d);
            } else {
                chosen = full.string();
            }
        }
    }
    // Export over an existing file: ask first (zenity asks by itself).
    if (chosen && (d.action == FileAction::Export || d.action == FileAction::Diagram || d.action == FileAction::Report) &&
        *chosen != d.overwrite) {
        std::error_code ec;
        std::string target = *chosen;
        if (fs::path(target).extension().empty()) target += defaultExtension(d.action);
        if (fs::exists(target, ec)) {
            d.overwrite = *chosen;
            chosen.reset();
        }
    }
    if (!d.overwrite.empty() && open) {
        ImGui::TextColored(ImVec4(0.7f, 0.15f, 0.1f, 1), "%s", T(s, "file.exists"));
        if (ImGui::Button(T(s, "file.overwrite"))) chosen = d.overwrite;
        ImGui::SameLine();
        if (ImGui::Button(T(s, "file.keep"))) d.overwrite.clear();
    }
    ImGui::End();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) open = false;
    if (chosen) {
        const FileAction action = d.action;
        s.fileDialog.reset();
        performFileAction(s, action, *chosen);
    } else if (!open) {
        s.fileDialog.reset();
    }
}

}  // namespace knp::ui
