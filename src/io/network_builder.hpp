#pragma once
// Builds an imported network record by record, with the checks every importer needs: duplicate
// ids and links to unknown actors are errors (naming file and line), self-links are dropped
// with a warning, missing link ids are generated.
#include <unordered_map>
#include <string>

#include "io/import_result.hpp"

namespace knp {

class NetworkBuilder {
public:
    explicit NetworkBuilder(ImportResult& out) : out_(out) {}

    void addActor(Actor actor, const std::string& where);
    // The actor with this id, created with the id as name when it is new (link lists).
    void ensureActor(const std::string& id, const std::string& where);
    // `sourceRef`/`targetRef`: how messages call the endpoint fields, e.g. `column "Von"`.
    void addLink(Link link, const std::string& where, const std::string& sourceRef = "the source",
                 const std::string& targetRef = "the target");
    bool hasActor(const std::string& id) const { return out_.network.findActor(id) != nullptr; }

private:
    ImportResult& out_;
    std::unordered_map<std::string, std::string> actorWhere_;  // id -> where it was defined
    std::unordered_map<std::string, std::string> linkWhere_;
};

}  // namespace knp
