#pragma once
// The steps of one frame that change the state, which the frame loop (ui/app.cpp) takes in
// order: the view mode (style, full screen), the updates (finished tasks swapped in, backups,
// the analysis, the live layout and its animation), the view's placement, the shortcuts, and
// the windows over the map (ui/panels/). Painting: ui/map_view.hpp.
#include <string>

#include "ui/state.hpp"

namespace knp::platform {
class Window;
}

namespace knp::ui {

// Test hooks of automated runs, from the environment.
struct FrameHooks {
    bool forceRedraw = false;        // KNP_BENCH_FULL_REDRAW: the whole map every frame, no cached layers
    double backupInterval = 600;     // KNP_BACKUP_INTERVAL: seconds between backups while the project changes
    float screenshotPan[2] = {0, 0}; // KNP_SCREENSHOT_PAN=DX,DY: each screenshot frame pans by so many window pixels
};
FrameHooks frameHooks(bool automated, bool screenshot);

// The light or dark style when it changed (`styled`: the one applied, updated); presentation
// mode fills the screen and leaving it brings the window back as it was (not in automated runs).
void applyViewMode(AppState& s, platform::Window& window, bool& styledDark);
// Everything that moves on by itself, before anything is drawn; `now`: ImGui's time.
void updateFrame(AppState& s, double now, const FrameHooks& hooks);
// Fits the view when asked to; `pan` (screenshot frames): moves it by so many window pixels.
void placeView(AppState& s, float width, float height, const float* pan);
// Ctrl+Q, and (not in automated runs) Ctrl+O, N, I, P, B, E.
void handleShortcuts(AppState& s);
// The menu bar, the panels (not in presentation mode), the dialogs, the legend and status bar;
// then the compare keys and what the mouse and keys did on the map.
void drawWindows(AppState& s, float width, float height);
// Whether the map is still to be fitted (to the window, or around panels that just appeared).
bool viewSettling(const AppState& s);
// Whether the analysis of the network shown is still to come (screenshots wait for it).
bool analysisBehind(const AppState& s);
// "Musterstadt – Stand „Workshop 2“ (musterstadt.knp) – Knotenpunkt".
std::string windowTitle(const AppState& s);

}  // namespace knp::ui
