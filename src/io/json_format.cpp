#include "io/json_format.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "core/errors.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"
#include "io/network_builder.hpp"
#include "io/text_encoding.hpp"

namespace knp {

using nlohmann::json;

namespace {

constexpr int kJsonSchemaVersion = 1;

json taxonomyJson(const Taxonomy& t);

json labelList(const Taxonomy& t, CategoryKind kind, const std::vector<std::string>& keys, Lang lang) {
    json out = json::array();
    for (const std::string& k : keys) out.push_back(t.labelOf(kind, k, lang));
    return out;
}

// A JSON value as the text the field mapping reads: lists joined by '|', booleans as words.
std::string asText(const json& v, const std::string& where, const std::string& name) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number_float()) {
        std::ostringstream s;
        s.precision(17);
        s << v.get<double>();
        return s.str();
    }
    if (v.is_null()) return "";
    if (v.is_array()) {
        std::string out;
        for (const json& item : v) out += (out.empty() ? "" : "|") + asText(item, where, name);
        return out;
    }
    throw InputError(where + ": \"" + name + "\" holds an object; expected text, a number, true/false or a list");
}

std::size_t lineAt(const std::string& text, std::size_t byte) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

// Whether each character of JSON text lies in a string literal (its quotes included).
struct StringState {
    bool inString = false, escaped = false;
    // True for characters of a string; `content` is set for those inside the quotes.
    bool take(char c, bool& content) {
        content = false;
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') { inString = false; return true; }
            content = true;
            return true;
        }
        if (c == '"') { inString = true; return true; }
        return false;
    }
};

// Lines where the elements of the top-level array `key` ("nodes", "links") begin, for messages
// (nlohmann/json keeps no positions). A scan over strings and nesting only; the text has
// already been parsed, so it is valid JSON.
std::vector<std::size_t> elementLines(const std::string& text, const std::string& key) {
    std::vector<std::size_t> lines;
    std::size_t line = 1;
    int depth = 0;
    bool inArray = false, expectElement = false, content = false;
    StringState strings;
    std::string current, lastKey;
    for (const char c : text) {
        if (c == '\n') ++line;
        const bool wasInString = strings.inString;
        if (strings.take(c, content)) {
            if (!wasInString) {
                if (inArray && depth == 2 && expectElement) {
                    lines.push_back(line);
                    expectElement = false;
                }
                current.clear();
            } else if (content) {
                current += c;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (inArray && depth == 2 && expectElement && c != ']') {
            lines.push_back(line);
            expectElement = false;
        }
        if (c == ':' && depth == 1) {
            lastKey = current;
        } else if (c == '{' || c == '[') {
            ++depth;
            if (c == '[' && depth == 2 && lastKey == key) {
                inArray = true;
                expectElement = true;
            }
        } else if (c == '}' || c == ']') {
            if (depth == 2 && inArray) inArray = false;
            --depth;
        } else if (c == ',' && inArray && depth == 2) {
            expectElement = true;
        }
    }
    return lines;
}

// Refuses nesting deeper than `limit` before parsing: nlohmann/json builds and frees nested
// values recursively, and a million brackets would overflow the stack.
void checkDepth(const std::string& text, const std::string& file, int limit) {
    int depth = 0;
    bool content = false;
    StringState strings;
    std::size_t line = 1;
    for (const char c : text) {
        if (c == '\n') ++line;
        if (strings.take(c, content)) continue;
        if (c == '[' || c == '{') {
            if (++depth > limit)
                throw InputError(file + ":" + std::to_string(line) + ": nested deeper than " + std::to_string(limit) +
                                 " levels; a network needs 4");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

}  // namespace

namespace {

// The node-link document of a network (without our block).
json nodeLinkDocument(const Network& net, const JsonExportOptions& o) {
    const Taxonomy& t = net.taxonomy;
    bool allDirected = !net.links().empty();
    for (const Link& l : net.links()) allDirected = allDirected && l.directed;
    json doc;
    doc["directed"] = allDirected;
    doc["multigraph"] = true;
    doc["graph"] = {{"name", net.name}};
    json nodes = json::array();
    for (const Actor& a : net.actors()) {
        json n = {{"id", a.id}, {"label", a.name}};
        if (!a.shortName.empty()) n["short_name"] = a.shortName;
        if (!a.sector.empty()) n["sector"] = t.labelOf(CategoryKind::Sector, a.sector, o.lang);
        if (!a.fields.empty()) n["fields"] = labelList(t, CategoryKind::Field, a.fields, o.lang);
        if (!a.level.empty()) n["level"] = t.labelOf(CategoryKind::Level, a.level, o.lang);
        n["influence"] = a.influence;
        n["contact_point"] = a.contactPoint;
        if (!a.tags.empty()) n["tags"] = a.tags;
        if (!a.note.empty()) n["note"] = a.note;
        if (a.placed) {
            n["x"] = a.x;
            n["y"] = a.y;
        }
        if (a.pinned) n["pinned"] = true;
        if (!a.attributes.empty()) n["attributes"] = a.attributes;  // contact persons are left out
        nodes.push_back(std::move(n));
    }
    json links = json::array();
    for (const Link& l : net.links()) {
        json e = {{"id", l.id}, {"key", l.id}, {"source", l.source}, {"target", l.target}};
        if (!l.type.empty()) e["type"] = t.labelOf(CategoryKind::LinkType, l.type, o.lang);
        e["weight"] = l.strength;
        e["status"] = t.labelOf(CategoryKind::Status, l.status, o.lang);
        e["directed"] = l.directed;
        if (!l.fields.empty()) e["fields"] = labelList(t, CategoryKind::Field, l.fields, o.lang);
        if (!l.note.empty()) e["note"] = l.note;
        if (!l.attributes.empty()) e["attributes"] = l.attributes;
        links.push_back(std::move(e));
    }
    doc["nodes"] = std::move(nodes);
    doc["links"] = std::move(links);
    return doc;
}

}  // namespace

std::string jsonText(const Network& net, const JsonExportOptions& o) {
    json doc = nodeLinkDocument(net, o);
    doc["knotenpunkt"] = {{"schema", kJsonSchemaVersion}, {"language", o.lang == Lang::En ? "en" : "de"}, {"taxonomy", taxonomyJson(net.taxonomy)}};
    if (!o.snapshots.empty()) {
        json snapshots = json::array();
        for (const NetworkSnapshot& s : o.snapshots)
            snapshots.push_back({{"name", s.name}, {"created", s.created}, {"network", nodeLinkDocument(s.network, o)}});
        doc["knotenpunkt"]["snapshots"] = std::move(snapshots);
    }
    return doc.dump(1, '\t', false, json::error_handler_t::replace) + "\n";
}

void exportJson(const Network& network, const std::string& path, const JsonExportOptions& o) {
    writeFileAtomically(path, jsonText(network, o));
}

namespace {

// The taxonomy in use, so that a municipality's own categories keep their colours and both
// labels: {"sectors": [{"key", "de", "en", "color": "#RRGGBB"}], "fields", "link_types" (with
// "line": solid, dashed, dotted), "statuses", "levels"}.
const std::pair<CategoryKind, const char*> kTaxonomyLists[] = {{CategoryKind::Sector, "sectors"},
                                                               {CategoryKind::Field, "fields"},
                                                               {CategoryKind::LinkType, "link_types"},
                                                               {CategoryKind::Status, "statuses"},
                                                               {CategoryKind::Level, "levels"}};

json taxonomyJson(const Taxonomy& t) {
    json out = json::object();
    for (const auto& [kind, name] : kTaxonomyLists) {
        json list = json::array();
        for (const Category& c : t.list(kind)) {
            json item = {{"key", c.key}, {"de", c.labelDe}, {"en", c.labelEn}, {"color", colorHex(c.color)}};
            if (kind == CategoryKind::LinkType || kind == CategoryKind::Status)
                item["line"] = c.line == LineStyle::Dashed ? "dashed" : c.line == LineStyle::Dotted ? "dotted" : "solid";
            list.push_back(std::move(item));
        }
        out[name] = std::move(list);
    }
    return out;
}

// Reads a taxonomy written by taxonomyJson; InputError naming what is wrong.
Taxonomy taxonomyFromJson(const json& j, const std::string& where) {
    if (!j.is_object()) throw InputError(where + ": \"taxonomy\" must be an object");
    Taxonomy t = Taxonomy::defaults();
    for (const auto& [kind, name] : kTaxonomyLists) {
        if (!j.contains(name)) continue;
        const json& list = j[name];
        if (!list.is_array()) throw InputError(where + ": taxonomy \"" + name + "\" must be a list");
        std::vector<Category> categories;
        for (const json& item : list) {
            if (!item.is_object() || !item.contains("key") || !item["key"].is_string() || item["key"].get<std::string>().empty())
                throw InputError(where + ": every category of \"" + name + "\" needs a \"key\"");
            Category c;
            c.key = item["key"].get<std::string>();
            c.labelDe = item.contains("de") && item["de"].is_string() ? item["de"].get<std::string>() : c.key;
            c.labelEn = item.contains("en") && item["en"].is_string() ? item["en"].get<std::string>() : c.labelDe;
            if (item.contains("color") && item["color"].is_string()) {
                const std::string hex = item["color"].get<std::string>();
                const std::optional<std::uint32_t> color = parseColorHex(hex);
                if (!color) throw InputError(where + ": colour \"" + hex + "\" of " + c.key + " is not #RRGGBB");
                c.color = *color;
            }
            const std::string line = item.contains("line") && item["line"].is_string() ? item["line"].get<std::string>() : "solid";
            c.line = line == "dashed" ? LineStyle::Dashed : line == "dotted" ? LineStyle::Dotted : LineStyle::Solid;
            if (std::any_of(categories.begin(), categories.end(), [&](const Category& o) { return o.key == c.key; }))
                throw InputError(where + ": category \"" + c.key + "\" appears twice in \"" + name + "\"");
            categories.push_back(std::move(c));
        }
        if (!categories.empty()) t.list(kind) = std::move(categories);
    }
    return t;
}

// Kumu's JSON (its import format and its blueprint export): "elements" with a label (at the top
// or under "attributes"), "_id" or "id", "type"/"element type", "description", "tags"; and
// "connections" whose "from" and "to" name an element by id or label, with "direction"
// (directed, undirected, mutual) and "type"/"connection type".
ImportResult parseKumuJson(const json& doc, const std::string& text, const std::string& file, const std::string& name) {
    ImportResult out;
    out.network.name = name;
    NetworkBuilder builder(out);
    if (!doc["elements"].is_array()) throw InputError(file + ": \"elements\" must be a list");
    const std::vector<std::size_t> elementLineNumbers = elementLines(text, "elements");
    auto at = [&](const std::vector<std::size_t>& lines, std::size_t i, const char* what) {
        return file + ":" + (i < lines.size() ? std::to_string(lines[i]) : std::string("?")) + ": " + what + " " + std::to_string(i + 1);
    };
    // Kumu's fields of an element or connection, at the top or under "attributes".
    auto fields = [](const json& item) {
        std::vector<std::pair<std::string, const json*>> all;
        for (const auto& [k, v] : item.items())
            if (k != "attributes") all.emplace_back(k, &v);
        if (item.contains("attributes") && item["attributes"].is_object())
            for (const auto& [k, v] : item["attributes"].items()) all.emplace_back(k, &v);
        return all;
    };
    std::map<std::string, std::string> idOf;  // element _id or label -> actor id
    std::size_t index = 0;
    for (const json& element : doc["elements"]) {
        const std::string where = at(elementLineNumbers, index++, "element");
        if (!element.is_object()) throw InputError(where + ": an element must be an object");
        Actor actor;
        std::string kumuId;
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        for (const auto& [key, value] : fields(element)) {
            const std::string v = asText(*value, where, key);
            const std::string lower = normalizeLabel(key);
            if (lower == "_id" || lower == "id") kumuId = v;
            else if (lower == "label" || lower == "name") actor.name = trim(v);
            else if (lower == "element type" || lower == "type") setActorField(actor, ActorField::Sector, v, ctx);
            else if (const ActorField f = actorFieldFor(key); f == ActorField::None || f == ActorField::Id) actor.attributes[key] = v;
            else setActorField(actor, f, v, ctx);
        }
        if (actor.name.empty()) throw InputError(where + ": an element needs a \"label\"");
        actor.id = kumuId.empty() ? actor.name : kumuId;
        idOf[actor.id] = actor.id;
        idOf.emplace(actor.name, actor.id);
        builder.addActor(std::move(actor), where);
    }
    if (doc.contains("connections")) {
        if (!doc["connections"].is_array()) throw InputError(file + ": \"connections\" must be a list");
        const std::vector<std::size_t> lines = elementLines(text, "connections");
        index = 0;
        for (const json& connection : doc["connections"]) {
            const std::string where = at(lines, index++, "connection");
            if (!connection.is_object() || !connection.contains("from") || !connection.contains("to"))
                throw InputError(where + ": a connection needs \"from\" and \"to\"");
            Link link;
            link.directed = true;  // Kumu's default
            FieldContext ctx{out.network.taxonomy, out.warnings, where};
            for (const auto& [key, value] : fields(connection)) {
                const std::string v = asText(*value, where, key);
                const std::string lower = normalizeLabel(key);
                if (lower == "from" || lower == "to") {
                    const auto it = idOf.find(trim(v));
                    (lower == "from" ? link.source : link.target) = it == idOf.end() ? trim(v) : it->second;
                } else if (lower == "_id" || lower == "id") {
                    link.id = v;
                } else if (lower == "direction") {
                    if (v != "directed" && v != "undirected" && v != "mutual")
                        throw InputError(where + ": direction \"" + v + "\" is none of directed, undirected, mutual");
                    link.directed = v == "directed";
                } else if (lower == "connection type" || lower == "type") {
                    setLinkField(link, LinkField::Type, v, ctx);
                } else if (const LinkField f = linkFieldFor(key); f == LinkField::None || f == LinkField::Id || f == LinkField::Source || f == LinkField::Target) {
                    link.attributes[key] = v;
                } else {
                    setLinkField(link, f, v, ctx);
                }
            }
            builder.addLink(std::move(link), where, "\"from\"", "\"to\"");
        }
    }
    return out;
}

}  // namespace

namespace {

// A networkx node-link document (ours included) as a network. `text` is the document's text for
// line numbers (empty: none); `taxonomy`, when given, is the one to start from.
ImportResult parseNodeLink(json& doc, const std::string& text, const std::string& file, const std::string& stem, const Taxonomy* taxonomy) {
    const char* linksKey = doc.contains("links") ? "links" : (doc.contains("edges") ? "edges" : nullptr);
    if (!doc.contains("nodes") || !doc["nodes"].is_array())
        throw InputError(file + ":1: no \"nodes\" list: this JSON is not a network (expected networkx node-link, Kumu's \"elements\" and \"connections\", or Knotenpunkt's export)");
    ImportResult out;
    out.network.name = stem;
    if (taxonomy) out.network.taxonomy = *taxonomy;
    // Our own export: the taxonomy it was written with.
    if (doc.contains("knotenpunkt") && doc["knotenpunkt"].is_object() && doc["knotenpunkt"].contains("taxonomy"))
        out.network.taxonomy = taxonomyFromJson(doc["knotenpunkt"]["taxonomy"], file + ":" + std::to_string(lineAt(text, text.rfind("\"taxonomy\""))));
    if (doc.contains("graph") && doc["graph"].is_object() && doc["graph"].contains("name") && doc["graph"]["name"].is_string() &&
        !doc["graph"]["name"].get<std::string>().empty())
        out.network.name = doc["graph"]["name"].get<std::string>();
    if (doc.contains("directed") && !doc["directed"].is_boolean()) throw InputError(file + ":1: \"directed\" must be true or false");
    const bool graphDirected = doc.value("directed", false);
    NetworkBuilder builder(out);
    const std::vector<std::size_t> nodeLines = elementLines(text, "nodes");
    auto at = [&](const std::vector<std::size_t>& lines, std::size_t i, const char* what) {
        return file + (i < lines.size() ? ":" + std::to_string(lines[i]) : std::string()) + ": " + what + " " + std::to_string(i + 1);
    };
    std::size_t index = 0;
    for (const json& node : doc["nodes"]) {
        const std::string where = at(nodeLines, index++, "node");
        if (!node.is_object() || !node.contains("id")) throw InputError(where + ": a node needs an \"id\"");
        Actor actor;
        actor.id = asText(node["id"], where, "id");
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        std::string fromName, fromLabel;
        for (const auto& [name, value] : node.items()) {
            if (name == "id") continue;
            if (name == "attributes" && value.is_object()) {
                for (const auto& [k, v] : value.items()) actor.attributes[k] = asText(v, where, k);
                continue;
            }
            const std::string v = asText(value, where, name);
            const std::string lower = normalizeLabel(name);
            if (lower == "name") fromName = trim(v);
            else if (lower == "label") fromLabel = trim(v);
            else if (const ActorField f = actorFieldFor(name); f == ActorField::None || f == ActorField::Id) actor.attributes[name] = v;
            else setActorField(actor, f, v, ctx);
        }
        actor.name = !fromLabel.empty() ? fromLabel : !fromName.empty() ? fromName : actor.id;
        if (!fromLabel.empty() && !fromName.empty() && fromName != fromLabel) actor.attributes["name"] = fromName;
        builder.addActor(std::move(actor), where);
    }
    index = 0;
    if (linksKey && !doc[linksKey].is_array()) throw InputError(file + ": \"" + linksKey + "\" must be a list");
    const std::vector<std::size_t> linkLines = linksKey ? elementLines(text, linksKey) : std::vector<std::size_t>{};
    for (const json& edge : linksKey ? doc[linksKey] : json::array()) {
        const std::string where = at(linkLines, index++, "link");
        if (!edge.is_object() || !edge.contains("source") || !edge.contains("target"))
            throw InputError(where + ": a link needs \"source\" and \"target\"");
        Link link;
        link.source = asText(edge["source"], where, "source");
        link.target = asText(edge["target"], where, "target");
        link.directed = graphDirected;
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        for (const auto& [name, value] : edge.items()) {
            if (name == "source" || name == "target" || name == "key") continue;  // networkx's key counts per pair
            if (name == "attributes" && value.is_object()) {
                for (const auto& [k, v] : value.items()) link.attributes[k] = asText(v, where, k);
                continue;
            }
            const std::string v = asText(value, where, name);
            const LinkField f = linkFieldFor(name);
            if (f == LinkField::Id) link.id = v;
            else if (f == LinkField::None || f == LinkField::Source || f == LinkField::Target) link.attributes[name] = v;
            else setLinkField(link, f, v, ctx);
        }
        builder.addLink(std::move(link), where, "\"source\"", "\"target\"");
    }
    return out;
}

}  // namespace

ImportResult parseJsonNetwork(const std::string& input, const std::string& path) {
    const std::string file = std::filesystem::path(path).filename().string();
    const DecodedText decoded = decodeText(input, file);
    const std::string& text = decoded.utf8;
    checkDepth(text, file, 256);
    json doc;
    try {
        doc = json::parse(text);  // nlohmann limits nothing by itself: the size is checked by importJson
    } catch (const json::parse_error& e) {
        throw InputError(file + ":" + std::to_string(lineAt(text, e.byte > 0 ? e.byte - 1 : 0)) + ": not valid JSON (" +
                         std::string(e.what()).substr(std::string(e.what()).find(':') + 2) + ")");
    } catch (const json::exception& e) {
        // A number beyond a double's range (found by fuzzing): nlohmann names it, not its place.
        const std::string what = e.what();
        const auto open = what.find('\''), close = what.rfind('\'');
        const std::string token = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : std::string();
        const std::size_t at = token.empty() ? std::string::npos : text.find(token);
        throw InputError(file + ":" + std::to_string(at == std::string::npos ? 1 : lineAt(text, at)) + ": not valid JSON (" +
                         what.substr(what.find(']') + 2) + ")");
    }
    if (!doc.is_object()) throw InputError(file + ":1: expected a JSON object with \"nodes\" and \"links\"");
    if (doc.contains("elements") && !doc.contains("nodes")) return parseKumuJson(doc, text, file, std::filesystem::path(path).stem().string());
    ImportResult out = parseNodeLink(doc, text, file, std::filesystem::path(path).stem().string(), nullptr);
    // Our own export of a project: its snapshots, each a node-link document of its own.
    if (doc.contains("knotenpunkt") && doc["knotenpunkt"].is_object() && doc["knotenpunkt"].contains("snapshots")) {
        json& snapshots = doc["knotenpunkt"]["snapshots"];
        if (!snapshots.is_array()) throw InputError(file + ": \"snapshots\" must be a list");
        for (json& item : snapshots) {
            if (!item.is_object() || !item.contains("name") || !item["name"].is_string() || !item.contains("network") || !item["network"].is_object())
                throw InputError(file + ": every snapshot needs a \"name\" and a \"network\"");
            NetworkSnapshot snapshot;
            snapshot.name = item["name"].get<std::string>();
            snapshot.created = item.contains("created") && item["created"].is_string() ? item["created"].get<std::string>() : std::string();
            ImportResult r = parseNodeLink(item["network"], std::string(), file + " (snapshot \"" + snapshot.name + "\")", out.network.name,
                                           &out.network.taxonomy);
            snapshot.network = std::move(r.network);
            out.snapshots.push_back(std::move(snapshot));
        }
    }
    return out;
}

ImportResult importJson(const std::string& path) { return parseJsonNetwork(readInputFile(path, kMaxInputBytes), path); }

}  // namespace knp
