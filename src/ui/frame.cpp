#include "ui/frame.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/i18n.hpp"
#include "platform/window.hpp"
#include "ui/canvas.hpp"
#include "ui/compare_view.hpp"
#include "ui/keys.hpp"
#include "ui/layouts.hpp"
#include "ui/panels/panels.hpp"

namespace knp::ui {

FrameHooks frameHooks(bool automated, bool screenshot) {
    FrameHooks hooks;
    hooks.forceRedraw = automated && std::getenv("KNP_BENCH_FULL_REDRAW") != nullptr;
    if (const char* interval = std::getenv("KNP_BACKUP_INTERVAL")) hooks.backupInterval = std::max(1.0, std::atof(interval));
    if (const char* pan = std::getenv("KNP_SCREENSHOT_PAN"); pan && screenshot)
        std::sscanf(pan, "%f,%f", &hooks.screenshotPan[0], &hooks.screenshotPan[1]);
    return hooks;
}

void applyViewMode(AppState& s, platform::Window& window, bool& styledDark) {
    if (s.options.dark != styledDark) {
        styledDark = s.options.dark;
        if (s.options.dark) ImGui::StyleColorsDark();
        else ImGui::StyleColorsLight();
    }
    if (!s.automated && s.options.presentation != window.fullScreen()) {
        window.setFullScreen(s.options.presentation);
        s.canvas.fitRequested = true;
    }
}

void updateFrame(AppState& s, double now, const FrameHooks& hooks) {
    s.tasks.collect();
    updateCompare(s, now);
    // A backup every 10 minutes while the project changes.
    if (s.project() && s.edits != s.backedUpEdits && now - s.lastBackup >= hooks.backupInterval) {
        backupProject(s);
        s.status = std::string(tr(s.lang, "backup.taken")) + " (" + utcTimestamp().substr(11, 5) + " UTC)";
    }
    // Analysis: swap in whatever is finished, ask for the current version.
    updateAnalysis(s);
    // Live layout: after a new actor or link (not after undo or redo), the force layout runs
    // from the current positions; the actors then glide to their new places.
    updateLiveLayout(s);
    updateLayoutAnimation(s, now);
}

void placeView(AppState& s, float width, float height, const float* pan) {
    if (s.canvas.fitRequested && width > 0) {
        fitView(s, width, height);
        s.canvas.fitRequested = false;
    } else if (pan && (pan[0] != 0 || pan[1] != 0)) {
        s.canvas.view.originX -= pan[0] / s.canvas.view.scale;
        s.canvas.view.originY += pan[1] / s.canvas.view.scale;
    }
}

void handleShortcuts(AppState& s) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && letterPressed('q')) s.quit = true;
    if (s.automated || !io.KeyCtrl || io.WantTextInput) return;
    if (letterPressed('o')) startFileDialog(s, FileAction::Open);
    if (letterPressed('n')) startFileDialog(s, FileAction::New);
    if (letterPressed('i')) startFileDialog(s, FileAction::Import);
    if (letterPressed('p')) startExportDialog(s, FileAction::Diagram);
    if (letterPressed('b')) startExportDialog(s, FileAction::Report);
    if (letterPressed('e')) startExportDialog(s, FileAction::Export);
    if (letterPressed('s') && io.KeyShift) startSaveAsDialog(s);
}

void drawWindows(AppState& s, float width, float height) {
    if (!s.options.presentation) {
        drawMenuBar(s);
        const float u = s.contentScale;  // first-use layout in scaled pixels
        ImGui::SetNextWindowPos(ImVec2(width - 370 * u, 30 * u), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(360 * u, 360 * u), ImGuiCond_FirstUseEver);
        drawInspector(s);
        ImGui::SetNextWindowPos(ImVec2(width - 370 * u, 400 * u), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(360 * u, height - 410 * u), ImGuiCond_FirstUseEver);
        drawAnalysisPanel(s);
        ImGui::SetNextWindowPos(ImVec2(10 * u, 30 * u), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(330 * u, 300 * u), ImGuiCond_FirstUseEver);
        drawActorTable(s);
        drawFilters(s);
        drawSnapshots(s);
        drawComparePanel(s);
    }
    drawNewActorPopup(s);
    drawFileDialog(s);
    drawExportProgress(s);
    drawNotice(s);
    drawBackupOffer(s);
    drawErasePerson(s);
    drawStorageFailure(s);
    finishLayout(s, ImGui::GetTime());
    drawLayoutProgress(s);
    drawLegend(s);
    drawStatusBar(s);
    handleCompareKeys(s);
    handleCanvasInput(s, width, height);
    if (s.network().actors().empty()) {
        const char* text = tr(s.lang, "canvas.empty");
        const ImVec2 size = ImGui::CalcTextSize(text);
        ImGui::GetBackgroundDrawList()->AddText(ImVec2((width - size.x) / 2, (height - size.y) / 2), IM_COL32(90, 90, 90, 255), text);
    }
}

bool analysisBehind(const AppState& s) { return analysisPending(s) || !s.results || s.results->version != s.version; }

// The project's name, the snapshot when one is shown (PROJECT@SNAPSHOT), the file, and a mark
// when it is view-only.
std::string windowTitle(const AppState& s) {
    std::string name = s.network().name.empty() ? std::string(tr(s.lang, "title.untitled")) : s.network().name;
    std::string file = s.sourceName;
    if (const std::size_t at = file.find('@'); at != std::string::npos) {
        name += " – " + std::string(tr(s.lang, "title.snapshot")) + " „" + file.substr(at + 1) + "“";
        file.resize(at);
    }
    if (s.lockedElsewhere) name += " [" + std::string(tr(s.lang, "title.view_only")) + "]";
    if (s.document->unsaved()) name += " [" + std::string(tr(s.lang, "title.unsaved")) + "]";
    if (s.compare.active) name += " – " + std::string(tr(s.lang, "panel.compare"));
    return name + (file.empty() ? "" : " (" + file + ")") + " – Knotenpunkt";
}

}  // namespace knp::ui
