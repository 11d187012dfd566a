#include "ui/app.hpp"

#include <epoxy/gl.h>
// GLFW after epoxy, so that it does not pull in the system GL header first.
#include <GLFW/glfw3.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "session/open.hpp"
#include "layout/layout.hpp"
#include "render/canvas_renderer.hpp"
#include "render/map_renderer.hpp"
#include "ui/canvas.hpp"
#include "ui/compare_view.hpp"
#include "ui/compositor.hpp"
#include "ui/presenter.hpp"
#include "ui/keys.hpp"
#include "ui/panels.hpp"
#include "ui/state.hpp"
#include "store/project_file.hpp"

namespace knp::ui {

namespace {

// [SECTION] Opening
void openInput(AppState& s, const std::string& input, bool readOnly) {
    namespace fs = std::filesystem;
    s.sourcePath = input;
    s.sourceName = fs::path(input).filename().string();
    const bool isProject = fs::path(input).extension() == ".knp" && input.find('@') == std::string::npos;
    if (isProject && !readOnly) {
        s.project.emplace(ProjectFile::open(input, OpenMode::ReadWrite));
        return;
    }
    LoadedInput in = loadInput(input);
    s.imported.network = std::move(in.result.network);
}

// "Musterstadt – Stand „Workshop 2“ (musterstadt.knp) – Knotenpunkt": the project's name, the
// snapshot when one is shown (PROJECT@SNAPSHOT), the file, and a mark when it is view-only.
std::string windowTitle(const AppState& s) {
    std::string name = s.network().name.empty() ? std::string(tr(s.lang, "title.untitled")) : s.network().name;
    std::string file = s.sourceName;
    if (const std::size_t at = file.find('@'); at != std::string::npos) {
        name += " – " + std::string(tr(s.lang, "title.snapshot")) + " „" + file.substr(at + 1) + "“";
        file.resize(at);
    }
    if (s.lockedElsewhere) name += " [" + std::string(tr(s.lang, "title.view_only")) + "]";
    if (s.compare.active) name += " – " + std::string(tr(s.lang, "panel.compare"));
    return name + (file.empty() ? "" : " (" + file + ")") + " – Knotenpunkt";
}


// [SECTION] Fonts
std::string findFont(const char* family) {
    std::string path;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return path;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(config, pattern, &result)) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file) path = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return path;
}

void loadFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    // Latin-1, Latin Extended-A/B, Δ, Cyrillic, general punctuation („ “ –), euro sign, arrows,
    // the minus sign.
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0394, 0x0394, 0x0400, 0x04FF, 0x2010, 0x205E, 0x20AC, 0x20AC,
                                     0x2190, 0x2193, 0x2212, 0x2212, 0x25A0, 0x25CF, 0};
    const std::string path = findFont("DejaVu Sans");
    if (!path.empty() && std::filesystem::exists(path) && path.size() > 4 &&
        (path.ends_with(".ttf") || path.ends_with(".otf"))) {
        // Two sizes: the normal one and a large one for presentation mode (drawn at the size
        // it was rasterised for, never scaled). Advances snapped to whole pixels.
        ImFontConfig config;
        config.PixelSnapH = true;
        io.Fonts->AddFontFromFileTTF(path.c_str(), std::round(17.0f * scale), &config, ranges);
        io.Fonts->AddFontFromFileTTF(path.c_str(), std::round(26.0f * scale), &config, ranges);
    } else {
        std::fprintf(stderr, "knotenpunkt: no TrueType font found through fontconfig; umlauts may be missing\n");
        io.Fonts->AddFontDefault();
    }
}

// [SECTION] Screenshot
bool saveScreenshot(const std::string& path, const render::Layer& frame) {
    const int width = frame.width(), height = frame.height();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    frame.bindRead();
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> row(stride);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* a = pixels.data() + static_cast<std::size_t>(y) * stride;
        unsigned char* b = pixels.data() + static_cast<std::size_t>(height - 1 - y) * stride;
        std::copy(a, a + stride, row.data());
        std::copy(b, b + stride, a);
        std::copy(row.data(), row.data() + stride, b);
    }
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), static_cast<int>(stride)) != 0;
}

// KNP_PROFILE_FRAMES=1 with --bench-frames: where a frame's time goes (each phase ends with
// glFinish, so GPU work is attributed to the phase that issued it; this slows frames a little).
constexpr int kPhases = 6;
const char* const kPhaseNames[kPhases] = {"ui", "setup", "instances", "map", "overlay_panels", "present"};
struct PhaseClock {
    explicit PhaseClock(bool enabled) : on(enabled), last(std::chrono::steady_clock::now()) {}
    void mark(int phase) {
        if (!on) return;
        if (phase > 0) glFinish();
        const auto now = std::chrono::steady_clock::now();
        ms[phase] = std::chrono::duration<double, std::milli>(now - last).count();
        last = now;
    }
    bool on;
    std::chrono::steady_clock::time_point last;
    double ms[kPhases] = {};
};
struct PhaseTotals {
    void add(const PhaseClock& c) {
        if (!c.on) return;
        for (int i = 0; i < kPhases; ++i) sum[i] += c.ms[i];
        ++count;
    }
    void print() const {
        std::printf("phases_ms");
        for (int i = 0; i < kPhases; ++i) std::printf(" %s %.2f", kPhaseNames[i], count ? sum[i] / count : 0.0);
        std::printf("\n");
    }
    double sum[kPhases] = {};
    int count = 0;
};

struct GlfwSession {
    GlfwSession() { ok = glfwInit() == GLFW_TRUE; }
    ~GlfwSession() { if (ok) glfwTerminate(); }
    bool ok = false;
};

}  // namespace

int runApp(const AppOptions& options) {
    AppState state;
    const bool automated = !options.screenshotPath.empty() || options.benchFrames > 0;
    state.automated = automated;
    // Settings: automated runs use the defaults, so that screenshots and timings repeat.
    if (!automated) state.settings = loadSettings(configDir());
    state.lang = options.langGiven || !state.settings.lang ? options.lang : *state.settings.lang;
    state.options.dark = state.settings.dark;
    state.options.highContrast = state.settings.highContrast;
    state.options.labels = state.settings.labels;
    state.options.liveLayout = state.settings.liveLayout;
    if (!options.input.empty()) {
        try {
            // Automated runs never write: a project is read like any other input.
            openInput(state, options.input, automated);
            if (!automated) {
                addRecent(state.settings, std::filesystem::absolute(options.input).string());
                saveSettings(configDir(), state.settings);
            }
        } catch (const ProjectLockedError& e) {
            // Open in another window: show it read-only and say so in the view.
            try {
                openInput(state, options.input, true);
            } catch (const std::exception& inner) {
                std::fprintf(stderr, "knotenpunkt: %s\n", inner.what());
                return 1;
            }
            state.notice = tr(state.lang, "notice.locked");
            state.lockedElsewhere = true;
            std::fprintf(stderr, "knotenpunkt: %s (shown read-only)\n", e.what());
        } catch (const InputError& e) {
            std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
            return 3;
        } catch (const RefusedFileError& e) {
            std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
            // A damaged project with a sound backup: the view starts and offers the backup.
            if (automated || !offerBackupFor(state, options.input, e.what())) return 3;
            std::fprintf(stderr, "knotenpunkt: offering the newest sound backup %s\n", state.backupOffer->backup.path.c_str());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
            return 1;
        }
    }

    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "knotenpunkt: GLFW error %d: %s\n", code, text); });
    GlfwSession glfw;
    if (!glfw.ok) {
        std::fprintf(stderr, "knotenpunkt: no display available (is DISPLAY set? under CI use xvfb-run)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    if (automated) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    std::unique_ptr<GLFWwindow, void (*)(GLFWwindow*)> window(
        glfwCreateWindow(options.width, options.height, windowTitle(state).c_str(), nullptr, nullptr), glfwDestroyWindow);
    if (!window) {
        std::fprintf(stderr, "knotenpunkt: cannot open a window with OpenGL 3.3 core\n");
        return 1;
    }
    glfwMakeContextCurrent(window.get());
    glfwSwapInterval(automated ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    std::string iniPath;
    if (automated) {
        io.IniFilename = nullptr;
    } else {
        std::error_code ec;
        std::filesystem::create_directories(configDir(), ec);
        iniPath = configDir() + "/imgui.ini";
        io.IniFilename = iniPath.c_str();
    }
    float scaleX = 1, scaleY = 1;
    glfwGetWindowContentScale(window.get(), &scaleX, &scaleY);
    // HiDPI: the window content scale (X11: Xft.dpi / 96) scales type, widget sizes and lines.
    state.contentScale = std::clamp(scaleX, 1.0f, 4.0f);
    loadFonts(state.contentScale);
    ImGui::GetStyle().ScaleAllSizes(state.contentScale);
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    KeyQueue keyQueue;
    installKeyQueue(window.get(), keyQueue);

    placeUnplacedActors(state);
    backupProject(state);
    if (state.project && !automated) std::fprintf(stderr, "knotenpunkt: backup in %s\n", backupFolder(state.project->path()).c_str());
    if (options.compare && !enterCompare(state, options.compareWith)) {
        std::fprintf(stderr, "knotenpunkt: --compare: %s\n", state.status.c_str());
        return 2;
    }

    int exitCode = 0;
    try {
        render::CanvasRenderer canvas;
        render::MapRenderer map;
        std::vector<render::NodeInstance> nodes;
        std::vector<render::LinkInstance> links;
        InstanceKey builtFor;
        std::vector<double> frameMs;
        std::string lastTitle = windowTitle(state);
        std::uint64_t requested = 0;
        bool lastDark = !state.options.dark;
        const auto startTime = options.started;
        bool firstFrameReported = false;
        const bool profile = std::getenv("KNP_PROFILE_FRAMES") != nullptr;
        PhaseTotals phaseTotals;
        // Text is drawn at whole pixels at the size it was rasterised for (two sizes, see
        // loadFonts): nearest sampling is exact then, and cheaper on a software renderer.
        ImGui_ImplOpenGL3_NewFrame();
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, 0);
        Compositor compositor;
        Presenter presenter(window.get());
        if (options.benchFrames > 0) std::printf("present %s\n", presenter.mode());
        ImDrawList labelList(ImGui::GetDrawListSharedData());
        struct LabelKey {
            float originX = 0, originY = 0, scale = 0;
            std::uint64_t generation = ~0ull;
            float fontSize = 0;
            int layerWidth = 0, layerHeight = 0;
            bool operator==(const LabelKey&) const = default;
        } labelsFor;
        std::vector<ImVec4> labelRects;  // where the placed labels are (window coordinates)
        std::uint64_t instanceGeneration = 0;
        int quietFrames = 0;
        bool fullScreen = false;
        int windowed[4] = {0, 0, options.width, options.height};  // x, y, width, height
        long lastHover = -1;
        // Test hooks of automated runs: draw the whole map every frame (no cached layers), and
        // pan a screenshot's frames by DX,DY window pixels each (tests/gui/layers_test.sh).
        const bool forceRedraw = automated && std::getenv("KNP_BENCH_FULL_REDRAW") != nullptr;
        const double backupInterval = std::getenv("KNP_BACKUP_INTERVAL") ? std::max(1.0, std::atof(std::getenv("KNP_BACKUP_INTERVAL"))) : 600.0;
        float screenshotPan[2] = {0, 0};
        if (const char* pan = std::getenv("KNP_SCREENSHOT_PAN"); pan && !options.screenshotPath.empty())
            std::sscanf(pan, "%f,%f", &screenshotPan[0], &screenshotPan[1]);
        for (int frame = 0; !glfwWindowShouldClose(window.get()) && !state.quit; ++frame) {
            const auto start = std::chrono::steady_clock::now();
            // Nothing changed for a few frames and nothing is under way: sleep until an event
            // (or half a second, for the text cursor's blinking).
            if (!automated && quietFrames >= 6) glfwWaitEventsTimeout(0.5);
            else glfwPollEvents();
            PhaseClock phases(profile);
            if (state.options.dark != lastDark) {
                lastDark = state.options.dark;
                if (state.options.dark) ImGui::StyleColorsDark(); else ImGui::StyleColorsLight();
            }
            // Presentation mode fills the screen; leaving it brings the window back as it was.
            if (!automated && state.options.presentation != fullScreen) {
                fullScreen = state.options.presentation;
                GLFWmonitor* monitor = glfwGetPrimaryMonitor();
                const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
                if (fullScreen && mode) {
                    glfwGetWindowPos(window.get(), &windowed[0], &windowed[1]);
                    glfwGetWindowSize(window.get(), &windowed[2], &windowed[3]);
                    glfwSetWindowMonitor(window.get(), monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
                } else if (!fullScreen) {
                    glfwSetWindowMonitor(window.get(), nullptr, windowed[0], windowed[1], windowed[2], windowed[3], 0);
                }
                state.canvas.fitRequested = true;
            }
            io.FontDefault = io.Fonts->Fonts[state.options.presentation && io.Fonts->Fonts.Size > 1 ? 1 : 0];
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            const float width = io.DisplaySize.x, height = io.DisplaySize.y;
            // Analysis: ask for the current version, swap in whatever is finished.
            updateCompare(state, ImGui::GetTime());
            // A backup every 10 minutes while the project changes (KNP_BACKUP_INTERVAL: seconds, for tests).
            if (state.project && state.edits != state.backedUpEdits && ImGui::GetTime() - state.lastBackup >= backupInterval) {
                backupProject(state);
                state.status = std::string(tr(state.lang, "backup.taken")) + " (" + utcTimestamp().substr(11, 5) + " UTC)";
            }
            if (requested != state.version && !state.compare.active) {
                state.analysis.request(state.network(), state.version, state.lang);
                requested = state.version;
            }
            if (auto latest = state.analysis.latest(); latest && latest != state.results) state.results = latest;
            // Live layout: after a new actor or link (not after undo or redo), the force layout
            // runs from the current positions; the actors then glide to their new places.
            {
                const std::size_t actorsNow = state.network().actors().size(), linksNow = state.network().links().size();
                const bool seen = state.liveActors != SIZE_MAX;
                const bool grew = seen && (actorsNow > state.liveActors || linksNow > state.liveLinks);
                if (grew && state.options.liveLayout && !state.historyMoved && !state.layoutTask && !automated && actorsNow > 1)
                    startLayout(state, "force", true);
                state.liveActors = actorsNow;
                state.liveLinks = linksNow;
                state.historyMoved = false;
            }
            if (state.animation) {
                LayoutAnimation& a = *state.animation;
                if (a.version != state.version) {
                    state.animation.reset();
                } else {
                    a.t = std::clamp((ImGui::GetTime() - a.started) / 0.45, 0.0, 1.0);
                    if (a.t >= 1.0) {
                        const std::vector<Point> to = a.to;
                        state.animation.reset();
                        try {
                            commit(state, layout::cmdLayout(state.network(), to, kLiveLayout));
                        } catch (const std::exception& e) {
                            state.status = e.what();
                        }
                    }
                }
            }
            if (state.canvas.fitRequested && width > 0) {
                fitView(state, width, height);
                state.canvas.fitRequested = false;
            } else if (frame < options.frames && (screenshotPan[0] != 0 || screenshotPan[1] != 0)) {
                state.canvas.view.originX -= screenshotPan[0] / state.canvas.view.scale;
                state.canvas.view.originY += screenshotPan[1] / state.canvas.view.scale;
            }
            if (io.KeyCtrl && letterPressed('q')) state.quit = true;
            if (!automated && io.KeyCtrl && !io.WantTextInput && letterPressed('o')) startFileDialog(state, FileAction::Open);
            if (!automated && io.KeyCtrl && !io.WantTextInput && letterPressed('n')) startFileDialog(state, FileAction::New);
            if (!automated && io.KeyCtrl && !io.WantTextInput) {
                if (letterPressed('i')) startFileDialog(state, FileAction::Import);
                if (letterPressed('p')) startExportDialog(state, FileAction::Diagram);
                if (letterPressed('b')) startExportDialog(state, FileAction::Report);
                if (letterPressed('e')) startExportDialog(state, FileAction::Export);
            }
            if (!state.options.presentation) {
                drawMenuBar(state);
                const float u = state.contentScale;  // first-use layout in scaled pixels
                ImGui::SetNextWindowPos(ImVec2(width - 370 * u, 30 * u), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(360 * u, 360 * u), ImGuiCond_FirstUseEver);
                drawInspector(state);
                ImGui::SetNextWindowPos(ImVec2(width - 370 * u, 400 * u), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(360 * u, height - 410 * u), ImGuiCond_FirstUseEver);
                drawAnalysisPanel(state);
                ImGui::SetNextWindowPos(ImVec2(10 * u, 30 * u), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(330 * u, 300 * u), ImGuiCond_FirstUseEver);
                drawActorTable(state);
                drawFilters(state);
                drawSnapshots(state);
                drawComparePanel(state);
            }
            drawNewActorPopup(state);
            drawFileDialog(state);
            drawExportTask(state);
            drawNotice(state);
            drawBackupOffer(state);
            drawErasePerson(state);
            drawLayoutProgress(state);
            drawLegend(state);
            drawStatusBar(state);
            handleCompareKeys(state);
            handleCanvasInput(state, width, height);
            if (state.network().actors().empty()) {
                const char* text = tr(state.lang, "canvas.empty").data();
                const ImVec2 size = ImGui::CalcTextSize(text);
                ImGui::GetBackgroundDrawList()->AddText(ImVec2((width - size.x) / 2, (height - size.y) / 2), IM_COL32(90, 90, 90, 255), text);
            }
            ImGui::Render();
            phases.mark(0);
            flushKeyQueue(window.get(), keyQueue);
            int fbWidth = 0, fbHeight = 0;
            glfwGetFramebufferSize(window.get(), &fbWidth, &fbHeight);
            // The renderer works in framebuffer pixels; ImGui in window coordinates.
            render::CanvasView view = state.canvas.view;
            view.scale *= width > 0 ? static_cast<float>(fbWidth) / width : 1.0f;
            render::CanvasTheme theme;
            if (state.options.dark) {
                const float bg[4] = {0.11f, 0.11f, 0.13f, 1}, grid[4] = {0.18f, 0.18f, 0.21f, 1};
                std::copy(bg, bg + 4, theme.background);
                std::copy(grid, grid + 4, theme.gridLine);
            }
            // High contrast (presentation mode, or chosen): pure background, no grid.
            const bool contrast = state.options.highContrast || state.options.presentation;
            if (contrast) {
                std::fill(theme.background, theme.background + 3, state.options.dark ? 0.0f : 1.0f);
                theme.gridLine[3] = 0;
            }
            phases.mark(1);
            // Instance buffers are rebuilt only when what they show changed (not for pan, zoom
            // or hover).
            InstanceKey key;
            key.version = state.version;
            key.resultsVersion = state.results ? state.results->version : 0;
            key.selection = state.selectedActors.size();
            for (const std::string& id : state.selectedActors) key.selectionHash ^= std::hash<std::string>{}(id);
            key.selectedLink = state.selectedLink.value_or("");
            key.dragging = state.canvas.dragging;
            if (state.canvas.dragging) { key.dragX = io.MousePos.x; key.dragY = io.MousePos.y; }
            key.animation = state.animation ? state.animation->t : -1;
            key.compareT = state.compare.active ? state.compare.t : -1;
            key.compareBase = state.compare.active ? state.compare.base : -1;
            key.colorBy = state.options.colorBy;
            key.sizeBy = state.options.sizeBy;
            key.egoSteps = state.options.egoSteps;
            key.hideIsolates = state.options.hideIsolates;
            key.suggestions = state.options.showSuggestions;
            key.presentation = state.options.presentation;
            key.highContrast = contrast;
            key.hiddenSectors = state.options.hiddenSectors.size();
            key.hiddenFields = state.options.hiddenFields.size();
            key.hiddenLinkTypes = state.options.hiddenLinkTypes.size();
            key.hiddenStatuses = state.options.hiddenStatuses.size();
            if (frame == 0 || !(key == builtFor)) {
                buildInstances(state, nodes, links);
                map.setLinks(links);
                map.setNodes(nodes);
                builtFor = key;
                ++instanceGeneration;
            }
            phases.mark(2);
            render::MapTheme mapTheme;
            if (state.options.dark) std::fill(mapTheme.rim, mapTheme.rim + 3, 0.9f);
            if (contrast) mapTheme.rim[3] = 0.95f;
            MapLayerKey mapKey;
            mapKey.content = instanceGeneration * 16 + (state.options.dark ? 1 : 0) + (state.options.presentation ? 2 : 0) +
                             (state.options.labels ? 4 : 0) + (contrast ? 8 : 0) +
                             static_cast<std::uint64_t>(ImGui::GetFontSize()) * 1000003ull;
            mapKey.scale = view.scale;
            mapKey.width = fbWidth;
            mapKey.height = fbHeight;
            const float fbScale = width > 0 ? static_cast<float>(fbWidth) / width : 1.0f;
            compositor.resetStats();
            compositor.prepareImGui(ImGui::GetDrawData(), fbWidth, fbHeight);
            compositor.presentMap(fbWidth, fbHeight, view, mapKey, forceRedraw,
                                  [&](const render::CanvasView& at, const std::optional<render::PixelRect>& clip, int lw, int lh) {
                canvas.draw(0, 0, lw, lh, at, theme);
                map.draw(lw, lh, at, mapTheme, clip ? &*clip : nullptr);
                if (!state.options.labels) return;
                // Labels are placed once per view and content, over all of the layer (window
                // coordinates scaled to its size); strips reuse them, clipped to the strip.
                const float layerWidth = static_cast<float>(lw) / fbScale, layerHeight = static_cast<float>(lh) / fbScale;
                const LabelKey wanted{at.originX, at.originY, at.scale, instanceGeneration, ImGui::GetFontSize(), lw, lh};
                if (!(labelsFor == wanted)) {
                    labelList._ResetForNewFrame();
                    labelList.PushTextureID(io.Fonts->TexID);
                    labelList.PushClipRect(ImVec2(0, 0), ImVec2(layerWidth, layerHeight));
                    render::CanvasView windowView = at;
                    windowView.scale /= fbScale;
                    labelRects.clear();
                    drawLabels(state, windowView, layerWidth, layerHeight, labelList, &labelRects);
                    labelsFor = wanted;
                }
                const ImVec4 clipRect = clip ? ImVec4(static_cast<float>(clip->x) / fbScale, static_cast<float>(lh - clip->y - clip->height) / fbScale,
                                                      static_cast<float>(clip->x + clip->width) / fbScale, static_cast<float>(lh - clip->y) / fbScale)
                                             : ImVec4(0, 0, layerWidth, layerHeight);
                // A strip no label reaches skips the labels' pass.
                if (clip && std::none_of(labelRects.begin(), labelRects.end(), [&](const ImVec4& r) {
                        return r.x < clipRect.z && r.z > clipRect.x && r.y < clipRect.w && r.w > clipRect.y;
                    }))
                    return;
                for (ImDrawCmd& cmd : labelList.CmdBuffer) cmd.ClipRect = clipRect;
                const ImVec2 layerSize(layerWidth, layerHeight);
                renderDrawLists(ImGui::GetDrawData(), {&labelList}, &layerSize);
            });
            phases.mark(3);
            if (const auto hovered = hoverInstance(state)) map.drawOverlay({*hovered}, fbWidth, fbHeight, view, mapTheme);
            compositor.presentImGui(ImGui::GetDrawData(), fbWidth, fbHeight);
            phases.mark(4);
            const long hoverNow = state.canvas.hover ? static_cast<long>(*state.canvas.hover) : -1;
            const CompositorStats& cs = compositor.stats();
            const bool busy = state.analysis.busy() || !state.results || state.results->version != state.version || state.layoutTask ||
                              state.animation || state.exportTask;
            // Input keeps frames coming for a while: ImGui needs a few frames to act on some
            // (a window that appears, keyboard focus), and what they change may show later.
            bool input = keyQueue.activity || io.InputQueueCharacters.Size > 0 || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 ||
                         io.MouseWheel != 0 || io.MouseWheelH != 0;
            for (const bool down : io.MouseDown) input = input || down;
            keyQueue.activity = false;
            quietFrames = (input || cs.mapRedrawn || cs.mapShifted || cs.panelsRedrawn || hoverNow != lastHover || busy) ? 0 : quietFrames + 1;
            lastHover = hoverNow;
            if (const std::string title = windowTitle(state); title != lastTitle) {
                glfwSetWindowTitle(window.get(), title.c_str());
                lastTitle = title;
            }
            if (!firstFrameReported && (options.benchFrames > 0 || std::getenv("KNP_REPORT_FIRST_FRAME"))) {
                glFinish();
                std::fprintf(stderr, "first frame after %.0f ms\n",
                             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - startTime).count());
                firstFrameReported = true;
            }
            if (!options.screenshotPath.empty() && frame + 1 >= options.frames) {
                // Let the analysis finish so that screenshots are complete and repeatable.
                if (state.analysis.busy() || !state.results || state.results->version != state.version) {
                    if (frame < options.frames + 600) { std::this_thread::sleep_for(std::chrono::milliseconds(5)); presenter.present(compositor.frame(), compositor.damage()); continue; }
                }
                glFinish();
                if (!saveScreenshot(options.screenshotPath, compositor.frame())) {
                    std::fprintf(stderr, "knotenpunkt: cannot write %s\n", options.screenshotPath.c_str());
                    exitCode = 1;
                }
                break;
            }
            presenter.present(compositor.frame(), compositor.damage());
            phases.mark(5);
            if (!automated && presenter.unpaced()) {
                // No buffer swap waits for the display's refresh: keep to about 60 frames a second.
                const auto next = start + std::chrono::microseconds(16667);
                if (std::chrono::steady_clock::now() < next) std::this_thread::sleep_until(next);
            }
            if (options.benchFrames > 0 && state.results) phaseTotals.add(phases);
            if (options.benchFrames > 0) {
                // Frames are timed once the first analysis is in: on two cores it competes with
                // the software renderer, and it runs once per edit, not per frame.
                if (!state.results && frame < 100000) {
                    glFinish();
                    continue;
                }
                glFinish();
                frameMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
                if (static_cast<int>(frameMs.size()) >= options.benchFrames + 5) {
                    frameMs.erase(frameMs.begin(), frameMs.begin() + 5);  // warm-up frames
                    std::sort(frameMs.begin(), frameMs.end());
                    const double median = frameMs[frameMs.size() / 2];
                    const double p95 = frameMs[std::min(frameMs.size() - 1, frameMs.size() * 95 / 100)];
                    std::printf("frames %zu median_ms %.3f p95_ms %.3f\n", frameMs.size(), median, p95);
                    if (profile) phaseTotals.print();
                    break;
                }
                // Benchmark frames act like a user exploring the map: they pan by a few pixels,
                // move the mouse over another actor, and every tenth frame zoom one wheel step
                // in or out (which redraws the whole map).
                const std::size_t k = frameMs.size();
                if (k % 10 == 9) {
                    state.canvas.view.scale *= (k / 10) % 2 == 0 ? 1.15f : 1.0f / 1.15f;
                } else {
                    state.canvas.view.originX += 3.0f / state.canvas.view.scale;
                    state.canvas.view.originY += 1.0f / state.canvas.view.scale;
                }
                if (!state.network().actors().empty())
                    state.canvas.hover = static_cast<std::uint32_t>((k / 3) % state.network().actors().size());
            }
        }
    } catch (const std::exception& e) {
        // A shader that does not compile or a GL failure: a message, never a crash.
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        exitCode = 1;
    }
    if (!automated) {
        state.settings.lang = state.lang;
        state.settings.dark = state.options.dark;
        state.settings.highContrast = state.options.highContrast;
        state.settings.labels = state.options.labels;
        state.settings.liveLayout = state.options.liveLayout;
        saveSettings(configDir(), state.settings);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exitCode;
}

}  // namespace knp::ui
