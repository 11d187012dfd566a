#pragma once
// GraphML import (as networkx and igraph write it): typed keys with defaults, directed and
// undirected graphs, per-edge `directed`, `weight` as strength. Read with expat, streaming;
// DOCTYPE and entity declarations are refused, nesting depth is limited.
#include <string>

#include "io/import_result.hpp"

namespace knp {

ImportResult importGraphml(const std::string& path);
ImportResult parseGraphml(const std::string& text, const std::string& pathForMessages);

}  // namespace knp
