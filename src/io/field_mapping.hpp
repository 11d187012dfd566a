#pragma once
// Shared by every importer: which actor or link field a column (or attribute) name means, in
// German or English, and how a text value becomes that field. Errors name `where`
// ("links.csv:14") and what is wrong; unknown categories are added to the taxonomy with a
// warning, so a municipality's own sectors survive the import.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/taxonomy.hpp"

namespace knp {

enum class ActorField { None, Id, Name, ShortName, Sector, Fields, Level, Influence, ContactPoint, ContactPerson, Consent, ConsentDate, Tags, Note, X, Y, Pinned };
enum class LinkField { None, Id, Source, Target, Type, Strength, Directed, Status, Fields, Note };

ActorField actorFieldFor(std::string_view name);
LinkField linkFieldFor(std::string_view name);

struct FieldContext {
    Taxonomy& taxonomy;
    std::vector<std::string>& warnings;
    std::string where;  // "actors.csv:7", for messages
    bool allowNewCategories = true;  // false: an unknown category is an error (edit scripts)
};

void setActorField(Actor& actor, ActorField field, const std::string& value, FieldContext& ctx);
void setLinkField(Link& link, LinkField field, const std::string& value, FieldContext& ctx);

// Custom attributes in exports: a name an importer would take for a field (ours: "Typ",
// "Ebene", "label" ...) or one of `reserved` (the format's own keys) is written "attr_NAME";
// the importers turn "attr_NAME" back into NAME where NAME names a field.
std::string exportedAttributeName(const std::string& name, bool actor, const std::set<std::string>& reserved);
std::string importedAttributeName(const std::string& name, bool actor);

// A colour another tool drew the actor in (GEXF viz:color, yEd's fill): kept as its "color"
// attribute unless it is the one its sector gives (then our own export wrote it).
void keepDrawnColor(Actor& actor, const Taxonomy& taxonomy, std::uint32_t drawn);

// Value parsers; each throws InputError "WHERE: what is wrong".
bool parseBool(const std::string& value, const std::string& where);
double parseNumber(const std::string& value, const std::string& where);  // also "1,5"
std::vector<std::string> splitList(const std::string& value);            // '|' separated, trimmed
std::string trim(std::string_view text);

}  // namespace knp
