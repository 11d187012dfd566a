#include "io/csv_table.hpp"

#include <string_view>

#include <filesystem>

#include <csv.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "core/taxonomy.hpp"
#include "core/file_output.hpp"
#include "io/text_encoding.hpp"

namespace knp {

namespace {

struct ParseState {
    std::vector<CsvRow> rows;
    CsvRow current;
    std::size_t line = 1;       // line of the row being read
    std::size_t extraLines = 0; // line breaks inside quoted cells of the current row
};

void onField(void* data, std::size_t len, void* user) {
    auto* st = static_cast<ParseState*>(user);
    std::string cell(static_cast<const char*>(data), len);
    for (char c : cell)
        if (c == '\n') ++st->extraLines;
    // '=... : an exporter's guard against spreadsheet formulas (ours among them), taken off.
    if (cell.size() >= 2 && cell[0] == '\'' && std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos) cell.erase(0, 1);
    st->current.cells.push_back(std::move(cell));
}

void onRowEnd(int, void* user) {
    auto* st = static_cast<ParseState*>(user);
    st->current.line = st->line;
    st->line += 1 + st->extraLines;
    st->extraLines = 0;
    bool blank = true;
    for (const std::string& c : st->current.cells)
        if (!c.empty()) blank = false;
    if (!blank) st->rows.push_back(std::move(st->current));
    st->current = CsvRow{};
}

unsigned char detectDelimiter(const std::string& text) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ',') ++comma;
        else if (c == ';') ++semicolon;
        else if (c == '\t') ++tab;
    }
    if (tab > comma && tab > semicolon) return '\t';
    if (semicolon > comma) return ';';
    return ',';
}

std::string normalizeHeader(const std::string& name) {
    std::string n = normalizeLabel(name);
    std::string out;
    for (char c : n)
        if (c != ' ' && c != '_' && c != '-') out += c;
    return out;
}

}  // namespace

int CsvTable::column(std::initializer_list<const char*> names) const {
    for (const char* name : names) {
        const std::string wanted = normalizeHeader(name);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (normalizeHeader(header[i]) == wanted) return static_cast<int>(i);
    }
    return -1;
}

const std::string& CsvTable::cell(const CsvRow& row, int column) const {
    static const std::string empty;
    if (column < 0 || static_cast<std::size_t>(column) >= row.cells.size()) return empty;
    return row.cells[static_cast<std::size_t>(column)];
}

CsvTable parseCsv(const std::string& input, const std::string& path) {
    const DecodedText decoded = decodeText(input, path);
    std::string_view text(decoded.utf8);
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) throw std::bad_alloc();
    csv_set_delim(&parser, detectDelimiter(std::string(text.substr(0, 65536))));
    ParseState state;
    const std::size_t done = csv_parse(&parser, text.data(), text.size(), onField, onRowEnd, &state);
    const bool ok = done == text.size() && csv_fini(&parser, onField, onRowEnd, &state) == 0;
    if (!ok) {
        const std::string why = csv_strerror(csv_error(&parser));
        csv_free(&parser);
        throw InputError(path + ":" + std::to_string(state.line + state.extraLines) + ": malformed CSV (" + why +
                         "; a quote is probably not closed)");
    }
    csv_free(&parser);
    CsvTable table;
    table.path = path;
    table.encoding = decoded.encoding;
    if (state.rows.empty()) throw InputError(path + ": the file is empty (a header row is needed)");
    table.header = std::move(state.rows.front().cells);
    for (std::string& h : table.header) {
        while (!h.empty() && (h.back() == ' ' || h.back() == '\r')) h.pop_back();
        while (!h.empty() && h.front() == ' ') h.erase(h.begin());
    }
    table.rows.assign(std::make_move_iterator(state.rows.begin() + 1), std::make_move_iterator(state.rows.end()));
    return table;
}

CsvTable readCsvFile(const std::string& path) { return parseCsv(readInputFile(path, kMaxInputBytes), path); }

std::string CsvTable::name() const { return label.empty() ? std::filesystem::path(path).filename().string() : label; }

}  // namespace knp
