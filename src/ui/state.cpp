#include "ui/state.hpp"

#include <imgui.h>

#include "core/i18n.hpp"

#include <chrono>
#include <cstdio>

namespace knp::ui {

std::shared_ptr<const Network> frozenNetwork(const AppState& s) {
    if (!s.frozen || s.frozenVersion != s.version) {
        s.frozen = std::make_shared<const Network>(s.network());
        s.frozenVersion = s.version;
    }
    return s.frozen;
}

void updateAnalysis(AppState& s) {
    if (auto done = s.analysisTask.take()) {
        // Results come in version order; one older than what is shown is dropped.
        if (done->value && *done->value && (!s.results || (*done->value)->version >= s.results->version)) s.results = *done->value;
        else if (!done->error.empty()) s.status = done->error;
    }
    if (s.analysisRequested != s.version && !s.compare.active && !s.analysisTask) {
        s.analysisTask = s.tasks.start<std::shared_ptr<const AnalysisResult>>(
            s.version, [network = frozenNetwork(s), version = s.version](TaskContext&) {
                analysis::AnalysisOptions o;
                o.version = version;
                return analysis::analyseNetwork(*network, o);
            });
        s.analysisRequested = s.version;
    }
}

bool analysisPending(const AppState& s) {
    return s.analysisTask || (s.analysisRequested != s.version && !s.compare.active);
}

const SceneCache& sceneFor(const AppState& s) {
    if (s.scene.version == s.version && s.scene.degree.size() == s.network().actors().size()) return s.scene;
    const Network& n = s.network();
    s.scene.version = s.version;
    s.scene.linkEnds.clear();
    s.scene.linkEnds.reserve(n.links().size());
    s.scene.degree.assign(n.actors().size(), 0);
    for (const Link& l : n.links()) {
        const auto a = static_cast<std::uint32_t>(*n.actorIndex(l.source)), b = static_cast<std::uint32_t>(*n.actorIndex(l.target));
        s.scene.linkEnds.emplace_back(a, b);
        ++s.scene.degree[a];
        ++s.scene.degree[b];
    }
    return s.scene;
}

namespace {
// When the document has just begun to keep its edits in memory (its file could not store one):
// the message for the facilitator, and a line in the log.
void noticeKeptInMemory(AppState& s, bool wasSaved) {
    const UnsavedEdits* unsaved = s.document->unsaved();
    if (!wasSaved || !unsaved) return;
    s.storageFailureShown = true;
    std::fprintf(stderr, "knotenpunkt: %s could not store the change (%s); the changes are kept in memory until saved elsewhere\n",
                 unsaved->file.c_str(), unsaved->detail.c_str());
}
}  // namespace

bool mayQuit(AppState& s) {
    if (!s.document->unsaved() || s.quitUnsaved) return true;
    s.quit = false;
    s.storageFailureShown = true;
    s.unsavedQuestion = AppState::UnsavedQuestion::Quit;
    return false;
}

bool mayReplaceDocument(AppState& s) {
    if (!s.document->unsaved()) return true;
    s.storageFailureShown = true;
    s.unsavedQuestion = AppState::UnsavedQuestion::Open;
    return false;
}

bool commit(AppState& s, const Edit& edit) {
    if (edit.empty()) return true;
    if (s.compare.active) {
        // The comparison shows several states at once: nothing there is the project to edit.
        s.status = tr(s.lang, "compare.view_only");
        return false;
    }
    if (!s.project() && s.lockedElsewhere) {
        // Shown read-only because another window has the project: edits here would be lost.
        s.notice = tr(s.lang, "notice.locked");
        return false;
    }
    const bool wasSaved = !s.document->unsaved();
    try {
        s.document->apply(edit);
        ++s.version;
        ++s.edits;
        s.status.clear();
        noticeKeptInMemory(s, wasSaved);
        return true;
    } catch (const std::exception& e) {
        s.status = e.what();
        return false;
    }
}

bool commitOnOpening(AppState& s, const Edit& placing) {
    const bool wasSaved = !s.document->unsaved();
    try {
        if (s.document->applyOnOpening(placing)) {
            ++s.edits;
            s.status.clear();
        }
        ++s.version;
        noticeKeptInMemory(s, wasSaved);
        return true;
    } catch (const std::exception& e) {
        s.status = e.what();
        return false;
    }
}

namespace {
bool historyStep(AppState& s, bool back) {
    if (s.compare.active) {
        s.status = tr(s.lang, "compare.view_only");
        return false;
    }
    const bool wasSaved = !s.document->unsaved();
    try {
        const bool done = back ? s.document->undo() : s.document->redo();
        if (done) {
            ++s.version;
            ++s.edits;
        }
        noticeKeptInMemory(s, wasSaved);
        return done;
    } catch (const std::exception& e) {
        s.status = e.what();
        return false;
    }
}

// Whether the step undo (back) or redo would take next is an automatic live layout.
bool nextIsLiveLayout(AppState& s, bool back) {
    const std::optional<HistoryStepInfo> e = back ? s.document->nextUndo() : s.document->nextRedo();
    return e && e->kind == "layout" && e->subject == kLiveLayout;
}
}  // namespace

void tell(AppState& s, std::string text) {
    s.note = std::move(text);
    s.noteUntil = ImGui::GetCurrentContext() ? ImGui::GetTime() + 4 : 0;
}

std::string describeStep(AppState& s, bool back) {
    // Undo takes a live layout back with the edit before it: that edit is what it undoes.
    std::optional<HistoryStepInfo> e = back ? s.document->nextUndo() : s.document->nextRedo();
    if (back && e && e->kind == "layout" && e->subject == kLiveLayout) e = s.document->nextUndo(1);
    if (!e) return {};
    // The placement made on opening stays (nothing to undo before it, as far as the view goes).
    if (back && e->kind == "layout" && e->subject == kOpeningLayout) return {};
    const bool count = !e->subject.empty() && e->subject.find_first_not_of("0123456789") == std::string::npos;
    // "history." + the edit's kind (core/commands.cpp); several actors removed at once carry
    // their count as the subject.
    const std::string key = "history." + e->kind;
    const char* templ = e->kind == "remove_actor" && count ? tr(s.lang, "history.remove_actors") : tr(s.lang, key);
    if (templ == key) templ = tr(s.lang, "history.other");
    return fill(templ, {e->subject});
}

// The live layout that followed an edit goes with it: undo takes both back, redo brings both.
bool undo(AppState& s) {
    s.animation.reset();
    s.historyMoved = true;
    const std::string what = describeStep(s, true);
    if (what.empty()) {
        const std::optional<HistoryStepInfo> e = s.document->nextUndo();
        // Said until the next edit (a refusal, not a passing note).
        if (e && e->kind == "layout" && e->subject == kOpeningLayout) s.status = tr(s.lang, "status.opening_layout_stays");
        return false;
    }
    if (nextIsLiveLayout(s, true) && !historyStep(s, true)) return false;
    if (!historyStep(s, true)) return false;
    tell(s, fill(tr(s.lang, "status.undone"), {what}));
    return true;
}

bool redo(AppState& s) {
    s.animation.reset();
    s.historyMoved = true;
    const std::string what = describeStep(s, false);
    if (!historyStep(s, false)) return false;
    if (nextIsLiveLayout(s, false)) historyStep(s, false);
    tell(s, fill(tr(s.lang, "status.redone"), {what}));
    return true;
}

Point shownPosition(const AppState& s, std::size_t i) {
    const Actor& a = s.network().actors()[i];
    if (s.animation && s.animation->version == s.version && i < s.animation->to.size()) {
        const double t = s.animation->t, e = t * t * (3 - 2 * t);  // smoothstep
        const Point& f = s.animation->from[i];
        const Point& to = s.animation->to[i];
        return {f.x + (to.x - f.x) * e, f.y + (to.y - f.y) * e};
    }
    return {a.x, a.y};
}

}  // namespace knp::ui
