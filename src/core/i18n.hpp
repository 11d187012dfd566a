#pragma once
// User-visible text from the message catalogues (i18n/<language>.po, compiled by msgfmt at build
// time and embedded; German default, English on switch, more by adding a .po file), shared by
// the desktop view, knp's human-readable output, the report and the diagrams. Code names a key
// ("report.findings"); the catalogues hold the words, numbers' and lists' rules included.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/taxonomy.hpp"

namespace knp {

// Text for `key` in `lang`, else in English, else the key itself (a visible defect; the
// catalogue test finds such keys). The text lives as long as the program.
const char* tr(Lang lang, const char* key);
const char* tr(Lang lang, const std::string& key);
// Every language with a catalogue: German, English, then the others by code.
std::vector<Lang> languages();
// "de", "en", …: the catalogue's file name.
std::string_view langCode(Lang lang);
// A language by its code ("de", "en", …; also "deutsch", "english"); throws InputError otherwise.
Lang parseLang(std::string_view text);
// A number for people: fixed decimals, decimal comma in German, a real minus sign; "–" when
// not finite.
std::string formatNumber(double value, int decimals, Lang lang);
// A share (0.38) as a percentage for people, as the findings write it: "38 %" in German, "38%"
// in English; "< 1 %" for a share above zero that rounds to none, "–" when not finite.
std::string formatPercent(double share, Lang lang);
// A point in time stored as ISO 8601 UTC ("2026-12-07T02:42:48Z") as a reader of `lang` reads
// it, in local time: "7. Dez. 2026, 03:42" / "Dec 7, 2026, 03:42"; a date alone
// ("2026-12-07") without the time. Text that is no such date comes back unchanged.
std::string formatDateTime(const std::string& iso, Lang lang);
// "1 Akteur" / "8 Akteure", "1 Verbindung" / "6 Verbindungen".
std::string countActors(std::size_t n, Lang lang);
std::string countLinks(std::size_t n, Lang lang);
// A difference: "+1,5", "−2", "±0" (when it rounds to zero at `decimals`).
std::string formatChange(double delta, int decimals, Lang lang);
// A catalogue text with its placeholders {0} … {9} filled in ("schneidet {0} ab").
std::string fill(std::string_view templ, const std::vector<std::string>& args);
// "A, B und C" / "A, B and C".
std::string joinList(const std::vector<std::string>& items, Lang lang);
// „text“ in German, “text” in English.
std::string quoted(const std::string& text, Lang lang);
// A sector label inside a sentence: quoted when it holds "und"/"and" itself, so that
// "zwischen Wirtschaft und „Zivilgesellschaft und Ehrenamt“" stays readable.
std::string sectorName(const std::string& label, Lang lang);

}  // namespace knp
