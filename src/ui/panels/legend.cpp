// The legend over the map, from the taxonomy in use: sectors (or, coloured by a metric, its
// scale as the diagrams draw it) and link types shown.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "core/encoding.hpp"
#include "core/i18n.hpp"
#include "report/phrasing.hpp"
#include "ui/canvas.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace {

// What the map marks beyond sectors and link types: the analysis' suggested links (when shown)
// and the actors cut off without the selected one.
void drawMarkRows(const AppState& s, float h) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool current = s.results && s.results->version == s.version;
    if (current && s.options.showSuggestions && !s.options.presentation && !s.results->gaps.suggestedLinks.empty()) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        for (float x = 0; x < h * 1.6f; x += h * 0.5f)
            dl->AddLine(ImVec2(p.x + x, p.y + h / 2), ImVec2(p.x + std::min(x + h * 0.3f, h * 1.6f), p.y + h / 2),
                        ImGui::GetColorU32(color(encoding::kSuggested)), 3);
        ImGui::Dummy(ImVec2(h * 1.6f, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(fill(T(s, "legend.suggested"), {std::to_string(std::min(kSuggestionsOnMap, s.results->gaps.suggestedLinks.size()))}).c_str());
    }
    if (!current || s.selectedActors.size() != 1) return;
    const auto centre = s.network().actorIndex(*s.selectedActors.begin());
    for (const analysis::CutPoint& c : s.results->gaps.singlePointsOfFailure) {
        if (!centre || c.actor != *centre) continue;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddCircle(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.4f, ImGui::GetColorU32(color(encoding::kAlarm)), 12, 2.5f);
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        const Actor& a = s.network().actors()[*centre];
        ImGui::TextUnformatted(fill(T(s, "legend.cut_off"), {std::to_string(c.cutOff.size()), a.shortName.empty() ? a.name : a.shortName}).c_str());
    }
}

// What an actor's size means, where sizes differ (all alike: no row, nothing to explain).
void drawSizeRow(const AppState& s, float h) {
    if (!sizesVary(s)) return;
    std::string what;
    const auto& columns = s.results ? s.results->metrics.columns : std::vector<analysis::MetricColumn>{};
    // (Sized by a metric whose figures are not current yet: by influence meanwhile, as the map.)
    const auto metric = s.results && s.results->version == s.version ? static_cast<std::size_t>(s.options.sizeBy) : 0;
    if (metric == 0) what = T(s, "legend.size_influence");
    else if (metric <= columns.size()) what = fill(T(s, "legend.size_by"), {report::metricLabel(columns[metric - 1].name, s.lang)});
    else return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddCircle(ImVec2(p.x + h * 0.25f, p.y + h * 0.6f), h * 0.2f, ink, 12, 1.5f);
    dl->AddCircle(ImVec2(p.x + h * 1.05f, p.y + h / 2), h * 0.45f, ink, 16, 1.5f);
    ImGui::Dummy(ImVec2(h * 1.6f, h));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", what.c_str());
}

}  // namespace

void drawLegend(const AppState& s) {
    if (!s.options.legend) return;
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
    auto swatch = [&](std::uint32_t rgb, const std::string& text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.4f, ImGui::GetColorU32(color(rgb)));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(text.c_str());
    };
    // Taller than 40 % of the window in one column: colours on the left, lines on the right (the
    // map keeps the room).
    const auto rows = static_cast<float>(sectors.size() + types.size() + 5);
    const bool twoColumns = rows * ImGui::GetTextLineHeightWithSpacing() > 0.4f * vp->WorkSize.y;
    ImGui::BeginGroup();
    const auto& columns = s.results ? s.results->metrics.columns : std::vector<analysis::MetricColumn>{};
    const auto metric = static_cast<std::size_t>(s.options.colorBy);
    if (!s.compare.active && metric > 0 && s.results && s.results->version == s.version && metric <= columns.size()) {
        // Coloured by a metric: its scale over the actors shown, five stops, as on paper.
        const analysis::MetricColumn& column = columns[metric - 1];
        const std::vector<bool> visible = visibleActors(s);
        const encoding::Scale scale = encoding::scaleOf(column.values, std::vector<char>(visible.begin(), visible.end()));
        ImGui::TextUnformatted(report::metricLabel(column.name, s.lang).c_str());
        // Colours by rank (one outlier does not take the whole scale): each stop names the value
        // at its quantile.
        ImGui::TextDisabled("%s", T(s, "legend.by_rank"));
        const bool whole = std::all_of(scale.sorted.begin(), scale.sorted.end(), [](double v) { return v == std::floor(v); });
        const int decimals = whole ? 0 : std::abs(scale.hi) >= 10 ? 1 : std::abs(scale.hi) >= 1 ? 2 : 3;
        for (int k = 0; k <= 4 && !scale.empty(); ++k) {
            swatch(encoding::viridis(k / 4.0), formatNumber(scale.quantile(k / 4.0), decimals, s.lang));
            if (scale.hi <= scale.lo) break;
        }
    } else {
        for (const Category& c : n.taxonomy.sectors)
            if (sectors.count(c.key)) swatch(c.color, c.label(s.lang));
    }
    if (twoColumns) {
        ImGui::EndGroup();
        ImGui::SameLine(0, 2 * h);
        ImGui::BeginGroup();
    } else {
        ImGui::Separator();
    }
    if (s.compare.active) {
        // Compare mode colours links by their change (the comparison panel's legend says how).
        ImGui::TextDisabled("%s", T(s, "compare.legend"));
        ImGui::EndGroup();
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
    drawSizeRow(s, h);
    drawMarkRows(s, h);
    ImGui::TextDisabled("■ %s   ◎ %s", T(s, "legend.contact_point"), T(s, "legend.land_bund"));
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace knp::ui
