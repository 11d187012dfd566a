// The message when the project file could not store a change (a full disk, a vanished folder, a
// read-only file): what happened, what was kept, and "Speichern unter …" (a modal).
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <filesystem>
#include <string>

#include "core/i18n.hpp"
#include "ui/file_dialog.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace {

// What was kept of the change that could not be stored: the entry ("Akteur hinzugefügt: Tafel
// Süd"), the actors' arrangement, or (an undo or redo) the state last stored.
std::string keptInWords(const AppState& s, const UnsavedEdits& u) {
    if (u.kind.empty()) return T(s, "storage.kept_state");
    if (u.kind == "layout") return T(s, "storage.kept_layout");
    std::string what = tr(s.lang, u.kind);
    if (!u.subject.empty()) what += ": " + u.subject;
    return fill(T(s, "storage.kept_change"), {quoted(what, s.lang)});
}

void paragraph(const std::string& text) {
    ImGui::TextUnformatted(text.c_str());
    ImGui::Spacing();
}

void storageFailureText(const AppState& s, const UnsavedEdits& u) {
    const std::string file = quoted(std::filesystem::path(u.file).filename().string(), s.lang);
    ImGui::TextColored(ImVec4(0.6f, 0.12f, 0.08f, 1), "%s", T(s, "storage.title"));
    ImGui::Spacing();
    paragraph(storageProblemText(s.lang, u.problem));
    paragraph(keptInWords(s, u));
    paragraph(fill(T(s, "storage.file_unchanged"), {file}));
    paragraph(T(s, "storage.advice"));
    if (s.unsavedQuestion == AppState::UnsavedQuestion::Quit) paragraph(T(s, "storage.quit_loses"));
    if (s.unsavedQuestion == AppState::UnsavedQuestion::Open) paragraph(T(s, "storage.open_after_saving"));
}

}  // namespace

void drawStorageFailure(AppState& s) {
    const UnsavedEdits* unsaved = s.document->unsaved();
    if (!s.storageFailureShown || !unsaved || s.fileDialog) return;
    if (!ImGui::IsPopupOpen("##storage_failure")) ImGui::OpenPopup("##storage_failure");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##storage_failure", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
    storageFailureText(s, *unsaved);
    ImGui::PopTextWrapPos();
    // Keys from the frame after it appeared: the Enter that committed the failed entry is not its answer.
    const bool keys = !ImGui::IsWindowAppearing();
    const bool save = ImGui::Button(T(s, "storage.save_elsewhere")) || (keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false));
    ImGui::SameLine();
    const bool later = ImGui::Button(T(s, "storage.later")) || (keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false));
    if (s.unsavedQuestion == AppState::UnsavedQuestion::Quit) {
        ImGui::SameLine();
        if (ImGui::Button(T(s, "storage.quit_without_saving"))) s.quitUnsaved = s.quit = true;
    }
    if (save || later) {
        s.storageFailureShown = false;
        s.unsavedQuestion = AppState::UnsavedQuestion::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    if (save) startSaveAsDialog(s);
}

}  // namespace knp::ui
