#include "ui/frame.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/i18n.hpp"
#include "platform/window.hpp"
#include "ui/canvas.hpp"
#include "ui/compare_view.hpp"
#include "ui/free_area.hpp"
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
    const std::vector<Point> before = s.animation ? s.animation->from : std::vector<Point>{};
    const bool gliding = s.animation.has_value();
    updateLayoutAnimation(s, now);
    // A layout that pushed actors out of the free part of the map (they all were in it): fit again.
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    if (gliding && !s.animation && !actorsOutsideFreeArea(s, size.x, size.y, &before) && actorsOutsideFreeArea(s, size.x, size.y))
        s.canvas.fitRequested = true;
}

void placeView(AppState& s, float width, float height, const float* pan) {
    // The window changed size (presentation mode's full screen arrives a few frames later): a
    // fitted map fits again.
    if ((width != s.canvas.windowWidth || height != s.canvas.windowHeight) && s.canvas.fitted) s.canvas.fitRequested = true;
    s.canvas.windowWidth = width;
    s.canvas.windowHeight = height;
    if (s.canvas.fitRequested && width > 0) {
        fitView(s, width, height);
        s.canvas.fitRequested = false;
    } else if (pan && (pan[0] != 0 || pan[1] != 0)) {
        // A pan like the mouse's: the map is no longer as fitted.
        s.canvas.view.originX -= pan[0] / s.canvas.view.scale;
        s.canvas.view.originY += pan[1] / s.canvas.view.scale;
        s.canvas.fitted = false;
    }
}

namespace {

// Escape closes an open menu (or combo list) first, before it does anything on the map.
// Returns whether it did.
bool closeMenuOnEscape() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.OpenPopupStack.Size == 0 || !ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) return false;
    for (const ImGuiPopupData& p : g.OpenPopupStack)
        if (p.Window && (p.Window->Flags & ImGuiWindowFlags_Modal)) return false;  // dialogs handle Escape themselves
    ImGui::ClosePopupToLevel(0, true);
    return true;
}

bool samePanels(const std::vector<Bounds>& a, const std::vector<Bounds>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Bounds& p, const Bounds& q) {
        return p.minX == q.minX && p.minY == q.minY && p.maxX == q.maxX && p.maxY == q.maxY;
    });
}

// How long the legend stands still before a fitted map under it fits anew (seconds).
constexpr double kLegendSettles = 0.4;

void checkLegend(AppState& s, const Bounds& legend, float width, float height) {
    const double now = ImGui::GetTime();
    if (!samePanels({legend}, {s.canvas.legend})) {
        s.canvas.legend = legend;
        s.canvas.legendSince = now;
        s.canvas.legendChecked = false;
        return;
    }
    if (s.canvas.legendChecked || now - s.canvas.legendSince < kLegendSettles || s.animation || s.canvas.fitRequested) return;
    s.canvas.legendChecked = true;
    if (!s.canvas.fitted) return;
    const std::vector<bool> visible = visibleActors(s);
    const std::vector<double> radius = displayRadii(s);
    for (std::size_t i = 0; i < visible.size(); ++i) {
        if (!visible[i]) continue;
        float x, y;
        worldToScreen(s.canvas, shownPosition(s, i), width, height, x, y);
        const double r = radius[i] * s.canvas.view.scale;
        if (legend.overlaps({x - r, y - r, x + r, y + r})) {
            s.canvas.fitRequested = true;
            return;
        }
    }
}

// L: a line from the link's source to the mouse until the target is clicked.
void drawLinkInProgress(const AppState& s, float width, float height) {
    if (s.canvas.tool != Tool::Link || !s.canvas.linkFrom) return;
    const auto from = s.network().actorIndex(*s.canvas.linkFrom);
    if (!from) return;
    float x, y;
    worldToScreen(s.canvas, shownPosition(s, *from), width, height, x, y);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const ImU32 line = IM_COL32(0xF2, 0x8C, 0x00, 230);
    ImGui::GetBackgroundDrawList()->AddLine(ImVec2(x, y), mouse, line, 3 * s.contentScale);
    ImGui::GetBackgroundDrawList()->AddCircleFilled(mouse, 4 * s.contentScale, line);
}

}  // namespace

void handleShortcuts(AppState& s) {
    s.canvas.escapeTaken = closeMenuOnEscape();
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
        // A small window (a laptop on a projector) starts with a lower properties panel and the
        // actor table collapsed to its title, so that the map has room; Ctrl+F opens the table.
        const bool narrow = width < 1400 * u;
        const float side = 360 * u, inspectorHeight = (narrow ? 280 : 360) * u;
        ImGui::SetNextWindowPos(ImVec2(width - side - 10 * u, 30 * u), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(side, inspectorHeight), ImGuiCond_FirstUseEver);
        drawInspector(s);
        ImGui::SetNextWindowPos(ImVec2(width - side - 10 * u, 40 * u + inspectorHeight), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(side, height - 50 * u - inspectorHeight), ImGuiCond_FirstUseEver);
        drawAnalysisPanel(s);
        // Compare mode shows several states at once: its panel takes the actor table's place
        // (and the table's first-use settings must not go to the next window instead).
        if (!s.compare.active) {
            ImGui::SetNextWindowPos(ImVec2(10 * u, 30 * u), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(330 * u, 300 * u), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowCollapsed(narrow, ImGuiCond_FirstUseEver);
            if (s.searchFocus) ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
            drawActorTable(s);
        }
        // Beside the actor table, not over it.
        if (s.showFilters) {
            ImGui::SetNextWindowPos(ImVec2(350 * u, 30 * u), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(300 * u, std::min(560 * u, height - 60 * u)), ImGuiCond_FirstUseEver);
        }
        drawFilters(s);
        if (s.showSnapshots) {
            ImGui::SetNextWindowPos(ImVec2(660 * u, 30 * u), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(300 * u, 300 * u), ImGuiCond_FirstUseEver);
        }
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
    // Actors out of the free part of the map (after a zoom, a pan, or a live layout that pushed
    // them out of a view the user placed): the view stays, the edge and the status bar say so.
    s.canvas.outside.clear();
    if (!s.animation && !viewSettling(s) && !s.network().actors().empty()) {
        s.canvas.outsideRoom = freeMapRoom(s);
        s.canvas.outside = actorsOutsideView(s, s.canvas.outsideRoom, width, height);
        drawOutsideMarkers(s, s.canvas.outside, s.canvas.outsideRoom, width, height, *ImGui::GetBackgroundDrawList());
    }
    drawStatusBar(s);
    handleCompareKeys(s);
    handleCanvasInput(s, width, height);
    // The panels changed since the map was fitted (they appeared in the first frames, a panel
    // was collapsed to its title or opened, moved, presentation mode hid them): once they stand
    // still, a map that is still as fitted (no zoom or pan since) fits into the new room.
    // The legend is not one of them: it grows and shrinks with what the map shows (a selected
    // actor's cut-off line), and the map must not jump for that (Ansicht > Legende fits anew).
    // A legend that grew over actors of a fitted map (a new sector's row): fits anew once, when
    // the legend has stood still for a moment (not on every keystroke or click).
    std::vector<Bounds> panels = panelRects();
    std::vector<Bounds> layout = panels;
    if (const ImGuiWindow* legend = ImGui::FindWindowByName(tr(s.lang, "panel.legend")); legend && legend->Active) {
        const Bounds l{legend->Pos.x, legend->Pos.y, legend->Pos.x + legend->Size.x, legend->Pos.y + legend->Size.y};
        std::erase_if(layout, [&](const Bounds& p) { return samePanels({p}, {l}); });
        checkLegend(s, l, width, height);
    }
    const bool still = samePanels(layout, s.canvas.layoutPanels);
    if (still && s.canvas.fitted && !samePanels(layout, s.canvas.fitPanels)) s.canvas.fitRequested = true;
    s.canvas.panels = std::move(panels);
    s.canvas.layoutPanels = std::move(layout);
    drawLinkInProgress(s, width, height);
    if (s.network().actors().empty()) {
        const char* text = tr(s.lang, "canvas.empty");
        const ImVec2 size = ImGui::CalcTextSize(text);
        ImGui::GetBackgroundDrawList()->AddText(ImVec2((width - size.x) / 2, (height - size.y) / 2), IM_COL32(90, 90, 90, 255), text);
    }
}

bool viewSettling(const AppState& s) {
    return s.canvas.fitRequested || (s.canvas.fitted && !samePanels(s.canvas.layoutPanels, s.canvas.fitPanels));
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
