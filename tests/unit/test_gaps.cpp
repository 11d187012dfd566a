// Gap analyses on small hand-drawn networks, values worked out by hand in the comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "analysis/gaps.hpp"
#include "report/phrasing.hpp"
#include "core/commands.hpp"

using namespace knp;
using namespace knp::analysis;

namespace {

Document build(std::initializer_list<std::tuple<const char*, const char*, std::vector<std::string>, bool>> actors,
               std::initializer_list<std::tuple<const char*, const char*, bool>> links) {
    Document doc;
    for (const auto& [id, sector, fields, contact] : actors) {
        Actor a;
        a.id = id;
        a.name = std::string("Akteur ") + id;
        a.sector = sector;
        a.fields = fields;
        a.contactPoint = contact;
        doc.execute(cmdAddActor(doc.network, a));
    }
    for (const auto& [s, t, directed] : links) {
        Link l;
        l.source = s;
        l.target = t;
        l.directed = directed;
        doc.execute(cmdAddLink(doc.network, l));
    }
    return doc;
}

std::size_t index(const Network& n, const char* id) { return *n.actorIndex(id); }

}  // namespace

//   sectors: V = Kommunalverwaltung {v1, v2}, W = Wohlfahrtsverbände {w1, w2},
//            M = Migrantenorganisationen {m1, i1}
//
//   v1 ---- v2 ---- w1 ---- m1          i1 (isolated)
//                   |
//                   w2
//
//   fields: v1, w2: Arbeit (v1 a contact point); v2, w1: Koordination; m1: Wohnen
TEST_CASE("gaps on a hand-drawn network", "[gaps]") {
    Document doc = build({{"v1", "verwaltung", {"arbeit"}, true}, {"v2", "verwaltung", {"koordination"}, false},
                          {"w1", "wohlfahrt", {"koordination"}, false}, {"w2", "wohlfahrt", {"arbeit"}, false},
                          {"m1", "migrantenorganisationen", {"wohnen"}, false}, {"i1", "migrantenorganisationen", {}, false}},
                         {{"v1", "v2", false}, {"v2", "w1", false}, {"w1", "m1", false}, {"w1", "w2", false}});
    const Network& n = doc.network;
    const GraphView g = GraphView::build(n);
    const GapReport r = analyseGaps(n, g);

    // Sector matrix: each pair once, in taxonomy order (V, W, M).
    //   V-V 1 of 1 pair; V-W 1 of 4; V-M 0 of 4; W-W 1 of 1; W-M 1 of 4; M-M 0 of 1.
    REQUIRE(r.sectorMatrix.size() == 6);
    auto cell = [&](const char* a, const char* b) {
        for (const SectorCell& c : r.sectorMatrix)
            if (c.from == a && c.to == b) return c;
        FAIL("no cell " << a << "-" << b);
        return SectorCell{};
    };
    CHECK(cell("verwaltung", "verwaltung").links == 1);
    CHECK(cell("verwaltung", "verwaltung").density == 1.0);
    CHECK(cell("verwaltung", "wohlfahrt").density == 0.25);
    CHECK(cell("verwaltung", "migrantenorganisationen").links == 0);
    CHECK(cell("wohlfahrt", "migrantenorganisationen").density == 0.25);
    CHECK(cell("migrantenorganisationen", "migrantenorganisationen").density == 0.0);
    // E-I: V has E = 1 (v2-w1), I = 1 -> 0; W has E = 2, I = 1 -> 1/3; M has E = 1, I = 0 -> 1.
    CHECK(r.eiIndex.at("verwaltung") == Approx(0.0));
    CHECK(r.eiIndex.at("wohlfahrt") == Approx(1.0 / 3));
    CHECK(r.eiIndex.at("migrantenorganisationen") == Approx(1.0));

    // Single points of failure: without w1, {v1, v2} is the largest part; m1 and w2 are cut off.
    // Without v2, v1 is cut off. i1 was isolated before and is never counted.
    REQUIRE(r.singlePointsOfFailure.size() == 2);
    CHECK(r.singlePointsOfFailure[0].actor == index(n, "w1"));
    CHECK(r.singlePointsOfFailure[0].cutOff == std::vector<std::uint32_t>{3, 4});  // w2, m1
    CHECK(r.singlePointsOfFailure[1].actor == index(n, "v2"));
    CHECK(r.singlePointsOfFailure[1].cutOff == std::vector<std::uint32_t>{0});     // v1
    CHECK(r.isolates == std::vector<std::uint32_t>{5});

    // Brokerage of w1 (groups V, W, M): a-w1-c with a, c not linked:
    //   v2-w1-m1 liaison, m1-w1-v2 liaison, v2-w1-w2 gatekeeper, m1-w1-w2 gatekeeper,
    //   w2-w1-v2 representative, w2-w1-m1 representative.
    const BrokerageCounts& w1 = r.brokerage[index(n, "w1")];
    CHECK(w1.coordinator == 0);
    CHECK(w1.itinerant == 0);
    CHECK(w1.representative == 2);
    CHECK(w1.gatekeeper == 2);
    CHECK(w1.liaison == 2);
    // v2: v1-v2-w1 representative (V, V, W), w1-v2-v1 gatekeeper (W, V, V).
    const BrokerageCounts& v2 = r.brokerage[index(n, "v2")];
    CHECK(v2.representative == 1);
    CHECK(v2.gatekeeper == 1);
    CHECK(v2.total() == 2);
    CHECK(r.brokerage[index(n, "v1")].total() == 0);

    // Fields: Arbeit has v1 and w2, not linked -> not connected; Koordination v2-w1 -> coordinated;
    // Wohnen only m1; the other four have nobody.
    auto field = [&](const char* key) {
        for (const FieldCoverage& f : r.fields)
            if (f.field == key) return f;
        FAIL("no field " << key);
        return FieldCoverage{};
    };
    CHECK(field("arbeit").status == "not_connected");
    CHECK_FALSE(field("arbeit").coordinator.has_value());
    CHECK(field("koordination").status == "coordinated");
    CHECK(field("koordination").links == 1);
    CHECK(field("wohnen").status == "one_actor");
    CHECK(field("bildung").status == "no_actor");
    CHECK(r.uncoveredFields.size() == 6);
    CHECK(r.contactPoints.at("arbeit") == 1);
    CHECK(r.contactPoints.at("koordination") == 0);
    // Parallel work: v1 and w2 share Arbeit, are not linked and have no common partner.
    REQUIRE(r.parallelWork.size() == 1);
    CHECK(r.parallelWork[0].a == index(n, "v1"));
    CHECK(r.parallelWork[0].b == index(n, "w2"));
    CHECK(r.parallelWork[0].field == "arbeit");

    // Suggested: i1 joined to w1 gains 1 + 3 * 1/2 + 1/3 (new paths of length 1, 2, 2, 2, 3) over
    // 15 pairs = 0.18889; to v2 it would gain only 1 + 1/2 + 1/2 + 1/3 + 1/3.
    bool isolateSuggestion = false, sectorSuggestion = false;
    for (const SuggestedLink& l : r.suggestedLinks) {
        if (l.kind == "isolate") {
            isolateSuggestion = true;
            CHECK(l.a == index(n, "w1"));
            CHECK(l.b == index(n, "i1"));
            CHECK(l.gain == Approx((1 + 1.5 + 1.0 / 3) / 15));
            CHECK_THAT(report::phraseReasons(l.reasons, n, Lang::De), Catch::Contains("Akteur i1 ist bisher mit niemandem verbunden"));
        }
        if (report::phraseReasons(l.reasons, n, Lang::De).find("die erste Verbindung zwischen Kommunalverwaltung und Migrantenorganisationen") != std::string::npos)
            sectorSuggestion = true;
    }
    CHECK(isolateSuggestion);
    CHECK(sectorSuggestion);

    // Findings, in German by default.
    const std::vector<std::string> german = report::phrase(r.findings, n, Lang::De);
    auto has = [&](const std::string& sentence) {
        for (const std::string& f : german)
            if (f == sentence) return true;
        return false;
    };
    CHECK(has("Zwischen Kommunalverwaltung und Migrantenorganisationen gibt es keine einzige Verbindung."));
    CHECK(has("Fällt Akteur w1 weg, sind Akteur w2 und Akteur m1 vom übrigen Netz abgeschnitten."));
    CHECK(has("Akteur i1 ist mit niemandem verbunden."));
    CHECK(has("Im Handlungsfeld „Wohnen und Unterbringung“ ist nur Akteur m1 aktiv."));
    CHECK(has("Akteur v1 und Akteur w2 arbeiten beide im Handlungsfeld „Arbeit und Ausbildung“, haben aber weder eine Verbindung noch einen gemeinsamen Partner."));
    // And in English on switch: the same findings (data), worded again, nothing computed again.
    bool english = false;
    for (const std::string& f : report::phrase(r.findings, n, Lang::En))
        english = english || f == "There is not a single link between Municipal administration and Migrant organisations.";
    CHECK(english);
    // The record behind "Fällt Akteur w1 weg, …": a warning naming w1, then whom it cuts off.
    bool cut = false;
    for (const Finding& f : r.findings)
        if (f.kind == "cut") {
            cut = true;
            CHECK(f.severity == Severity::Warning);
            CHECK(std::vector<std::size_t>(f.actors.begin(), f.actors.end()) == std::vector<std::size_t>{index(n, "w1"), index(n, "w2"), index(n, "m1")});
        }
    CHECK(cut);
}

//   a -> b -> c -> a (directed cycle): every actor brokers one path whose ends are not linked in
//   that direction (a->c is missing although c->a exists), all in one group: coordinator 1 each.
TEST_CASE("brokerage follows the direction of links", "[gaps]") {
    Document doc = build({{"a", "bildung", {}, false}, {"b", "bildung", {}, false}, {"c", "bildung", {}, false}},
                         {{"a", "b", true}, {"b", "c", true}, {"c", "a", true}});
    const std::vector<BrokerageCounts> b = brokerage(doc.network, GraphView::build(doc.network));
    for (const BrokerageCounts& x : b) {
        CHECK(x.coordinator == 1);
        CHECK(x.total() == 1);
    }
    // Made undirected, every pair is linked: nobody brokers.
    Document und = build({{"a", "bildung", {}, false}, {"b", "bildung", {}, false}, {"c", "bildung", {}, false}},
                         {{"a", "b", false}, {"b", "c", false}, {"c", "a", false}});
    for (const BrokerageCounts& x : brokerage(und.network, GraphView::build(und.network))) CHECK(x.total() == 0);
}

//   star: hub h with leaves l1..l4 (all Bildung). Without h, every leaf is alone: the largest
//   remaining part is the leaf with the lowest index (l1), so l2, l3, l4 are cut off.
TEST_CASE("cut-off actors of a star", "[gaps]") {
    Document doc = build({{"h", "bildung", {}, false}, {"l1", "bildung", {}, false}, {"l2", "bildung", {}, false},
                          {"l3", "bildung", {}, false}, {"l4", "bildung", {}, false}},
                         {{"h", "l1", false}, {"h", "l2", false}, {"h", "l3", false}, {"h", "l4", false}});
    const GapReport r = analyseGaps(doc.network, GraphView::build(doc.network));
    REQUIRE(r.singlePointsOfFailure.size() == 1);
    CHECK(r.singlePointsOfFailure[0].cutOff == std::vector<std::uint32_t>{2, 3, 4});
    CHECK(r.eiIndex.at("bildung") == Approx(-1.0));
}

//   a ---- b ---- c ---- d      b and c each lie on 2 of the 3 shortest paths between other
//                               actors (a-c, a-d; b-d, a-d): 2/3 = 67 % each, a tie.
TEST_CASE("two brokers with the same share are named together, not as first and second", "[gaps][phrasing]") {
    Document doc = build({{"a", "bildung", {}, false}, {"b", "bildung", {}, false}, {"c", "bildung", {}, false}, {"d", "bildung", {}, false}},
                         {{"a", "b", false}, {"b", "c", false}, {"c", "d", false}});
    const GapReport r = analyseGaps(doc.network, GraphView::build(doc.network));
    REQUIRE_FALSE(r.findings.empty());
    const std::vector<std::string> german = report::phrase(r.findings, doc.network, Lang::De);
    CHECK(std::count_if(r.findings.begin(), r.findings.end(), [](const Finding& f) { return f.kind == "broker_tie"; }) == 1);
    CHECK(std::none_of(r.findings.begin(), r.findings.end(), [](const Finding& f) { return f.kind == "broker" || f.kind == "broker2"; }));
    CHECK(std::find(german.begin(), german.end(),
                    "Akteur b und Akteur c sind die wichtigsten Brückenakteure: Über jeden der beiden laufen 67 % aller kürzesten Wege "
                    "zwischen anderen Akteuren.") != german.end());
}

//   A new network as captured in a first workshop: fields of action not entered yet.
//
//   v1 ---- w1 ---- m1          sectors: v1 Kommunalverwaltung, w1 Wohlfahrtsverbände,
//                               m1 Migrantenorganisationen; m1 also works in "Wohnen"
//
// The view's list: the gaps first (sector pairs without a link, the cut point w1, Wohnen with
// one actor, the six fields without actors folded into one line after them), the broker w1
// last (the one pair of other actors, v1-m1, runs through it: 100 %).
TEST_CASE("the view lists the gaps first and the empty fields in one line", "[gaps][phrasing]") {
    Document doc = build({{"v1", "verwaltung", {}, false}, {"w1", "wohlfahrt", {}, false}, {"m1", "migrantenorganisationen", {"wohnen"}, false}},
                         {{"v1", "w1", false}, {"w1", "m1", false}});
    const Network& n = doc.network;
    const GraphView g = GraphView::build(n);
    const GapReport r = analyseGaps(n, g);
    std::size_t emptyFindings = 0;
    for (const Finding& f : r.findings) emptyFindings += f.kind == "field_empty";
    REQUIRE(emptyFindings == 6);  // every field but Wohnen

    const std::vector<report::PanelFinding> lines = report::phraseForPanel(r.findings, n, Lang::De);
    // One line less for each empty field but the first.
    REQUIRE(lines.size() == r.findings.size() - 5);
    std::size_t folded = 0, single = 0;
    for (const report::PanelFinding& l : lines) {
        folded += l.text.rfind("In 6 Handlungsfeldern ist noch kein Akteur aktiv: „Bildung, Betreuung und Sprache“", 0) == 0;
        single += l.text.rfind("Im Handlungsfeld", 0) == 0 && l.text.find("kein Akteur aktiv") != std::string::npos;
    }
    CHECK(folded == 1);
    CHECK(single == 0);
    // Most severe first: no warning after a notice or an info, no notice after an info.
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i - 1].severity >= lines[i].severity);
    CHECK(lines.front().severity == Severity::Warning);
    CHECK(lines.back().text == "Akteur w1 ist der wichtigste Brückenakteur: Über diesen Akteur laufen 100 % aller kürzesten Wege zwischen anderen Akteuren.");
    // The folded line comes after the other gaps.
    std::size_t lastWarning = 0, foldedAt = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].severity == Severity::Warning) lastWarning = i;
        if (lines[i].text.rfind("In 6 Handlungsfeldern", 0) == 0) foldedAt = i;
    }
    CHECK(foldedAt == lastWarning);
    // In English alike.
    const std::vector<report::PanelFinding> english = report::phraseForPanel(r.findings, n, Lang::En);
    CHECK(english.size() == lines.size());
    CHECK(english[foldedAt].text.rfind("No actor works yet in 6 fields of action: “Education, childcare and language”", 0) == 0);
}

TEST_CASE("metrics and layouts have words in every language, unknown ones keep their name", "[phrasing]") {
    CHECK(report::metricLabel("degree", Lang::De) == "Verbindungen (Grad)");
    CHECK(report::metricLabel("betweenness", Lang::De) == "Brückenrolle (Betweenness)");
    CHECK(report::metricLabel("betweenness", Lang::En) == "Broker role (betweenness)");
    CHECK(report::layoutLabel("rings", Lang::De) == "Ringe nach Sektoren");
    CHECK(report::layoutLabel("sfdp", Lang::En) == "Force model for large networks");
    CHECK(report::metricLabel("my_attribute", Lang::De) == "my_attribute");
    CHECK(report::layoutLabel("nope", Lang::De) == "nope");
}
