#pragma once
// What every importer returns: the network read, plus what was adjusted on the way.
#include <string>
#include <vector>

#include "core/network.hpp"

namespace knp {

struct ImportResult {
    Network network;
    std::vector<std::string> warnings;  // "links.csv:12: link from "A" to itself dropped"
    std::vector<NetworkSnapshot> snapshots;  // a project's snapshots, from our JSON export
};

}  // namespace knp
