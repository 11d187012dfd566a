#pragma once
// XLSX import (Excel, LibreOffice, Kumu's export): a workbook with an actors sheet and a links
// sheet, read as the CSV folder form's two tables: sheets named Akteure/Actors/Elements and
// Verbindungen/Links/Connections (any case), or a single sheet holding a link list. Read through
// libzip (the ZIP container, sizes bounded against zip bombs) and expat (the sheets' XML, with
// DOCTYPE refused): shared strings (rich text too), inline strings, numbers, booleans.
// The document title, when there is one, names the network. Messages name rows as
// FILE:SHEET:ROW, the row number Excel shows.
#include <string>
#include <vector>

#include "io/csv_table.hpp"
#include "io/import_result.hpp"

namespace knp {

struct XlsxSheet {
    std::string name;
    std::string title;  // the workbook's document title (docProps/core.xml), the same for every sheet
    CsvTable table;  // first non-empty row as header; rows keep Excel's row numbers
};

// Every worksheet of the workbook `bytes` (from `pathForMessages`), in workbook order.
std::vector<XlsxSheet> parseXlsxSheets(const std::string& bytes, const std::string& pathForMessages);
ImportResult parseXlsx(const std::string& bytes, const std::string& pathForMessages);
ImportResult importXlsx(const std::string& path);

}  // namespace knp
