#pragma once
// ProjectFile: a Knotenpunkt project (.knp), an SQLite database with our application_id and
// schema version in user_version. Every edit is one transaction, durable when execute(),
// undo() or redo() returns (journal_mode=DELETE, synchronous=FULL). The undo history and
// named snapshots live in the file, so undo works after closing and reopening.
// Foreign, newer or damaged files are refused (RefusedFileError) without being written to.
// A writer holds an advisory lock (flock) for its lifetime; a second writer is refused at once
// with a clear message, and a lock left by a killed process is released by the kernel.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "store/sqlite.hpp"

namespace knp {

inline constexpr std::uint32_t kApplicationId = 0x4B4E5054;  // "KNPT"
inline constexpr int kSchemaVersion = 2;                     // user_version written by this build

enum class OpenMode { ReadOnly, ReadWrite };

struct HistoryEntry {
    std::int64_t seq = 0;
    std::string kind;     // add_actor, remove_actor, import, restore_snapshot, ...
    std::string subject;
    std::string created;  // ISO 8601, UTC
    bool undone = false;  // true: on the redo side
    std::size_t operations = 0;
};

// The current time as the project file records it: ISO 8601, UTC, whole seconds.
std::string utcTimestamp();

struct SnapshotInfo {
    std::string name;
    std::string created;  // ISO 8601, UTC
    std::size_t actors = 0;
    std::size_t links = 0;
};

class ProjectFile {
public:
    // Creates a new project; refuses an existing path. The file is created with mode 0600.
    static ProjectFile create(const std::string& path, const std::string& projectName);
    static ProjectFile open(const std::string& path, OpenMode mode);

    ProjectFile(ProjectFile&&) noexcept;
    ProjectFile& operator=(ProjectFile&&) noexcept;
    ~ProjectFile();

    const Network& network() const { return network_; }
    const std::string& path() const { return path_; }
    int schemaVersion() const { return schemaVersion_; }

    void execute(const Edit& edit);  // validated, applied, committed; empty edits do nothing
    bool undo();                     // false when there is nothing to undo
    bool redo();
    std::size_t undoDepth();
    std::size_t redoDepth();
    std::vector<HistoryEntry> history();
    std::optional<HistoryEntry> nextUndo(std::size_t skip = 0);  // the step undo() would take back (skip: the one after so many)
    std::optional<HistoryEntry> nextRedo(std::size_t skip = 0);  // the step redo() would apply again

    void takeSnapshot(const std::string& name);
    // Stores `network` as snapshot `name` taken at `created` (ISO 8601 UTC): snapshots brought
    // along by an import.
    void addSnapshot(const std::string& name, const std::string& created, const Network& network);
    std::vector<SnapshotInfo> snapshots();
    Network loadSnapshot(const std::string& name);
    void restoreSnapshot(const std::string& name);  // one undoable edit

    // A consistent copy of the file (VACUUM INTO; the target must not exist).
    void backupTo(const std::string& target);
    // PRAGMA integrity_check (all pages, not only quick_check's): "ok" or what is wrong, in
    // SQLite's words; throws RefusedFileError when it is not ok.
    void integrityCheck();

    // Walks the whole undo history back from the current state and forward again through
    // every step (redo steps too) on a copy: each step must fit the state it meets, walking
    // back must end at an empty network (no actors, no links) and walking forward through the
    // done steps from there must give exactly the current state as the file's tables hold it.
    // Returns the number of steps; throws StoreError naming the first step that does not fit,
    // or what remains at the start or differs at the end.
    std::size_t verifyHistory();

    // [Personal data] (store/personal_data.cpp)
    // Removes contact person `name` (any case and spacing) from the current state, the undo
    // history and every snapshot: the contact person field emptied with its consent, the name
    // replaced by "[gelöscht]" in notes, tags and attribute values; then VACUUM (secure_delete
    // is on), so the bytes are gone from the file. Names and ids of actors are not changed:
    // where the name is part of one, `stillIn` says so. Not undoable (that is the point).
    struct Erasure {
        std::size_t contactFields = 0;   // contact person fields emptied (current state)
        std::size_t textReplacements = 0;
        std::size_t historyEntries = 0;  // undo/redo steps rewritten
        std::size_t snapshots = 0;       // snapshots rewritten
        std::vector<std::string> stillIn;  // where the name remains (actor names), in words
        bool goneFromFile = false;       // the file's bytes no longer hold the name
    };
    Erasure erasePerson(const std::string& name);
    // Everything the file stores about contact person `name` (DSGVO Art. 15): the actors it is
    // the contact person of (with consent), notes naming it, the history steps and snapshots
    // that hold it. JSON text.
    std::string personData(const std::string& name);

private:
    ProjectFile() = default;
    void load();
    Network readStored();  // the current state as the file's tables hold it, validated
    void writeOps(const Edit& edit);
    void requireWritable() const;

    std::string path_;
    OpenMode mode_ = OpenMode::ReadOnly;
    int schemaVersion_ = 0;
    int lockFd_ = -1;
    sql::Database db_;  // declared after lockFd_: closed before the lock is released
    Network network_;
};

// Checks the first 100 bytes of a file: SQLite header, application_id and user_version.
// Throws RefusedFileError with the reason when the file is not a project this build can open.
void checkProjectHeader(const std::string& path);
// True when the file starts with the SQLite header (a .knp project or another SQLite file).
bool looksLikeSqlite(const std::string& path);

}  // namespace knp
