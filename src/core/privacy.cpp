#include "core/privacy.hpp"

#include <algorithm>
#include <set>

#include "core/errors.hpp"
#include "core/i18n.hpp"

namespace knp {

Pseudonymize parsePseudonymize(const std::string& text) {
    if (text.empty() || text == "contacts" || text == "kontakte") return Pseudonymize::ContactPersons;
    if (text == "all" || text == "alle") return Pseudonymize::All;
    throw UsageError("--pseudonymize=" + text + ": write --pseudonymize (contact persons) or --pseudonymize=all (actor names too)");
}

Pseudonymizer::Pseudonymizer(Pseudonymize mode, Lang lang, const std::vector<const Network*>& networks) : mode_(mode), lang_(lang) {
    if (mode == Pseudonymize::None) return;
    // Actors in the order of their ids, over every network written together.
    std::map<std::string, const Actor*> actors;
    std::set<std::string> links;
    for (const Network* n : networks) {
        for (const Actor& a : n->actors()) actors.emplace(a.id, &a);
        for (const Link& l : n->links()) links.insert(l.id);
    }
    const std::string person = tr(lang, "privacy.contact_person");
    const std::string actor = tr(lang, "privacy.actor");
    std::size_t k = 0;
    // Contact persons numbered in the order of the actors they are first met at.
    for (const auto& [id, a] : actors)
        if (!a->contactPerson.empty() && !persons_.count(a->contactPerson)) persons_[a->contactPerson] = person + std::to_string(++k);
    // A person named at an actor of an older snapshot only (the map above keeps one actor per id).
    for (const Network* n : networks)
        for (const Actor& a : n->actors())
            if (!a.contactPerson.empty() && !persons_.count(a.contactPerson)) persons_[a.contactPerson] = person + std::to_string(++k);
    if (mode != Pseudonymize::All) return;
    k = 0;
    for (const auto& [id, a] : actors) {
        ++k;
        actorIds_[id] = "A" + std::to_string(k);
        actorNames_[id] = actor + std::to_string(k);
    }
    k = 0;
    for (const std::string& id : links) linkIds_[id] = "L" + std::to_string(++k);
}

Network Pseudonymizer::apply(const Network& network) const {
    if (mode_ == Pseudonymize::None) return network;
    Network out;
    out.name = network.name;
    out.taxonomy = network.taxonomy;
    for (Actor a : network.actors()) {
        if (!a.contactPerson.empty()) a.contactPerson = persons_.at(a.contactPerson);
        a.note.clear();
        if (mode_ == Pseudonymize::All) {
            a.name = actorNames_.at(a.id);
            a.shortName.clear();
            a.id = actorIds_.at(a.id);
        }
        out.insertActor(std::move(a));
    }
    for (Link l : network.links()) {
        l.note.clear();
        if (mode_ == Pseudonymize::All) {
            l.id = linkIds_.at(l.id);
            l.source = actorIds_.at(l.source);
            l.target = actorIds_.at(l.target);
        }
        out.insertLink(std::move(l));
    }
    return out;
}

}  // namespace knp
