#pragma once
// Move-only owners of Graphviz's C handles (cgraph and gvc), so that every path out of a
// layout, a drawing or the DOT reader frees them: Context owns a GVC_t (gvContext), Graph an
// Agraph_t (agopen or agmemread) and, once laid out, its layout (gvFreeLayout before agclose).
// Take a GraphvizGuard (graphviz/guard.hpp) before creating either: Graphviz is one user at a time.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>
#include <utility>

namespace knp::graphviz {

class Context {
public:
    Context() : gvc_(gvContext()) {}
    ~Context() { if (gvc_) gvFreeContext(gvc_); }
    Context(Context&& other) noexcept : gvc_(std::exchange(other.gvc_, nullptr)) {}
    Context& operator=(Context&& other) noexcept {
        if (this != &other) {
            if (gvc_) gvFreeContext(gvc_);
            gvc_ = std::exchange(other.gvc_, nullptr);
        }
        return *this;
    }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    GVC_t* get() const { return gvc_; }
    explicit operator bool() const { return gvc_ != nullptr; }

private:
    GVC_t* gvc_;
};

class Graph {
public:
    Graph() = default;
    // A new, empty graph (agopen); check with operator bool.
    Graph(const char* name, bool directed) : g_(agopen(const_cast<char*>(name), directed ? Agdirected : Agundirected, nullptr)) {}
    // Takes ownership of a graph Graphviz made (agmemread); null is allowed.
    static Graph adopt(Agraph_t* g) {
        Graph graph;
        graph.g_ = g;
        return graph;
    }
    ~Graph() { reset(); }
    Graph(Graph&& other) noexcept : g_(std::exchange(other.g_, nullptr)), laidOutBy_(std::exchange(other.laidOutBy_, nullptr)) {}
    Graph& operator=(Graph&& other) noexcept {
        if (this != &other) {
            reset();
            g_ = std::exchange(other.g_, nullptr);
            laidOutBy_ = std::exchange(other.laidOutBy_, nullptr);
        }
        return *this;
    }
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;

    Agraph_t* get() const { return g_; }
    explicit operator bool() const { return g_ != nullptr; }
    // Runs gvLayout with `engine`; the layout is freed with the graph. Returns gvLayout's code.
    int layout(const Context& context, const char* engine) {
        const int rc = gvLayout(context.get(), g_, engine);
        if (rc == 0) laidOutBy_ = context.get();
        return rc;
    }

private:
    void reset() {
        if (g_ && laidOutBy_) gvFreeLayout(laidOutBy_, g_);
        if (g_) agclose(g_);
        g_ = nullptr;
        laidOutBy_ = nullptr;
    }
    Agraph_t* g_ = nullptr;
    GVC_t* laidOutBy_ = nullptr;
};

// Sets an attribute on a graph, node or edge, declaring it (default "") when new.
inline void setAttribute(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

}  // namespace knp::graphviz
