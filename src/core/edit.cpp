#include "core/edit.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/overloaded.hpp"
#include "core/validation.hpp"

namespace knp {

namespace {

void requireStoredActor(const Network& n, const Actor& expected, const char* op) {
    const Actor* stored = n.findActor(expected.id);
    if (!stored) throw ValidationError(std::string(op) + ": actor \"" + expected.id + "\" does not exist");
    if (!(*stored == expected))
        throw ValidationError(std::string(op) + ": actor \"" + expected.id + "\" was changed in the meantime");
}

void requireStoredLink(const Network& n, const Link& expected, const char* op) {
    const Link* stored = n.findLink(expected.id);
    if (!stored) throw ValidationError(std::string(op) + ": link \"" + expected.id + "\" does not exist");
    if (!(*stored == expected))
        throw ValidationError(std::string(op) + ": link \"" + expected.id + "\" was changed in the meantime");
}

void applyOp(Network& n, const Op& op) {
    std::visit(Overloaded{
        [&](const InsertActor& o) {
            if (const Actor* a = n.findActor(o.actor.id))
                throw ValidationError("actor id \"" + o.actor.id + "\" is already used by \"" + a->name + "\"");
            if (n.hasActorOrd(o.actor.ord)) throw ValidationError("actor \"" + o.actor.id + "\": order slot in use");
            validateActor(o.actor, n.taxonomy);
            n.insertActor(o.actor);
        },
        [&](const EraseActor& o) {
            requireStoredActor(n, o.actor, "remove");
            if (std::size_t c = n.linkCount(o.actor.id))
                throw ValidationError("actor \"" + o.actor.id + "\" still has " + std::to_string(c) + " link(s)");
            n.eraseActor(o.actor.id);
        },
        [&](const ReplaceActor& o) {
            requireStoredActor(n, o.before, "update");
            if (o.after.id != o.before.id || o.after.ord != o.before.ord)
                throw ValidationError("actor \"" + o.before.id + "\": an id cannot be changed");
            validateActor(o.after, n.taxonomy);
            n.replaceActor(o.after);
        },
        [&](const InsertLink& o) {
            if (n.findLink(o.link.id)) throw ValidationError("link id \"" + o.link.id + "\" is already used");
            if (n.hasLinkOrd(o.link.ord)) throw ValidationError("link \"" + o.link.id + "\": order slot in use");
            validateLink(o.link, n);
            n.insertLink(o.link);
        },
        [&](const EraseLink& o) {
            requireStoredLink(n, o.link, "remove");
            n.eraseLink(o.link.id);
        },
        [&](const ReplaceLink& o) {
            requireStoredLink(n, o.before, "update");
            if (o.after.id != o.before.id || o.after.ord != o.before.ord)
                throw ValidationError("link \"" + o.before.id + "\": an id cannot be changed");
            validateLink(o.after, n);
            n.replaceLink(o.after);
        },
        [&](const SetName& o) {
            if (n.name != o.before) throw ValidationError("project name was changed in the meantime");
            n.name = o.after;
        },
        [&](const SetTaxonomy& o) {
            if (!(n.taxonomy == o.before)) throw ValidationError("taxonomy was changed in the meantime");
            n.taxonomy = o.after;
        },
    }, op);
}

Op inverseOp(const Op& op) {
    return std::visit(Overloaded{
        [](const InsertActor& o) -> Op { return EraseActor{o.actor}; },
        [](const EraseActor& o) -> Op { return InsertActor{o.actor}; },
        [](const ReplaceActor& o) -> Op { return ReplaceActor{o.after, o.before}; },
        [](const InsertLink& o) -> Op { return EraseLink{o.link}; },
        [](const EraseLink& o) -> Op { return InsertLink{o.link}; },
        [](const ReplaceLink& o) -> Op { return ReplaceLink{o.after, o.before}; },
        [](const SetName& o) -> Op { return SetName{o.after, o.before}; },
        [](const SetTaxonomy& o) -> Op { return SetTaxonomy{o.after, o.before}; },
    }, op);
}

}  // namespace

void applyEdit(Network& network, const Edit& edit) {
    std::size_t applied = 0;
    try {
        for (; applied < edit.ops.size(); ++applied) applyOp(network, edit.ops[applied]);
    } catch (...) {
        // Roll back: inverses of what was applied cannot fail, they restore checked states.
        while (applied > 0) applyOp(network, inverseOp(edit.ops[--applied]));
        throw;
    }
}

Edit inverse(const Edit& edit) {
    Edit inv{edit.kind, edit.subject, {}};
    inv.ops.reserve(edit.ops.size());
    for (auto it = edit.ops.rbegin(); it != edit.ops.rend(); ++it) inv.ops.push_back(inverseOp(*it));
    return inv;
}

}  // namespace knp
