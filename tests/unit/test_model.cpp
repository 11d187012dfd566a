// Model: taxonomy lookups and validation of actors and links.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/commands.hpp"
#include "core/errors.hpp"
#include "core/validation.hpp"

using namespace knp;

namespace {
Network twoActors() {
    Document doc;
    Actor a; a.id = "jc"; a.name = "Jobcenter"; a.sector = "arbeitsmarkt";
    Actor b; b.id = "car"; b.name = "Caritas"; b.sector = "wohlfahrt";
    doc.execute(cmdAddActor(doc.network, a));
    doc.execute(cmdAddActor(doc.network, b));
    return doc.network;
}
}  // namespace

TEST_CASE("default taxonomy has DOMAIN.md's categories in German and English", "[model]") {
    const Taxonomy t = Taxonomy::defaults();
    CHECK(t.sectors.size() == 11);
    CHECK(t.fields.size() == 7);
    CHECK(t.linkTypes.size() == 7);
    CHECK(t.statuses.size() == 3);
    CHECK(t.levels.size() == 4);
    const Category* w = t.find(CategoryKind::Sector, "Welfare organisations");
    REQUIRE(w);
    CHECK(w->labelDe == "Wohlfahrtsverbände");
    CHECK(t.find(CategoryKind::Sector, "  WOHLFAHRTSVERBÄNDE ") == w);  // case and umlaut case folded
    CHECK(t.find(CategoryKind::Field, "Bildung, Betreuung und Sprache")->key == "bildung");
    CHECK(t.find(CategoryKind::LinkType, "Referral")->labelDe == "Verweisung");
    CHECK(t.find(CategoryKind::Status, "wished")->key == "gewuenscht");
    CHECK(t.find(CategoryKind::Sector, "Sport") == nullptr);
    // Colours differ between sectors, so a map can tell them apart.
    for (std::size_t i = 0; i < t.sectors.size(); ++i)
        for (std::size_t j = i + 1; j < t.sectors.size(); ++j) CHECK(t.sectors[i].color != t.sectors[j].color);
}

TEST_CASE("custom categories get unique keys", "[model]") {
    Taxonomy t = Taxonomy::defaults();
    CHECK(slugify("Wohlfahrtsverbände & Co.") == "wohlfahrtsverbaende_co");
    CHECK(slugify("Straße") == "strasse");
    const std::string k = t.addCustom(CategoryKind::Sector, "Sport");
    CHECK(k == "sport");
    CHECK(t.addCustom(CategoryKind::Sector, "sport") == "sport");  // found again, not added twice
    CHECK(t.sectors.size() == 12);
}

TEST_CASE("actor validation names the actor and the problem", "[model]") {
    const Taxonomy t = Taxonomy::defaults();
    Actor a; a.id = "a1"; a.name = "Jobcenter";
    CHECK_NOTHROW(validateActor(a, t));
    Actor blank = a; blank.name = "  ";
    CHECK_THROWS_WITH(validateActor(blank, t), "actor \"a1\": name is empty");
    Actor noId = a; noId.id = "";
    CHECK_THROWS_AS(validateActor(noId, t), ValidationError);
    Actor influence = a; influence.influence = 6;
    CHECK_THROWS_WITH(validateActor(influence, t), Catch::Contains("influence 6 is outside 0-5"));
    Actor sector = a; sector.sector = "sport";
    CHECK_THROWS_WITH(validateActor(sector, t), Catch::Contains("unknown sector \"sport\""));
    Actor twice = a; twice.fields = {"arbeit", "arbeit"};
    CHECK_THROWS_WITH(validateActor(twice, t), Catch::Contains("listed twice"));
    Actor nan = a; nan.x = std::nan("");
    CHECK_THROWS_AS(validateActor(nan, t), ValidationError);
}

TEST_CASE("link validation: endpoints self-links and strengths", "[model]") {
    const Network n = twoActors();
    Link l; l.id = "l1"; l.source = "jc"; l.target = "car"; l.type = "kooperation";
    CHECK_NOTHROW(validateLink(l, n));
    Link self = l; self.target = "jc";
    CHECK_THROWS_WITH(validateLink(self, n), "link \"l1\": links actor \"jc\" to itself");
    Link unknown = l; unknown.target = "Jobcenter Krefld";
    CHECK_THROWS_WITH(validateLink(unknown, n), Catch::Contains("target \"Jobcenter Krefld\" is not an actor"));
    for (double bad : {0.0, -1.0, std::numeric_limits<double>::infinity(), std::nan("")}) {
        Link s = l; s.strength = bad;
        CHECK_THROWS_WITH(validateLink(s, n), Catch::Contains("is not a positive finite number"));
    }
    // The view offers 1-3, but imported weights (e.g. co-occurrence counts) may be any positive number.
    for (double good : {0.5, 1.0, 3.0, 31.0}) {
        Link s = l; s.strength = good;
        CHECK_NOTHROW(validateLink(s, n));
    }
    Link status = l; status.status = "";
    CHECK_THROWS_WITH(validateLink(status, n), Catch::Contains("status is missing"));
}

TEST_CASE("commands refuse duplicates and self-links when entered", "[model]") {
    const Network n = twoActors();
    Actor dup; dup.id = "jc"; dup.name = "Noch ein Jobcenter";
    CHECK_THROWS_WITH(cmdAddActor(n, dup), "actor id \"jc\" is already used by \"Jobcenter\"");
    Link self; self.source = "car"; self.target = "car";
    CHECK_THROWS_WITH(cmdAddLink(n, self), Catch::Contains("to itself"));
    Actor fresh; fresh.name = "Tafel";
    const Edit e = cmdAddActor(n, fresh);
    REQUIRE(e.ops.size() == 1);
    CHECK(std::get<InsertActor>(e.ops[0]).actor.id == "a3");  // a fresh id
    CHECK_THROWS_WITH(cmdRemoveActor(n, "nobody"), "actor \"nobody\" does not exist");
}

TEST_CASE("a failing edit changes nothing", "[model]") {
    Network n = twoActors();
    const Network before = n;
    Actor ok; ok.id = "x"; ok.name = "Tafel"; ok.ord = n.nextActorOrd();
    Link bad; bad.id = "l9"; bad.source = "x"; bad.target = "x"; bad.ord = 1;
    Edit edit{"test", "", {InsertActor{ok}, InsertLink{bad}}};
    CHECK_THROWS_AS(applyEdit(n, edit), ValidationError);
    CHECK(n == before);
}
