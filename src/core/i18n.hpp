#pragma once
// The one translation table for user-visible words (German default, English on switch), shared
// by the desktop view and knp's human-readable output.
#include <string>
#include <string_view>

#include "core/taxonomy.hpp"

namespace knp {

// Text for `key` in `lang`; the key itself when the table has no entry (a visible defect).
std::string_view tr(Lang lang, std::string_view key);
// "de" or "en" (also "deutsch", "english"); throws InputError otherwise.
Lang parseLang(std::string_view text);
// A number for people: fixed decimals, decimal comma in German, a real minus sign; "–" when
// not finite.
std::string formatNumber(double value, int decimals, Lang lang);

}  // namespace knp
