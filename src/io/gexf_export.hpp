#pragma once
// GEXF 1.3 export (Gephi): actors with label, attributes (short_name, sector, fields, level,
// influence, contact_point, tags, note, pinned and the custom attributes), viz:color from the
// sector, viz:size from the influence and viz:position; links with weight = strength and
// attributes (type, status, fields, note, custom), viz:color from the link type and viz:shape
// dashed for planned, dotted for wished links. Links all directed: defaultedgetype="directed";
// otherwise undirected, with each link's direction in its "directed" attribute (networkx
// refuses an edge type that contradicts the graph's). Categories as labels in the chosen
// language. Contact persons are personal data and are left out. With snapshots: a dynamic
// graph (mode="dynamic", timeformat="dateTime", spells per actor and link).
#include <string>
#include <utility>
#include <vector>

#include "core/network.hpp"

namespace knp {

struct GexfExportOptions {
    Lang lang = Lang::De;
    // A project's snapshots, oldest first (time as ISO 8601 UTC, the network then): the export
    // becomes a dynamic graph for Gephi's timeline. Every actor and link that ever existed is
    // written (with its latest values), with spells for the times it existed: from the
    // snapshot where it appears to the one where it is gone, open-ended when it exists `now`.
    std::vector<NetworkSnapshot> snapshots;
    std::string now;  // the time of the current network (ISO 8601 UTC)
};

std::string gexfText(const Network& network, const GexfExportOptions& o = {});
void exportGexf(const Network& network, const std::string& path, const GexfExportOptions& o = {});

}  // namespace knp
