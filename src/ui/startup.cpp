#include "ui/startup.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "analysis/metrics.hpp"
#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "platform/paths.hpp"
#include "session/open.hpp"
#include "ui/canvas.hpp"
#include "ui/compare_view.hpp"

namespace knp::ui {

namespace {

void openInput(AppState& s, const std::string& input, bool readOnly) {
    namespace fs = std::filesystem;
    s.sourcePath = input;
    s.sourceName = fs::path(input).filename().string();
    const bool isProject = fs::path(input).extension() == ".knp" && input.find('@') == std::string::npos;
    if (isProject && !readOnly) {
        s.document = makeProjectTarget(ProjectFile::open(input, OpenMode::ReadWrite));
        return;
    }
    LoadedInput in = loadInput(input);
    s.document = makeImportedTarget(std::move(in.result.network));
}

std::optional<int> openFromCommandLine(AppState& s, const std::string& input) {
    try {
        // Automated runs never write: a project is read like any other input.
        openInput(s, input, s.automated);
        if (!s.automated) {
            addRecent(s.settings, std::filesystem::absolute(input).string());
            saveSettings(platform::configDir(), s.settings);
        }
    } catch (const ProjectLockedError& e) {
        // Open in another window: show it read-only and say so in the view.
        try {
            openInput(s, input, true);
        } catch (const std::exception& inner) {
            std::fprintf(stderr, "knotenpunkt: %s\n", inner.what());
            return 1;
        }
        s.notice = tr(s.lang, "notice.locked");
        s.lockedElsewhere = true;
        std::fprintf(stderr, "knotenpunkt: %s (shown read-only)\n", e.what());
    } catch (const InputError& e) {
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        return 3;
    } catch (const RefusedFileError& e) {
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        // A damaged project with a sound backup: the view starts and offers the backup.
        if (s.automated || !offerBackupFor(s, input, e.what())) return 3;
        std::fprintf(stderr, "knotenpunkt: offering the newest sound backup %s\n", s.backupOffer->backup.path.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "knotenpunkt: %s\n", e.what());
        return 1;
    }
    return std::nullopt;
}

}  // namespace

std::optional<int> openAtStart(AppState& s, const AppOptions& options) {
    // Settings: automated runs use the defaults, so that screenshots and timings repeat.
    if (!s.automated) s.settings = loadSettings(platform::configDir());
    s.lang = options.langGiven || !s.settings.lang ? options.lang : *s.settings.lang;
    s.options.dark = s.settings.dark;
    s.options.highContrast = s.settings.highContrast;
    s.options.labels = s.settings.labels;
    s.options.liveLayout = s.settings.liveLayout;
    if (options.input.empty()) return std::nullopt;
    return openFromCommandLine(s, options.input);
}

std::optional<int> prepareView(AppState& s, const AppOptions& options) {
    // --color-by, --size-by: the menu's choice (0 the default, then 1 + the metric's column).
    for (const auto& [name, choice] : {std::pair{&options.colorBy, &s.options.colorBy}, std::pair{&options.sizeBy, &s.options.sizeBy}}) {
        if (name->empty()) continue;
        const std::vector<std::string>& names = analysis::metricNames();
        const auto it = std::find(names.begin(), names.end(), *name);
        if (it == names.end()) {
            std::string known;
            for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
            std::fprintf(stderr, "knotenpunkt: \"%s\" is no metric; use one of %s\n", name->c_str(), known.c_str());
            return 2;
        }
        *choice = static_cast<int>(it - names.begin()) + 1;
    }
    placeUnplacedActors(s);
    backupProject(s);
    if (s.project() && !s.automated) std::fprintf(stderr, "knotenpunkt: backup in %s\n", backupFolder(s.project()->path()).c_str());
    if (options.compare && !enterCompare(s, options.compareWith)) {
        std::fprintf(stderr, "knotenpunkt: --compare: %s\n", s.status.c_str());
        return 2;
    }
    return std::nullopt;
}

void saveViewSettings(AppState& s) {
    if (s.automated) return;
    s.settings.lang = s.lang;
    s.settings.dark = s.options.dark;
    s.settings.highContrast = s.options.highContrast;
    s.settings.labels = s.options.labels;
    s.settings.liveLayout = s.options.liveLayout;
    saveSettings(platform::configDir(), s.settings);
}

}  // namespace knp::ui
