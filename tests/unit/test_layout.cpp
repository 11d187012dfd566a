// Layouts: properties, not coordinates. No two actors closer than their radii, pinned actors
// unmoved, same seed same result, every sector's actors inside its wedge, components apart,
// labels not over each other or over actors.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <sstream>

#include "analysis/structure.hpp"
#include "core/commands.hpp"
#include "io/csv_import.hpp"
#include "layout/force_layout.hpp"
#include "layout/graphviz_layout.hpp"
#include "layout/labels.hpp"
#include "layout/layout.hpp"
#include "layout/rings.hpp"
#include "support/random_edits.hpp"

using namespace knp;
using namespace knp::layout;

namespace {

const std::string kSample = std::string(KNP_DATASETS) + "/musterstadt";

Network sample() { return importCsvFolder(kSample).network; }

// No two circles closer than the sum of their radii (half a point of rounding allowed).
void checkNoOverlap(const Network& n, const std::vector<Point>& pos) {
    const std::vector<double> r = actorRadii(n);
    for (std::size_t i = 0; i < pos.size(); ++i) {
        REQUIRE(std::isfinite(pos[i].x));
        REQUIRE(std::isfinite(pos[i].y));
        for (std::size_t j = i + 1; j < pos.size(); ++j) {
            INFO(n.actors()[i].id << " and " << n.actors()[j].id);
            CHECK(std::hypot(pos[i].x - pos[j].x, pos[i].y - pos[j].y) + 0.5 >= r[i] + r[j]);
        }
    }
}

// A network of several components: random parts plus a few isolated actors.
Network severalComponents() {
    std::mt19937 rng(4);
    Document doc;
    for (int part = 0; part < 4; ++part)
        for (int i = 0; i < 15; ++i) {
            Actor a;
            a.id = "p" + std::to_string(part) + "_" + std::to_string(i);
            a.name = a.id;
            a.influence = i % 6;
            doc.execute(cmdAddActor(doc.network, a));
            if (i > 0) {
                Link l;
                l.source = a.id;
                l.target = "p" + std::to_string(part) + "_" + std::to_string(std::uniform_int_distribution<int>(0, i - 1)(rng));
                doc.execute(cmdAddLink(doc.network, l));
            }
        }
    for (int i = 0; i < 3; ++i) {
        Actor a;
        a.id = "iso" + std::to_string(i);
        a.name = a.id;
        doc.execute(cmdAddActor(doc.network, a));
    }
    return doc.network;
}

}  // namespace

TEST_CASE("force layout: no overlaps and the same seed gives the same result", "[layout]") {
    const Network n = sample();
    LayoutRequest r;
    r.seed = 42;
    const std::vector<Point> a = computeLayout(n, r);
    checkNoOverlap(n, a);
    const std::vector<Point> b = computeLayout(n, r);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].x == b[i].x);
        CHECK(a[i].y == b[i].y);
    }
    r.seed = 43;
    const std::vector<Point> c = computeLayout(n, r);
    double moved = 0;
    for (std::size_t i = 0; i < a.size(); ++i) moved += std::hypot(a[i].x - c[i].x, a[i].y - c[i].y);
    CHECK(moved > 100);  // another seed, another picture
    // Linked actors end up nearer to each other than unlinked ones, on average.
    double linked = 0, all = 0;
    for (const Link& l : n.links()) {
        const auto s = *n.actorIndex(l.source), t = *n.actorIndex(l.target);
        linked += std::hypot(a[s].x - a[t].x, a[s].y - a[t].y);
    }
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = i + 1; j < a.size(); ++j, ++pairs) all += std::hypot(a[i].x - a[j].x, a[i].y - a[j].y);
    CHECK(linked / static_cast<double>(n.links().size()) < 0.5 * all / static_cast<double>(pairs));
}

TEST_CASE("force layout: components are packed side by side without overlapping", "[layout]") {
    const Network n = severalComponents();
    const std::vector<Point> pos = computeLayout(n, LayoutRequest{});
    checkNoOverlap(n, pos);
    const GraphView g = GraphView::build(n);
    std::uint32_t count = 0;
    const std::vector<std::uint32_t> comp = components(g, &count);
    REQUIRE(count == 7);
    std::vector<std::vector<std::uint32_t>> members(count);
    for (std::uint32_t u = 0; u < g.n; ++u) members[comp[u]].push_back(u);
    const std::vector<double> r = actorRadii(n);
    std::vector<Bounds> boxes;
    for (const auto& m : members) boxes.push_back(bounds(pos, r, &m));
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            const bool apart = boxes[i].maxX <= boxes[j].minX || boxes[j].maxX <= boxes[i].minX || boxes[i].maxY <= boxes[j].minY ||
                               boxes[j].maxY <= boxes[i].minY;
            CHECK(apart);
        }
}

TEST_CASE("force layout: pinned actors do not move, new actors join near their partners", "[layout]") {
    Document doc;
    doc.network = sample();
    const std::vector<Point> first = computeLayout(doc.network, LayoutRequest{});
    doc.execute(cmdLayout(doc.network, first, "force"));
    // Pin three actors (the isolated club moved far to the right), add a new actor linked to
    // the Jobcenter.
    for (const char* id : {"wc", "afgh", "vhs"}) {
        Actor a = *doc.network.findActor(id);
        a.pinned = true;
        if (a.id == "afgh") a.x += 2000;
        doc.execute(cmdUpdateActor(doc.network, a));
    }
    Actor neu;
    neu.id = "neu";
    neu.name = "Neue Initiative";
    doc.execute(cmdAddActor(doc.network, neu));
    Link l;
    l.source = "neu";
    l.target = "jc";
    doc.execute(cmdAddLink(doc.network, l));
    LayoutRequest r;
    r.incremental = true;
    const std::vector<Point> next = computeLayout(doc.network, r);
    for (const char* id : {"wc", "afgh", "vhs"}) {
        const Actor& a = *doc.network.findActor(id);
        const Point& p = next[*doc.network.actorIndex(id)];
        CHECK(p.x == a.x);
        CHECK(p.y == a.y);
    }
    checkNoOverlap(doc.network, next);
    // Incremental: the picture stays recognisable (most actors move less than one link length),
    // and the newcomer lands near its partner.
    std::size_t calm = 0;
    for (std::size_t i = 0; i + 1 < next.size(); ++i)
        calm += std::hypot(next[i].x - first[i].x, next[i].y - first[i].y) < 180 ? 1 : 0;
    CHECK(calm > next.size() * 3 / 4);
    const Point& neuPos = next.back();
    const Point& jc = next[*doc.network.actorIndex("jc")];
    CHECK(std::hypot(neuPos.x - jc.x, neuPos.y - jc.y) < 400);
}

TEST_CASE("force layout can be cancelled", "[layout]") {
    const Network n = sample();
    const GraphView g = GraphView::build(n);
    std::atomic<bool> cancel{true};
    ForceOptions o;
    o.cancel = &cancel;
    bool cancelled = false;
    LayoutInput in{&g, actorRadii(n), std::vector<Point>(g.n), std::vector<bool>(g.n, false), std::vector<bool>(g.n, false)};
    forceLayout(in, o, &cancelled);
    CHECK(cancelled);
    double last = -1;
    bool monotonic = true;
    o.cancel = nullptr;
    o.progress = [&](double p) { monotonic = monotonic && p >= last - 1e-9; last = p; };
    forceLayout(in, o, &cancelled);
    CHECK_FALSE(cancelled);
    CHECK(monotonic);
    CHECK(last == 1.0);
}

TEST_CASE("sector rings: each sector in its wedge, influential actors inside", "[layout]") {
    const Network n = sample();
    const RingLayout rings = ringLayout(n);
    checkNoOverlap(n, rings.positions);
    REQUIRE(rings.wedges.size() == 11);
    double covered = 0;
    for (const Wedge& w : rings.wedges) {
        covered += w.endAngle - w.startAngle;
        for (const std::uint32_t a : w.actors) {
            INFO(n.actors()[a].id << " in wedge " << w.group);
            CHECK(n.actors()[a].sector == w.group);
            double angle = std::atan2(rings.positions[a].y, rings.positions[a].x);
            while (angle < w.startAngle) angle += 2 * std::numbers::pi;
            while (angle > w.endAngle) angle -= 2 * std::numbers::pi;
            CHECK(angle >= w.startAngle);
            CHECK(angle <= w.endAngle);
        }
        // Within a wedge, more influence never sits further out.
        for (const std::uint32_t a : w.actors)
            for (const std::uint32_t b : w.actors)
                if (n.actors()[a].influence > n.actors()[b].influence)
                    CHECK(std::hypot(rings.positions[a].x, rings.positions[a].y) <= std::hypot(rings.positions[b].x, rings.positions[b].y) + 1e-6);
    }
    CHECK(covered == Approx(2 * std::numbers::pi));
    // Grouped by field of action instead.
    RingOptions o;
    o.grouping = RingGrouping::Field;
    const RingLayout byField = ringLayout(n, o);
    checkNoOverlap(n, byField.positions);
    CHECK(byField.wedges.size() >= 7);
}

TEST_CASE("Graphviz engines lay out the sample and read positions back", "[layout][graphviz]") {
    const Network n = sample();
    for (const std::string& engine : graphvizEngines()) {
        INFO(engine);
        LayoutRequest r;
        r.engine = engine;
        const std::vector<Point> pos = computeLayout(n, r);
        REQUIRE(pos.size() == n.actors().size());
        double spread = 0;
        for (const Point& p : pos) {
            CHECK(std::isfinite(p.x));
            spread += std::fabs(p.x - pos[0].x) + std::fabs(p.y - pos[0].y);
        }
        CHECK(spread > 100);
    }
    LayoutRequest wrong;
    wrong.engine = "wirbel";
    CHECK_THROWS_WITH(computeLayout(n, wrong), Catch::Contains("unknown layout engine \"wirbel\""));
}

TEST_CASE("labels do not overlap each other or actors", "[layout][labels]") {
    const Network n = sample();
    const std::vector<Point> pos = computeLayout(n, LayoutRequest{});
    const std::vector<double> r = actorRadii(n);
    std::vector<LabelSize> size;
    std::vector<double> priority;
    for (const Actor& a : n.actors()) {
        size.push_back(estimateLabelSize(a.name, 10));
        priority.push_back(a.influence);
    }
    const std::vector<PlacedLabel> labels = placeLabels(pos, r, size, priority);
    std::size_t visible = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (!labels[i].visible) continue;
        ++visible;
        const double x0 = labels[i].centre.x - size[i].width / 2, x1 = labels[i].centre.x + size[i].width / 2;
        const double y0 = labels[i].centre.y - size[i].height / 2, y1 = labels[i].centre.y + size[i].height / 2;
        // Next to its own actor.
        CHECK(std::hypot(labels[i].centre.x - pos[i].x, labels[i].centre.y - pos[i].y) < r[i] + size[i].width + 10);
        for (std::size_t j = 0; j < labels.size(); ++j) {
            const double nx = std::clamp(pos[j].x, x0, x1), ny = std::clamp(pos[j].y, y0, y1);
            CHECK(std::hypot(pos[j].x - nx, pos[j].y - ny) + 1e-6 >= r[j]);
            if (j == i || !labels[j].visible) continue;
            const bool apart = x1 <= labels[j].centre.x - size[j].width / 2 || labels[j].centre.x + size[j].width / 2 <= x0 ||
                               y1 <= labels[j].centre.y - size[j].height / 2 || labels[j].centre.y + size[j].height / 2 <= y0;
            CHECK(apart);
        }
    }
    CHECK(visible >= n.actors().size() * 3 / 4);  // on the sample most names fit
    CHECK(estimateLabelSize("Bürgerbüro", 10).width == Approx(0.56 * 10 * 10 + 2));  // code points, not bytes
}

// [SECTION] Actors off links they are not part of; small live steps
namespace {

// Distance from p to the segment a-b.
double segmentDistance(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Actors whose disc, widened by `clearance` points, meets a straight link between two other
// actors (naive: every actor against every link). A facilitator reads such an actor as the
// link's middle man.
std::size_t actorsOnForeignLinks(const Network& n, const std::vector<Point>& pos, double clearance = 2) {
    const std::vector<double> r = actorRadii(n);
    std::size_t count = 0;
    for (std::size_t i = 0; i < pos.size(); ++i) {
        bool on = false;
        for (const Link& l : n.links()) {
            const std::size_t s = *n.actorIndex(l.source), t = *n.actorIndex(l.target);
            if (s == i || t == i) continue;
            on = on || segmentDistance(pos[i], pos[s], pos[t]) < r[i] + clearance;
        }
        count += on ? 1 : 0;
    }
    return count;
}

std::vector<Point> positionsOf(const Network& n) {
    std::vector<Point> p;
    for (const Actor& a : n.actors()) p.push_back({a.x, a.y});
    return p;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double medianLinkLength(const Network& n, const std::vector<Point>& pos) {
    std::vector<double> lengths;
    for (const Link& l : n.links()) {
        const Point &a = pos[*n.actorIndex(l.source)], &b = pos[*n.actorIndex(l.target)];
        lengths.push_back(std::hypot(a.x - b.x, a.y - b.y));
    }
    return median(lengths);
}

// What live steps did: per step the largest and the median move of the actors that were there
// before it, the actors left on foreign links, how far each newcomer ended from where it was put.
struct LiveFigures {
    std::vector<double> maxMove, medianMove;
    std::size_t onForeignLinks = 0;
    double newcomerDrift = 0;
};

// The live layout after an edit, as the view runs it (layouts.cpp), stored as the view does.
void liveStep(Document& doc, LiveFigures& f) {
    const std::vector<Point> before = positionsOf(doc.network);
    LayoutRequest r;
    r.incremental = true;
    const std::vector<Point> after = computeLayout(doc.network, r);
    std::vector<double> moves;
    for (std::size_t i = 0; i < after.size(); ++i) moves.push_back(std::hypot(after[i].x - before[i].x, after[i].y - before[i].y));
    f.maxMove.push_back(*std::max_element(moves.begin(), moves.end()));
    f.medianMove.push_back(median(moves));
    doc.execute(cmdLayout(doc.network, after, "force"));
    f.onForeignLinks += actorsOnForeignLinks(doc.network, after);
}

// Captures `rounds` actors as a facilitator does: N on the middle of a link between two others
// (where the newcomer landed), a live step, then L from the newcomer to another actor,
// a live step.
LiveFigures captureLive(Document& doc, std::mt19937& rng, int rounds) {
    LiveFigures f;
    for (int round = 0; round < rounds; ++round) {
        const Network& n = doc.network;
        const Link& crossed = n.links()[std::uniform_int_distribution<std::size_t>(0, n.links().size() - 1)(rng)];
        const std::vector<Point> at = positionsOf(n);
        const Point a = at[*n.actorIndex(crossed.source)], b = at[*n.actorIndex(crossed.target)];
        Actor neu;
        neu.id = "neu" + std::to_string(round);
        neu.name = "Neue Initiative " + std::to_string(round);
        neu.x = (a.x + b.x) / 2;
        neu.y = (a.y + b.y) / 2;
        neu.placed = true;
        doc.execute(cmdAddActor(doc.network, neu));
        liveStep(doc, f);
        Link l;
        l.source = neu.id;
        do l.target = doc.network.actors()[std::uniform_int_distribution<std::size_t>(0, doc.network.actors().size() - 1)(rng)].id;
        while (l.target == l.source);
        doc.execute(cmdAddLink(doc.network, l));
        liveStep(doc, f);
        const Actor& placedNeu = *doc.network.findActor(neu.id);
        f.newcomerDrift = std::max(f.newcomerDrift, std::hypot(placedNeu.x - neu.x, placedNeu.y - neu.y));
    }
    return f;
}

Network laidOut(Network n, std::uint64_t seed) {
    LayoutRequest r;
    r.seed = seed;
    Document doc;
    doc.network = std::move(n);
    doc.execute(cmdLayout(doc.network, computeLayout(doc.network, r), "force"));
    return doc.network;
}

}  // namespace

TEST_CASE("force layout: no actor lies on a link between two other actors", "[layout][foreign-links]") {
    const Network n = sample();
    std::size_t onLinks = 0;
    std::ostringstream figures;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        LayoutRequest r;
        r.seed = seed;
        const std::vector<Point> pos = computeLayout(n, r);
        const std::size_t here = actorsOnForeignLinks(n, pos);
        figures << "sample, seed " << seed << ": " << here << "; ";
        onLinks += here;
        checkNoOverlap(n, pos);
    }
    for (unsigned seed = 1; seed <= 10; ++seed) {
        std::mt19937 rng(seed);
        const Network random = test::randomNetwork(rng, 30 + static_cast<int>(seed) * 3, 40 + static_cast<int>(seed) * 5);
        const std::vector<Point> pos = computeLayout(random, LayoutRequest{});
        const std::size_t here = actorsOnForeignLinks(random, pos);
        figures << "random " << seed << ": " << here << "; ";
        onLinks += here;
        checkNoOverlap(random, pos);
    }
    WARN("actors on foreign links after a full force layout: " << figures.str());
    CHECK(onLinks == 0);
}

TEST_CASE("live layout: a new actor and a new link move the others little and put nobody on a foreign link", "[layout][live]") {
    std::vector<double> maxMoves, medianMoves, linkLengths;
    std::size_t onLinksSample = 0, onLinksRandom = 0;
    double drift = 0;
    auto run = [&](Network n, unsigned seed, std::size_t& onLinks) {
        Document doc;
        doc.network = laidOut(std::move(n), seed);
        linkLengths.push_back(medianLinkLength(doc.network, positionsOf(doc.network)));
        std::mt19937 rng(seed);
        const LiveFigures f = captureLive(doc, rng, 4);
        maxMoves.insert(maxMoves.end(), f.maxMove.begin(), f.maxMove.end());
        medianMoves.insert(medianMoves.end(), f.medianMove.begin(), f.medianMove.end());
        onLinks += f.onForeignLinks;
        drift = std::max(drift, f.newcomerDrift);
        checkNoOverlap(doc.network, positionsOf(doc.network));
    };
    run(sample(), 1, onLinksSample);
    for (unsigned seed = 1; seed <= 6; ++seed) {
        std::mt19937 rng(seed);
        run(test::randomNetwork(rng, 25 + static_cast<int>(seed) * 4, 35 + static_cast<int>(seed) * 5), seed, onLinksRandom);
    }
    const double linkLength = median(linkLengths);
    const double largest = *std::max_element(maxMoves.begin(), maxMoves.end());
    WARN("live steps: " << maxMoves.size() << ", median link length " << linkLength << "; largest move of an actor "
                        << largest << ", median of the steps' largest moves " << median(maxMoves) << ", median move "
                        << median(medianMoves) << "; actors on foreign links after the steps: sample " << onLinksSample
                        << ", random networks " << onLinksRandom << "; newcomer ended at most " << drift << " from where it was put");
    // Each step: nobody moves more than half a link; the newcomer stays near where it was put.
    CHECK(largest < 0.5 * linkLength);
    CHECK(drift < 0.5 * linkLength);
    CHECK(onLinksRandom == 0);
    // The sample's dense core (167 links among 67 actors, eight steps of which four add a long link
    // across it) leaves a few that small moves cannot free; the full layout frees them all.
    CHECK(onLinksSample <= 15);
}
