#pragma once
// Graphviz keeps global state (its error callback, plugin tables): one user at a time in this
// process. A GraphvizGuard holds the lock and routes Graphviz's messages into messages() for
// as long as it lives. Used by the Graphviz layouts and the DOT importer.
#include <mutex>
#include <string>

namespace knp {

class GraphvizGuard {
public:
    GraphvizGuard();
    ~GraphvizGuard();
    GraphvizGuard(const GraphvizGuard&) = delete;
    GraphvizGuard& operator=(const GraphvizGuard&) = delete;
    // What Graphviz reported since the guard was taken (at most about 2,000 characters).
    const std::string& messages() const;

private:
    std::unique_lock<std::mutex> lock_;
};

}  // namespace knp
