#include "platform/paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace knp::platform {

std::string configDir() {
    namespace fs = std::filesystem;
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    fs::path base = xdg && *xdg ? fs::path(xdg) : (home ? fs::path(home) / ".config" : fs::path("."));
    return (base / "knotenpunkt").string();
}

}  // namespace knp::platform
