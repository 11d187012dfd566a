#include "ui/layouts.hpp"

#include <algorithm>

#include "core/i18n.hpp"
#include "layout/layout.hpp"
#include "session/layout_step.hpp"

namespace knp::ui {

void startLayout(AppState& s, const std::string& engine, bool live) {
    if (s.layoutTask) return;
    LayoutJob job;
    job.engine = engine;
    job.live = live;
    job.task = s.tasks.start<std::vector<Point>>(s.version, [frozen = frozenNetwork(s), engine, live](TaskContext& context) {
        const Network& network = *frozen;
        layout::LayoutRequest r;
        r.engine = engine;
        r.incremental = live;  // live: from the current positions, small moves
        r.cancel = context.cancelFlag();
        r.progress = context.progressSink();
        return session::computeLayout(network, r);
    });
    s.layoutTask = std::move(job);
}

void finishLayout(AppState& s, double now) {
    if (!s.layoutTask) return;
    std::optional<TaskOutcome<std::vector<Point>>> done = s.layoutTask->task.take();
    if (!done) return;
    const std::string engine = s.layoutTask->engine;
    const bool live = s.layoutTask->live;
    s.layoutTask.reset();
    const bool cancelled = done->cancelAsked || done->cancelled;
    if (live) {
        // Live layout: the actors glide to their new places; committed when they arrive.
        if (done->value && !cancelled && !done->staleFor(s.version)) {
            LayoutAnimation a;
            for (std::size_t i = 0; i < s.network().actors().size(); ++i) a.from.push_back(shownPosition(s, i));
            a.to = std::move(*done->value);
            a.version = s.version;
            a.started = now;
            s.animation = std::move(a);
        }
    } else if (!done->error.empty()) {
        s.status = done->error;
    } else if (cancelled) {
        s.status.clear();
    } else if (done->staleFor(s.version)) {
        s.status = tr(s.lang, "layout.outdated");
    } else if (done->value) {
        try {
            commit(s, layout::cmdLayout(s.network(), *done->value, engine));
            s.canvas.fitRequested = true;
        } catch (const std::exception& e) {
            s.status = e.what();
        }
    }
}

void updateLiveLayout(AppState& s) {
    const std::size_t actorsNow = s.network().actors().size(), linksNow = s.network().links().size();
    const bool seen = s.liveActors != SIZE_MAX;
    const bool grew = seen && (actorsNow > s.liveActors || linksNow > s.liveLinks);
    if (grew && s.options.liveLayout && !s.historyMoved && !s.layoutTask && !s.automated && actorsNow > 1) startLayout(s, "force", true);
    s.liveActors = actorsNow;
    s.liveLinks = linksNow;
    s.historyMoved = false;
}

void updateLayoutAnimation(AppState& s, double now) {
    if (!s.animation) return;
    LayoutAnimation& a = *s.animation;
    if (a.version != s.version) {
        s.animation.reset();
        return;
    }
    a.t = std::clamp((now - a.started) / 0.45, 0.0, 1.0);
    if (a.t < 1.0) return;
    const std::vector<Point> to = a.to;
    s.animation.reset();
    try {
        commit(s, layout::cmdLayout(s.network(), to, kLiveLayout));
    } catch (const std::exception& e) {
        s.status = e.what();
    }
}

}  // namespace knp::ui
