#pragma once
// Puts the finished frame on the screen.
//
// With a GPU driver: a framebuffer blit into the window's back buffer and a buffer swap.
// With Mesa's software renderers (llvmpipe, softpipe) on X11 that blit is a shaded draw, not
// a memory copy: every 8-bit GLX visual Mesa offers is sRGB-capable, so the window's buffer
// has an sRGB format and our layers cannot match it. At 1600x1000 on two cores the blit and
// the swap cost 5 to 6 ms of a frame. There the presenter reads the frame back (a memory copy)
// and puts it into the window through the MIT shared-memory extension, as Mesa's own swap
// does: about 2.4 ms. Any other case (Wayland, a remote display without shared memory, an
// unusual visual) takes the blit. KNP_PRESENT=gl or KNP_PRESENT=x11 chooses for tests and
// benchmarks; `mode()` names the path taken.
//
// The presenter knows windows (GLFW, X11), not OpenGL: the frame comes as a FrameSource that
// reads itself back or copies itself into the window (ui/frame_output.hpp over a render layer).
#include <memory>
#include <vector>

namespace knp::platform {

class Window;

// A rectangle of frame pixels, origin bottom left (as OpenGL counts).
struct FrameRect {
    int x = 0, y = 0, width = 0, height = 0;
};

// The frame to show, as the presenter needs it.
class FrameSource {
public:
    virtual ~FrameSource() = default;
    virtual int width() const = 0;
    virtual int height() const = 0;
    // All of the frame into `pixels` (width * height * 4 bytes): 32-bit pixels with blue in
    // the lowest byte, rows bottom up, no padding.
    virtual void readBgra(unsigned char* pixels) const = 0;
    // All of the frame into the window's back buffer (framebuffer 0).
    virtual void copyToWindow() const = 0;
};

class Presenter {
public:
    // `softwareRenderer`: the OpenGL context draws on the CPU (Mesa llvmpipe or softpipe).
    Presenter(Window& window, bool softwareRenderer);
    ~Presenter();
    Presenter(const Presenter&) = delete;
    Presenter& operator=(const Presenter&) = delete;

    // Shows `frame` (the size of the window's framebuffer) in the window. `damage`: where it
    // differs from the frame presented before; the shared-memory path puts only those parts
    // (unless the window was exposed or resized meanwhile), a buffer swap always all.
    void present(const FrameSource& frame, const std::vector<FrameRect>& damage);
    // "gl" (blit and swap) or "x11-shm" (read back, shared-memory image).
    const char* mode() const;
    // True when presenting does not wait for the display's refresh (the caller paces frames).
    bool unpaced() const;

private:
    struct SharedImage;
    Window& window_;
    std::unique_ptr<SharedImage> shm_;
    bool whole_ = true;  // the window needs all of the next frame (first, exposed, resized)
    int lastWidth_ = 0, lastHeight_ = 0;
};

}  // namespace knp::platform
