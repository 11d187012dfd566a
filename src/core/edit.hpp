#pragma once
// Edits: every change to a network is an Edit, a list of primitive operations that carry
// everything needed to undo them (the full record before and after). An Edit is applied
// all-or-nothing, its inverse undoes it exactly, and it serialises to JSON for the project
// file's undo history. Commands (core/commands.hpp) build Edits from user intentions.
#include <string>
#include <variant>
#include <vector>

#include "core/network.hpp"

namespace knp {

struct InsertActor { Actor actor; };
struct EraseActor { Actor actor; };            // the erased record, for undo
struct ReplaceActor { Actor before, after; };  // same id and ord
struct InsertLink { Link link; };
struct EraseLink { Link link; };
struct ReplaceLink { Link before, after; };    // same id and ord
struct SetName { std::string before, after; };
struct SetTaxonomy { Taxonomy before, after; };

using Op = std::variant<InsertActor, EraseActor, ReplaceActor, InsertLink, EraseLink, ReplaceLink,
                        SetName, SetTaxonomy>;

struct Edit {
    std::string kind;     // what the user did: add_actor, remove_actor, move, import, ...
    std::string subject;  // whom it concerns, for history lists (an actor's name, a snapshot)
    std::vector<Op> ops;

    bool empty() const { return ops.empty(); }
};

// Applies all operations or none: each one's preconditions are checked (records to erase or
// replace must equal the stored ones, new records must be valid and their ids free); on the
// first failure the operations already applied are undone and ValidationError is thrown.
void applyEdit(Network& network, const Edit& edit);

// The edit that undoes `edit`: inverse operations in reverse order.
Edit inverse(const Edit& edit);

}  // namespace knp
