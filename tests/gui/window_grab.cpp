// Saves what the X server shows of a window (default: the whole screen) as a PNG: the pixels a
// user sees, whichever way the view put them there (OpenGL swap or a shared-memory image).
// Usage: knp_window_grab OUT.png [WINDOW_ID]
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: knp_window_grab OUT.png [WINDOW_ID]\n");
        return 2;
    }
    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        std::fprintf(stderr, "knp_window_grab: cannot open the display\n");
        return 1;
    }
    const Window window = argc > 2 ? static_cast<Window>(std::strtoul(argv[2], nullptr, 0)) : DefaultRootWindow(display);
    XWindowAttributes attributes;
    if (!XGetWindowAttributes(display, window, &attributes)) return 1;
    XImage* image = XGetImage(display, window, 0, 0, static_cast<unsigned>(attributes.width), static_cast<unsigned>(attributes.height),
                              AllPlanes, ZPixmap);
    if (!image) {
        std::fprintf(stderr, "knp_window_grab: cannot read the window\n");
        return 1;
    }
    std::vector<unsigned char> rgb(static_cast<std::size_t>(image->width) * static_cast<std::size_t>(image->height) * 3);
    for (int y = 0; y < image->height; ++y)
        for (int x = 0; x < image->width; ++x) {
            const unsigned long p = XGetPixel(image, x, y);
            unsigned char* out = &rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image->width) + static_cast<std::size_t>(x)) * 3];
            out[0] = static_cast<unsigned char>((p & image->red_mask) >> 16);
            out[1] = static_cast<unsigned char>((p & image->green_mask) >> 8);
            out[2] = static_cast<unsigned char>(p & image->blue_mask);
        }
    const bool ok = stbi_write_png(argv[1], image->width, image->height, 3, rgb.data(), image->width * 3) != 0;
    XDestroyImage(image);
    XCloseDisplay(display);
    return ok ? 0 : 1;
}
