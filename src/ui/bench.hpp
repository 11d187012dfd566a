#pragma once
// Measuring the view: --bench-frames (frames that act like a user exploring the map, then the
// median and 95th percentile frame time), KNP_PROFILE_FRAMES=1 (where a frame's time goes),
// and the time to the first frame (--bench-frames or KNP_REPORT_FIRST_FRAME).
#include <chrono>
#include <vector>

#include "ui/app.hpp"
#include "ui/state.hpp"

namespace knp::ui {

// The phases of a frame, in order.
enum class Phase { Ui, Setup, Instances, Map, OverlayPanels, Present };
inline constexpr int kPhases = 6;

// KNP_PROFILE_FRAMES=1 with --bench-frames: each phase ends with glFinish, so GPU work is
// attributed to the phase that issued it (this slows frames a little).
class PhaseClock {
public:
    explicit PhaseClock(bool enabled);
    void mark(Phase phase);  // the phase ends now
    bool enabled() const { return on_; }
    double ms(int phase) const { return ms_[phase]; }

private:
    bool on_;
    std::chrono::steady_clock::time_point last_;
    double ms_[kPhases] = {};
};

class FrameBench {
public:
    explicit FrameBench(const AppOptions& options);
    bool profiling() const { return profile_; }
    // After a frame is presented: prints the first frame's time once (when asked for).
    void firstFrameDone();
    // After benchmark frame number `frame`, which began at `start`: records it, moves the view as a user would,
    // and returns true when enough frames are timed (the figures are printed then).
    bool frameDone(AppState& s, const PhaseClock& phases, int frame, std::chrono::steady_clock::time_point start);

private:
    const AppOptions& options_;
    bool profile_;
    bool firstFrameReported_ = false;
    std::vector<double> frameMs_;
    double phaseSum_[kPhases] = {};
    int phaseCount_ = 0;
};

}  // namespace knp::ui
