#pragma once
// JSON in and out. The export is a networkx node-link document ({"directed", "multigraph",
// "graph", "nodes", "links"}) that networkx.node_link_graph reads as it is, with every actor and
// link field as an attribute (categories as labels in the chosen language, x and y for placed
// actors) and a "knotenpunkt" block with the schema version. The import reads such documents,
// from us or from networkx (also its newer "edges" spelling), through nlohmann/json with a size
// limit; fields are recognised by the same German and English names as in CSV and GraphML.
#include <string>
#include <vector>

#include "core/network.hpp"
#include "io/import_result.hpp"

namespace knp {

struct JsonExportOptions {
    Lang lang = Lang::De;
    std::vector<NetworkSnapshot> snapshots;  // a project's, written under knotenpunkt.snapshots
};

std::string jsonText(const Network& network, const JsonExportOptions& o = {});
void exportJson(const Network& network, const std::string& path, const JsonExportOptions& o = {});

ImportResult parseJsonNetwork(const std::string& text, const std::string& pathForMessages);
ImportResult importJson(const std::string& path);

}  // namespace knp
