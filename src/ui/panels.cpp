#include "ui/panels.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/i18n.hpp"
#include "core/file_output.hpp"
#include "layout/layout.hpp"
#include "session/layout_step.hpp"
#include "ui/compare_view.hpp"

namespace knp::ui {

namespace {

const char* T(const AppState& s, const char* key) { return tr(s.lang, key).data(); }

ImVec4 color(std::uint32_t rgb, float alpha = 1) {
    return ImVec4(((rgb >> 16) & 0xFF) / 255.f, ((rgb >> 8) & 0xFF) / 255.f, (rgb & 0xFF) / 255.f, alpha);
}

// A combo over taxonomy categories; index -1 is "none" where allowed. Returns true on change.
bool categoryCombo(const AppState& s, const char* label, CategoryKind kind, std::string& key, bool allowNone) {
    const auto& cats = s.network().taxonomy.list(kind);
    const Category* current = s.network().taxonomy.byKey(kind, key);
    bool changed = false;
    if (ImGui::BeginCombo(label, current ? current->label(s.lang).c_str() : T(s, "field.none"))) {
        if (allowNone && ImGui::Selectable(T(s, "field.none"), key.empty())) { key.clear(); changed = true; }
        for (const Category& c : cats)
            if (ImGui::Selectable(c.label(s.lang).c_str(), c.key == key)) { key = c.key; changed = true; }
        ImGui::EndCombo();
    }
    return changed;
}

void updateActor(AppState& s, const Actor& after) {
    try {
        commit(s, cmdUpdateActor(s.network(), after));
    } catch (const std::exception& e) {
        s.status = e.what();
    }
}

void updateLink(AppState& s, const Link& after) {
    try {
        commit(s, cmdUpdateLink(s.network(), after));
    } catch (const std::exception& e) {
        s.status = e.what();
    }
}

}  // namespace

// [SECTION] Menu bar
void drawMenuBar(AppState& s) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(T(s, "menu.file"))) {
        if (ImGui::MenuItem(T(s, "file.new"), "Ctrl+N")) startFileDialog(s, FileAction::New);
        if (ImGui::MenuItem(T(s, "file.open"), "Ctrl+O")) startFileDialog(s, FileAction::Open);
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
        if (ImGui::MenuItem(T(s, "file.import"), "Ctrl+I")) startFileDialog(s, FileAction::Import);
        const bool exportable = !s.compare.active && !s.exportTask;
        if (ImGui::MenuItem(T(s, "file.diagram"), "Ctrl+P", false, exportable)) startExportDialog(s, FileAction::Diagram);
        if (ImGui::MenuItem(T(s, "file.report"), "Ctrl+B", false, exportable)) startExportDialog(s, FileAction::Report);
        if (ImGui::MenuItem(T(s, "file.export"), "Ctrl+E", false, exportable)) startExportDialog(s, FileAction::Export);
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
        if (ImGui::MenuItem(T(s, "menu.save_as_project"), nullptr, false, !s.project.has_value())) {
            const std::filesystem::path source(s.sourcePath);
            startFileDialog(s, FileAction::SaveAsProject, source.empty() ? "projekt.knp" : source.stem().string() + ".knp");
        }
        ImGui::Separator();
        if (ImGui::MenuItem(T(s, "menu.snapshot_take"), nullptr, false, s.project.has_value())) {
            char name[64];
            std::snprintf(name, sizeof name, "Stand %zu", s.project->snapshots().size() + 1);
            try { s.project->takeSnapshot(name); s.status = name; } catch (const std::exception& e) { s.status = e.what(); }
        }
        if (ImGui::MenuItem(T(s, "menu.compare"), "V", s.compare.active)) {
            if (s.compare.active) leaveCompare(s);
            else enterCompare(s);
        }
        ImGui::Separator();
        if (ImGui::MenuItem(T(s, "menu.quit"), "Ctrl+Q")) s.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(T(s, "menu.edit"))) {
        if (ImGui::MenuItem(T(s, "menu.undo"), "Ctrl+Z")) undo(s);
        if (ImGui::MenuItem(T(s, "menu.redo"), "Ctrl+Y")) redo(s);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(T(s, "menu.layout"))) {
        for (const std::string& engine : layout::engineNames())
            if (ImGui::MenuItem(engine.c_str(), nullptr, false, !s.layoutTask)) startLayout(s, engine);
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
                if (ImGui::MenuItem(names[i].c_str(), nullptr, s.options.colorBy == static_cast<int>(i) + 1)) s.options.colorBy = static_cast<int>(i) + 1;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(T(s, "menu.size_by"))) {
            if (ImGui::MenuItem(T(s, "menu.influence"), nullptr, s.options.sizeBy == 0)) s.options.sizeBy = 0;
            for (std::size_t i = 0; i < names.size(); ++i)
                if (ImGui::MenuItem(names[i].c_str(), nullptr, s.options.sizeBy == static_cast<int>(i) + 1)) s.options.sizeBy = static_cast<int>(i) + 1;
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Deutsch", nullptr, s.lang == Lang::De)) { s.lang = Lang::De; ++s.version; }
        if (ImGui::MenuItem("English", nullptr, s.lang == Lang::En)) { s.lang = Lang::En; ++s.version; }
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

// [SECTION] New actor (N)
void drawNewActorPopup(AppState& s) {
    if (!s.newActor.open) return;
    ImGui::SetNextWindowPos(ImGui::GetIO().MousePos, ImGuiCond_Appearing);
    ImGui::Begin(T(s, "new.title"), &s.newActor.open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    if (s.newActor.focus) {
        ImGui::SetKeyboardFocusHere();
        s.newActor.focus = false;
    }
    const bool enter = ImGui::InputText(T(s, "field.name"), s.newActor.name, sizeof s.newActor.name, ImGuiInputTextFlags_EnterReturnsTrue);
    const auto& sectors = s.network().taxonomy.sectors;
    // Quick sector choice while typing: Ctrl+1 ... Ctrl+9, Ctrl+0 for the tenth (GLFW's digit
    // keys are the same on German and US layouts).
    if (ImGui::GetIO().KeyCtrl)
        for (int digit = 0; digit <= 9; ++digit) {
            const int index = digit == 0 ? 9 : digit - 1;
            if (ImGui::IsKeyPressed(GLFW_KEY_0 + digit, false) && index < static_cast<int>(sectors.size())) s.newActor.sector = index;
        }
    auto numbered = [&](std::size_t i) { return std::to_string(i < 9 ? i + 1 : (i == 9 ? 0 : i + 1)) + "  " + sectors[i].label(s.lang); };
    const std::string current = s.newActor.sector >= 0 ? numbered(static_cast<std::size_t>(s.newActor.sector)) : T(s, "field.none");
    if (ImGui::BeginCombo(T(s, "field.sector"), current.c_str())) {
        for (std::size_t i = 0; i < sectors.size(); ++i)
            if (ImGui::Selectable(numbered(i).c_str(), s.newActor.sector == static_cast<int>(i))) s.newActor.sector = static_cast<int>(i);
        ImGui::EndCombo();
    }
    if (s.newActor.sector >= 0) {
        // A swatch of the chosen sector's colour, as on the map.
        ImGui::SameLine();
        ImGui::ColorButton("##swatch", color(sectors[static_cast<std::size_t>(s.newActor.sector)].color), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
    }
    ImGui::TextDisabled("%s", T(s, "new.hint"));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) s.newActor.open = false;
    if (enter && s.newActor.name[0]) {
        Actor a;
        a.name = s.newActor.name;
        if (s.newActor.sector >= 0) a.sector = sectors[static_cast<std::size_t>(s.newActor.sector)].key;
        a.x = s.newActor.at.x;
        a.y = s.newActor.at.y;
        a.placed = true;
        try {
            const Edit e = cmdAddActor(s.network(), a);
            if (commit(s, e)) s.selectedActors = {std::get<InsertActor>(e.ops[0]).actor.id};
        } catch (const std::exception& ex) {
            s.status = ex.what();
        }
        s.newActor.open = false;
    }
    ImGui::End();
}

// [SECTION] Inspector
void drawInspector(AppState& s) {
    const Network& n = s.network();
    ImGui::Begin(T(s, "panel.inspector"));
    if (s.selectedLink) {
        const Link* l = n.findLink(*s.selectedLink);
        if (!l) { s.selectedLink.reset(); ImGui::End(); return; }
        Link edit = *l;
        ImGui::Text("%s  →  %s", n.findActor(l->source)->name.c_str(), n.findActor(l->target)->name.c_str());
        if (categoryCombo(s, T(s, "field.type"), CategoryKind::LinkType, edit.type, true)) updateLink(s, edit);
        int strength = static_cast<int>(std::lround(std::clamp(edit.strength, 1.0, 3.0)));
        const char* strengthName = T(s, strength == 1 ? "strength.1" : strength == 2 ? "strength.2" : "strength.3");
        if (ImGui::SliderInt(T(s, "field.strength"), &strength, 1, 3, strengthName)) { edit.strength = strength; updateLink(s, edit); }
        if (ImGui::Checkbox(T(s, "field.directed"), &edit.directed)) updateLink(s, edit);
        if (categoryCombo(s, T(s, "field.status"), CategoryKind::Status, edit.status, false)) updateLink(s, edit);
        ImGui::InputTextMultiline(T(s, "field.note"), &edit.note, ImVec2(-1, 60));
        if (ImGui::IsItemDeactivatedAfterEdit()) updateLink(s, edit);
        if (ImGui::Button(T(s, "inspector.remove"))) {
            try { commit(s, cmdRemoveLink(n, l->id)); s.selectedLink.reset(); } catch (const std::exception& e) { s.status = e.what(); }
        }
    } else if (s.selectedActors.size() == 1) {
        const Actor* a = n.findActor(*s.selectedActors.begin());
        if (!a) { s.selectedActors.clear(); ImGui::End(); return; }
        Actor edit = *a;
        // Text fields commit when the field is left: one undo step per field.
        ImGui::InputText(T(s, "field.name"), &edit.name);
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        ImGui::InputText(T(s, "field.short_name"), &edit.shortName);
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (categoryCombo(s, T(s, "field.sector"), CategoryKind::Sector, edit.sector, true)) updateActor(s, edit);
        if (categoryCombo(s, T(s, "field.level"), CategoryKind::Level, edit.level, true)) updateActor(s, edit);
        if (ImGui::SliderInt(T(s, "field.influence"), &edit.influence, 0, 5)) {}
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (ImGui::Checkbox(T(s, "field.contact_point"), &edit.contactPoint)) updateActor(s, edit);
        if (ImGui::Checkbox(T(s, "field.pinned"), &edit.pinned)) updateActor(s, edit);
        if (ImGui::TreeNodeEx(T(s, "field.fields"), ImGuiTreeNodeFlags_DefaultOpen)) {
            for (const Category& f : n.taxonomy.fields) {
                bool on = std::find(edit.fields.begin(), edit.fields.end(), f.key) != edit.fields.end();
                if (ImGui::Checkbox(f.label(s.lang).c_str(), &on)) {
                    if (on) edit.fields.push_back(f.key);
                    else edit.fields.erase(std::find(edit.fields.begin(), edit.fields.end(), f.key));
                    updateActor(s, edit);
                }
            }
            ImGui::TreePop();
        }
        ImGui::InputText(T(s, "field.contact_person"), &edit.contactPerson);
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (!edit.contactPerson.empty()) {
            // Consent of the contact person (DSGVO): ticking it records today's date.
            if (ImGui::Checkbox(T(s, "field.consent"), &edit.consent)) {
                if (edit.consent && edit.consentDate.empty()) edit.consentDate = utcTimestamp().substr(0, 10);
                updateActor(s, edit);
            }
            ImGui::SameLine();
            ImGui::SetNextItemWidth(110 * s.contentScale);
            ImGui::InputTextWithHint("##consent_date", "JJJJ-MM-TT", &edit.consentDate);
            if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
            if (s.project && !s.compare.active) {
                if (ImGui::SmallButton(T(s, "person.export"))) {
                    // Everything stored about the person, as JSON beside the project (mode 0600).
                    try {
                        const std::filesystem::path p(s.project->path());
                        const std::string out = (p.parent_path() / (p.stem().string() + " - Auskunft " + edit.contactPerson + ".json")).string();
                        writeFileAtomically(out, s.project->personData(edit.contactPerson) + "\n");
                        std::filesystem::permissions(out, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
                        s.status = std::string(T(s, "person.exported")) + " " + out;
                    } catch (const std::exception& e) {
                        s.status = e.what();
                    }
                }
                ImGui::SameLine();
                if (ImGui::SmallButton(T(s, "person.erase"))) s.erasePerson = edit.contactPerson;
            }
        }
        ImGui::InputTextMultiline(T(s, "field.note"), &edit.note, ImVec2(-1, 60));
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (ImGui::Button(T(s, "inspector.link_from"))) {
            s.canvas.tool = Tool::Link;
            s.canvas.linkFrom = a->id;
        }
        ImGui::SameLine();
        if (ImGui::Button(T(s, "inspector.remove"))) {
            try { commit(s, cmdRemoveActor(n, a->id)); s.selectedActors.clear(); } catch (const std::exception& e) { s.status = e.what(); }
        }
    } else if (s.selectedActors.size() > 1) {
        ImGui::Text(T(s, "inspector.many"), static_cast<int>(s.selectedActors.size()));
    } else {
        ImGui::TextWrapped("%s", T(s, "inspector.nothing"));
    }
    ImGui::End();
}

// [SECTION] Analysis
void drawAnalysisPanel(AppState& s) {
    ImGui::Begin(T(s, "panel.analysis"));
    if (s.compare.active) {
        // The map shows several states at once: the comparison panel has their figures.
        ImGui::TextWrapped("%s", T(s, "compare.analysis_hint"));
        ImGui::End();
        return;
    }
    const auto r = s.results;
    if (!r) {
        ImGui::TextDisabled("%s", T(s, "analysis.computing"));
        ImGui::End();
        return;
    }
    const Network& n = s.network();
    const bool current = r->version == s.version;
    if (!current) ImGui::TextDisabled("%s", T(s, "analysis.computing"));
    else ImGui::TextDisabled(T(s, "analysis.time"), r->milliseconds);
    if (!current && r->gaps.brokerage.size() != n.actors().size()) { ImGui::End(); return; }
    // What if the selected actor drops out?
    if (s.selectedActors.size() == 1) {
        if (const auto idx = n.actorIndex(*s.selectedActors.begin())) {
            ImGui::Separator();
            ImGui::TextWrapped(T(s, "analysis.dropout"), n.actors()[*idx].name.c_str());
            const analysis::CutPoint* cut = nullptr;
            for (const analysis::CutPoint& c : r->gaps.singlePointsOfFailure)
                if (c.actor == *idx) cut = &c;
            if (!cut) ImGui::TextDisabled("%s", T(s, "analysis.dropout_none"));
            else {
                ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", T(s, "analysis.dropout_cut"));
                for (const std::uint32_t c : cut->cutOff) ImGui::BulletText("%s", n.actors()[c].name.c_str());
            }
        }
    }
    if (ImGui::CollapsingHeader(T(s, "analysis.findings"), ImGuiTreeNodeFlags_DefaultOpen))
        for (const std::string& f : r->gaps.findings) ImGui::BulletText("%s", f.c_str());
    if (ImGui::CollapsingHeader(T(s, "analysis.brokers"))) {
        const auto& cols = r->metrics.columns;
        auto col = std::find_if(cols.begin(), cols.end(), [](const analysis::MetricColumn& c) { return c.name == "betweenness"; });
        if (col != cols.end()) {
            std::vector<std::size_t> order(col->values.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return col->values[a] > col->values[b]; });
            for (std::size_t k = 0; k < order.size() && k < 8; ++k)
                if (order[k] < n.actors().size())
                    ImGui::Text("%.3f  %s", col->values[order[k]], n.actors()[order[k]].name.c_str());
        }
    }
    if (ImGui::CollapsingHeader(T(s, "analysis.fields"))) {
        for (const analysis::FieldCoverage& f : r->gaps.fields)
            ImGui::Text("%s: %zu · %s", n.taxonomy.labelOf(CategoryKind::Field, f.field, s.lang).c_str(), f.actors.size(), f.status.c_str());
    }
    if (ImGui::CollapsingHeader(T(s, "analysis.heatmap"))) {
        // Sector x sector density as coloured cells (white = no link).
        const auto& sectors = n.taxonomy.sectors;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float cell = 16;
        std::size_t shown = 0;
        for (std::size_t a = 0; a < sectors.size(); ++a)
            for (std::size_t b = 0; b < sectors.size(); ++b)
                for (const analysis::SectorCell& c : r->gaps.sectorMatrix)
                    if ((c.from == sectors[a].key && c.to == sectors[b].key) || (c.to == sectors[a].key && c.from == sectors[b].key)) {
                        const float d = std::isnan(c.density) ? 0.f : static_cast<float>(std::min(1.0, c.density * 4));
                        const ImU32 fill = c.links == 0 ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImVec4(0.95f - 0.7f * d, 0.95f - 0.5f * d, 1.0f, 1));
                        const ImVec2 p(origin.x + static_cast<float>(b) * cell, origin.y + static_cast<float>(a) * cell);
                        dl->AddRectFilled(p, ImVec2(p.x + cell - 1, p.y + cell - 1), fill);
                        dl->AddRect(p, ImVec2(p.x + cell - 1, p.y + cell - 1), IM_COL32(200, 200, 200, 255));
                        shown = std::max(shown, a + 1);
                    }
        ImGui::Dummy(ImVec2(cell * static_cast<float>(sectors.size()), cell * static_cast<float>(shown)));
    }
    if (ImGui::CollapsingHeader(T(s, "analysis.suggestions"))) {
        ImGui::Checkbox(T(s, "menu.suggestions"), &s.options.showSuggestions);
        for (const analysis::SuggestedLink& l : r->gaps.suggestedLinks)
            if (l.a < n.actors().size() && l.b < n.actors().size())
                ImGui::BulletText("%s – %s: %s", n.actors()[l.a].name.c_str(), n.actors()[l.b].name.c_str(), l.reason.c_str());
    }
    ImGui::End();
}

// [SECTION] Actor table with search (Ctrl+F)
void drawActorTable(AppState& s) {
    const Network& n = s.network();
    ImGui::Begin(T(s, "panel.actors"));
    if (s.searchFocus) {
        ImGui::SetKeyboardFocusHere();
        s.searchFocus = false;
    }
    ImGui::InputTextWithHint("##search", T(s, "search.hint"), s.search, sizeof s.search);
    const std::string needle = normalizeLabel(s.search);
    const auto* metrics = (s.results && s.results->version == s.version) ? &s.results->metrics : nullptr;
    const std::vector<double>* degree = nullptr;
    const std::vector<double>* betweenness = nullptr;
    if (metrics)
        for (const auto& c : metrics->columns) {
            if (c.name == "degree") degree = &c.values;
            if (c.name == "betweenness") betweenness = &c.values;
        }
    if (ImGui::BeginTable("actors", 4, ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn(T(s, "field.name"), ImGuiTableColumnFlags_DefaultSort);
        ImGui::TableSetupColumn(T(s, "field.sector"));
        ImGui::TableSetupColumn("degree");
        ImGui::TableSetupColumn("betweenness");
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableHeadersRow();
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < n.actors().size(); ++i)
            if (needle.empty() || normalizeLabel(n.actors()[i].name).find(needle) != std::string::npos ||
                normalizeLabel(n.actors()[i].shortName).find(needle) != std::string::npos)
                rows.push_back(i);
        if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsCount > 0) {
            const int column = sort->Specs[0].ColumnIndex;
            const bool asc = sort->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
            auto key = [&](std::size_t i) -> double {
                if (column == 2 && degree) return (*degree)[i];
                if (column == 3 && betweenness) return (*betweenness)[i];
                return 0;
            };
            std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
                if (column <= 1) {
                    const std::string& x = column == 0 ? n.actors()[a].name : n.actors()[a].sector;
                    const std::string& y = column == 0 ? n.actors()[b].name : n.actors()[b].sector;
                    return asc ? x < y : y < x;
                }
                return asc ? key(a) < key(b) : key(b) < key(a);
            });
        }
        ImGuiListClipper clipper;  // only the rows on screen are built
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::size_t i = rows[static_cast<std::size_t>(row)];
            const Actor& a = n.actors()[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(a.name.c_str(), s.selectedActors.count(a.id) > 0, ImGuiSelectableFlags_SpanAllColumns)) {
                s.selectedActors = {a.id};
                s.selectedLink.reset();
                // Jump to the actor.
                s.canvas.view.originX = static_cast<float>(a.x);
                s.canvas.view.originY = static_cast<float>(a.y);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(n.taxonomy.labelOf(CategoryKind::Sector, a.sector, s.lang).c_str());
            ImGui::TableNextColumn();
            if (degree) ImGui::Text("%.0f", (*degree)[i]);
            ImGui::TableNextColumn();
            if (betweenness) ImGui::Text("%.3f", (*betweenness)[i]);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

// [SECTION] Layouts off the UI thread
void startLayout(AppState& s, const std::string& engine, bool live) {
    if (s.layoutTask) return;
    auto task = std::make_unique<LayoutTask>();
    task->engine = engine;
    task->live = live;
    task->version = s.version;
    LayoutTask* t = task.get();
    task->thread = std::thread([t, network = s.network()] {
        try {
            layout::LayoutRequest r;
            r.engine = t->engine;
            r.incremental = t->live;  // live: from the current positions, small moves
            r.cancel = &t->cancel;
            r.progress = [t](double p) { t->progress = p; };
            t->positions = session::computeLayout(network, r);
        } catch (const std::exception& e) {
            t->error = e.what();
        }
        t->done = true;
    });
    s.layoutTask = std::move(task);
}

void drawLayoutProgress(AppState& s) {
    if (!s.layoutTask) return;
    LayoutTask& t = *s.layoutTask;
    if (t.live && !t.done) return;  // quick and in the background: no progress window
    if (t.done) {
        t.thread.join();
        if (t.live) {
            // Live layout: the actors glide to their new places; committed when they arrive.
            if (t.error.empty() && !t.cancel && t.version == s.version) {
                LayoutAnimation a;
                for (std::size_t i = 0; i < s.network().actors().size(); ++i) a.from.push_back(shownPosition(s, i));
                a.to = t.positions;
                a.version = s.version;
                a.started = ImGui::GetTime();
                s.animation = std::move(a);
            }
        } else if (!t.error.empty()) s.status = t.error;
        else if (t.cancel) s.status.clear();
        else if (t.version != s.version) s.status = T(s, "layout.outdated");
        else {
            try {
                commit(s, layout::cmdLayout(s.network(), t.positions, t.engine));
                s.canvas.fitRequested = true;
            } catch (const std::exception& e) {
                s.status = e.what();
            }
        }
        s.layoutTask.reset();
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + 60), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::Begin("##layout", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::Text(T(s, "layout.running"), t.engine.c_str());
    ImGui::ProgressBar(static_cast<float>(t.progress.load()), ImVec2(260, 0));
    ImGui::SameLine();
    if (ImGui::Button(T(s, "layout.cancel"))) t.cancel = true;
    ImGui::End();
}

// [SECTION] Filters: what is hidden is dimmed, never removed
void drawFilters(AppState& s) {
    if (!s.showFilters) return;
    const Taxonomy& t = s.network().taxonomy;
    ImGui::Begin(T(s, "menu.filters"), &s.showFilters);
    auto group = [&](const char* title, const std::vector<Category>& cats, std::set<std::string>& hidden) {
        if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
        ImGui::PushID(title);
        for (const Category& c : cats) {
            bool shown = !hidden.count(c.key);
            if (ImGui::Checkbox(c.label(s.lang).c_str(), &shown)) {
                if (shown) hidden.erase(c.key);
                else hidden.insert(c.key);
            }
        }
        ImGui::PopID();
    };
    group(T(s, "field.sector"), t.sectors, s.options.hiddenSectors);
    group(T(s, "field.fields"), t.fields, s.options.hiddenFields);
    group(T(s, "field.type"), t.linkTypes, s.options.hiddenLinkTypes);
    group(T(s, "field.status"), t.statuses, s.options.hiddenStatuses);
    ImGui::End();
}

// [SECTION] Erasing a contact person (DSGVO Art. 17), after a confirmation
void drawErasePerson(AppState& s) {
    if (s.erasePerson.empty() || !s.project) {
        s.erasePerson.clear();
        return;
    }
    if (!ImGui::IsPopupOpen("##erase_person")) ImGui::OpenPopup("##erase_person");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##erase_person", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted((quoted(s.erasePerson, s.lang) + " " + T(s, "person.erase_confirm")).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(T(s, "person.erase_now"))) {
            const std::string name = s.erasePerson;
            s.erasePerson.clear();
            ImGui::CloseCurrentPopup();
            try {
                erasePersonFromBackups(s.project->path(), name);
                const ProjectFile::Erasure e = s.project->erasePerson(name);
                ++s.version;
                std::string where;
                for (const std::string& w : e.stillIn) where += (where.empty() ? " " : ", ") + w;
                s.status = e.goneFromFile ? T(s, "person.erased") : std::string(T(s, "person.erased_partly")) + where;
            } catch (const std::exception& e) {
                s.status = e.what();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(T(s, "backup.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            s.erasePerson.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// [SECTION] Snapshots: take, list, restore (restoring is one undoable step)
void drawSnapshots(AppState& s) {
    if (!s.showSnapshots) return;
    ImGui::Begin(T(s, "panel.snapshots"), &s.showSnapshots);
    if (!s.project) {
        ImGui::TextWrapped("%s", T(s, "status.readonly_import"));
        ImGui::End();
        return;
    }
    ImGui::InputTextWithHint("##snapshot", T(s, "snapshot.name"), s.snapshotName, sizeof s.snapshotName);
    ImGui::SameLine();
    if (ImGui::Button(T(s, "menu.snapshot_take")) && s.snapshotName[0]) {
        try {
            s.project->takeSnapshot(s.snapshotName);
            s.snapshotName[0] = 0;
        } catch (const std::exception& e) {
            s.status = e.what();
        }
    }
    std::vector<SnapshotInfo> snaps;
    try { snaps = s.project->snapshots(); } catch (const std::exception& e) { s.status = e.what(); }
    for (const SnapshotInfo& snap : snaps) {
        ImGui::PushID(snap.name.c_str());
        ImGui::Text("%s  (%s, %zu / %zu)", snap.name.c_str(), snap.created.c_str(), snap.actors, snap.links);
        ImGui::SameLine();
        if (ImGui::SmallButton(T(s, "panel.compare"))) {
            leaveCompare(s);
            enterCompare(s, snap.name);
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(T(s, "snapshot.restore"))) {
            leaveCompare(s);
            try {
                s.project->restoreSnapshot(snap.name);
                ++s.version;
                s.canvas.fitRequested = true;
            } catch (const std::exception& e) {
                s.status = e.what();
            }
        }
        ImGui::PopID();
    }
    ImGui::End();
}

// [SECTION] Legend overlay, from the taxonomy in use
void drawLegend(const AppState& s) {
    const Network& n = s.network();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + vp->WorkSize.y - 10), ImGuiCond_Always, ImVec2(0, 1));
    // Opaque: legible on a projector, and copied from the panel layer instead of redrawn.
    ImGui::Begin(T(s, "panel.legend"), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    std::set<std::string> sectors, types;
    for (const Actor& a : n.actors()) sectors.insert(a.sector);
    for (const Link& l : n.links()) types.insert(l.type);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    for (const Category& c : n.taxonomy.sectors) {
        if (!sectors.count(c.key)) continue;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.4f, ImGui::GetColorU32(color(c.color)));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(c.label(s.lang).c_str());
    }
    ImGui::Separator();
    if (s.compare.active) {
        // Compare mode colours links by their change (the comparison panel's legend says how).
        ImGui::TextDisabled("%s", T(s, "compare.legend"));
        ImGui::End();
        return;
    }
    for (const Category& c : n.taxonomy.linkTypes) {
        if (!types.count(c.key)) continue;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddLine(ImVec2(p.x, p.y + h / 2), ImVec2(p.x + h * 1.6f, p.y + h / 2), ImGui::GetColorU32(color(c.color)), 3);
        ImGui::Dummy(ImVec2(h * 1.6f, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(c.label(s.lang).c_str());
    }
    ImGui::TextDisabled("- - %s   · · %s", T(s, "legend.planned"), T(s, "legend.wished"));
    ImGui::TextDisabled("■ %s   ◎ %s", T(s, "legend.contact_point"), T(s, "legend.land_bund"));
    ImGui::End();
}

void drawStatusBar(const AppState& s) {
    std::string text;
    if (s.canvas.tool == Tool::Link) text = T(s, "status.link_mode");
    else if (!s.status.empty()) text = s.status;
    else if (!s.project && s.lockedElsewhere) text = T(s, "status.locked_elsewhere");
    else if (!s.project) text = T(s, "status.readonly_import");
    if (text.empty()) return;
    // A small opaque window in the bottom right corner (opaque: the frame compositor keeps it
    // in the panel layer instead of drawing it every frame).
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 10, vp->WorkPos.y + vp->WorkSize.y - 10), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.96f, 0.86f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, s.status.empty() ? ImVec4(0.24f, 0.24f, 0.24f, 1) : ImVec4(0.6f, 0.12f, 0.08f, 1));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings);
    // Above the panels it may overlap (internal API of Dear ImGui 1.86; no focus is taken).
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::TextUnformatted(text.c_str());
    ImGui::End();
    ImGui::PopStyleColor(2);
}

}  // namespace knp::ui
