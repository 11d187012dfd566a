// Project file: reopen, undo after reopen, snapshots, refusal of foreign, newer and damaged
// files (left byte for byte unchanged), the writer lock.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>

#include "core/errors.hpp"
#include "store/project_file.hpp"
#include "support/random_edits.hpp"
#include "support/temp_dir.hpp"

using namespace knp;
using knp::test::randomEdit;
using knp::test::TempDir;
using knp::test::readFile;
using knp::test::writeFile;

namespace {

Actor actor(const std::string& id, const std::string& name) {
    Actor a;
    a.id = id;
    a.name = name;
    return a;
}

// The first column of the first row of `sql` on the file, as text.
std::string query(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    std::string value;
    if (sqlite3_step(st) == SQLITE_ROW) value = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

std::string pragma(const std::string& path, const std::string& name) { return query(path, "PRAGMA " + name); }

void execSql(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("a new project is an SQLite file with our application_id and schema version", "[store]") {
    TempDir dir;
    const std::string path = dir.file("neu.knp");
    { ProjectFile::create(path, "Stadt Musterstadt"); }
    CHECK(pragma(path, "application_id") == std::to_string(static_cast<std::int32_t>(kApplicationId)));
    CHECK(pragma(path, "user_version") == std::to_string(kSchemaVersion));
    CHECK(pragma(path, "journal_mode") == "delete");
    CHECK(pragma(path, "integrity_check") == "ok");
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);  // contact persons are personal data
    CHECK_THROWS_WITH(ProjectFile::create(path, "x"), Catch::Contains("exists already"));
    ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);
    CHECK(pf.network().name == "Stadt Musterstadt");
}

TEST_CASE("edits are on disk and undoable after reopening", "[store]") {
    TempDir dir;
    const std::string path = dir.file("p.knp");
    {
        ProjectFile pf = ProjectFile::create(path, "Musterstadt");
        pf.execute(cmdAddActor(pf.network(), actor("jc", "Jobcenter")));
        pf.execute(cmdAddActor(pf.network(), actor("abh", "Ausländerbehörde")));
        Link l; l.id = "l1"; l.source = "jc"; l.target = "abh"; l.type = "daten"; l.strength = 2.5; l.directed = true;
        pf.execute(cmdAddLink(pf.network(), l));
        // A second connection sees the edit at once: it was committed when execute returned.
        ProjectFile reader = ProjectFile::open(path, OpenMode::ReadOnly);
        CHECK(reader.network() == pf.network());
    }
    {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
        REQUIRE(pf.network().links().size() == 1);
        CHECK(pf.network().links()[0].strength == 2.5);
        CHECK(pf.network().findActor("abh")->name == "Ausländerbehörde");
        CHECK(pf.undoDepth() == 3);
        REQUIRE(pf.undo());  // the link
        CHECK(pf.network().links().empty());
    }
    {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
        CHECK(pf.network().links().empty());
        CHECK(pf.redoDepth() == 1);
        REQUIRE(pf.redo());
        CHECK(pf.network().links().size() == 1);
        const auto h = pf.history();
        REQUIRE(h.size() == 3);
        CHECK(h[0].kind == "add_actor");
        CHECK(h[2].kind == "add_link");
        CHECK(h[2].subject == "Jobcenter – Ausländerbehörde");
    }
}

TEST_CASE("random edit sequences on disk match the in-memory document across reopening", "[store]") {
    TempDir dir;
    const std::string path = dir.file("random.knp");
    std::mt19937 rng(99);
    Document doc;
    doc.network.name = "Zufall";
    std::vector<Network> states;
    {
        ProjectFile pf = ProjectFile::create(path, "Zufall");
        states.push_back(pf.network());
        for (int i = 0; i < 150; ++i) {
            Edit e = randomEdit(doc.network, rng);
            if (e.empty()) continue;
            pf.execute(e);
            doc.execute(std::move(e));
            REQUIRE(pf.network() == doc.network);
            states.push_back(doc.network);
        }
    }
    ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
    REQUIRE(pf.network() == doc.network);
    // Undo 40 steps in one session, reopen, and undo/redo further.
    for (int i = 1; i <= 40; ++i) {
        REQUIRE(pf.undo());
        REQUIRE(pf.network() == states[states.size() - 1 - static_cast<std::size_t>(i)]);
    }
    pf = ProjectFile::open(dir.file("random.knp"), OpenMode::ReadOnly);  // releases the writer
    ProjectFile again = ProjectFile::open(path, OpenMode::ReadWrite);
    REQUIRE(again.network() == states[states.size() - 41]);
    for (int i = 0; i < 10; ++i) REQUIRE(again.redo());
    REQUIRE(again.network() == states[states.size() - 31]);
}

TEST_CASE("snapshots: take list read and restore as an undoable edit", "[store]") {
    TempDir dir;
    const std::string path = dir.file("s.knp");
    ProjectFile pf = ProjectFile::create(path, "Musterstadt");
    pf.execute(cmdAddActor(pf.network(), actor("wc", "Welcome Center")));
    pf.takeSnapshot("Workshop 1");
    const Network atWorkshop1 = pf.network();
    pf.execute(cmdAddActor(pf.network(), actor("jc", "Jobcenter")));
    pf.execute(cmdRemoveActor(pf.network(), "wc"));
    pf.execute(cmdRename(pf.network(), "Musterstadt (neu)"));
    pf.takeSnapshot("Workshop 2");
    const Network atWorkshop2 = pf.network();
    CHECK_THROWS_WITH(pf.takeSnapshot("Workshop 1"), Catch::Contains("exists already"));

    const auto snaps = pf.snapshots();
    REQUIRE(snaps.size() == 2);
    CHECK(snaps[0].name == "Workshop 1");
    CHECK(snaps[0].actors == 1);
    CHECK(pf.loadSnapshot("Workshop 1") == atWorkshop1);
    CHECK_THROWS_WITH(pf.loadSnapshot("Workshop 3"), Catch::Contains("known: Workshop 1, Workshop 2"));

    pf.restoreSnapshot("Workshop 1");
    CHECK(pf.network() == atWorkshop1);
    CHECK(pf.history().back().kind == "restore_snapshot");
    REQUIRE(pf.undo());
    CHECK(pf.network() == atWorkshop2);
    ProjectFile reopened = ProjectFile::open(path, OpenMode::ReadOnly);
    CHECK(reopened.network() == atWorkshop2);
    CHECK(reopened.snapshots().size() == 2);
}

TEST_CASE("foreign newer and damaged files are refused and left untouched", "[store]") {
    TempDir dir;
    auto refusedUnchanged = [](const std::string& path, const char* why) {
        const std::string before = readFile(path);
        CHECK_THROWS_WITH(ProjectFile::open(path, OpenMode::ReadWrite), Catch::Contains(why));
        CHECK_THROWS_AS(ProjectFile::open(path, OpenMode::ReadOnly), RefusedFileError);
        CHECK(readFile(path) == before);
    };
    SECTION("a text file") {
        writeFile(dir.file("text.knp"), "Akteure: Jobcenter, Caritas\n");
        refusedUnchanged(dir.file("text.knp"), "not an SQLite database");
    }
    SECTION("an empty file") {
        writeFile(dir.file("empty.knp"), "");
        refusedUnchanged(dir.file("empty.knp"), "the file is empty");
    }
    SECTION("another program's SQLite database") {
        const std::string path = dir.file("foreign.knp");
        execSql(path, "PRAGMA application_id=1234; CREATE TABLE t(x); INSERT INTO t VALUES(1);");
        refusedUnchanged(path, "another program");
    }
    SECTION("a file from a newer Knotenpunkt") {
        const std::string path = dir.file("newer.knp");
        { ProjectFile::create(path, "Zukunft"); }
        execSql(path, "PRAGMA user_version=99");
        refusedUnchanged(path, "newer Knotenpunkt");
    }
    SECTION("a damaged file: garbage written into its pages") {
        const std::string path = dir.file("damaged.knp");
        {
            ProjectFile pf = ProjectFile::create(path, "Kaputt");
            std::mt19937 rng(5);
            Network big = test::randomNetwork(rng, 400, 600);
            pf.execute(cmdMerge(pf.network(), big));
        }
        std::string bytes = readFile(path);
        REQUIRE(bytes.size() > 20 * 4096);
        for (std::size_t i = 5 * 4096; i < 12 * 4096; i += 7) bytes[i] = static_cast<char>(0xA5 ^ bytes[i]);
        writeFile(path, bytes);
        refusedUnchanged(path, "damaged");
    }
    SECTION("a truncated file") {
        const std::string path = dir.file("truncated.knp");
        {
            ProjectFile pf = ProjectFile::create(path, "Halb");
            std::mt19937 rng(6);
            pf.execute(cmdMerge(pf.network(), test::randomNetwork(rng, 300, 500)));
        }
        std::string bytes = readFile(path);
        writeFile(path, bytes.substr(0, bytes.size() / 2));
        refusedUnchanged(path, "damaged");
    }
}

TEST_CASE("a second writer gets a clear message at once readers are welcome", "[store]") {
    TempDir dir;
    const std::string path = dir.file("lock.knp");
    {
        ProjectFile writer = ProjectFile::create(path, "Gesperrt");
        CHECK_THROWS_WITH(ProjectFile::open(path, OpenMode::ReadWrite), Catch::Contains("open in another Knotenpunkt window"));
        ProjectFile reader = ProjectFile::open(path, OpenMode::ReadOnly);
        CHECK(reader.network().name == "Gesperrt");
        CHECK_THROWS_WITH(reader.execute(cmdRename(reader.network(), "x")), Catch::Contains("reading only"));
    }
    // Closed: the lock is gone.
    CHECK_NOTHROW(ProjectFile::open(path, OpenMode::ReadWrite));
}

TEST_CASE("removed text does not stay in the file's free space (secure_delete)", "[store][privacy]") {
    TempDir dir;
    const std::string path = dir.file("geheim.knp");
    ProjectFile pf = ProjectFile::create(path, "Stadt");
    Actor a = actor("a1", "Beratung");
    a.contactPerson = "Erika Mustermann-Geheim";
    pf.execute(cmdAddActor(pf.network(), a));
    CHECK(readFile(path).find("Erika Mustermann-Geheim") != std::string::npos);
    // The undo history keeps the record (by design); without it the text must be gone from
    // the pages, not only unlinked.
    a = *pf.network().findActor("a1");
    a.contactPerson.clear();
    pf.execute(cmdUpdateActor(pf.network(), a));
    // Only the current state and the history held it: the history goes (as erase-person
    // rewrites it); the record replaced above must not linger in the page's free space. (The
    // writer sets secure_delete; Debian's SQLite also defaults to it, other builds may not.)
    execSql(path, "PRAGMA secure_delete=ON; DELETE FROM history");
    pf.execute(cmdRename(pf.network(), "Stadt 2"));
    const std::string bytes = readFile(path);
    CHECK(bytes.find("Erika Mustermann-Geheim") == std::string::npos);
}

TEST_CASE("consent is stored per contact person and older files are read and upgraded", "[store][privacy]") {
    TempDir dir;
    const std::string path = dir.file("alt.knp");
    {
        ProjectFile pf = ProjectFile::create(path, "Stadt");
        Actor a = actor("a1", "Beratung");
        a.contactPerson = "Frau Beispiel";
        a.consent = true;
        a.consentDate = "2026-03-14";
        pf.execute(cmdAddActor(pf.network(), a));
    }
    {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);
        CHECK(pf.network().findActor("a1")->consent);
        CHECK(pf.network().findActor("a1")->consentDate == "2026-03-14");
    }
    // A bad date is refused like any other invalid value.
    {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
        Actor a = *pf.network().findActor("a1");
        a.consentDate = "14.03.2026";
        CHECK_THROWS_AS(pf.execute(cmdUpdateActor(pf.network(), a)), ValidationError);
    }
    // The file as schema 1 wrote it: no consent columns, no index on the history's side.
    execSql(path, "ALTER TABLE actors DROP COLUMN consent; ALTER TABLE actors DROP COLUMN consent_date; DROP INDEX history_side; "
                  "PRAGMA user_version=1;");
    REQUIRE(pragma(path, "user_version") == "1");
    {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);  // read as it is
        CHECK(pf.schemaVersion() == 1);
        CHECK(pf.network().findActor("a1")->contactPerson == "Frau Beispiel");
        CHECK_FALSE(pf.network().findActor("a1")->consent);
    }
    CHECK(pragma(path, "user_version") == "1");  // a reader does not upgrade
    {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);  // a writer does
        CHECK(pf.schemaVersion() == kSchemaVersion);
        Actor a = *pf.network().findActor("a1");
        a.consent = true;
        a.consentDate = "2026-04-01";
        pf.execute(cmdUpdateActor(pf.network(), a));
    }
    CHECK(pragma(path, "user_version") == std::to_string(kSchemaVersion));
    CHECK(ProjectFile::open(path, OpenMode::ReadOnly).network().findActor("a1")->consentDate == "2026-04-01");
    // The upgrade made the index too.
    CHECK(query(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='history_side'") == "1");
}

TEST_CASE("the history check walks back to an empty network and forward to the stored current state", "[store]") {
    TempDir dir;
    const std::string path = dir.file("verlauf.knp");
    {
        ProjectFile pf = ProjectFile::create(path, "Musterstadt");
        pf.execute(cmdAddActor(pf.network(), actor("a1", "Jobcenter")));  // linked to nothing
        pf.execute(cmdAddActor(pf.network(), actor("a2", "Ausländerbehörde")));
        pf.execute(cmdAddActor(pf.network(), actor("a3", "Caritas")));
        Link l; l.id = "l1"; l.source = "a2"; l.target = "a3";
        pf.execute(cmdAddLink(pf.network(), l));
        Actor a3 = *pf.network().findActor("a3");
        a3.note = "Migrationsberatung";
        pf.execute(cmdUpdateActor(pf.network(), a3));
        pf.execute(cmdRename(pf.network(), "Stadt Musterstadt"));
        pf.execute(cmdRemoveActor(pf.network(), "a2"));
        REQUIRE(pf.undo());  // a step on the redo side: not part of the current state
        CHECK(pf.verifyHistory() == 7);
    }
    CHECK(ProjectFile::open(path, OpenMode::ReadOnly).verifyHistory() == 7);

    SECTION("the first step lost: every other step still fits, but walking back leaves an actor") {
        execSql(path, "DELETE FROM history WHERE seq = (SELECT min(seq) FROM history)");
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);
        CHECK_THROWS_WITH(pf.verifyHistory(), Catch::Contains("does not end at an empty network") &&
                                                  Catch::Contains("1 actor(s) and 0 link(s) remain, the first actor \"a1\""));
    }
    SECTION("content written without a step: walking back leaves it") {
        execSql(path, "INSERT INTO actors(ord, id, name) VALUES(99, 'x9', 'Ohne Schritt')");
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);
        CHECK(pf.network().findActor("x9") != nullptr);
        CHECK_THROWS_WITH(pf.verifyHistory(), Catch::Contains("does not end at an empty network") && Catch::Contains("actor \"x9\""));
    }
    SECTION("the file's tables changed behind the open model: walking forward does not end at the stored state") {
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
        execSql(path, "UPDATE actors SET note='anders' WHERE id='a3'");
        CHECK_THROWS_WITH(pf.verifyHistory(), Catch::Contains("does not end at the current state") &&
                                                  Catch::Contains("actor \"a3\" differs from the file's"));
        execSql(path, "UPDATE actors SET note='Migrationsberatung' WHERE id='a3'");
        CHECK(pf.verifyHistory() == 7);
        execSql(path, "UPDATE meta SET value='Kreis Muster' WHERE key='name'");
        CHECK_THROWS_WITH(pf.verifyHistory(), Catch::Contains("does not end at the current state") &&
                                                  Catch::Contains("the walk gives the name \"Stadt Musterstadt\", the file \"Kreis Muster\""));
    }
}
