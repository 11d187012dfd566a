#pragma once
// CSV import: the folder form (actors.csv + links.csv, CONTRACT.md) and plain link lists
// (a CSV with source/target columns, German or English names; actors are implied by name).
#include <string>

#include "io/import_result.hpp"

namespace knp {

ImportResult importCsvFolder(const std::string& folder);
// Whether `folder` holds a network in the folder form (actors.csv, akteure.csv or elements.csv).
bool isCsvFolder(const std::string& folder);
// A link list; with NAME.actors.csv beside NAME.csv (our CSV export), the actors from there.
ImportResult importCsvLinkList(const std::string& path);

struct CsvTable;
// The folder form's tables from wherever they come (CSV files, XLSX sheets): `actors` may be
// null (a link list: actors are implied by the links' ends), `links` may be null (actors only;
// the caller warns). Messages name rows as TABLE:ROW.
ImportResult importTables(const CsvTable* actors, const CsvTable* links, const std::string& networkName);

}  // namespace knp
