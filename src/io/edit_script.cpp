#include "io/edit_script.hpp"

#include "core/commands.hpp"
#include "core/errors.hpp"
#include "io/field_mapping.hpp"

namespace knp {

using nlohmann::json;

namespace {

std::string textOf(const json& v, const std::string& key, const std::string& where) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return v.dump();
    if (v.is_null()) return "";
    if (v.is_array()) {
        std::string joined;
        for (const json& item : v) {
            if (!item.is_string()) throw InputError(where + ": \"" + key + "\" must be a list of texts");
            if (!joined.empty()) joined += '|';
            joined += item.get<std::string>();
        }
        return joined;
    }
    throw InputError(where + ": \"" + key + "\" has a value of the wrong kind");
}

const json& requireField(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) throw InputError(where + ": \"" + key + "\" is missing");
    return *it;
}

std::string requireText(const json& obj, const char* key, const std::string& where) {
    const json& v = requireField(obj, key, where);
    if (!v.is_string() || v.get<std::string>().empty()) throw InputError(where + ": \"" + key + "\" must be a non-empty text");
    return v.get<std::string>();
}

void setAttributes(Attributes& attrs, const json& value, const std::string& where) {
    if (!value.is_object()) throw InputError(where + ": \"attributes\" must be an object");
    for (const auto& [k, v] : value.items()) {
        if (v.is_null()) attrs.erase(k);
        else attrs[k] = textOf(v, k, where);
    }
}

void applyActorFields(Actor& actor, const json& fields, Taxonomy& taxonomy, const std::string& where, bool allowId) {
    std::vector<std::string> warnings;
    FieldContext ctx{taxonomy, warnings, where, false};
    for (const auto& [key, value] : fields.items()) {
        if (key == "op" || (allowId && key == "id")) continue;
        if (key == "attributes") { setAttributes(actor.attributes, value, where); continue; }
        const ActorField field = actorFieldFor(key);
        if (field == ActorField::None) throw InputError(where + ": unknown actor field \"" + key + "\"");
        if (field == ActorField::Id) throw InputError(where + ": an actor's id cannot be changed");
        setActorField(actor, field, textOf(value, key, where), ctx);
    }
}

void applyLinkFields(Link& link, const json& fields, Taxonomy& taxonomy, const std::string& where, bool allowEndpoints) {
    std::vector<std::string> warnings;
    FieldContext ctx{taxonomy, warnings, where, false};
    for (const auto& [key, value] : fields.items()) {
        if (key == "op" || (allowEndpoints && key == "id")) continue;
        if (key == "attributes") { setAttributes(link.attributes, value, where); continue; }
        const LinkField field = linkFieldFor(key);
        if (field == LinkField::None) throw InputError(where + ": unknown link field \"" + key + "\"");
        if (field == LinkField::Id) throw InputError(where + ": a link's id cannot be changed");
        if (!allowEndpoints && (field == LinkField::Source || field == LinkField::Target))
            throw InputError(where + ": a link's source and target cannot be changed; remove it and add a new one");
        setLinkField(link, field, textOf(value, key, where), ctx);
    }
}

std::string optionalId(const json& obj, const std::string& where) {
    auto it = obj.find("id");
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_string() || it->get<std::string>().empty()) throw InputError(where + ": \"id\" must be a non-empty text");
    return it->get<std::string>();
}

Edit build(const Network& n, const json& obj, const std::string& where) {
    if (!obj.is_object()) throw InputError(where + ": each line must be one JSON object");
    const std::string op = requireText(obj, "op", where);
    Taxonomy taxonomy = n.taxonomy;  // strict: scripts never add categories
    if (op == "add_actor") {
        Actor a;
        a.id = optionalId(obj, where);
        requireText(obj, "name", where);
        applyActorFields(a, obj, taxonomy, where, true);
        return cmdAddActor(n, std::move(a));
    }
    if (op == "update_actor") {
        const std::string id = requireText(obj, "id", where);
        const Actor* current = n.findActor(id);
        if (!current) throw InputError(where + ": actor \"" + id + "\" does not exist");
        Actor a = *current;
        applyActorFields(a, requireField(obj, "set", where), taxonomy, where, false);
        return cmdUpdateActor(n, a);
    }
    if (op == "remove_actor") return cmdRemoveActor(n, requireText(obj, "id", where));
    if (op == "add_link") {
        Link l;
        l.id = optionalId(obj, where);
        requireText(obj, "source", where);
        requireText(obj, "target", where);
        applyLinkFields(l, obj, taxonomy, where, true);
        return cmdAddLink(n, std::move(l));
    }
    if (op == "update_link") {
        const std::string id = requireText(obj, "id", where);
        const Link* current = n.findLink(id);
        if (!current) throw InputError(where + ": link \"" + id + "\" does not exist");
        Link l = *current;
        applyLinkFields(l, requireField(obj, "set", where), taxonomy, where, false);
        return cmdUpdateLink(n, l);
    }
    if (op == "remove_link") return cmdRemoveLink(n, requireText(obj, "id", where));
    if (op == "move") {
        const std::string id = requireText(obj, "id", where);
        const json& x = requireField(obj, "x", where);
        const json& y = requireField(obj, "y", where);
        if (!x.is_number() || !y.is_number()) throw InputError(where + ": \"x\" and \"y\" must be numbers");
        return cmdMove(n, {{id, x.get<double>(), y.get<double>()}});
    }
    throw InputError(where + ": unknown op \"" + op +
                     "\" (known: add_actor, update_actor, remove_actor, add_link, update_link, remove_link, move)");
}

}  // namespace

Edit editFromScriptLine(const Network& network, const std::string& line, const std::string& where) {
    json obj;
    try {
        obj = json::parse(line);
    } catch (const json::exception& e) {
        // parse_error, and out_of_range for a number beyond a double's range (found by fuzzing).
        throw InputError(where + ": not valid JSON (" + std::string(e.what()) + ")");
    }
    try {
        return build(network, obj, where);
    } catch (const ValidationError& e) {
        throw InputError(where + ": " + e.what());
    } catch (const json::exception& e) {
        throw InputError(where + ": " + std::string(e.what()));
    }
}

}  // namespace knp
