#pragma once
// XLSX export through libxlsxwriter: a workbook for Excel and LibreOffice with four sheets,
// named in the chosen language: Akteure/Actors and Verbindungen/Links (the CSV folder form's
// columns with German or English headers, numbers and booleans as such, so that our importer
// reads the workbook back), Kennzahlen/Metrics (the metrics of `knp metrics` per actor) and
// Lücken/Gaps (findings, fields of action with their status, sector pairs). Header rows bold,
// frozen and filterable. Contact persons are personal data and are left out.
#include <string>

#include "core/network.hpp"

namespace knp {

struct XlsxExportOptions {
    Lang lang = Lang::De;
};

void exportXlsx(const Network& network, const std::string& path, const XlsxExportOptions& o = {});

}  // namespace knp
