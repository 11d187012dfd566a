#include "io/network_builder.hpp"

#include "core/errors.hpp"
#include "core/validation.hpp"

namespace knp {

void NetworkBuilder::addActor(Actor actor, const std::string& where) {
    if (actor.id.empty()) actor.id = actor.name;
    if (actor.id.empty()) throw InputError(where + ": the actor has neither an id nor a name");
    if (auto it = actorWhere_.find(actor.id); it != actorWhere_.end())
        throw InputError(where + ": actor id \"" + actor.id + "\" appears twice (first at " + it->second + ")");
    actor.ord = out_.network.nextActorOrd();
    try {
        validateActor(actor, out_.network.taxonomy);
    } catch (const ValidationError& e) {
        throw InputError(where + ": " + e.what());
    }
    actorWhere_[actor.id] = where;
    out_.network.insertActor(std::move(actor));
}

void NetworkBuilder::ensureActor(const std::string& id, const std::string& where) {
    if (id.empty() || hasActor(id)) return;
    Actor a;
    a.id = id;
    a.name = id;
    addActor(std::move(a), where);
}

void NetworkBuilder::addLink(Link link, const std::string& where, const std::string& sourceRef,
                             const std::string& targetRef) {
    if (link.source.empty()) throw InputError(where + ": " + sourceRef + " is empty");
    if (link.target.empty()) throw InputError(where + ": " + targetRef + " is empty");
    if (!hasActor(link.source))
        throw InputError(where + ": " + sourceRef + " names actor \"" + link.source + "\", which does not exist");
    if (!hasActor(link.target))
        throw InputError(where + ": " + targetRef + " names actor \"" + link.target + "\", which does not exist");
    if (link.source == link.target) {
        out_.warnings.push_back(where + ": link from \"" + link.source + "\" to itself dropped (self-links are not allowed)");
        return;
    }
    if (link.id.empty()) link.id = out_.network.freshLinkId();
    if (auto it = linkWhere_.find(link.id); it != linkWhere_.end())
        throw InputError(where + ": link id \"" + link.id + "\" appears twice (first at " + it->second + ")");
    link.ord = out_.network.nextLinkOrd();
    try {
        validateLink(link, out_.network);
    } catch (const ValidationError& e) {
        throw InputError(where + ": " + e.what());
    }
    linkWhere_[link.id] = where;
    out_.network.insertLink(std::move(link));
}

}  // namespace knp
