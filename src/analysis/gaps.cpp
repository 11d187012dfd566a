#include "analysis/gaps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

#include "analysis/centrality.hpp"
#include "analysis/structure.hpp"

namespace knp::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint16_t kFar = std::numeric_limits<std::uint16_t>::max();

// [SECTION] Shared structure
struct Context {
    const Network& net;
    const GraphView& g;
    std::vector<int> sectorOf;  // index into taxonomy.sectors, -1 without sector
    bool hasField(std::uint32_t u, const std::string& field) const {
        const auto& f = net.actors()[u].fields;
        return std::find(f.begin(), f.end(), field) != f.end();
    }
    bool shareField(std::uint32_t u, std::uint32_t v) const {
        for (const std::string& f : net.actors()[u].fields)
            if (hasField(v, f)) return true;
        return false;
    }
};

bool adjacent(const GraphView& g, std::uint32_t u, std::uint32_t v) { return g.undirected.hasArc(u, v); }

bool commonNeighbour(const GraphView& g, std::uint32_t u, std::uint32_t v) {
    const auto a = g.undirected.neighbors(u);
    const auto b = g.undirected.neighbors(v);
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) return true;
        if (a[i] < b[j]) ++i; else ++j;
    }
    return false;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() && b.empty()) return 0;
    std::set<std::string> sa(a.begin(), a.end()), sb(b.begin(), b.end()), all = sa;
    all.insert(sb.begin(), sb.end());
    std::size_t common = 0;
    for (const std::string& x : sa) common += sb.count(x);
    return static_cast<double>(common) / static_cast<double>(all.size());
}

// Hop distances between all pairs of the undirected view, optionally without one actor.
std::vector<std::uint16_t> allPairs(const GraphView& g, std::int64_t without = -1) {
    const std::size_t n = g.n;
    std::vector<std::uint16_t> d(n * n, kFar);
    std::vector<std::uint32_t> queue(n);
    for (std::uint32_t s = 0; s < n; ++s) {
        if (static_cast<std::int64_t>(s) == without) continue;
        std::uint16_t* row = d.data() + static_cast<std::size_t>(s) * n;
        std::size_t head = 0, tail = 0;
        queue[tail++] = s;
        row[s] = 0;
        while (head < tail) {
            const std::uint32_t v = queue[head++];
            for (const std::uint32_t w : g.undirected.neighbors(v)) {
                if (static_cast<std::int64_t>(w) == without || row[w] != kFar) continue;
                row[w] = static_cast<std::uint16_t>(row[v] + 1);
                queue[tail++] = w;
            }
        }
    }
    return d;
}

// Gain in summed efficiency (1/d over unordered pairs) when x-y is added.
double efficiencyGain(const std::vector<std::uint16_t>& d, std::size_t n, std::uint32_t x, std::uint32_t y,
                      std::int64_t without = -1) {
    double gain = 0;
    const std::uint16_t* dx = d.data() + static_cast<std::size_t>(x) * n;
    const std::uint16_t* dy = d.data() + static_cast<std::size_t>(y) * n;
    for (std::size_t u = 0; u < n; ++u) {
        if (static_cast<std::int64_t>(u) == without) continue;
        const std::uint16_t* du = d.data() + u * n;
        const unsigned ux = du[x], uy = du[y];
        if (ux == kFar && uy == kFar) continue;
        for (std::size_t v = u + 1; v < n; ++v) {
            if (static_cast<std::int64_t>(v) == without) continue;
            const unsigned old = du[v];
            unsigned alt = kFar;
            if (ux != kFar && dy[v] != kFar) alt = ux + 1 + dy[v];
            if (uy != kFar && dx[v] != kFar) alt = std::min(alt, uy + 1 + dx[v]);
            if (alt < old) gain += 1.0 / alt - (old == kFar ? 0.0 : 1.0 / old);
        }
    }
    return gain;
}

// [SECTION] Findings
Finding finding(const char* kind, Severity severity, std::vector<std::uint32_t> actors = {}) {
    Finding f;
    f.kind = kind;
    f.severity = severity;
    f.actors = std::move(actors);
    return f;
}

Finding reason(const char* kind, std::vector<std::uint32_t> actors) { return finding(kind, Severity::Notice, std::move(actors)); }

// At most `limit` actors named; the rest counted in `more`.
void nameSome(Finding& f, const std::vector<std::uint32_t>& actors, std::size_t limit) {
    f.actors.insert(f.actors.end(), actors.begin(), actors.begin() + static_cast<std::ptrdiff_t>(std::min(limit, actors.size())));
    f.more = actors.size() > limit ? actors.size() - limit : 0;
}

// What stands out, most important first: the strongest brokers, sectors without a link and
// sectors among themselves, cut points, pendants and isolates, fields of action, parallel
// work, fields with many contact points, the best suggested links.
std::vector<Finding> gapFindings(const Network& net, const GraphView& g, const GapReport& r, const std::vector<double>& bc,
                                 const std::vector<Category>& sectors, const std::vector<std::size_t>& sectorSize) {
    std::vector<Finding> F;
    if (g.n >= 3) {
        std::vector<std::uint32_t> order(g.n);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return bc[a] > bc[b]; });
        // Two brokers with the same share in whole percent are a tie, not a ranking.
        const bool tie = g.n > 3 && bc[order[1]] > 0 && std::lround(100 * bc[order[0]]) == std::lround(100 * bc[order[1]]);
        if (tie) {
            Finding f = finding("broker_tie", Severity::Info, {order[0], order[1]});
            f.numbers = {100 * bc[order[0]]};
            F.push_back(f);
        } else if (bc[order[0]] > 0) {
            Finding f = finding("broker", Severity::Info, {order[0]});
            f.numbers = {100 * bc[order[0]]};
            F.push_back(f);
            if (g.n > 3 && bc[order[1]] > 0) {
                Finding second = finding("broker2", Severity::Info, {order[1]});
                second.numbers = {100 * bc[order[1]]};
                F.push_back(second);
            }
        }
    }
    {
        std::vector<const SectorCell*> silent;
        for (const SectorCell& c : r.sectorMatrix)
            if (c.from != c.to && c.links == 0) silent.push_back(&c);
        auto sizeOf = [&](const std::string& key) {
            for (std::size_t k = 0; k < sectors.size(); ++k)
                if (sectors[k].key == key) return sectorSize[k];
            return std::size_t{0};
        };
        std::stable_sort(silent.begin(), silent.end(), [&](const SectorCell* a, const SectorCell* b) {
            return sizeOf(a->from) * sizeOf(a->to) > sizeOf(b->from) * sizeOf(b->to);
        });
        for (std::size_t i = 0; i < silent.size() && i < 3; ++i) {
            Finding f = finding("no_link", Severity::Warning);
            f.sectors = {silent[i]->from, silent[i]->to};
            // The smaller group first: it is the one not reached.
            if (sizeOf(f.sectors[0]) > sizeOf(f.sectors[1])) std::swap(f.sectors[0], f.sectors[1]);
            F.push_back(f);
        }
        if (silent.size() > 3) {
            Finding f = finding("no_link_more", Severity::Warning);
            f.more = silent.size() - 3;
            F.push_back(f);
        }
    }
    for (std::size_t k = 0; k < sectors.size(); ++k) {
        auto it = r.eiIndex.find(sectors[k].key);
        if (it != r.eiIndex.end() && sectorSize[k] >= 3 && !std::isnan(it->second) && it->second <= -0.3) {
            Finding f = finding("inward", Severity::Notice);
            f.sectors = {sectors[k].key};
            f.numbers = {it->second};
            F.push_back(f);
        }
    }
    for (const CutPoint& cp : r.singlePointsOfFailure) {
        if (cp.cutOff.size() < 2) continue;
        Finding f = finding("cut", Severity::Warning, {cp.actor});
        nameSome(f, cp.cutOff, cp.cutOff.size() > 6 ? 5 : 6);
        F.push_back(f);
    }
    {
        std::size_t pendants = 0;
        for (std::uint32_t u = 0; u < g.n; ++u) pendants += g.undirected.degree(u) == 1 ? 1 : 0;
        if (pendants > 0) {
            Finding f = finding(pendants == 1 ? "pendant" : "pendants", Severity::Notice);
            f.numbers = {static_cast<double>(pendants)};
            F.push_back(f);
        }
    }
    if (!r.isolates.empty()) {
        Finding f = finding(r.isolates.size() == 1 ? "isolate" : "isolates", Severity::Warning);
        nameSome(f, r.isolates, 5);
        F.push_back(f);
    }
    for (const FieldCoverage& fc : r.fields) {
        Finding f;
        if (fc.status == "no_actor") {
            f = finding("field_empty", Severity::Warning);
        } else if (fc.status == "one_actor") {
            f = finding("field_one", Severity::Warning, {fc.actors[0]});
        } else if (fc.status == "not_connected") {
            f = finding("field_split", Severity::Warning);
            f.numbers = {static_cast<double>(fc.actors.size()), static_cast<double>(fc.parts)};
        } else if (fc.coordinator) {
            f = finding("field_coordinated", Severity::Info, {*fc.coordinator});
        } else {
            continue;
        }
        f.fields = {fc.field};
        F.push_back(f);
    }
    for (std::size_t i = 0; i < r.parallelWork.size() && i < 3; ++i) {
        Finding f = finding("parallel", Severity::Notice, {r.parallelWork[i].a, r.parallelWork[i].b});
        f.fields = {r.parallelWork[i].field};
        F.push_back(f);
    }
    if (r.parallelWork.size() > 3) {
        Finding f = finding("parallel_more", Severity::Notice);
        f.more = r.parallelWork.size() - 3;
        F.push_back(f);
    }
    for (const FieldCoverage& fc : r.fields) {
        Finding f = finding("contact_points", Severity::Notice);
        for (const std::uint32_t u : fc.actors)
            if (net.actors()[u].contactPoint) f.actors.push_back(u);
        f.fields = {fc.field};
        if (f.actors.size() >= 3) F.push_back(f);
    }
    for (std::size_t i = 0; i < r.suggestedLinks.size() && i < 3; ++i) {
        Finding f = finding("suggestion", Severity::Notice, {r.suggestedLinks[i].a, r.suggestedLinks[i].b});
        f.reasons = r.suggestedLinks[i].reasons;
        F.push_back(f);
    }
    return F;
}

// [SECTION] Sector x sector matrix and E-I index
// Links within and between sectors: the matrix of linked pairs and density, and each sector's E-I index.
void analyseSectors(GapReport& r, const Context& ctx, const std::vector<std::size_t>& sectorSize) {
    const GraphView& g = ctx.g;
    const auto& sectors = ctx.net.taxonomy.sectors;
    const std::size_t s = sectors.size();
    std::vector<std::size_t> pairLinks(s * s, 0);
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (const std::uint32_t v : g.undirected.neighbors(u)) {
            if (v <= u || ctx.sectorOf[u] < 0 || ctx.sectorOf[v] < 0) continue;
            auto a = static_cast<std::size_t>(ctx.sectorOf[u]), b = static_cast<std::size_t>(ctx.sectorOf[v]);
            if (a > b) std::swap(a, b);
            ++pairLinks[a * s + b];
        }
    for (std::size_t a = 0; a < s; ++a) {
        if (!sectorSize[a]) continue;
        std::size_t external = 0;
        for (std::size_t b = 0; b < s; ++b)
            if (b != a) external += pairLinks[std::min(a, b) * s + std::max(a, b)];
        const std::size_t internal = pairLinks[a * s + a];
        r.eiIndex[sectors[a].key] = (external + internal) ? (static_cast<double>(external) - static_cast<double>(internal)) /
                                                                static_cast<double>(external + internal)
                                                          : kNaN;
        for (std::size_t b = a; b < s; ++b) {
            if (!sectorSize[b]) continue;
            const double possible = a == b ? static_cast<double>(sectorSize[a]) * static_cast<double>(sectorSize[a] - 1) / 2
                                           : static_cast<double>(sectorSize[a]) * static_cast<double>(sectorSize[b]);
            const std::size_t links = pairLinks[a * s + b];
            r.sectorMatrix.push_back({sectors[a].key, sectors[b].key, links, possible > 0 ? static_cast<double>(links) / possible : kNaN});
        }
    }
}

// [SECTION] Fields of action
// Each field's actors, links, separate groups, status and coordinator; the fields not coordinated.
void analyseFields(GapReport& r, const Context& ctx) {
    const GraphView& g = ctx.g;
    for (const Category& field : ctx.net.taxonomy.fields) {
        FieldCoverage fc;
        fc.field = field.key;
        for (std::uint32_t u = 0; u < g.n; ++u)
            if (ctx.hasField(u, field.key)) fc.actors.push_back(u);
        if (fc.actors.empty()) fc.status = "no_actor";
        else if (fc.actors.size() == 1) fc.status = "one_actor";
        else {
            const GraphView sub = g.induced(fc.actors);
            fc.links = sub.linkCount;
            components(sub, &fc.parts);
            fc.status = fc.parts == 1 ? "coordinated" : "not_connected";
            if (fc.links > 0) {
                const std::vector<double> bc = betweenness(sub).values;
                std::uint32_t best = 0;
                for (std::uint32_t i = 1; i < sub.n; ++i)
                    if (bc[i] > bc[best] + 1e-12 || (std::fabs(bc[i] - bc[best]) <= 1e-12 && sub.undirected.degree(i) > sub.undirected.degree(best)))
                        best = i;
                fc.coordinator = fc.actors[best];
            }
        }
        if (fc.status != "coordinated") r.uncoveredFields.push_back(field.key);
        r.fields.push_back(std::move(fc));
    }
}

// [SECTION] Contact points
// How many of each field's actors are contact points.
void countContactPoints(GapReport& r, const Network& net) {
    for (const FieldCoverage& fc : r.fields) {
        std::size_t contact = 0;
        for (const std::uint32_t u : fc.actors) contact += net.actors()[u].contactPoint ? 1 : 0;
        r.contactPoints[fc.field] = contact;
    }
}

// [SECTION] Isolates and single points of failure
// Actors without any link.
void findIsolates(GapReport& r, const GraphView& g) {
    for (std::uint32_t u = 0; u < g.n; ++u)
        if (g.undirected.degree(u) == 0) r.isolates.push_back(u);
}

// Cut points and whom each cuts off from the largest remaining part, those cutting off most first.
void findCutPoints(GapReport& r, const GraphView& g) {
    const std::vector<bool> cut = articulationPoints(g);
    std::vector<std::int32_t> mark(g.n, -1);
    std::vector<std::uint32_t> queue(g.n);
    for (std::uint32_t v = 0; v < g.n; ++v) {
        if (!cut[v]) continue;
        // Parts of v's component without v.
        std::vector<std::vector<std::uint32_t>> parts;
        for (const std::uint32_t start : g.undirected.neighbors(v)) {
            if (mark[start] == static_cast<std::int32_t>(v)) continue;
            parts.emplace_back();
            std::size_t head = 0, tail = 0;
            queue[tail++] = start;
            mark[start] = static_cast<std::int32_t>(v);
            while (head < tail) {
                const std::uint32_t x = queue[head++];
                parts.back().push_back(x);
                for (const std::uint32_t y : g.undirected.neighbors(x))
                    if (y != v && mark[y] != static_cast<std::int32_t>(v)) { mark[y] = static_cast<std::int32_t>(v); queue[tail++] = y; }
            }
        }
        std::size_t largest = 0;
        for (std::size_t p = 1; p < parts.size(); ++p) {
            const auto minOf = [](const std::vector<std::uint32_t>& xs) { return *std::min_element(xs.begin(), xs.end()); };
            if (parts[p].size() > parts[largest].size() || (parts[p].size() == parts[largest].size() && minOf(parts[p]) < minOf(parts[largest])))
                largest = p;
        }
        CutPoint cp{v, {}};
        for (std::size_t p = 0; p < parts.size(); ++p)
            if (p != largest) cp.cutOff.insert(cp.cutOff.end(), parts[p].begin(), parts[p].end());
        std::sort(cp.cutOff.begin(), cp.cutOff.end());
        r.singlePointsOfFailure.push_back(std::move(cp));
    }
    std::stable_sort(r.singlePointsOfFailure.begin(), r.singlePointsOfFailure.end(),
                     [](const CutPoint& a, const CutPoint& b) { return a.cutOff.size() > b.cutOff.size(); });
}

// [SECTION] Parallel work
// Unlinked pairs in the same field without a common partner, the most alike first.
void findParallelWork(GapReport& r, const Context& ctx) {
    const GraphView& g = ctx.g;
    for (const FieldCoverage& fc : r.fields) {
        if (fc.actors.size() > 3000) continue;  // quadratic; such fields are reported by count only
        for (std::size_t i = 0; i < fc.actors.size(); ++i)
            for (std::size_t j = i + 1; j < fc.actors.size(); ++j) {
                const std::uint32_t a = fc.actors[i], b = fc.actors[j];
                if (adjacent(g, a, b) || commonNeighbour(g, a, b)) continue;
                const Actor& A = ctx.net.actors()[a];
                const Actor& B = ctx.net.actors()[b];
                const double sim = jaccard(A.fields, B.fields) + jaccard(A.tags, B.tags) +
                                   ((!A.sector.empty() && A.sector == B.sector) ? 0.5 : 0.0);
                r.parallelWork.push_back({a, b, fc.field, sim});
            }
    }
    std::stable_sort(r.parallelWork.begin(), r.parallelWork.end(),
                     [](const ParallelPair& x, const ParallelPair& y) { return x.similarity > y.similarity; });
}

// [SECTION] Suggested links
using ActorPair = std::pair<std::uint32_t, std::uint32_t>;

// What every purpose of the suggestions shares: hop distances, closeness ranks, the main part,
// and the pairs found so far with their best gain and all their purposes.
struct Suggestions {
    const Context& ctx;
    const GraphView& g;
    std::size_t n;
    std::vector<std::uint16_t> d;
    double pairs;
    std::vector<double> closenessRank;
    std::vector<std::uint32_t> hubs;  // by closeness, the best-connected first
    std::vector<std::uint32_t> comp;  // component per actor
    std::vector<bool> inMain;         // in the largest component: the "rest of the network"
    std::map<ActorPair, SuggestedLink> best;
    // A pair found for several purposes keeps its best gain and names every purpose.
    std::map<ActorPair, std::vector<Finding>> purposes;

    // Records a-b (unless linked already) for one purpose with its gain.
    void consider(std::uint32_t a, std::uint32_t b, double gain, const std::string& kind, const Finding& reason) {
        if (a == b || adjacent(g, a, b)) return;
        const auto key = std::minmax(a, b);
        auto& all = purposes[key];
        if (std::find(all.begin(), all.end(), reason) == all.end()) all.push_back(reason);
        auto it = best.find(key);
        if (it == best.end() || gain > it->second.gain) best[key] = SuggestedLink{key.first, key.second, gain, kind, {reason}};
    }
    // Partners for an actor: those sharing a field, else the best-connected actors.
    std::vector<std::uint32_t> partners(std::uint32_t a, const std::vector<bool>& allowed) const {
        std::vector<std::uint32_t> out;
        for (const std::uint32_t h : hubs)
            if (allowed[h] && h != a && ctx.shareField(a, h)) out.push_back(h);
        if (out.empty())
            for (const std::uint32_t h : hubs)
                if (allowed[h] && h != a && out.size() < 8) out.push_back(h);
        if (out.size() > 8) out.resize(8);
        return out;
    }
};

// Distances, closeness ranks, hubs and the main part for the suggestions.
Suggestions prepareSuggestions(const Context& ctx) {
    const GraphView& g = ctx.g;
    const std::size_t n = g.n;
    Suggestions s{ctx, g, n, allPairs(g), static_cast<double>(n) * static_cast<double>(n - 1) / 2, std::vector<double>(n, 0), {}, {}, {}, {}, {}};
    const std::vector<std::uint16_t>& d = s.d;
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t v = 0; v < n; ++v)
            if (u != v && d[u * n + v] != kFar) s.closenessRank[u] += 1.0 / d[u * n + v];
    s.hubs.resize(n);
    std::iota(s.hubs.begin(), s.hubs.end(), 0u);
    std::stable_sort(s.hubs.begin(), s.hubs.end(), [&](std::uint32_t a, std::uint32_t b) { return s.closenessRank[a] > s.closenessRank[b]; });
    // Largest component: the "rest of the network".
    std::uint32_t componentCount = 0;
    s.comp = components(g, &componentCount);
    std::vector<std::size_t> compSize(componentCount, 0);
    for (const std::uint32_t c : s.comp) ++compSize[c];
    const auto mainComp = static_cast<std::uint32_t>(std::max_element(compSize.begin(), compSize.end()) - compSize.begin());
    s.inMain.resize(n);
    for (std::uint32_t u = 0; u < n; ++u) s.inMain[u] = s.comp[u] == mainComp;
    return s;
}

// a) Isolates and separate groups joined to the main part.
void suggestJoiningParts(Suggestions& s) {
    const std::size_t n = s.n;
    for (std::uint32_t u = 0; u < n; ++u) {
        if (s.inMain[u]) continue;
        const bool isolate = s.g.undirected.degree(u) == 0;
        for (const std::uint32_t m : s.partners(u, s.inMain)) {
            const double gain = efficiencyGain(s.d, n, u, m) / s.pairs;
            s.consider(u, m, gain, isolate ? "isolate" : "component", reason(isolate ? "isolate" : "component", {u}));
        }
    }
}

// b) Links around the largest single points of failure.
void suggestAroundCutPoints(Suggestions& s, const GapReport& r) {
    const GraphView& g = s.g;
    const std::size_t n = s.n;
    for (std::size_t i = 0; i < r.singlePointsOfFailure.size() && i < 5; ++i) {
        const CutPoint& cp = r.singlePointsOfFailure[i];
        const std::vector<std::uint16_t> dv = allPairs(g, cp.actor);
        std::vector<bool> rest(n, false);
        for (std::uint32_t u = 0; u < n; ++u) rest[u] = s.comp[u] == s.comp[cp.actor] && u != cp.actor;
        for (const std::uint32_t c : cp.cutOff) rest[c] = false;
        Finding why = reason("reconnect", {cp.actor});
        why.actors.insert(why.actors.end(), cp.cutOff.begin(), cp.cutOff.end());
        std::vector<std::uint32_t> from = cp.cutOff;
        std::stable_sort(from.begin(), from.end(), [&](std::uint32_t a, std::uint32_t b) { return g.undirected.degree(a) > g.undirected.degree(b); });
        if (from.size() > 5) from.resize(5);
        for (const std::uint32_t c : from)
            for (const std::uint32_t m : s.partners(c, rest))
                s.consider(c, m, (efficiencyGain(s.d, n, c, m) + efficiencyGain(dv, n, c, m, cp.actor)) / s.pairs, "reconnect", why);
    }
}

// c) The first link between two sectors that have none.
void suggestBetweenSectors(Suggestions& s, const GapReport& r) {
    const std::size_t n = s.n;
    const std::vector<double>& closenessRank = s.closenessRank;
    for (const SectorCell& cell : r.sectorMatrix) {
        if (cell.from == cell.to || cell.links > 0) continue;
        std::vector<std::uint32_t> inA, inB;
        for (std::uint32_t u = 0; u < n; ++u) {
            if (s.ctx.net.actors()[u].sector == cell.from && s.inMain[u]) inA.push_back(u);
            if (s.ctx.net.actors()[u].sector == cell.to && s.inMain[u]) inB.push_back(u);
        }
        Finding why = reason("sectors", {});
        why.sectors = {cell.from, cell.to};
        std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates;
        for (const std::uint32_t a : inA)
            for (const std::uint32_t b : inB)
                if (s.ctx.shareField(a, b)) candidates.emplace_back(a, b);
        if (candidates.empty()) {
            auto top = [&](std::vector<std::uint32_t> v) {
                std::stable_sort(v.begin(), v.end(), [&](std::uint32_t x, std::uint32_t y) { return closenessRank[x] > closenessRank[y]; });
                if (v.size() > 3) v.resize(3);
                return v;
            };
            for (const std::uint32_t a : top(inA))
                for (const std::uint32_t b : top(inB)) candidates.emplace_back(a, b);
        }
        // The best-connected pairs first; a dozen is plenty to find the best one.
        std::stable_sort(candidates.begin(), candidates.end(), [&](const auto& x, const auto& y) {
            return closenessRank[x.first] + closenessRank[x.second] > closenessRank[y.first] + closenessRank[y.second];
        });
        if (candidates.size() > 12) candidates.resize(12);
        for (const auto& [a, b] : candidates) s.consider(a, b, efficiencyGain(s.d, n, a, b) / s.pairs, "sectors", why);
    }
}

// d) Actors doing the same work without knowing each other (all their shared fields).
void suggestForParallelWork(Suggestions& s, const GapReport& r) {
    for (std::size_t i = 0; i < r.parallelWork.size() && i < 20; ++i) {
        const ParallelPair& p = r.parallelWork[i];
        Finding why = reason("parallel", {});
        for (const ParallelPair& q : r.parallelWork)
            if (q.a == p.a && q.b == p.b) why.fields.push_back(q.field);
        s.consider(p.a, p.b, efficiencyGain(s.d, s.n, p.a, p.b) / s.pairs, "parallel", why);
    }
}

// e) The most remote actors of the main part linked to a central one.
void suggestForRemoteActors(Suggestions& s) {
    const std::size_t n = s.n;
    const std::vector<std::uint16_t>& d = s.d;
    std::vector<std::uint32_t> remote;
    for (auto it = s.hubs.rbegin(); it != s.hubs.rend() && remote.size() < 10; ++it)
        if (s.inMain[*it] && s.g.undirected.degree(*it) > 0) remote.push_back(*it);
    for (const std::uint32_t u : remote) {
        double sum = 0;
        std::size_t reach = 0;
        for (std::uint32_t v = 0; v < n; ++v)
            if (v != u && d[u * n + v] != kFar) { sum += d[u * n + v]; ++reach; }
        Finding why = reason("distance", {u});
        why.numbers = {reach ? sum / static_cast<double>(reach) : 0};
        for (const std::uint32_t m : s.partners(u, s.inMain)) s.consider(u, m, efficiencyGain(d, n, u, m) / s.pairs, "distance", why);
    }
}

// The pairs found, each with all its purposes, strongest gain first; one per primary purpose.
void chooseSuggestions(GapReport& r, Suggestions& s, const GapOptions& o) {
    for (auto& [key, link] : s.best) {
        // The primary purpose first, then the others.
        const Finding primary = link.reasons.front();
        r.suggestedLinks.push_back(link);
        for (const Finding& why : s.purposes[key])
            if (!(why == primary)) r.suggestedLinks.back().reasons.push_back(why);
    }
    std::stable_sort(r.suggestedLinks.begin(), r.suggestedLinks.end(),
                     [](const SuggestedLink& a, const SuggestedLink& b) { return a.gain > b.gain; });
    // One suggestion per reason (the best partner), the strongest gains first.
    std::vector<SuggestedLink> chosen;
    std::vector<Finding> primaries;
    for (const SuggestedLink& l : r.suggestedLinks)
        if (chosen.size() < o.maxSuggestions && std::find(primaries.begin(), primaries.end(), l.reasons.front()) == primaries.end()) {
            primaries.push_back(l.reasons.front());
            chosen.push_back(l);
        }
    r.suggestedLinks = std::move(chosen);
}

// New links for every purpose a)-e), on networks of 3 up to o.suggestionLimit actors.
void suggestLinks(GapReport& r, const Context& ctx, const GapOptions& o) {
    if (ctx.g.n < 3 || ctx.g.n > o.suggestionLimit) return;
    Suggestions s = prepareSuggestions(ctx);
    suggestJoiningParts(s);
    suggestAroundCutPoints(s, r);
    suggestBetweenSectors(s, r);
    suggestForParallelWork(s, r);
    suggestForRemoteActors(s);
    chooseSuggestions(r, s, o);
}

}  // namespace

// [SECTION] Brokerage
std::vector<BrokerageCounts> brokerage(const Network& network, const GraphView& g) {
    std::vector<int> group(g.n, -1);
    for (std::uint32_t u = 0; u < g.n; ++u) {
        const std::string& s = network.actors()[u].sector;
        for (std::size_t k = 0; k < network.taxonomy.sectors.size(); ++k)
            if (network.taxonomy.sectors[k].key == s) group[u] = static_cast<int>(k);
    }
    std::vector<BrokerageCounts> counts(g.n);
    for (std::uint32_t b = 0; b < g.n; ++b) {
        for (const std::uint32_t a : g.in.neighbors(b)) {
            for (const std::uint32_t c : g.out.neighbors(b)) {
                if (a == c || g.out.hasArc(a, c)) continue;
                const int ga = group[a], gb = group[b], gc = group[c];
                BrokerageCounts& r = counts[b];
                if (ga == gb && gb == gc) ++r.coordinator;
                else if (ga == gc) ++r.itinerant;
                else if (ga == gb) ++r.representative;
                else if (gb == gc) ++r.gatekeeper;
                else ++r.liaison;
            }
        }
    }
    return counts;
}

// Every gap analysis in turn, the findings last.
GapReport analyseGaps(const Network& net, const GraphView& g, const GapOptions& o) {
    GapReport r;
    Context ctx{net, g, std::vector<int>(g.n, -1)};
    const auto& sectors = net.taxonomy.sectors;
    std::vector<std::size_t> sectorSize(sectors.size(), 0);
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (std::size_t k = 0; k < sectors.size(); ++k)
            if (sectors[k].key == net.actors()[u].sector) { ctx.sectorOf[u] = static_cast<int>(k); ++sectorSize[k]; }

    analyseSectors(r, ctx, sectorSize);
    analyseFields(r, ctx);
    countContactPoints(r, net);
    findIsolates(r, g);
    findCutPoints(r, g);
    findParallelWork(r, ctx);

    // [SECTION] Brokerage
    r.brokerage = brokerage(net, g);
    const std::vector<double> bc = o.betweenness && o.betweenness->size() == g.n ? *o.betweenness : betweenness(g).values;

    suggestLinks(r, ctx, o);

    // [SECTION] Findings
    r.findings = gapFindings(net, g, r, bc, sectors, sectorSize);
    return r;
}


}  // namespace knp::analysis
