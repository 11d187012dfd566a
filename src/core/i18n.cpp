#include "core/i18n.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <algorithm>
#include <locale>
#include <mutex>
#include <set>
#include <vector>

#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>

#include "core/catalogues.hpp"

#include "core/errors.hpp"

namespace knp {

namespace {

// The compiled catalogues (i18n/*.po through msgfmt at build time, embedded in the binary),
// each loaded once through Boost.Locale's gettext reader; German and English first.
class Catalogues {
public:
    static const Catalogues& instance() {
        static const Catalogues c;
        return c;
    }
    std::size_t size() const { return locales_.size(); }
    std::string_view code(std::size_t i) const { return files_[i].code; }
    // The text for `key` in language `i`, or nullptr where that catalogue has none.
    const char* find(std::size_t i, const char* key) const {
        if (i >= locales_.size()) return nullptr;
        const char* text = std::use_facet<boost::locale::message_format<char>>(locales_[i]).get(0, nullptr, key);
        return text && *text ? text : nullptr;
    }

private:
    Catalogues() : files_(catalogues::embedded()) {
        for (const catalogues::EmbeddedCatalogue& c : files_) {
            boost::locale::gnu_gettext::messages_info info;
            info.language = std::string(c.code);
            info.encoding = "UTF-8";
            info.domains.emplace_back("knotenpunkt");
            info.paths.emplace_back("embedded");
            const std::string wanted = "embedded/" + std::string(c.code) + "/LC_MESSAGES/knotenpunkt.mo";
            info.callback = [wanted, bytes = c.mo](const std::string& file, const std::string&) {
                return file == wanted ? std::vector<char>(bytes.begin(), bytes.end()) : std::vector<char>{};
            };
            // The locale owns the facet.
            locales_.emplace_back(std::locale::classic(), boost::locale::gnu_gettext::create_messages_facet<char>(info));
        }
    }
    std::vector<catalogues::EmbeddedCatalogue> files_;
    std::vector<std::locale> locales_;
};

// Keys asked for that no catalogue holds: returned as themselves (a visible defect), kept
// alive here because callers may pass a temporary string.
const char* missing(std::string_view key) {
    static std::mutex mutex;
    static std::set<std::string, std::less<>> keys;
    const std::lock_guard lock(mutex);
    return keys.emplace(key).first->c_str();
}

}  // namespace

const char* tr(Lang lang, const char* key) {
    const Catalogues& c = Catalogues::instance();
    if (const char* text = c.find(static_cast<std::size_t>(lang), key)) return text;
    if (const char* text = c.find(static_cast<std::size_t>(Lang::En), key)) return text;
    return missing(key);
}

const char* tr(Lang lang, const std::string& key) { return tr(lang, key.c_str()); }

std::vector<Lang> languages() {
    std::vector<Lang> out;
    for (std::size_t i = 0; i < Catalogues::instance().size(); ++i) out.push_back(static_cast<Lang>(i));
    return out;
}

std::string_view langCode(Lang lang) {
    const Catalogues& c = Catalogues::instance();
    const auto i = static_cast<std::size_t>(lang);
    return i < c.size() ? c.code(i) : "de";
}

Lang parseLang(std::string_view text) {
    std::string want(text);
    std::transform(want.begin(), want.end(), want.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (want == "deutsch" || want == "german") return Lang::De;
    if (want == "english" || want == "englisch") return Lang::En;
    const Catalogues& c = Catalogues::instance();
    std::string known;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.code(i) == want) return static_cast<Lang>(i);
        known += (i == 0 ? "" : i + 1 == c.size() ? " or " : ", ") + std::string(c.code(i));
    }
    throw InputError("unknown language \"" + std::string(text) + "\" (use " + known + ")");
}

std::string formatPercent(double share, Lang lang) {
    if (!std::isfinite(share)) return "\u2013";
    const double percent = 100 * share;
    const std::string number = percent > 0 && percent < 0.5 ? "< 1" : formatNumber(percent, 0, lang);
    return fill(tr(lang, "format.percent"), {number});
}

namespace {

// "2026-12-07T02:42:48Z" (seconds and the zone optional) or "2026-12-07" as fields; false for
// anything else.
bool parseIso(const std::string& iso, std::tm& t, bool& hasTime) {
    t = {};
    int consumed = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d%n", &t.tm_year, &t.tm_mon, &t.tm_mday, &consumed) != 3 || consumed != 10) return false;
    hasTime = iso.size() > 10;
    if (hasTime && std::sscanf(iso.c_str() + 10, "T%2d:%2d:%2d", &t.tm_hour, &t.tm_min, &t.tm_sec) < 2) return false;
    if (t.tm_mon < 1 || t.tm_mon > 12 || t.tm_mday < 1 || t.tm_mday > 31 || t.tm_hour > 23 || t.tm_min > 59) return false;
    t.tm_year -= 1900;
    t.tm_mon -= 1;
    return true;
}

// The catalogue's month names ("Jan.|Feb.|…"), the twelfth by default for a short list.
std::string monthName(int month, Lang lang) {
    const std::string names = tr(lang, "format.months");
    std::size_t start = 0;
    for (int k = 0; k < month; ++k) {
        const std::size_t bar = names.find('|', start);
        if (bar == std::string::npos) return std::to_string(month + 1) + ".";
        start = bar + 1;
    }
    return names.substr(start, names.find('|', start) - start);
}

std::string twoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string formatDateTime(const std::string& iso, Lang lang) {
    std::tm t{};
    bool hasTime = false;
    if (!parseIso(iso, t, hasTime)) return iso;
    if (hasTime) {
        // Stored in UTC, read in local time.
        const std::time_t when = timegm(&t);
        std::tm local{};
        if (when == static_cast<std::time_t>(-1) || !localtime_r(&when, &local)) return iso;
        t = local;
    }
    const std::vector<std::string> parts{std::to_string(t.tm_mday), monthName(t.tm_mon, lang), std::to_string(t.tm_year + 1900),
                                         twoDigits(t.tm_hour), twoDigits(t.tm_min)};
    return fill(tr(lang, hasTime ? "format.date_time" : "format.day"), parts);
}

std::string countActors(std::size_t n, Lang lang) {
    return fill(tr(lang, n == 1 ? "format.actors_one" : "format.actors_many"), {std::to_string(n)});
}

std::string countLinks(std::size_t n, Lang lang) {
    return fill(tr(lang, n == 1 ? "format.links_one" : "format.links_many"), {std::to_string(n)});
}

std::string formatChange(double delta, int decimals, Lang lang) {
    if (std::isfinite(delta) && std::fabs(delta) < 0.5 * std::pow(10.0, -decimals)) return "\u00B10";
    return (delta > 0 ? "+" : "") + formatNumber(delta, decimals, lang);
}

std::string formatNumber(double value, int decimals, Lang lang) {
    if (!std::isfinite(value)) return "\u2013";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    const std::string_view separator = tr(lang, "format.decimal_separator");
    if (const auto dot = s.find('.'); dot != std::string::npos && separator != ".") s.replace(dot, 1, separator);
    if (s.rfind('-', 0) == 0) s.replace(0, 1, "\u2212");
    return s;
}

}  // namespace knp

namespace knp {

std::string fill(std::string_view templ, const std::vector<std::string>& args) {
    std::string out;
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 2] == '}' && templ[i + 1] >= '0' && templ[i + 1] <= '9') {
            const auto k = static_cast<std::size_t>(templ[i + 1] - '0');
            if (k < args.size()) out += args[k];
            i += 2;
        } else {
            out += templ[i];
        }
    }
    return out;
}

std::string joinList(const std::vector<std::string>& items, Lang lang) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? tr(lang, "format.and") : ", ";
        out += items[i];
    }
    return out;
}

std::string quoted(const std::string& text, Lang lang) {
    return tr(lang, "format.quote_open") + text + tr(lang, "format.quote_close");
}

std::string sectorName(const std::string& label, Lang lang) {
    const bool compound = label.find(tr(lang, "format.and")) != std::string::npos;
    return compound ? quoted(label, lang) : label;
}

}  // namespace knp
