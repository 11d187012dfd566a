#pragma once
// Two states of a network compared (`knp compare`, the report's change section, the view's
// compare mode): which actors and links were added, removed or changed (field by field), the
// network-level figures before and after, per-actor metric changes, gaps closed and opened,
// and findings as data (report/phrasing.hpp words them). Labels of categories are compared,
// and kept, in the language asked for.
//
// Matching: actors by id when their names agree, then by normalised name (case, umlauts and
// their ae/oe/ue spellings, ß/ss, spaces and dashes do not matter), then by id alone (a
// renamed actor). Links by id when their ends correspond, then by their ends and type, then
// by their ends alone (a changed type). Pure functions; O((n + m) log(n + m)) for the
// matching, plus the analyses of both states.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/findings.hpp"
#include "analysis/structure.hpp"
#include "core/network.hpp"

namespace knp::analysis {

// The key names are matched by: lower case, ä/ö/ü as ae/oe/ue, ß as ss, accents of Latin-1
// letters dropped, dashes and runs of spaces as one space, trimmed.
std::string normaliseName(std::string_view name);

struct FieldChange {
    std::string field;          // name, short_name, sector, fields, level, influence, ...; attr:NAME
    std::string before, after;  // as the user reads them (category labels, lists joined by ", ")
};

// What differs between two versions of an actor or a link (categories compared by their
// labels in `lang`, so that two files with their own taxonomy keys compare alike). Positions,
// order and contact persons are left out (contact persons are personal data: they never leave
// the project file).
std::vector<FieldChange> actorChanges(const Actor& before, const Network& nb, const Actor& after, const Network& na, Lang lang);
std::vector<FieldChange> linkChanges(const Link& before, const Network& nb, const Link& after, const Network& na, Lang lang);

// Which element of `after` each element of `before` is (by index), and what changed.
struct Matching {
    std::vector<std::optional<std::uint32_t>> actor;  // by before actor index: after index
    std::vector<std::optional<std::uint32_t>> link;   // by before link index: after index
    std::vector<char> actorMatched, linkMatched;      // by after index
    std::size_t actorsByName = 0;                     // matched by name with different ids
};
Matching matchNetworks(const Network& before, const Network& after);

struct ElementChange {
    std::string id;        // the id in `after`
    std::string beforeId;  // the id in `before` (differs when matched by name)
    std::string label;     // actor name, or "A – B" for links
    std::vector<FieldChange> changes;
};

struct MetricChange {
    std::string id;      // the actor's id in `after`
    std::string label;
    std::string metric;  // betweenness, degree, brokerage
    double before = 0, after = 0;
    double delta() const { return after - before; }
};

struct Comparison {
    std::string beforeName, afterName;  // what the states are called in findings
    Matching matching;
    std::vector<std::string> actorsAdded, actorsRemoved;  // ids (after, before)
    std::vector<ElementChange> actorsChanged;
    std::vector<std::string> linksAdded, linksRemoved;
    std::vector<ElementChange> linksChanged;
    GraphFigures figuresBefore, figuresAfter;
    std::size_t isolatesBefore = 0, isolatesAfter = 0;
    std::size_t uncoveredBefore = 0, uncoveredAfter = 0;           // fields not coordinated
    std::size_t unlinkedPairsBefore = 0, unlinkedPairsAfter = 0;   // sector pairs without a link
    std::vector<MetricChange> metrics;  // matched actors whose value changed; by metric, largest change first
    std::vector<Finding> gapsClosed, gapsOpened;  // kinds: compare.gap.<kind> (report/phrasing.hpp words them)
    std::vector<Finding> findings;                // kinds: compare.finding.<kind>
    bool empty() const {
        return actorsAdded.empty() && actorsRemoved.empty() && actorsChanged.empty() && linksAdded.empty() && linksRemoved.empty() &&
               linksChanged.empty();
    }
};

struct CompareOptions {
    Lang lang = Lang::De;
    std::string beforeName, afterName;  // e.g. „Workshop 1“ and „heute“
    bool analyses = true;               // figures, metrics, gaps and findings (else only the differences)
};

Comparison compareNetworks(const Network& before, const Network& after, const CompareOptions& o = {});

// Network-level figures and gap counts of one state, for `knp compare --table`.
struct StateSummary {
    GraphFigures figures;
    std::size_t isolates = 0, cutPoints = 0, uncoveredFields = 0, unlinkedSectorPairs = 0, parallelWork = 0;
};
StateSummary summarise(const Network& network);

// `after` and, appended, the actors and links of `before` that `m` matched with nothing (ids
// made unique, links joined to the result's ids); for each element of `before` its index in
// the result. The compare scene and the view's timeline (every state on one map) build on it.
struct United {
    Network network;
    std::vector<std::size_t> actorOf, linkOf;
};
United unite(const Network& before, const Network& after, const Matching& m);

// Actors from index `first` on that have no position get one beside their placed partners
// (the mean of their positions), else at the centre of the placed actors: actors that are
// gone appear where they belonged.
void placeBesidePartners(Network& network, std::size_t first);

// How an element of a drawing of the comparison is marked.
enum class Change : std::uint8_t { Same, Added, Removed, Changed };

// The comparison as one network to draw: every actor and link of `after`, then those of
// `before` that are gone (with their positions then, ids made unique), and the mark of each.
struct CompareScene {
    Network network;
    std::vector<Change> actor, link;  // by index in `network`
};
CompareScene compareScene(const Network& before, const Network& after, const Comparison& c);

}  // namespace knp::analysis
