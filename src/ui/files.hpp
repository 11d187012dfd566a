#pragma once
// Files in the view: settings and recent files under $XDG_CONFIG_HOME/knotenpunkt, opening and
// creating projects, importing and exporting, with the desktop's file dialog through zenity
// where it is installed and an in-app file browser otherwise (KNP_FILE_DIALOG=builtin forces
// the in-app one).
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/privacy.hpp"
#include "core/taxonomy.hpp"

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

std::string configDir();
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
// can be cancelled between its diagrams.
struct ExportTask {
    FileAction action = FileAction::Export;
    std::string path;
    std::thread thread;
    std::atomic<double> progress{0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> done{false};
    std::string error;                  // "" when written (or cancelled: `cancelled`)
    bool cancelled = false;
    std::vector<std::string> written;
    bool cancellable() const { return action == FileAction::Report; }
    ~ExportTask() {
        cancel = true;
        if (thread.joinable()) thread.join();
    }
};

// A file choice under way: zenity in a thread of its own, or the in-app browser.
struct FileDialog {
    FileAction action = FileAction::Open;
    bool builtin = false;
    // zenity
    std::thread thread;
    std::atomic<bool> done{false};
    std::string chosen;  // empty: cancelled
    // in-app browser
    std::string directory;
    char name[512] = {};
    struct Entry {
        std::string name;
        bool directory = false;
        bool network = false;  // a folder with actors.csv ...: opened like a file
    };
    std::vector<Entry> entries;
    std::string overwrite;                              // an existing file to confirm replacing
    ~FileDialog();
};

// `suggestion`: a file name offered for saving.
void startFileDialog(AppState& s, FileAction action, const std::string& suggestion = "");
// The dialog for Export, Diagram or Report, offering a name after the open file (musterstadt.pdf,
// musterstadt-bericht.html, musterstadt.xlsx); nothing while an export is being written.
void startExportDialog(AppState& s, FileAction action);
// Draws the in-app browser or collects zenity's answer, then carries out the action.
void drawFileDialog(AppState& s);
// Opens a project (for writing; read-only with a notice when another window has it) or any
// importable file. Returns false with a notice on failure; the open document stays then.
bool openDocument(AppState& s, const std::string& path);
// Carries out `action` on `path` (tests and the dialogs).
void performFileAction(AppState& s, FileAction action, const std::string& path);
// The progress window while an export is written; when it is done, the status line says so
// and, when asked for, the desktop's viewer opens the map or report.
void drawExportTask(AppState& s);
// Opens `path` in the desktop's program for it (xdg-open), not in automated runs.
void openWithDesktop(const AppState& s, const std::string& path);
// A message the user must acknowledge (a project open elsewhere, a file that cannot be read).
void drawNotice(AppState& s);
// A backup of the open project now (not in automated runs); the status line says so.
void backupProject(AppState& s);
// The offer to open the newest sound backup of a damaged project (a modal).
void drawBackupOffer(AppState& s);
// When `path` is a damaged project with a sound backup: sets the offer and returns true.
bool offerBackupFor(AppState& s, const std::string& path, const std::string& error);

}  // namespace knp::ui
