#include "session/open.hpp"

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"
#include "io/csv_import.hpp"
#include "io/dot_import.hpp"
#include "io/formats.hpp"
#include "io/gexf_import.hpp"
#include "io/graphml_import.hpp"
#include "io/json_format.hpp"
#include "io/xlsx_import.hpp"

namespace knp {

namespace fs = std::filesystem;

namespace {
std::string lowerExtension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}
}  // namespace

LoadedInput loadInput(const std::string& spec) {
    LoadedInput in;
    // PROJECT@SNAPSHOT: the part before the last '@' is an existing project file.
    if (const auto at = spec.rfind('@'); at != std::string::npos && at > 0 && !fs::exists(spec)) {
        const std::string project = spec.substr(0, at);
        if (fs::is_regular_file(project)) {
            ProjectFile pf = ProjectFile::open(project, OpenMode::ReadOnly);
            in.result.network = pf.loadSnapshot(spec.substr(at + 1));
            in.kind = "snapshot";
            in.schemaVersion = pf.schemaVersion();
            return in;
        }
    }
    const fs::path path(spec);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw InputError(spec + ": no such file or folder");
    if (fs::is_directory(status)) {
        in.result = importCsvFolder(spec);
        in.kind = "csv-folder";
        return in;
    }
    const std::string ext = lowerExtension(path);
    if (ext == ".knp" || looksLikeSqlite(spec)) {
        ProjectFile pf = ProjectFile::open(spec, OpenMode::ReadOnly);
        in.result.network = pf.network();
        in.kind = "project";
        in.schemaVersion = pf.schemaVersion();
        in.snapshots = pf.snapshots();
        in.undoDepth = pf.undoDepth();
        in.redoDepth = pf.redoDepth();
        return in;
    }
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
        in.result = importCsvLinkList(spec);
        in.kind = "csv";
        return in;
    }
    if (ext == ".graphml" || ext == ".xml") {
        in.result = importGraphml(spec);
        in.kind = "graphml";
        return in;
    }
    if (ext == ".json") {
        in.result = importJson(spec);
        in.kind = "json";
        return in;
    }
    if (ext == ".gv" || ext == ".dot") {
        in.result = importDot(spec);
        in.kind = "dot";
        return in;
    }
    if (ext == ".gexf") {
        in.result = importGexf(spec);
        in.kind = "gexf";
        return in;
    }
    if (ext == ".xlsx") {
        in.result = importXlsx(spec);
        in.kind = "xlsx";
        return in;
    }
    std::string known;
    for (const std::string& e : importExtensions()) known += (known.empty() ? "" : ", ") + e;
    throw InputError(spec + ": unknown format \"" + ext + "\" (expected " + known + " or a folder with actors.csv and links.csv)");
}

}  // namespace knp
