// A project file that cannot store a change: SQLite's failures mapped to what the view words
// (full disk, vanished folder, read-only file), and the three made real without root-only tricks:
// a file size limit (RLIMIT_FSIZE, as a full disk: EFBIG), the project's folder renamed while the
// file is open (a USB stick pulled out), a file SQLite can only open for reading (as root, in a
// child process that runs as nobody, since root writes read-only files too). Each time the edit
// is refused with StorageError, the network in memory and the file on disk stay as they were
// (byte for byte, integrity check ok), and once the cause is gone the next edit is stored.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>

#include "core/errors.hpp"
#include "store/project_file.hpp"
#include "store/sqlite.hpp"
#include "support/temp_dir.hpp"

using namespace knp;
using knp::test::readFile;
using knp::test::TempDir;

namespace {

// The edit that adds actor `id` named `name` to `n`.
Edit addActor(const Network& n, const std::string& id, const std::string& name) {
    Actor a;
    a.id = id;
    a.name = name;
    return cmdAddActor(n, std::move(a));
}

// A project with ten actors (a few pages), closed again.
void makeProject(const std::string& path) {
    ProjectFile pf = ProjectFile::create(path, "Musterstadt");
    for (int i = 0; i < 10; ++i) pf.execute(addActor(pf.network(), "a" + std::to_string(i), "Akteur " + std::to_string(i)));
}

// The problem of the StorageError `edit` throws, or nothing (no StorageError).
std::optional<StorageProblem> problemOf(ProjectFile& pf, const Edit& edit) {
    try {
        pf.execute(edit);
    } catch (const StorageError& e) {
        return e.problem();
    }
    return std::nullopt;
}

// While alive: files may not grow beyond `bytes` (SIGXFSZ ignored, so writes fail with EFBIG).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &previous_);
        rlimit limited = previous_;
        limited.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &previous_);
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit previous_{};
    void (*previousHandler_)(int) = SIG_DFL;
};

}  // namespace

TEST_CASE("SQLite's failures to store map to a full disk, a vanished folder, a read-only file or an I/O error", "[store][storage]") {
    using P = StorageProblem;
    CHECK(sql::storageProblemOf(SQLITE_FULL, 0) == P::Full);
    CHECK(sql::storageProblemOf(SQLITE_IOERR_WRITE, EFBIG) == P::Full);   // a file size limit
    CHECK(sql::storageProblemOf(SQLITE_IOERR_WRITE, ENOSPC) == P::Full);
    CHECK(sql::storageProblemOf(SQLITE_IOERR_FSYNC, EDQUOT) == P::Full);  // over the quota
    CHECK(sql::storageProblemOf(SQLITE_READONLY_DBMOVED, 0) == P::Gone);  // the file renamed or deleted
    CHECK(sql::storageProblemOf(SQLITE_CANTOPEN, ENOENT) == P::Gone);     // the journal's folder is gone
    CHECK(sql::storageProblemOf(SQLITE_IOERR_WRITE, ENODEV) == P::Gone);
    CHECK(sql::storageProblemOf(SQLITE_READONLY, 0) == P::ReadOnly);
    CHECK(sql::storageProblemOf(SQLITE_CANTOPEN, EACCES) == P::ReadOnly);
    CHECK(sql::storageProblemOf(SQLITE_IOERR_WRITE, EROFS) == P::ReadOnly);  // remounted read-only
    CHECK(sql::storageProblemOf(SQLITE_IOERR_WRITE, EIO) == P::Io);
    CHECK(sql::storageProblemOf(SQLITE_IOERR_SHORT_READ, 0) == P::Io);
    // Not a matter of storage: a damaged file, a busy lock, a broken constraint, a plain error.
    CHECK_FALSE(sql::storageProblemOf(SQLITE_CORRUPT, 0));
    CHECK_FALSE(sql::storageProblemOf(SQLITE_BUSY, 0));
    CHECK_FALSE(sql::storageProblemOf(SQLITE_CONSTRAINT_UNIQUE, 0));
    CHECK_FALSE(sql::storageProblemOf(SQLITE_ERROR, ENOENT));
}

TEST_CASE("a full disk (a file size limit) refuses the edit as StorageError Full and leaves file and network as they were", "[store][storage]") {
    TempDir dir;
    const std::string path = dir.file("voll.knp");
    makeProject(path);
    ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
    const std::string before = readFile(path);
    const Network shown = pf.network();
    {
        // Smaller than the journal's first page: nothing of the file is touched.
        FileSizeLimit limit(4096);
        CHECK(problemOf(pf, addActor(pf.network(), "neu", "Bürgerinitiative Süßenbach")) == StorageProblem::Full);
    }
    CHECK(pf.network() == shown);
    CHECK(readFile(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + "-journal"));
    CHECK_NOTHROW(pf.integrityCheck());
    // Space again: the next edit is stored.
    pf.execute(addActor(pf.network(), "neu", "Bürgerinitiative Süßenbach"));
    CHECK(ProjectFile::open(path, OpenMode::ReadOnly).network().actors().size() == 11);
}

TEST_CASE("a vanished folder (renamed while the project is open) refuses the edit as StorageError Gone", "[store][storage]") {
    TempDir dir;
    std::filesystem::create_directory(dir.path() / "stick");
    const std::string path = dir.file("stick/workshop.knp");
    makeProject(path);
    ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
    const std::string before = readFile(path);
    std::filesystem::rename(dir.path() / "stick", dir.path() / "abgezogen");
    CHECK(problemOf(pf, addActor(pf.network(), "neu", "Tafel Süd")) == StorageProblem::Gone);
    CHECK(pf.network().actors().size() == 10);
    const std::string moved = dir.file("abgezogen/workshop.knp");
    CHECK(readFile(moved) == before);
    CHECK_NOTHROW(ProjectFile::open(moved, OpenMode::ReadOnly).integrityCheck());
    // What the view does to save elsewhere: a copy of the file it still has open.
    pf.backupTo(dir.file("gerettet.knp"));
    CHECK(ProjectFile::open(dir.file("gerettet.knp"), OpenMode::ReadOnly).network().actors().size() == 10);
}

namespace {
// In the calling process: `path` made read-only (root: run as nobody, for whom it is), opened
// for writing, one edit tried. Exit code 0 when it was refused as ReadOnly and the network is
// unchanged; 2 opened without error but not refused; 3 another problem; 4 other error; 5 setup.
[[noreturn]] void tryReadOnly(const std::string& path) {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(5);
    int code = 0;
    try {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
        const std::optional<StorageProblem> problem = problemOf(pf, addActor(pf.network(), "neu", "Tafel Süd"));
        code = !problem ? 2 : *problem != StorageProblem::ReadOnly ? 3 : pf.network().actors().size() == 10 ? 0 : 4;
    } catch (const std::exception&) {
        code = 4;
    }
    _exit(code);
}
}  // namespace

TEST_CASE("a read-only project file refuses the edit as StorageError ReadOnly and stays unchanged", "[store][storage]") {
    TempDir dir;
    const std::string path = dir.file("schreibgeschuetzt.knp");
    makeProject(path);
    const std::string before = readFile(path);
    ::chmod(dir.path().c_str(), 0755);  // nobody may look in, not write
    ::chmod(path.c_str(), 0444);
    // In a child process: it may change its user (and the edit's failure stays its own).
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) tryReadOnly(path);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(readFile(path) == before);
}
