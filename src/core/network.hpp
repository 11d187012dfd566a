#pragma once
// Network: the project's actors and links with their taxonomy. Ids are stable strings; the
// vectors are kept ordered by `ord`, so undo restores an erased record to its old place.
// Mutations are low-level and used by edits (core/edit.hpp); callers go through commands.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"
#include "core/taxonomy.hpp"

namespace knp {

class Network {
public:
    std::string name;   // project name, e.g. "Stadt Musterstadt"
    Taxonomy taxonomy = Taxonomy::defaults();

    const std::vector<Actor>& actors() const { return actors_; }
    const std::vector<Link>& links() const { return links_; }

    std::optional<std::size_t> actorIndex(std::string_view id) const;
    std::optional<std::size_t> linkIndex(std::string_view id) const;
    const Actor* findActor(std::string_view id) const;
    const Link* findLink(std::string_view id) const;
    // Number of links that have the actor as source or target.
    std::size_t linkCount(std::string_view actorId) const;
    bool hasActorOrd(std::int64_t ord) const;
    bool hasLinkOrd(std::int64_t ord) const;

    // Next free ord values: larger than every ord in use.
    std::int64_t nextActorOrd() const { return actors_.empty() ? 1 : actors_.back().ord + 1; }
    std::int64_t nextLinkOrd() const { return links_.empty() ? 1 : links_.back().ord + 1; }
    // An id of the form PREFIX + number that no actor (or link) uses yet.
    std::string freshActorId(std::string_view prefix = "a") const;
    std::string freshLinkId(std::string_view prefix = "l") const;

    // Low-level mutations (preconditions are asserted; edits check them first).
    void insertActor(Actor actor);             // id unused; placed by ord
    void eraseActor(std::string_view id);      // no link refers to it
    void replaceActor(const Actor& actor);     // same id and ord as the existing one
    void insertLink(Link link);                // id unused; endpoints exist
    void eraseLink(std::string_view id);
    void replaceLink(const Link& link);
    void clear();

    bool operator==(const Network& other) const;

private:
    void reindexActorsFrom(std::size_t first);
    void reindexLinksFrom(std::size_t first);

    std::vector<Actor> actors_;
    std::vector<Link> links_;
    std::unordered_map<std::string, std::size_t> actorIndex_;
    std::unordered_map<std::string, std::size_t> linkIndex_;
    std::unordered_map<std::string, std::size_t> linkCount_;  // by actor id
};

// A network as it was at a named moment (a project's snapshot).
struct NetworkSnapshot {
    std::string name;
    std::string created;  // ISO 8601, UTC
    Network network;
};

}  // namespace knp
