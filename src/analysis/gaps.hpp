#pragma once
// Gap analyses (`knp gaps`, CONTRACT.md): which sectors do not talk, which fields nobody
// coordinates, who is a single point of failure, who works in parallel, who brokers between
// sectors, how many contact points each field has, which new links would help most, and
// findings as data (analysis/findings.hpp; report/phrasing.hpp words them). Pure functions over
// the network and its GraphView, the same in every language.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/graph_view.hpp"
#include "analysis/findings.hpp"
#include "core/network.hpp"

namespace knp::analysis {

struct SectorCell {
    std::string from, to;   // sector keys, each pair once (and each sector with itself)
    std::size_t links = 0;  // linked actor pairs (simple undirected view)
    double density = 0;     // links over possible pairs; NaN when there are none
};

struct FieldCoverage {
    std::string field;                   // field key
    std::vector<std::uint32_t> actors;   // actors with this field
    std::size_t links = 0;               // linked pairs among them
    std::optional<std::uint32_t> coordinator;  // highest betweenness in the field's subnetwork
    std::string status;                  // no_actor, one_actor, not_connected, coordinated
    std::uint32_t parts = 0;             // separate groups among the field's actors
};

struct CutPoint {
    std::uint32_t actor = 0;
    std::vector<std::uint32_t> cutOff;  // lose every path to the largest remaining part
};

struct ParallelPair {
    std::uint32_t a = 0, b = 0;
    std::string field;
    double similarity = 0;  // shared fields and tags, same sector: for ranking
};

struct BrokerageCounts {
    std::uint64_t coordinator = 0, itinerant = 0, representative = 0, gatekeeper = 0, liaison = 0;
    std::uint64_t total() const { return coordinator + itinerant + representative + gatekeeper + liaison; }
};

struct SuggestedLink {
    std::uint32_t a = 0, b = 0;
    double gain = 0;     // increase in efficiency (mean 1/distance over pairs), plus what it keeps
    std::string kind;              // reconnect, isolate, component, sectors, parallel, distance
    std::vector<Finding> reasons;  // what it is for, the primary purpose first
};

struct GapReport {
    std::vector<SectorCell> sectorMatrix;
    std::map<std::string, double> eiIndex;  // by sector key; NaN when the sector has no links
    std::vector<FieldCoverage> fields;
    std::vector<std::string> uncoveredFields;  // field keys whose status is not "coordinated"
    std::vector<CutPoint> singlePointsOfFailure;
    std::vector<std::uint32_t> isolates;
    std::vector<ParallelPair> parallelWork;
    std::vector<BrokerageCounts> brokerage;  // by actor
    std::map<std::string, std::size_t> contactPoints;  // by field key
    std::vector<SuggestedLink> suggestedLinks;
    std::vector<Finding> findings;  // most important first
};

struct GapOptions {
    std::size_t maxSuggestions = 10;
    std::size_t suggestionLimit = 3000;  // above this many actors no links are suggested
    const std::vector<double>* betweenness = nullptr;  // the actors' exact betweenness, when the caller has it
};

// Krackhardt and Stern (1988) E-I index; Gould and Fernandez (1989) brokerage with sectors as
// groups (paths a->b->c without a->c, undirected links both ways, as R's sna::brokerage);
// articulation points by Hopcroft-Tarjan. O(n m) for the suggestions on up to 3,000 actors.
GapReport analyseGaps(const Network& network, const GraphView& g, const GapOptions& o = {});

// Brokerage roles alone (used by the report and the view).
std::vector<BrokerageCounts> brokerage(const Network& network, const GraphView& g);

}  // namespace knp::analysis
