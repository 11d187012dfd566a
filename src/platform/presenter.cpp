#include "platform/presenter.hpp"

#include <GLFW/glfw3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "platform/window.hpp"

#if KNP_HAVE_XSHM
#include <dlfcn.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#endif

namespace knp::platform {

namespace {

// Set when the window system asks for the window's content again (GLFW's refresh callback: the
// window was uncovered or mapped); the next frame is then put whole.
std::atomic<bool> exposed{false};

#if KNP_HAVE_XSHM
int lastXError = 0;
int recordXError(Display*, XErrorEvent* event) {
    lastXError = event->error_code;
    return 0;
}
#endif

}  // namespace

#if KNP_HAVE_XSHM
// A shared-memory XImage the size of the window, attached to the X server.
struct Presenter::SharedImage {
    Display* display = nullptr;
    ::Window window = 0;
    Visual* visual = nullptr;
    int depth = 0;
    GC gc = nullptr;
    XImage* image = nullptr;
    XShmSegmentInfo info{};
    bool attached = false;
    bool pending = false;  // a put the server may still be reading from
    std::vector<unsigned char> pixels;

    ~SharedImage() {
        release();
        if (gc) XFreeGC(display, gc);
    }
    void release() {
        if (attached) {
            XShmDetach(display, &info);
            XSync(display, False);
            attached = false;
        }
        pending = false;
        if (image) {
            image->data = nullptr;  // shared memory, not Xlib's to free
            XDestroyImage(image);
            image = nullptr;
        }
        if (info.shmaddr) {
            shmdt(info.shmaddr);
            info.shmaddr = nullptr;
        }
    }
    bool allocate(int width, int height) {
        release();
        image = XShmCreateImage(display, visual, static_cast<unsigned>(depth), ZPixmap, nullptr, &info, static_cast<unsigned>(width),
                                static_cast<unsigned>(height));
        if (!image) return false;
        // 32-bit pixels, blue in the lowest byte: what glReadPixels writes as BGRA.
        if (image->bits_per_pixel != 32 || image->byte_order != LSBFirst) {
            release();
            return false;
        }
        info.shmid = shmget(IPC_PRIVATE, static_cast<std::size_t>(image->bytes_per_line) * static_cast<std::size_t>(height), IPC_CREAT | 0600);
        if (info.shmid < 0) {
            release();
            return false;
        }
        void* address = shmat(info.shmid, nullptr, 0);
        shmctl(info.shmid, IPC_RMID, nullptr);  // freed when both sides have detached
        if (address == reinterpret_cast<void*>(-1)) {
            release();
            return false;
        }
        info.shmaddr = image->data = static_cast<char*>(address);
        info.readOnly = False;
        // A display on another machine refuses the segment with an X error, which Xlib's
        // default handler would turn into exit(): catch it for the attach.
        lastXError = 0;
        XErrorHandler previous = XSetErrorHandler(recordXError);
        XShmAttach(display, &info);
        XSync(display, False);
        XSetErrorHandler(previous);
        if (lastXError != 0) {
            release();
            return false;
        }
        attached = true;
        return true;
    }
    bool put(const FrameSource& frame, const std::vector<FrameRect>& rects) {
        const int width = frame.width(), height = frame.height();
        if (!image || image->width != width || image->height != height) {
            if (!allocate(width, height)) return false;
        }
        // One read of the whole frame: Mesa copies it in one piece, while reads of parts
        // cost more each than their share.
        const std::size_t row = static_cast<std::size_t>(width) * 4;
        pixels.resize(row * static_cast<std::size_t>(height));
        frame.readBgra(pixels.data());
        // The server may still read the previous frame from the segment.
        if (pending) XSync(display, False);
        for (const FrameRect& r : rects) {
            // OpenGL's rows run bottom up, X's top down.
            const int top = height - r.y - r.height;
            for (int y = top; y < top + r.height; ++y)
                std::memcpy(image->data + static_cast<std::size_t>(y) * static_cast<std::size_t>(image->bytes_per_line) + static_cast<std::size_t>(r.x) * 4,
                            pixels.data() + static_cast<std::size_t>(height - 1 - y) * row + static_cast<std::size_t>(r.x) * 4,
                            static_cast<std::size_t>(r.width) * 4);
            XShmPutImage(display, window, gc, image, r.x, top, r.x, top, static_cast<unsigned>(r.width), static_cast<unsigned>(r.height), False);
        }
        XFlush(display);
        pending = true;
        return true;
    }
};
#else
struct Presenter::SharedImage {
    bool put(const FrameSource&, const std::vector<FrameRect>&) { return false; }
};
#endif

Presenter::Presenter(Window& window, bool softwareRenderer) : window_(window) {
    const char* choice = std::getenv("KNP_PRESENT");
    const std::string wanted = choice ? choice : "";
    if (wanted == "gl" || (wanted != "x11" && !softwareRenderer)) return;
#if KNP_HAVE_XSHM
    // Looked up at run time: Debian's GLFW may be the Wayland build, which lacks these.
    using GetDisplay = Display* (*)();
    using GetWindow = ::Window (*)(GLFWwindow*);
    auto getDisplay = reinterpret_cast<GetDisplay>(dlsym(RTLD_DEFAULT, "glfwGetX11Display"));
    auto getWindow = reinterpret_cast<GetWindow>(dlsym(RTLD_DEFAULT, "glfwGetX11Window"));
    if (!getDisplay || !getWindow) return;
    Display* display = getDisplay();
    const ::Window xwindow = display ? getWindow(window.handle()) : 0;
    if (!display || !xwindow || !XShmQueryExtension(display)) return;
    XWindowAttributes attributes;
    if (!XGetWindowAttributes(display, xwindow, &attributes)) return;
    const Visual* visual = attributes.visual;
    if (attributes.depth != 24 || visual->red_mask != 0xFF0000 || visual->green_mask != 0xFF00 || visual->blue_mask != 0xFF) return;
    auto shared = std::make_unique<SharedImage>();
    shared->display = display;
    shared->window = xwindow;
    shared->visual = attributes.visual;
    shared->depth = attributes.depth;
    shared->gc = XCreateGC(display, xwindow, 0, nullptr);
    int width = 0, height = 0;
    window.framebufferSize(width, height);
    if (width > 0 && height > 0 && !shared->allocate(width, height)) return;
    shm_ = std::move(shared);
    glfwSetWindowRefreshCallback(window.handle(), [](GLFWwindow*) { exposed = true; });
#endif
}

Presenter::~Presenter() = default;

void Presenter::present(const FrameSource& frame, const std::vector<FrameRect>& damage) {
    if (frame.width() <= 0 || frame.height() <= 0) return;
    if (shm_) {
        const bool resized = frame.width() != lastWidth_ || frame.height() != lastHeight_;
        lastWidth_ = frame.width();
        lastHeight_ = frame.height();
        const bool whole = whole_ || resized || exposed.exchange(false);
        whole_ = false;
        const std::vector<FrameRect> all{{0, 0, frame.width(), frame.height()}};
        if (shm_->put(frame, whole ? all : damage)) return;
        shm_.reset();  // the display refused the image: blit from now on
    }
    frame.copyToWindow();
    glfwSwapBuffers(window_.handle());
}

const char* Presenter::mode() const { return shm_ ? "x11-shm" : "gl"; }

bool Presenter::unpaced() const { return shm_ != nullptr; }

}  // namespace knp::platform
