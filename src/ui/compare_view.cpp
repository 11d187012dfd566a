#include "ui/compare_view.hpp"

#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include "core/i18n.hpp"
#include "ui/keys.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

namespace {

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
    analysis::CompareOptions o;
    o.lang = s.lang;
    o.beforeName = c.names[static_cast<std::size_t>(c.base)];
    o.afterName = c.names[static_cast<std::size_t>(c.shown)];
    // The comparison before (the timeline moved on) is abandoned: it may run on, unwaited for.
    c.pending = s.tasks.start<analysis::Comparison>(
        s.version, [before = c.states[static_cast<std::size_t>(c.base)], after = c.states[static_cast<std::size_t>(c.shown)], o](TaskContext&) {
            return analysis::compareNetworks(before, after, o);
        });
}


}  // namespace

// [SECTION] Entering and leaving
bool enterCompare(AppState& s, const std::string& base) {
    std::vector<SnapshotInfo> snaps;
    std::vector<Network> states;
    try {
        std::optional<ProjectFile> readOnly;
        ProjectFile* pf = s.project();
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
    s.compare = CompareMode{};  // a comparison still running is abandoned
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

void setCompareBase(AppState& s, int base) {
    CompareMode& c = s.compare;
    if (!c.active || base == c.base) return;
    c.base = base;
    markStates(c, s.lang);
    ++s.version;
    restartTable(s);
}

void updateCompare(AppState& s, double now) {
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
    if (auto done = c.pending.take()) {
        if (done->value) c.table = std::make_shared<const analysis::Comparison>(std::move(*done->value));
        else s.status = done->error;
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
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE) && !s.canvas.escapeTaken) leaveCompare(s);
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

}  // namespace knp::ui
