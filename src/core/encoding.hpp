#pragma once
// One visual encoding for the map on screen and the diagrams on paper: the palettes, the
// numeric colour scale, the comparison's colours and the ego neighbourhood, so that the same
// actor has the same colour in the view, in a PDF and in the report. No GL, no Graphviz: the
// canvas (ui/canvas.cpp) and the diagrams (report/diagram.cpp) both read it.
#include <cstdint>
#include <utility>
#include <vector>

#include "core/graph_view.hpp"

namespace knp::encoding {

// Distinct colours for categories without colours of their own (communities, attribute
// values): Tableau 10 and two more, readable on white and in greyscale print apart from their
// neighbours; the last is kept for "others".
inline constexpr std::uint32_t kCategoryPalette[] = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948,
                                                     0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC, 0x86BCB6, 0xD37295};
inline constexpr std::size_t kCategoryPaletteSize = sizeof kCategoryPalette / sizeof kCategoryPalette[0];
inline constexpr std::uint32_t kOtherCategory = 0xDDDDDD;
inline constexpr std::uint32_t kUntypedLink = 0x777777;    // a link without a known type
inline constexpr std::uint32_t kAlarm = 0xD62728;          // single points of failure
inline constexpr std::uint32_t kSuggested = 0xE7298A;      // suggested links: magenta, apart from every link type
inline constexpr std::uint32_t kSelected = 0xF28C00;       // the selected link on screen
// Comparisons: green for what is new, red for what is gone, orange for what changed; what
// stayed the same is grey, so that the colours cannot be taken for link types.
inline constexpr std::uint32_t kAdded = 0x1A9641, kRemoved = 0xD7191C, kChanged = 0xF28C00, kUnchanged = 0x8C8C8C;

// Viridis, five stops, channels rounded: a sequential scale that prints in greyscale and reads
// for colour-blind eyes. t in [0, 1] (clamped).
std::uint32_t viridis(double t);

// A colour made paler: `keep` of its distance from white kept.
std::uint32_t pale(std::uint32_t rgb, double keep = 0.3);

// The scale a metric is coloured and sized over: the finite values among the actors shown (the
// same actors the screen and the paper show).
struct Scale {
    double lo = 1e300, hi = -1e300;
    std::vector<double> sorted;  // the values shown, ascending
    bool empty() const { return lo > hi; }
    // Where `v` lies in the range, 0..1; 0.5 when every shown actor has the same value.
    double position(double v) const { return hi > lo ? (v - lo) / (hi - lo) : 0.5; }
    // Where `v` ranks among the values shown, 0 (lowest) .. 1 (highest), ties at their middle
    // rank; 0.5 when every shown actor has the same value.
    double rank(double v) const;
    // The value at quantile q (0..1) of the values shown, interpolated.
    double quantile(double q) const;
};
Scale scaleOf(const std::vector<double>& values, const std::vector<char>& shown);
// The colour of a metric's value (viridis by rank: the colours spread evenly over the actors, so
// that one outlier does not leave all others the same colour; the legend names the value at
// each stop: quantile(k / 4)).
inline std::uint32_t metricColor(double value, const Scale& s) { return viridis(s.rank(value)); }

// How big an actor sized by a metric is, 0..1 of the span from the smallest to the largest
// size: the area grows with the value (square root of its position on the scale); 0.125 when
// the value is missing or every shown actor has the same.
double sizeFraction(double value, const Scale& s);

// Hops from `ego` over the undirected view, up to `steps`; -1 beyond (or unreachable).
std::vector<int> egoDistances(const GraphView& g, std::uint32_t ego, int steps);
// The same over links given by their ends (actor indices; direction ignored).
std::vector<int> egoDistances(std::size_t actors, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& linkEnds, std::uint32_t ego,
                              int steps);

}  // namespace knp::encoding
