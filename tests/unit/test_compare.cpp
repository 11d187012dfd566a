// Comparison of two states: a scripted edit sequence with the differences worked out by hand,
// matching by name when ids differ, and a network compared with itself.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/compare.hpp"
#include "report/phrasing.hpp"
#include "core/commands.hpp"
#include "io/csv_import.hpp"

using namespace knp;
using namespace knp::analysis;

namespace {

Actor actor(const char* id, const std::string& name, const char* sector) {
    Actor a;
    a.id = id;
    a.name = name;
    a.sector = sector;
    return a;
}

Link link(const char* id, const char* s, const char* t, const char* type = "kooperation") {
    Link l;
    l.id = id;
    l.source = s;
    l.target = t;
    l.type = type;
    return l;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

double metric(const Comparison& c, const std::string& id, const std::string& name) {
    for (const MetricChange& m : c.metrics)
        if (m.id == id && m.metric == name) return m.delta();
    return 0;
}

}  // namespace

//   before ("Workshop 1"):                      after (six edits):
//     v1 -- v2 -- w1 -- m1     i1                 i1 -- v1 == v2' -- w1     w2   n1
//                 |                               (v1-v2 now strength 3, v2 renamed,
//                 w2                               w1-w2 gone, m1 gone with w1-m1, n1 new)
//   sectors: v Kommunalverwaltung, w Wohlfahrtsverbände, m/i Migrantenorganisationen, n Bildung
TEST_CASE("a scripted edit sequence gives the differences worked out by hand", "[compare]") {
    Document doc;
    doc.execute(cmdAddActor(doc.network, actor("v1", "Akteur v1", "verwaltung")));
    doc.execute(cmdAddActor(doc.network, actor("v2", "Akteur v2", "verwaltung")));
    doc.execute(cmdAddActor(doc.network, actor("w1", "Akteur w1", "wohlfahrt")));
    doc.execute(cmdAddActor(doc.network, actor("w2", "Akteur w2", "wohlfahrt")));
    doc.execute(cmdAddActor(doc.network, actor("m1", "Akteur m1", "migrantenorganisationen")));
    doc.execute(cmdAddActor(doc.network, actor("i1", "Akteur i1", "migrantenorganisationen")));
    doc.execute(cmdAddLink(doc.network, link("l1", "v1", "v2")));
    doc.execute(cmdAddLink(doc.network, link("l2", "v2", "w1")));
    doc.execute(cmdAddLink(doc.network, link("l3", "w1", "m1")));
    doc.execute(cmdAddLink(doc.network, link("l4", "w1", "w2")));
    REQUIRE(doc.network.taxonomy.byKey(CategoryKind::Sector, "wohlfahrt"));
    const Network before = doc.network;

    doc.execute(cmdAddLink(doc.network, link("l5", "i1", "v1")));
    doc.execute(cmdRemoveLink(doc.network, "l4"));
    Actor v2 = *doc.network.findActor("v2");
    v2.name = "Akteur v2 neu";
    doc.execute(cmdUpdateActor(doc.network, v2));
    Link l1 = *doc.network.findLink("l1");
    l1.strength = 3;
    doc.execute(cmdUpdateLink(doc.network, l1));
    doc.execute(cmdAddActor(doc.network, actor("n1", "Akteur n1", "bildung")));
    doc.execute(cmdRemoveActor(doc.network, "m1"));
    const Network& after = doc.network;

    CompareOptions o;
    o.beforeName = "Workshop 1";
    o.afterName = "heute";
    const Comparison c = compareNetworks(before, after, o);
    CHECK(c.actorsAdded == std::vector<std::string>{"n1"});
    CHECK(c.actorsRemoved == std::vector<std::string>{"m1"});
    REQUIRE(c.actorsChanged.size() == 1);
    CHECK(c.actorsChanged[0].id == "v2");  // renamed: matched by its id
    REQUIRE(c.actorsChanged[0].changes.size() == 1);
    CHECK(c.actorsChanged[0].changes[0].field == "name");
    CHECK(c.actorsChanged[0].changes[0].before == "Akteur v2");
    CHECK(c.actorsChanged[0].changes[0].after == "Akteur v2 neu");
    CHECK(c.linksAdded == std::vector<std::string>{"l5"});
    CHECK(sorted(c.linksRemoved) == std::vector<std::string>{"l3", "l4"});
    REQUIRE(c.linksChanged.size() == 1);
    CHECK(c.linksChanged[0].id == "l1");
    REQUIRE(c.linksChanged[0].changes.size() == 1);
    CHECK(c.linksChanged[0].changes[0].field == "strength");
    CHECK(c.linksChanged[0].changes[0].before == "1");
    CHECK(c.linksChanged[0].changes[0].after == "3");

    // Figures: 6 actors both times; 4 links, then 3; parts {v1 v2 w1 m1 w2} {i1}, then {i1 v1 v2 w1} {w2} {n1}.
    CHECK(c.figuresBefore.nodes == 6);
    CHECK(c.figuresAfter.nodes == 6);
    CHECK(c.figuresBefore.links == 4);
    CHECK(c.figuresAfter.links == 3);
    CHECK(c.figuresBefore.components == 2);
    CHECK(c.figuresAfter.components == 3);
    CHECK(c.isolatesBefore == 1);
    CHECK(c.isolatesAfter == 2);

    // Degree: v1 1 -> 2, w1 3 -> 1, v2 2 -> 2 (unchanged, so not listed); i1 0 -> 1.
    CHECK(metric(c, "v1", "degree") == Approx(1));
    CHECK(metric(c, "w1", "degree") == Approx(-2));
    CHECK(metric(c, "i1", "degree") == Approx(1));
    CHECK(metric(c, "v2", "degree") == 0);
    for (const MetricChange& m : c.metrics) CHECK((m.id != "v2" || m.metric != "degree"));

    // Gaps: the administration now reaches the migrant organisations (i1 - v1), i1 is linked,
    // w1 no longer cuts anyone off; the welfare organisations lost their only link to the
    // migrant organisations (w1 - m1), w2 is alone, n1 came without a link, and v1 now holds i1.
    const std::vector<std::string> closed = report::phraseGapChanges(c.gapsClosed, Lang::De);
    const std::vector<std::string> opened = report::phraseGapChanges(c.gapsOpened, Lang::De);
    const std::vector<std::string> findings = report::phraseComparison(c.findings, Lang::De);
    // The records behind the words.
    CHECK(c.gapsClosed[0].kind == "pair_linked");
    CHECK(c.gapsClosed[0].texts == std::vector<std::string>{"Kommunalverwaltung", "Migrantenorganisationen"});
    CHECK(c.findings[0].kind == "summary");
    CHECK(c.findings[0].numbers == std::vector<double>{1, 2, 1, 1, 2});
    CHECK(contains(closed, "Kommunalverwaltung und Migrantenorganisationen: nun miteinander verbunden"));
    CHECK(contains(closed, "\u201EAkteur i1\u201C: nun eingebunden"));
    CHECK(contains(closed, "\u201EAkteur w1\u201C: kein Schnittpunkt mehr (fällt er weg, bleibt das Netz verbunden)"));
    CHECK(c.gapsClosed.size() == 3);
    CHECK(contains(opened, "Migrantenorganisationen und Wohlfahrtsverbände: keine Verbindung mehr"));
    CHECK(contains(opened, "\u201EAkteur w2\u201C: keine Verbindung mehr"));
    CHECK(contains(opened, "\u201EAkteur n1\u201C: neu, noch ohne Verbindung"));
    CHECK(contains(opened, "\u201EAkteur v1\u201C: neuer Schnittpunkt (fällt er weg, ist 1 Akteur abgeschnitten)"));
    CHECK(c.gapsOpened.size() == 4);

    REQUIRE(!findings.empty());
    CHECK(findings[0] ==
          "Seit \u201EWorkshop 1\u201C ist 1 Verbindung hinzugekommen, 2 Verbindungen sind weggefallen, 1 Akteur ist neu dabei, "
          "1 Akteur ist nicht mehr dabei und 2 Einträge wurden geändert.");
    CHECK(contains(findings, "Kommunalverwaltung und Migrantenorganisationen sind nun miteinander verbunden."));
    CHECK(contains(findings, "Das Netz zerfällt nun in 3 Teilnetze (vorher 2)."));

    // English findings.
    o.lang = Lang::En;
    const Comparison e = compareNetworks(before, after, o);
    CHECK(report::phraseComparison(e.findings[0], Lang::En) == "Since \u201CWorkshop 1\u201D, 1 link was added, 2 links were dropped, 1 actor joined, 1 actor is no longer there and 2 entries were changed.");

    // The drawing: every actor of after, then m1 (gone) with its link to w1; l3 and l4 gone.
    const CompareScene s = compareScene(before, after, c);
    REQUIRE(s.network.actors().size() == 7);
    REQUIRE(s.network.links().size() == 5);
    CHECK(s.actor[*s.network.actorIndex("n1")] == Change::Added);
    CHECK(s.actor[*s.network.actorIndex("v2")] == Change::Changed);
    CHECK(s.actor[*s.network.actorIndex("w1")] == Change::Same);
    CHECK(s.actor[*s.network.actorIndex("m1")] == Change::Removed);
    CHECK(s.link[*s.network.linkIndex("l5")] == Change::Added);
    CHECK(s.link[*s.network.linkIndex("l1")] == Change::Changed);
    CHECK(s.link[*s.network.linkIndex("l3")] == Change::Removed);
    CHECK(s.link[*s.network.linkIndex("l4")] == Change::Removed);
    CHECK(s.network.findLink("l3")->target == "m1");
}

TEST_CASE("names match whatever the case, umlauts, dashes and spaces", "[compare]") {
    CHECK(normaliseName("Ausländerbehörde") == "auslaenderbehoerde");
    CHECK(normaliseName("AUSLÄNDERBEHÖRDE") == "auslaenderbehoerde");
    CHECK(normaliseName("Auslaenderbehoerde") == "auslaenderbehoerde");
    CHECK(normaliseName("  Ausländer-Behörde ") == "auslaenderbehoerde");
    CHECK(normaliseName("Ausla\u0308nderbeho\u0308rde") == "auslaenderbehoerde");  // decomposed umlauts (macOS)
    CHECK(normaliseName("Straße") == normaliseName("STRASSE"));
    CHECK(normaliseName("Paritätisches Sozialwerk \u2013 Migrationsberatung") == normaliseName("paritätisches  sozialwerk migrationsberatung"));
    CHECK(normaliseName("Caritas e.V.") == normaliseName("Caritas e. V."));
    CHECK(normaliseName("Café Über") == "cafeueber");
    CHECK(normaliseName("Caritas") != normaliseName("Diakonie"));

    // Two files of the same municipality with their own ids.
    Network a, b;
    a.insertActor(actor("a1", "Ausländerbehörde", "verwaltung"));
    a.insertActor(actor("a2", "Caritas Migrationsdienst", "wohlfahrt"));
    a.insertActor(actor("a3", "Jobcenter", "arbeitsmarkt"));
    a.insertLink(link("e1", "a1", "a2"));
    a.insertLink(link("e2", "a2", "a3"));
    Actor x = actor("x1", "AUSLÄNDERBEHÖRDE ", "verwaltung");
    x.ord = 1;
    b.insertActor(x);
    x = actor("x2", "caritas   migrationsdienst", "wohlfahrt");
    x.ord = 2;
    b.insertActor(x);
    x = actor("x3", "Jobcenter", "arbeitsmarkt");
    x.ord = 3;
    b.insertActor(x);
    b.insertLink(link("k1", "x2", "x1"));  // written the other way round: undirected, the same link
    Link k2 = link("k2", "x2", "x3", "verweisung");
    k2.ord = 2;
    b.insertLink(k2);
    const Comparison c = compareNetworks(a, b);
    CHECK(c.actorsAdded.empty());
    CHECK(c.actorsRemoved.empty());
    CHECK(c.matching.actorsByName == 3);
    // Names differ in their spelling only: that is a change of the name, shown as such.
    CHECK(c.actorsChanged.size() == 2);
    CHECK(c.linksAdded.empty());
    CHECK(c.linksRemoved.empty());
    REQUIRE(c.linksChanged.size() == 1);  // e2/k2: same ends, type changed
    CHECK(c.linksChanged[0].id == "k2");
    CHECK(c.linksChanged[0].beforeId == "e2");
    CHECK(c.linksChanged[0].changes[0].field == "type");
    CHECK(c.linksChanged[0].changes[0].before == "Kooperation");
    CHECK(c.linksChanged[0].changes[0].after == "Verweisung");

    // Ids that mean other actors in the other file: the names decide.
    Network p, q;
    p.insertActor(actor("a1", "Jobcenter", "arbeitsmarkt"));
    Actor y = actor("a2", "Caritas", "wohlfahrt");
    y.ord = 2;
    p.insertActor(y);
    q.insertActor(actor("a1", "Caritas", "wohlfahrt"));
    y = actor("a2", "Jobcenter", "arbeitsmarkt");
    y.ord = 2;
    q.insertActor(y);
    const Comparison swapped = compareNetworks(p, q);
    CHECK(swapped.empty());
    CHECK(swapped.matching.actorsByName == 2);
}

TEST_CASE("the sample compared with itself shows no difference", "[compare]") {
    const Network n = importCsvFolder(std::string(KNP_DATASETS) + "/musterstadt").network;
    REQUIRE(n.actors().size() > 60);
    const Comparison c = compareNetworks(n, n);
    CHECK(c.empty());
    CHECK(c.metrics.empty());
    CHECK(c.gapsClosed.empty());
    CHECK(c.gapsOpened.empty());
    CHECK(c.matching.actorsByName == 0);
    REQUIRE(c.findings.size() == 1);
    CHECK(report::phraseComparison(c.findings[0], Lang::De) == "Zwischen \u201Evorher\u201C und \u201Enachher\u201C hat sich nichts geändert.");
    CHECK(c.figuresBefore.links == c.figuresAfter.links);
    const CompareScene s = compareScene(n, n, c);
    CHECK(s.network.actors().size() == n.actors().size());
    CHECK(std::all_of(s.actor.begin(), s.actor.end(), [](Change x) { return x == Change::Same; }));
    CHECK(std::all_of(s.link.begin(), s.link.end(), [](Change x) { return x == Change::Same; }));
}
