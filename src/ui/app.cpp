#include "ui/app.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <thread>

#include "platform/presenter.hpp"
#include "platform/window.hpp"
#include "ui/bench.hpp"
#include "ui/compositor.hpp"
#include "ui/frame.hpp"
#include "ui/frame_output.hpp"
#include "ui/imgui_session.hpp"
#include "ui/keys.hpp"
#include "ui/map_view.hpp"
#include "ui/screen_text.hpp"
#include "ui/startup.hpp"
#include "ui/state.hpp"

namespace knp::ui {

namespace {

// Input keeps frames coming for a while: ImGui needs a few frames to act on some (a window
// that appears, keyboard focus), and what they change may show later.
bool inputThisFrame(KeyQueue& keys) {
    const ImGuiIO& io = ImGui::GetIO();
    bool input = keys.activity || io.InputQueueCharacters.Size > 0 || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                 io.MouseWheelH != 0;
    for (const bool down : io.MouseDown) input = input || down;
    keys.activity = false;
    return input;
}

// Whether long work is under way whose end changes what is shown.
// Asked to close (Ctrl+Q, the window's close button) and allowed to (ui/state.hpp, mayQuit).
bool closing(AppState& s, platform::Window& window) {
    if (!window.shouldClose() && !s.quit) return false;
    if (mayQuit(s)) return true;
    window.keepOpen();
    return false;
}

bool workUnderWay(const AppState& s) { return analysisBehind(s) || s.layoutTask || s.animation || s.exportTask; }

}  // namespace

int runApp(const AppOptions& options) {
    // A file size limit reached (RLIMIT_FSIZE) fails the write (EFBIG), which the view reports
    // like a full disk, instead of ending the program.
    std::signal(SIGXFSZ, SIG_IGN);
    AppState state;
    state.automated = !options.screenshotPath.empty() || options.benchFrames > 0;
    if (const std::optional<int> refused = openAtStart(state, options)) return *refused;
    std::unique_ptr<platform::Window> window;
    std::string title = windowTitle(state);  // what the window's title bar shows
    try {
        window = std::make_unique<platform::Window>(
            platform::WindowOptions{options.width, options.height, title, !state.automated, !state.automated});
    } catch (const platform::WindowError& e) {
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        return 1;
    }
    state.contentScale = std::clamp(window->contentScale(), 1.0f, 4.0f);
    ImGuiSession imgui(*window, state.contentScale, state.automated);
    KeyQueue keyQueue;
    installKeyQueue(window->handle(), keyQueue);
    if (const std::optional<int> refused = prepareView(state, options)) return *refused;

    int exitCode = 0;
    try {
        MapView map;
        Compositor compositor;
        platform::Presenter presenter(*window, softwareRenderer());
        if (options.benchFrames > 0) std::printf("present %s\n", presenter.mode());
        FrameBench bench(options);
        ScreenText screenText;  // the KNP_SCREEN_TEXT test hook
        const FrameHooks hooks = frameHooks(state.automated, !options.screenshotPath.empty());
        bool styledDark = !state.options.dark;
        int quietFrames = 0;
        const char* viewStatePath = std::getenv("KNP_VIEW_STATE");  // a test hook (ui/frame_output.hpp)
        std::string viewState;
        long lastHover = -1;
        for (int frame = 0; !closing(state, *window); ++frame) {
            const auto start = std::chrono::steady_clock::now();
            // Nothing changed for a few frames and nothing is under way: sleep until an event
            // (or half a second, for the text cursor's blinking).
            if (!state.automated && quietFrames >= 6) window->waitEvents(0.5);
            else window->pollEvents();
            PhaseClock phases(bench.profiling());
            applyViewMode(state, *window, styledDark);
            imgui.newFrame(state.options.presentation);
            const float width = ImGui::GetIO().DisplaySize.x, height = ImGui::GetIO().DisplaySize.y;
            updateFrame(state, ImGui::GetTime(), hooks);
            placeView(state, width, height, frame < options.frames ? hooks.screenshotPan : nullptr);
            handleShortcuts(state);
            drawWindows(state, width, height);
            ImGui::Render();
            screenText.capture(ImGui::GetDrawData());
            phases.mark(Phase::Ui);
            flushKeyQueue(window->handle(), keyQueue);
            int fbWidth = 0, fbHeight = 0;
            window->framebufferSize(fbWidth, fbHeight);
            map.paint(state, compositor, width, fbWidth, fbHeight, hooks.forceRedraw, phases);
            const long hoverNow = state.canvas.hover ? static_cast<long>(*state.canvas.hover) : -1;
            const CompositorStats& cs = compositor.stats();
            const bool changed = inputThisFrame(keyQueue) || cs.mapRedrawn || cs.mapShifted || cs.panelsRedrawn || hoverNow != lastHover;
            quietFrames = changed || workUnderWay(state) ? 0 : quietFrames + 1;
            lastHover = hoverNow;
            if (const std::string now = windowTitle(state); now != title) window->setTitle(title = now);
            if (viewStatePath) writeViewState(viewStatePath, state, map.labels(), width, height, viewState);
            bench.firstFrameDone();
            if (!options.screenshotPath.empty() && frame + 1 >= options.frames) {
                // Let the analysis finish so that screenshots are complete and repeatable.
                if ((analysisBehind(state) || viewSettling(state)) && frame < options.frames + 600) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    presenter.present(LayerFrame(compositor.frame()), frameRects(compositor.damage()));
                    continue;
                }
                if (const char* actors = std::getenv("KNP_SCREENSHOT_ACTORS"); actors && !saveActorPositions(actors, state, width, height))
                    exitCode = 1;
                if (!saveScreenshot(options.screenshotPath, compositor.frame())) {
                    std::fprintf(stderr, "knotenpunkt: cannot write %s\n", options.screenshotPath.c_str());
                    exitCode = 1;
                }
                break;
            }
            presenter.present(LayerFrame(compositor.frame()), frameRects(compositor.damage()));
            phases.mark(Phase::Present);
            if (!state.automated && presenter.unpaced()) {
                // No buffer swap waits for the display's refresh: keep to about 60 frames a second.
                const auto next = start + std::chrono::microseconds(16667);
                if (std::chrono::steady_clock::now() < next) std::this_thread::sleep_until(next);
            }
            if (bench.frameDone(state, phases, frame, start)) break;
        }
    } catch (const std::exception& e) {
        // A shader that does not compile or a GL failure: a message, never a crash.
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        exitCode = 1;
    }
    saveViewSettings(state);
    return exitCode;
}

}  // namespace knp::ui
