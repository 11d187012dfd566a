// Crash safety: `knp apply` on an edit script of thousands of edits is killed with SIGKILL at
// random moments. Afterwards the file must pass PRAGMA integrity_check and hold every edit
// that was acknowledged ("ACK n"), and at most one more, exactly as replaying them gives.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <sstream>

#include "core/commands.hpp"
#include "io/edit_script.hpp"
#include "store/project_file.hpp"
#include "support/temp_dir.hpp"

using namespace knp;
using knp::test::TempDir;

namespace {

const std::string kKnp = KNP_BINARY;
constexpr int kEdits = 3000;
constexpr int kKills = 24;

// A valid script: every line changes something, so each one is one history entry.
std::vector<std::string> makeScript(unsigned seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    static const char* sectors[] = {"Kommunalverwaltung", "Arbeitsmarkt", "Wohlfahrtsverbände", "Bildung", "Migrant organisations"};
    static const char* types[] = {"Kooperation", "Verweisung", "Informationsaustausch", "Funding"};
    std::vector<std::string> actors, links, lines;
    std::map<std::string, int> influence;
    int nextActor = 1, nextLink = 1;
    while (static_cast<int>(lines.size()) < kEdits) {
        const int kind = actors.size() < 30 ? 0 : pick(0, 9);
        std::ostringstream l;
        if (kind <= 2) {
            const std::string id = "a" + std::to_string(nextActor++);
            l << R"({"op":"add_actor","id":")" << id << R"(","name":"Akteur Nr. )" << id << R"( – Müßiggang","sector":")"
              << sectors[pick(0, 4)] << R"(","influence":)" << 0 << "}";
            actors.push_back(id);
            influence[id] = 0;
        } else if (kind <= 5) {
            const std::string& s = actors[static_cast<std::size_t>(pick(0, static_cast<int>(actors.size()) - 1))];
            std::string t;
            do t = actors[static_cast<std::size_t>(pick(0, static_cast<int>(actors.size()) - 1))]; while (t == s);
            const std::string id = "l" + std::to_string(nextLink++);
            l << R"({"op":"add_link","id":")" << id << R"(","source":")" << s << R"(","target":")" << t << R"(","type":")"
              << types[pick(0, 3)] << R"(","strength":)" << pick(1, 3) << R"(,"directed":)" << (pick(0, 1) ? "true" : "false") << "}";
            links.push_back(id);
        } else if (kind == 6) {
            const std::string& id = actors[static_cast<std::size_t>(pick(0, static_cast<int>(actors.size()) - 1))];
            influence[id] = (influence[id] + 1) % 6;
            l << R"({"op":"update_actor","id":")" << id << R"(","set":{"influence":)" << influence[id] << R"(,"note":"Stand )" << lines.size() << R"("}})";
        } else if (kind == 7) {
            const std::string& id = actors[static_cast<std::size_t>(pick(0, static_cast<int>(actors.size()) - 1))];
            l << R"({"op":"move","id":")" << id << R"(","x":)" << lines.size() << R"(.5,"y":)" << pick(-999, 999) << "}";
        } else if (kind == 8 && !links.empty()) {
            const std::size_t i = static_cast<std::size_t>(pick(0, static_cast<int>(links.size()) - 1));
            l << R"({"op":"remove_link","id":")" << links[i] << R"("})";
            links.erase(links.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            continue;  // actors are not removed here: keeps the bookkeeping of links simple
        }
        lines.push_back(l.str());
    }
    return lines;
}

struct Run {
    int lastAck = 0;
    double seconds = 0;
    int exitCode = -2;
};

// Starts knp apply, kills it with SIGKILL after `killAfter` seconds (never, if negative).
Run applyAndKill(const std::string& project, const std::string& script, double killAfter) {
    int out[2];
    REQUIRE(pipe2(out, O_CLOEXEC) == 0);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(out[1], 1);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        execl(kKnp.c_str(), kKnp.c_str(), "apply", project.c_str(), script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    Run run;
    std::string buffer;
    bool killed = false, open = true;
    while (open) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!killed && killAfter >= 0 && elapsed >= killAfter) {
            kill(pid, SIGKILL);
            killed = true;
        }
        pollfd fd{out[0], POLLIN, 0};
        if (poll(&fd, 1, 1) <= 0) continue;
        char buf[4096];
        const ssize_t got = read(out[0], buf, sizeof buf);
        if (got <= 0) open = false;
        else buffer.append(buf, static_cast<std::size_t>(got));
    }
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    // Whatever was printed before the kill counts as acknowledged; a half line does not.
    std::istringstream lines(buffer);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind("ACK ", 0) == 0 && !lines.eof()) run.lastAck = std::stoi(line.substr(4));
    if (!buffer.empty() && buffer.back() == '\n' && line.rfind("ACK ", 0) == 0) run.lastAck = std::stoi(line.substr(4));
    return run;
}

std::string integrityCheck(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
    std::string result = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "no row";
    sqlite3_finalize(st);
    sqlite3_close(db);
    return result;
}

Network replay(const std::vector<std::string>& lines, std::size_t count) {
    Document doc;
    doc.network.name = "Absturz";
    for (std::size_t i = 0; i < count; ++i) doc.execute(editFromScriptLine(doc.network, lines[i], "script:" + std::to_string(i + 1)));
    return doc.network;
}

}  // namespace

TEST_CASE("knp apply killed with SIGKILL keeps every acknowledged edit", "[crash]") {
    TempDir dir;
    const std::vector<std::string> lines = makeScript(2026);
    const std::string script = dir.file("edits.jsonl");
    {
        std::ofstream out(script);
        for (const std::string& l : lines) out << l << "\n";
    }
    // One full run: the script applies completely, and it tells how long a run takes.
    const std::string full = dir.file("full.knp");
    { ProjectFile::create(full, "Absturz"); }
    const Run complete = applyAndKill(full, script, -1);
    REQUIRE(complete.exitCode == 0);
    REQUIRE(complete.lastAck == kEdits);
    REQUIRE(ProjectFile::open(full, OpenMode::ReadOnly).network() == replay(lines, lines.size()));
    WARN("full run: " << kEdits << " edits in " << complete.seconds << " s ("
                      << 1000.0 * complete.seconds / kEdits << " ms per durable edit)");

    std::mt19937 rng(17);
    // Kill moments within the first 60 % of a full run: runs beside other tests vary in speed,
    // and a run faster than the timed one must still be killed before it ends.
    std::uniform_real_distribution<double> when(0.02 * complete.seconds, 0.6 * complete.seconds);
    int killedMidway = 0;
    for (int i = 0; i < kKills; ++i) {
        const std::string path = dir.file("kill" + std::to_string(i) + ".knp");
        { ProjectFile::create(path, "Absturz"); }
        const double killAfter = when(rng);
        const Run run = applyAndKill(path, script, killAfter);
        INFO("kill " << i << " after " << killAfter << " s, last ACK " << run.lastAck);
        killedMidway += (run.exitCode == -1 && run.lastAck < kEdits) ? 1 : 0;
        REQUIRE(integrityCheck(path) == "ok");
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);
        const std::size_t committed = pf.history().size();
        INFO("committed " << committed);
        REQUIRE(committed >= static_cast<std::size_t>(run.lastAck));
        REQUIRE(committed <= static_cast<std::size_t>(run.lastAck) + 1);
        REQUIRE(pf.network() == replay(lines, committed));
    }
    CHECK(killedMidway >= 20);
}
