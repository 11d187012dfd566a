#pragma once
// Dear ImGui for the view's window: the context, its settings file (imgui.ini in the config
// folder; none in automated runs), the fonts platform/fonts.hpp finds, the style scaled for
// HiDPI, and the GLFW and OpenGL 3 backends.
#include <string>

namespace knp::platform {
class Window;
}

namespace knp::ui {

class ImGuiSession {
public:
    // `contentScale`: the window's content scale (1..4); `automated`: no settings file.
    ImGuiSession(platform::Window& window, float contentScale, bool automated);
    ~ImGuiSession();  // the backends, then the context
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;

    // Starts a frame; presentation mode draws with the large font.
    void newFrame(bool presentation);

private:
    std::string iniPath_;
};

}  // namespace knp::ui
