#pragma once
// DOT export (DOT quoting: every string quoted, quotes and backslashes escaped): every actor with its
// position `pos="x,y"` in points (CONTRACT.md), size, sector colour and its name beside the
// circle (xlabel); every link with colour by type, dashes by status, width by strength and an
// arrow when directed. Written to a temporary file and renamed, so a crash never leaves half a file.
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/geometry.hpp"

namespace knp {

struct DotExportOptions {
    Lang lang = Lang::De;
};

// `positions` has one point per actor (from a layout or the stored positions).
void exportDot(const Network& network, const std::vector<Point>& positions, const std::string& path,
               const DotExportOptions& o = {});

}  // namespace knp
