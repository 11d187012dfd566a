// knp as a user runs it: exit codes, data on stdout, messages on stderr.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>
#include <filesystem>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using knp::test::readFile;
using knp::test::runProcess;
using knp::test::TempDir;
using knp::test::writeFile;
using nlohmann::json;

namespace {
const std::string kKnp = KNP_BINARY;
const std::string kSample = std::string(KNP_DATASETS) + "/musterstadt";
const std::string kData = KNP_TEST_DATA;

knp::test::ProcessResult runKnp(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), kKnp);
    return runProcess(args, input);
}
}  // namespace

TEST_CASE("knp --version and --help on every command", "[cli]") {
    auto v = runKnp({"--version"});
    CHECK(v.exitCode == 0);
    CHECK(v.out == "knp 0.1.0\n");
    CHECK(runKnp({"--help"}).exitCode == 0);
    for (const char* cmd : {"new", "import", "info", "apply", "undo", "redo", "history", "snapshot"}) {
        INFO(cmd);
        auto h = runKnp({cmd, "--help"});
        CHECK(h.exitCode == 0);
        CHECK_THAT(h.out, Catch::Contains("Usage"));
    }
}

TEST_CASE("usage errors exit with 2", "[cli]") {
    CHECK(runKnp({}).exitCode == 2);
    CHECK(runKnp({"fly"}).exitCode == 2);
    CHECK(runKnp({"import", "x"}).exitCode == 2);                  // -o missing
    CHECK(runKnp({"info", "x", "--format", "yaml"}).exitCode == 2);
    TempDir dir;
    runKnp({"new", dir.file("p.knp")});
    CHECK(runKnp({"snapshot", dir.file("p.knp")}).exitCode == 2);  // no action chosen
}

TEST_CASE("import the sample then info reports it as JSON", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("m.knp");
    auto imp = runKnp({"import", kSample, "-o", p});
    REQUIRE(imp.exitCode == 0);
    CHECK_THAT(imp.err, Catch::Contains("67 actors, 167 links"));
    auto info = runKnp({"info", p, "--format", "json"});
    REQUIRE(info.exitCode == 0);
    const json j = json::parse(info.out);
    CHECK(j["kind"] == "project");
    CHECK(j["schema_version"] == 2);  // 2: consent of contact persons
    CHECK(j["actors"] == 67);
    CHECK(j["links"] == 167);
    CHECK(j["sectors"]["Migrantenorganisationen"] == 7);
    CHECK(j["sectors"]["Kommunalverwaltung"] == 9);
    CHECK(j["fields"]["Koordination"] == 5);
    CHECK(j["link_types"]["Konflikt"] == 3);
    CHECK(j["statuses"]["gewünscht"] == 4);
    CHECK(j["contact_points"] == 10);
    CHECK(j["snapshots"].empty());
    CHECK(j["history"]["undo"] == 1);
    // English labels on switch; the folder itself reads the same.
    const json en = json::parse(runKnp({"--lang", "en", "info", kSample, "--format", "json"}).out);
    CHECK(en["sectors"]["Migrant organisations"] == 7);
    CHECK(en["kind"] == "csv-folder");
    auto text = runKnp({"info", p});
    CHECK_THAT(text.out, Catch::Contains("Akteure: 67") && Catch::Contains("Wohlfahrtsverbände: 6"));
}

TEST_CASE("a project exported as JSON and imported again keeps its snapshots", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("stadt.knp");
    REQUIRE(runKnp({"import", kSample, "-o", p}).exitCode == 0);
    REQUIRE(runKnp({"snapshot", p, "--take", "Workshop 1"}).exitCode == 0);
    REQUIRE(runKnp({"apply", p, "-"}, "{\"op\":\"remove_actor\",\"id\":\"abh\"}\n").exitCode == 0);
    const std::string exported = dir.file("stadt.json");
    auto ex = runKnp({"export", p, "-o", exported});
    REQUIRE(ex.exitCode == 0);
    CHECK_THAT(ex.err, Catch::Contains("1 snapshots written with the network"));
    const std::string back = dir.file("zurueck.knp");
    auto imp = runKnp({"import", exported, "-o", back});
    REQUIRE(imp.exitCode == 0);
    CHECK_THAT(imp.err, Catch::Contains("1 snapshots imported") && Catch::Contains("66 actors"));
    const json original = json::parse(runKnp({"info", p + "@Workshop 1", "--format", "json"}).out);
    const json again = json::parse(runKnp({"info", back + "@Workshop 1", "--format", "json"}).out);
    CHECK(again["actors"] == 67);
    CHECK(again["links"] == original["links"]);
    CHECK(again["sectors"] == original["sectors"]);
    const json listed = json::parse(runKnp({"info", back, "--format", "json"}).out);
    REQUIRE(listed["snapshots"].size() == 1);
    CHECK(listed["snapshots"][0]["created"] == json::parse(runKnp({"info", p, "--format", "json"}).out)["snapshots"][0]["created"]);
}

TEST_CASE("bad input exits with 3 names file and line and changes nothing", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("m.knp");
    REQUIRE(runKnp({"import", kSample, "-o", p}).exitCode == 0);
    const std::string before = readFile(p);
    auto bad = runKnp({"import", kData + "/bad/unknown_actor", "-o", p});
    CHECK(bad.exitCode == 3);
    CHECK_THAT(bad.err, Catch::Contains("links.csv:3: column \"target\" names actor \"Jobcenter Krefld\", which does not exist"));
    CHECK(readFile(p) == before);
    // A failed import into a new file leaves no file behind.
    CHECK(runKnp({"import", kData + "/bad/malformed.graphml", "-o", dir.file("neu.knp")}).exitCode == 3);
    CHECK_FALSE(std::filesystem::exists(dir.file("neu.knp")));
    auto missing = runKnp({"info", dir.file("gibt-es-nicht.graphml")});
    CHECK(missing.exitCode == 3);
    CHECK_THAT(missing.err, Catch::Contains("no such file"));
    auto foreign = runKnp({"info", kData + "/bad/text.knp"});
    CHECK(foreign.exitCode == 3);
    CHECK_THAT(foreign.err, Catch::Contains("not a Knotenpunkt project"));
}

TEST_CASE("apply acknowledges each edit / a bad line stops with its number", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("p.knp");
    REQUIRE(runKnp({"new", p, "--name", "Stadt Musterstadt"}).exitCode == 0);
    writeFile(dir.file("e.jsonl"),
              "{\"op\":\"add_actor\",\"id\":\"a1\",\"name\":\"Jobcenter\",\"sector\":\"Arbeitsmarkt\",\"fields\":[\"Arbeit und Ausbildung\"]}\n"
              "\n"
              "{\"op\":\"add_actor\",\"id\":\"a2\",\"name\":\"Bürgerbüro\",\"sector\":\"Kommunalverwaltung\"}\n"
              "{\"op\":\"add_link\",\"id\":\"l1\",\"source\":\"a1\",\"target\":\"a9\"}\n"
              "{\"op\":\"add_actor\",\"id\":\"a3\",\"name\":\"nie\"}\n");
    auto r = runKnp({"apply", p, dir.file("e.jsonl")});
    CHECK(r.exitCode == 3);
    CHECK(r.out == "ACK 1\nACK 3\n");
    CHECK_THAT(r.err, Catch::Contains("e.jsonl:4:"));
    const json j = json::parse(runKnp({"info", p, "--format", "json"}).out);
    CHECK(j["actors"] == 2);
    CHECK(j["name"] == "Stadt Musterstadt");
    // From standard input too.
    auto s = runKnp({"apply", p, "-"}, "{\"op\":\"update_actor\",\"id\":\"a2\",\"set\":{\"influence\":3}}\n");
    CHECK(s.exitCode == 0);
    CHECK(s.out == "ACK 1\n");
}

TEST_CASE("undo redo and history from the command line", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("p.knp");
    runKnp({"new", p});
    runKnp({"apply", p, "-"}, "{\"op\":\"add_actor\",\"id\":\"a\",\"name\":\"A\"}\n{\"op\":\"add_actor\",\"id\":\"b\",\"name\":\"B\"}\n"
                           "{\"op\":\"add_link\",\"id\":\"l\",\"source\":\"a\",\"target\":\"b\"}\n");
    auto u = runKnp({"undo", p, "--steps", "2"});
    CHECK(u.exitCode == 0);
    CHECK_THAT(u.out, Catch::Contains("undone 3") && Catch::Contains("undone 2"));
    CHECK(json::parse(runKnp({"info", p, "--format", "json"}).out)["actors"] == 1);
    CHECK(runKnp({"redo", p}).exitCode == 0);
    const json h = json::parse(runKnp({"history", p, "--format", "json"}).out);
    REQUIRE(h.size() == 3);
    CHECK(h[1]["undone"] == false);
    CHECK(h[2]["undone"] == true);
    CHECK(h[2]["kind"] == "add_link");
    auto many = runKnp({"undo", p, "--steps", "10"});
    CHECK(many.exitCode == 0);
    CHECK_THAT(many.err, Catch::Contains("nothing more to undo (2 of 10"));
    CHECK(json::parse(runKnp({"info", p, "--format", "json"}).out)["actors"] == 0);
}

TEST_CASE("snapshots from the command line read back as PROJECT@SNAPSHOT", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("m.knp");
    REQUIRE(runKnp({"import", kSample, "-o", p}).exitCode == 0);
    REQUIRE(runKnp({"snapshot", p, "--take", "Workshop 1"}).exitCode == 0);
    runKnp({"apply", p, "-"}, "{\"op\":\"remove_actor\",\"id\":\"wc\"}\n");
    const json now = json::parse(runKnp({"info", p, "--format", "json"}).out);
    CHECK(now["actors"] == 66);
    const json then = json::parse(runKnp({"info", p + "@Workshop 1", "--format", "json"}).out);
    CHECK(then["actors"] == 67);
    CHECK(then["kind"] == "snapshot");
    const json list = json::parse(runKnp({"snapshot", p, "--list", "--format", "json"}).out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["links"] == 167);
    REQUIRE(runKnp({"snapshot", p, "--restore", "Workshop 1"}).exitCode == 0);
    CHECK(json::parse(runKnp({"info", p, "--format", "json"}).out)["links"] == 167);
    REQUIRE(runKnp({"undo", p}).exitCode == 0);
    CHECK(json::parse(runKnp({"info", p, "--format", "json"}).out)["actors"] == 66);
    auto unknown = runKnp({"info", p + "@Workshop 9"});
    CHECK(unknown.exitCode == 3);
    CHECK_THAT(unknown.err, Catch::Contains("no snapshot named \"Workshop 9\""));
}

TEST_CASE("import into an existing project merges / --force replaces / both undo", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("p.knp");
    writeFile(dir.file("a.csv"), "source,target\nJobcenter,Caritas\n");
    writeFile(dir.file("b.csv"), "from,to,type\nCaritas,Tafel,Verweisung\n");
    REQUIRE(runKnp({"import", dir.file("a.csv"), "-o", p}).exitCode == 0);
    REQUIRE(runKnp({"import", dir.file("b.csv"), "-o", p}).exitCode == 0);
    json j = json::parse(runKnp({"info", p, "--format", "json"}).out);
    CHECK(j["actors"] == 3);
    CHECK(j["links"] == 2);
    REQUIRE(runKnp({"import", kData + "/graphml/igraph_directed.graphml", "-o", p, "--force"}).exitCode == 0);
    j = json::parse(runKnp({"info", p, "--format", "json"}).out);
    CHECK(j["actors"] == 4);
    CHECK(j["directed_links"] == 4);
    REQUIRE(runKnp({"undo", p}).exitCode == 0);
    j = json::parse(runKnp({"info", p, "--format", "json"}).out);
    CHECK(j["actors"] == 3);
    // Several inputs at once.
    REQUIRE(runKnp({"import", dir.file("a.csv"), dir.file("b.csv"), "-o", dir.file("both.knp")}).exitCode == 0);
    CHECK(json::parse(runKnp({"info", dir.file("both.knp"), "--format", "json"}).out)["links"] == 2);
}

TEST_CASE("a second writer gets a clear message instead of a hang", "[cli]") {
    TempDir dir;
    const std::string p = dir.file("p.knp");
    runKnp({"new", p});
    // The first writer keeps the project open while it waits for its standard input.
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int fds[2];
        if (pipe(fds) != 0) _exit(1);
        dup2(fds[0], 0);  // a pipe nobody writes to: knp apply waits
        execl(kKnp.c_str(), kKnp.c_str(), "apply", p.c_str(), "-", static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto start = std::chrono::steady_clock::now();
    auto second = runKnp({"apply", p, "-"}, "{\"op\":\"add_actor\",\"name\":\"X\"}\n");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    CHECK(second.exitCode == 1);
    CHECK_THAT(second.err, Catch::Contains("open in another Knotenpunkt window or knp command"));
    CHECK(seconds < 3.0);
    // The killed writer's lock does not block anyone.
    CHECK(runKnp({"apply", p, "-"}, "{\"op\":\"add_actor\",\"name\":\"X\"}\n").exitCode == 0);
}

TEST_CASE("knp metrics on the sample: the contract's columns and values", "[cli][analysis]") {
    TempDir dir;
    const std::string p = dir.file("m.knp");
    REQUIRE(runKnp({"import", kSample, "-o", p}).exitCode == 0);
    auto csv = runKnp({"metrics", p});
    REQUIRE(csv.exitCode == 0);
    std::istringstream lines(csv.out);
    std::string header;
    std::getline(lines, header);
    CHECK(header == "id,label,sector,degree,in_degree,out_degree,betweenness,closeness,harmonic,eigenvector,pagerank,"
                    "clustering,core,constraint,effective_size,community,articulation");
    std::size_t rows = 0;
    std::string line, wcLine, frauLine, afghLine;
    while (std::getline(lines, line)) {
        ++rows;
        if (line.rfind("wc,", 0) == 0) wcLine = line;
        if (line.rfind("dia_frau,", 0) == 0) frauLine = line;
        if (line.rfind("afgh,", 0) == 0) afghLine = line;
    }
    CHECK(rows == 67);
    // Welcome Center: degree 24, in/out empty (the sample is undirected), betweenness 0.40754 (networkx).
    CHECK_THAT(wcLine, Catch::StartsWith("wc,Welcome Center Musterstadt,Kommunalverwaltung,24,,,0.40753987161"));
    CHECK_THAT(frauLine, Catch::EndsWith(",1"));  // the articulation point
    // The isolated club: constraint and effective size are not defined (empty cells).
    CHECK_THAT(afghLine, Catch::Contains(",0,0,,,"));

    auto some = runKnp({"metrics", p, "--metrics", "degree,betweenness", "--format", "json"});
    REQUIRE(some.exitCode == 0);
    const json rowsJson = json::parse(some.out);
    REQUIRE(rowsJson.size() == 67);
    CHECK(rowsJson[0].size() == 5);  // id, label, sector, degree, betweenness
    CHECK(rowsJson[0]["id"] == "wc");
    CHECK(rowsJson[0]["degree"] == 24);
    auto bad = runKnp({"metrics", p, "--metrics", "fame"});
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("unknown metric \"fame\""));

    const json graph = json::parse(runKnp({"metrics", p, "--graph"}).out);
    for (const char* key : {"nodes", "edges", "directed", "density", "components", "transitivity", "modularity", "diameter",
                            "average_path_length", "degree_centralization", "betweenness_centralization"})
        CHECK(graph.contains(key));
    CHECK(graph["nodes"] == 67);
    CHECK(graph["components"] == 2);  // the main network and the isolated club
    CHECK(graph["directed"] == false);
    auto table = runKnp({"metrics", p, "--format", "table"});
    CHECK_THAT(table.out, Catch::Contains("Welcome Center Musterstadt"));
}

TEST_CASE("knp gaps finds every situation the sample's README describes", "[cli][analysis]") {
    auto r = runKnp({"gaps", kSample, "--format", "json"});
    REQUIRE(r.exitCode == 0);
    const json g = json::parse(r.out);
    for (const char* key : {"sector_matrix", "ei_index", "fields", "uncovered_fields", "single_points_of_failure", "isolates",
                            "parallel_work", "brokerage", "contact_points", "suggested_links", "findings"})
        CHECK(g.contains(key));
    // An isolated migrant organisation.
    CHECK(g["isolates"] == json::array({"afgh"}));
    // Two sectors with no link between them.
    bool silent = false;
    for (const json& c : g["sector_matrix"])
        if (c["from"] == "Kommunalverwaltung" && c["to"] == "Migrantenorganisationen") silent = c["links"] == 0 && c["density"] == 0.0;
    CHECK(silent);
    // An actor whose loss cuts off others.
    REQUIRE(!g["single_points_of_failure"].empty());
    CHECK(g["single_points_of_failure"][0]["actor"] == "dia_frau");
    CHECK(g["single_points_of_failure"][0]["cut_off"] == json::array({"syr", "erit", "arab"}));
    // Two actors doing the same work without knowing each other (the most similar pair first).
    REQUIRE(!g["parallel_work"].empty());
    CHECK(g["parallel_work"][0] == json({{"a", "sprachcafe_nord"}, {"b", "sprachtreff_sued"}, {"field", "Bildung, Betreuung und Sprache"}}));
    // Three or more contact points for one field.
    CHECK(g["contact_points"]["Arbeit und Ausbildung"] == 5);
    CHECK(g["contact_points"]["Aufnahme und Erstversorgung"] == 7);
    // The Welcome Center as hub: the most brokerage and the first finding.
    std::string topBroker;
    std::uint64_t most = 0;
    for (const auto& [id, roles] : g["brokerage"].items()) {
        std::uint64_t total = 0;
        for (const auto& [role, count] : roles.items()) total += count.get<std::uint64_t>();
        if (total > most) { most = total; topBroker = id; }
    }
    CHECK(topBroker == "wc");
    const std::vector<std::string> findings = g["findings"];
    CHECK_THAT(findings[0], Catch::StartsWith("Welcome Center Musterstadt ist der wichtigste Brückenakteur"));
    CHECK(std::find(findings.begin(), findings.end(), "Zwischen Migrantenorganisationen und Kommunalverwaltung gibt es keine einzige Verbindung.") != findings.end());
    // Suggestions carry a reason in words and a gain.
    REQUIRE(g["suggested_links"].size() >= 3);
    CHECK(g["suggested_links"][0]["gain"].get<double>() > 0);
    CHECK_THAT(g["suggested_links"][0]["reason"].get<std::string>(), Catch::Contains("Diakonie Frauentreff International"));

    const json en = json::parse(runKnp({"--lang", "en", "gaps", kSample, "--format", "json"}).out);
    const std::vector<std::string> enFindings = en["findings"];
    CHECK(std::find(enFindings.begin(), enFindings.end(), "There is not a single link between Migrant organisations and Municipal administration.") != enFindings.end());
    auto md = runKnp({"gaps", kSample, "--format", "md"});
    CHECK_THAT(md.out, Catch::Contains("## Befunde") && Catch::Contains("| Handlungsfeld |"));
}

TEST_CASE("knp layout stores positions as one undoable step", "[cli][layout]") {
    TempDir dir;
    const std::string p = dir.file("m.knp");
    REQUIRE(runKnp({"import", kSample, "-o", p}).exitCode == 0);
    CHECK(json::parse(runKnp({"info", p, "--format", "json"}).out)["placed_actors"] == 0);
    auto lay = runKnp({"layout", p, "--engine", "force", "--seed", "7"});
    REQUIRE(lay.exitCode == 0);
    CHECK_THAT(lay.err, Catch::Contains("67 actors laid out with force"));
    CHECK(json::parse(runKnp({"info", p, "--format", "json"}).out)["placed_actors"] == 67);
    const json h = json::parse(runKnp({"history", p, "--format", "json"}).out);
    CHECK(h.back()["kind"] == "layout");
    CHECK(h.back()["subject"] == "force");
    REQUIRE(runKnp({"undo", p}).exitCode == 0);
    CHECK(json::parse(runKnp({"info", p, "--format", "json"}).out)["placed_actors"] == 0);
    for (const char* engine : {"rings", "neato", "dot", "twopi"}) {
        INFO(engine);
        CHECK(runKnp({"layout", p, "--engine", engine}).exitCode == 0);
    }
    CHECK(runKnp({"layout", p, "--engine", "wirbel"}).exitCode == 2);
    CHECK(runKnp({"layout", p, "--engine", "rings", "--radius", "betweenness"}).exitCode == 0);
    auto badMetric = runKnp({"layout", p, "--engine", "rings", "--radius", "fame"});
    CHECK(badMetric.exitCode == 3);
    CHECK_THAT(badMetric.err, Catch::Contains("unknown metric \"fame\""));
}

TEST_CASE("knp export writes DOT that Graphviz reads, with pos for every actor", "[cli][layout]") {
    TempDir dir;
    const std::string p = dir.file("m.knp");
    REQUIRE(runKnp({"import", kSample, "-o", p}).exitCode == 0);
    REQUIRE(runKnp({"layout", p, "--engine", "force"}).exitCode == 0);
    const std::string out = dir.file("m.dot");
    REQUIRE(runKnp({"export", p, "-o", out, "--layout", "keep"}).exitCode == 0);
    const std::string dot = readFile(out);
    // Graphviz reads it and keeps our positions (neato -n2 uses pos as given, in points).
    auto plain = runProcess({"/usr/bin/neato", "-n2", "-Tplain", out});
    REQUIRE(plain.exitCode == 0);
    std::istringstream lines(plain.out);
    std::string line;
    std::size_t nodes = 0;
    bool welcomeCenter = false;
    while (std::getline(lines, line)) {
        if (line.rfind("node ", 0) != 0) continue;
        ++nodes;
        welcomeCenter = welcomeCenter || line.rfind("node wc ", 0) == 0;
    }
    CHECK(welcomeCenter);
    CHECK(dot.find("\"wc\" [xlabel=\"Welcome Center Musterstadt\"") != std::string::npos);
    CHECK(nodes == 67);
    std::size_t pos = 0, count = 0;
    while ((pos = dot.find(" pos=\"", pos)) != std::string::npos) { ++count; ++pos; }
    CHECK(count == 67);
    // Re-laid out on the way out, without touching the project.
    const std::string before = readFile(p);
    REQUIRE(runKnp({"export", p, "-o", dir.file("r.gv"), "--layout", "rings"}).exitCode == 0);
    CHECK(readFile(p) == before);
    CHECK(runProcess({"/usr/bin/dot", "-Tcanon", dir.file("r.gv")}).exitCode == 0);
    // A format no exporter has is a usage error that lists the known ones.
    auto bmp = runKnp({"export", p, "-o", dir.file("m.bmp")});
    CHECK(bmp.exitCode == 2);
    CHECK_THAT(bmp.err, Catch::Contains(".graphml") && Catch::Contains(".svg, .pdf or .png"));
}

TEST_CASE("hostile names stay text in DOT", "[cli][layout]") {
    TempDir dir;
    writeFile(dir.file("h.csv"), "source,target\n\"Verein \"\"Zukunft\"\" \\N \\G & <b>\",\"Caritas\\Süd\"\n");
    const std::string out = dir.file("h.dot");
    REQUIRE(runKnp({"export", dir.file("h.csv"), "-o", out, "--layout", "force"}).exitCode == 0);
    auto canon = runProcess({"/usr/bin/dot", "-Tcanon", out});
    REQUIRE(canon.exitCode == 0);
    // The quote and the backslashes of the label arrive escaped, so Graphviz neither ends the
    // string nor expands \N or \G into the node or graph name; IDs and data values keep their
    // backslashes as they are (DOT's parser does not treat them as escapes).
    CHECK_THAT(canon.out, Catch::Contains("xlabel=\"Verein \\\"Zukunft\\\" \\\\N \\\\G & <b>\""));
    CHECK_THAT(canon.out, Catch::Contains("\"Caritas\\Süd\""));
    CHECK_THAT(canon.out, Catch::Contains("name=\"Verein \\\"Zukunft\\\" \\N \\G & <b>\""));
}
