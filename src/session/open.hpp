#pragma once
// Reads any INPUT of CONTRACT.md: a .knp project, PROJECT.knp@SNAPSHOT, a folder with
// actors.csv and links.csv, a CSV link list, or GraphML. The format is chosen by what the path
// is and by its ending; a file that is not what it claims to be gives InputError.
#include <string>

#include "io/import_result.hpp"
#include "store/project_file.hpp"

namespace knp {

struct LoadedInput {
    ImportResult result;
    std::string kind;      // "project", "snapshot", "csv-folder", "csv", "graphml"
    int schemaVersion = 0; // for projects
    std::vector<SnapshotInfo> snapshots;  // for projects
    std::size_t undoDepth = 0, redoDepth = 0;
};

LoadedInput loadInput(const std::string& spec);

}  // namespace knp
