// The analysis panel: findings, brokers, fields, the sector heat map, suggested links, and what happens when the selected actor drops out.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"
#include "report/phrasing.hpp"

namespace knp::ui {

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
        for (const std::string& f : report::phrase(r->gaps.findings, n, s.lang)) ImGui::BulletText("%s", f.c_str());
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
                ImGui::BulletText("%s – %s: %s", n.actors()[l.a].name.c_str(), n.actors()[l.b].name.c_str(), report::phraseReasons(l.reasons, n, s.lang).c_str());
    }
    ImGui::End();
}

}  // namespace knp::ui
