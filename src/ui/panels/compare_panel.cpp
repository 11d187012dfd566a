// The compare panel (compare mode, ui/compare_view.hpp): the state compared with, the timeline
// with its play button, the legend of the marks, and the comparison's findings, figures,
// metric changes and gaps closed and opened.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/i18n.hpp"
#include "ui/compare_view.hpp"
#include "ui/panels/widgets.hpp"
#include "report/phrasing.hpp"

namespace knp::ui {

namespace {

// "Workshop 1 (7. Dez. 2026)": a snapshot's name and the day it was taken.
std::string stateLabel(const AppState& s, int st) {
    const CompareMode& c = s.compare;
    const auto i = static_cast<std::size_t>(st);
    return c.dates[i].empty() ? c.names[i] : c.names[i] + " (" + formatDateTime(c.dates[i], s.lang) + ")";
}

// The state compared with, the timeline and its buttons; false when the panel is to close.
bool drawTimeline(AppState& s) {
    CompareMode& c = s.compare;
    // Compared with ...
    const int last = static_cast<int>(c.states.size()) - 1;
    if (ImGui::BeginCombo(T(s, "compare.base"), stateLabel(s, c.base).c_str())) {
        for (int st = 0; st < last; ++st)
            if (ImGui::Selectable(stateLabel(s, st).c_str(), st == c.base) && st != c.base) setCompareBase(s, st);
        ImGui::EndCombo();
    }
    // The timeline: every state, the one shown marked.
    int shown = c.shown;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##timeline", &shown, 0, last, stateLabel(s, c.shown).c_str())) stepCompare(s, shown - c.shown);
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) stepCompare(s, -1);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) stepCompare(s, 1);
    ImGui::SameLine();
    if (ImGui::Button(c.playing ? T(s, "compare.stop") : T(s, "compare.play"))) {
        c.playing = !c.playing;
        if (c.playing) {
            if (c.shown == last) stepCompare(s, c.base - c.shown);
            c.nextStep = ImGui::GetTime() + 1.2;
        }
    }
    ImGui::SameLine();
    return !ImGui::Button(T(s, "compare.leave"));
}

// What the marks on the map mean.
void drawMarksLegend(const AppState& s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const struct {
        std::uint32_t rgb;
        const char* key;
        bool dashed;
    } marks[] = {{kCompareAdded, "compare.added", false}, {kCompareRemoved, "compare.removed", true}, {kCompareChanged, "compare.changed", false}};
    for (const auto& m : marks) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImU32 col = ImGui::GetColorU32(color(m.rgb));
        dl->AddCircle(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.36f, col, 16, 3);
        if (m.dashed)
            for (int d = 0; d < 3; ++d)
                dl->AddLine(ImVec2(p.x + h * 1.2f + static_cast<float>(d) * h * 0.55f, p.y + h / 2), ImVec2(p.x + h * 1.5f + static_cast<float>(d) * h * 0.55f, p.y + h / 2), col, 3);
        else
            dl->AddLine(ImVec2(p.x + h * 1.2f, p.y + h / 2), ImVec2(p.x + h * 2.6f, p.y + h / 2), col, 3);
        ImGui::Dummy(ImVec2(h * 2.8f, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(T(s, m.key));
    }
}

void drawFigures(const AppState& s, const analysis::Comparison& r) {
    const Lang lang = s.lang;
    if (ImGui::CollapsingHeader(T(s, "compare.figures"), ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTable("##figures", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn(T(s, "compare.figure"));
        ImGui::TableSetupColumn(T(s, "compare.before"));
        ImGui::TableSetupColumn(T(s, "compare.after"));
        ImGui::TableSetupColumn("\u0394");
        ImGui::TableHeadersRow();
        auto row = [&](const char* key, double b, double a, int decimals) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(T(s, key));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatNumber(b, decimals, lang).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatNumber(a, decimals, lang).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatChange(a - b, decimals, lang).c_str());
        };
        const analysis::GraphFigures& fb = r.figuresBefore;
        const analysis::GraphFigures& fa = r.figuresAfter;
        row("compare.fig_actors", static_cast<double>(fb.nodes), static_cast<double>(fa.nodes), 0);
        row("compare.fig_links", static_cast<double>(fb.links), static_cast<double>(fa.links), 0);
        row("compare.fig_density", fb.density, fa.density, 3);
        row("compare.fig_components", fb.components, fa.components, 0);
        row("compare.fig_cut_points", static_cast<double>(fb.articulationPoints), static_cast<double>(fa.articulationPoints), 0);
        row("compare.fig_isolates", static_cast<double>(r.isolatesBefore), static_cast<double>(r.isolatesAfter), 0);
        row("compare.fig_uncovered", static_cast<double>(r.uncoveredBefore), static_cast<double>(r.uncoveredAfter), 0);
        ImGui::EndTable();
    }
}

// The metric changes: largest first, by measure.
void drawMetricChanges(const AppState& s, const analysis::Comparison& r) {
    const Lang lang = s.lang;
    const float h = ImGui::GetTextLineHeight();
    if (ImGui::CollapsingHeader(T(s, "compare.metrics"), ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTable("##metrics", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY,
                          ImVec2(0, h * 16))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(T(s, "compare.actor"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(s, "compare.measure"));
        ImGui::TableSetupColumn(T(s, "compare.before_after"));
        ImGui::TableSetupColumn("\u0394");
        ImGui::TableHeadersRow();
        for (const char* metric : {"betweenness", "degree", "brokerage"}) {
            int rows = 0;
            for (const analysis::MetricChange& m : r.metrics) {
                if (m.metric != metric || rows++ >= 8) continue;
                const int decimals = m.metric == "betweenness" ? 3 : 0;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.label.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(T(s, m.metric == "betweenness" ? "compare.metric_betweenness"
                                            : m.metric == "degree"    ? "compare.metric_degree"
                                                                      : "compare.metric_brokerage"));
                ImGui::TableNextColumn();
                ImGui::Text("%s \u2192 %s", formatNumber(m.before, decimals, lang).c_str(), formatNumber(m.after, decimals, lang).c_str());
                ImGui::TableNextColumn();
                ImGui::TextColored(color(m.delta() > 0 ? kCompareAdded : kCompareRemoved), "%s", formatChange(m.delta(), decimals, lang).c_str());
            }
        }
        ImGui::EndTable();
    }
}

void drawComparison(const AppState& s, const analysis::Comparison& r) {
    ImGui::TextWrapped("%s", (std::string(T(s, "compare.counts")) + " +" + std::to_string(r.actorsAdded.size()) + " / \u2212" +
                              std::to_string(r.actorsRemoved.size()) + " " + T(s, "compare.actors") + ", +" + std::to_string(r.linksAdded.size()) +
                              " / \u2212" + std::to_string(r.linksRemoved.size()) + " " + T(s, "compare.links") + ", " +
                              std::to_string(r.actorsChanged.size() + r.linksChanged.size()) + " " + T(s, "compare.changed_count"))
                                 .c_str());
    if (ImGui::CollapsingHeader(T(s, "compare.findings"), ImGuiTreeNodeFlags_DefaultOpen))
        for (const std::string& f : report::phraseComparison(r.findings, s.lang)) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", f.c_str());
        }
    drawFigures(s, r);
    drawMetricChanges(s, r);
    if (ImGui::CollapsingHeader(T(s, "compare.gaps_closed")))
        for (const std::string& g : report::phraseGapChanges(r.gapsClosed, s.lang)) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", g.c_str());
        }
    if (ImGui::CollapsingHeader(T(s, "compare.gaps_opened")))
        for (const std::string& g : report::phraseGapChanges(r.gapsOpened, s.lang)) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", g.c_str());
        }
}

}  // namespace

void drawComparePanel(AppState& s) {
    CompareMode& c = s.compare;
    if (!c.active) return;
    const float u = s.contentScale;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10 * u, vp->WorkPos.y + 30 * u), ImGuiCond_FirstUseEver);  // in the actor table's place
    // Above the legend in the bottom left corner.
    ImGui::SetNextWindowSize(ImVec2(440 * u, std::max(300 * u, vp->WorkSize.y - 380 * u)), ImGuiCond_FirstUseEver);
    bool open = true;
    ImGui::Begin(T(s, "panel.compare"), &open);
    if (!drawTimeline(s)) open = false;
    drawMarksLegend(s);
    ImGui::Separator();
    const std::shared_ptr<const analysis::Comparison> table = c.table;
    if (!table || c.tableBase != c.base || c.tableShown != c.shown) {
        ImGui::TextDisabled("%s", T(s, "compare.computing"));
    } else if (c.base == c.shown) {
        ImGui::TextWrapped("%s", T(s, "compare.same_state"));
    } else {
        drawComparison(s, *table);
    }
    ImGui::End();
    if (!open) leaveCompare(s);
}

}  // namespace knp::ui
