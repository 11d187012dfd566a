#include "analysis/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "analysis/gaps.hpp"
#include "analysis/metrics.hpp"
#include "core/i18n.hpp"

namespace knp::analysis {

namespace {

// [SECTION] Names
// Appends the key form of one Latin-1 letter given as its second UTF-8 byte after 0xC3.
void appendLatin1(std::string& out, unsigned char second) {
    unsigned char c = second;
    if (c >= 0x80 && c <= 0x9E && c != 0x97) c = static_cast<unsigned char>(c + 0x20);  // upper -> lower (not ×)
    switch (c) {
    case 0xA4: out += "ae"; return;  // ä
    case 0xB6: out += "oe"; return;  // ö
    case 0xBC: out += "ue"; return;  // ü
    case 0x9F: out += "ss"; return;  // ß
    case 0xA6: out += "ae"; return;  // æ
    case 0xA7: out += 'c'; return;
    case 0xB1: out += 'n'; return;
    case 0xB8: out += 'o'; return;
    case 0xBD: case 0xBF: out += 'y'; return;
    default: break;
    }
    if (c >= 0xA0 && c <= 0xA5) out += 'a';
    else if (c >= 0xA8 && c <= 0xAB) out += 'e';
    else if (c >= 0xAC && c <= 0xAF) out += 'i';
    else if (c >= 0xB2 && c <= 0xB5) out += 'o';
    else if (c >= 0xB9 && c <= 0xBB) out += 'u';
    else {
        out += static_cast<char>(0xC3);
        out += static_cast<char>(c);
    }
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string labels(const Network& n, CategoryKind kind, const std::vector<std::string>& keys, Lang lang) {
    std::vector<std::string> out;
    for (const std::string& k : keys) out.push_back(n.taxonomy.labelOf(kind, k, lang));
    std::sort(out.begin(), out.end());
    return joined(out);
}

std::string sortedList(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    return joined(items);
}

std::string numberText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

void compareAttributes(const Attributes& b, const Attributes& a, std::vector<FieldChange>& out) {
    std::set<std::string> names;
    for (const auto& [k, v] : b) names.insert(k);
    for (const auto& [k, v] : a) names.insert(k);
    for (const std::string& k : names) {
        const auto ib = b.find(k), ia = a.find(k);
        const std::string vb = ib == b.end() ? "" : ib->second, va = ia == a.end() ? "" : ia->second;
        if (vb != va) out.push_back({"attr:" + k, vb, va});
    }
}

void add(std::vector<FieldChange>& out, const char* field, const std::string& b, const std::string& a) {
    if (b != a) out.push_back({field, b, a});
}

// Undirected links are the same whichever end is written first.
std::string endsKey(const std::string& s, const std::string& t, bool directed) {
    if (!directed && t < s) return t + '\x1f' + s + "\x1f-";
    return s + '\x1f' + t + (directed ? "\x1f>" : "\x1f-");
}

std::string linkLabel(const Network& n, const Link& l) {
    const Actor* s = n.findActor(l.source);
    const Actor* t = n.findActor(l.target);
    return (s ? s->name : l.source) + (l.directed ? " \u2192 " : " \u2013 ") + (t ? t->name : l.target);
}

}  // namespace

std::string normaliseName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
            continue;  // spaces, dashes, dots, quotes and other punctuation do not matter
        }
        const auto next = i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
        if (c == 0xC3 && next) {
            appendLatin1(out, next);
            ++i;
            continue;
        }
        if (c == 0xCC || (c == 0xCD && next <= 0xAF)) {  // combining marks U+0300-U+036F
            if (c == 0xCC && next == 0x88 && !out.empty() && (out.back() == 'a' || out.back() == 'o' || out.back() == 'u')) out += 'e';
            ++i;
            continue;
        }
        if (c == 0xE2 && next == 0x80 && i + 2 < name.size()) {  // dashes, quotes, spaces of U+2000-U+203F
            i += 2;
            continue;
        }
        if (c == 0xC2 && next) {  // no-break space, «», middle dot, ...
            ++i;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out.empty() ? std::string(name) : out;
}

std::vector<FieldChange> actorChanges(const Actor& b, const Network& nb, const Actor& a, const Network& na, Lang lang) {
    std::vector<FieldChange> out;
    add(out, "name", b.name, a.name);
    add(out, "short_name", b.shortName, a.shortName);
    add(out, "sector", nb.taxonomy.labelOf(CategoryKind::Sector, b.sector, lang), na.taxonomy.labelOf(CategoryKind::Sector, a.sector, lang));
    add(out, "fields", labels(nb, CategoryKind::Field, b.fields, lang), labels(na, CategoryKind::Field, a.fields, lang));
    add(out, "level", nb.taxonomy.labelOf(CategoryKind::Level, b.level, lang), na.taxonomy.labelOf(CategoryKind::Level, a.level, lang));
    add(out, "influence", std::to_string(b.influence), std::to_string(a.influence));
    add(out, "contact_point", b.contactPoint ? "1" : "0", a.contactPoint ? "1" : "0");
    add(out, "tags", sortedList(b.tags), sortedList(a.tags));
    add(out, "note", b.note, a.note);
    compareAttributes(b.attributes, a.attributes, out);
    return out;
}

std::vector<FieldChange> linkChanges(const Link& b, const Network& nb, const Link& a, const Network& na, Lang lang) {
    std::vector<FieldChange> out;
    add(out, "type", nb.taxonomy.labelOf(CategoryKind::LinkType, b.type, lang), na.taxonomy.labelOf(CategoryKind::LinkType, a.type, lang));
    add(out, "strength", numberText(b.strength), numberText(a.strength));
    add(out, "directed", b.directed ? "1" : "0", a.directed ? "1" : "0");
    add(out, "status", nb.taxonomy.labelOf(CategoryKind::Status, b.status, lang), na.taxonomy.labelOf(CategoryKind::Status, a.status, lang));
    add(out, "fields", labels(nb, CategoryKind::Field, b.fields, lang), labels(na, CategoryKind::Field, a.fields, lang));
    add(out, "note", b.note, a.note);
    compareAttributes(b.attributes, a.attributes, out);
    return out;
}

// [SECTION] Matching
Matching matchNetworks(const Network& before, const Network& after) {
    const auto& ba = before.actors();
    const auto& aa = after.actors();
    Matching m;
    m.actor.assign(ba.size(), std::nullopt);
    m.actorMatched.assign(aa.size(), 0);
    std::vector<std::string> keyB(ba.size()), keyA(aa.size());
    for (std::size_t i = 0; i < ba.size(); ++i) keyB[i] = normaliseName(ba[i].name);
    for (std::size_t i = 0; i < aa.size(); ++i) keyA[i] = normaliseName(aa[i].name);
    auto pair = [&](std::size_t b, std::size_t a) {
        m.actor[b] = static_cast<std::uint32_t>(a);
        m.actorMatched[a] = 1;
    };
    // 1. Same id and the same name.
    for (std::size_t i = 0; i < ba.size(); ++i)
        if (const auto j = after.actorIndex(ba[i].id); j && keyA[*j] == keyB[i]) pair(i, *j);
    // 2. The same name (in order when a name occurs more than once).
    std::unordered_map<std::string, std::vector<std::size_t>> byName;
    for (std::size_t j = aa.size(); j-- > 0;)
        if (!m.actorMatched[j]) byName[keyA[j]].push_back(j);
    for (std::size_t i = 0; i < ba.size(); ++i) {
        if (m.actor[i]) continue;
        auto it = byName.find(keyB[i]);
        if (it == byName.end() || it->second.empty()) continue;
        pair(i, it->second.back());
        it->second.pop_back();
        if (ba[i].id != aa[*m.actor[i]].id) ++m.actorsByName;
    }
    // 3. The same id, renamed.
    for (std::size_t i = 0; i < ba.size(); ++i)
        if (!m.actor[i])
            if (const auto j = after.actorIndex(ba[i].id); j && !m.actorMatched[*j]) pair(i, *j);

    // Links: ends as after ids (before links whose ends are gone cannot match).
    const auto& bl = before.links();
    const auto& al = after.links();
    m.link.assign(bl.size(), std::nullopt);
    m.linkMatched.assign(al.size(), 0);
    std::vector<std::optional<std::pair<std::string, std::string>>> ends(bl.size());
    for (std::size_t k = 0; k < bl.size(); ++k) {
        const auto s = before.actorIndex(bl[k].source), t = before.actorIndex(bl[k].target);
        if (s && t && m.actor[*s] && m.actor[*t]) ends[k] = std::make_pair(aa[*m.actor[*s]].id, aa[*m.actor[*t]].id);
    }
    auto sameEnds = [&](std::size_t k, const Link& l) {
        if (!ends[k]) return false;
        const auto& [s, t] = *ends[k];
        return (s == l.source && t == l.target) || (!l.directed && !bl[k].directed && s == l.target && t == l.source);
    };
    // 1. Same id, same ends.
    for (std::size_t k = 0; k < bl.size(); ++k)
        if (const auto j = after.linkIndex(bl[k].id); j && sameEnds(k, al[*j])) {
            m.link[k] = static_cast<std::uint32_t>(*j);
            m.linkMatched[*j] = 1;
        }
    // 2. Same ends and type, 3. same ends (the type changed).
    for (const bool withType : {true, false}) {
        std::unordered_map<std::string, std::vector<std::size_t>> byEnds;
        auto key = [&](const std::string& s, const std::string& t, bool directed, const std::string& type) {
            return endsKey(s, t, directed) + (withType ? "\x1f" + type : std::string());
        };
        for (std::size_t j = al.size(); j-- > 0;)
            if (!m.linkMatched[j]) byEnds[key(al[j].source, al[j].target, al[j].directed, after.taxonomy.labelOf(CategoryKind::LinkType, al[j].type, Lang::De))].push_back(j);
        for (std::size_t k = 0; k < bl.size(); ++k) {
            if (m.link[k] || !ends[k]) continue;
            auto it = byEnds.find(key(ends[k]->first, ends[k]->second, bl[k].directed, before.taxonomy.labelOf(CategoryKind::LinkType, bl[k].type, Lang::De)));
            if (it == byEnds.end() || it->second.empty()) continue;
            m.link[k] = static_cast<std::uint32_t>(it->second.back());
            m.linkMatched[it->second.back()] = 1;
            it->second.pop_back();
        }
    }
    return m;
}

namespace {

// [SECTION] Analyses of one state
struct StateAnalysis {
    GraphFigures figures;
    GapReport gaps;
    std::vector<double> betweenness, degree, brokerage;
};

StateAnalysis analyse(const Network& n) {
    const GraphView g = GraphView::build(n);
    StateAnalysis s;
    MetricsOptions mo;
    mo.names = {"degree", "betweenness"};
    const MetricsTable t = computeMetrics(g, mo);
    for (const MetricColumn& c : t.columns) (c.name == "degree" ? s.degree : s.betweenness) = c.values;
    // Sampled betweenness (over 50,000 actors) is good for ranking, not for the centralization.
    s.figures = graphFigures(g, false, t.betweennessInfo.approximate ? nullptr : &s.betweenness);
    GapOptions o;
    o.suggestionLimit = 0;
    s.gaps = analyseGaps(n, g, o);
    for (const BrokerageCounts& b : s.gaps.brokerage) s.brokerage.push_back(static_cast<double>(b.total()));
    return s;
}

Finding change(const char* kind, std::vector<std::string> texts, std::vector<double> numbers = {}) {
    Finding f;
    f.kind = kind;
    f.texts = std::move(texts);
    f.numbers = std::move(numbers);
    return f;
}

// [SECTION] Gaps closed and opened
// Sector pairs and fields by their labels in `lang` (two files with their own keys compare
// alike), cut points and isolates by actor; in the order the lists show them.
void gapChanges(const Network& before, const Network& after, const StateAnalysis& sb, const StateAnalysis& sa, Lang lang, Comparison& c) {
    const Matching& m = c.matching;
    const auto& ba = before.actors();
    const auto& aa = after.actors();
    auto sectorLabel = [&](const Network& n, const std::string& key) { return sectorName(n.taxonomy.labelOf(CategoryKind::Sector, key, lang), lang); };
    // Sector pairs by their labels: linked or not.
    auto pairs = [&](const Network& n, const GapReport& r) {
        std::map<std::pair<std::string, std::string>, bool> out;
        for (const SectorCell& cell : r.sectorMatrix) {
            if (cell.from == cell.to) continue;
            std::string x = sectorLabel(n, cell.from), y = sectorLabel(n, cell.to);
            if (y < x) std::swap(x, y);
            out[{x, y}] = cell.links > 0;
        }
        return out;
    };
    const auto pb = pairs(before, sb.gaps), pa = pairs(after, sa.gaps);
    for (const auto& [p, linked] : pb) c.unlinkedPairsBefore += !linked;
    for (const auto& [p, linked] : pa) c.unlinkedPairsAfter += !linked;
    for (const auto& [p, linked] : pa) {
        const auto it = pb.find(p);
        if (it == pb.end() || it->second == linked) continue;
        (linked ? c.gapsClosed : c.gapsOpened).push_back(change(linked ? "pair_linked" : "pair_unlinked", {p.first, p.second}));
    }
    // Fields of action by label.
    std::map<std::string, std::string> fb, fa;
    for (const FieldCoverage& f : sb.gaps.fields) fb[before.taxonomy.labelOf(CategoryKind::Field, f.field, lang)] = f.status;
    for (const FieldCoverage& f : sa.gaps.fields) fa[after.taxonomy.labelOf(CategoryKind::Field, f.field, lang)] = f.status;
    for (const auto& [label, status] : fa) {
        const auto it = fb.find(label);
        if (it == fb.end() || (it->second == "coordinated") == (status == "coordinated")) continue;
        if (status == "coordinated") c.gapsClosed.push_back(change("field_coordinated", {label}));
        else c.gapsOpened.push_back(change("field_lost", {label, status}));
    }
    // Single points of failure and isolates, by actor (before index -> after index).
    std::vector<char> cutB(ba.size(), 0), cutA(aa.size(), 0), isoB(ba.size(), 0), isoA(aa.size(), 0);
    std::vector<std::size_t> cutOffA(aa.size(), 0);
    for (const CutPoint& p : sb.gaps.singlePointsOfFailure) cutB[p.actor] = 1;
    for (const CutPoint& p : sa.gaps.singlePointsOfFailure) {
        cutA[p.actor] = 1;
        cutOffA[p.actor] = p.cutOff.size();
    }
    for (const std::uint32_t u : sb.gaps.isolates) isoB[u] = 1;
    for (const std::uint32_t u : sa.gaps.isolates) isoA[u] = 1;
    for (std::size_t i = 0; i < ba.size(); ++i) {
        if (!m.actor[i]) continue;
        const std::size_t j = *m.actor[i];
        if (cutB[i] && !cutA[j]) c.gapsClosed.push_back(change("cut_gone", {aa[j].name}));
        if (isoB[i] && !isoA[j]) c.gapsClosed.push_back(change("isolate_gone", {aa[j].name}));
    }
    std::vector<char> wasCut(aa.size(), 0), wasIso(aa.size(), 0), existed(aa.size(), 0);
    for (std::size_t i = 0; i < ba.size(); ++i)
        if (m.actor[i]) {
            wasCut[*m.actor[i]] = cutB[i];
            wasIso[*m.actor[i]] = isoB[i];
            existed[*m.actor[i]] = 1;
        }
    for (std::size_t j = 0; j < aa.size(); ++j) {
        if (cutA[j] && !wasCut[j]) c.gapsOpened.push_back(change("cut_new", {aa[j].name}, {static_cast<double>(cutOffA[j])}));
        if (isoA[j] && !wasIso[j]) c.gapsOpened.push_back(change(existed[j] ? "isolate_now" : "isolate_new", {aa[j].name}));
    }
}

// [SECTION] Findings
// The names of every gap change of the kinds given, in the list's order.
std::vector<std::string> textsOf(const std::vector<Finding>& changes, std::initializer_list<std::string_view> kinds) {
    std::vector<std::string> out;
    for (const Finding& f : changes)
        if (std::find(kinds.begin(), kinds.end(), f.kind) != kinds.end()) out.push_back(f.texts.front());
    return out;
}

std::vector<Finding> comparisonFindings(const Comparison& c) {
    std::vector<Finding> F;
    if (c.empty()) {
        F.push_back(change("nothing_changed", {c.beforeName, c.afterName}));
        return F;
    }
    F.push_back(change("summary", {c.beforeName},
                       {static_cast<double>(c.linksAdded.size()), static_cast<double>(c.linksRemoved.size()),
                        static_cast<double>(c.actorsAdded.size()), static_cast<double>(c.actorsRemoved.size()),
                        static_cast<double>(c.actorsChanged.size() + c.linksChanged.size())}));
    // Sector pairs: a sentence each, the first three.
    for (const auto& [list, kind, more] : {std::tuple{&c.gapsClosed, "pair_linked", "pairs_linked_more"},
                                           std::tuple{&c.gapsOpened, "pair_unlinked", "pairs_unlinked_more"}}) {
        std::size_t shown = 0, all = 0;
        for (const Finding& f : *list)
            if (f.kind == kind && all++ < 3) {
                F.push_back(change(kind, f.texts));
                ++shown;
            }
        if (all > shown) {
            Finding f = change(more, {});
            f.more = all - shown;
            F.push_back(f);
        }
    }
    // Fields, cut points and isolates: one sentence per kind, naming the first few.
    struct Group {
        const std::vector<Finding>* list;
        std::initializer_list<std::string_view> kinds;
        const char* finding;
        std::size_t limit;
    };
    for (const Group& g : {Group{&c.gapsClosed, {"field_coordinated"}, "fields_coordinated", 4}, Group{&c.gapsOpened, {"field_lost"}, "fields_lost", 4},
                           Group{&c.gapsClosed, {"cut_gone"}, "cuts_gone", 3}, Group{&c.gapsOpened, {"cut_new"}, "cuts_new", 3},
                           Group{&c.gapsClosed, {"isolate_gone"}, "isolates_gone", 3},
                           Group{&c.gapsOpened, {"isolate_now", "isolate_new"}, "isolates_new", 3}}) {
        const std::vector<std::string> names = textsOf(*g.list, g.kinds);
        if (names.empty()) continue;
        Finding f = change(g.finding, {});
        f.texts.assign(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(g.limit, names.size())));
        f.more = names.size() > g.limit ? names.size() - g.limit : 0;
        F.push_back(f);
    }
    // Density and components, when they moved.
    const GraphFigures& x = c.figuresBefore;
    const GraphFigures& y = c.figuresAfter;
    if (std::fabs(x.density - y.density) >= 0.0005) F.push_back(change(y.density > x.density ? "density_rose" : "density_fell", {}, {x.density, y.density}));
    if (x.components != y.components) {
        if (y.components == 1) F.push_back(change("connected", {}));
        else F.push_back(change("components", {}, {static_cast<double>(y.components), static_cast<double>(x.components)}));
    }
    // The largest riser and faller as a broker.
    const MetricChange* up = nullptr;
    const MetricChange* down = nullptr;
    for (const MetricChange& mc : c.metrics) {
        if (mc.metric != "betweenness" || std::fabs(mc.delta()) < 0.01) continue;
        if (mc.delta() > 0 && (!up || mc.delta() > up->delta())) up = &mc;
        if (mc.delta() < 0 && (!down || mc.delta() < down->delta())) down = &mc;
    }
    if (up) F.push_back(change("broker_up", {up->label}, {up->before, up->after}));
    if (down) F.push_back(change("broker_down", {down->label}, {down->before, down->after}));
    return F;
}

}  // namespace

// [SECTION] State summaries
StateSummary summarise(const Network& network) {
    const StateAnalysis a = analyse(network);
    StateSummary s;
    s.figures = a.figures;
    s.isolates = a.gaps.isolates.size();
    s.cutPoints = a.gaps.singlePointsOfFailure.size();
    s.uncoveredFields = a.gaps.uncoveredFields.size();
    for (const SectorCell& c : a.gaps.sectorMatrix) s.unlinkedSectorPairs += c.from != c.to && c.links == 0;
    s.parallelWork = a.gaps.parallelWork.size();
    return s;
}

// [SECTION] Comparison
Comparison compareNetworks(const Network& before, const Network& after, const CompareOptions& o) {
    const Lang lang = o.lang;
    Comparison c;
    c.beforeName = o.beforeName.empty() ? std::string(tr(lang, "compare.before_2")) : o.beforeName;
    c.afterName = o.afterName.empty() ? std::string(tr(lang, "compare.after_2")) : o.afterName;
    c.matching = matchNetworks(before, after);
    const Matching& m = c.matching;
    const auto& ba = before.actors();
    const auto& aa = after.actors();
    for (std::size_t j = 0; j < aa.size(); ++j)
        if (!m.actorMatched[j]) c.actorsAdded.push_back(aa[j].id);
    for (std::size_t i = 0; i < ba.size(); ++i) {
        if (!m.actor[i]) {
            c.actorsRemoved.push_back(ba[i].id);
            continue;
        }
        const Actor& a = aa[*m.actor[i]];
        std::vector<FieldChange> ch = actorChanges(ba[i], before, a, after, lang);
        if (!ch.empty()) c.actorsChanged.push_back({a.id, ba[i].id, a.name, std::move(ch)});
    }
    const auto& bl = before.links();
    const auto& al = after.links();
    for (std::size_t j = 0; j < al.size(); ++j)
        if (!m.linkMatched[j]) c.linksAdded.push_back(al[j].id);
    for (std::size_t k = 0; k < bl.size(); ++k) {
        if (!m.link[k]) {
            c.linksRemoved.push_back(bl[k].id);
            continue;
        }
        const Link& l = al[*m.link[k]];
        std::vector<FieldChange> ch = linkChanges(bl[k], before, l, after, lang);
        if (!ch.empty()) c.linksChanged.push_back({l.id, bl[k].id, linkLabel(after, l), std::move(ch)});
    }
    if (!o.analyses) return c;

    const StateAnalysis sb = analyse(before), sa = analyse(after);
    c.figuresBefore = sb.figures;
    c.figuresAfter = sa.figures;
    c.isolatesBefore = sb.gaps.isolates.size();
    c.isolatesAfter = sa.gaps.isolates.size();
    c.uncoveredBefore = sb.gaps.uncoveredFields.size();
    c.uncoveredAfter = sa.gaps.uncoveredFields.size();

    // Metric changes of actors in both states.
    for (const char* metric : {"betweenness", "degree", "brokerage"}) {
        const std::string name = metric;
        const auto& vb = name == "betweenness" ? sb.betweenness : name == "degree" ? sb.degree : sb.brokerage;
        const auto& va = name == "betweenness" ? sa.betweenness : name == "degree" ? sa.degree : sa.brokerage;
        std::vector<MetricChange> list;
        for (std::size_t i = 0; i < ba.size(); ++i) {
            if (!m.actor[i]) continue;
            const std::size_t j = *m.actor[i];
            const double b = vb[i], a = va[j];
            if (std::isnan(b) || std::isnan(a) || std::fabs(a - b) < 1e-12) continue;
            list.push_back({aa[j].id, aa[j].name, name, b, a});
        }
        std::stable_sort(list.begin(), list.end(), [](const MetricChange& x, const MetricChange& y) {
            return std::fabs(x.delta()) > std::fabs(y.delta());
        });
        c.metrics.insert(c.metrics.end(), list.begin(), list.end());
    }

    gapChanges(before, after, sb, sa, lang, c);
    c.findings = comparisonFindings(c);
    return c;
}

// [SECTION] Drawing the comparison
United unite(const Network& before, const Network& after, const Matching& m) {
    United u;
    u.network = after;
    u.actorOf.resize(before.actors().size());
    u.linkOf.resize(before.links().size());
    for (std::size_t i = 0; i < before.actors().size(); ++i) {
        if (m.actor[i]) {
            u.actorOf[i] = *m.actor[i];
            continue;
        }
        Actor a = before.actors()[i];
        if (u.network.findActor(a.id)) a.id = u.network.freshActorId(a.id + "~");
        a.ord = u.network.nextActorOrd();
        u.network.insertActor(std::move(a));
        u.actorOf[i] = u.network.actors().size() - 1;
    }
    for (std::size_t k = 0; k < before.links().size(); ++k) {
        if (m.link[k]) {
            u.linkOf[k] = *m.link[k];
            continue;
        }
        Link l = before.links()[k];
        if (u.network.findLink(l.id)) l.id = u.network.freshLinkId(l.id + "~");
        l.source = u.network.actors()[u.actorOf[*before.actorIndex(l.source)]].id;
        l.target = u.network.actors()[u.actorOf[*before.actorIndex(l.target)]].id;
        l.ord = u.network.nextLinkOrd();
        u.network.insertLink(std::move(l));
        u.linkOf[k] = u.network.links().size() - 1;
    }
    return u;
}

void placeBesidePartners(Network& network, std::size_t first) {
    double cx = 0, cy = 0;
    std::size_t placed = 0;
    for (const Actor& a : network.actors())
        if (a.placed) {
            cx += a.x;
            cy += a.y;
            ++placed;
        }
    if (placed) {
        cx /= static_cast<double>(placed);
        cy /= static_cast<double>(placed);
    }
    std::vector<Actor> moved;
    for (std::size_t i = first; i < network.actors().size(); ++i) {
        const Actor& a = network.actors()[i];
        if (a.placed) continue;
        double x = 0, y = 0;
        int partners = 0;
        for (const Link& l : network.links()) {
            const std::string& other = l.source == a.id ? l.target : (l.target == a.id ? l.source : a.id);
            const Actor* o = other == a.id ? nullptr : network.findActor(other);
            if (!o || !o->placed) continue;
            x += o->x;
            y += o->y;
            ++partners;
        }
        Actor b = a;
        // A little apart, so that two gone partners of one actor do not sit on each other.
        b.x = partners ? x / partners + 30.0 * static_cast<double>(i % 3) : cx;
        b.y = partners ? y / partners + 30.0 : cy;
        b.placed = true;
        moved.push_back(std::move(b));
    }
    for (const Actor& a : moved) network.replaceActor(a);
}

CompareScene compareScene(const Network& before, const Network& after, const Comparison& c) {
    CompareScene s;
    const Matching& m = c.matching;
    s.network = unite(before, after, m).network;
    // after's elements first (new unless matched), then those of before that are gone.
    s.actor.assign(after.actors().size(), Change::Same);
    s.link.assign(after.links().size(), Change::Same);
    for (std::size_t j = 0; j < after.actors().size(); ++j)
        if (!m.actorMatched[j]) s.actor[j] = Change::Added;
    for (std::size_t j = 0; j < after.links().size(); ++j)
        if (!m.linkMatched[j]) s.link[j] = Change::Added;
    for (const ElementChange& e : c.actorsChanged) s.actor[*after.actorIndex(e.id)] = Change::Changed;
    for (const ElementChange& e : c.linksChanged) s.link[*after.linkIndex(e.id)] = Change::Changed;
    s.actor.resize(s.network.actors().size(), Change::Removed);
    s.link.resize(s.network.links().size(), Change::Removed);
    return s;
}

}  // namespace knp::analysis
