#include "analysis/gaps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

#include "analysis/centrality.hpp"
#include "analysis/structure.hpp"
#include "core/i18n.hpp"

namespace knp::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint16_t kFar = std::numeric_limits<std::uint16_t>::max();

// [SECTION] Wording helpers
std::string fmt(std::string_view templ, const std::vector<std::string>& args) {
    std::string out;
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 2] == '}' && templ[i + 1] >= '0' && templ[i + 1] <= '9') {
            const auto k = static_cast<std::size_t>(templ[i + 1] - '0');
            if (k < args.size()) out += args[k];
            i += 2;
        } else {
            out += templ[i];
        }
    }
    return out;
}

std::string number(double value, int decimals, Lang lang) { return formatNumber(value, decimals, lang); }

// [SECTION] Shared structure
struct Context {
    const Network& net;
    const GraphView& g;
    Lang lang;
    std::vector<int> sectorOf;  // index into taxonomy.sectors, -1 without sector
    std::string actorName(std::uint32_t u) const { return net.actors()[u].name; }
    std::string sectorLabel(std::size_t s) const { return net.taxonomy.sectors[s].label(lang); }
    std::string fieldLabel(const std::string& key) const { return net.taxonomy.labelOf(CategoryKind::Field, key, lang); }
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

GapReport analyseGaps(const Network& net, const GraphView& g, const GapOptions& o) {
    GapReport r;
    Context ctx{net, g, o.lang, std::vector<int>(g.n, -1)};
    const auto& sectors = net.taxonomy.sectors;
    std::vector<std::size_t> sectorSize(sectors.size(), 0);
    for (std::uint32_t u = 0; u < g.n; ++u)
        for (std::size_t k = 0; k < sectors.size(); ++k)
            if (sectors[k].key == net.actors()[u].sector) { ctx.sectorOf[u] = static_cast<int>(k); ++sectorSize[k]; }

    // [SECTION] Sector x sector matrix and E-I index
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

    // [SECTION] Fields of action
    for (const Category& field : net.taxonomy.fields) {
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
        std::size_t contact = 0;
        for (const std::uint32_t u : fc.actors) contact += net.actors()[u].contactPoint ? 1 : 0;
        r.contactPoints[field.key] = contact;
        r.fields.push_back(std::move(fc));
    }

    // [SECTION] Isolates and single points of failure
    for (std::uint32_t u = 0; u < g.n; ++u)
        if (g.undirected.degree(u) == 0) r.isolates.push_back(u);
    std::uint32_t componentCount = 0;
    const std::vector<std::uint32_t> comp = components(g, &componentCount);
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

    // [SECTION] Parallel work
    for (const FieldCoverage& fc : r.fields) {
        if (fc.actors.size() > 3000) continue;  // quadratic; such fields are reported by count only
        for (std::size_t i = 0; i < fc.actors.size(); ++i)
            for (std::size_t j = i + 1; j < fc.actors.size(); ++j) {
                const std::uint32_t a = fc.actors[i], b = fc.actors[j];
                if (adjacent(g, a, b) || commonNeighbour(g, a, b)) continue;
                const Actor& A = net.actors()[a];
                const Actor& B = net.actors()[b];
                const double sim = jaccard(A.fields, B.fields) + jaccard(A.tags, B.tags) +
                                   ((!A.sector.empty() && A.sector == B.sector) ? 0.5 : 0.0);
                r.parallelWork.push_back({a, b, fc.field, sim});
            }
    }
    std::stable_sort(r.parallelWork.begin(), r.parallelWork.end(),
                     [](const ParallelPair& x, const ParallelPair& y) { return x.similarity > y.similarity; });

    // [SECTION] Brokerage
    r.brokerage = brokerage(net, g);
    const std::vector<double> bc = betweenness(g).values;

    // [SECTION] Suggested links
    if (g.n >= 3 && g.n <= o.suggestionLimit) {
        const std::size_t n = g.n;
        const std::vector<std::uint16_t> d = allPairs(g);
        const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
        std::vector<double> closenessRank(n, 0);
        for (std::uint32_t u = 0; u < n; ++u)
            for (std::uint32_t v = 0; v < n; ++v)
                if (u != v && d[u * n + v] != kFar) closenessRank[u] += 1.0 / d[u * n + v];
        std::vector<std::uint32_t> hubs(n);
        std::iota(hubs.begin(), hubs.end(), 0u);
        std::stable_sort(hubs.begin(), hubs.end(), [&](std::uint32_t a, std::uint32_t b) { return closenessRank[a] > closenessRank[b]; });
        std::map<std::pair<std::uint32_t, std::uint32_t>, SuggestedLink> best;
        // A pair found for several purposes keeps its best gain and names every purpose.
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::string>> purposes;
        auto consider = [&](std::uint32_t a, std::uint32_t b, double gain, const std::string& kind, const std::string& reason) {
            if (a == b || adjacent(g, a, b)) return;
            const auto key = std::minmax(a, b);
            auto& texts = purposes[key];
            if (std::find(texts.begin(), texts.end(), reason) == texts.end()) texts.push_back(reason);
            auto it = best.find(key);
            if (it == best.end() || gain > it->second.gain) best[key] = SuggestedLink{key.first, key.second, gain, kind, reason};
        };
        // Partners for an actor: those sharing a field, else the best-connected actors.
        auto partners = [&](std::uint32_t a, const std::vector<bool>& allowed) {
            std::vector<std::uint32_t> out;
            for (const std::uint32_t h : hubs)
                if (allowed[h] && h != a && ctx.shareField(a, h)) out.push_back(h);
            if (out.empty())
                for (const std::uint32_t h : hubs)
                    if (allowed[h] && h != a && out.size() < 8) out.push_back(h);
            if (out.size() > 8) out.resize(8);
            return out;
        };
        // Largest component: the "rest of the network".
        std::vector<std::size_t> compSize(componentCount, 0);
        for (const std::uint32_t c : comp) ++compSize[c];
        const auto mainComp = static_cast<std::uint32_t>(std::max_element(compSize.begin(), compSize.end()) - compSize.begin());
        std::vector<bool> inMain(n);
        for (std::uint32_t u = 0; u < n; ++u) inMain[u] = comp[u] == mainComp;
        // a) Isolates and separate groups joined to the main part.
        for (std::uint32_t u = 0; u < n; ++u) {
            if (inMain[u]) continue;
            const bool isolate = g.undirected.degree(u) == 0;
            for (const std::uint32_t m : partners(u, inMain)) {
                const double gain = efficiencyGain(d, n, u, m) / pairs;
                const std::string reason = isolate ? fmt(tr(o.lang, "gaps.reason.isolate"), {ctx.actorName(u)})
                                                   : fmt(tr(o.lang, "gaps.reason.component"), {ctx.actorName(u)});
                consider(u, m, gain, isolate ? "isolate" : "component", reason);
            }
        }
        // b) Links around the largest single points of failure.
        for (std::size_t i = 0; i < r.singlePointsOfFailure.size() && i < 5; ++i) {
            const CutPoint& cp = r.singlePointsOfFailure[i];
            const std::vector<std::uint16_t> dv = allPairs(g, cp.actor);
            std::vector<bool> rest(n, false);
            for (std::uint32_t u = 0; u < n; ++u) rest[u] = comp[u] == comp[cp.actor] && u != cp.actor;
            for (const std::uint32_t c : cp.cutOff) rest[c] = false;
            std::vector<std::string> names;
            for (const std::uint32_t c : cp.cutOff) names.push_back(ctx.actorName(c));
            const std::string reason = fmt(tr(o.lang, "gaps.reason.reconnect"), {ctx.actorName(cp.actor), joinList(names, o.lang)});
            std::vector<std::uint32_t> from = cp.cutOff;
            std::stable_sort(from.begin(), from.end(), [&](std::uint32_t a, std::uint32_t b) { return g.undirected.degree(a) > g.undirected.degree(b); });
            if (from.size() > 5) from.resize(5);
            for (const std::uint32_t c : from)
                for (const std::uint32_t m : partners(c, rest))
                    consider(c, m, (efficiencyGain(d, n, c, m) + efficiencyGain(dv, n, c, m, cp.actor)) / pairs, "reconnect", reason);
        }
        // c) The first link between two sectors that have none.
        for (const SectorCell& cell : r.sectorMatrix) {
            if (cell.from == cell.to || cell.links > 0) continue;
            std::vector<std::uint32_t> inA, inB;
            for (std::uint32_t u = 0; u < n; ++u) {
                if (net.actors()[u].sector == cell.from && inMain[u]) inA.push_back(u);
                if (net.actors()[u].sector == cell.to && inMain[u]) inB.push_back(u);
            }
            const Category* A = net.taxonomy.byKey(CategoryKind::Sector, cell.from);
            const Category* B = net.taxonomy.byKey(CategoryKind::Sector, cell.to);
            const std::string reason = fmt(tr(o.lang, "gaps.reason.sectors"), {sectorName(A->label(o.lang), o.lang), sectorName(B->label(o.lang), o.lang)});
            std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates;
            for (const std::uint32_t a : inA)
                for (const std::uint32_t b : inB)
                    if (ctx.shareField(a, b)) candidates.emplace_back(a, b);
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
            for (const auto& [a, b] : candidates) consider(a, b, efficiencyGain(d, n, a, b) / pairs, "sectors", reason);
        }
        // d) Actors doing the same work without knowing each other (all their shared fields).
        for (std::size_t i = 0; i < r.parallelWork.size() && i < 20; ++i) {
            const ParallelPair& p = r.parallelWork[i];
            std::vector<std::string> fields;
            for (const ParallelPair& q : r.parallelWork)
                if (q.a == p.a && q.b == p.b) fields.push_back(quoted(ctx.fieldLabel(q.field), o.lang));
            const std::string reason = fields.size() == 1 ? fmt(tr(o.lang, "gaps.reason.parallel"), {fields[0]})
                                                          : fmt(tr(o.lang, "gaps.reason.parallel_many"), {joinList(fields, o.lang)});
            consider(p.a, p.b, efficiencyGain(d, n, p.a, p.b) / pairs, "parallel", reason);
        }
        // e) The most remote actors of the main part linked to a central one.
        std::vector<std::uint32_t> remote;
        for (auto it = hubs.rbegin(); it != hubs.rend() && remote.size() < 10; ++it)
            if (inMain[*it] && g.undirected.degree(*it) > 0) remote.push_back(*it);
        for (const std::uint32_t u : remote) {
            double sum = 0;
            std::size_t reach = 0;
            for (std::uint32_t v = 0; v < n; ++v)
                if (v != u && d[u * n + v] != kFar) { sum += d[u * n + v]; ++reach; }
            const std::string reason = fmt(tr(o.lang, "gaps.reason.distance"), {ctx.actorName(u), number(reach ? sum / static_cast<double>(reach) : 0, 1, o.lang)});
            for (const std::uint32_t m : partners(u, inMain)) consider(u, m, efficiencyGain(d, n, u, m) / pairs, "distance", reason);
        }
        for (auto& [key, link] : best) {
            // The primary purpose first, then the others.
            std::string all = link.reason;
            for (const std::string& text : purposes[key])
                if (text != link.reason) all += "; " + text;
            r.suggestedLinks.push_back(link);
            r.suggestedLinks.back().reason = all;
        }
        std::stable_sort(r.suggestedLinks.begin(), r.suggestedLinks.end(),
                         [](const SuggestedLink& a, const SuggestedLink& b) { return a.gain > b.gain; });
        // One suggestion per reason (the best partner), the strongest gains first.
        std::vector<SuggestedLink> chosen;
        std::set<std::string> reasons;
        for (const SuggestedLink& l : r.suggestedLinks)
            if (chosen.size() < o.maxSuggestions && reasons.insert(l.reason.substr(0, l.reason.find("; "))).second) chosen.push_back(l);
        r.suggestedLinks = std::move(chosen);
    }

    // [SECTION] Findings
    const Lang lang = o.lang;
    auto& F = r.findings;
    if (g.n >= 3) {
        std::vector<std::uint32_t> order(g.n);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return bc[a] > bc[b]; });
        if (bc[order[0]] > 0) {
            F.push_back(fmt(tr(lang, "gaps.finding.broker"), {ctx.actorName(order[0]), number(100 * bc[order[0]], 0, lang)}));
            if (g.n > 3 && bc[order[1]] > 0)
                F.push_back(fmt(tr(lang, "gaps.finding.broker2"), {ctx.actorName(order[1]), number(100 * bc[order[1]], 0, lang)}));
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
            std::string a = silent[i]->from, b = silent[i]->to;
            if (sizeOf(a) > sizeOf(b)) std::swap(a, b);  // the smaller group first: it is the one not reached
            F.push_back(fmt(tr(lang, "gaps.finding.no_link"), {sectorName(net.taxonomy.byKey(CategoryKind::Sector, a)->label(lang), lang),
                                                               sectorName(net.taxonomy.byKey(CategoryKind::Sector, b)->label(lang), lang)}));
        }
        if (silent.size() > 3) F.push_back(fmt(tr(lang, "gaps.finding.no_link_more"), {std::to_string(silent.size() - 3)}));
    }
    for (std::size_t k = 0; k < sectors.size(); ++k) {
        auto it = r.eiIndex.find(sectors[k].key);
        if (it != r.eiIndex.end() && sectorSize[k] >= 3 && !std::isnan(it->second) && it->second <= -0.3)
            F.push_back(fmt(tr(lang, "gaps.finding.inward"), {sectorName(ctx.sectorLabel(k), lang), number(it->second, 2, lang)}));
    }
    for (const CutPoint& cp : r.singlePointsOfFailure) {
        if (cp.cutOff.size() < 2) continue;
        std::vector<std::string> names;
        for (const std::uint32_t c : cp.cutOff) names.push_back(ctx.actorName(c));
        if (names.size() > 6) {
            const std::size_t more = names.size() - 5;
            names.resize(5);
            names.push_back(fmt(tr(lang, "gaps.more_actors"), {std::to_string(more)}));
        }
        F.push_back(fmt(tr(lang, "gaps.finding.cut"), {ctx.actorName(cp.actor), joinList(names, lang)}));
    }
    {
        std::size_t pendants = 0;
        for (std::uint32_t u = 0; u < g.n; ++u) pendants += g.undirected.degree(u) == 1 ? 1 : 0;
        if (pendants == 1) F.push_back(std::string(tr(lang, "gaps.finding.pendant")));
        else if (pendants > 1) F.push_back(fmt(tr(lang, "gaps.finding.pendants"), {std::to_string(pendants)}));
    }
    if (!r.isolates.empty()) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < r.isolates.size() && i < 5; ++i) names.push_back(ctx.actorName(r.isolates[i]));
        if (r.isolates.size() > 5) names.push_back(fmt(tr(lang, "gaps.more_actors"), {std::to_string(r.isolates.size() - 5)}));
        F.push_back(fmt(tr(lang, r.isolates.size() == 1 ? "gaps.finding.isolate" : "gaps.finding.isolates"), {joinList(names, lang)}));
    }
    for (const FieldCoverage& fc : r.fields) {
        const std::string label = quoted(ctx.fieldLabel(fc.field), lang);
        if (fc.status == "no_actor") F.push_back(fmt(tr(lang, "gaps.finding.field_empty"), {label}));
        else if (fc.status == "one_actor") F.push_back(fmt(tr(lang, "gaps.finding.field_one"), {label, ctx.actorName(fc.actors[0])}));
        else if (fc.status == "not_connected")
            F.push_back(fmt(tr(lang, "gaps.finding.field_split"), {label, std::to_string(fc.actors.size()), std::to_string(fc.parts)}));
        else if (fc.coordinator)
            F.push_back(fmt(tr(lang, "gaps.finding.field_coordinated"), {label, ctx.actorName(*fc.coordinator)}));
    }
    for (std::size_t i = 0; i < r.parallelWork.size() && i < 3; ++i) {
        const ParallelPair& p = r.parallelWork[i];
        F.push_back(fmt(tr(lang, "gaps.finding.parallel"), {ctx.actorName(p.a), ctx.actorName(p.b), quoted(ctx.fieldLabel(p.field), lang)}));
    }
    if (r.parallelWork.size() > 3) F.push_back(fmt(tr(lang, "gaps.finding.parallel_more"), {std::to_string(r.parallelWork.size() - 3)}));
    for (const FieldCoverage& fc : r.fields) {
        std::vector<std::string> names;
        for (const std::uint32_t u : fc.actors)
            if (net.actors()[u].contactPoint) names.push_back(ctx.actorName(u));
        if (names.size() >= 3)
            F.push_back(fmt(tr(lang, "gaps.finding.contact_points"), {quoted(ctx.fieldLabel(fc.field), lang), std::to_string(names.size()), joinList(names, lang)}));
    }
    for (std::size_t i = 0; i < r.suggestedLinks.size() && i < 3; ++i) {
        const SuggestedLink& l = r.suggestedLinks[i];
        F.push_back(fmt(tr(lang, "gaps.finding.suggestion"), {ctx.actorName(l.a), ctx.actorName(l.b), l.reason}));
    }
    return r;
}

std::string fieldStatusText(const std::string& status, Lang lang) {
    if (status == "no_actor") return tr(lang, "kein Akteur", "no actor");
    if (status == "one_actor") return tr(lang, "nur ein Akteur", "only one actor");
    if (status == "not_connected") return tr(lang, "nicht verbunden", "not connected");
    return tr(lang, "koordiniert", "coordinated");
}

}  // namespace knp::analysis
