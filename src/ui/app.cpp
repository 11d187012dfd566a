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
#include <vector>

#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "io/input.hpp"
#include "render/canvas_renderer.hpp"
#include "store/project_file.hpp"

namespace knp::ui {

namespace {

// [SECTION] State
struct AppState {
    Lang lang = Lang::De;
    std::optional<ProjectFile> project;  // when a .knp is open: edits go to disk at once
    Document imported;                   // an opened non-project input (read for viewing)
    std::string sourceName;
    std::string status;                  // last message for the status bar
    render::CanvasView view;
    bool quit = false;

    const Network& network() const { return project ? project->network() : imported.network; }
};

void openInput(AppState& s, const std::string& input) {
    namespace fs = std::filesystem;
    s.sourceName = fs::path(input).filename().string();
    const bool isProject = fs::path(input).extension() == ".knp" && input.find('@') == std::string::npos;
    if (isProject) {
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
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0400, 0x04FF, 0x2010, 0x205E, 0x20AC, 0x20AC, 0};
    const std::string path = findFont("DejaVu Sans");
    if (!path.empty() && std::filesystem::exists(path) && path.size() > 4 &&
        (path.ends_with(".ttf") || path.ends_with(".otf"))) {
        io.Fonts->AddFontFromFileTTF(path.c_str(), 17.0f * scale, nullptr, ranges);
    } else {
        std::fprintf(stderr, "knotenpunkt: no TrueType font found through fontconfig; umlauts may be missing\n");
        io.Fonts->AddFontDefault();
    }
}

// [SECTION] Panels
void drawMenuBar(AppState& s) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(tr(s.lang, "menu.file").data())) {
        if (ImGui::MenuItem(tr(s.lang, "menu.quit").data(), "Ctrl+Q")) s.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(s.lang, "menu.edit").data())) {
        const bool canEdit = s.project.has_value();
        if (ImGui::MenuItem(tr(s.lang, "menu.undo").data(), "Ctrl+Z", false, canEdit)) {
            try { s.project->undo(); } catch (const std::exception& e) { s.status = e.what(); }
        }
        if (ImGui::MenuItem(tr(s.lang, "menu.redo").data(), "Ctrl+Y", false, canEdit)) {
            try { s.project->redo(); } catch (const std::exception& e) { s.status = e.what(); }
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(s.lang, "menu.view").data())) {
        if (ImGui::MenuItem("Deutsch", nullptr, s.lang == Lang::De)) s.lang = Lang::De;
        if (ImGui::MenuItem("English", nullptr, s.lang == Lang::En)) s.lang = Lang::En;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(s.lang, "menu.help").data())) {
        ImGui::MenuItem(tr(s.lang, "menu.about").data(), nullptr, false, false);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void drawCanvasOverlay(AppState& s) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const Network& n = s.network();
    char text[256];
    if (n.actors().empty()) std::snprintf(text, sizeof text, "%s", tr(s.lang, "canvas.empty").data());
    else std::snprintf(text, sizeof text, tr(s.lang, "canvas.summary").data(), static_cast<int>(n.actors().size()),
                       static_cast<int>(n.links().size()));
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pos(vp->WorkPos.x + (vp->WorkSize.x - size.x) * 0.5f, vp->WorkPos.y + (vp->WorkSize.y - size.y) * 0.5f);
    dl->AddText(pos, IM_COL32(90, 90, 90, 255), text);
    if (!s.status.empty()) dl->AddText(ImVec2(vp->WorkPos.x + 8, vp->WorkPos.y + vp->WorkSize.y - size.y - 8), IM_COL32(160, 30, 30, 255), s.status.c_str());
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
    if (!options.input.empty()) {
        try {
            openInput(state, options.input);
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
    const bool automated = !options.screenshotPath.empty() || options.benchFrames > 0;
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
    io.IniFilename = nullptr;  // settings under $XDG_CONFIG_HOME come with the view issue
    float scaleX = 1, scaleY = 1;
    glfwGetWindowContentScale(window.get(), &scaleX, &scaleY);
    loadFonts(std::max(1.0f, scaleX));
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exitCode = 0;
    {
        render::CanvasRenderer canvas;
        render::CanvasTheme theme;
        std::vector<double> frameMs;
        std::string lastTitle = windowTitle(state);
        for (int frame = 0; !glfwWindowShouldClose(window.get()) && !state.quit; ++frame) {
            const auto start = std::chrono::steady_clock::now();
            glfwPollEvents();
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q)) state.quit = true;
            drawMenuBar(state);
            drawCanvasOverlay(state);
            ImGui::Render();
            int fbWidth = 0, fbHeight = 0;
            glfwGetFramebufferSize(window.get(), &fbWidth, &fbHeight);
            canvas.draw(0, 0, fbWidth, fbHeight, state.view, theme);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (const std::string title = windowTitle(state); title != lastTitle) {
                glfwSetWindowTitle(window.get(), title.c_str());
                lastTitle = title;
            }
            if (!options.screenshotPath.empty() && frame + 1 >= options.frames) {
                glFinish();
                if (!saveScreenshot(options.screenshotPath, fbWidth, fbHeight)) {
                    std::fprintf(stderr, "knotenpunkt: cannot write %s\n", options.screenshotPath.c_str());
                    exitCode = 1;
                }
                break;
            }
            glfwSwapBuffers(window.get());
            if (options.benchFrames > 0) {
                glFinish();
                frameMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
                if (static_cast<int>(frameMs.size()) >= options.benchFrames) {
                    std::sort(frameMs.begin(), frameMs.end());
                    const double median = frameMs[frameMs.size() / 2];
                    const double p95 = frameMs[std::min(frameMs.size() - 1, frameMs.size() * 95 / 100)];
                    std::printf("frames %zu median_ms %.3f p95_ms %.3f\n", frameMs.size(), median, p95);
                    break;
                }
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exitCode;
}

}  // namespace knp::ui
