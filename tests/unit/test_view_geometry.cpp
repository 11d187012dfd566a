// Geometry the view places the map and its names with: the free part of the window, labels that
// stay inside it, and the colour scale by rank.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>
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

namespace {

// Whether the segment passes through the rectangle (x0, y0, x1, y1): sampled finely, a naive
// reference for the placement's own test.
bool crosses(const std::array<double, 4>& s, double x0, double y0, double x1, double y1) {
    for (int k = 0; k <= 2000; ++k) {
        const double t = k / 2000.0, x = s[0] + t * (s[2] - s[0]), y = s[1] + t * (s[3] - s[1]);
        if (x > x0 && x < x1 && y > y0 && y < y1) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("labels keep off links and do not sit beside another actor", "[geometry]") {
    using namespace knp::layout;
    //            |  (a link passing just right of A, where A's name would go first)
    //     (A)    |
    //            |
    // A at (100, 100), radius 10; the label (60 x 16) would go right: x 112..172.
    const std::vector<Point> pos{{100, 100}};
    const std::vector<double> radius{10};
    const std::vector<LabelSize> size{{60, 16}};
    LabelRules rules;
    rules.gap = 2;
    CHECK(placeLabels(pos, radius, size, {1}, rules)[0].centre.x > 100);  // right, links unknown
    rules.links = {{{140, 0, 140, 200}}};
    const PlacedLabel left = placeLabels(pos, radius, size, {1}, rules)[0];
    REQUIRE(left.visible);
    CHECK(left.centre.x < 100);  // left of A, off the link
    CHECK_FALSE(crosses(rules.links[0], left.centre.x - 30, left.centre.y - 8, left.centre.x + 30, left.centre.y + 8));
    // Links on every side: the place the fewest cross (above: only the vertical one through A).
    rules.links = {{{0, 100, 200, 100}}, {{100, 0, 100, 200}}, {{0, 0, 200, 200}}, {{0, 200, 200, 0}}};
    const PlacedLabel crowded = placeLabels(pos, radius, size, {1}, rules)[0];
    CHECK(crowded.visible);  // still named: a link is no reason to hide a name
    // Another actor B right where the name would end (x 175): the name goes elsewhere, so that
    // it does not read as B's.
    const std::vector<Point> two{{100, 100}, {181, 100}};
    rules.links.clear();
    rules.neighbourMargin = 8;
    const std::vector<PlacedLabel> besides = placeLabels(two, {10, 6}, {{60, 16}, {0, 0}}, {1, 0}, rules);
    REQUIRE(besides[0].visible);
    CHECK(besides[0].centre.x < 100);
}

TEST_CASE("labels on a large map of 600 actors: far fewer names on links, hardly fewer names, fast", "[geometry]") {
    using namespace knp::layout;
    // 600 actors on a 1600 x 1000 screen, each with two links to near neighbours (1200 links).
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> x(0, 1600), y(0, 1000);
    std::vector<Point> pos(600);
    for (Point& p : pos) p = {x(rng), y(rng)};
    std::vector<double> radius(pos.size(), 7);
    std::vector<LabelSize> size(pos.size(), LabelSize{70, 16});
    std::vector<double> priority(pos.size());
    for (std::size_t i = 0; i < pos.size(); ++i) priority[i] = static_cast<double>(i % 17);
    LabelRules plain;
    plain.gap = 2;
    LabelRules rules = plain;
    // Each actor linked to its two nearest: short links, as a force layout draws them.
    for (std::size_t i = 0; i < pos.size(); ++i) {
        std::vector<std::size_t> near(pos.size());
        std::iota(near.begin(), near.end(), std::size_t{0});
        const auto d = [&](std::size_t j) { return std::hypot(pos[j].x - pos[i].x, pos[j].y - pos[i].y); };
        std::partial_sort(near.begin(), near.begin() + 3, near.end(), [&](std::size_t a, std::size_t b) { return d(a) < d(b); });
        for (std::size_t k = 1; k <= 2; ++k) rules.links.push_back({pos[i].x, pos[i].y, pos[near[k]].x, pos[near[k]].y});
    }
    rules.neighbourMargin = 8;
    const auto count = [&](const std::vector<PlacedLabel>& placed, std::size_t& shown) {
        std::size_t crossed = 0;
        shown = 0;
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (!placed[i].visible) continue;
            ++shown;
            const Point c = placed[i].centre;
            for (const auto& l : rules.links)
                if (crosses(l, c.x - 35, c.y - 8, c.x + 35, c.y + 8)) { ++crossed; break; }
        }
        return crossed;
    };
    std::size_t shownBefore = 0, shownAfter = 0;
    const std::size_t before = count(placeLabels(pos, radius, size, priority, plain), shownBefore);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<PlacedLabel> placed = placeLabels(pos, radius, size, priority, rules);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const std::size_t after = count(placed, shownAfter);
    INFO("labels crossed by a link: " << before << " of " << shownBefore << " without, " << after << " of " << shownAfter
                                      << " with the links known; placed in " << ms << " ms");
    CHECK(after * 3 < before * 2);  // (146 -> 72 of about 430 names when written)
    CHECK(shownAfter * 10 >= shownBefore * 9);  // hardly fewer names
    CHECK(ms < 250);  // (about 3 ms in a release build; the sanitizers take many times that)
}
