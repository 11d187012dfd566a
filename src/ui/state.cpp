#include "ui/state.hpp"

#include "core/i18n.hpp"

#include <chrono>

namespace knp::ui {

AnalysisWorker::AnalysisWorker() : thread_([this] { run(); }) {}

AnalysisWorker::~AnalysisWorker() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void AnalysisWorker::request(const Network& network, std::uint64_t version, Lang lang) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.emplace(network, version);  // a newer request replaces one not yet started
        lang_ = lang;
    }
    busy_ = true;
    wake_.notify_all();
}

std::shared_ptr<const AnalysisResult> AnalysisWorker::latest() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return result_;
}

void AnalysisWorker::run() {
    for (;;) {
        std::pair<Network, std::uint64_t> job;
        Lang lang;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || pending_.has_value(); });
            if (stop_) return;
            job = std::move(*pending_);
            pending_.reset();
            lang = lang_;
        }
        const auto start = std::chrono::steady_clock::now();
        auto result = std::make_shared<AnalysisResult>();
        result->version = job.second;
        const GraphView g = GraphView::build(job.first);
        result->metrics = analysis::computeMetrics(g);
        analysis::GapOptions o;
        o.lang = lang;
        result->gaps = analysis::analyseGaps(job.first, g, o);
        result->milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::lock_guard<std::mutex> lock(mutex_);
        result_ = std::move(result);
        if (!pending_) busy_ = false;
    }
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

bool commit(AppState& s, const Edit& edit) {
    if (edit.empty()) return true;
    if (s.compare.active) {
        // The comparison shows several states at once: nothing there is the project to edit.
        s.status = tr(s.lang, "compare.view_only");
        return false;
    }
    if (!s.project && s.lockedElsewhere) {
        // Shown read-only because another window has the project: edits here would be lost.
        s.notice = tr(s.lang, "notice.locked");
        return false;
    }
    try {
        if (s.project) s.project->execute(edit);
        else s.imported.execute(edit);
        ++s.version;
        ++s.edits;
        s.status.clear();
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
    try {
        const bool done = s.project ? (back ? s.project->undo() : s.project->redo()) : (back ? s.imported.undo() : s.imported.redo());
        if (done) {
            ++s.version;
            ++s.edits;
        }
        return done;
    } catch (const std::exception& e) {
        s.status = e.what();
        return false;
    }
}

// Whether the step undo (back) or redo would take next is an automatic live layout.
bool nextIsLiveLayout(AppState& s, bool back) {
    std::string kind, subject;
    if (s.project) {
        const std::optional<HistoryEntry> e = back ? s.project->nextUndo() : s.project->nextRedo();
        if (!e) return false;
        kind = e->kind;
        subject = e->subject;
    } else {
        const Edit* e = back ? s.imported.nextUndo() : s.imported.nextRedo();
        if (!e) return false;
        kind = e->kind;
        subject = e->subject;
    }
    return kind == "layout" && subject == kLiveLayout;
}
}  // namespace

// The live layout that followed an edit goes with it: undo takes both back, redo brings both.
bool undo(AppState& s) {
    s.animation.reset();
    s.historyMoved = true;
    if (nextIsLiveLayout(s, true) && !historyStep(s, true)) return false;
    return historyStep(s, true);
}

bool redo(AppState& s) {
    s.animation.reset();
    s.historyMoved = true;
    if (!historyStep(s, false)) return false;
    if (nextIsLiveLayout(s, false)) historyStep(s, false);
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
