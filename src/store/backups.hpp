#pragma once
// Backups of project files, made with SQLite's VACUUM INTO (a consistent copy while the project
// is open, without free pages): into $XDG_STATE_HOME/knotenpunkt/backups (~/.local/state/...),
// one folder per project (its name and a hash of its absolute path), files named by their UTC
// time, mode 0600, the newest 10 kept. The view takes one when it opens a project and every
// 10 minutes while the project changes; erasing a person erases it from them too.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace knp {

class ProjectFile;

struct BackupInfo {
    std::string path;
    std::string created;  // ISO 8601 UTC, from the file name
};

inline constexpr std::size_t kBackupsKept = 10;

// The folder of `project`'s backups (not created).
std::string backupFolder(const std::string& project);
// Writes a backup of the open project; returns its path. Older backups beyond `keep` go.
std::string takeBackup(ProjectFile& project, std::size_t keep = kBackupsKept);
// The project's backups, newest first.
std::vector<BackupInfo> listBackups(const std::string& project);
// The newest backup that opens and passes the integrity check, if any.
std::optional<BackupInfo> newestGoodBackup(const std::string& project);
// Erases contact person `name` from every backup of `project` (ProjectFile::erasePerson);
// returns how many backups held the person. Called before erasing from the project itself, so
// that a failure here leaves the project as it was, to try again.
std::size_t erasePersonFromBackups(const std::string& project, const std::string& name);
// Copies `backup` next to the damaged `project` as "NAME (wiederhergestellt DATE).knp" (never
// over the damaged file or an existing one) and returns the new path.
std::string restoreBackupBeside(const std::string& project, const BackupInfo& backup);

}  // namespace knp
