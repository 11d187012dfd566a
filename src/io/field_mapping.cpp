#include "io/field_mapping.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "core/errors.hpp"

namespace knp {

namespace {

std::string key(std::string_view name) {
    std::string n = normalizeLabel(name), out;
    for (char c : n)
        if (c != ' ' && c != '_' && c != '-' && c != '.') out += c;
    return out;
}

template <class Field>
Field lookup(std::string_view name, std::initializer_list<std::pair<const char*, Field>> table) {
    const std::string k = key(name);
    for (const auto& [alias, field] : table)
        if (key(alias) == k) return field;
    return Field::None;
}

std::string categoryKey(Taxonomy& taxonomy, CategoryKind kind, const std::string& value, FieldContext& ctx) {
    const std::string v = trim(value);
    if (v.empty()) return {};
    if (const Category* c = taxonomy.find(kind, v)) return c->key;
    if (!ctx.allowNewCategories) {
        std::string known;
        for (const Category& c : taxonomy.list(kind)) known += (known.empty() ? "" : ", ") + c.labelDe;
        throw InputError(ctx.where + ": unknown " + kindName(kind) + " \"" + v + "\" (known: " + known + ")");
    }
    std::string k = taxonomy.addCustom(kind, v);
    ctx.warnings.push_back(ctx.where + ": new " + kindName(kind) + " \"" + v + "\" added to the project's categories");
    return k;
}

std::vector<std::string> categoryKeys(Taxonomy& taxonomy, CategoryKind kind, const std::string& value, FieldContext& ctx) {
    std::vector<std::string> keys;
    for (const std::string& item : splitList(value)) {
        std::string k = categoryKey(taxonomy, kind, item, ctx);
        bool dup = false;
        for (const std::string& existing : keys) dup = dup || existing == k;
        if (!dup) keys.push_back(std::move(k));
    }
    return keys;
}

}  // namespace

std::string trim(std::string_view text) {
    const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && ws(text.front())) text.remove_prefix(1);
    while (!text.empty() && ws(text.back())) text.remove_suffix(1);
    return std::string(text);
}

ActorField actorFieldFor(std::string_view name) {
    return lookup<ActorField>(name, {
        {"id", ActorField::Id}, {"kennung", ActorField::Id},
        {"name", ActorField::Name}, {"label", ActorField::Name}, {"bezeichnung", ActorField::Name}, {"akteur", ActorField::Name},
        {"short_name", ActorField::ShortName}, {"shortname", ActorField::ShortName}, {"kurzname", ActorField::ShortName}, {"kürzel", ActorField::ShortName},
        {"sector", ActorField::Sector}, {"sektor", ActorField::Sector}, {"akteursgruppe", ActorField::Sector}, {"type", ActorField::Sector}, {"typ", ActorField::Sector},
        {"fields", ActorField::Fields}, {"handlungsfelder", ActorField::Fields}, {"handlungsfeld", ActorField::Fields}, {"fields of action", ActorField::Fields},
        {"level", ActorField::Level}, {"ebene", ActorField::Level},
        {"influence", ActorField::Influence}, {"einfluss", ActorField::Influence},
        {"contact_point", ActorField::ContactPoint}, {"anlaufstelle", ActorField::ContactPoint},
        {"contact_person", ActorField::ContactPerson}, {"ansprechperson", ActorField::ContactPerson}, {"kontaktperson", ActorField::ContactPerson}, {"ansprechpartner", ActorField::ContactPerson},
        {"consent", ActorField::Consent}, {"einwilligung", ActorField::Consent},
        {"consent_date", ActorField::ConsentDate}, {"einwilligung_datum", ActorField::ConsentDate}, {"einwilligungsdatum", ActorField::ConsentDate},
        {"tags", ActorField::Tags}, {"schlagworte", ActorField::Tags},
        {"note", ActorField::Note}, {"notiz", ActorField::Note}, {"bemerkung", ActorField::Note}, {"description", ActorField::Note}, {"beschreibung", ActorField::Note},
        {"x", ActorField::X}, {"y", ActorField::Y},
        {"pinned", ActorField::Pinned}, {"fixiert", ActorField::Pinned},
    });
}

LinkField linkFieldFor(std::string_view name) {
    return lookup<LinkField>(name, {
        {"id", LinkField::Id}, {"kennung", LinkField::Id},
        {"source", LinkField::Source}, {"from", LinkField::Source}, {"von", LinkField::Source}, {"quelle", LinkField::Source},
        {"target", LinkField::Target}, {"to", LinkField::Target}, {"nach", LinkField::Target}, {"ziel", LinkField::Target}, {"an", LinkField::Target},
        {"type", LinkField::Type}, {"typ", LinkField::Type}, {"art", LinkField::Type}, {"beziehungsart", LinkField::Type}, {"label", LinkField::Type},
        {"interaction", LinkField::Type},  // Cytoscape
        {"strength", LinkField::Strength}, {"weight", LinkField::Strength}, {"stärke", LinkField::Strength}, {"gewicht", LinkField::Strength},
        {"directed", LinkField::Directed}, {"gerichtet", LinkField::Directed}, {"direction", LinkField::Directed}, {"richtung", LinkField::Directed},
        {"status", LinkField::Status},
        {"fields", LinkField::Fields}, {"handlungsfelder", LinkField::Fields}, {"handlungsfeld", LinkField::Fields},
        {"note", LinkField::Note}, {"notiz", LinkField::Note}, {"bemerkung", LinkField::Note}, {"description", LinkField::Note}, {"beschreibung", LinkField::Note},
    });
}

void keepDrawnColor(Actor& actor, const Taxonomy& taxonomy, std::uint32_t drawn) {
    if (drawn != sectorColor(taxonomy, actor.sector)) actor.attributes["color"] = colorHex(drawn);
}

std::string exportedAttributeName(const std::string& name, bool actor, const std::set<std::string>& reserved) {
    const bool field = actor ? actorFieldFor(name) != ActorField::None : linkFieldFor(name) != LinkField::None;
    return reserved.count(name) || field ? "attr_" + name : name;
}

std::string importedAttributeName(const std::string& name, bool actor) {
    if (name.rfind("attr_", 0) != 0) return name;
    const std::string rest = name.substr(5);
    const bool field = actor ? actorFieldFor(rest) != ActorField::None : linkFieldFor(rest) != LinkField::None;
    return field ? rest : name;
}

bool parseBool(const std::string& value, const std::string& where) {
    const std::string v = normalizeLabel(trim(value));
    // Kumu's Direction column says directed, undirected or mutual.
    if (v == "true" || v == "ja" || v == "1" || v == "yes" || v == "wahr" || v == "x" || v == "j" || v == "y" || v == "directed" ||
        v == "gerichtet")
        return true;
    if (v == "false" || v == "nein" || v == "0" || v == "no" || v == "falsch" || v == "n" || v.empty() || v == "undirected" ||
        v == "mutual" || v == "ungerichtet" || v == "gegenseitig")
        return false;
    throw InputError(where + ": \"" + value + "\" is not a yes/no value (use true/false, ja/nein or 1/0)");
}

double parseNumber(const std::string& value, const std::string& where) {
    std::string v = trim(value);
    if (v.find('.') == std::string::npos) {
        const auto comma = v.find(',');
        if (comma != std::string::npos && v.find(',', comma + 1) == std::string::npos) v[comma] = '.';
    }
    if (v.empty()) throw InputError(where + ": a number is missing");
    char* end = nullptr;
    errno = 0;
    const double d = std::strtod(v.c_str(), &end);
    if (end != v.c_str() + v.size() || errno == ERANGE || !std::isfinite(d))
        throw InputError(where + ": \"" + value + "\" is not a finite number");
    return d;
}

std::vector<std::string> splitList(const std::string& value) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find('|', start);
        if (end == std::string::npos) end = value.size();
        std::string item = trim(std::string_view(value).substr(start, end - start));
        if (!item.empty()) items.push_back(std::move(item));
        start = end + 1;
    }
    return items;
}

void setActorField(Actor& a, ActorField field, const std::string& value, FieldContext& ctx) {
    switch (field) {
        case ActorField::None: break;
        case ActorField::Id: a.id = trim(value); break;
        case ActorField::Name: a.name = trim(value); break;
        case ActorField::ShortName: a.shortName = trim(value); break;
        case ActorField::Sector: a.sector = categoryKey(ctx.taxonomy, CategoryKind::Sector, value, ctx); break;
        case ActorField::Fields: a.fields = categoryKeys(ctx.taxonomy, CategoryKind::Field, value, ctx); break;
        case ActorField::Level: a.level = categoryKey(ctx.taxonomy, CategoryKind::Level, value, ctx); break;
        case ActorField::Influence: {
            if (trim(value).empty()) { a.influence = 0; break; }
            const double d = parseNumber(value, ctx.where);
            if (d < 0 || d > 5 || d != std::floor(d))
                throw InputError(ctx.where + ": influence \"" + value + "\" must be a whole number from 0 to 5");
            a.influence = static_cast<int>(d);
            break;
        }
        case ActorField::ContactPoint: a.contactPoint = parseBool(value, ctx.where); break;
        case ActorField::ContactPerson: a.contactPerson = trim(value); break;
        case ActorField::Consent: a.consent = parseBool(value, ctx.where); break;
        case ActorField::ConsentDate: a.consentDate = trim(value); break;
        case ActorField::Tags: a.tags = splitList(value); break;
        case ActorField::Note: a.note = value; break;
        case ActorField::X:
            if (trim(value).empty()) break;
            a.x = parseNumber(value, ctx.where);
            a.placed = true;
            break;
        case ActorField::Y:
            if (trim(value).empty()) break;
            a.y = parseNumber(value, ctx.where);
            a.placed = true;
            break;
        case ActorField::Pinned: a.pinned = parseBool(value, ctx.where); break;
    }
}

void setLinkField(Link& l, LinkField field, const std::string& value, FieldContext& ctx) {
    switch (field) {
        case LinkField::None: break;
        case LinkField::Id: l.id = trim(value); break;
        case LinkField::Source: l.source = trim(value); break;
        case LinkField::Target: l.target = trim(value); break;
        case LinkField::Type: l.type = categoryKey(ctx.taxonomy, CategoryKind::LinkType, value, ctx); break;
        case LinkField::Strength: {
            if (trim(value).empty()) { l.strength = 1; break; }
            const double s = parseNumber(value, ctx.where);
            if (!(s > 0)) throw InputError(ctx.where + ": strength \"" + value + "\" must be a positive number");
            l.strength = s;
            break;
        }
        case LinkField::Directed: l.directed = parseBool(value, ctx.where); break;
        case LinkField::Status: {
            std::string k = categoryKey(ctx.taxonomy, CategoryKind::Status, value, ctx);
            l.status = k.empty() ? "besteht" : k;
            break;
        }
        case LinkField::Fields: l.fields = categoryKeys(ctx.taxonomy, CategoryKind::Field, value, ctx); break;
        case LinkField::Note: l.note = value; break;
    }
}

}  // namespace knp
