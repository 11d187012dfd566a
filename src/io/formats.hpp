#pragma once
// The one place that knows which file formats exist: `knp export`, every INPUT (loadInput) and
// the view's dialogs ask here. Importers and exporters live in src/io, one file per format.
#include <string>
#include <utility>
#include <vector>

#include "core/metric_column.hpp"
#include "core/network.hpp"
#include "io/xlsx_export.hpp"
#include "core/geometry.hpp"

namespace knp {

struct ExportFormat {
    std::string name;                     // "GraphML"
    std::vector<std::string> extensions;  // ".graphml"
};

// Extensions of the files loadInput reads (lower case; folders of CSV files aside), and a
// short list of the formats' names for file dialogs.
const std::vector<std::string>& importExtensions();
const char* importFormatNames();

// Data formats written by exportNetwork (diagrams are the report issue's).
const std::vector<ExportFormat>& exportFormats();
// The format for a file name's extension (lower case), or nullptr.
const ExportFormat* exportFormatFor(const std::string& path);

struct ExportOptions {
    Lang lang = Lang::De;
    // A project's snapshots (oldest first: time, network) and the current time: GEXF writes
    // them as a dynamic graph; the other formats write the current network only.
    std::vector<NetworkSnapshot> snapshots;
    std::string now;
    // What CSV (its metrics file) and XLSX (its Metrics and Gaps sheets) write beside the
    // network: required for those formats (session::exportTables computes them).
    const std::vector<MetricColumn>* metrics = nullptr;
    const GapTables* gaps = nullptr;
};

// Writes `network` to `path`, in the format its extension names, with the actors at
// `positions` (one per actor, from a layout) or, when null, where they are; written to a
// temporary file and renamed. Throws InputError for an extension no exporter has,
// std::runtime_error when the file cannot be written.
void exportNetwork(const Network& network, const std::vector<Point>* positions, const std::string& path,
                   const ExportOptions& o = {});

}  // namespace knp
