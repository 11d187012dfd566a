#include "graphviz/guard.hpp"

#include <graphviz/cgraph.h>

namespace knp {

namespace {
std::mutex graphvizMutex;
std::string graphvizMessages;

int collect(char* message) {
    if (graphvizMessages.size() < 2000) graphvizMessages += message;
    return 0;
}
}  // namespace

GraphvizGuard::GraphvizGuard() : lock_(graphvizMutex) {
    graphvizMessages.clear();
    agseterrf(collect);
    agseterr(AGERR);
    agreseterrors();
}

GraphvizGuard::~GraphvizGuard() { agseterrf(nullptr); }

const std::string& GraphvizGuard::messages() const { return graphvizMessages; }

}  // namespace knp
