// Geometry the view places the map and its names with: the free part of the window, labels that
// stay inside it, and the colour scale by rank.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/encoding.hpp"
#include "core/geometry.hpp"
#include "layout/labels.hpp"

using namespace knp;

TEST_CASE("free rectangle: the largest part of the window the panels leave free", "[geometry]") {
    // The view at 1200 x 800 with its first-use panels: menu bar, actor table (top left),
    // legend (bottom left), properties and analysis (right), status bar (bottom right).
    const Bounds window{0, 0, 1200, 800};
    const std::vector<Bounds> panels{{0, 0, 1200, 23}, {830, 30, 1190, 390}, {830, 400, 1190, 790}, {10, 30, 340, 330},
                                     {10, 354, 278, 790}, {579, 757, 1190, 790}};
    // A square map: the column between the left panels and the right ones, above the status bar.
    const Bounds room = freeRectangle(window, panels, 100, 100);
    CHECK(room.minX == 340);
    CHECK(room.maxX == 830);
    CHECK(room.minY == 23);
    CHECK(room.maxY == 757);
    for (const Bounds& p : panels) CHECK_FALSE(p.overlaps(room));
    // A wide map: the strip right of the legend and below the actor table (552 x 427 px) shows
    // it larger than the column.
    const Bounds wide = freeRectangle(window, panels, 400, 100);
    for (const Bounds& p : panels) CHECK_FALSE(p.overlaps(wide));
    CHECK(wide.minX == 278);
    CHECK(wide.maxX == 830);
    // No panels: the window. Panels everywhere: the window too (better under them than tiny).
    const Bounds all = freeRectangle(window, {}, 3, 1);
    CHECK(all.minX == 0);
    CHECK(all.maxY == 800);
    const Bounds crowded = freeRectangle(window, {{0, 0, 1200, 720}}, 1, 1);
    CHECK(crowded.minY == 0);
    CHECK(crowded.maxY == 800);
}

TEST_CASE("free rectangle: never overlaps a panel on random layouts", "[geometry]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    for (int round = 0; round < 200; ++round) {
        const Bounds window{0, 0, 1000 + 600 * u(rng), 600 + 400 * u(rng)};
        std::vector<Bounds> panels;
        for (int k = 0; k < 4; ++k) {
            const double x = u(rng) * window.maxX, y = u(rng) * window.maxY;
            panels.push_back({x, y, x + 80 + 200 * u(rng), y + 40 + 200 * u(rng)});
        }
        const Bounds r = freeRectangle(window, panels, 1 + u(rng), 1 + u(rng));
        if (r.width() == window.width() && r.height() == window.height()) continue;  // the fallback
        CHECK(r.width() * r.height() >= 0.12 * window.width() * window.height());
        for (const Bounds& p : panels) CHECK_FALSE(p.overlaps(r));
    }
}

TEST_CASE("labels: names stay inside the frame, the always-named are placed", "[geometry]") {
    using namespace knp::layout;
    // An actor near the right edge: "right of it" would leave the window, so the name goes
    // left, above or below, inside. Actor 1 sits amid four big discs: every place of its name
    // overlaps one of them.
    const std::vector<Point> pos{{590, 300}, {300, 300}, {340, 300}, {260, 300}, {300, 270}, {300, 330}};
    const std::vector<double> radius{8, 8, 30, 30, 30, 30};
    const std::vector<LabelSize> size(6, LabelSize{120, 16});
    const std::vector<double> priority{10, 0, 5, 4, 3, 2};
    LabelRules rules;
    rules.frame = std::array<double, 4>{0, 0, 600, 600};
    const std::vector<PlacedLabel> placed = placeLabels(pos, radius, size, priority, rules);
    REQUIRE(placed[0].visible);
    CHECK(placed[0].centre.x + 60 <= 600);
    // Without the frame the same label goes right, past the edge.
    CHECK(placeLabels(pos, radius, size, priority, 2.0)[0].centre.x + 60 > 600);
    // Hidden, unless it is one of the always named (then it is drawn over the others, inside).
    CHECK_FALSE(placed[1].visible);
    rules.always = {0, 2, 0, 0, 0, 0};
    const std::vector<PlacedLabel> always = placeLabels(pos, radius, size, priority, rules);
    REQUIRE(always[1].visible);
    CHECK(always[1].centre.x - 60 >= 0);
    // Named over actors (1) where only discs are in the way.
    rules.always = {0, 1, 0, 0, 0, 0};
    std::vector<LabelSize> unnamed(6, LabelSize{0, 0});
    unnamed[1] = {120, 16};
    CHECK_FALSE(placeLabels(pos, radius, unnamed, priority, 2.0)[1].visible);
    CHECK(placeLabels(pos, radius, unnamed, priority, rules)[1].visible);
}

TEST_CASE("metric colours by rank: one outlier does not take the whole scale", "[geometry]") {
    // Nine actors with small values and one hub: by position on the range, the nine would all
    // be within the lowest tenth (one colour); by rank they spread over the whole scale.
    std::vector<double> v{0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 1.0};
    const encoding::Scale s = encoding::scaleOf(v, {});
    CHECK(s.position(0.09) < 0.1);
    CHECK(s.rank(0.01) == Approx(0.0));
    CHECK(s.rank(0.05) == Approx(4.0 / 9));
    CHECK(s.rank(1.0) == Approx(1.0));
    CHECK(s.quantile(0) == Approx(0.01));
    CHECK(s.quantile(0.5) == Approx(0.055));
    CHECK(s.quantile(1) == Approx(1.0));
    // Ties share their middle rank; equal values everywhere sit in the middle.
    const encoding::Scale ties = encoding::scaleOf({1, 1, 2, 3}, {});
    CHECK(ties.rank(1) == Approx(1.0 / 6));
    CHECK(encoding::scaleOf({2, 2, 2}, {}).rank(2) == Approx(0.5));
    // Only the actors shown count.
    const encoding::Scale shown = encoding::scaleOf(v, {1, 1, 1, 1, 1, 1, 1, 1, 1, 0});
    CHECK(shown.hi == Approx(0.09));
    CHECK(shown.rank(0.09) == Approx(1.0));
}
