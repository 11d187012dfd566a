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
#include "platform/desktop.hpp"
#include "platform/paths.hpp"
#include "ui/canvas.hpp"
#include "ui/file_dialog.hpp"
#include "ui/panels/widgets.hpp"
#include "ui/state.hpp"

namespace knp::ui {

namespace fs = std::filesystem;

namespace {

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
    s.editsAtOpen = s.edits;
    s.openedAt = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
}

void rememberRecent(AppState& s, const std::string& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    addRecent(s.settings, ec ? path : absolute.string());
    if (!s.automated) saveSettings(platform::configDir(), s.settings);
}

}  // namespace

// [SECTION] Settings
Settings loadSettings(const std::string& dir) {
    Settings s;
    std::ifstream in(fs::path(dir) / "settings.ini");
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t eq = line.find('=');
        if (eq == std::string::npos || line[0] == '#') continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "lang") {
            try {
                s.lang = parseLang(value);
            } catch (const InputError&) {
                // A language whose catalogue this build lacks: the default stays.
            }
        }
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
        if (s.lang) out << "lang=" << langCode(*s.lang) << '\n';
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
    if (!mayReplaceDocument(s)) return false;
    const bool isProject = fs::path(path).extension() == ".knp" && path.find('@') == std::string::npos;
    try {
        if (isProject) {
            try {
                s.document = makeProjectTarget(ProjectFile::open(path, OpenMode::ReadWrite));
                s.lockedElsewhere = false;
            } catch (const ProjectLockedError&) {
                // Another window has it: show it read-only, and say so.
                LoadedInput in = loadInput(path);
                s.document = makeImportedTarget(std::move(in.result.network));
                s.notice = T(s, "notice.locked");
                s.lockedElsewhere = true;
            }
        } else {
            LoadedInput in = loadInput(path);
            s.document = makeImportedTarget(std::move(in.result.network));
            s.lockedElsewhere = false;
        }
    } catch (const StorageError& e) {
        // An older project whose upgrade could not be stored: the file is as it was.
        s.notice = std::string(T(s, "notice.cannot_open")) + "\n\n" + storageProblemText(s.lang, e.problem());
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        return false;
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
    if (!s.project() || s.automated) return;
    try {
        takeBackup(*s.project());
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
    if (ProjectFile* project = s.project()) {
        snapshots = session::addImportedSnapshots(*project, in.snapshots, s.sourceName,
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
    // The panels' analysis of this very version: tables, diagrams and the report read it.
    if (!s.compare.active && s.results && s.results->version == s.version) source.analysis = s.results;
    if (s.project()) {
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
    ExportTask task;
    task.action = reportFile ? FileAction::Report : drawing ? FileAction::Diagram : FileAction::Export;
    task.path = path;
    task.task = s.tasks.start<std::vector<std::string>>(s.version, [r, reportFile, source = sourceOfView(s)](TaskContext& context) mutable {
        r.cancel = context.cancelFlag();
        r.progress = context.progressSink();
        return reportFile ? session::writeReport(source, r, {}) : session::exportNetwork(source, r, {});
    });
    s.exportTask = std::move(task);
}

// Datei > Neu: an empty project at `path`, shown instead of the open document.
void newProject(AppState& s, const std::string& path) {
    if (!mayReplaceDocument(s)) return;
    s.document = makeProjectTarget(ProjectFile::create(path, fs::path(path).stem().string()));
    s.sourcePath = path;
    s.sourceName = fs::path(path).filename().string();
    resetView(s);
    rememberRecent(s, path);
    s.status.clear();
}

// Datei > Als Projekt speichern (an imported document) or Speichern unter (a project whose
// changes are kept in memory): what the view shows becomes the project at `path`, and the view
// goes on with it.
void saveAsProject(AppState& s, const std::string& path) {
    const bool wasUnsaved = s.document->unsaved() != nullptr;
    try {
        s.document = saveProjectAs(*s.document, path);
    } catch (const std::exception& e) {
        // Nothing changes in the view: what it shows stays, to be saved somewhere else. The
        // reason in words where it is known (SQLite's and the system's in the log).
        const auto* storage = dynamic_cast<const StorageError*>(&e);
        std::error_code ec;
        const std::string reason = storage ? storageProblemText(s.lang, storage->problem())
                                   : fs::exists(path, ec) ? T(s, "storage.exists")
                                   : !fs::is_directory(fs::path(path).parent_path(), ec) ? T(s, "storage.no_folder") : "";
        s.notice = std::string(T(s, "storage.save_failed")) + (reason.empty() ? "" : "\n\n" + reason);
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        return;
    }
    s.sourcePath = path;
    s.sourceName = fs::path(path).filename().string();
    ++s.version;
    rememberRecent(s, path);
    s.status.clear();
    s.storageFailureShown = false;
    s.unsavedQuestion = AppState::UnsavedQuestion::None;
    if (!wasUnsaved) return;
    s.status = fill(T(s, "storage.saved"), {s.sourceName});
    std::fprintf(stderr, "knotenpunkt: the changes kept in memory are saved in %s\n", path.c_str());
    backupProject(s);
}

}  // namespace

std::string storageProblemText(Lang lang, StorageProblem problem) {
    switch (problem) {
        case StorageProblem::Full: return tr(lang, "storage.full");
        case StorageProblem::Gone: return tr(lang, "storage.gone");
        case StorageProblem::ReadOnly: return tr(lang, "storage.read_only");
        case StorageProblem::Io: break;
    }
    return tr(lang, "storage.io");
}

void openWithDesktop(const AppState& s, const std::string& path) {
    if (s.automated || std::getenv("KNP_NO_OPEN")) return;
    platform::openWithDesktop(path);
}

void finishExport(AppState& s) {
    if (!s.exportTask) return;
    std::optional<TaskOutcome<std::vector<std::string>>> done = s.exportTask->task.take();
    if (!done) return;
    const ExportTask task = std::move(*s.exportTask);
    s.exportTask.reset();
    if (done->cancelled) s.status = T(s, "report.cancelled");
    else if (!done->error.empty()) s.notice = done->error;
    else {
        const std::vector<std::string> written = done->value.value_or(std::vector<std::string>{});
        // A note for a few seconds, not a message that stays (and shows on the projector).
        std::string message = std::string(T(s, "status.exported")) + " " + task.path;
        if (written.size() > 1) message += " (+" + std::to_string(written.size() - 1) + ")";
        tell(s, std::move(message));
        if (s.exportSettings.openWhenWritten && task.action != FileAction::Export) openWithDesktop(s, task.path);
    }
}

void performFileAction(AppState& s, FileAction action, const std::string& chosen) {
    std::string path = chosen;
    try {
        switch (action) {
            case FileAction::Open: openDocument(s, path); break;
            case FileAction::New:
            case FileAction::SaveAsProject: {
                if (fs::path(path).extension() != ".knp") path += ".knp";
                if (action == FileAction::SaveAsProject && !s.project()) saveAsProject(s, path);
                else newProject(s, path);
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

}  // namespace knp::ui
