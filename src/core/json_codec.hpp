#pragma once
// Internal JSON form of the model (taxonomy keys, all fields), used by the project file for
// the undo history and snapshots. Readers throw InputError naming the missing or wrong field.
#include <nlohmann/json.hpp>

#include "core/edit.hpp"

namespace knp {

nlohmann::json toJson(const Actor& actor);
nlohmann::json toJson(const Link& link);
nlohmann::json toJson(const Taxonomy& taxonomy);
nlohmann::json toJson(const Edit& edit);
nlohmann::json toJson(const Network& network);  // name, taxonomy, actors, links

Actor actorFromJson(const nlohmann::json& j);
Link linkFromJson(const nlohmann::json& j);
Taxonomy taxonomyFromJson(const nlohmann::json& j);
Edit editFromJson(const nlohmann::json& j);
Network networkFromJson(const nlohmann::json& j);  // validated

}  // namespace knp
