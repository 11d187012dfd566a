#pragma once
// Files in the view: settings and recent files under $XDG_CONFIG_HOME/knotenpunkt
// (platform/paths.hpp), opening and creating projects, importing and exporting (through
// session/, as knp does), backups. Choosing the file: ui/file_dialog.hpp.
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/privacy.hpp"
#include "core/taxonomy.hpp"
#include "ui/tasks.hpp"

namespace knp::ui {

struct AppState;

// What the view remembers between sessions (settings.ini: key=value lines).
struct Settings {
    std::optional<Lang> lang;
    bool dark = false;
    bool highContrast = false;
    bool labels = true;
    bool liveLayout = true;
    std::vector<std::string> recent;  // newest first, at most 8
};

Settings loadSettings(const std::string& dir);
void saveSettings(const std::string& dir, const Settings& settings);  // never throws
void addRecent(Settings& settings, const std::string& path);

// Export: data formats; Diagram: the map as it is shown (SVG, PDF, PNG); Report: the strategy
// report (HTML, Markdown). All three go through session/export, as knp export and knp report.
enum class FileAction { Open, New, Import, Export, Diagram, Report, SaveAsProject };

// What knp export and knp report take as options and the view keeps for its exports: the
// paper diagrams are fitted to (--size), pseudonyms (--pseudonymize), and whether the written
// map or report opens in the desktop's viewer.
struct ExportSettings {
    std::string paper = "a4";
    Pseudonymize privacy = Pseudonymize::None;
    bool openWhenWritten = true;
};

// An export being written off the UI thread (data, map or report), with progress; the report
// can be cancelled between its diagrams. The task's value: the files written.
struct ExportTask {
    FileAction action = FileAction::Export;
    std::string path;
    Task<std::vector<std::string>> task;
    bool cancellable() const { return action == FileAction::Report; }
};

// Why the project file could not store a change, in the facilitator's words (storage.full, …).
std::string storageProblemText(Lang lang, StorageProblem problem);

// Opens a project (for writing; read-only with a notice when another window has it) or any
// importable file. Returns false with a notice on failure; the open document stays then.
bool openDocument(AppState& s, const std::string& path);
// Carries out `action` on `path` (tests and the dialogs).
void performFileAction(AppState& s, FileAction action, const std::string& path);
// Takes the finished export (panels::drawExportProgress shows it running): the status line
// says what was written, or a notice why not, and, when asked for, the desktop's viewer opens
// the map or report.
void finishExport(AppState& s);
// Opens `path` in the desktop's program for it (xdg-open), not in automated runs.
void openWithDesktop(const AppState& s, const std::string& path);
// A backup of the open project now (not in automated runs); the status line says so.
void backupProject(AppState& s);
// When `path` is a damaged project with a sound backup: sets the offer and returns true.
bool offerBackupFor(AppState& s, const std::string& path, const std::string& error);

}  // namespace knp::ui
