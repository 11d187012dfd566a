#include "ui/imgui_session.hpp"

#include <epoxy/gl.h>
// GLFW after epoxy, so that it does not pull in the system GL header first.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <system_error>

#include "platform/fonts.hpp"
#include "platform/paths.hpp"
#include "platform/window.hpp"

namespace knp::ui {

namespace {

// Latin-1, Latin Extended-A/B, Δ, Cyrillic, general punctuation („ “ –), euro sign, arrows, ⇧, the
// minus sign, geometric shapes. ImGui keeps a pointer to it until the atlas is built.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x0394, 0x0394, 0x0400, 0x04FF, 0x2010, 0x205E, 0x20AC, 0x20AC,
                                    0x2190, 0x2193, 0x21E7, 0x21E7, 0x2212, 0x2212, 0x25A0, 0x25CF, 0};

void loadFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    if (const std::optional<std::string> path = platform::findTrueTypeFont("DejaVu Sans")) {
        // Two sizes: the normal one and a large one for presentation mode (drawn at the size
        // it was rasterised for, never scaled). Advances snapped to whole pixels.
        ImFontConfig config;
        config.PixelSnapH = true;
        io.Fonts->AddFontFromFileTTF(path->c_str(), std::round(17.0f * scale), &config, kGlyphRanges);
        io.Fonts->AddFontFromFileTTF(path->c_str(), std::round(26.0f * scale), &config, kGlyphRanges);
    } else {
        std::fprintf(stderr, "knotenpunkt: no TrueType font found through fontconfig; umlauts may be missing\n");
        io.Fonts->AddFontDefault();
    }
}

}  // namespace

ImGuiSession::ImGuiSession(platform::Window& window, float contentScale, bool automated) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    if (automated) {
        io.IniFilename = nullptr;
    } else {
        std::error_code ec;
        std::filesystem::create_directories(platform::configDir(), ec);
        iniPath_ = platform::configDir() + "/imgui.ini";
        io.IniFilename = iniPath_.c_str();
    }
    // HiDPI: the window content scale (X11: Xft.dpi / 96) scales type, widget sizes and lines.
    loadFonts(contentScale);
    ImGui::GetStyle().ScaleAllSizes(contentScale);
    ImGui_ImplGlfw_InitForOpenGL(window.handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // Text is drawn at whole pixels at the size it was rasterised for (two sizes, see
    // loadFonts): nearest sampling is exact then, and cheaper on a software renderer.
    ImGui_ImplOpenGL3_NewFrame();
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
}

ImGuiSession::~ImGuiSession() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiSession::newFrame(bool presentation) {
    ImGuiIO& io = ImGui::GetIO();
    io.FontDefault = io.Fonts->Fonts[presentation && io.Fonts->Fonts.Size > 1 ? 1 : 0];
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

}  // namespace knp::ui
