#include "core/validation.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/errors.hpp"

namespace knp {

namespace {

// YYYY-MM-DD with a month 01-12 and a day 01-31.
bool isIsoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool isBlank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

[[noreturn]] void fail(const char* what, const std::string& id, const std::string& problem) {
    throw ValidationError(std::string(what) + " \"" + id + "\": " + problem);
}

void checkKey(const char* what, const std::string& id, const Taxonomy& taxonomy, CategoryKind kind,
              const std::string& key, bool emptyAllowed) {
    if (key.empty()) {
        if (!emptyAllowed) fail(what, id, std::string(kindName(kind)) + " is missing");
        return;
    }
    if (!taxonomy.byKey(kind, key)) fail(what, id, std::string("unknown ") + kindName(kind) + " \"" + key + "\"");
}

void checkFields(const char* what, const std::string& id, const Taxonomy& taxonomy,
                 const std::vector<std::string>& fields) {
    std::set<std::string> seen;
    for (const std::string& f : fields) {
        checkKey(what, id, taxonomy, CategoryKind::Field, f, false);
        if (!seen.insert(f).second) fail(what, id, "field of action \"" + f + "\" is listed twice");
    }
}

}  // namespace

bool isValidStrength(double strength) { return std::isfinite(strength) && strength > 0; }

void validateActor(const Actor& actor, const Taxonomy& taxonomy) {
    if (actor.id.empty() || isBlank(actor.id)) throw ValidationError("actor with name \"" + actor.name + "\": id is empty");
    if (isBlank(actor.name)) fail("actor", actor.id, "name is empty");
    checkKey("actor", actor.id, taxonomy, CategoryKind::Sector, actor.sector, true);
    checkKey("actor", actor.id, taxonomy, CategoryKind::Level, actor.level, true);
    checkFields("actor", actor.id, taxonomy, actor.fields);
    if (actor.influence < 0 || actor.influence > 5)
        fail("actor", actor.id, "influence " + std::to_string(actor.influence) + " is outside 0-5");
    if (!std::isfinite(actor.x) || !std::isfinite(actor.y)) fail("actor", actor.id, "position is not a finite number");
    if (!actor.consentDate.empty() && !isIsoDate(actor.consentDate))
        fail("actor", actor.id, "consent date \"" + actor.consentDate + "\" is not a date like 2026-03-14");
}

void validateLink(const Link& link, const Network& network) {
    if (link.id.empty() || isBlank(link.id))
        throw ValidationError("link from \"" + link.source + "\" to \"" + link.target + "\": id is empty");
    if (!network.findActor(link.source)) fail("link", link.id, "source \"" + link.source + "\" is not an actor of this network");
    if (!network.findActor(link.target)) fail("link", link.id, "target \"" + link.target + "\" is not an actor of this network");
    if (link.source == link.target) fail("link", link.id, "links actor \"" + link.source + "\" to itself");
    if (!isValidStrength(link.strength)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", link.strength);
        fail("link", link.id, std::string("strength ") + buf + " is not a positive finite number");
    }
    checkKey("link", link.id, network.taxonomy, CategoryKind::LinkType, link.type, true);
    checkKey("link", link.id, network.taxonomy, CategoryKind::Status, link.status, false);
    checkFields("link", link.id, network.taxonomy, link.fields);
}

void validateNetwork(const Network& network) {
    std::set<std::string> ids;
    for (const Actor& a : network.actors()) {
        validateActor(a, network.taxonomy);
        if (!ids.insert(a.id).second) fail("actor", a.id, "id is used twice");
    }
    ids.clear();
    for (const Link& l : network.links()) {
        validateLink(l, network);
        if (!ids.insert(l.id).second) fail("link", l.id, "id is used twice");
    }
}

}  // namespace knp
