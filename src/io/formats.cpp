#include "io/formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/errors.hpp"
#include "io/csv_export.hpp"
#include "io/dot_export.hpp"
#include "io/gexf_export.hpp"
#include "io/graphml_export.hpp"
#include "io/json_format.hpp"
#include "io/xlsx_export.hpp"

namespace knp {

namespace {
std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}
}  // namespace

const std::vector<std::string>& importExtensions() {
    static const std::vector<std::string> extensions = {".knp", ".csv", ".tsv", ".txt", ".xlsx", ".graphml", ".xml",
                                                        ".gexf", ".json", ".dot", ".gv"};
    return extensions;
}

const char* importFormatNames() { return "CSV, Excel, GraphML, GEXF, JSON, DOT"; }

const std::vector<ExportFormat>& exportFormats() {
    static const std::vector<ExportFormat> formats = {
        {"Graphviz DOT", {".dot", ".gv"}},
        {"GraphML", {".graphml"}},
        {"GEXF 1.3", {".gexf"}},
        {"JSON (networkx node-link)", {".json"}},
        {"Excel workbook", {".xlsx"}},
        {"CSV (links, actors, metrics)", {".csv"}},
    };
    return formats;
}

const ExportFormat* exportFormatFor(const std::string& path) {
    const std::string ext = lowerExtension(path);
    for (const ExportFormat& f : exportFormats())
        if (std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end()) return &f;
    return nullptr;
}

void exportNetwork(const Network& network, const std::vector<Point>* positions, const std::string& path, const ExportOptions& o) {
    const ExportFormat* format = exportFormatFor(path);
    if (!format) {
        std::string known;
        for (const ExportFormat& f : exportFormats())
            for (const std::string& e : f.extensions) known += (known.empty() ? "" : ", ") + e;
        throw InputError(path + ": no exporter for \"" + lowerExtension(path) + "\" (this version writes " + known + ")");
    }
    if (format->name == "Graphviz DOT") {
        DotExportOptions d;
        d.lang = o.lang;
        std::vector<Point> own;
        for (const Actor& a : network.actors()) own.push_back({a.x, a.y});
        exportDot(network, positions ? *positions : own, path, d);
        return;
    }
    // The other formats carry the positions in the actors.
    Network placed = network;
    for (std::size_t i = 0; positions && i < positions->size() && i < placed.actors().size(); ++i) {
        Actor a = placed.actors()[i];
        a.x = (*positions)[i].x;
        a.y = (*positions)[i].y;
        a.placed = true;
        placed.replaceActor(a);
    }
    if (format->name == "GraphML") {
        GraphmlExportOptions g;
        g.lang = o.lang;
        exportGraphml(placed, path, g);
    } else if (format->name.rfind("GEXF", 0) == 0) {
        GexfExportOptions g;
        g.lang = o.lang;
        g.snapshots = o.snapshots;
        g.now = o.now;
        exportGexf(placed, path, g);
    } else if (format->name.rfind("JSON", 0) == 0) {
        JsonExportOptions j;
        j.lang = o.lang;
        j.snapshots = o.snapshots;
        exportJson(placed, path, j);
    } else if (format->name.rfind("CSV", 0) == 0) {
        CsvExportOptions c;
        c.lang = o.lang;
        c.metrics = o.metrics;
        exportCsv(placed, path, c);
    } else if (format->name == "Excel workbook") {
        XlsxExportOptions x;
        x.lang = o.lang;
        x.metrics = o.metrics;
        x.gaps = o.gaps;
        exportXlsx(placed, path, x);
    }
}

}  // namespace knp
