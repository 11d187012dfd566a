#pragma once
// Risky work (Graphviz layout and rendering of data from outside) in a child process with
// limits: a crash, a hang or runaway memory there costs that one piece of work, never the
// calling process (the view's session, an open project, an edit). The child is forked, so it
// sees the caller's data without copying; it sends its result back through a pipe and leaves
// with _exit. Limits: wall-clock time (the parent kills the child), address space (RLIMIT_AS;
// not in AddressSanitizer builds, which reserve terabytes of shadow memory) and CPU time.
// KNP_GRAPHVIZ_TIMEOUT (seconds) and KNP_GRAPHVIZ_MEMORY_MB override the defaults;
// KNP_GRAPHVIZ_FAULT=crash|hang|memory makes the child misbehave on purpose (tests).
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>

namespace knp {

// The work could not be done: the child crashed, ran out of time or memory, or failed.
class IsolationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct IsolationLimits {
    double seconds = 300;
    std::size_t megabytes = 4096;
};

// The limits with the environment's overrides applied.
IsolationLimits isolationLimits();

// Runs `work` in a child process and returns what it returned. Exceptions thrown by `work`
// come back as the same kind for InputError and UsageError, else as IsolationError with their
// message. `what` names the work in messages ("Graphviz layout dot").
std::string runIsolated(const std::string& what, const std::function<std::string()>& work, const IsolationLimits& limits = isolationLimits());

}  // namespace knp
