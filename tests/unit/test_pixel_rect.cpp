// The part of a frame outside the opaque panels: hand-checked cases, and on seeded random
// panels pixel for pixel against a naive mask (covered exactly once, never inside a panel).
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "render/pixel_rect.hpp"

using knp::render::PixelRect;
using knp::render::subtractRects;

namespace {
long area(const std::vector<PixelRect>& rects) {
    long a = 0;
    for (const PixelRect& r : rects) a += static_cast<long>(r.width) * r.height;
    return a;
}
}  // namespace

TEST_CASE("subtracting no panel leaves the whole frame and a full panel leaves nothing", "[render]") {
    const PixelRect frame{0, 0, 1600, 1000};
    const auto whole = subtractRects(frame, {});
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].x == 0);
    CHECK(whole[0].width == 1600);
    CHECK(whole[0].height == 1000);
    CHECK(subtractRects(frame, {{-10, -10, 2000, 2000}}).empty());
    CHECK(subtractRects({0, 0, 0, 10}, {}).empty());
}

TEST_CASE("a panel at the right edge and one at the left leave one column between them", "[render]") {
    // Panels of full height at both sides: the map between them, one rectangle.
    const auto rest = subtractRects({0, 0, 1600, 1000}, {{0, 0, 300, 1000}, {1200, 0, 400, 1000}});
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].x == 300);
    CHECK(rest[0].width == 900);
    CHECK(rest[0].y == 0);
    CHECK(rest[0].height == 1000);
}

TEST_CASE("a panel in a corner leaves two rectangles and bands of equal columns merge", "[render]") {
    // Top-right panel (origin bottom left): below it the full width, beside it the left part.
    const auto rest = subtractRects({0, 0, 100, 100}, {{60, 70, 40, 30}});
    REQUIRE(rest.size() == 2);
    CHECK(area(rest) == 100 * 100 - 40 * 30);
    CHECK(rest[0].y == 0);
    CHECK(rest[0].height == 70);
    CHECK(rest[0].width == 100);
    CHECK(rest[1].y == 70);
    CHECK(rest[1].width == 60);
    // Two panels one above the other at the same columns: one column of map beside them.
    const auto merged = subtractRects({0, 0, 100, 100}, {{50, 0, 50, 40}, {50, 40, 50, 60}});
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].width == 50);
    CHECK(merged[0].height == 100);
}

TEST_CASE("the rest of the frame matches a pixel mask on seeded random panels", "[render]") {
    std::mt19937 rng(20261121);
    for (int round = 0; round < 300; ++round) {
        const int w = std::uniform_int_distribution<int>(1, 90)(rng), h = std::uniform_int_distribution<int>(1, 70)(rng);
        const PixelRect frame{std::uniform_int_distribution<int>(-5, 5)(rng), std::uniform_int_distribution<int>(-5, 5)(rng), w, h};
        std::vector<PixelRect> holes(static_cast<std::size_t>(std::uniform_int_distribution<int>(0, 6)(rng)));
        for (PixelRect& hole : holes) {
            hole.x = std::uniform_int_distribution<int>(-20, 100)(rng);
            hole.y = std::uniform_int_distribution<int>(-20, 80)(rng);
            hole.width = std::uniform_int_distribution<int>(0, 50)(rng);
            hole.height = std::uniform_int_distribution<int>(0, 50)(rng);
        }
        std::vector<int> count(static_cast<std::size_t>(w * h), 0);
        for (const PixelRect& r : subtractRects(frame, holes)) {
            REQUIRE(r.width > 0);
            REQUIRE(r.height > 0);
            for (int y = r.y; y < r.y + r.height; ++y)
                for (int x = r.x; x < r.x + r.width; ++x) {
                    REQUIRE(x >= frame.x);
                    REQUIRE(x < frame.x + w);
                    REQUIRE(y >= frame.y);
                    REQUIRE(y < frame.y + h);
                    ++count[static_cast<std::size_t>((y - frame.y) * w + (x - frame.x))];
                }
        }
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                bool inHole = false;
                for (const PixelRect& hole : holes)
                    inHole = inHole || (x + frame.x >= hole.x && x + frame.x < hole.x + hole.width && y + frame.y >= hole.y &&
                                        y + frame.y < hole.y + hole.height);
                INFO("round " << round << " pixel " << x << "," << y);
                REQUIRE(count[static_cast<std::size_t>(y * w + x)] == (inHole ? 0 : 1));
            }
    }
}
