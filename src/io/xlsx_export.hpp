#pragma once
// XLSX export through libxlsxwriter: a workbook for Excel and LibreOffice with four sheets,
// named in the chosen language: Akteure/Actors and Verbindungen/Links (the CSV folder form's
// columns with German or English headers, numbers and booleans as such, so that our importer
// reads the workbook back), Kennzahlen/Metrics (the metrics of `knp metrics` per actor) and
// Lücken/Gaps (findings, fields of action with their status, sector pairs). Header rows bold,
// frozen and filterable. Contact persons are personal data and are left out.
#include <string>
#include <vector>

#include "core/metric_column.hpp"
#include "core/network.hpp"

namespace knp {

// The analyses' results the workbook writes on its Gaps sheet (session/export computes them).
struct GapTables {
    std::vector<std::string> findings;  // sentences, most important first
    struct Field {
        std::string field;        // key of the field of action
        std::size_t actors = 0, links = 0;
        std::string coordinator;  // actor name, "" when none
        std::string status;
    };
    std::vector<Field> fields;
    struct SectorPair {
        std::string from, to;  // sector keys
        std::size_t links = 0;
        double density = 0;
    };
    std::vector<SectorPair> sectorPairs;
};

struct XlsxExportOptions {
    Lang lang = Lang::De;
    const std::vector<MetricColumn>* metrics = nullptr;  // required: one value per actor each
    const GapTables* gaps = nullptr;                     // required
};

void exportXlsx(const Network& network, const std::string& path, const XlsxExportOptions& o = {});

}  // namespace knp
