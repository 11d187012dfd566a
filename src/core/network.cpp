#include "core/network.hpp"

#include <algorithm>
#include <cassert>
#include <type_traits>

namespace knp {

std::optional<std::size_t> Network::actorIndex(std::string_view id) const {
    auto it = actorIndex_.find(std::string(id));
    if (it == actorIndex_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> Network::linkIndex(std::string_view id) const {
    auto it = linkIndex_.find(std::string(id));
    if (it == linkIndex_.end()) return std::nullopt;
    return it->second;
}

const Actor* Network::findActor(std::string_view id) const {
    auto i = actorIndex(id);
    return i ? &actors_[*i] : nullptr;
}

const Link* Network::findLink(std::string_view id) const {
    auto i = linkIndex(id);
    return i ? &links_[*i] : nullptr;
}

std::size_t Network::linkCount(std::string_view actorId) const {
    auto it = linkCount_.find(std::string(actorId));
    return it == linkCount_.end() ? 0 : it->second;
}

bool Network::hasActorOrd(std::int64_t ord) const {
    return std::binary_search(actors_.begin(), actors_.end(), ord, [](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, Actor>) return a.ord < b;
        else return a < b.ord;
    });
}

bool Network::hasLinkOrd(std::int64_t ord) const {
    return std::binary_search(links_.begin(), links_.end(), ord, [](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, Link>) return a.ord < b;
        else return a < b.ord;
    });
}

std::string Network::freshActorId(std::string_view prefix) const {
    for (std::size_t n = actors_.size() + 1;; ++n) {
        std::string id = std::string(prefix) + std::to_string(n);
        if (!actorIndex_.count(id)) return id;
    }
}

std::string Network::freshLinkId(std::string_view prefix) const {
    for (std::size_t n = links_.size() + 1;; ++n) {
        std::string id = std::string(prefix) + std::to_string(n);
        if (!linkIndex_.count(id)) return id;
    }
}

void Network::insertActor(Actor actor) {
    assert(!actorIndex_.count(actor.id));
    auto pos = std::lower_bound(actors_.begin(), actors_.end(), actor.ord,
                                [](const Actor& a, std::int64_t ord) { return a.ord < ord; });
    assert(pos == actors_.end() || pos->ord != actor.ord);
    const auto index = static_cast<std::size_t>(pos - actors_.begin());
    actors_.insert(pos, std::move(actor));
    reindexActorsFrom(index);
}

void Network::eraseActor(std::string_view id) {
    auto index = actorIndex(id);
    assert(index);
    actorIndex_.erase(actors_[*index].id);
    actors_.erase(actors_.begin() + static_cast<std::ptrdiff_t>(*index));
    reindexActorsFrom(*index);
}

void Network::replaceActor(const Actor& actor) {
    auto index = actorIndex(actor.id);
    assert(index && actors_[*index].ord == actor.ord);
    actors_[*index] = actor;
}

void Network::insertLink(Link link) {
    assert(!linkIndex_.count(link.id));
    assert(actorIndex_.count(link.source) && actorIndex_.count(link.target));
    auto pos = std::lower_bound(links_.begin(), links_.end(), link.ord,
                                [](const Link& l, std::int64_t ord) { return l.ord < ord; });
    assert(pos == links_.end() || pos->ord != link.ord);
    const auto index = static_cast<std::size_t>(pos - links_.begin());
    ++linkCount_[link.source];
    ++linkCount_[link.target];
    links_.insert(pos, std::move(link));
    reindexLinksFrom(index);
}

void Network::eraseLink(std::string_view id) {
    auto index = linkIndex(id);
    assert(index);
    const Link& link = links_[*index];
    if (--linkCount_[link.source] == 0) linkCount_.erase(link.source);
    if (--linkCount_[link.target] == 0) linkCount_.erase(link.target);
    linkIndex_.erase(link.id);
    links_.erase(links_.begin() + static_cast<std::ptrdiff_t>(*index));
    reindexLinksFrom(*index);
}

void Network::replaceLink(const Link& link) {
    auto index = linkIndex(link.id);
    assert(index && links_[*index].ord == link.ord);
    const Link& old = links_[*index];
    if (old.source != link.source || old.target != link.target) {
        if (--linkCount_[old.source] == 0) linkCount_.erase(old.source);
        if (--linkCount_[old.target] == 0) linkCount_.erase(old.target);
        ++linkCount_[link.source];
        ++linkCount_[link.target];
    }
    links_[*index] = link;
}

void Network::clear() {
    actors_.clear();
    links_.clear();
    actorIndex_.clear();
    linkIndex_.clear();
    linkCount_.clear();
}

bool Network::operator==(const Network& other) const {
    return name == other.name && taxonomy == other.taxonomy && actors_ == other.actors_ &&
           links_ == other.links_;
}

void Network::reindexActorsFrom(std::size_t first) {
    for (std::size_t i = first; i < actors_.size(); ++i) actorIndex_[actors_[i].id] = i;
}

void Network::reindexLinksFrom(std::size_t first) {
    for (std::size_t i = first; i < links_.size(); ++i) linkIndex_[links_[i].id] = i;
}

}  // namespace knp
