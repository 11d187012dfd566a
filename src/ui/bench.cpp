#include "ui/bench.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace knp::ui {

namespace {
const char* const kPhaseNames[kPhases] = {"ui", "setup", "instances", "map", "overlay_panels", "present"};
}  // namespace

PhaseClock::PhaseClock(bool enabled) : on_(enabled), last_(std::chrono::steady_clock::now()) {}

void PhaseClock::mark(Phase phase) {
    if (!on_) return;
    const int i = static_cast<int>(phase);
    if (i > 0) glFinish();
    const auto now = std::chrono::steady_clock::now();
    ms_[i] = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
}

FrameBench::FrameBench(const AppOptions& options) : options_(options), profile_(std::getenv("KNP_PROFILE_FRAMES") != nullptr) {}

void FrameBench::firstFrameDone() {
    if (firstFrameReported_ || (options_.benchFrames <= 0 && !std::getenv("KNP_REPORT_FIRST_FRAME"))) return;
    glFinish();
    std::fprintf(stderr, "first frame after %.0f ms\n",
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - options_.started).count());
    firstFrameReported_ = true;
}

bool FrameBench::frameDone(AppState& s, const PhaseClock& phases, int frame, std::chrono::steady_clock::time_point start) {
    if (options_.benchFrames <= 0) return false;
    if (s.results && phases.enabled()) {
        for (int i = 0; i < kPhases; ++i) phaseSum_[i] += phases.ms(i);
        ++phaseCount_;
    }
    // Frames are timed once the first analysis is in: on two cores it competes with the
    // software renderer, and it runs once per edit, not per frame.
    glFinish();
    if (!s.results && frame < 100000) return false;
    frameMs_.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (static_cast<int>(frameMs_.size()) >= options_.benchFrames + 5) {
        frameMs_.erase(frameMs_.begin(), frameMs_.begin() + 5);  // warm-up frames
        std::sort(frameMs_.begin(), frameMs_.end());
        const double median = frameMs_[frameMs_.size() / 2];
        const double p95 = frameMs_[std::min(frameMs_.size() - 1, frameMs_.size() * 95 / 100)];
        std::printf("frames %zu median_ms %.3f p95_ms %.3f\n", frameMs_.size(), median, p95);
        if (profile_) {
            std::printf("phases_ms");
            for (int i = 0; i < kPhases; ++i) std::printf(" %s %.2f", kPhaseNames[i], phaseCount_ ? phaseSum_[i] / phaseCount_ : 0.0);
            std::printf("\n");
        }
        return true;
    }
    // Benchmark frames act like a user exploring the map: they pan by a few pixels, move the
    // mouse over another actor, and every tenth frame zoom one wheel step in or out (which
    // redraws the whole map).
    const std::size_t k = frameMs_.size();
    if (k % 10 == 9) {
        s.canvas.view.scale *= (k / 10) % 2 == 0 ? 1.15f : 1.0f / 1.15f;
    } else {
        s.canvas.view.originX += 3.0f / s.canvas.view.scale;
        s.canvas.view.originY += 1.0f / s.canvas.view.scale;
    }
    if (!s.network().actors().empty()) s.canvas.hover = static_cast<std::uint32_t>((k / 3) % s.network().actors().size());
    return false;
}

}  // namespace knp::ui
