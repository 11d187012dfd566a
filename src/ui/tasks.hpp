#pragma once
// One runner for all long work of the view (as ImHex's TaskManager): the analysis of each
// network version, layouts, comparisons, the desktop's file chooser and exports. Work runs on
// a thread of its own over copies of what it needs; the UI thread only looks at finished
// tasks and swaps their results in.
//
//   Task<std::vector<Point>> t = s.tasks.start<std::vector<Point>>(s.version, [network](TaskContext& c) {
//       return computeSomething(network, c.cancelFlag(), c.progressSink());
//   });
//   ... each frame:  if (auto done = t.take()) { if (!done->staleFor(s.version)) use(*done->value); }
//
// - Each result carries the version it was computed for (the network's, as a rule); a result
//   whose version has gone by is stale, and its user drops it.
// - Cancel is cooperative: cancel() sets a std::atomic<bool> the work looks at (or passes to the
//   engine), and work that stops throws knp::Cancelled.
// - Progress is a double 0..1 the work sets.
// - Dropping a Task handle abandons it: cancel is asked for and nothing waits. The runner keeps
//   the thread and joins it once it has finished (collect(), each frame), so neither the UI
//   thread nor a handle ever blocks on work no longer wanted. At exit the runner waits for what
//   still runs, except work started with waitAtExit = false (a dialog of another program).
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace knp::ui {

namespace detail {
// What a task's thread and its handle share.
struct TaskShared {
    virtual ~TaskShared() = default;
    std::uint64_t version = 0;
    std::atomic<bool> cancel{false};
    std::atomic<double> progress{0};
    std::atomic<bool> finished{false};  // set last, after the outcome below
    std::string error;                  // the work threw: what it said
    bool cancelled = false;             // the work threw knp::Cancelled
    bool cancelAsked = false;           // cancel was asked for before the work ended
};
template <class R>
struct TaskSlot : TaskShared {
    std::optional<R> value;
};
}  // namespace detail

// What running work sees of its task.
class TaskContext {
public:
    explicit TaskContext(detail::TaskShared& shared) : shared_(shared) {}
    bool cancelRequested() const { return shared_.cancel.load(); }
    // The flag itself, for engine calls that look at one (layout::LayoutRequest, session::ExportRequest).
    const std::atomic<bool>* cancelFlag() const { return &shared_.cancel; }
    void setProgress(double fraction);  // 0..1
    // setProgress as a callback for engine calls (valid while the work runs).
    std::function<void(double)> progressSink() {
        return [this](double fraction) { setProgress(fraction); };
    }

private:
    detail::TaskShared& shared_;
};

// A finished task: its value, or why there is none.
template <class R>
struct TaskOutcome {
    std::uint64_t version = 0;    // what it was computed for
    std::optional<R> value;       // absent when the work threw
    std::string error;            // what the work's exception said ("" when none or Cancelled)
    bool cancelled = false;       // the work stopped on cancel (threw knp::Cancelled)
    bool cancelAsked = false;     // cancel was asked for before the work ended (it may have finished all the same)
    bool staleFor(std::uint64_t current) const { return version != current; }
};

// The UI thread's handle of one task; move-only. Empty when default-constructed, taken or
// abandoned.
template <class R>
class Task {
public:
    Task() = default;
    Task(Task&& other) noexcept = default;
    Task& operator=(Task&& other) noexcept {
        if (this != &other) {
            abandon();
            slot_ = std::move(other.slot_);
        }
        return *this;
    }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() { abandon(); }

    explicit operator bool() const { return slot_ != nullptr; }  // held: running or finished, not taken
    bool finished() const { return slot_ && slot_->finished.load(std::memory_order_acquire); }
    bool running() const { return slot_ && !finished(); }
    double progress() const { return slot_ ? slot_->progress.load() : 0.0; }
    void cancel() {
        if (slot_) slot_->cancel = true;
    }
    bool cancelAsked() const { return slot_ && slot_->cancel.load(); }
    std::uint64_t version() const { return slot_ ? slot_->version : 0; }
    // Once finished: the outcome, and the handle is empty; before: nothing.
    std::optional<TaskOutcome<R>> take() {
        if (!finished()) return std::nullopt;
        TaskOutcome<R> out;
        out.version = slot_->version;
        out.value = std::move(slot_->value);
        out.error = std::move(slot_->error);
        out.cancelled = slot_->cancelled;
        out.cancelAsked = slot_->cancelAsked;
        slot_.reset();
        return out;
    }
    // Lets the task go: cancel is asked for, its result will be dropped; never waits.
    void abandon() {
        if (!slot_) return;
        slot_->cancel = true;
        slot_.reset();
    }

private:
    friend class TaskRunner;
    explicit Task(std::shared_ptr<detail::TaskSlot<R>> slot) : slot_(std::move(slot)) {}
    std::shared_ptr<detail::TaskSlot<R>> slot_;
};

struct TaskOptions {
    bool waitAtExit = true;  // false: at exit the thread is let go instead of waited for
};

class TaskRunner {
public:
    TaskRunner() = default;
    ~TaskRunner();  // asks everything to cancel; waits for what must be waited for
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;

    // Runs `work` (R work(TaskContext&)) on a thread of its own. `version`: what the result is
    // computed for. `work` must own what it uses (copies), never the view's state.
    template <class R, class Work>
    Task<R> start(std::uint64_t version, Work work, TaskOptions options = {}) {
        auto slot = std::make_shared<detail::TaskSlot<R>>();
        slot->version = version;
        launch(slot, options, [slot = slot.get(), work = std::move(work)](TaskContext& context) mutable {
            slot->value.emplace(work(context));
        });
        return Task<R>(std::move(slot));
    }
    // Per frame: joins the threads whose work has ended.
    void collect();
    // Threads not yet joined (running, or ended since the last collect()).
    std::size_t threads() const { return workers_.size(); }

private:
    struct Worker {
        std::thread thread;
        std::shared_ptr<detail::TaskShared> shared;
        bool waitAtExit = true;
    };
    void launch(std::shared_ptr<detail::TaskShared> shared, TaskOptions options, std::function<void(TaskContext&)> body);
    std::vector<Worker> workers_;
};

}  // namespace knp::ui
