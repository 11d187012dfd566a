#pragma once
// Actor (node) and Link (edge) records, as DOMAIN.md describes them. Categories are stored by
// their taxonomy key; ids are stable strings chosen by the user or the source file.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace knp {

using Attributes = std::map<std::string, std::string>;  // custom attributes, by name

struct Actor {
    std::string id;                   // stable, unique among actors
    std::string name;                 // never empty
    std::string shortName;
    std::string sector;               // taxonomy key, may be empty (unknown)
    std::vector<std::string> fields;  // fields of action (taxonomy keys), no duplicates
    std::string level;                // taxonomy key: kommunal, kreis, land, bund, or empty
    int influence = 0;                // 0-5, as Net-Map's influence towers
    bool contactPoint = false;        // Anlaufstelle: a first contact point for refugees
    std::string contactPerson;        // personal data (DSGVO)
    bool consent = false;             // the contact person agreed to being recorded (DSGVO Art. 6/7)
    std::string consentDate;          // when (YYYY-MM-DD); empty: not recorded
    std::vector<std::string> tags;
    std::string note;
    double x = 0, y = 0;              // position on the map, valid when placed
    bool placed = false;              // false: no position yet (a layout will place it)
    bool pinned = false;              // layouts keep pinned actors where they are
    Attributes attributes;
    std::int64_t ord = 0;             // order among actors; kept across undo and reopen

    bool operator==(const Actor&) const = default;
};

struct Link {
    std::string id;                   // stable, unique among links
    std::string source;               // actor id
    std::string target;               // actor id, never equal to source
    std::string type;                 // taxonomy key, may be empty (unspecified)
    double strength = 1;              // positive and finite; 1-3 weak/regular/close in the view
    bool directed = false;
    std::string status = "besteht";   // taxonomy key
    std::vector<std::string> fields;  // fields of action the link concerns
    std::string note;
    Attributes attributes;
    std::int64_t ord = 0;             // order among links

    bool operator==(const Link&) const = default;
};

}  // namespace knp
