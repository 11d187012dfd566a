#include "ui/tasks.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace knp::ui {

void TaskContext::setProgress(double fraction) { shared_.progress = std::clamp(fraction, 0.0, 1.0); }

void TaskRunner::launch(std::shared_ptr<detail::TaskShared> shared, TaskOptions options, std::function<void(TaskContext&)> body) {
    Worker worker;
    worker.shared = shared;
    worker.waitAtExit = options.waitAtExit;
    worker.thread = std::thread([shared, body = std::move(body)]() mutable {
        TaskContext context(*shared);
        try {
            body(context);
        } catch (const Cancelled&) {
            shared->cancelled = true;
        } catch (const std::exception& e) {
            shared->error = e.what();
        } catch (...) {
            shared->error = "unknown error";
        }
        // What the work held (copies of networks) goes now, so that joining a finished
        // thread costs nothing.
        body = nullptr;
        shared->cancelAsked = shared->cancel.load();
        shared->finished.store(true, std::memory_order_release);
    });
    workers_.push_back(std::move(worker));
}

void TaskRunner::collect() {
    std::erase_if(workers_, [](Worker& w) {
        if (!w.shared->finished.load(std::memory_order_acquire)) return false;
        w.thread.join();
        return true;
    });
}

TaskRunner::~TaskRunner() {
    for (Worker& w : workers_) w.shared->cancel = true;
    for (Worker& w : workers_) {
        if (w.waitAtExit || w.shared->finished) w.thread.join();
        else w.thread.detach();
    }
}

}  // namespace knp::ui
