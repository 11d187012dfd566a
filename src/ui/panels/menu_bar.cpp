// The menu bar: Datei, Bearbeiten, Layout, Ansicht.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "core/i18n.hpp"
#include "layout/layout.hpp"
#include "report/phrasing.hpp"
#include "ui/compare_view.hpp"
#include "ui/layouts.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace {

// A shortcut as the keyboard in the interface's language names it: "Strg+Umschalt+S".
std::string keys(const AppState& s, std::string shortcut) {
    for (const auto& [key, word] : {std::pair{"Ctrl", "key.ctrl"}, std::pair{"Shift", "key.shift"}})
        if (const std::size_t at = shortcut.find(key); at != std::string::npos) shortcut.replace(at, std::string(key).size(), tr(s.lang, word));
    return shortcut;
}

}  // namespace

void drawMenuBar(AppState& s) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(T(s, "menu.file"))) {
        if (ImGui::MenuItem(T(s, "file.new"), keys(s, "Ctrl+N").c_str())) startFileDialog(s, FileAction::New);
        if (ImGui::MenuItem(T(s, "file.open"), keys(s, "Ctrl+O").c_str())) startFileDialog(s, FileAction::Open);
        if (ImGui::BeginMenu(T(s, "file.recent"), !s.settings.recent.empty())) {
            for (const std::string& path : s.settings.recent) {
                if (ImGui::MenuItem(path.c_str())) {
                    const std::string chosen = path;  // the list changes when it is opened
                    openDocument(s, chosen);
                    break;
                }
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(T(s, "file.import"), keys(s, "Ctrl+I").c_str())) startFileDialog(s, FileAction::Import);
        const bool exportable = !s.compare.active && !s.exportTask;
        if (ImGui::MenuItem(T(s, "file.diagram"), keys(s, "Ctrl+P").c_str(), false, exportable)) startExportDialog(s, FileAction::Diagram);
        if (ImGui::MenuItem(T(s, "file.report"), keys(s, "Ctrl+B").c_str(), false, exportable)) startExportDialog(s, FileAction::Report);
        if (ImGui::MenuItem(T(s, "file.export"), keys(s, "Ctrl+E").c_str(), false, exportable)) startExportDialog(s, FileAction::Export);
        if (ImGui::BeginMenu(T(s, "file.export_settings"))) {
            ExportSettings& e = s.exportSettings;
            ImGui::TextDisabled("%s", T(s, "file.paper"));
            for (const char* paper : {"a4", "a3", "a0"}) {
                const std::string label = std::string(1, 'A') + (paper + 1);
                if (ImGui::MenuItem(label.c_str(), nullptr, e.paper == paper)) e.paper = paper;
            }
            ImGui::Separator();
            ImGui::TextDisabled("%s", T(s, "file.pseudonyms"));
            if (ImGui::MenuItem(T(s, "file.pseudo_none"), nullptr, e.privacy == Pseudonymize::None)) e.privacy = Pseudonymize::None;
            if (ImGui::MenuItem(T(s, "file.pseudo_contacts"), nullptr, e.privacy == Pseudonymize::ContactPersons)) e.privacy = Pseudonymize::ContactPersons;
            if (ImGui::MenuItem(T(s, "file.pseudo_all"), nullptr, e.privacy == Pseudonymize::All)) e.privacy = Pseudonymize::All;
            ImGui::Separator();
            ImGui::MenuItem(T(s, "file.open_exported"), nullptr, &e.openWhenWritten);
            ImGui::EndMenu();
        }
        // "Speichern unter …" once the project file could not store a change.
        if (ImGui::MenuItem(T(s, s.document->unsaved() ? "storage.save_elsewhere" : "menu.save_as_project"), keys(s, "Ctrl+Shift+S").c_str(), false, !s.project()))
            startSaveAsDialog(s);
        ImGui::Separator();
        if (ImGui::MenuItem(T(s, "menu.snapshot_take"), nullptr, false, s.project() != nullptr)) askSnapshotName(s);
        if (ImGui::MenuItem(T(s, "menu.compare"), "V", s.compare.active)) {
            if (s.compare.active) leaveCompare(s);
            else enterCompare(s);
        }
        ImGui::Separator();
        if (ImGui::MenuItem(T(s, "menu.quit"), keys(s, "Ctrl+Q").c_str())) s.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(T(s, "menu.edit"))) {
        // Each says what it would do: "Rückgängig: Akteur „Caritas“ anlegen".
        const std::string undoing = describeStep(s, true), redoing = describeStep(s, false);
        const std::string undoLabel = std::string(T(s, "menu.undo")) + (undoing.empty() ? "" : ": " + undoing);
        const std::string redoLabel = std::string(T(s, "menu.redo")) + (redoing.empty() ? "" : ": " + redoing);
        if (ImGui::MenuItem(undoLabel.c_str(), keys(s, "Ctrl+Z").c_str(), false, !undoing.empty())) undo(s);
        if (ImGui::MenuItem(redoLabel.c_str(), keys(s, "Ctrl+Y").c_str(), false, !redoing.empty())) redo(s);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(T(s, "menu.layout"))) {
        for (const std::string& engine : layout::engineNames())
            if (ImGui::MenuItem(report::layoutLabel(engine, s.lang).c_str(), nullptr, false, !s.layoutTask)) startLayout(s, engine);
        ImGui::Separator();
        ImGui::MenuItem(T(s, "menu.live_layout"), nullptr, &s.options.liveLayout);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(T(s, "menu.view"))) {
        if (ImGui::MenuItem(T(s, "menu.fit"), "F")) s.canvas.fitRequested = true;
        ImGui::MenuItem(T(s, "menu.presentation"), "F5", &s.options.presentation);
        ImGui::MenuItem(T(s, "menu.dark"), nullptr, &s.options.dark);
        ImGui::MenuItem(T(s, "menu.high_contrast"), nullptr, &s.options.highContrast);
        ImGui::MenuItem(T(s, "menu.labels"), nullptr, &s.options.labels);
        if (ImGui::MenuItem(T(s, "menu.legend"), nullptr, &s.options.legend) && s.canvas.fitted) s.canvas.fitRequested = true;
        ImGui::MenuItem(T(s, "menu.hide_isolates"), nullptr, &s.options.hideIsolates);
        ImGui::MenuItem(T(s, "menu.suggestions"), nullptr, &s.options.showSuggestions);
        ImGui::MenuItem(T(s, "menu.filters"), nullptr, &s.showFilters);
        ImGui::MenuItem(T(s, "panel.snapshots"), nullptr, &s.showSnapshots);
        if (ImGui::BeginMenu(T(s, "menu.ego"))) {
            if (ImGui::MenuItem(T(s, "menu.ego_off"), nullptr, s.options.egoSteps == 0)) s.options.egoSteps = 0;
            if (ImGui::MenuItem(T(s, "menu.ego_1"), nullptr, s.options.egoSteps == 1)) s.options.egoSteps = 1;
            if (ImGui::MenuItem(T(s, "menu.ego_2"), nullptr, s.options.egoSteps == 2)) s.options.egoSteps = 2;
            ImGui::EndMenu();
        }
        const auto& names = analysis::metricNames();
        if (ImGui::BeginMenu(T(s, "menu.color_by"))) {
            if (ImGui::MenuItem(T(s, "menu.sector"), nullptr, s.options.colorBy == 0)) s.options.colorBy = 0;
            for (std::size_t i = 0; i < names.size(); ++i)
                if (ImGui::MenuItem(report::metricLabel(names[i], s.lang).c_str(), nullptr, s.options.colorBy == static_cast<int>(i) + 1))
                    s.options.colorBy = static_cast<int>(i) + 1;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(T(s, "menu.size_by"))) {
            if (ImGui::MenuItem(T(s, "menu.influence"), nullptr, s.options.sizeBy == 0)) s.options.sizeBy = 0;
            for (std::size_t i = 0; i < names.size(); ++i)
                if (ImGui::MenuItem(report::metricLabel(names[i], s.lang).c_str(), nullptr, s.options.sizeBy == static_cast<int>(i) + 1))
                    s.options.sizeBy = static_cast<int>(i) + 1;
            ImGui::EndMenu();
        }
        ImGui::Separator();
        // Every language with a catalogue, named in itself; switching rewords what is shown and
        // computes nothing again (findings are data, report/phrasing.hpp words them).
        for (const Lang lang : languages())
            if (ImGui::MenuItem(tr(lang, "language.name"), nullptr, s.lang == lang)) s.lang = lang;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

}  // namespace knp::ui
