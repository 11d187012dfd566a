#pragma once
// Finding the fonts of the desktop through fontconfig. Only files are found here; ui/fonts.cpp
// hands them to Dear ImGui.
#include <optional>
#include <string>

namespace knp::platform {

// The file fontconfig matches for `family` ("DejaVu Sans"); empty when it matches none.
std::string findFontFile(const std::string& family);
// The same, when it is a TrueType or OpenType file that exists (what Dear ImGui can read).
std::optional<std::string> findTrueTypeFont(const std::string& family);

}  // namespace knp::platform
