#include "io/xlsx_export.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <set>
#include <stdexcept>

#include "core/i18n.hpp"
#include "io/export_text.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"

namespace knp {

namespace {

class Sheet {
public:
    Sheet(lxw_workbook* book, const std::string& name, lxw_format* bold) : sheet_(workbook_add_worksheet(book, name.c_str())), bold_(bold) {
        if (!sheet_) throw std::runtime_error("cannot add sheet " + name);
    }
    void header(const std::vector<std::string>& names) {
        for (std::size_t c = 0; c < names.size(); ++c) text(0, c, names[c], bold_);
        worksheet_freeze_panes(sheet_, 1, 0);
        columns_ = names.size();
    }
    void text(std::size_t row, std::size_t col, const std::string& value, lxw_format* format = nullptr) {
        if (value.empty()) return;
        check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value.c_str(), format));
        width(col, value.size());
    }
    void number(std::size_t row, std::size_t col, double value) {
        if (!std::isfinite(value)) return;  // not defined: an empty cell
        check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value, nullptr));
        width(col, 8);
    }
    void boolean(std::size_t row, std::size_t col, bool value) {
        check(worksheet_write_boolean(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value ? 1 : 0, nullptr));
        width(col, 6);
    }
    // Filter buttons over the table, column widths to their content (at most 60 characters).
    void finish(std::size_t rows) {
        if (columns_ > 0) worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(columns_ - 1));
        for (std::size_t c = 0; c < widths_.size(); ++c)
            worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), std::min(60.0, 2.0 + static_cast<double>(widths_[c])), nullptr);
    }

private:
    static void check(lxw_error e) {
        if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + lxw_strerror(e));
    }
    void width(std::size_t col, std::size_t chars) {
        if (widths_.size() <= col) widths_.resize(col + 1, 0);
        widths_[col] = std::max(widths_[col], chars);
    }
    lxw_worksheet* sheet_;
    lxw_format* bold_;
    std::size_t columns_ = 0;
    std::vector<std::size_t> widths_;
};


void writeWorkbook(lxw_workbook* book, const Network& net, const XlsxExportOptions& o) {
    const Taxonomy& t = net.taxonomy;
    const Lang lang = o.lang;
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    // The network's name as the document title (the importer takes it from there).
    std::string title = net.name;
    std::string creator = "Knotenpunkt";
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = creator.data();
    workbook_set_properties(book, &properties);

    // Actors: the folder form's columns, German or English (the importer knows both).
    std::set<std::string> actorAttrs, linkAttrs;
    for (const Actor& a : net.actors())
        for (const auto& [name, value] : a.attributes) actorAttrs.insert(name);
    for (const Link& l : net.links())
        for (const auto& [name, value] : l.attributes) linkAttrs.insert(name);
    std::vector<std::string> actorHeader =
        lang == Lang::En ? std::vector<std::string>{"id", "name", "short_name", "sector", "fields", "level", "influence", "contact_point", "tags", "note", "x", "y", "pinned"}
                         : std::vector<std::string>{"Kennung", "Name", "Kurzname", "Sektor", "Handlungsfelder", "Ebene", "Einfluss", "Anlaufstelle", "Schlagworte", "Notiz", "x", "y", "fixiert"};
    const std::set<std::string> reservedActor(actorHeader.begin(), actorHeader.end());
    for (const std::string& name : actorAttrs) actorHeader.push_back(exportedAttributeName(name, true, reservedActor));
    Sheet actors(book, tr(lang, "xlsx.actors"), bold);
    actors.header(actorHeader);
    std::size_t row = 0;
    for (const Actor& a : net.actors()) {
        ++row;
        actors.text(row, 0, a.id);
        actors.text(row, 1, a.name);
        actors.text(row, 2, a.shortName);
        if (!a.sector.empty()) actors.text(row, 3, t.labelOf(CategoryKind::Sector, a.sector, lang));
        actors.text(row, 4, joinLabels(t, CategoryKind::Field, a.fields, lang));
        if (!a.level.empty()) actors.text(row, 5, t.labelOf(CategoryKind::Level, a.level, lang));
        actors.number(row, 6, a.influence);
        actors.boolean(row, 7, a.contactPoint);
        actors.text(row, 8, joinList(a.tags));
        actors.text(row, 9, a.note);
        if (a.placed) {
            actors.number(row, 10, a.x);
            actors.number(row, 11, a.y);
        }
        if (a.pinned) actors.boolean(row, 12, true);
        std::size_t col = 13;
        for (const std::string& name : actorAttrs) {
            if (const auto it = a.attributes.find(name); it != a.attributes.end()) actors.text(row, col, it->second);
            ++col;
        }
    }
    actors.finish(row);

    std::vector<std::string> linkHeader =
        lang == Lang::En ? std::vector<std::string>{"id", "source", "target", "type", "strength", "directed", "status", "fields", "note"}
                         : std::vector<std::string>{"Kennung", "Von", "Nach", "Art", "Stärke", "gerichtet", "Status", "Handlungsfelder", "Notiz"};
    const std::set<std::string> reservedLink(linkHeader.begin(), linkHeader.end());
    for (const std::string& name : linkAttrs) linkHeader.push_back(exportedAttributeName(name, false, reservedLink));
    Sheet links(book, tr(lang, "xlsx.links"), bold);
    links.header(linkHeader);
    row = 0;
    for (const Link& l : net.links()) {
        ++row;
        links.text(row, 0, l.id);
        links.text(row, 1, l.source);
        links.text(row, 2, l.target);
        if (!l.type.empty()) links.text(row, 3, t.labelOf(CategoryKind::LinkType, l.type, lang));
        links.number(row, 4, l.strength);
        links.boolean(row, 5, l.directed);
        links.text(row, 6, t.labelOf(CategoryKind::Status, l.status, lang));
        links.text(row, 7, joinLabels(t, CategoryKind::Field, l.fields, lang));
        links.text(row, 8, l.note);
        std::size_t col = 9;
        for (const std::string& name : linkAttrs) {
            if (const auto it = l.attributes.find(name); it != l.attributes.end()) links.text(row, col, it->second);
            ++col;
        }
    }
    links.finish(row);

    // Metrics, as `knp metrics` computes them.
    if (!o.metrics || !o.gaps) throw std::invalid_argument("exportXlsx: the metrics and gaps are required (session::exportTables)");
    const std::vector<MetricColumn>& metrics = *o.metrics;
    std::vector<std::string> metricHeader{"id", "label", tr(lang, "xlsx.sector")};
    for (const MetricColumn& c : metrics) metricHeader.push_back(c.name);
    Sheet m(book, tr(lang, "xlsx.metrics"), bold);
    m.header(metricHeader);
    for (std::size_t i = 0; i < net.actors().size(); ++i) {
        const Actor& a = net.actors()[i];
        m.text(i + 1, 0, a.id);
        m.text(i + 1, 1, a.name);
        if (!a.sector.empty()) m.text(i + 1, 2, t.labelOf(CategoryKind::Sector, a.sector, lang));
        for (std::size_t c = 0; c < metrics.size(); ++c) m.number(i + 1, 3 + c, metrics[c].values[i]);
    }
    m.finish(net.actors().size());

    // Gaps: findings, fields of action, sector pairs; one table under the other.
    const GapTables& gaps = *o.gaps;
    Sheet gapSheet(book, tr(lang, "xlsx.gaps"), bold);
    gapSheet.text(0, 0, tr(lang, "xlsx.findings"), bold);
    row = 0;
    for (const std::string& f : gaps.findings) gapSheet.text(++row, 0, f);
    row += 2;
    const std::vector<std::string> fieldHeader = lang == Lang::En
                                                     ? std::vector<std::string>{"field of action", "actors", "links", "coordinator", "status"}
                                                     : std::vector<std::string>{"Handlungsfeld", "Akteure", "Verbindungen", "Koordination", "Stand"};
    for (std::size_t c = 0; c < fieldHeader.size(); ++c) gapSheet.text(row, c, fieldHeader[c], bold);
    for (const GapTables::Field& f : gaps.fields) {
        ++row;
        gapSheet.text(row, 0, t.labelOf(CategoryKind::Field, f.field, lang));
        gapSheet.number(row, 1, static_cast<double>(f.actors));
        gapSheet.number(row, 2, static_cast<double>(f.links));
        gapSheet.text(row, 3, f.coordinator);
        gapSheet.text(row, 4, f.status);
    }
    row += 2;
    const std::vector<std::string> pairHeader = lang == Lang::En ? std::vector<std::string>{"sector", "sector", "links", "density"}
                                                                 : std::vector<std::string>{"Sektor", "Sektor", "Verbindungen", "Dichte"};
    for (std::size_t c = 0; c < pairHeader.size(); ++c) gapSheet.text(row, c, pairHeader[c], bold);
    for (const GapTables::SectorPair& cell : gaps.sectorPairs) {
        ++row;
        gapSheet.text(row, 0, t.labelOf(CategoryKind::Sector, cell.from, lang));
        gapSheet.text(row, 1, t.labelOf(CategoryKind::Sector, cell.to, lang));
        gapSheet.number(row, 2, static_cast<double>(cell.links));
        gapSheet.number(row, 3, cell.density);
    }
    gapSheet.finish(0);
}

}  // namespace

void exportXlsx(const Network& network, const std::string& path, const XlsxExportOptions& o) {
    writeFileAtomicallyWith(path, [&](const std::string& temp) {
        lxw_workbook* book = workbook_new(temp.c_str());
        if (!book) throw std::runtime_error(path + ": cannot be written");
        try {
            writeWorkbook(book, network, o);
        } catch (...) {
            workbook_close(book);
            throw;
        }
        const lxw_error e = workbook_close(book);
        if (e != LXW_NO_ERROR) throw std::runtime_error(path + ": writing failed: " + lxw_strerror(e));
    });
}

}  // namespace knp
