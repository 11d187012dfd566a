// Counts the pixels of a screenshot near one colour, within a rectangle: how much of the map is
// drawn in a mark's colour (compare mode: green new, red gone, orange changed).
// Usage: knp_color_count IMAGE.png RRGGBB TOLERANCE [X0 Y0 X1 Y1]
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char** argv) {
    if (argc != 4 && argc != 8) {
        std::fprintf(stderr, "usage: knp_color_count IMAGE.png RRGGBB TOLERANCE [X0 Y0 X1 Y1]\n");
        return 2;
    }
    int w = 0, h = 0, c = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> img(stbi_load(argv[1], &w, &h, &c, 3), stbi_image_free);
    if (!img) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const unsigned long rgb = std::strtoul(argv[2], nullptr, 16);
    const int want[3] = {static_cast<int>((rgb >> 16) & 0xFF), static_cast<int>((rgb >> 8) & 0xFF), static_cast<int>(rgb & 0xFF)};
    const int tolerance = std::atoi(argv[3]);
    int x0 = 0, y0 = 0, x1 = w, y1 = h;
    if (argc == 8) {
        x0 = std::atoi(argv[4]);
        y0 = std::atoi(argv[5]);
        x1 = std::atoi(argv[6]);
        y1 = std::atoi(argv[7]);
    }
    long count = 0;
    for (int y = y0 < 0 ? 0 : y0; y < h && y < y1; ++y)
        for (int x = x0 < 0 ? 0 : x0; x < w && x < x1; ++x) {
            const unsigned char* p = img.get() + 3 * (static_cast<long>(y) * w + x);
            bool near = true;
            for (int k = 0; k < 3; ++k) near = near && std::abs(p[k] - want[k]) <= tolerance;
            count += near;
        }
    std::printf("%ld\n", count);
    return 0;
}
