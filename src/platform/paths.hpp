#pragma once
// Where the view keeps its files on this desktop.
#include <string>

namespace knp::platform {

// $XDG_CONFIG_HOME/knotenpunkt, else ~/.config/knotenpunkt (settings, recent files, imgui.ini).
std::string configDir();

}  // namespace knp::platform
