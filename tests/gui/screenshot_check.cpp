// Checks a screenshot of the desktop view: the actors' sector colours are there (enough pixels
// of at least `min` of the default sectors' colours) and so is dark label text.
// Usage: knp_screenshot_check IMAGE.png [MIN_SECTORS]
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <vector>

#include "core/taxonomy.hpp"

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    const int minSectors = argc > 2 ? std::atoi(argv[2]) : 8;
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(argv[1], &w, &h, &channels, 3);
    if (!pixels) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const knp::Taxonomy t = knp::Taxonomy::defaults();
    std::vector<long> hits(t.sectors.size(), 0);
    long dark = 0;
    for (long i = 0; i < static_cast<long>(w) * h; ++i) {
        const int r = pixels[3 * i], g = pixels[3 * i + 1], b = pixels[3 * i + 2];
        if (r < 60 && g < 60 && b < 60) ++dark;
        for (std::size_t k = 0; k < t.sectors.size(); ++k) {
            const std::uint32_t c = t.sectors[k].color;
            const int cr = (c >> 16) & 0xFF, cg = (c >> 8) & 0xFF, cb = c & 0xFF;
            if (std::abs(r - cr) <= 6 && std::abs(g - cg) <= 6 && std::abs(b - cb) <= 6) ++hits[k];
        }
    }
    stbi_image_free(pixels);
    int present = 0;
    for (std::size_t k = 0; k < hits.size(); ++k) {
        std::printf("%-32s %7ld px\n", t.sectors[k].labelDe.c_str(), hits[k]);
        present += hits[k] >= 150 ? 1 : 0;
    }
    std::printf("sector colours present: %d of %zu; dark (text) pixels: %ld\n", present, hits.size(), dark);
    if (present < minSectors) { std::fprintf(stderr, "FAIL: too few sector colours\n"); return 1; }
    if (dark < 2000) { std::fprintf(stderr, "FAIL: no labels\n"); return 1; }
    return 0;
}
