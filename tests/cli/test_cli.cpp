// knp as a user runs it: exit codes, data on stdout, messages on stderr.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
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
    CHECK(j["schema_version"] == 1);
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
