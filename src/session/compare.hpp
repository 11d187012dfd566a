#pragma once
// The comparison use case (`knp compare`, the report's change section, the view's compare
// mode): inputs loaded and named as findings call them, two states compared, the comparison
// drawn on one map. cli/ prints it, ui/ shows it; the engine is analysis/compare.hpp.
#include <string>
#include <vector>

#include "analysis/compare.hpp"
#include "session/messages.hpp"
#include "session/open.hpp"

namespace knp::session {

// One state to compare: what was asked for (PROJECT, PROJECT@SNAPSHOT, a file), what it holds,
// and its name in findings ("Workshop 1", "heute", the network's name).
struct CompareInput {
    std::string spec;
    LoadedInput in;
    std::string name;
};

// Loads every input (InputError for one that cannot be read) and names it: a snapshot by its
// name; a project's current state "heute" when another input is a snapshot of the same project
// ("musterstadt (heute)" in a table of many); else the network's or the file's name; two equal
// names become "… (vorher)" and "… (nachher)".
std::vector<CompareInput> loadCompareInputs(const std::vector<std::string>& specs, Lang lang, bool table);

// `before` against `after`, named as loaded.
analysis::Comparison compareInputs(const CompareInput& before, const CompareInput& after, Lang lang);

// The comparison drawn (.svg, .pdf, .png): every actor and link of `after` and those of `before`
// that are gone, beside their partners when they have no position; a force layout only when
// today's actors have none either. Says what it wrote.
void drawComparison(const analysis::Comparison& c, const Network& before, const Network& after, const std::string& output,
                    const std::string& title, Lang lang, const Reporter& report);

}  // namespace knp::session
