#include "ui/compare_view.hpp"

#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include "core/i18n.hpp"
#include "ui/keys.hpp"

namespace knp::ui {

namespace {

const char* T(const AppState& s, const char* key) { return tr(s.lang, key).data(); }

ImVec4 color(std::uint32_t rgb) {
    return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(rgb & 0xFF) / 255.0f, 1.0f);
}

// [SECTION] The scene: today, then each older state's actors and links that today lacks
void buildScene(CompareMode& c) {
    const std::size_t k = c.states.size();
    c.scene = c.states.back();
    c.actorIn.assign(k, {});
    c.linkIn.assign(k, {});
    c.actorIn[k - 1].resize(c.scene.actors().size());
    std::iota(c.actorIn[k - 1].begin(), c.actorIn[k - 1].end(), 0);
    c.linkIn[k - 1].resize(c.scene.links().size());
    std::iota(c.linkIn[k - 1].begin(), c.linkIn[k - 1].end(), 0);
    for (std::size_t st = k - 1; st-- > 0;) {
        const Network& n = c.states[st];
        analysis::United u = analysis::unite(n, c.scene, analysis::matchNetworks(n, c.scene));
        c.scene = std::move(u.network);
        c.actorIn[st].assign(c.scene.actors().size(), -1);
        for (std::size_t i = 0; i < u.actorOf.size(); ++i) c.actorIn[st][u.actorOf[i]] = static_cast<std::int32_t>(i);
        c.linkIn[st].assign(c.scene.links().size(), -1);
        for (std::size_t j = 0; j < u.linkOf.size(); ++j) c.linkIn[st][u.linkOf[j]] = static_cast<std::int32_t>(j);
    }
    for (auto& v : c.actorIn) v.resize(c.scene.actors().size(), -1);
    for (auto& v : c.linkIn) v.resize(c.scene.links().size(), -1);
    // Actors gone by today keep where they were, or stand beside their partners.
    analysis::placeBesidePartners(c.scene, c.states.back().actors().size());
}

// The marks of every state against the base.
void markStates(CompareMode& c, Lang lang) {
    const std::size_t k = c.states.size();
    c.actorMark.assign(k, std::vector<analysis::Change>(c.scene.actors().size(), analysis::Change::Same));
    c.linkMark.assign(k, std::vector<analysis::Change>(c.scene.links().size(), analysis::Change::Same));
    const auto b = static_cast<std::size_t>(c.base);
    const Network& nb = c.states[b];
    for (std::size_t st = 0; st < k; ++st) {
        const Network& ns = c.states[st];
        for (std::size_t e = 0; e < c.scene.actors().size(); ++e) {
            const std::int32_t ib = c.actorIn[b][e], is = c.actorIn[st][e];
            analysis::Change& mark = c.actorMark[st][e];
            if (is >= 0 && ib < 0) mark = analysis::Change::Added;
            else if (ib >= 0 && is < 0) mark = analysis::Change::Removed;
            else if (ib >= 0 && !analysis::actorChanges(nb.actors()[static_cast<std::size_t>(ib)], nb, ns.actors()[static_cast<std::size_t>(is)], ns, lang).empty())
                mark = analysis::Change::Changed;
        }
        for (std::size_t e = 0; e < c.scene.links().size(); ++e) {
            const std::int32_t ib = c.linkIn[b][e], is = c.linkIn[st][e];
            analysis::Change& mark = c.linkMark[st][e];
            if (is >= 0 && ib < 0) mark = analysis::Change::Added;
            else if (ib >= 0 && is < 0) mark = analysis::Change::Removed;
            else if (ib >= 0 && !analysis::linkChanges(nb.links()[static_cast<std::size_t>(ib)], nb, ns.links()[static_cast<std::size_t>(is)], ns, lang).empty())
                mark = analysis::Change::Changed;
        }
    }
}

void restartTable(AppState& s) {
    CompareMode& c = s.compare;
    if (c.tableBase == c.base && c.tableShown == c.shown) return;
    c.tableBase = c.base;
    c.tableShown = c.shown;
    c.table.reset();
    if (c.pending.valid()) s.abandoned.push_back(std::move(c.pending));  // a future from std::async waits when destroyed
    analysis::CompareOptions o;
    o.lang = s.lang;
    o.beforeName = c.names[static_cast<std::size_t>(c.base)];
    o.afterName = c.names[static_cast<std::size_t>(c.shown)];
    c.pending = std::async(std::launch::async, [before = c.states[static_cast<std::size_t>(c.base)], after = c.states[static_cast<std::size_t>(c.shown)], o] {
        return std::shared_ptr<const analysis::Comparison>(std::make_shared<analysis::Comparison>(analysis::compareNetworks(before, after, o)));
    });
}


}  // namespace

// [SECTION] Entering and leaving
bool enterCompare(AppState& s, const std::string& base) {
    std::vector<SnapshotInfo> snaps;
    std::vector<Network> states;
    try {
        std::optional<ProjectFile> readOnly;
        ProjectFile* pf = s.project ? &*s.project : nullptr;
        if (!pf && s.sourcePath.ends_with(".knp") && s.sourcePath.find('@') == std::string::npos && std::filesystem::exists(s.sourcePath)) {
            readOnly.emplace(ProjectFile::open(s.sourcePath, OpenMode::ReadOnly));
            pf = &*readOnly;
        }
        if (!pf) {
            s.status = T(s, "compare.no_project");
            return false;
        }
        snaps = pf->snapshots();
        std::sort(snaps.begin(), snaps.end(), [](const SnapshotInfo& a, const SnapshotInfo& b) { return a.created < b.created; });
        for (const SnapshotInfo& info : snaps) states.push_back(pf->loadSnapshot(info.name));
    } catch (const std::exception& e) {
        s.status = e.what();
        return false;
    }
    if (snaps.empty()) {
        s.status = T(s, "compare.no_snapshot");
        return false;
    }
    CompareMode& c = s.compare;
    c.names.clear();
    c.dates.clear();
    for (const SnapshotInfo& info : snaps) {
        c.names.push_back(info.name);
        c.dates.push_back(info.created.substr(0, 10));
    }
    c.names.push_back(T(s, "compare.today"));
    c.dates.push_back("");
    states.push_back(s.edited());
    c.states = std::move(states);
    c.base = 0;
    if (!base.empty()) {
        const auto it = std::find(c.names.begin(), c.names.end() - 1, base);
        if (it == c.names.end() - 1) {
            s.status = std::string(T(s, "compare.unknown_snapshot")) + " " + quoted(base, s.lang);
            return false;
        }
        c.base = static_cast<int>(it - c.names.begin());
    }
    buildScene(c);
    markStates(c, s.lang);
    c.shown = static_cast<int>(c.states.size()) - 1;
    c.t = c.from = c.shown;
    c.started = -1;
    c.playing = false;
    c.tableBase = c.tableShown = -1;
    c.lang = s.lang;
    c.active = true;
    s.selectedActors.clear();
    s.selectedLink.reset();
    s.canvas.hover.reset();
    s.canvas.hoverLink.reset();
    s.animation.reset();
    s.liveActors = SIZE_MAX;  // the scene's size is not a new actor: no live layout
    ++s.version;
    restartTable(s);
    return true;
}

void leaveCompare(AppState& s) {
    if (!s.compare.active) return;
    if (s.compare.pending.valid()) s.abandoned.push_back(std::move(s.compare.pending));
    s.compare = CompareMode{};
    s.selectedActors.clear();
    s.selectedLink.reset();
    s.canvas.hover.reset();
    s.canvas.hoverLink.reset();
    s.liveActors = SIZE_MAX;
    s.status.clear();
    ++s.version;
}

// [SECTION] The timeline
void stepCompare(AppState& s, int delta) {
    CompareMode& c = s.compare;
    if (!c.active) return;
    const int target = std::clamp(c.shown + delta, 0, static_cast<int>(c.states.size()) - 1);
    if (target == c.shown) return;
    c.from = c.t;
    c.shown = target;
    c.started = ImGui::GetTime();
    if (s.automated) {  // screenshots show the state itself, not a moment of the fade
        c.t = c.shown;
        c.started = -1;
    }
    restartTable(s);
}

void updateCompare(AppState& s, double now) {
    std::erase_if(s.abandoned, [](const auto& f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
    CompareMode& c = s.compare;
    if (!c.active) return;
    if (c.lang != s.lang) {  // the language was switched: names, marks and table in the new one
        c.lang = s.lang;
        c.names.back() = T(s, "compare.today");
        markStates(c, s.lang);
        c.tableBase = -1;
        restartTable(s);
    }
    if (c.started >= 0) {
        const double p = std::clamp((now - c.started) / 0.6, 0.0, 1.0);
        const double eased = p * p * (3 - 2 * p);
        c.t = c.from + (c.shown - c.from) * eased;
        if (p >= 1) {
            c.t = c.shown;
            c.started = -1;
        }
    }
    if (c.playing && c.started < 0 && now >= c.nextStep) {
        if (c.shown + 1 < static_cast<int>(c.states.size())) {
            stepCompare(s, 1);
            c.nextStep = now + 1.8;
        } else {
            c.playing = false;
        }
    }
    if (c.pending.valid() && c.pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        try {
            c.table = c.pending.get();
        } catch (const std::exception& e) {
            s.status = e.what();
        }
    }
}

void handleCompareKeys(AppState& s) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    if (letterPressed('v')) {
        if (s.compare.active) leaveCompare(s);
        else enterCompare(s);
    }
    if (!s.compare.active) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) stepCompare(s, -1);
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) stepCompare(s, 1);
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) leaveCompare(s);
}

// [SECTION] Per frame: marks and fading
namespace {
CompareLook look(const CompareMode& c, const std::vector<std::vector<std::int32_t>>& in, const std::vector<std::vector<analysis::Change>>& marks,
                 std::size_t e) {
    const int last = static_cast<int>(c.states.size()) - 1;
    const int i = std::clamp(static_cast<int>(std::floor(c.t)), 0, last);
    const int j = std::min(i + 1, last);
    const double f = std::clamp(c.t - i, 0.0, 1.0);
    const auto b = static_cast<std::size_t>(c.base);
    auto visible = [&](int st) { return in[b][e] >= 0 || in[static_cast<std::size_t>(st)][e] >= 0 ? 1.0 : 0.0; };
    CompareLook l;
    l.alpha = static_cast<float>((1 - f) * visible(i) + f * visible(j));
    l.mark = marks[static_cast<std::size_t>(f < 0.5 ? i : j)][e];
    return l;
}
}  // namespace

CompareLook compareActorLook(const AppState& s, std::size_t i) {
    if (!s.compare.active || i >= s.compare.scene.actors().size()) return {};
    return look(s.compare, s.compare.actorIn, s.compare.actorMark, i);
}

CompareLook compareLinkLook(const AppState& s, std::size_t k) {
    if (!s.compare.active || k >= s.compare.scene.links().size()) return {};
    return look(s.compare, s.compare.linkIn, s.compare.linkMark, k);
}

// [SECTION] The panel
void drawComparePanel(AppState& s) {
    CompareMode& c = s.compare;
    if (!c.active) return;
    const Lang lang = s.lang;
    const float u = s.contentScale;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10 * u, vp->WorkPos.y + 30 * u), ImGuiCond_FirstUseEver);
    // Above the legend in the bottom left corner.
    ImGui::SetNextWindowSize(ImVec2(440 * u, std::max(300 * u, vp->WorkSize.y - 380 * u)), ImGuiCond_FirstUseEver);
    bool open = true;
    ImGui::Begin(T(s, "panel.compare"), &open);
    // Compared with ...
    const int last = static_cast<int>(c.states.size()) - 1;
    auto label = [&](int st) {
        const auto i = static_cast<std::size_t>(st);
        return c.dates[i].empty() ? c.names[i] : c.names[i] + " (" + c.dates[i] + ")";
    };
    if (ImGui::BeginCombo(T(s, "compare.base"), label(c.base).c_str())) {
        for (int st = 0; st < last; ++st)
            if (ImGui::Selectable(label(st).c_str(), st == c.base) && st != c.base) {
                c.base = st;
                markStates(c, lang);
                ++s.version;
                restartTable(s);
            }
        ImGui::EndCombo();
    }
    // The timeline: every state, the one shown marked.
    int shown = c.shown;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##timeline", &shown, 0, last, label(c.shown).c_str())) stepCompare(s, shown - c.shown);
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
    if (ImGui::Button(T(s, "compare.leave"))) open = false;
    // Legend.
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
    ImGui::Separator();
    const std::shared_ptr<const analysis::Comparison> table = c.table;
    if (!table || c.tableBase != c.base || c.tableShown != c.shown) {
        ImGui::TextDisabled("%s", T(s, "compare.computing"));
    } else if (c.base == c.shown) {
        ImGui::TextWrapped("%s", T(s, "compare.same_state"));
    } else {
        const analysis::Comparison& r = *table;
        ImGui::TextWrapped("%s", (std::string(T(s, "compare.counts")) + " +" + std::to_string(r.actorsAdded.size()) + " / \u2212" +
                                  std::to_string(r.actorsRemoved.size()) + " " + T(s, "compare.actors") + ", +" + std::to_string(r.linksAdded.size()) +
                                  " / \u2212" + std::to_string(r.linksRemoved.size()) + " " + T(s, "compare.links") + ", " +
                                  std::to_string(r.actorsChanged.size() + r.linksChanged.size()) + " " + T(s, "compare.changed_count"))
                                     .c_str());
        if (ImGui::CollapsingHeader(T(s, "compare.findings"), ImGuiTreeNodeFlags_DefaultOpen))
            for (const std::string& f : r.findings) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", f.c_str());
            }
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
        // The metric changes: largest first, by measure.
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
        if (ImGui::CollapsingHeader(T(s, "compare.gaps_closed")))
            for (const std::string& g : r.gapsClosed) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", g.c_str());
            }
        if (ImGui::CollapsingHeader(T(s, "compare.gaps_opened")))
            for (const std::string& g : r.gapsOpened) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", g.c_str());
            }
    }
    ImGui::End();
    if (!open) leaveCompare(s);
}

}  // namespace knp::ui
