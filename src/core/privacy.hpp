#pragma once
// Pseudonyms for exports and reports (DSGVO): contact persons, and on request actor names, are
// replaced by pseudonyms before anything is written. Stable: the same data gives the same
// pseudonyms in every export, report and snapshot of one run of knp (one mapping is built from
// all networks written together). The pseudonyms are numbers in the order of the actors' ids,
// so they say nothing about the names they replace. Notes are left out too: free text often
// names people.
#include <map>
#include <string>
#include <vector>

#include "core/network.hpp"

namespace knp {

enum class Pseudonymize { None, ContactPersons, All };

// "" or "contacts" -> ContactPersons, "all" -> All; throws UsageError otherwise.
Pseudonymize parsePseudonymize(const std::string& text);

class Pseudonymizer {
public:
    Pseudonymizer(Pseudonymize mode, Lang lang, const std::vector<const Network*>& networks);
    Network apply(const Network& network) const;
    Pseudonymize mode() const { return mode_; }

private:
    Pseudonymize mode_;
    Lang lang_;
    std::map<std::string, std::string> actorIds_, actorNames_, linkIds_, persons_;
};

}  // namespace knp
