// Cross-checks against naive references on seeded random networks: our parallel Brandes
// against Boost.Graph's brandes_betweenness_centrality and against a Floyd-Warshall count of
// shortest paths (also weighted); sampled betweenness within its stated error bound.
#include <catch2/catch.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "analysis/centrality.hpp"
#include "analysis/community.hpp"
#include "analysis/structure.hpp"
#include "core/commands.hpp"

using namespace knp;
using namespace knp::analysis;

namespace {

Network randomNetwork(unsigned seed, int n, int m, bool directed, bool weighted) {
    std::mt19937 rng(seed);
    Document doc;
    for (int i = 0; i < n; ++i) {
        Actor a;
        a.id = "a" + std::to_string(i);
        a.name = a.id;
        doc.execute(cmdAddActor(doc.network, a));
    }
    std::uniform_int_distribution<int> pick(0, n - 1);
    // Strengths 0.5, 1, 2, 4: distances 1/s are dyadic, so sums of them are exact and ties
    // between paths are real ties for both implementations.
    std::uniform_int_distribution<int> exponent(-1, 2);
    for (int e = 0; e < m; ++e) {
        Link l;
        l.source = "a" + std::to_string(pick(rng));
        do l.target = "a" + std::to_string(pick(rng)); while (l.target == l.source);
        l.directed = directed;
        l.strength = weighted ? std::ldexp(1.0, exponent(rng)) : 1;
        doc.execute(cmdAddLink(doc.network, l));
    }
    return doc.network;
}

// Naive betweenness: all-pairs distances and path counts (Floyd-Warshall), then for every
// ordered pair (s, t) and every v: sigma_sv * sigma_vt / sigma_st when d(s,v) + d(v,t) = d(s,t).
std::vector<double> naiveBetweenness(const GraphView& g, bool weighted) {
    const std::size_t n = g.n;
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> d(n * n, inf), sigma(n * n, 0);
    const Csr& a = g.forward();
    for (std::uint32_t u = 0; u < n; ++u) {
        d[u * n + u] = 0;
        sigma[u * n + u] = 1;
        const auto nb = a.neighbors(u);
        const auto wt = a.neighborWeights(u);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            d[u * n + nb[k]] = weighted ? 1.0 / wt[k] : 1.0;
            sigma[u * n + nb[k]] = 1;
        }
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                if (i == k || j == k || i == j) continue;
                const double via = d[i * n + k] + d[k * n + j];
                if (via < d[i * n + j] - 1e-12) { d[i * n + j] = via; sigma[i * n + j] = sigma[i * n + k] * sigma[k * n + j]; }
                else if (std::fabs(via - d[i * n + j]) <= 1e-12 && via < inf) sigma[i * n + j] += sigma[i * n + k] * sigma[k * n + j];
            }
    std::vector<double> b(n, 0);
    for (std::size_t s = 0; s < n; ++s)
        for (std::size_t t = 0; t < n; ++t) {
            if (s == t || d[s * n + t] == inf) continue;
            for (std::size_t v = 0; v < n; ++v)
                if (v != s && v != t && std::fabs(d[s * n + v] + d[v * n + t] - d[s * n + t]) <= 1e-12)
                    b[v] += sigma[s * n + v] * sigma[v * n + t] / sigma[s * n + t];
        }
    for (double& x : b) x /= static_cast<double>((n - 1) * (n - 2));
    return b;
}

}  // namespace

TEST_CASE("Floyd-Warshall path counting agrees with Brandes on random networks", "[analysis][reference]") {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        for (const bool directed : {false, true}) {
            for (const bool weighted : {false, true}) {
                INFO("seed " << seed << (directed ? " directed" : " undirected") << (weighted ? " weighted" : ""));
                const Network net = randomNetwork(seed, 30, 60, directed, weighted);
                const GraphView g = GraphView::build(net);
                BetweennessOptions o;
                o.weighted = weighted;
                const std::vector<double> fast = betweenness(g, o).values;
                const std::vector<double> naive = naiveBetweenness(g, weighted);
                for (std::size_t v = 0; v < g.n; ++v) CHECK(fast[v] == Approx(naive[v]).margin(1e-9));
            }
        }
    }
}

TEST_CASE("our Brandes agrees with Boost.Graph's on random undirected networks", "[analysis][reference]") {
    using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    for (unsigned seed = 10; seed < 15; ++seed) {
        INFO("seed " << seed);
        const Network net = randomNetwork(seed, 120, 300, false, false);
        const GraphView g = GraphView::build(net);
        BoostGraph bg(g.n);
        for (std::uint32_t u = 0; u < g.n; ++u)
            for (const std::uint32_t v : g.undirected.neighbors(u))
                if (u < v) boost::add_edge(u, v, bg);
        std::vector<double> centrality(g.n, 0);
        boost::brandes_betweenness_centrality(
            bg, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, bg))));
        // Boost counts each unordered pair once for undirected graphs: scale by 2/((n-1)(n-2)).
        const double scale = 2.0 / static_cast<double>((g.n - 1) * (g.n - 2));
        const std::vector<double> ours = betweenness(g).values;
        for (std::size_t v = 0; v < g.n; ++v) CHECK(ours[v] == Approx(centrality[v] * scale).margin(1e-9));
    }
}

TEST_CASE("sampled betweenness stays within its error bound", "[analysis][reference]") {
    const Network net = randomNetwork(21, 400, 1200, false, false);
    const GraphView g = GraphView::build(net);
    const std::vector<double> exact = betweenness(g).values;
    BetweennessOptions o;
    o.approximate = true;
    o.epsilon = 0.02;
    o.delta = 0.01;
    const BetweennessResult approx = betweenness(g, o);
    CHECK(approx.approximate);
    CHECK(approx.samples > 1000);
    double worst = 0;
    for (std::size_t v = 0; v < g.n; ++v) worst = std::max(worst, std::fabs(approx.values[v] - exact[v]));
    CHECK(worst <= approx.epsilon);
    // Deterministic for a seed, whatever the number of threads.
    CHECK(betweenness(g, o).values == approx.values);
}

// Newman's modularity written out from its definition, independent of the code under test:
// Q = 1/(2m) * sum over all ordered pairs (i, j) of [A_ij - k_i k_j / (2m)] * [c_i == c_j],
// with A the 0/1 adjacency matrix of the simple undirected network built here from the link
// list (parallel links and a->b plus b->a count once), k_i the row sums of A and m the number
// of 1s above the diagonal. `membership` is indexed like net.actors().
static double newmanModularity(const Network& net, const std::vector<std::uint32_t>& membership) {
    const std::size_t n = net.actors().size();
    std::vector<std::vector<int>> A(n, std::vector<int>(n, 0));
    for (const Link& l : net.links()) {
        const std::size_t i = *net.actorIndex(l.source);
        const std::size_t j = *net.actorIndex(l.target);
        if (i == j) continue;
        A[i][j] = 1;
        A[j][i] = 1;
    }
    std::vector<double> k(n, 0);
    double twoM = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            k[i] += A[i][j];
            twoM += A[i][j];
        }
    if (twoM == 0) return 0;
    double q = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (membership[i] == membership[j]) q += A[i][j] - k[i] * k[j] / twoM;
    return q / twoM;
}

TEST_CASE("the test's own modularity gives the textbook value for two triangles and a bridge", "[analysis][reference]") {
    // Triangles {0,1,2} and {3,4,5} joined by 2-3: m = 7, each side has 3 inner links and
    // degree sum 7, so Q = 2 * (3/7 - (7/14)^2) = 5/14.
    Document doc;
    for (int i = 0; i < 6; ++i) {
        Actor a;
        a.id = "a" + std::to_string(i);
        a.name = a.id;
        doc.execute(cmdAddActor(doc.network, a));
    }
    for (const auto& [s, t] : std::vector<std::pair<int, int>>{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}}) {
        Link l;
        l.source = "a" + std::to_string(s);
        l.target = "a" + std::to_string(t);
        doc.execute(cmdAddLink(doc.network, l));
    }
    CHECK(newmanModularity(doc.network, {1, 1, 1, 2, 2, 2}) == Approx(5.0 / 14.0).margin(1e-12));
    CHECK(newmanModularity(doc.network, {1, 1, 1, 1, 1, 1}) == Approx(0).margin(1e-12));
    const GraphView g = GraphView::build(doc.network);
    const Communities c = louvain(g);
    CHECK(c.count == 2);
    CHECK(c.modularity == Approx(5.0 / 14.0).margin(1e-12));
}

TEST_CASE("Louvain modularity matches a direct computation and beats a random split", "[analysis][reference]") {
    const Network net = randomNetwork(33, 200, 500, false, false);
    const GraphView g = GraphView::build(net);
    const Communities c = louvain(g);
    CHECK(c.count >= 2);
    REQUIRE(c.membership.size() == net.actors().size());
    // The value Louvain reports, checked against Newman's Q of the partition it returns,
    // computed here from the link list (not with the library's modularity()).
    const double reference = newmanModularity(net, c.membership);
    CHECK(c.modularity == Approx(reference).margin(1e-12));
    CHECK(modularity(g, c.membership) == Approx(reference).margin(1e-12));
    std::mt19937 rng(1);
    std::vector<std::uint32_t> random(g.n);
    for (auto& x : random) x = std::uniform_int_distribution<std::uint32_t>(1, c.count)(rng);
    CHECK(modularity(g, random) == Approx(newmanModularity(net, random)).margin(1e-12));
    CHECK(c.modularity > newmanModularity(net, random) + 0.1);
    // Communities are numbered from 1 by their first actor.
    CHECK(c.membership[0] == 1);
}
