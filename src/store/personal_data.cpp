// Personal data in a project file (DSGVO): everything stored about one contact person
// (Art. 15) and erasing it everywhere in the file (Art. 17), history and snapshots included.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/json_codec.hpp"
#include "store/project_file.hpp"

namespace knp {

using json = nlohmann::json;

namespace {

constexpr const char* kErased = "[gelöscht]";

// The name as compared: ASCII letters lower case, runs of white space as one space, trimmed.
std::string fold(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// What is erased: the name as given and every spelling of it found in contact person fields.
struct Target {
    std::string folded;
    std::set<std::string> spellings;
    std::size_t contactFields = 0, replacements = 0;

    bool isPerson(const std::string& value) const { return !value.empty() && fold(value) == folded; }
    // Free text: every spelling replaced.
    std::string scrub(std::string text) {
        for (const std::string& sp : spellings) {
            if (sp.empty()) continue;
            for (std::size_t at = text.find(sp); at != std::string::npos; at = text.find(sp, at + std::char_traits<char>::length(kErased))) {
                text.replace(at, sp.size(), kErased);
                ++replacements;
            }
        }
        return text;
    }
    // A record (actor or link) as JSON, wherever it is: history steps hold records before and
    // after, snapshots hold networks.
    void walk(json& j) {
        if (j.is_object()) {
            if (auto it = j.find("contact_person"); it != j.end() && it->is_string() && isPerson(it->get<std::string>())) {
                *it = "";
                j["consent"] = false;
                j["consent_date"] = "";
                ++contactFields;
            }
            for (auto& [key, value] : j.items()) {
                if (key == "note" && value.is_string()) value = scrub(value.get<std::string>());
                else if (key == "tags" && value.is_array()) {
                    for (json& t : value)
                        if (t.is_string()) t = scrub(t.get<std::string>());
                } else if (key == "attributes" && value.is_object()) {
                    for (auto& [k, v] : value.items())
                        if (v.is_string()) v = scrub(v.get<std::string>());
                } else if (value.is_structured()) {
                    walk(value);
                }
            }
        } else if (j.is_array()) {
            for (json& e : j) walk(e);
        }
    }
};

// Every spelling of the person in contact person fields anywhere in the file.
void collectSpellings(sql::Database& db, Target& t) {
    auto fromJson = [&](const json& j, auto& self) -> void {
        if (j.is_object()) {
            if (auto it = j.find("contact_person"); it != j.end() && it->is_string() && t.isPerson(it->get<std::string>()))
                t.spellings.insert(it->get<std::string>());
            for (const auto& [k, v] : j.items())
                if (v.is_structured()) self(v, self);
        } else if (j.is_array()) {
            for (const json& e : j) self(e, self);
        }
    };
    sql::Statement actors(db, "SELECT contact_person FROM actors");
    while (actors.step())
        if (t.isPerson(actors.text(0))) t.spellings.insert(actors.text(0));
    for (const char* query : {"SELECT edit FROM history", "SELECT network FROM snapshots"}) {
        sql::Statement rows(db, query);
        while (rows.step()) {
            const json j = json::parse(rows.text(0), nullptr, false);
            if (!j.is_discarded()) fromJson(j, fromJson);
        }
    }
}

bool fileContains(const std::string& path, const std::set<std::string>& needles) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const std::string& n : needles)
        if (!n.empty() && bytes.find(n) != std::string::npos) return true;
    return false;
}

}  // namespace

ProjectFile::Erasure ProjectFile::erasePerson(const std::string& name) {
    requireWritable();
    Target t;
    t.folded = fold(name);
    if (t.folded.empty()) throw UsageError("erase-person: the name is empty");
    t.spellings.insert(name);
    // Trimmed as given too: "Frau Nowak " finds "Frau Nowak" in notes.
    std::string trimmed = name;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    t.spellings.insert(trimmed);
    Erasure e;
    {
        sql::Transaction tx(db_);
        collectSpellings(db_, t);
        // The current state, record by record.
        sql::Statement actors(db_, "SELECT ord, contact_person, note, tags, attributes FROM actors");
        sql::Statement putActor(db_, "UPDATE actors SET contact_person=?, consent=?, consent_date=?, note=?, tags=?, attributes=? WHERE ord=?");
        std::vector<std::tuple<std::int64_t, json>> changed;
        while (actors.step()) {
            json record = {{"contact_person", actors.text(1)}, {"note", actors.text(2)}, {"tags", json::parse(actors.text(3))},
                           {"attributes", json::parse(actors.text(4))}};
            const json before = record;
            t.walk(record);
            if (record != before) changed.emplace_back(actors.integer(0), record);
        }
        for (const auto& [ord, r] : changed) {
            // Consent goes with the person; a record whose person stays (a note named the
            // person) keeps its consent.
            std::int64_t consent = 0;
            std::string date;
            if (!r.contains("consent")) {
                sql::Statement keep(db_, "SELECT consent, consent_date FROM actors WHERE ord=?");
                keep.bind(1, ord);
                if (keep.step()) {
                    consent = keep.integer(0);
                    date = keep.text(1);
                }
            }
            putActor.bind(1, r["contact_person"].get<std::string>()).bind(2, consent).bind(3, date).bind(4, r["note"].get<std::string>())
                .bind(5, r["tags"].dump()).bind(6, r["attributes"].dump()).bind(7, ord).run();
        }
        e.contactFields = t.contactFields;
        sql::Statement links(db_, "SELECT ord, note, attributes FROM links");
        sql::Statement putLink(db_, "UPDATE links SET note=?, attributes=? WHERE ord=?");
        std::vector<std::tuple<std::int64_t, json>> changedLinks;
        while (links.step()) {
            json record = {{"note", links.text(1)}, {"attributes", json::parse(links.text(2))}};
            const json before = record;
            t.walk(record);
            if (record != before) changedLinks.emplace_back(links.integer(0), record);
        }
        for (const auto& [ord, r] : changedLinks)
            putLink.bind(1, r["note"].get<std::string>()).bind(2, r["attributes"].dump()).bind(3, ord).run();
        // History and snapshots: the same records as JSON.
        auto rewrite = [&](const char* select, const char* update, std::size_t& count) {
            std::vector<std::pair<std::string, std::string>> rows;
            {
                sql::Statement q(db_, select);
                while (q.step()) {
                    json j = json::parse(q.text(1), nullptr, false);
                    if (j.is_discarded()) continue;
                    const json before = j;
                    t.walk(j);
                    if (j != before) rows.emplace_back(q.text(0), j.dump());
                }
            }
            sql::Statement put(db_, update);
            for (const auto& [key, value] : rows) put.bind(1, value).bind(2, key).run();
            count = rows.size();
        };
        rewrite("SELECT seq, edit FROM history", "UPDATE history SET edit=? WHERE seq=?", e.historyEntries);
        rewrite("SELECT name, network FROM snapshots", "UPDATE snapshots SET network=? WHERE name=?", e.snapshots);
        tx.commit();
    }
    e.textReplacements = t.replacements;
    // Freed pages are zeroed (secure_delete); VACUUM rewrites the file without them.
    db_.exec("VACUUM");
    load();
    for (const Actor& a : network_.actors())
        for (const std::string& sp : t.spellings)
            if (!sp.empty() && (a.name.find(sp) != std::string::npos || a.shortName.find(sp) != std::string::npos ||
                                a.id.find(sp) != std::string::npos))
                e.stillIn.push_back("actor \"" + a.name + "\" (" + a.id + ")");
    std::sort(e.stillIn.begin(), e.stillIn.end());
    e.stillIn.erase(std::unique(e.stillIn.begin(), e.stillIn.end()), e.stillIn.end());
    e.goneFromFile = !fileContains(path_, t.spellings);
    return e;
}

std::string ProjectFile::personData(const std::string& name) {
    Target t;
    t.folded = fold(name);
    if (t.folded.empty()) throw UsageError("person-data: the name is empty");
    collectSpellings(db_, t);
    // Not a contact person anywhere: look for the name as given (in notes, say).
    if (t.spellings.empty()) t.spellings.insert(name);
    json out = {{"person", name}, {"file", path_}, {"spellings", json(std::vector<std::string>(t.spellings.begin(), t.spellings.end()))}};
    json actors = json::array();
    for (const Actor& a : network_.actors()) {
        const bool contact = t.isPerson(a.contactPerson);
        bool named = false;
        for (const std::string& sp : t.spellings) named = named || a.note.find(sp) != std::string::npos;
        if (!contact && !named) continue;
        actors.push_back({{"actor_id", a.id}, {"actor", a.name}, {"contact_person", contact ? a.contactPerson : ""},
                          {"consent", contact && a.consent}, {"consent_date", contact ? a.consentDate : ""},
                          {"note_names_person", named}, {"note", named ? a.note : ""}});
    }
    out["actors"] = actors;
    auto holds = [&](const std::string& text) {
        for (const std::string& sp : t.spellings)
            if (text.find(sp) != std::string::npos) return true;
        return false;
    };
    json history = json::array();
    {
        sql::Statement q(db_, "SELECT seq, kind, subject, created, edit FROM history ORDER BY seq");
        while (q.step())
            if (holds(q.text(4))) history.push_back({{"step", q.integer(0)}, {"kind", q.text(1)}, {"subject", q.text(2)}, {"created", q.text(3)}});
    }
    out["history_steps"] = history;
    json snaps = json::array();
    {
        sql::Statement q(db_, "SELECT name, created, network FROM snapshots ORDER BY created");
        while (q.step())
            if (holds(q.text(2))) snaps.push_back({{"snapshot", q.text(0)}, {"created", q.text(1)}});
    }
    out["snapshots"] = snaps;
    out["note"] = "Alles, was diese Projektdatei über die Person speichert (DSGVO Art. 15). Exporte und Berichte enthalten keine Ansprechpersonen.";
    return out.dump(2);
}

}  // namespace knp
