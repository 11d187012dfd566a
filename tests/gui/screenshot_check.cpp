// Checks a screenshot of the desktop view: inside the map area (the window without its menu bar
// and panels), actors are drawn in the default sectors' colours and labels are drawn in their
// text colour. Only the map counts: the panels (actor table, properties, analysis, legend,
// status line) show sector colours and dark text of their own, which an empty project shows too.
//  - The map area: below the menu bar, outside every panel. Panels are found in the picture by
//    their 1-pixel frame (Dear ImGui's light style: a neutral grey from 140 to 185, darker over
//    a title bar; the status line's frame 178,171,153): a frame is a horizontal and a vertical
//    run of frame pixels from a common corner, at least 40 and 20 pixels long. The map itself has no
//    neutral grey of that range (grid 224,224,219, background 247,247,245, "Bund und Land"
//    127,127,127), and the check fails when it finds no panel at all.
//  - A sector is present when at least `min_actor_px` pixels of the map are inside a filled
//    shape of its colour: the pixel and its 7x7 neighbourhood all within 6 of the colour. Links
//    share six of the sector colours (Kooperation green, Verweisung orange, ...) but are thinner
//    than 7 pixels, so they do not count; actors (at least 8 pixels across) do.
//  - Labels: pixels of the map within 8 of the label colour (25,25,25, src/ui/canvas.cpp).
// Usage: knp_screenshot_check IMAGE.png [MIN_SECTORS] [MIN_LABEL_PIXELS] [MIN_ACTOR_PIXELS]
//   MIN_SECTORS defaults to every default sector (11), MIN_LABEL_PIXELS to 1500,
//   MIN_ACTOR_PIXELS to 20. Exit 0 when all hold, 1 otherwise (or when no panel is found: then
//   the check cannot tell the map from the panels).
#include <stb_image.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/taxonomy.hpp"

namespace {

struct Rgb {
    int r, g, b;
};

struct Image {
    int w = 0, h = 0;
    const unsigned char* px = nullptr;
    Rgb at(int x, int y) const {
        const unsigned char* p = px + 3 * (static_cast<long>(y) * w + x);
        return {p[0], p[1], p[2]};
    }
};

bool near(Rgb a, Rgb b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

bool neutralGrey(Rgb c, int lo, int hi) { return c.r == c.g && c.g == c.b && c.r >= lo && c.r <= hi; }

// A pixel of a panel's frame: ImGui draws it translucent, so its grey depends on what is below.
bool framePixel(Rgb c) { return neutralGrey(c, 140, 185) || near(c, {178, 171, 153}, 3); }

struct Rect {
    int x0, y0, x1, y1;  // inclusive
};

// Panel frames: a corner from which frame pixels run right >= 40 and down >= 20 pixels.
std::vector<Rect> findPanels(const Image& img) {
    std::vector<Rect> found;
    auto inside = [&](int x, int y) {
        for (const Rect& r : found)
            if (x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1) return true;
        return false;
    };
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x) {
            if (!framePixel(img.at(x, y)) || inside(x, y)) continue;
            int x1 = x, y1 = y;
            while (x1 + 1 < img.w && framePixel(img.at(x1 + 1, y))) ++x1;
            while (y1 + 1 < img.h && framePixel(img.at(x, y1 + 1))) ++y1;
            if (x1 - x < 40 || y1 - y < 20) continue;
            found.push_back({x, y, x1, y1});
        }
    return found;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: knp_screenshot_check IMAGE.png [MIN_SECTORS] [MIN_LABEL_PIXELS] [MIN_ACTOR_PIXELS]\n");
        return 2;
    }
    const knp::Taxonomy t = knp::Taxonomy::defaults();
    const int minSectors = argc > 2 ? std::atoi(argv[2]) : static_cast<int>(t.sectors.size());
    const long minLabel = argc > 3 ? std::atol(argv[3]) : 1500;
    const long minActor = argc > 4 ? std::atol(argv[4]) : 20;
    Image img;
    int channels = 0;
    unsigned char* pixels = stbi_load(argv[1], &img.w, &img.h, &channels, 3);
    if (!pixels) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    img.px = pixels;

    // The map area: below the menu bar (neutral greys, read near the right edge, where no menu
    // title is), outside every panel.
    int top = 0;
    while (top < img.h && neutralGrey(img.at(img.w - 3, top), 140, 230)) ++top;
    const std::vector<Rect> panels = findPanels(img);
    std::vector<unsigned char> map(static_cast<std::size_t>(img.w) * img.h, 1);
    for (int y = 0; y < top; ++y)
        for (int x = 0; x < img.w; ++x) map[static_cast<std::size_t>(y) * img.w + x] = 0;
    for (const Rect& r : panels) {
        std::printf("panel %4d,%-4d - %4d,%-4d\n", r.x0, r.y0, r.x1, r.y1);
        for (int y = r.y0; y <= r.y1; ++y)
            for (int x = r.x0; x <= r.x1; ++x) map[static_cast<std::size_t>(y) * img.w + x] = 0;
    }
    long mapPixels = 0;
    for (unsigned char m : map) mapPixels += m;
    std::printf("menu bar: %d rows; %zu panels; map area %ld of %ld pixels\n", top, panels.size(), mapPixels,
                static_cast<long>(img.w) * img.h);

    const Rgb labelColor{25, 25, 25};
    std::vector<long> hits(t.sectors.size(), 0);
    long label = 0;
    const int k = 3;  // 7x7 neighbourhood
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x) {
            if (!map[static_cast<std::size_t>(y) * img.w + x]) continue;
            const Rgb c = img.at(x, y);
            if (near(c, labelColor, 8)) ++label;
            if (x < k || y < k || x + k >= img.w || y + k >= img.h) continue;
            for (std::size_t s = 0; s < t.sectors.size(); ++s) {
                const std::uint32_t v = t.sectors[s].color;
                const Rgb sc{static_cast<int>((v >> 16) & 0xFF), static_cast<int>((v >> 8) & 0xFF), static_cast<int>(v & 0xFF)};
                if (!near(c, sc, 6)) continue;
                bool filled = true;
                for (int dy = -k; dy <= k && filled; ++dy)
                    for (int dx = -k; dx <= k && filled; ++dx)
                        filled = map[static_cast<std::size_t>(y + dy) * img.w + x + dx] && near(img.at(x + dx, y + dy), sc, 6);
                if (filled) ++hits[s];
                break;
            }
        }
    stbi_image_free(pixels);

    int present = 0;
    std::string missing;
    for (std::size_t s = 0; s < hits.size(); ++s) {
        std::printf("%-32s %7ld px inside actors on the map\n", t.sectors[s].labelDe.c_str(), hits[s]);
        if (hits[s] >= minActor) ++present;
        else missing += (missing.empty() ? "" : ", ") + t.sectors[s].labelDe;
    }
    std::printf("sectors on the map: %d of %zu; label pixels on the map: %ld\n", present, hits.size(), label);
    int rc = 0;
    if (panels.empty()) {
        std::fprintf(stderr, "FAIL: no panel found: the check cannot tell the map from the panels\n");
        rc = 1;
    }
    if (present < minSectors) {
        std::fprintf(stderr, "FAIL: %d sectors on the map, %d expected (missing: %s)\n", present, minSectors, missing.c_str());
        rc = 1;
    }
    if (label < minLabel) {
        std::fprintf(stderr, "FAIL: %ld label pixels on the map, at least %ld expected\n", label, minLabel);
        rc = 1;
    }
    return rc;
}
