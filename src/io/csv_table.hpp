#pragma once
// Reading a CSV file into rows of cells with their line numbers (RFC 4180 through libcsv):
// UTF-8 (with or without byte order mark), UTF-16 with byte order mark or Windows-1252, turned
// into UTF-8; delimiter detected from the header (comma, semicolon, tab).
#include <string>
#include <vector>

namespace knp {

struct CsvRow {
    std::size_t line = 0;            // line where the row starts (1-based)
    std::vector<std::string> cells;
};

struct CsvTable {
    std::string path;                // the file read
    std::string label;               // names the table in messages ("netz.xlsx:Akteure"); empty: the file name
    std::string encoding;            // what the bytes were (text_encoding.hpp); cells are UTF-8
    std::vector<std::string> header;
    std::vector<CsvRow> rows;        // blank rows are skipped

    // Index of the first header matching one of `names` (normalised: case, spaces, '_'), or -1.
    int column(std::initializer_list<const char*> names) const;
    // Cell of a row, empty when the row is short.
    const std::string& cell(const CsvRow& row, int column) const;
    // How messages name the table: `label`, else the file name of `path`.
    std::string name() const;
};

CsvTable readCsvFile(const std::string& path);
CsvTable parseCsv(const std::string& text, const std::string& pathForMessages);

}  // namespace knp
