#pragma once
// DOT import through Graphviz's own parser (cgraph): nodes become actors and edges links; node
// and edge attributes go to the fields they name (the same German and English names as in CSV
// and GraphML: name, sector, fields, strength/weight, type ...), positions from `pos` (points,
// as our DOT export writes them), subgraphs and clusters with a label give their nodes a sector
// where they have none; Graphviz's drawing attributes (shape, color, width ...) are dropped and
// everything else is kept as custom attributes. Syntax errors come with Graphviz's line number.
#include <string>

#include "io/import_result.hpp"

namespace knp {

ImportResult parseDot(const std::string& text, const std::string& pathForMessages);
ImportResult importDot(const std::string& path);

}  // namespace knp
