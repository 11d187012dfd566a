#pragma once
// Keeps actors off links they are not part of. An actor whose circle meets the straight line of
// a link between two other actors reads as that link's middle man ("A works with C through B"),
// so every layout of ours leaves `clearance` points between a circle and each foreign link.
// A sweep finds such actor-link pairs through a uniform grid of actors (cells as wide as the
// largest circle with its clearance, twice over; each link visits the cells along its line and
// their neighbours) and pushes the actor straight away from the line, towards its own partners
// where it lies exactly on it; a pinned actor stays and the link's free ends move instead.
// Sweeps alternate with removeOverlaps until neither moves anything; an actor caught between
// links closer than its circle then goes to the nearest spot off every foreign link whose own
// links pass nobody (rings of candidates around it), and the sweeps resume. O(n + sum over links of
// length / cell) per sweep; a simple form of the node-edge separation of Bertault (2000),
// "A force-directed algorithm that preserves edge crossing properties", IPL 74, as a final pass.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"

namespace knp::layout {

struct LinkEnds {
    std::uint32_t a = 0, b = 0;  // actor indices
};

struct ClearanceOptions {
    double clearance = 6;  // points between a circle and a foreign link
    double gap = 6;        // points between circles (removeOverlaps)
    int maxRounds = 80;    // sweeps at most (crowded cores of very large networks may keep some)
    double maxRelocation = 540;  // points an actor caught between links may jump to a free spot (0: none)
    const std::vector<Point>* anchor = nullptr;  // live steps: actor i ends within (*reach)[i] of (*anchor)[i]
    const std::vector<double>* reach = nullptr;
};

// Actors whose circle, widened by `clearance`, meets the line of a link between two others.
std::vector<std::uint32_t> actorsOnForeignLinks(const std::vector<Point>& pos, const std::vector<double>& radius,
                                                const std::vector<LinkEnds>& links, double clearance);

// Moves actors off foreign links and apart from each other (pinned ones stay); returns how many
// actors are still on a foreign link afterwards (0 unless the map is too crowded).
std::size_t keepOffForeignLinks(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<LinkEnds>& links,
                                const std::vector<bool>& pinned, const ClearanceOptions& o = {});

// Adds to (fx, fy) a push of every actor off each foreign link whose line is closer than its
// radius plus `reach` points, growing linearly to `strength` on the line, and half the opposite
// push to the link's ends (shared by where the actor lies along it). For the force layout's
// last iterations, so that the picture settles off links rather than being pushed off later.
void addLinkRepulsion(const std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<LinkEnds>& links,
                      double reach, double strength, std::vector<double>& fx, std::vector<double>& fy);

}  // namespace knp::layout
