// Edits: do/undo of single and compound commands, and random sequences checked against
// replaying them from scratch.
#include <catch2/catch.hpp>

#include "core/commands.hpp"
#include "core/json_codec.hpp"
#include "support/random_edits.hpp"

using namespace knp;
using knp::test::randomEdit;

//   jc ---- car ---- tafel        removing car removes both links in one step
TEST_CASE("removing an actor removes its links as one undoable step", "[edit]") {
    Document doc;
    for (auto [id, name] : {std::pair{"jc", "Jobcenter"}, {"car", "Caritas"}, {"tafel", "Tafel"}}) {
        Actor a; a.id = id; a.name = name;
        doc.execute(cmdAddActor(doc.network, a));
    }
    for (auto [s, t] : {std::pair{"jc", "car"}, {"car", "tafel"}}) {
        Link l; l.source = s; l.target = t;
        doc.execute(cmdAddLink(doc.network, l));
    }
    const Network before = doc.network;
    doc.execute(cmdRemoveActor(doc.network, "car"));
    CHECK(doc.network.actors().size() == 2);
    CHECK(doc.network.links().empty());
    CHECK(doc.undoDepth() == 6);
    REQUIRE(doc.undo());
    CHECK(doc.network == before);  // same records in the same order
    REQUIRE(doc.redo());
    CHECK(doc.network.links().empty());
}

TEST_CASE("edits survive a JSON round trip", "[edit]") {
    std::mt19937 rng(7);
    Document doc;
    for (int i = 0; i < 200; ++i) {
        const Edit e = randomEdit(doc.network, rng);
        const Edit back = editFromJson(toJson(e));
        Network viaOriginal = doc.network, viaJson = doc.network;
        applyEdit(viaOriginal, e);
        applyEdit(viaJson, back);
        REQUIRE(viaOriginal == viaJson);
        doc.execute(e);
    }
    CHECK(networkFromJson(toJson(doc.network)) == doc.network);
}

TEST_CASE("random command sequences: undo and redo match replay from scratch", "[edit]") {
    for (unsigned seed : {1u, 2u, 3u, 42u, 2026u}) {
        INFO("seed " << seed);
        std::mt19937 rng(seed);
        Document doc;
        std::vector<Network> states{doc.network};
        std::vector<Edit> edits;
        for (int i = 0; i < 300; ++i) {
            Edit e = randomEdit(doc.network, rng);
            if (e.empty()) continue;
            edits.push_back(e);
            doc.execute(std::move(e));
            states.push_back(doc.network);
        }
        // Replaying the edits on an empty network gives the same network.
        Network replay;
        for (const Edit& e : edits) applyEdit(replay, e);
        REQUIRE(replay == doc.network);
        // Random walks of undo and redo always land on a recorded state.
        std::size_t pos = edits.size();
        for (int step = 0; step < 600; ++step) {
            const bool undo = std::uniform_int_distribution<int>(0, 2)(rng) != 0;
            if (undo && doc.undo()) --pos;
            else if (!undo && doc.redo()) ++pos;
            REQUIRE(doc.network == states[pos]);
        }
        while (doc.undo()) --pos;
        CHECK(pos == 0);
        CHECK(doc.network == states.front());
        while (doc.redo()) ++pos;
        CHECK(doc.network == states.back());
        // A new edit after undo drops the redo side.
        doc.undo();
        doc.execute(cmdRename(doc.network, "Neu"));
        CHECK(doc.redoDepth() == 0);
    }
}

TEST_CASE("replacing the content turns any network into any other undoably", "[edit]") {
    for (unsigned seed = 10; seed < 20; ++seed) {
        INFO("seed " << seed);
        std::mt19937 rng(seed);
        Document doc;
        doc.network = test::randomNetwork(rng, 30, 60);
        // The target shares some records (edited copies) and has new ones.
        Document targetDoc;
        targetDoc.network = doc.network;
        for (int i = 0; i < 40; ++i) targetDoc.execute(randomEdit(targetDoc.network, rng));
        const Network before = doc.network;
        doc.execute(cmdReplaceContent(doc.network, targetDoc.network, "restore_snapshot", "test"));
        REQUIRE(doc.network == targetDoc.network);
        REQUIRE(doc.undo());
        REQUIRE(doc.network == before);
        // And to an unrelated network.
        const Network other = test::randomNetwork(rng, 10, 15);
        doc.execute(cmdReplaceContent(doc.network, other, "replace", "x"));
        REQUIRE(doc.network == other);
    }
}

TEST_CASE("merging completes existing actors and renames clashing link ids", "[edit]") {
    Document doc;
    Actor jc; jc.id = "jc"; jc.name = "Jobcenter";
    Actor car; car.id = "car"; car.name = "Caritas";
    doc.execute(cmdAddActor(doc.network, jc));
    doc.execute(cmdAddActor(doc.network, car));
    Link l; l.id = "l1"; l.source = "jc"; l.target = "car";
    doc.execute(cmdAddLink(doc.network, l));

    Network incoming;
    Actor jc2 = jc; jc2.sector = "arbeitsmarkt"; jc2.ord = 1;
    Actor neu; neu.id = "vhs"; neu.name = "VHS"; neu.ord = 2; neu.sector = incoming.taxonomy.addCustom(CategoryKind::Sector, "Sprachkurse");
    incoming.insertActor(jc2);
    incoming.insertActor(neu);
    Link l2; l2.id = "l1"; l2.source = "jc"; l2.target = "vhs"; l2.ord = 1;
    incoming.insertLink(l2);

    std::vector<std::string> warnings;
    doc.execute(cmdMerge(doc.network, incoming, &warnings));
    CHECK(doc.network.findActor("jc")->sector == "arbeitsmarkt");  // empty field completed
    CHECK(doc.network.findActor("vhs")->sector == "sprachkurse");  // category carried over
    CHECK(doc.network.links().size() == 2);
    CHECK(doc.network.links()[1].id != "l1");
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("link id \"l1\" is taken"));
    doc.undo();
    CHECK(doc.network.actors().size() == 2);
    CHECK(doc.network.taxonomy == Taxonomy::defaults());
}
