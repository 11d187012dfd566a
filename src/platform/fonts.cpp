#include "platform/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>

namespace knp::platform {

std::string findFontFile(const std::string& family) {
    std::string path;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return path;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(config, pattern, &result)) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file) path = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return path;
}

std::optional<std::string> findTrueTypeFont(const std::string& family) {
    const std::string path = findFontFile(family);
    if (!path.empty() && std::filesystem::exists(path) && path.size() > 4 && (path.ends_with(".ttf") || path.ends_with(".otf"))) return path;
    return std::nullopt;
}

}  // namespace knp::platform
