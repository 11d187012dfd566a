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
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "io/input.hpp"
#include "layout/layout.hpp"
#include "render/canvas_renderer.hpp"
#include "render/map_renderer.hpp"
#include "ui/canvas.hpp"
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

std::string windowTitle(const AppState& s) {
    std::string name = s.network().name.empty() ? std::string(tr(s.lang, "title.untitled")) : s.network().name;
    return name + (s.sourceName.empty() ? "" : " (" + s.sourceName + ")") + " – Knotenpunkt";
}

std::string configDir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path base = xdg && *xdg ? xdg : (home ? std::filesystem::path(home) / ".config" : std::filesystem::path("."));
    return (base / "knotenpunkt").string();
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
    // Latin-1, Latin Extended-A/B, general punctuation („ “ –), euro sign, Cyrillic.
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0400, 0x04FF, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x25A0, 0x25CF, 0};
    const std::string path = findFont("DejaVu Sans");
    if (!path.empty() && std::filesystem::exists(path) && path.size() > 4 &&
        (path.ends_with(".ttf") || path.ends_with(".otf"))) {
        io.Fonts->AddFontFromFileTTF(path.c_str(), 17.0f * scale, nullptr, ranges);
    } else {
        std::fprintf(stderr, "knotenpunkt: no TrueType font found through fontconfig; umlauts may be missing\n");
        io.Fonts->AddFontDefault();
    }
}

// [SECTION] Screenshot
bool saveScreenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
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

struct GlfwSession {
    GlfwSession() { ok = glfwInit() == GLFW_TRUE; }
    ~GlfwSession() { if (ok) glfwTerminate(); }
    bool ok = false;
};

}  // namespace

int runApp(const AppOptions& options) {
    AppState state;
    state.lang = options.lang;
    const bool automated = !options.screenshotPath.empty() || options.benchFrames > 0;
    if (!options.input.empty()) {
        try {
            // Automated runs never write: a project is read like any other input.
            openInput(state, options.input, automated);
        } catch (const InputError& e) {
            std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
            return 3;
        } catch (const RefusedFileError& e) {
            std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
            return 3;
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
    loadFonts(std::max(1.0f, scaleX));
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    KeyQueue keyQueue;
    installKeyQueue(window.get(), keyQueue);

    // Actors without a position get one at once (one undoable step in a project).
    try {
        if (state.project) placeUnplacedActors(state);
        else if (!state.imported.network.actors().empty()) {
            const bool any = std::any_of(state.imported.network.actors().begin(), state.imported.network.actors().end(),
                                         [](const Actor& a) { return !a.placed; });
            if (any) {
                const auto pos = layout::computeLayout(state.imported.network, layout::LayoutRequest{});
                applyEdit(state.imported.network, layout::cmdLayout(state.imported.network, pos, "force"));
            }
        }
    } catch (const std::exception& e) {
        state.status = e.what();
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
        for (int frame = 0; !glfwWindowShouldClose(window.get()) && !state.quit; ++frame) {
            const auto start = std::chrono::steady_clock::now();
            glfwPollEvents();
            if (state.options.dark != lastDark) {
                lastDark = state.options.dark;
                if (state.options.dark) ImGui::StyleColorsDark(); else ImGui::StyleColorsLight();
            }
            io.FontGlobalScale = state.options.presentation ? 1.5f : 1.0f;
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            const float width = io.DisplaySize.x, height = io.DisplaySize.y;
            // Analysis: ask for the current version, swap in whatever is finished.
            if (requested != state.version) {
                state.analysis.request(state.network(), state.version, state.lang);
                requested = state.version;
            }
            if (auto latest = state.analysis.latest(); latest && latest != state.results) state.results = latest;
            if (state.canvas.fitRequested && width > 0) {
                fitView(state, width, height);
                state.canvas.fitRequested = false;
            }
            if (io.KeyCtrl && letterPressed('q')) state.quit = true;
            if (!state.options.presentation) {
                drawMenuBar(state);
                ImGui::SetNextWindowPos(ImVec2(width - 370, 30), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(360, 360), ImGuiCond_FirstUseEver);
                drawInspector(state);
                ImGui::SetNextWindowPos(ImVec2(width - 370, 400), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(360, height - 410), ImGuiCond_FirstUseEver);
                drawAnalysisPanel(state);
                ImGui::SetNextWindowPos(ImVec2(10, 30), ImGuiCond_FirstUseEver);
                ImGui::SetNextWindowSize(ImVec2(330, 300), ImGuiCond_FirstUseEver);
                drawActorTable(state);
                drawFilters(state);
                drawSnapshots(state);
            }
            drawNewActorPopup(state);
            drawSaveAsProject(state);
            drawLayoutProgress(state);
            drawLegend(state);
            drawStatusBar(state);
            handleCanvasInput(state, width, height);
            if (state.network().actors().empty()) {
                const char* text = tr(state.lang, "canvas.empty").data();
                const ImVec2 size = ImGui::CalcTextSize(text);
                ImGui::GetBackgroundDrawList()->AddText(ImVec2((width - size.x) / 2, (height - size.y) / 2), IM_COL32(90, 90, 90, 255), text);
            }
            drawLabels(state, width, height);
            ImGui::Render();
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
            if (state.options.presentation) std::fill(theme.gridLine, theme.gridLine + 4, 0.0f), theme.gridLine[3] = 0;
            canvas.draw(0, 0, fbWidth, fbHeight, view, theme);
            // Instance buffers are rebuilt only when what they show changed (not for pan and zoom).
            InstanceKey key;
            key.version = state.version;
            key.resultsVersion = state.results ? state.results->version : 0;
            key.selection = state.selectedActors.size();
            for (const std::string& id : state.selectedActors) key.selectionHash ^= std::hash<std::string>{}(id);
            key.hover = state.canvas.hover ? static_cast<long>(*state.canvas.hover) : -1;
            key.selectedLink = state.selectedLink.value_or("");
            key.dragging = state.canvas.dragging;
            if (state.canvas.dragging) { key.dragX = io.MousePos.x; key.dragY = io.MousePos.y; }
            key.colorBy = state.options.colorBy;
            key.sizeBy = state.options.sizeBy;
            key.egoSteps = state.options.egoSteps;
            key.hideIsolates = state.options.hideIsolates;
            key.suggestions = state.options.showSuggestions;
            key.presentation = state.options.presentation;
            key.hiddenSectors = state.options.hiddenSectors.size();
            key.hiddenFields = state.options.hiddenFields.size();
            key.hiddenLinkTypes = state.options.hiddenLinkTypes.size();
            key.hiddenStatuses = state.options.hiddenStatuses.size();
            if (frame == 0 || !(key == builtFor)) {
                buildInstances(state, nodes, links);
                map.setLinks(links);
                map.setNodes(nodes);
                builtFor = key;
            }
            render::MapTheme mapTheme;
            if (state.options.dark) std::fill(mapTheme.rim, mapTheme.rim + 3, 0.9f);
            map.draw(fbWidth, fbHeight, view, mapTheme);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
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
                    if (frame < options.frames + 600) { std::this_thread::sleep_for(std::chrono::milliseconds(5)); glfwSwapBuffers(window.get()); continue; }
                }
                glFinish();
                if (!saveScreenshot(options.screenshotPath, fbWidth, fbHeight)) {
                    std::fprintf(stderr, "knotenpunkt: cannot write %s\n", options.screenshotPath.c_str());
                    exitCode = 1;
                }
                break;
            }
            glfwSwapBuffers(window.get());
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
                    break;
                }
                // Benchmark frames move the view a little, so nothing is cached between frames.
                state.canvas.view.originX += 0.5f;
            }
        }
    } catch (const std::exception& e) {
        // A shader that does not compile or a GL failure: a message, never a crash.
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        exitCode = 1;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exitCode;
}

}  // namespace knp::ui
