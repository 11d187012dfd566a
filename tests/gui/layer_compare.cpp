// Compares two screenshots of the same view pixel by pixel: one drawn through the cached layers
// (the map shifted frame by frame, strips drawn), one drawn whole every frame. Prints the share
// of pixels that differ by more than a small tolerance and fails above MAX_FRACTION.
// Usage: knp_layer_compare A.png B.png MAX_FRACTION
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char** argv) {
    if (argc < 4) return 2;
    int wa = 0, ha = 0, wb = 0, hb = 0, c = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> a(stbi_load(argv[1], &wa, &ha, &c, 3), stbi_image_free);
    std::unique_ptr<unsigned char, void (*)(void*)> b(stbi_load(argv[2], &wb, &hb, &c, 3), stbi_image_free);
    if (!a || !b) { std::fprintf(stderr, "cannot read the images\n"); return 1; }
    if (wa != wb || ha != hb) { std::fprintf(stderr, "sizes differ: %dx%d and %dx%d\n", wa, ha, wb, hb); return 1; }
    long differing = 0;
    const long n = static_cast<long>(wa) * ha;
    for (long i = 0; i < n; ++i)
        for (int k = 0; k < 3; ++k)
            if (std::abs(a.get()[3 * i + k] - b.get()[3 * i + k]) > 24) { ++differing; break; }
    const double fraction = static_cast<double>(differing) / static_cast<double>(n);
    std::printf("pixels differing: %ld of %ld (%.4f%%)\n", differing, n, 100 * fraction);
    return fraction <= std::atof(argv[3]) ? 0 : 1;
}
