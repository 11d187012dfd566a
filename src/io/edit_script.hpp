#pragma once
// Edit scripts (knp apply): one JSON object a line, as CONTRACT.md lists them. Each line is
// turned into an Edit against the current network; errors name the line.
#include <string>

#include <nlohmann/json.hpp>

#include "core/edit.hpp"

namespace knp {

// Parses and checks one line; throws InputError "FILE:LINE: what is wrong".
Edit editFromScriptLine(const Network& network, const std::string& line, const std::string& where);

}  // namespace knp
