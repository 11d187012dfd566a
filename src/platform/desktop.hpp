#pragma once
// Other programs of the desktop: its file chooser (zenity) and its viewer for a file (xdg-open).
#include <string>
#include <vector>

namespace knp::platform {

// One entry of the chooser's filter list: "PDF" with {"*.pdf"}.
struct FileFilter {
    std::string name;
    std::vector<std::string> patterns;
};

struct FileChoice {
    std::string title;
    bool save = false;           // asks for a new name (and confirms replacing a file)
    std::string suggestion;      // a file name offered for saving
    std::string directory;       // where the chooser starts
    std::vector<FileFilter> filters;
};

// Whether the desktop's file chooser is at hand: zenity on PATH and a display, unless
// KNP_FILE_DIALOG=builtin asks for the view's own browser.
bool haveFileChooser();
// Shows the desktop's file chooser and blocks until the user has chosen; returns the path, or
// "" when cancelled. Run it off the UI thread.
std::string chooseFile(const FileChoice& choice);
// Opens `path` in the desktop's program for it (xdg-open, in the background); a desktop without
// one is no error.
void openWithDesktop(const std::string& path);

}  // namespace knp::platform
