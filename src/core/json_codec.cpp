#include "core/json_codec.hpp"

#include "core/errors.hpp"
#include "core/overloaded.hpp"
#include "core/validation.hpp"

namespace knp {

using nlohmann::json;

namespace {

template <class T>
T get(const json& j, const char* key, T fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    try {
        return it->get<T>();
    } catch (const json::exception&) {
        throw InputError(std::string("field \"") + key + "\" has the wrong type");
    }
}

const char* lineName(LineStyle s) {
    switch (s) {
        case LineStyle::Dashed: return "dashed";
        case LineStyle::Dotted: return "dotted";
        case LineStyle::Solid: break;
    }
    return "solid";
}

LineStyle lineFromName(const std::string& s) {
    if (s == "dashed") return LineStyle::Dashed;
    if (s == "dotted") return LineStyle::Dotted;
    return LineStyle::Solid;
}

json categoriesToJson(const std::vector<Category>& cats) {
    json arr = json::array();
    for (const Category& c : cats)
        arr.push_back({{"key", c.key}, {"de", c.labelDe}, {"en", c.labelEn}, {"color", c.color}, {"line", lineName(c.line)}});
    return arr;
}

std::vector<Category> categoriesFromJson(const json& arr) {
    std::vector<Category> cats;
    if (!arr.is_array()) return cats;
    for (const json& c : arr)
        cats.push_back({get<std::string>(c, "key", ""), get<std::string>(c, "de", ""), get<std::string>(c, "en", ""),
                        get<std::uint32_t>(c, "color", 0x808080), lineFromName(get<std::string>(c, "line", "solid"))});
    return cats;
}

}  // namespace

json toJson(const Actor& a) {
    return {{"id", a.id}, {"name", a.name}, {"short_name", a.shortName}, {"sector", a.sector},
            {"fields", a.fields}, {"level", a.level}, {"influence", a.influence},
            {"contact_point", a.contactPoint}, {"contact_person", a.contactPerson}, {"consent", a.consent},
            {"consent_date", a.consentDate}, {"tags", a.tags},
            {"note", a.note}, {"x", a.x}, {"y", a.y}, {"placed", a.placed}, {"pinned", a.pinned},
            {"attributes", a.attributes}, {"ord", a.ord}};
}

json toJson(const Link& l) {
    return {{"id", l.id}, {"source", l.source}, {"target", l.target}, {"type", l.type},
            {"strength", l.strength}, {"directed", l.directed}, {"status", l.status},
            {"fields", l.fields}, {"note", l.note}, {"attributes", l.attributes}, {"ord", l.ord}};
}

json toJson(const Taxonomy& t) {
    return {{"sectors", categoriesToJson(t.sectors)}, {"fields", categoriesToJson(t.fields)},
            {"link_types", categoriesToJson(t.linkTypes)}, {"statuses", categoriesToJson(t.statuses)},
            {"levels", categoriesToJson(t.levels)}};
}

Actor actorFromJson(const json& j) {
    if (!j.is_object()) throw InputError("actor record is not a JSON object");
    Actor a;
    a.id = get<std::string>(j, "id", "");
    a.name = get<std::string>(j, "name", "");
    a.shortName = get<std::string>(j, "short_name", "");
    a.sector = get<std::string>(j, "sector", "");
    a.fields = get<std::vector<std::string>>(j, "fields", {});
    a.level = get<std::string>(j, "level", "");
    a.influence = get<int>(j, "influence", 0);
    a.contactPoint = get<bool>(j, "contact_point", false);
    a.contactPerson = get<std::string>(j, "contact_person", "");
    a.consent = get<bool>(j, "consent", false);
    a.consentDate = get<std::string>(j, "consent_date", "");
    a.tags = get<std::vector<std::string>>(j, "tags", {});
    a.note = get<std::string>(j, "note", "");
    a.x = get<double>(j, "x", 0);
    a.y = get<double>(j, "y", 0);
    a.placed = get<bool>(j, "placed", false);
    a.pinned = get<bool>(j, "pinned", false);
    a.attributes = get<Attributes>(j, "attributes", {});
    a.ord = get<std::int64_t>(j, "ord", 0);
    return a;
}

Link linkFromJson(const json& j) {
    if (!j.is_object()) throw InputError("link record is not a JSON object");
    Link l;
    l.id = get<std::string>(j, "id", "");
    l.source = get<std::string>(j, "source", "");
    l.target = get<std::string>(j, "target", "");
    l.type = get<std::string>(j, "type", "");
    l.strength = get<double>(j, "strength", 1.0);
    l.directed = get<bool>(j, "directed", false);
    l.status = get<std::string>(j, "status", "besteht");
    l.fields = get<std::vector<std::string>>(j, "fields", {});
    l.note = get<std::string>(j, "note", "");
    l.attributes = get<Attributes>(j, "attributes", {});
    l.ord = get<std::int64_t>(j, "ord", 0);
    return l;
}

Taxonomy taxonomyFromJson(const json& j) {
    if (!j.is_object()) throw InputError("taxonomy is not a JSON object");
    Taxonomy t;
    t.sectors = categoriesFromJson(j.value("sectors", json::array()));
    t.fields = categoriesFromJson(j.value("fields", json::array()));
    t.linkTypes = categoriesFromJson(j.value("link_types", json::array()));
    t.statuses = categoriesFromJson(j.value("statuses", json::array()));
    t.levels = categoriesFromJson(j.value("levels", json::array()));
    return t;
}

json toJson(const Edit& edit) {
    json ops = json::array();
    for (const Op& op : edit.ops)
        ops.push_back(std::visit(Overloaded{
            [](const InsertActor& o) { return json{{"op", "insert_actor"}, {"actor", toJson(o.actor)}}; },
            [](const EraseActor& o) { return json{{"op", "erase_actor"}, {"actor", toJson(o.actor)}}; },
            [](const ReplaceActor& o) { return json{{"op", "replace_actor"}, {"before", toJson(o.before)}, {"after", toJson(o.after)}}; },
            [](const InsertLink& o) { return json{{"op", "insert_link"}, {"link", toJson(o.link)}}; },
            [](const EraseLink& o) { return json{{"op", "erase_link"}, {"link", toJson(o.link)}}; },
            [](const ReplaceLink& o) { return json{{"op", "replace_link"}, {"before", toJson(o.before)}, {"after", toJson(o.after)}}; },
            [](const SetName& o) { return json{{"op", "set_name"}, {"before", o.before}, {"after", o.after}}; },
            [](const SetTaxonomy& o) { return json{{"op", "set_taxonomy"}, {"before", toJson(o.before)}, {"after", toJson(o.after)}}; },
        }, op));
    return {{"kind", edit.kind}, {"subject", edit.subject}, {"ops", std::move(ops)}};
}

Edit editFromJson(const json& j) {
    if (!j.is_object() || !j.contains("ops") || !j["ops"].is_array()) throw InputError("edit record has no list of operations");
    Edit edit{get<std::string>(j, "kind", ""), get<std::string>(j, "subject", ""), {}};
    for (const json& o : j["ops"]) {
        const std::string op = get<std::string>(o, "op", "");
        if (op == "insert_actor") edit.ops.push_back(InsertActor{actorFromJson(o.at("actor"))});
        else if (op == "erase_actor") edit.ops.push_back(EraseActor{actorFromJson(o.at("actor"))});
        else if (op == "replace_actor") edit.ops.push_back(ReplaceActor{actorFromJson(o.at("before")), actorFromJson(o.at("after"))});
        else if (op == "insert_link") edit.ops.push_back(InsertLink{linkFromJson(o.at("link"))});
        else if (op == "erase_link") edit.ops.push_back(EraseLink{linkFromJson(o.at("link"))});
        else if (op == "replace_link") edit.ops.push_back(ReplaceLink{linkFromJson(o.at("before")), linkFromJson(o.at("after"))});
        else if (op == "set_name") edit.ops.push_back(SetName{get<std::string>(o, "before", ""), get<std::string>(o, "after", "")});
        else if (op == "set_taxonomy") edit.ops.push_back(SetTaxonomy{taxonomyFromJson(o.at("before")), taxonomyFromJson(o.at("after"))});
        else throw InputError("unknown operation \"" + op + "\" in edit record");
    }
    return edit;
}

json toJson(const Network& n) {
    json actors = json::array(), links = json::array();
    for (const Actor& a : n.actors()) actors.push_back(toJson(a));
    for (const Link& l : n.links()) links.push_back(toJson(l));
    return {{"name", n.name}, {"taxonomy", toJson(n.taxonomy)}, {"actors", std::move(actors)}, {"links", std::move(links)}};
}

Network networkFromJson(const json& j) {
    if (!j.is_object()) throw InputError("network record is not a JSON object");
    Network n;
    n.name = get<std::string>(j, "name", "");
    if (j.contains("taxonomy")) n.taxonomy = taxonomyFromJson(j["taxonomy"]);
    Edit fill{"load", "", {}};
    for (const json& a : j.value("actors", json::array())) fill.ops.push_back(InsertActor{actorFromJson(a)});
    for (const json& l : j.value("links", json::array())) fill.ops.push_back(InsertLink{linkFromJson(l)});
    applyEdit(n, fill);  // validates every record
    return n;
}

}  // namespace knp
