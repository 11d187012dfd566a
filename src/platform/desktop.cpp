#include "platform/desktop.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace knp::platform {

namespace {

// 'text' for the shell, with quotes inside kept.
std::string shellQuoted(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace

bool haveFileChooser() {
    namespace fs = std::filesystem;
    if (const char* mode = std::getenv("KNP_FILE_DIALOG"); mode && std::string(mode) == "builtin") return false;
    const char* path = std::getenv("PATH");
    if (!path || !std::getenv("DISPLAY")) return false;
    const std::string p = path;
    for (std::size_t start = 0; start <= p.size();) {
        const std::size_t end = std::min(p.find(':', start), p.size());
        if (end > start && fs::exists(fs::path(p.substr(start, end - start)) / "zenity")) return true;
        start = end + 1;
    }
    return false;
}

std::string chooseFile(const FileChoice& choice) {
    std::string command = "zenity --file-selection --title='" + choice.title + "'";
    if (choice.save) command += " --save --confirm-overwrite";
    // The suggestion is a file name of ours (stem of the open file); quotes are dropped.
    std::string safe = choice.suggestion;
    safe.erase(std::remove(safe.begin(), safe.end(), '\''), safe.end());
    if (!safe.empty()) command += " --filename='" + safe + "'";
    for (const FileFilter& f : choice.filters) {
        command += " --file-filter='" + f.name + " |";
        for (const std::string& pattern : f.patterns) command += " " + pattern;
        command += "'";
    }
    command = "cd '" + choice.directory + "' 2>/dev/null; " + command + " 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
        pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

void openWithDesktop(const std::string& path) {
    const std::string command = "xdg-open " + shellQuoted(path) + " >/dev/null 2>&1 &";
    if (std::system(command.c_str()) != 0) {}  // a desktop without a viewer: the file is written all the same
}

}  // namespace knp::platform
