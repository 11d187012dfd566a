#pragma once
// Choosing a file: the desktop's file chooser (zenity, platform/desktop.hpp) on the task runner
// where it is installed, the in-app browser otherwise (KNP_FILE_DIALOG=builtin forces it). The
// browser's window: ui/panels/file_dialog.cpp; what is done with the file: ui/files.hpp.
#include <optional>
#include <string>
#include <vector>

#include "ui/files.hpp"
#include "ui/tasks.hpp"

namespace knp::ui {

struct AppState;

// A file choice under way.
struct FileDialog {
    FileAction action = FileAction::Open;
    bool builtin = false;
    Task<std::string> choice;  // the desktop's chooser: the path, "" when cancelled
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
};

// `suggestion`: a file name offered for saving.
void startFileDialog(AppState& s, FileAction action, const std::string& suggestion = "");
// The dialog for Export, Diagram or Report, offering a name after the open file (musterstadt.pdf,
// musterstadt-bericht.html, musterstadt.xlsx); nothing while an export is being written.
void startExportDialog(AppState& s, FileAction action);
// Datei > Als Projekt speichern / Speichern unter (Ctrl+Shift+S): for an imported document or a
// project whose changes the file could not store (AppState::project() is nullptr then).
void startSaveAsDialog(AppState& s);

// For the browser's window.
const char* fileActionTitleKey(FileAction action);  // the message key of its title
bool savesFile(FileAction action);                   // asks for a new name
bool opensNetworks(FileAction action);               // Open, Import: CSV folders are chosen like files
const char* defaultExtension(FileAction action);     // what an export gets when the name has none
std::string formatEndings(FileAction action);        // ".pdf, .svg, .png": the endings that choose an export's format ("" where none)
void readDirectory(FileDialog& d);                   // lists d.directory: folders and files for d.action

}  // namespace knp::ui
