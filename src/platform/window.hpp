#pragma once
// The desktop window: GLFW set up and torn down, one window with an OpenGL 3.3 core context
// current on the calling thread, its events, sizes, content scale, title and full screen. No
// OpenGL drawing here (render/) and no Dear ImGui (ui/ attaches its backend to handle()).
#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace knp::platform {

// No window could be opened; what() says why in the user's words.
class WindowError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct WindowOptions {
    int width = 1600, height = 1000;   // screen coordinates
    std::string title;
    bool resizable = true;
    bool vsync = true;                 // buffer swaps wait for the display's refresh
};

class Window {
public:
    // Initialises GLFW (errors are printed to stderr) and opens the window; throws WindowError
    // when there is no display or no OpenGL 3.3 core context.
    explicit Window(const WindowOptions& options);
    ~Window();  // closes the window, then GLFW
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    bool shouldClose() const;
    void keepOpen();  // a close the user is asked about first
    void pollEvents();
    void waitEvents(double timeoutSeconds);  // sleeps until an event or the timeout
    void framebufferSize(int& width, int& height) const;
    float contentScale() const;               // HiDPI: X11's Xft.dpi / 96, horizontally
    void setTitle(const std::string& title);
    // Fills the primary monitor, or brings the window back where and as large as it was.
    void setFullScreen(bool fullScreen);
    bool fullScreen() const { return fullScreen_; }

private:
    GLFWwindow* window_ = nullptr;
    bool fullScreen_ = false;
    int windowed_[4] = {0, 0, 0, 0};  // x, y, width, height before full screen
};

}  // namespace knp::platform
