// Soak test: 100,000 random edits, undos and redos applied to a project file through the
// engine (ProjectFile, one transaction each), then verified against replays: the file reopened
// holds the state the edits made; the whole history walked back to the empty project and
// forward again fits step by step; an independent replay of the stored steps from an empty
// network gives the same state. Memory must stay flat (the history lives in the file, not in
// memory): resident memory after the last edit may exceed that after the first tenth by at
// most 24 MB. Prints time per edit and file size.
// Usage: knp_soak [EDITS] [FOLDER]   (default 100000, /dev/shm when it exists: fsync is the
// disk's cost, not the engine's; the crash test times edits on disk)
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "core/commands.hpp"
#include "core/edit.hpp"
#include "core/json_codec.hpp"
#include "store/project_file.hpp"
#include "support/random_edits.hpp"

namespace fs = std::filesystem;
using namespace knp;

namespace {

long residentKb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> value;
            return value;
        }
        status.ignore(1 << 12, '\n');
    }
    return -1;
}

int failure(const std::string& what) {
    std::fprintf(stderr, "FAIL: %s\n", what.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const long total = argc > 1 ? std::atol(argv[1]) : 100000;
    const fs::path folder = argc > 2 ? fs::path(argv[2]) : (fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path());
    const fs::path path = folder / ("knp-soak-" + std::to_string(::getpid()) + ".knp");
    fs::remove(path);
    std::mt19937 rng(20261121);
    long edits = 0, undos = 0, redos = 0, rssTenth = 0;
    const auto start = std::chrono::steady_clock::now();
    Network state;
    {
        ProjectFile pf = ProjectFile::create(path.string(), "Soak");
        for (long step = 0; step < total; ++step) {
            const int r = std::uniform_int_distribution<int>(0, 99)(rng);
            if (r < 15 && pf.undo()) ++undos;
            else if (r >= 15 && r < 25 && pf.redo()) ++redos;
            else if (r >= 25 || pf.network().actors().size() < 2) {
                pf.execute(test::randomEdit(pf.network(), rng));
                ++edits;
            }
            if (step + 1 == total / 10) rssTenth = residentKb();
            if ((step + 1) % (total / 10) == 0)
                std::printf("  %7ld steps: %zu actors, %zu links, resident %ld KB\n", step + 1, pf.network().actors().size(),
                            pf.network().links().size(), residentKb());
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const long rssEnd = residentKb();
        std::printf("%ld steps (%ld edits, %ld undos, %ld redos) in %.1f s: %.3f ms per step; file %.1f MB in %s\n", total, edits, undos, redos,
                    seconds, 1000 * seconds / static_cast<double>(total), static_cast<double>(fs::file_size(path)) / 1e6, folder.c_str());
        std::printf("resident memory: %ld KB after a tenth, %ld KB at the end (+%ld KB)\n", rssTenth, rssEnd, rssEnd - rssTenth);
#if defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer holds freed memory back (its quarantine, 256 MB) on purpose: resident
        // memory says nothing there; LeakSanitizer checks for leaks at exit instead.
        std::printf("(AddressSanitizer build: the memory limit is not checked)\n");
#else
        if (rssEnd - rssTenth > 24 * 1024) return failure("memory grew by more than 24 MB");
#endif
        state = pf.network();
    }
    {
        ProjectFile pf = ProjectFile::open(path.string(), OpenMode::ReadWrite);  // reopened: the state from the file
        if (!(pf.network() == state)) return failure("the reopened file differs from the state the edits made");
        const auto walk = std::chrono::steady_clock::now();
        const std::size_t steps = pf.verifyHistory();
        std::printf("history: %zu steps walked back to the empty project and forward again in %.1f s\n", steps,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - walk).count());
    }
    // An independent replay: the stored steps that are done, in order, from an empty network.
    {
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(db, "SELECT edit FROM history WHERE undone=0 ORDER BY seq", -1, &q, nullptr);
        Network replay;
        replay.name = "Soak";
        long applied = 0;
        while (sqlite3_step(q) == SQLITE_ROW) {
            applyEdit(replay, editFromJson(nlohmann::json::parse(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)))));
            ++applied;
        }
        sqlite3_finalize(q);
        sqlite3_close(db);
        const ProjectFile pf = ProjectFile::open(path.string(), OpenMode::ReadOnly);
        if (!(replay.actors() == pf.network().actors()) || !(replay.links() == pf.network().links()))
            return failure("replaying the stored steps gives another state");
        std::printf("replay of %ld stored steps from an empty network: the same %zu actors and %zu links\n", applied, replay.actors().size(),
                    replay.links().size());
    }
    fs::remove(path);
    std::printf("soak ok\n");
    return 0;
}
