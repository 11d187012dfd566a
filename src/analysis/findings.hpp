#pragma once
// Findings as data: what an analysis found, with the actors, sectors, fields and numbers it is
// about, and no words. report/phrasing.hpp turns them into sentences in any language of the
// message catalogues, so switching the language never reruns an analysis.
#include <cstdint>
#include <string>
#include <vector>

namespace knp::analysis {

enum class Severity : std::uint8_t {
    Info,     // how the network is (the strongest broker, a coordinated field)
    Notice,   // worth a look (parallel work, many contact points, a suggestion)
    Warning,  // a gap (sectors without a link, a field nobody coordinates, a cut point)
};

struct Finding {
    std::string kind;                    // "broker", "no_link", …: the catalogue's "gaps.finding.<kind>"
                                         // (comparisons: "compare.finding.<kind>", "compare.gap.<kind>")
    Severity severity = Severity::Info;
    std::vector<std::uint32_t> actors;   // actor indices, in the order the sentence names them
    std::vector<std::string> sectors;    // sector keys
    std::vector<std::string> fields;     // field-of-action keys
    std::vector<double> numbers;         // shares, indices, counts (unrounded)
    std::vector<std::string> texts;      // names and labels as a comparison's states call them
    std::size_t more = 0;                // further items not named ("and 3 more")
    std::vector<Finding> reasons;        // what a suggested link is for (kinds "gaps.reason.<kind>")
    bool operator==(const Finding&) const = default;
};

}  // namespace knp::analysis
