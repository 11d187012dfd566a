#include "ui/file_dialog.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "core/i18n.hpp"
#include "io/csv_import.hpp"
#include "io/formats.hpp"
#include "platform/desktop.hpp"
#include "report/diagram.hpp"
#include "report/report.hpp"
#include "session/open.hpp"
#include "ui/state.hpp"

namespace knp::ui {

namespace fs = std::filesystem;

namespace {

// Extensions the browser lists for an action (directories always).
bool listed(FileAction a, const fs::path& p) {
    const std::string ext = p.extension().string();
    switch (a) {
        case FileAction::New:
        case FileAction::SaveAsProject: return ext == ".knp";
        case FileAction::Export: return exportFormatFor(p.string()) != nullptr;
        case FileAction::Diagram: return report::isDiagramPath(p.string());
        case FileAction::Report: return report::isReportPath(p.string());
        case FileAction::Open:
        case FileAction::Import: return std::find(importExtensions().begin(), importExtensions().end(), ext) != importExtensions().end();
    }
    return true;
}

// The desktop chooser's filters for `action`, the last one for all files.
std::vector<platform::FileFilter> chooserFilters(FileAction action) {
    std::vector<platform::FileFilter> filters;
    if (action == FileAction::New || action == FileAction::SaveAsProject || action == FileAction::Open)
        filters.push_back({"Knotenpunkt (*.knp)", {"*.knp"}});
    if (action == FileAction::Open || action == FileAction::Import) {
        platform::FileFilter f{importFormatNames(), {}};
        for (const std::string& ext : importExtensions())
            if (ext != ".knp") f.patterns.push_back("*" + ext);
        filters.push_back(f);
    }
    if (action == FileAction::Export)
        for (const ExportFormat& format : exportFormats()) {
            platform::FileFilter f{format.name, {}};
            for (const std::string& e : format.extensions) f.patterns.push_back("*" + e);
            filters.push_back(f);
        }
    if (action == FileAction::Diagram) filters.insert(filters.end(), {{"PDF", {"*.pdf"}}, {"SVG", {"*.svg"}}, {"PNG", {"*.png"}}});
    if (action == FileAction::Report) filters.insert(filters.end(), {{"HTML", {"*.html", "*.htm"}}, {"Markdown", {"*.md"}}});
    filters.push_back({"*", {"*"}});
    return filters;
}

}  // namespace

bool savesFile(FileAction a) {
    return a == FileAction::New || a == FileAction::Export || a == FileAction::Diagram || a == FileAction::Report || a == FileAction::SaveAsProject;
}

// The extension an export gets when the name has none.
const char* defaultExtension(FileAction a) { return a == FileAction::Diagram ? ".pdf" : a == FileAction::Report ? ".html" : ".dot"; }

const char* fileActionTitleKey(FileAction a) {
    switch (a) {
        case FileAction::Open: return "file.open";
        case FileAction::New: return "file.new";
        case FileAction::Import: return "file.import";
        case FileAction::Export: return "file.export";
        case FileAction::Diagram: return "file.diagram";
        case FileAction::Report: return "file.report";
        case FileAction::SaveAsProject: return "menu.save_as_project";
    }
    return "file.open";
}

std::string formatEndings(FileAction a) {
    std::vector<std::string> endings;
    if (a == FileAction::Export)
        for (const ExportFormat& format : exportFormats()) endings.insert(endings.end(), format.extensions.begin(), format.extensions.end());
    if (a == FileAction::Diagram) endings = {".pdf", ".svg", ".png"};
    if (a == FileAction::Report) endings = {".html", ".md"};
    std::string out;
    for (const std::string& e : endings) out += (out.empty() ? "" : ", ") + e;
    return out;
}

bool opensNetworks(FileAction a) { return a == FileAction::Open || a == FileAction::Import; }

void readDirectory(FileDialog& d) {
    d.entries.clear();
    std::error_code ec;
    for (fs::directory_iterator it(d.directory, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code dirEc;
        const bool dir = it->is_directory(dirEc);
        if (dir || listed(d.action, it->path()))
            d.entries.push_back({name, dir, dir && opensNetworks(d.action) && isCsvFolder(it->path().string())});
    }
    std::sort(d.entries.begin(), d.entries.end(), [](const FileDialog::Entry& a, const FileDialog::Entry& b) {
        return a.directory != b.directory ? a.directory : a.name < b.name;
    });
}

void startFileDialog(AppState& s, FileAction action, const std::string& suggestion) {
    if (s.fileDialog) return;
    auto d = std::make_unique<FileDialog>();
    d->action = action;
    d->builtin = !platform::haveFileChooser();
    std::string start = s.sourcePath.empty() ? fs::current_path().string() : fs::absolute(fs::path(s.sourcePath)).parent_path().string();
    if (std::error_code ec; !fs::is_directory(start, ec)) start = fs::current_path().string();  // the folder vanished
    if (d->builtin) {
        d->directory = start;
        std::snprintf(d->name, sizeof d->name, "%s", suggestion.c_str());
        readDirectory(*d);
    } else {
        // zenity blocks until the user chooses: it runs beside the view, which keeps drawing; at
        // exit it is let go, not waited for.
        platform::FileChoice choice;
        choice.title = std::string(tr(s.lang, fileActionTitleKey(action))) + " – Knotenpunkt";
        choice.save = savesFile(action);
        choice.suggestion = suggestion;
        choice.directory = start;
        choice.filters = chooserFilters(action);
        d->choice = s.tasks.start<std::string>(s.version, [choice](TaskContext&) { return platform::chooseFile(choice); }, {.waitAtExit = false});
    }
    s.fileDialog = std::move(d);
}

void startExportDialog(AppState& s, FileAction action) {
    if (s.exportTask || s.compare.active) return;
    const std::string stem = s.sourcePath.empty() ? "netzwerk" : fs::path(s.sourcePath).stem().string();
    const char* suffix = action == FileAction::Diagram ? ".pdf" : action == FileAction::Report ? "-bericht.html" : ".xlsx";
    startFileDialog(s, action, stem + suffix);
}

void startSaveAsDialog(AppState& s) {
    if (s.project()) return;
    const fs::path source(s.sourcePath);
    // A project whose changes are kept in memory: a new name beside it (its file is still there).
    const std::string copy = s.document->unsaved() ? tr(s.lang, "storage.copy_suffix") : "";
    startFileDialog(s, FileAction::SaveAsProject, source.empty() ? "projekt.knp" : source.stem().string() + copy + ".knp");
}

}  // namespace knp::ui
