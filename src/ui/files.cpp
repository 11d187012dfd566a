#include "ui/files.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "io/csv_import.hpp"
#include "io/formats.hpp"
#include "analysis/metrics.hpp"
#include "report/diagram.hpp"
#include "report/report.hpp"
#include "session/export.hpp"
#include "session/import.hpp"
#include "session/open.hpp"
#include "store/backups.hpp"
#include "ui/canvas.hpp"
#include "ui/state.hpp"

namespace knp::ui {

namespace fs = std::filesystem;

namespace {

const char* T(const AppState& s, const char* key) { return tr(s.lang, key).data(); }

bool hasZenity() {
    if (const char* mode = std::getenv("KNP_FILE_DIALOG"); mode && std::string(mode) == "builtin") return false;
    const char* path = std::getenv("PATH");
    if (!path || !std::getenv("DISPLAY")) return false;
    std::string p = path;
    for (std::size_t start = 0; start <= p.size();) {
        const std::size_t end = std::min(p.find(':', start), p.size());
        if (end > start && fs::exists(fs::path(p.substr(start, end - start)) / "zenity")) return true;
        start = end + 1;
    }
    return false;
}

bool saving(FileAction a) {
    return a == FileAction::New || a == FileAction::Export || a == FileAction::Diagram || a == FileAction::Report || a == FileAction::SaveAsProject;
}

// The extension an export gets when the name has none.
const char* defaultExtension(FileAction a) { return a == FileAction::Diagram ? ".pdf" : a == FileAction::Report ? ".html" : ".dot"; }

const char* titleKey(FileAction a) {
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

void resetView(AppState& s) {
    s.liveActors = s.liveLinks = SIZE_MAX;
    s.animation.reset();
    s.selectedActors.clear();
    s.selectedLink.reset();
    s.canvas.hover.reset();
    s.canvas.hoverLink.reset();
    s.canvas.fitRequested = true;
    s.newActor.open = false;
    s.layoutTask.reset();
    s.results.reset();
    ++s.version;
}

void rememberRecent(AppState& s, const std::string& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    addRecent(s.settings, ec ? path : absolute.string());
    if (!s.automated) saveSettings(configDir(), s.settings);
}

}  // namespace

// [SECTION] Settings
std::string configDir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    fs::path base = xdg && *xdg ? fs::path(xdg) : (home ? fs::path(home) / ".config" : fs::path("."));
    return (base / "knotenpunkt").string();
}

Settings loadSettings(const std::string& dir) {
    Settings s;
    std::ifstream in(fs::path(dir) / "settings.ini");
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t eq = line.find('=');
        if (eq == std::string::npos || line[0] == '#') continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "lang" && (value == "de" || value == "en")) s.lang = parseLang(value);
        else if (key == "dark") s.dark = value == "1";
        else if (key == "high_contrast") s.highContrast = value == "1";
        else if (key == "labels") s.labels = value != "0";
        else if (key == "live_layout") s.liveLayout = value != "0";
        else if (key == "recent" && !value.empty() && s.recent.size() < 8) s.recent.push_back(value);
    }
    return s;
}

void saveSettings(const std::string& dir, const Settings& s) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path path = fs::path(dir) / "settings.ini", temp = fs::path(dir) / "settings.ini.tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!out) return;
        out << "# Knotenpunkt settings\n";
        if (s.lang) out << "lang=" << (*s.lang == Lang::En ? "en" : "de") << '\n';
        out << "dark=" << s.dark << "\nhigh_contrast=" << s.highContrast << "\nlabels=" << s.labels << "\nlive_layout=" << s.liveLayout << '\n';
        for (const std::string& r : s.recent) out << "recent=" << r << '\n';
        if (!out) return;
    }
    fs::rename(temp, path, ec);
}

void addRecent(Settings& s, const std::string& path) {
    s.recent.erase(std::remove(s.recent.begin(), s.recent.end(), path), s.recent.end());
    s.recent.insert(s.recent.begin(), path);
    if (s.recent.size() > 8) s.recent.resize(8);
}

// [SECTION] Opening and the actions
bool openDocument(AppState& s, const std::string& path) {
    const bool isProject = fs::path(path).extension() == ".knp" && path.find('@') == std::string::npos;
    try {
        if (isProject) {
            try {
                ProjectFile pf = ProjectFile::open(path, OpenMode::ReadWrite);
                s.project.emplace(std::move(pf));
                s.imported = Document{};
                s.lockedElsewhere = false;
            } catch (const ProjectLockedError&) {
                // Another window has it: show it read-only, and say so.
                LoadedInput in = loadInput(path);
                s.project.reset();
                s.imported = Document{};
                s.imported.network = std::move(in.result.network);
                s.notice = T(s, "notice.locked");
                s.lockedElsewhere = true;
            }
        } else {
            LoadedInput in = loadInput(path);
            s.project.reset();
            s.imported = Document{};
            s.imported.network = std::move(in.result.network);
            s.lockedElsewhere = false;
        }
    } catch (const RefusedFileError& e) {
        if (isProject && offerBackupFor(s, path, e.what())) return false;
        s.notice = std::string(T(s, "notice.cannot_open")) + "\n\n" + e.what();
        return false;
    } catch (const std::exception& e) {
        s.notice = std::string(T(s, "notice.cannot_open")) + "\n\n" + e.what();
        return false;
    }
    s.sourcePath = path;
    s.sourceName = fs::path(path).filename().string();
    resetView(s);
    placeUnplacedActors(s);
    rememberRecent(s, path);
    backupProject(s);
    return true;
}

// [SECTION] Backups and damaged projects
void backupProject(AppState& s) {
    if (!s.project || s.automated) return;
    try {
        takeBackup(*s.project);
        s.backedUpEdits = s.edits;
        s.lastBackup = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
    } catch (const std::exception& e) {
        s.status = std::string(T(s, "backup.failed")) + " " + e.what();
    }
}

bool offerBackupFor(AppState& s, const std::string& path, const std::string& error) {
    const std::optional<BackupInfo> good = newestGoodBackup(path);
    if (!good) return false;
    s.backupOffer = AppState::BackupOffer{path, error, *good};
    return true;
}

void drawBackupOffer(AppState& s) {
    if (!s.backupOffer) return;
    if (!ImGui::IsPopupOpen("##backup_offer")) ImGui::OpenPopup("##backup_offer");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##backup_offer", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        const AppState::BackupOffer offer = *s.backupOffer;
        std::string date = offer.backup.created.substr(0, 16);
        if (date.size() > 10) date[10] = ' ';
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
        ImGui::TextUnformatted((std::string(T(s, "backup.damaged")) + " \u201E" + fs::path(offer.damaged).filename().string() + "\u201C").c_str());
        ImGui::TextDisabled("%s", offer.error.c_str());
        ImGui::Spacing();
        ImGui::TextUnformatted((std::string(T(s, "backup.offer")) + " " + date + " UTC.").c_str());
        ImGui::TextUnformatted(T(s, "backup.offer_detail"));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(T(s, "backup.open"), ImVec2(0, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            s.backupOffer.reset();
            ImGui::CloseCurrentPopup();
            try {
                const std::string restored = restoreBackupBeside(offer.damaged, offer.backup);
                if (openDocument(s, restored)) s.status = std::string(T(s, "backup.opened")) + " " + fs::path(restored).filename().string();
            } catch (const std::exception& e) {
                s.notice = e.what();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(T(s, "backup.cancel"))) {
            s.backupOffer.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// [SECTION] Import and export through the session's use cases (as knp import, export, report)
namespace {

// Datei > Importieren: what knp import does for an existing project: every input read first,
// one undoable merge step, snapshots brought along added (projects only); then the newcomers
// without a position are placed (then no live layout on top of it).
void importInto(AppState& s, const std::string& path) {
    const session::ImportedInputs in = session::readInputs({path});
    std::vector<std::string> warnings = in.warnings;
    if (!commit(s, session::importEdit(s.edited(), in, &warnings))) return;
    std::size_t snapshots = 0;
    if (s.project) {
        snapshots = session::addImportedSnapshots(*s.project, in.snapshots, s.sourceName,
                                                  [&](session::MessageLevel, const std::string& w) { warnings.push_back(w); });
    }
    placeUnplacedActors(s);
    s.liveActors = s.liveLinks = SIZE_MAX;
    s.status = std::string(T(s, "status.imported")) + " " + fs::path(path).filename().string();
    if (snapshots > 0) s.status += " (" + std::to_string(snapshots) + " " + T(s, "status.snapshots") + ")";
    if (!warnings.empty()) s.notice = std::string(T(s, "notice.import_warnings")) + "\n\n" + warnings.front() +
                                      (warnings.size() > 1 ? "\n(+" + std::to_string(warnings.size() - 1) + ")" : "");
}

// What the map shows now, as the diagram's options: colouring, sizes, filters, the ego network,
// suggested links; the paper from the export settings.
report::DiagramOptions diagramOfView(const AppState& s) {
    report::DiagramOptions d;
    const auto& names = analysis::metricNames();
    auto metric = [&](int index, const char* otherwise) {
        return index > 0 && static_cast<std::size_t>(index - 1) < names.size() ? names[static_cast<std::size_t>(index - 1)] : otherwise;
    };
    d.colorBy = metric(s.options.colorBy, "sector");
    d.sizeBy = metric(s.options.sizeBy, "influence");
    d.suggested = s.options.showSuggestions;  // dashed, with their own legend row, as on the map
    d.paper = s.exportSettings.paper;
    const std::vector<bool> visible = visibleActors(s);
    if (std::find(visible.begin(), visible.end(), false) != visible.end()) d.shownActors.assign(visible.begin(), visible.end());
    d.hiddenLinkTypes = s.options.hiddenLinkTypes;
    d.hiddenStatuses = s.options.hiddenStatuses;
    return d;
}

session::ExportSource sourceOfView(const AppState& s) {
    session::ExportSource source;
    source.network = s.edited();
    if (s.project) {
        const std::string path = s.sourcePath;
        source.snapshots = [path] { return session::projectSnapshots(path); };
    }
    return source;
}

// Data, map or report through session/export, as knp export and knp report do, on a thread of
// its own: the view keeps drawing and shows the progress (drawExportTask).
void exportView(AppState& s, FileAction action, const std::string& path) {
    if (s.compare.active) throw InputError(std::string(T(s, "compare.view_only")));
    if (s.exportTask) return;
    const bool reportFile = report::isReportPath(path), drawing = report::isDiagramPath(path);
    if (action == FileAction::Report && !reportFile) throw InputError(std::string(T(s, "notice.report_formats")));
    if (!reportFile && !drawing && !exportFormatFor(path)) throw InputError(std::string(T(s, "notice.export_formats")));
    session::ExportRequest r;
    r.output = path;
    r.layoutEngine = "keep";  // where the actors are on the map
    r.lang = s.lang;
    r.privacy = s.exportSettings.privacy;
    if (drawing) r.diagram = diagramOfView(s);
    auto task = std::make_unique<ExportTask>();
    task->action = reportFile ? FileAction::Report : drawing ? FileAction::Diagram : FileAction::Export;
    task->path = path;
    ExportTask* raw = task.get();
    r.cancel = &raw->cancel;
    r.progress = [raw](double p) { raw->progress = p; };
    raw->thread = std::thread([raw, r, reportFile, source = sourceOfView(s)] {
        try {
            raw->written = reportFile ? session::writeReport(source, r, {}) : session::exportNetwork(source, r, {});
        } catch (const Cancelled&) {
            raw->cancelled = true;
        } catch (const std::exception& e) {
            raw->error = e.what();
        }
        raw->done = true;
    });
    s.exportTask = std::move(task);
}

}  // namespace

void startExportDialog(AppState& s, FileAction action) {
    if (s.exportTask || s.compare.active) return;
    const std::string stem = s.sourcePath.empty() ? "netzwerk" : fs::path(s.sourcePath).stem().string();
    const char* suffix = action == FileAction::Diagram ? ".pdf" : action == FileAction::Report ? "-bericht.html" : ".xlsx";
    startFileDialog(s, action, stem + suffix);
}

void openWithDesktop(const AppState& s, const std::string& path) {
    if (s.automated || std::getenv("KNP_NO_OPEN")) return;
    std::string quoted = "'";
    for (const char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    const std::string command = "xdg-open " + quoted + " >/dev/null 2>&1 &";
    if (std::system(command.c_str()) != 0) {}  // a desktop without a viewer: the file is written all the same
}

void drawExportTask(AppState& s) {
    if (!s.exportTask) return;
    ExportTask& task = *s.exportTask;
    const bool done = task.done;
    if (!done && !ImGui::IsPopupOpen("##export_task")) ImGui::OpenPopup("##export_task");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##export_task", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        if (done) ImGui::CloseCurrentPopup();
        ImGui::TextUnformatted(T(s, task.cancellable() ? "report.writing" : "export.writing"));
        ImGui::TextDisabled("%s", fs::path(task.path).filename().string().c_str());
        // Data and maps report no steps: the bar runs round to show that work goes on.
        const float shown = task.cancellable() ? static_cast<float>(task.progress.load()) : static_cast<float>(std::fmod(ImGui::GetTime() * 0.5, 1.0));
        ImGui::ProgressBar(shown, ImVec2(ImGui::GetFontSize() * 20, 0), task.cancellable() ? nullptr : "");
        if (task.cancellable() && (ImGui::Button(T(s, "report.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
            task.cancel = true;
        ImGui::EndPopup();
    }
    if (!done) return;
    if (task.thread.joinable()) task.thread.join();
    if (task.cancelled) s.status = T(s, "report.cancelled");
    else if (!task.error.empty()) s.notice = task.error;
    else {
        s.status = std::string(T(s, "status.exported")) + " " + task.path;
        if (task.written.size() > 1) s.status += " (+" + std::to_string(task.written.size() - 1) + ")";
        if (s.exportSettings.openWhenWritten && task.action != FileAction::Export) openWithDesktop(s, task.path);
    }
    s.exportTask.reset();
}

void performFileAction(AppState& s, FileAction action, const std::string& chosen) {
    std::string path = chosen;
    try {
        switch (action) {
            case FileAction::Open: openDocument(s, path); break;
            case FileAction::New:
            case FileAction::SaveAsProject: {
                if (fs::path(path).extension() != ".knp") path += ".knp";
                const bool fromImported = action == FileAction::SaveAsProject && !s.project;
                ProjectFile pf = ProjectFile::create(path, fromImported ? s.imported.network.name : fs::path(path).stem().string());
                if (fromImported) pf.execute(cmdMerge(pf.network(), s.imported.network));
                s.project.emplace(std::move(pf));
                s.imported = Document{};
                s.sourcePath = path;
                s.sourceName = fs::path(path).filename().string();
                if (!fromImported) resetView(s); else ++s.version;
                rememberRecent(s, path);
                s.status.clear();
                break;
            }
            case FileAction::Import: importInto(s, path); break;
            case FileAction::Export:
            case FileAction::Diagram:
            case FileAction::Report: {
                if (fs::path(path).extension().empty()) path += defaultExtension(action);
                exportView(s, action, path);
                break;
            }
        }
    } catch (const std::exception& e) {
        s.notice = e.what();
    }
}

FileDialog::~FileDialog() {
    if (thread.joinable()) thread.detach();  // zenity still open at exit: let it go
}

void startFileDialog(AppState& s, FileAction action, const std::string& suggestion) {
    if (s.fileDialog) return;
    auto d = std::make_unique<FileDialog>();
    d->action = action;
    d->builtin = !hasZenity();
    const std::string start = s.sourcePath.empty() ? fs::current_path().string() : fs::absolute(fs::path(s.sourcePath)).parent_path().string();
    if (d->builtin) {
        d->directory = start;
        std::snprintf(d->name, sizeof d->name, "%s", suggestion.c_str());
        readDirectory(*d);
    } else {
        // zenity blocks until the user chooses: run it beside the view, which keeps drawing.
        std::string command = "zenity --file-selection --title='" + std::string(T(s, titleKey(action))) + " – Knotenpunkt'";
        if (saving(action)) command += " --save --confirm-overwrite";
        // The suggestion is a file name of ours (stem of the open file); quotes are dropped.
        std::string safe = suggestion;
        safe.erase(std::remove(safe.begin(), safe.end(), '\''), safe.end());
        if (!safe.empty()) command += " --filename='" + safe + "'";
        if (action == FileAction::New || action == FileAction::SaveAsProject || action == FileAction::Open)
            command += " --file-filter='Knotenpunkt (*.knp) | *.knp'";
        if (action == FileAction::Open || action == FileAction::Import) {
            command += std::string(" --file-filter='") + importFormatNames() + " |";
            for (const std::string& ext : importExtensions())
                if (ext != ".knp") command += " *" + ext;
            command += "'";
        }
        if (action == FileAction::Export)
            for (const ExportFormat& f : exportFormats()) {
                command += " --file-filter='" + f.name + " |";
                for (const std::string& e : f.extensions) command += " *" + e;
                command += "'";
            }
        if (action == FileAction::Diagram) command += " --file-filter='PDF | *.pdf' --file-filter='SVG | *.svg' --file-filter='PNG | *.png'";
        if (action == FileAction::Report) command += " --file-filter='HTML | *.html *.htm' --file-filter='Markdown | *.md'";
        command += " --file-filter='* | *' 2>/dev/null";
        FileDialog* raw = d.get();
        d->thread = std::thread([raw, command, start] {
            std::string cmd = "cd '" + start + "' 2>/dev/null; " + command;
            std::string out;
            if (FILE* pipe = popen(cmd.c_str(), "r")) {
                char buf[4096];
                std::size_t n;
                while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
                pclose(pipe);
            }
            while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
            raw->chosen = out;
            raw->done = true;
        });
    }
    s.fileDialog = std::move(d);
}

void drawFileDialog(AppState& s) {
    if (!s.fileDialog) return;
    FileDialog& d = *s.fileDialog;
    if (!d.builtin) {
        if (!d.done) return;
        d.thread.join();
        const std::string chosen = d.chosen;
        const FileAction action = d.action;
        s.fileDialog.reset();
        if (!chosen.empty()) performFileAction(s, action, chosen);
        return;
    }
    bool open = true;
    std::optional<std::string> chosen;
    ImGui::SetNextWindowSize(ImVec2(640, 460), ImGuiCond_Appearing);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin(T(s, titleKey(d.action)), &open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextDisabled("%s", d.directory.c_str());
        if (ImGui::Button(T(s, "file.up"))) {
            d.directory = fs::path(d.directory).parent_path().string();
            readDirectory(d);
        }
        ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * (d.overwrite.empty() ? 2.0f : 4.0f)), true);
        std::optional<std::string> enter;
        for (const FileDialog::Entry& e : d.entries) {
            // Folders are entered with a click; a CSV folder is chosen like a file.
            const std::string label = e.network ? e.name + "/   (" + T(s, "file.csv_folder") + ")" : (e.directory ? e.name + "/" : e.name);
            const bool likeFile = !e.directory || e.network;
            if (ImGui::Selectable(label.c_str(), likeFile && e.name == d.name, ImGuiSelectableFlags_AllowDoubleClick)) {
                if (!likeFile) enter = e.name;
                else {
                    std::snprintf(d.name, sizeof d.name, "%s", e.name.c_str());
                    if (ImGui::IsMouseDoubleClicked(0)) chosen = (fs::path(d.directory) / e.name).string();
                }
            }
        }
        if (d.entries.empty()) ImGui::TextDisabled("%s", T(s, "file.empty"));
        ImGui::EndChild();
        if (enter) {
            d.directory = (fs::path(d.directory) / *enter).string();
            readDirectory(d);
        }
        ImGui::SetNextItemWidth(-120);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool typed = ImGui::InputText("##name", d.name, sizeof d.name, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button(T(s, saving(d.action) ? "file.save" : "file.choose")) || typed) && d.name[0]) {
            const fs::path typedPath(d.name);
            const fs::path full = typedPath.is_absolute() ? typedPath : fs::path(d.directory) / typedPath;
            std::error_code ec;
            if (fs::is_directory(full, ec) && !(opensNetworks(d.action) && isCsvFolder(full.string()))) {
                d.directory = full.string();
                d.name[0] = '\0';
                readDirectory(d);
            } else {
                chosen = full.string();
            }
        }
    }
    // Export over an existing file: ask first (zenity asks by itself).
    if (chosen && (d.action == FileAction::Export || d.action == FileAction::Diagram || d.action == FileAction::Report) &&
        *chosen != d.overwrite) {
        std::error_code ec;
        std::string target = *chosen;
        if (fs::path(target).extension().empty()) target += defaultExtension(d.action);
        if (fs::exists(target, ec)) {
            d.overwrite = *chosen;
            chosen.reset();
        }
    }
    if (!d.overwrite.empty() && open) {
        ImGui::TextColored(ImVec4(0.7f, 0.15f, 0.1f, 1), "%s", T(s, "file.exists"));
        if (ImGui::Button(T(s, "file.overwrite"))) chosen = d.overwrite;
        ImGui::SameLine();
        if (ImGui::Button(T(s, "file.keep"))) d.overwrite.clear();
    }
    ImGui::End();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) open = false;
    if (chosen) {
        const FileAction action = d.action;
        s.fileDialog.reset();
        performFileAction(s, action, *chosen);
    } else if (!open) {
        s.fileDialog.reset();
    }
}

void drawNotice(AppState& s) {
    if (s.notice.empty()) return;
    if (!ImGui::IsPopupOpen("##notice")) ImGui::OpenPopup("##notice");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##notice", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
        ImGui::TextUnformatted(s.notice.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("OK", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            s.notice.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace knp::ui
