// The analysis panel: findings, brokers, fields, the sector heat map, suggested links, and what happens when the selected actor drops out.
#include "ui/panels/panels.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"
#include "report/phrasing.hpp"

namespace knp::ui {

namespace {

// A bullet in the finding's colour (gaps red, worth a look amber, how the network is grey),
// then the text wrapped at the panel's edge.
void wrappedBullet(const std::string& text, std::uint32_t rgb = 0x7F7F7F) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h * 0.35f, p.y + h * 0.5f), h * 0.2f, ImGui::GetColorU32(color(rgb)));
    ImGui::Indent(h * 0.85f);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::Unindent(h * 0.85f);
}

std::uint32_t severityColor(analysis::Severity severity) {
    switch (severity) {
    case analysis::Severity::Warning: return 0xC0392B;
    case analysis::Severity::Notice: return 0xE08E0B;
    default: return 0x7F7F7F;
    }
}

// What if the selected actor drops out?
void drawDropout(const AppState& s, const Network& n, const AnalysisResult& r) {
    if (s.selectedActors.size() != 1) return;
    const auto idx = n.actorIndex(*s.selectedActors.begin());
    if (!idx) return;
    ImGui::Separator();
    ImGui::TextWrapped(T(s, "analysis.dropout"), n.actors()[*idx].name.c_str());
    const analysis::CutPoint* cut = nullptr;
    for (const analysis::CutPoint& c : r.gaps.singlePointsOfFailure)
        if (c.actor == *idx) cut = &c;
    if (!cut) {
        ImGui::TextDisabled("%s", T(s, "analysis.dropout_none"));
        return;
    }
    ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", T(s, "analysis.dropout_cut"));
    for (const std::uint32_t c : cut->cutOff) wrappedBullet(n.actors()[c].name);
}

// The actors most shortest paths run through, as a share in percent as the findings say it.
void drawBrokers(const AppState& s, const Network& n, const AnalysisResult& r) {
    const auto& cols = r.metrics.columns;
    const auto col = std::find_if(cols.begin(), cols.end(), [](const analysis::MetricColumn& c) { return c.name == "betweenness"; });
    if (col == cols.end()) return;
    std::vector<std::size_t> order(col->values.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return col->values[a] > col->values[b]; });
    ImGui::TextWrapped("%s", T(s, "analysis.brokers_hint"));
    const float column = ImGui::CalcTextSize("100 %").x + ImGui::GetStyle().ItemSpacing.x * 2;
    for (std::size_t k = 0; k < order.size() && k < 8; ++k) {
        if (order[k] >= n.actors().size()) continue;
        ImGui::TextUnformatted(formatPercent(col->values[order[k]], s.lang).c_str());
        ImGui::SameLine(column);
        ImGui::TextWrapped("%s", n.actors()[order[k]].name.c_str());
    }
}

void drawFields(const AppState& s, const Network& n, const AnalysisResult& r) {
    for (const analysis::FieldCoverage& f : r.gaps.fields)
        wrappedBullet(fill(T(s, "analysis.field_line"), {n.taxonomy.labelOf(CategoryKind::Field, f.field, s.lang), countActors(f.actors.size(), s.lang),
                                                         report::fieldStatusText(f.status, s.lang)}));
}

// [SECTION] The sector x sector heat map
// The sectors with actors, numbered as in the report: rows named, columns numbered.
struct HeatMap {
    std::vector<const Category*> sectors;
    std::map<std::pair<std::string, std::string>, const analysis::SectorCell*> cells;  // both orders
};

HeatMap heatMapOf(const Network& n, const AnalysisResult& r) {
    HeatMap m;
    for (const analysis::SectorCell& c : r.gaps.sectorMatrix) {
        m.cells[{c.from, c.to}] = &c;
        m.cells[{c.to, c.from}] = &c;
    }
    for (const Category& c : n.taxonomy.sectors)
        if (m.cells.count({c.key, c.key})) m.sectors.push_back(&c);
    return m;
}

// White without a link, then darker blue the denser the pair is linked.
ImU32 heatColor(const analysis::SectorCell& c) {
    if (c.links == 0) return IM_COL32(255, 255, 255, 255);
    const float d = std::isnan(c.density) ? 0.f : static_cast<float>(std::min(1.0, c.density * 4));
    return ImGui::GetColorU32(ImVec4(0.95f - 0.7f * d, 0.95f - 0.5f * d, 1.0f, 1));
}

// Both sectors, the number of links, the density, in words.
void heatTooltip(const AppState& s, const Category& a, const Category& b, const analysis::SectorCell& c) {
    const std::string na = sectorName(a.label(s.lang), s.lang), nb = sectorName(b.label(s.lang), s.lang);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted((&a == &b ? fill(T(s, "heatmap.within"), {na}) : fill(T(s, "heatmap.between"), {na, nb})).c_str());
    ImGui::TextUnformatted(countLinks(c.links, s.lang).c_str());
    ImGui::TextUnformatted(std::isnan(c.density) ? T(s, "heatmap.no_pairs") : fill(T(s, "heatmap.density"), {formatPercent(c.density, s.lang)}).c_str());
    ImGui::EndTooltip();
}

void heatCell(const AppState& s, const HeatMap& m, std::size_t row, std::size_t col, float cell) {
    const auto it = m.cells.find({m.sectors[row]->key, m.sectors[col]->key});
    if (it == m.cells.end()) return;
    const analysis::SectorCell& c = *it->second;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, heatColor(c));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(cell, cell));
    const std::string count = std::to_string(c.links);
    const ImVec2 size = ImGui::CalcTextSize(count.c_str());
    if (c.links > 0 && size.x < cell - 2)
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + (cell - size.x) / 2, p.y + (cell - size.y) / 2), IM_COL32(20, 20, 20, 255), count.c_str());
    if (ImGui::IsItemHovered()) heatTooltip(s, *m.sectors[row], *m.sectors[col], c);
}

// "3 Bund und Land" with the sector's colour, as on the map; shortened with "…" where the panel
// is narrow, in full when pointed at.
void rowLabel(const AppState& s, const Category& sector, std::size_t number) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h * 0.5f, p.y + h * 0.75f), ImGui::GetColorU32(color(sector.color)));
    const std::string text = std::to_string(number) + " " + sector.label(s.lang);
    const float right = p.x + width - ImGui::GetStyle().ItemSpacing.x / 2;
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.7f, p.y), ImVec2(right, p.y + h), right, right, text.c_str(), nullptr, nullptr);
    ImGui::Dummy(ImVec2(width, h));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sector.label(s.lang).c_str());
}

void drawHeatMap(const AppState& s, const Network& n, const AnalysisResult& r) {
    const HeatMap m = heatMapOf(n, r);
    const std::size_t k = m.sectors.size();
    if (k == 0) return;
    const float h = ImGui::GetTextLineHeight();
    const float cell = std::clamp(std::floor(ImGui::GetContentRegionAvail().x * 0.5f / static_cast<float>(k)), h, h * 2.2f);
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInner | ImGuiTableFlags_NoPadInnerX;
    if (!ImGui::BeginTable("##heatmap", static_cast<int>(k) + 1, flags)) return;
    ImGui::TableSetupColumn("##sector", ImGuiTableColumnFlags_WidthStretch);
    for (std::size_t c = 0; c < k; ++c) ImGui::TableSetupColumn(std::to_string(c + 1).c_str(), ImGuiTableColumnFlags_WidthFixed, cell);
    // Column numbers, centred over the cells.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (std::size_t c = 0; c < k; ++c) {
        ImGui::TableNextColumn();
        const std::string number = std::to_string(c + 1);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (cell - ImGui::CalcTextSize(number.c_str()).x) / 2);
        ImGui::TextUnformatted(number.c_str());
    }
    for (std::size_t row = 0; row < k; ++row) {
        ImGui::TableNextRow(0, cell);
        ImGui::TableNextColumn();
        rowLabel(s, *m.sectors[row], row + 1);
        for (std::size_t col = 0; col < k; ++col) {
            ImGui::TableNextColumn();
            heatCell(s, m, row, col, cell);
        }
    }
    ImGui::EndTable();
    ImGui::TextWrapped("%s", T(s, "heatmap.legend"));
}

void drawSuggestions(AppState& s, const Network& n, const AnalysisResult& r) {
    ImGui::Checkbox(T(s, "menu.suggestions"), &s.options.showSuggestions);
    for (const analysis::SuggestedLink& l : r.gaps.suggestedLinks)
        if (l.a < n.actors().size() && l.b < n.actors().size())
            wrappedBullet(n.actors()[l.a].name + " – " + n.actors()[l.b].name + ": " + report::phraseReasons(l.reasons, n, s.lang));
}

}  // namespace

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
    if (!current && r->gaps.brokerage.size() != n.actors().size()) { ImGui::End(); return; }
    drawDropout(s, n, *r);
    const bool findings = ImGui::CollapsingHeader(T(s, "analysis.findings"), ImGuiTreeNodeFlags_DefaultOpen);
    // How long the analysis took is for whoever asks (a tooltip), not for the workshop's wall.
    if (current && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", fill(T(s, "analysis.time"), {formatNumber(r->milliseconds, 1, s.lang)}).c_str());
    if (findings)
        for (const report::PanelFinding& f : report::phraseForPanel(r->gaps.findings, n, s.lang)) wrappedBullet(f.text, severityColor(f.severity));
    if (ImGui::CollapsingHeader(T(s, "analysis.brokers"))) drawBrokers(s, n, *r);
    if (ImGui::CollapsingHeader(T(s, "analysis.fields"))) drawFields(s, n, *r);
    if (ImGui::CollapsingHeader(T(s, "analysis.heatmap"))) drawHeatMap(s, n, *r);
    if (ImGui::CollapsingHeader(T(s, "analysis.suggestions"))) drawSuggestions(s, n, *r);
    ImGui::End();
}

}  // namespace knp::ui
