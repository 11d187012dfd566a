// The actor table with search (Ctrl+F), sortable by name, sector and metrics.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/i18n.hpp"
#include "report/phrasing.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace {

// The header row; the metrics' headers say in full what they count when pointed at.
void drawHeaders(const AppState& s) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < 4; ++column) {
        if (!ImGui::TableSetColumnIndex(column)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        if (column == 2 && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", report::metricLabel("degree", s.lang).c_str());
        if (column == 3 && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%s", report::metricLabel("betweenness", s.lang).c_str(), T(s, "analysis.brokers_hint"));
    }
}

}  // namespace

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
        ImGui::TableSetupColumn(T(s, "actors.col_degree"));
        ImGui::TableSetupColumn(T(s, "actors.col_betweenness"));
        ImGui::TableSetupScrollFreeze(0, 1);
        drawHeaders(s);
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
            if (betweenness) ImGui::TextUnformatted(formatPercent((*betweenness)[i], s.lang).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace knp::ui
