#include "store/project_file.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <utility>

#include "core/errors.hpp"
#include "core/overloaded.hpp"
#include "core/json_codec.hpp"
#include "core/validation.hpp"

namespace knp {

using nlohmann::json;

// [SECTION] Schema
namespace {

// Each entry migrates from version (index) to version (index + 1); index 0 creates version 1.
constexpr const char* kMigrations[] = {
    R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE actors(
        ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        short_name TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',
        fields TEXT NOT NULL DEFAULT '[]', level TEXT NOT NULL DEFAULT '',
        influence INTEGER NOT NULL DEFAULT 0, contact_point INTEGER NOT NULL DEFAULT 0,
        contact_person TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '', x REAL, y REAL, pinned INTEGER NOT NULL DEFAULT 0,
        attributes TEXT NOT NULL DEFAULT '{}');
    CREATE TABLE links(
        ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
        target TEXT NOT NULL, type TEXT NOT NULL DEFAULT '', strength REAL NOT NULL,
        directed INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '[]', note TEXT NOT NULL DEFAULT '',
        attributes TEXT NOT NULL DEFAULT '{}');
    CREATE INDEX links_source ON links(source);
    CREATE INDEX links_target ON links(target);
    CREATE TABLE history(
        seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL DEFAULT '',
        edit TEXT NOT NULL, created TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE snapshots(
        name TEXT PRIMARY KEY, created TEXT NOT NULL, actors INTEGER NOT NULL,
        links INTEGER NOT NULL, network TEXT NOT NULL);
    )sql",
    // 2: consent of the contact person (flag and date); the history indexed by its side
    // (undo or redo), so that an edit (which drops the redo side), undo and redo find their
    // step without reading the whole history (the soak test's 100,000 steps slowed down
    // quadratically without it).
    R"sql(
    ALTER TABLE actors ADD COLUMN consent INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE actors ADD COLUMN consent_date TEXT NOT NULL DEFAULT '';
    CREATE INDEX IF NOT EXISTS history_side ON history(undone, seq);
    )sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

constexpr const char* kActorColumns =
    "ord, id, name, short_name, sector, fields, level, influence, contact_point, contact_person, tags, note, x, y, pinned, attributes, "
    "consent, consent_date";
// Schema 1 (read-only opening of an older file): no consent columns; they read as not given.
constexpr const char* kActorColumnsV1 =
    "ord, id, name, short_name, sector, fields, level, influence, contact_point, contact_person, tags, note, x, y, pinned, attributes, "
    "0, ''";
constexpr const char* kLinkColumns = "ord, id, source, target, type, strength, directed, status, fields, note, attributes";

// The first difference between a network a walk through the history gave and the stored
// one, in words (for the history check).
std::string firstDifference(const Network& walked, const Network& stored) {
    if (walked.name != stored.name) return "the walk gives the name \"" + walked.name + "\", the file \"" + stored.name + "\"";
    if (!(walked.taxonomy == stored.taxonomy)) return "the categories differ";
    for (const Actor& a : stored.actors()) {
        const Actor* w = walked.findActor(a.id);
        if (!w) return "actor \"" + a.id + "\" is in the file but no step adds it";
        if (!(*w == a)) return "actor \"" + a.id + "\" differs from the file's";
    }
    for (const Actor& a : walked.actors())
        if (!stored.findActor(a.id)) return "actor \"" + a.id + "\" is added by a step but not in the file";
    for (const Link& l : stored.links()) {
        const Link* w = walked.findLink(l.id);
        if (!w) return "link \"" + l.id + "\" is in the file but no step adds it";
        if (!(*w == l)) return "link \"" + l.id + "\" differs from the file's";
    }
    for (const Link& l : walked.links())
        if (!stored.findLink(l.id)) return "link \"" + l.id + "\" is added by a step but not in the file";
    return "the order of actors or links differs";
}

std::string nowUtc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

template <class T>
T parseJsonColumn(const std::string& text, const char* what) {
    try {
        return json::parse(text).get<T>();
    } catch (const json::exception&) {
        throw RefusedFileError(std::string("column ") + what + " holds damaged data");
    }
}

}  // namespace

// [SECTION] Header checks
bool looksLikeSqlite(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    char magic[16] = {};
    const bool ok = ::pread(fd, magic, 16, 0) == 16 && std::memcmp(magic, "SQLite format 3", 16) == 0;
    ::close(fd);
    return ok;
}

void checkProjectHeader(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw InputError(path + ": " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw RefusedFileError(path + ": is a folder, not a Knotenpunkt project");
    if (st.st_size == 0) throw RefusedFileError(path + ": the file is empty, not a Knotenpunkt project");
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(path + ": " + std::strerror(errno));
    std::array<unsigned char, 100> header{};
    const ssize_t got = ::pread(fd, header.data(), header.size(), 0);
    ::close(fd);
    if (got < 100 || std::memcmp(header.data(), "SQLite format 3", 16) != 0)
        throw RefusedFileError(path + ": not a Knotenpunkt project (not an SQLite database)");
    const std::uint32_t userVersion = bigEndian32(header.data() + 60);
    const std::uint32_t appId = bigEndian32(header.data() + 68);
    if (appId != kApplicationId) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "0x%08X", appId);
        throw RefusedFileError(path + ": an SQLite database of another program (application_id " + buf +
                               "), not a Knotenpunkt project; it was left unchanged");
    }
    if (userVersion > static_cast<std::uint32_t>(kSchemaVersion))
        throw RefusedFileError(path + ": made by a newer Knotenpunkt (schema version " + std::to_string(userVersion) +
                               ", this version reads up to " + std::to_string(kSchemaVersion) +
                               "); please update Knotenpunkt. The file was left unchanged");
    if (userVersion == 0) throw RefusedFileError(path + ": project file without schema version; it was left unchanged");
}

// [SECTION] Opening and creating
ProjectFile::ProjectFile(ProjectFile&& o) noexcept
    : path_(std::move(o.path_)), mode_(o.mode_), schemaVersion_(o.schemaVersion_),
      lockFd_(std::exchange(o.lockFd_, -1)), db_(std::move(o.db_)), network_(std::move(o.network_)) {}

ProjectFile& ProjectFile::operator=(ProjectFile&& o) noexcept {
    if (this != &o) {
        db_ = sql::Database();
        if (lockFd_ >= 0) ::close(lockFd_);
        path_ = std::move(o.path_);
        mode_ = o.mode_;
        schemaVersion_ = o.schemaVersion_;
        lockFd_ = std::exchange(o.lockFd_, -1);
        db_ = std::move(o.db_);
        network_ = std::move(o.network_);
    }
    return *this;
}

ProjectFile::~ProjectFile() {
    // SQLite's POSIX locks die with any descriptor of the file being closed: close SQLite first.
    db_ = sql::Database();
    if (lockFd_ >= 0) ::close(lockFd_);
}

namespace {
int acquireWriterLock(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(path + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK)
            throw ProjectLockedError(path + ": the project is open in another Knotenpunkt window or knp command; "
                             "close it there first (nothing was changed)");
        throw StoreError(path + ": cannot lock the project file: " + std::strerror(err));
    }
    return fd;
}

void configure(sql::Database& db, bool writer) {
    sqlite3_busy_timeout(db.get(), 5000);
    if (writer) {
        db.exec("PRAGMA journal_mode=DELETE");
        db.exec("PRAGMA synchronous=FULL");
        db.exec("PRAGMA secure_delete=ON");
    }
}
}  // namespace

ProjectFile ProjectFile::create(const std::string& path, const std::string& projectName) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) throw StoreError(path + ": exists already; choose another name or open it");
        throw StoreError(path + ": cannot create: " + std::strerror(errno));
    }
    ::close(fd);
    ProjectFile pf;
    try {
        pf.path_ = path;
        pf.mode_ = OpenMode::ReadWrite;
        pf.lockFd_ = acquireWriterLock(path);
        pf.db_ = sql::Database(path, SQLITE_OPEN_READWRITE);
        configure(pf.db_, true);
        sql::Transaction tx(pf.db_);
        for (const char* migration : kMigrations) pf.db_.exec(migration);
        pf.db_.exec("PRAGMA application_id=" + std::to_string(static_cast<std::int32_t>(kApplicationId)));
        pf.db_.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
        sql::Statement meta(pf.db_, "INSERT INTO meta(key, value) VALUES(?, ?)");
        meta.bind(1, "name").bind(2, projectName).run();
        meta.bind(1, "taxonomy").bind(2, toJson(Taxonomy::defaults()).dump()).run();
        meta.bind(1, "created").bind(2, nowUtc()).run();
        tx.commit();
        pf.schemaVersion_ = kSchemaVersion;
        pf.network_.name = projectName;
    } catch (...) {
        pf.db_ = sql::Database();
        ::unlink(path.c_str());
        throw;
    }
    return pf;
}

ProjectFile ProjectFile::open(const std::string& path, OpenMode mode) {
    checkProjectHeader(path);
    ProjectFile pf;
    pf.path_ = path;
    pf.mode_ = mode;
    if (mode == OpenMode::ReadWrite) pf.lockFd_ = acquireWriterLock(path);
    // Opened read-write even for reading, so that SQLite can roll back a hot journal left by a
    // killed writer; a reader never writes otherwise.
    pf.db_ = sql::Database(path, SQLITE_OPEN_READWRITE);
    configure(pf.db_, false);
    try {
        auto check = pf.db_.queryText("PRAGMA quick_check");
        if (check != "ok") {
            std::string first = check.value_or("?");
            if (first.rfind("***", 0) == 0 && first.find('\n') != std::string::npos) first = first.substr(first.find('\n') + 1);
            first = first.substr(0, first.find('\n'));
            throw RefusedFileError(path + ": the project file is damaged (SQLite's check: " + first + "); it was left unchanged");
        }
        pf.schemaVersion_ = static_cast<int>(pf.db_.queryInt("PRAGMA user_version"));
        if (pf.schemaVersion_ < kSchemaVersion) {
            // A reader reads an older file as it is (without what later versions added); a
            // writer upgrades it first.
            if (mode != OpenMode::ReadWrite && pf.schemaVersion_ < 1)
                throw RefusedFileError(path + ": old schema version " + std::to_string(pf.schemaVersion_) + "; open it for editing to upgrade it");
        }
        if (pf.schemaVersion_ < kSchemaVersion && mode == OpenMode::ReadWrite) {
            sql::Transaction tx(pf.db_);
            for (int v = pf.schemaVersion_; v < kSchemaVersion; ++v) pf.db_.exec(kMigrations[v]);
            pf.db_.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
            tx.commit();
            pf.schemaVersion_ = kSchemaVersion;
        }
        if (mode == OpenMode::ReadWrite) configure(pf.db_, true);
        pf.load();
    } catch (const RefusedFileError&) {
        throw;
    } catch (const StorageError&) {
        throw;  // an upgrade that could not be stored: the file is sound, not damaged
    } catch (const std::exception& e) {
        throw RefusedFileError(path + ": the project file is damaged or unreadable (" + e.what() + "); it was left unchanged");
    }
    return pf;
}

void ProjectFile::load() { network_ = readStored(); }

Network ProjectFile::readStored() {
    Network network;
    network.name = db_.queryText("SELECT value FROM meta WHERE key='name'").value_or("");
    if (auto tax = db_.queryText("SELECT value FROM meta WHERE key='taxonomy'")) {
        try {
            network.taxonomy = taxonomyFromJson(json::parse(*tax));
        } catch (const json::exception&) {
            throw RefusedFileError(path_ + ": the taxonomy record is damaged");
        }
    }
    sql::Statement actors(db_, std::string("SELECT ") + (schemaVersion_ >= 2 ? kActorColumns : kActorColumnsV1) + " FROM actors ORDER BY ord");
    while (actors.step()) {
        Actor a;
        a.ord = actors.integer(0);
        a.id = actors.text(1);
        a.name = actors.text(2);
        a.shortName = actors.text(3);
        a.sector = actors.text(4);
        a.fields = parseJsonColumn<std::vector<std::string>>(actors.text(5), "actors.fields");
        a.level = actors.text(6);
        a.influence = static_cast<int>(actors.integer(7));
        a.contactPoint = actors.integer(8) != 0;
        a.contactPerson = actors.text(9);
        a.tags = parseJsonColumn<std::vector<std::string>>(actors.text(10), "actors.tags");
        a.note = actors.text(11);
        a.placed = !actors.isNull(12);
        if (a.placed) { a.x = actors.real(12); a.y = actors.real(13); }
        a.pinned = actors.integer(14) != 0;
        a.attributes = parseJsonColumn<Attributes>(actors.text(15), "actors.attributes");
        a.consent = actors.integer(16) != 0;
        a.consentDate = actors.text(17);
        if (network.findActor(a.id)) throw ValidationError("actor id \"" + a.id + "\" is used twice");
        validateActor(a, network.taxonomy);
        network.insertActor(std::move(a));
    }
    sql::Statement links(db_, std::string("SELECT ") + kLinkColumns + " FROM links ORDER BY ord");
    while (links.step()) {
        Link l;
        l.ord = links.integer(0);
        l.id = links.text(1);
        l.source = links.text(2);
        l.target = links.text(3);
        l.type = links.text(4);
        l.strength = links.real(5);
        l.directed = links.integer(6) != 0;
        l.status = links.text(7);
        l.fields = parseJsonColumn<std::vector<std::string>>(links.text(8), "links.fields");
        l.note = links.text(9);
        l.attributes = parseJsonColumn<Attributes>(links.text(10), "links.attributes");
        if (network.findLink(l.id)) throw ValidationError("link id \"" + l.id + "\" is used twice");
        validateLink(l, network);
        network.insertLink(std::move(l));
    }
    return network;
}

void ProjectFile::backupTo(const std::string& target) {
    sql::Statement into(db_, "VACUUM INTO ?");
    into.bind(1, target).run();
}

void ProjectFile::integrityCheck() {
    sql::Statement check(db_, "PRAGMA integrity_check");
    std::vector<std::string> problems;
    while (check.step()) {
        std::string line = check.text(0);
        if (line == "ok") continue;
        // One report may hold several lines; "*** in database main ***" only says where.
        std::size_t start = 0;
        for (std::size_t nl; start <= line.size(); start = nl + 1) {
            nl = line.find('\n', start);
            if (nl == std::string::npos) nl = line.size();
            const std::string part = line.substr(start, nl - start);
            if (!part.empty() && part.rfind("***", 0) != 0) problems.push_back(part);
        }
    }
    if (problems.empty()) return;
    throw RefusedFileError(path_ + ": the project file is damaged: SQLite's integrity check reports " + std::to_string(problems.size()) +
                           (problems.size() == 1 ? " problem (" : " problems, the first: ") + problems.front() + (problems.size() == 1 ? ")" : ""));
}

std::size_t ProjectFile::verifyHistory() {
    std::vector<std::pair<std::int64_t, Edit>> done, undone;
    {
        sql::Statement q(db_, "SELECT seq, edit, undone FROM history ORDER BY seq");
        while (q.step()) {
            const std::int64_t seq = q.integer(0);
            try {
                (q.integer(2) ? undone : done).emplace_back(seq, editFromJson(json::parse(q.text(1))));
            } catch (const std::exception& e) {
                throw StoreError(path_ + ": history step " + std::to_string(seq) + " cannot be read: " + e.what());
            }
        }
    }
    auto apply = [&](Network& n, std::int64_t seq, const Edit& e, const char* way) {
        try {
            applyEdit(n, e);
        } catch (const std::exception& ex) {
            throw StoreError(path_ + ": history step " + std::to_string(seq) + " does not fit when " + way + ": " + ex.what());
        }
    };
    const std::string doneSteps = std::to_string(done.size()) + (done.size() == 1 ? " done history step" : " done history steps");
    // Back from the model (what undo starts from) to the start of the history: every project
    // starts with no actors and no links, so whatever remains came from no step (a step lost,
    // or content written without one).
    Network n = network_;
    for (auto it = done.rbegin(); it != done.rend(); ++it) apply(n, it->first, inverse(it->second), "undoing it");
    if (!n.actors().empty() || !n.links().empty()) {
        std::string first = !n.actors().empty() ? "actor \"" + n.actors().front().id + "\"" : "link \"" + n.links().front().id + "\"";
        throw StoreError(path_ + ": walking back through the " + doneSteps + " does not end at an empty network: " +
                         std::to_string(n.actors().size()) + " actor(s) and " + std::to_string(n.links().size()) +
                         " link(s) remain, the first " + first + " (no step adds it)");
    }
    // Forward again from a new empty network (with the name and categories the walk back
    // ended at): the done steps must give exactly the current state as the file stores it
    // (its tables read again, not the model kept in memory).
    Network forward;
    forward.name = n.name;
    forward.taxonomy = n.taxonomy;
    for (const auto& [seq, e] : done) apply(forward, seq, e, "redoing it");
    const Network stored = readStored();
    if (!(forward == stored))
        throw StoreError(path_ + ": walking forward through the " + doneSteps + " does not end at the current state: " +
                         firstDifference(forward, stored));
    for (const auto& [seq, e] : undone) apply(forward, seq, e, "redoing it");
    return done.size() + undone.size();
}

// [SECTION] Edits
void ProjectFile::requireWritable() const {
    if (mode_ != OpenMode::ReadWrite) throw StoreError(path_ + ": opened for reading only");
}

void ProjectFile::writeOps(const Edit& edit) {
    sql::Statement putActor(db_, std::string("INSERT OR REPLACE INTO actors(") + kActorColumns +
                                     ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sql::Statement delActor(db_, "DELETE FROM actors WHERE id=?");
    sql::Statement putLink(db_, std::string("INSERT OR REPLACE INTO links(") + kLinkColumns + ") VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    sql::Statement delLink(db_, "DELETE FROM links WHERE id=?");
    sql::Statement putMeta(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    auto writeActor = [&](const Actor& a) {
        putActor.bind(1, a.ord).bind(2, a.id).bind(3, a.name).bind(4, a.shortName).bind(5, a.sector)
            .bind(6, json(a.fields).dump()).bind(7, a.level).bind(8, a.influence).bind(9, a.contactPoint ? 1 : 0)
            .bind(10, a.contactPerson).bind(11, json(a.tags).dump()).bind(12, a.note);
        if (a.placed) putActor.bind(13, a.x).bind(14, a.y);
        else putActor.bindNull(13).bindNull(14);
        putActor.bind(15, a.pinned ? 1 : 0).bind(16, json(a.attributes).dump()).bind(17, a.consent ? 1 : 0).bind(18, a.consentDate).run();
    };
    auto writeLink = [&](const Link& l) {
        putLink.bind(1, l.ord).bind(2, l.id).bind(3, l.source).bind(4, l.target).bind(5, l.type)
            .bind(6, l.strength).bind(7, l.directed ? 1 : 0).bind(8, l.status).bind(9, json(l.fields).dump())
            .bind(10, l.note).bind(11, json(l.attributes).dump()).run();
    };
    for (const Op& op : edit.ops) {
        std::visit(Overloaded{
            [&](const InsertActor& o) { writeActor(o.actor); },
            [&](const ReplaceActor& o) { writeActor(o.after); },
            [&](const EraseActor& o) { delActor.bind(1, o.actor.id).run(); },
            [&](const InsertLink& o) { writeLink(o.link); },
            [&](const ReplaceLink& o) { writeLink(o.after); },
            [&](const EraseLink& o) { delLink.bind(1, o.link.id).run(); },
            [&](const SetName& o) { putMeta.bind(1, "name").bind(2, o.after).run(); },
            [&](const SetTaxonomy& o) { putMeta.bind(1, "taxonomy").bind(2, toJson(o.after).dump()).run(); },
        }, op);
    }
}

void ProjectFile::execute(const Edit& edit) {
    requireWritable();
    if (edit.empty()) return;
    applyEdit(network_, edit);  // throws ValidationError with the network unchanged
    try {
        sql::Transaction tx(db_);
        writeOps(edit);
        db_.exec("DELETE FROM history WHERE undone=1");
        sql::Statement hist(db_, "INSERT INTO history(kind, subject, edit, created) VALUES(?,?,?,?)");
        hist.bind(1, edit.kind).bind(2, edit.subject).bind(3, toJson(edit).dump()).bind(4, nowUtc()).run();
        tx.commit();
    } catch (...) {
        applyEdit(network_, inverse(edit));
        throw;
    }
}

bool ProjectFile::undo() {
    requireWritable();
    sql::Statement last(db_, "SELECT seq, edit FROM history WHERE undone=0 ORDER BY seq DESC LIMIT 1");
    if (!last.step()) return false;
    const std::int64_t seq = last.integer(0);
    Edit edit;
    try {
        edit = editFromJson(json::parse(last.text(1)));
    } catch (const std::exception& e) {
        throw StoreError(path_ + ": undo history entry " + std::to_string(seq) + " is damaged: " + e.what());
    }
    const Edit inv = inverse(edit);
    applyEdit(network_, inv);
    try {
        sql::Transaction tx(db_);
        writeOps(inv);
        sql::Statement mark(db_, "UPDATE history SET undone=1 WHERE seq=?");
        mark.bind(1, seq).run();
        tx.commit();
    } catch (...) {
        applyEdit(network_, edit);
        throw;
    }
    return true;
}

bool ProjectFile::redo() {
    requireWritable();
    sql::Statement next(db_, "SELECT seq, edit FROM history WHERE undone=1 ORDER BY seq ASC LIMIT 1");
    if (!next.step()) return false;
    const std::int64_t seq = next.integer(0);
    Edit edit;
    try {
        edit = editFromJson(json::parse(next.text(1)));
    } catch (const std::exception& e) {
        throw StoreError(path_ + ": undo history entry " + std::to_string(seq) + " is damaged: " + e.what());
    }
    applyEdit(network_, edit);
    try {
        sql::Transaction tx(db_);
        writeOps(edit);
        sql::Statement mark(db_, "UPDATE history SET undone=0 WHERE seq=?");
        mark.bind(1, seq).run();
        tx.commit();
    } catch (...) {
        applyEdit(network_, inverse(edit));
        throw;
    }
    return true;
}

std::size_t ProjectFile::undoDepth() {
    return static_cast<std::size_t>(db_.queryInt("SELECT count(*) FROM history WHERE undone=0"));
}

std::size_t ProjectFile::redoDepth() {
    return static_cast<std::size_t>(db_.queryInt("SELECT count(*) FROM history WHERE undone=1"));
}

namespace {
constexpr const char* kHistoryColumns = "SELECT seq, kind, subject, created, undone, json_array_length(edit, '$.ops') FROM history ";

HistoryEntry historyEntry(const sql::Statement& st) {
    return {st.integer(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0, static_cast<std::size_t>(st.integer(5))};
}
}  // namespace

std::vector<HistoryEntry> ProjectFile::history() {
    std::vector<HistoryEntry> out;
    sql::Statement st(db_, std::string(kHistoryColumns) + "ORDER BY seq");
    while (st.step()) out.push_back(historyEntry(st));
    return out;
}

std::optional<HistoryEntry> ProjectFile::nextUndo(std::size_t skip) {
    sql::Statement st(db_, std::string(kHistoryColumns) + "WHERE undone=0 ORDER BY seq DESC LIMIT 1 OFFSET " + std::to_string(skip));
    if (!st.step()) return std::nullopt;
    return historyEntry(st);
}

std::optional<HistoryEntry> ProjectFile::nextRedo(std::size_t skip) {
    sql::Statement st(db_, std::string(kHistoryColumns) + "WHERE undone=1 ORDER BY seq ASC LIMIT 1 OFFSET " + std::to_string(skip));
    if (!st.step()) return std::nullopt;
    return historyEntry(st);
}

// [SECTION] Snapshots
void ProjectFile::takeSnapshot(const std::string& name) { addSnapshot(name, nowUtc(), network_); }

void ProjectFile::addSnapshot(const std::string& name, const std::string& created, const Network& network) {
    requireWritable();
    if (name.empty()) throw ValidationError("a snapshot needs a name");
    if (name.find('@') != std::string::npos) throw ValidationError("snapshot name \"" + name + "\" must not contain '@'");
    sql::Transaction tx(db_);
    sql::Statement exists(db_, "SELECT 1 FROM snapshots WHERE name=?");
    exists.bind(1, name);
    if (exists.step()) throw ValidationError("a snapshot named \"" + name + "\" exists already");
    sql::Statement put(db_, "INSERT INTO snapshots(name, created, actors, links, network) VALUES(?,?,?,?,?)");
    put.bind(1, name).bind(2, created).bind(3, static_cast<std::int64_t>(network.actors().size()))
        .bind(4, static_cast<std::int64_t>(network.links().size())).bind(5, toJson(network).dump()).run();
    tx.commit();
}

std::vector<SnapshotInfo> ProjectFile::snapshots() {
    std::vector<SnapshotInfo> out;
    sql::Statement st(db_, "SELECT name, created, actors, links FROM snapshots ORDER BY created, rowid");
    while (st.step())
        out.push_back({st.text(0), st.text(1), static_cast<std::size_t>(st.integer(2)), static_cast<std::size_t>(st.integer(3))});
    return out;
}

Network ProjectFile::loadSnapshot(const std::string& name) {
    sql::Statement st(db_, "SELECT network FROM snapshots WHERE name=?");
    st.bind(1, name);
    if (!st.step()) {
        std::string known;
        for (const SnapshotInfo& s : snapshots()) known += (known.empty() ? "" : ", ") + s.name;
        throw InputError(path_ + ": no snapshot named \"" + name + "\"" + (known.empty() ? " (the project has none)" : " (known: " + known + ")"));
    }
    try {
        return networkFromJson(json::parse(st.text(0)));
    } catch (const std::exception& e) {
        throw RefusedFileError(path_ + ": snapshot \"" + name + "\" is damaged: " + e.what());
    }
}

void ProjectFile::restoreSnapshot(const std::string& name) {
    requireWritable();
    Network snap = loadSnapshot(name);
    execute(cmdReplaceContent(network_, snap, "restore_snapshot", name));
}

std::string utcTimestamp() { return nowUtc(); }

}  // namespace knp
