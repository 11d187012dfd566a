#pragma once
// GEXF import (Gephi; versions 1.1, 1.2 and 1.3, as Gephi and networkx write them): declared
// node and edge attributes with defaults and types, labels, viz colours, sizes and positions,
// edge weights and types (directed, undirected, mutual), and dynamic graphs: an element's
// spells (and start/end) are kept as its "spells" attribute, a dynamic attribute takes its
// latest value. Read with expat like GraphML: DOCTYPE and entity declarations refused,
// nesting depth limited. Hierarchical graphs (nodes inside nodes) are refused.
#include <string>

#include "io/import_result.hpp"

namespace knp {

ImportResult importGexf(const std::string& path);
ImportResult parseGexf(const std::string& text, const std::string& pathForMessages);

}  // namespace knp
