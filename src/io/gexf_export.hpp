#pragma once
// GEXF 1.3 export (Gephi): actors with label, attributes (short_name, sector, fields, level,
// influence, contact_point, tags, note, pinned and the custom attributes), viz:color from the
// sector, viz:size from the influence and viz:position; links with weight = strength and
// attributes (type, status, fields, note, custom), viz:color from the link type and viz:shape
// dashed for planned, dotted for wished links. Links all directed: defaultedgetype="directed";
// otherwise undirected, with each link's direction in its "directed" attribute (networkx
// refuses an edge type that contradicts the graph's). Categories as labels in the chosen
// language. Contact persons are personal data and are left out.
#include <string>

#include "core/network.hpp"

namespace knp {

struct GexfExportOptions {
    Lang lang = Lang::De;
};

std::string gexfText(const Network& network, const GexfExportOptions& o = {});
void exportGexf(const Network& network, const std::string& path, const GexfExportOptions& o = {});

}  // namespace knp
