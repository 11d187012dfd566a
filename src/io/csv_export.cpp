#include "io/csv_export.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "io/export_text.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"

namespace knp {

namespace {

struct Writer {
    char delimiter;
    bool decimalComma;
    std::string out = "\xEF\xBB\xBF";  // byte order mark: Excel reads the file as UTF-8

    void row(const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += delimiter;
            out += cells[i];
        }
        out += "\r\n";  // RFC 4180
    }
    std::string text(const std::string& s) const { return csvCell(s, delimiter, true); }
    std::string number(double v) const {
        if (!std::isfinite(v)) return "";
        std::string s = exactNumber(v);
        if (decimalComma)
            for (char& c : s)
                if (c == '.') c = ',';
        return csvCell(s, delimiter, false);
    }
    std::string integer(long long v) const { return std::to_string(v); }
    std::string boolean(bool v, Lang lang) const { return lang == Lang::En ? (v ? "true" : "false") : (v ? "ja" : "nein"); }
};

}  // namespace

std::string csvCell(const std::string& text, char delimiter, bool neutralise) {
    std::string s = text;
    if (neutralise && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(s.begin(), '\'');
    const bool quote = s.find(delimiter) != std::string::npos || s.find_first_of("\"\r\n") != std::string::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::vector<std::string> csvExportPaths(const std::string& path) {
    const std::filesystem::path p(path);
    const std::string stem = (p.parent_path() / p.stem()).string();
    return {path, stem + ".actors.csv", stem + ".metrics.csv"};
}

void exportCsv(const Network& net, const std::string& path, const CsvExportOptions& o) {
    const Taxonomy& t = net.taxonomy;
    const Lang lang = o.lang;
    const bool de = lang == Lang::De;
    const std::vector<std::string> paths = csvExportPaths(path);
    std::set<std::string> actorAttrs, linkAttrs;
    for (const Actor& a : net.actors())
        for (const auto& [name, value] : a.attributes) actorAttrs.insert(name);
    for (const Link& l : net.links())
        for (const auto& [name, value] : l.attributes) linkAttrs.insert(name);

    // Links: NAME.csv.
    Writer links{de ? ';' : ',', de};
    std::vector<std::string> header = de ? std::vector<std::string>{"Kennung", "Von", "Nach", "Art", "Stärke", "gerichtet", "Status", "Handlungsfelder", "Notiz"}
                                          : std::vector<std::string>{"id", "source", "target", "type", "strength", "directed", "status", "fields", "note"};
    std::set<std::string> reserved(header.begin(), header.end());
    for (const std::string& name : linkAttrs) header.push_back(links.text(exportedAttributeName(name, false, reserved)));
    links.row(header);
    for (const Link& l : net.links()) {
        std::vector<std::string> cells{links.text(l.id),
                                       links.text(l.source),
                                       links.text(l.target),
                                       l.type.empty() ? "" : links.text(t.labelOf(CategoryKind::LinkType, l.type, lang)),
                                       links.number(l.strength),
                                       links.boolean(l.directed, lang),
                                       links.text(t.labelOf(CategoryKind::Status, l.status, lang)),
                                       links.text(joinLabels(t, CategoryKind::Field, l.fields, lang)),
                                       links.text(l.note)};
        for (const std::string& name : linkAttrs) {
            const auto it = l.attributes.find(name);
            cells.push_back(it == l.attributes.end() ? "" : links.text(it->second));
        }
        links.row(cells);
    }

    // Actors: NAME.actors.csv.
    Writer actors{links.delimiter, links.decimalComma};
    header = de ? std::vector<std::string>{"Kennung", "Name", "Kurzname", "Sektor", "Handlungsfelder", "Ebene", "Einfluss", "Anlaufstelle", "Schlagworte", "Notiz", "x", "y", "fixiert"}
                : std::vector<std::string>{"id", "name", "short_name", "sector", "fields", "level", "influence", "contact_point", "tags", "note", "x", "y", "pinned"};
    reserved = std::set<std::string>(header.begin(), header.end());
    for (const std::string& name : actorAttrs) header.push_back(actors.text(exportedAttributeName(name, true, reserved)));
    actors.row(header);
    for (const Actor& a : net.actors()) {
        std::vector<std::string> cells{actors.text(a.id),
                                       actors.text(a.name),
                                       actors.text(a.shortName),
                                       a.sector.empty() ? "" : actors.text(t.labelOf(CategoryKind::Sector, a.sector, lang)),
                                       actors.text(joinLabels(t, CategoryKind::Field, a.fields, lang)),
                                       a.level.empty() ? "" : actors.text(t.labelOf(CategoryKind::Level, a.level, lang)),
                                       actors.integer(a.influence),
                                       actors.boolean(a.contactPoint, lang),
                                       actors.text(joinList(a.tags)),
                                       actors.text(a.note),
                                       a.placed ? actors.number(a.x) : "",
                                       a.placed ? actors.number(a.y) : "",
                                       actors.boolean(a.pinned, lang)};
        for (const std::string& name : actorAttrs) {
            const auto it = a.attributes.find(name);
            cells.push_back(it == a.attributes.end() ? "" : actors.text(it->second));
        }
        actors.row(cells);
    }

    // Metrics: NAME.metrics.csv, the columns of `knp metrics`.
    Writer metrics{links.delimiter, links.decimalComma};
    if (!o.metrics) throw std::invalid_argument("exportCsv: the metrics are required (session::exportTables)");
    header = {"id", "label", "sector"};
    for (const MetricColumn& c : *o.metrics) header.push_back(c.name);
    metrics.row(header);
    for (std::size_t i = 0; i < net.actors().size(); ++i) {
        const Actor& a = net.actors()[i];
        std::vector<std::string> cells{metrics.text(a.id), metrics.text(a.name),
                                       a.sector.empty() ? "" : metrics.text(t.labelOf(CategoryKind::Sector, a.sector, lang))};
        for (const MetricColumn& c : *o.metrics)
            cells.push_back(c.integer && std::isfinite(c.values[i]) ? metrics.integer(std::llround(c.values[i])) : metrics.number(c.values[i]));
        metrics.row(cells);
    }

    // Each file whole or not at all; the link list last, as it names the others.
    writeFileAtomically(paths[1], actors.out);
    writeFileAtomically(paths[2], metrics.out);
    writeFileAtomically(paths[0], links.out);
}

}  // namespace knp
