#pragma once
// Print-quality diagrams of a network, drawn by Graphviz (gvc, with its cairo renderers for
// PDF and PNG): actors at the given positions (neato -n2), filled with their sector's colour,
// sized by influence, shaped by level and role (circle; double circle for state and federal
// actors; rounded box for contact points); names beside the actors, placed by Graphviz so that
// they do not cover actors; links coloured by type, as wide as their strength, dashed or dotted
// for planned and wished links, with arrows where directed; a legend from the categories the
// network uses; a title. Every user text is passed as data (cgraph attributes, HTML entities in
// the legend), Graphviz's escape sequences (\N, \G ...) neutralised.
#include <string>
#include <vector>

#include "core/network.hpp"
#include "layout/geometry.hpp"

namespace knp::report {

struct DiagramOptions {
    Lang lang = Lang::De;
    std::string title;      // empty: the network's name
    std::string subtitle;   // e.g. the snapshot and its date
    std::string paper = "a4";  // a4, a3, a0: landscape page the drawing is fitted to
    int dpi = 300;          // PNG only
};

// The formats renderDiagram writes: "svg", "pdf", "png" (from the file's extension).
bool isDiagramPath(const std::string& path);
// Writes the diagram to `path` (temporary file, then renamed). `positions`: one per actor.
void renderDiagram(const Network& network, const std::vector<layout::Point>& positions, const std::string& path,
                   const DiagramOptions& o = {});

}  // namespace knp::report
