// Edit scripts (knp apply): each op of CONTRACT.md, labels in German and English, errors
// with the line.
#include <catch2/catch.hpp>

#include "core/commands.hpp"
#include "core/errors.hpp"
#include "io/edit_script.hpp"

using namespace knp;

namespace {
void run(Document& doc, const std::string& line) { doc.execute(editFromScriptLine(doc.network, line, "e.jsonl:1")); }
}  // namespace

TEST_CASE("every op of the edit script", "[script]") {
    Document doc;
    run(doc, R"({"op":"add_actor","id":"a1","name":"Jobcenter","sector":"Arbeitsmarkt","fields":["Arbeit und Ausbildung"]})");
    run(doc, R"({"op":"add_actor","id":"a2","name":"Caritas","sector":"Welfare organisations","contact_point":true})");
    const Actor* a1 = doc.network.findActor("a1");
    REQUIRE(a1);
    CHECK(a1->sector == "arbeitsmarkt");
    CHECK(a1->fields == std::vector<std::string>{"arbeit"});
    CHECK(doc.network.findActor("a2")->contactPoint);
    run(doc, R"({"op":"update_actor","id":"a1","set":{"influence":4,"note":"Neu: Außenstelle"}})");
    CHECK(doc.network.findActor("a1")->influence == 4);
    CHECK(doc.network.findActor("a1")->note == "Neu: Außenstelle");
    run(doc, R"({"op":"add_link","id":"l1","source":"a1","target":"a2","type":"Kooperation","strength":2,"directed":false})");
    CHECK(doc.network.findLink("l1")->type == "kooperation");
    run(doc, R"({"op":"update_link","id":"l1","set":{"status":"geplant"}})");
    CHECK(doc.network.findLink("l1")->status == "geplant");
    run(doc, R"({"op":"move","id":"a1","x":10.5,"y":-3})");
    CHECK(doc.network.findActor("a1")->x == 10.5);
    CHECK(doc.network.findActor("a1")->placed);
    run(doc, R"({"op":"remove_link","id":"l1"})");
    CHECK(doc.network.links().empty());
    run(doc, R"({"op":"add_link","id":"l2","source":"a1","target":"a2"})");
    run(doc, R"({"op":"remove_actor","id":"a1"})");
    CHECK(doc.network.actors().size() == 1);
    CHECK(doc.network.links().empty());  // removes its links too
}

TEST_CASE("bad script lines give clear errors", "[script]") {
    Document doc;
    run(doc, R"({"op":"add_actor","id":"a1","name":"Jobcenter"})");
    auto error = [&](const std::string& line) {
        try {
            editFromScriptLine(doc.network, line, "e.jsonl:7");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(error("{not json"), Catch::StartsWith("e.jsonl:7: not valid JSON"));
    // A number beyond a double's range (found by fuzzing; it escaped as a crash before).
    CHECK_THAT(error(R"({"op":"move","id":"a1","x":2e999999,"y":0})"), Catch::StartsWith("e.jsonl:7: not valid JSON") && Catch::Contains("number overflow"));
    CHECK(error(R"({"op":"fly"})") == "e.jsonl:7: unknown op \"fly\" (known: add_actor, update_actor, remove_actor, add_link, update_link, remove_link, move)");
    CHECK(error(R"({"op":"add_actor","id":"a1","name":"Doppelt"})") == "e.jsonl:7: actor id \"a1\" is already used by \"Jobcenter\"");
    CHECK(error(R"({"op":"add_actor","id":"a2","name":""})") == "e.jsonl:7: \"name\" must be a non-empty text");
    CHECK_THAT(error(R"({"op":"add_actor","id":"a2","name":"X","sector":"Sport"})"), Catch::Contains("unknown sector \"Sport\" (known: Kommunalverwaltung"));
    CHECK(error(R"({"op":"add_link","source":"a1","target":"a1"})") == "e.jsonl:7: link \"l1\": links actor \"a1\" to itself");
    CHECK_THAT(error(R"({"op":"add_link","source":"a1","target":"zz"})"), Catch::Contains("target \"zz\" is not an actor"));
    CHECK_THAT(error(R"({"op":"add_actor","name":"X","strength":0})"), Catch::Contains("unknown actor field \"strength\""));
    CHECK_THAT(error(R"({"op":"update_actor","id":"nobody","set":{}})"), Catch::Contains("actor \"nobody\" does not exist"));
    CHECK_THAT(error(R"({"op":"move","id":"a1","x":"links","y":0})"), Catch::Contains("must be numbers"));
    CHECK_THAT(error(R"({"op":"update_actor","id":"a1","set":{"influence":9}})"), Catch::Contains("from 0 to 5"));
    CHECK_THAT(error("[1,2]"), Catch::Contains("one JSON object"));
}
