#pragma once
// CSV export for Excel and for our importer. `knp export INPUT -o NAME.csv` writes three files:
//   NAME.csv          the links (a link list: importable on its own),
//   NAME.actors.csv   the actors (read with NAME.csv when it lies beside it),
//   NAME.metrics.csv  the metrics of `knp metrics` per actor.
// The columns are the CSV folder form's, with German headers (Kennung, Von, Nach ...) or English
// ones. UTF-8 with a byte order mark, so that Excel reads umlauts; German: semicolons and
// decimal commas, as German Excel expects; English: commas and decimal points. Text cells that
// begin with = + - @ tab or carriage return get a leading apostrophe, so that a spreadsheet does
// not run them as formulas (CSV injection); our importer takes the apostrophe off again.
#include <string>
#include <vector>

#include "core/metric_column.hpp"
#include "core/network.hpp"

namespace knp {

struct CsvExportOptions {
    Lang lang = Lang::De;
    const std::vector<MetricColumn>* metrics = nullptr;  // required: the metrics file's columns
};

// The files exportCsv writes for `path`, in that order.
std::vector<std::string> csvExportPaths(const std::string& path);
void exportCsv(const Network& network, const std::string& path, const CsvExportOptions& o = {});

// One cell: quoted when it holds the delimiter, a quote, a line break or outer spaces;
// `neutralise`: text that a spreadsheet would take for a formula gets a leading apostrophe.
std::string csvCell(const std::string& text, char delimiter, bool neutralise);

}  // namespace knp
