#pragma once
// The one translation table for user-visible words (German default, English on switch), shared
// by the desktop view and knp's human-readable output.
#include <string>
#include <string_view>
#include <vector>

#include "core/taxonomy.hpp"

namespace knp {

// Text for `key` in `lang`; the key itself when the table has no entry (a visible defect).
std::string_view tr(Lang lang, std::string_view key);
// "de" or "en" (also "deutsch", "english"); throws InputError otherwise.
Lang parseLang(std::string_view text);
// A number for people: fixed decimals, decimal comma in German, a real minus sign; "–" when
// not finite.
std::string formatNumber(double value, int decimals, Lang lang);
// A difference: "+1,5", "−2", "±0" (when it rounds to zero at `decimals`).
std::string formatChange(double delta, int decimals, Lang lang);
// One of two words written in place (for sentences built in code, not looked up in the table).
inline const char* tr(Lang lang, const char* de, const char* en) { return lang == Lang::En ? en : de; }
// "A, B und C" / "A, B and C".
std::string joinList(const std::vector<std::string>& items, Lang lang);
// „text“ in German, “text” in English.
std::string quoted(const std::string& text, Lang lang);
// A sector label inside a sentence: quoted when it holds "und"/"and" itself, so that
// "zwischen Wirtschaft und „Zivilgesellschaft und Ehrenamt“" stays readable.
std::string sectorName(const std::string& label, Lang lang);

}  // namespace knp
