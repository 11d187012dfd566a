#pragma once
// GraphML export, readable by networkx, igraph, Gephi, yEd and our own importer: typed keys
// (label, short_name, sector, fields, level, influence, contact_point, tags, note, x, y, pinned
// for actors; type, weight, status, fields, note, directed for links) and the custom attributes
// as string keys. Categories are written as labels in the chosen language (the importer takes
// German and English). Links all directed: edgedefault="directed"; otherwise undirected, with
// each link's direction in its "directed" key (networkx refuses edges whose own directed
// attribute contradicts the graph). Contact persons are personal data and are left out.
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/geometry.hpp"

namespace knp {

struct GraphmlExportOptions {
    Lang lang = Lang::De;
};

std::string graphmlText(const Network& network, const GraphmlExportOptions& o = {});
void exportGraphml(const Network& network, const std::string& path, const GraphmlExportOptions& o = {});

}  // namespace knp
