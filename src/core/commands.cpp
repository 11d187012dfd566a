#include "core/commands.hpp"

#include <map>
#include <set>

#include "core/errors.hpp"
#include "core/validation.hpp"

namespace knp {

Edit cmdAddActor(const Network& n, Actor actor) {
    if (actor.id.empty()) actor.id = n.freshActorId();
    if (const Actor* existing = n.findActor(actor.id))
        throw ValidationError("actor id \"" + actor.id + "\" is already used by \"" + existing->name + "\"");
    actor.ord = n.nextActorOrd();
    validateActor(actor, n.taxonomy);
    std::string subject = actor.name;
    return Edit{"add_actor", subject, {InsertActor{std::move(actor)}}};
}

Edit cmdUpdateActor(const Network& n, const Actor& after) {
    const Actor* before = n.findActor(after.id);
    if (!before) throw ValidationError("actor \"" + after.id + "\" does not exist");
    Actor updated = after;
    updated.ord = before->ord;
    validateActor(updated, n.taxonomy);
    if (updated == *before) return Edit{"update_actor", before->name, {}};
    return Edit{"update_actor", updated.name, {ReplaceActor{*before, std::move(updated)}}};
}

Edit cmdRemoveActor(const Network& n, const std::string& id) {
    const Actor* actor = n.findActor(id);
    if (!actor) throw ValidationError("actor \"" + id + "\" does not exist");
    Edit edit{"remove_actor", actor->name, {}};
    for (const Link& l : n.links())
        if (l.source == id || l.target == id) edit.ops.push_back(EraseLink{l});
    edit.ops.push_back(EraseActor{*actor});
    return edit;
}

Edit cmdAddLink(const Network& n, Link link) {
    if (link.id.empty()) link.id = n.freshLinkId();
    if (n.findLink(link.id)) throw ValidationError("link id \"" + link.id + "\" is already used");
    link.ord = n.nextLinkOrd();
    validateLink(link, n);
    std::string subject = n.findActor(link.source)->name + " – " + n.findActor(link.target)->name;
    return Edit{"add_link", subject, {InsertLink{std::move(link)}}};
}

Edit cmdUpdateLink(const Network& n, const Link& after) {
    const Link* before = n.findLink(after.id);
    if (!before) throw ValidationError("link \"" + after.id + "\" does not exist");
    Link updated = after;
    updated.ord = before->ord;
    validateLink(updated, n);
    if (updated == *before) return Edit{"update_link", updated.id, {}};
    return Edit{"update_link", updated.id, {ReplaceLink{*before, std::move(updated)}}};
}

Edit cmdRemoveLink(const Network& n, const std::string& id) {
    const Link* link = n.findLink(id);
    if (!link) throw ValidationError("link \"" + id + "\" does not exist");
    return Edit{"remove_link", id, {EraseLink{*link}}};
}

Edit cmdMove(const Network& n, const std::vector<Placement>& placements) {
    Edit edit{"move", "", {}};
    std::set<std::string> seen;
    for (const Placement& p : placements) {
        const Actor* before = n.findActor(p.actorId);
        if (!before) throw ValidationError("actor \"" + p.actorId + "\" does not exist");
        if (!seen.insert(p.actorId).second) throw ValidationError("actor \"" + p.actorId + "\" is moved twice in one step");
        Actor after = *before;
        after.x = p.x;
        after.y = p.y;
        after.placed = true;
        validateActor(after, n.taxonomy);
        if (after == *before) continue;
        if (edit.subject.empty()) edit.subject = before->name;
        edit.ops.push_back(ReplaceActor{*before, std::move(after)});
    }
    if (edit.ops.size() > 1) edit.subject = std::to_string(edit.ops.size());
    return edit;
}

Edit cmdRename(const Network& n, const std::string& name) {
    if (name == n.name) return Edit{"rename", name, {}};
    return Edit{"rename", name, {SetName{n.name, name}}};
}

Edit cmdReplaceContent(const Network& n, const Network& target, std::string kind, std::string subject) {
    Edit edit{std::move(kind), std::move(subject), {}};
    // Records present in both with the same ord are replaced in place; all others are erased
    // from the current network and inserted from the target.
    auto keepActor = [&](const Actor& a) { const Actor* t = target.findActor(a.id); return t && t->ord == a.ord; };
    auto keepLink = [&](const Link& l) { const Link* t = target.findLink(l.id); return t && t->ord == l.ord; };
    for (const Link& l : n.links())
        if (!keepLink(l)) edit.ops.push_back(EraseLink{l});
    // Links kept in place but pointing at an actor about to be erased must leave first too.
    std::set<std::string> erasedActors;
    for (const Actor& a : n.actors())
        if (!keepActor(a)) erasedActors.insert(a.id);
    std::vector<const Link*> relinked;
    for (const Link& l : n.links())
        if (keepLink(l) && (erasedActors.count(l.source) || erasedActors.count(l.target))) {
            edit.ops.push_back(EraseLink{l});
            relinked.push_back(&l);
        }
    for (const Actor& a : n.actors())
        if (!keepActor(a)) edit.ops.push_back(EraseActor{a});
    if (!(n.taxonomy == target.taxonomy)) edit.ops.push_back(SetTaxonomy{n.taxonomy, target.taxonomy});
    if (n.name != target.name) edit.ops.push_back(SetName{n.name, target.name});
    for (const Actor& a : n.actors())
        if (keepActor(a)) {
            const Actor& t = *target.findActor(a.id);
            if (!(t == a)) edit.ops.push_back(ReplaceActor{a, t});
        }
    for (const Actor& t : target.actors()) {
        const Actor* a = n.findActor(t.id);
        if (!a || a->ord != t.ord) edit.ops.push_back(InsertActor{t});
    }
    std::set<std::string> relinkedIds;
    for (const Link* l : relinked) relinkedIds.insert(l->id);
    for (const Link& l : n.links())
        if (keepLink(l) && !relinkedIds.count(l.id)) {
            const Link& t = *target.findLink(l.id);
            if (!(t == l)) edit.ops.push_back(ReplaceLink{l, t});
        }
    for (const Link& t : target.links()) {
        const Link* l = n.findLink(t.id);
        if (!l || l->ord != t.ord || relinkedIds.count(t.id)) edit.ops.push_back(InsertLink{t});
    }
    return edit;
}

namespace {

// Copies the incoming record's categories into `taxonomy`, returning the key in `taxonomy`.
std::string mapKey(Taxonomy& taxonomy, const Taxonomy& from, CategoryKind kind, const std::string& key) {
    if (key.empty()) return key;
    const Category* c = from.byKey(kind, key);
    if (!c) return key;
    if (const Category* mine = taxonomy.byKey(kind, key); mine && mine->labelDe == c->labelDe) return key;
    if (const Category* mine = taxonomy.find(kind, c->labelDe)) return mine->key;
    std::string newKey = taxonomy.addCustom(kind, c->labelDe);
    for (Category& mine : taxonomy.list(kind))
        if (mine.key == newKey) { mine.labelEn = c->labelEn; mine.color = c->color; mine.line = c->line; }
    return newKey;
}

void mapKeys(Taxonomy& taxonomy, const Taxonomy& from, CategoryKind kind, std::vector<std::string>& keys) {
    for (std::string& k : keys) k = mapKey(taxonomy, from, kind, k);
}

}  // namespace

Edit cmdMerge(const Network& n, const Network& incoming, std::vector<std::string>* warnings) {
    Edit edit{"import", incoming.name, {}};
    Taxonomy taxonomy = n.taxonomy;
    std::vector<Actor> newActors;
    std::map<std::string, std::size_t> newActorIndex;
    std::int64_t actorOrd = n.nextActorOrd();
    for (Actor a : incoming.actors()) {
        a.sector = mapKey(taxonomy, incoming.taxonomy, CategoryKind::Sector, a.sector);
        a.level = mapKey(taxonomy, incoming.taxonomy, CategoryKind::Level, a.level);
        mapKeys(taxonomy, incoming.taxonomy, CategoryKind::Field, a.fields);
        if (const Actor* existing = n.findActor(a.id)) {
            Actor merged = *existing;
            if (merged.shortName.empty()) merged.shortName = a.shortName;
            if (merged.sector.empty()) merged.sector = a.sector;
            if (merged.fields.empty()) merged.fields = a.fields;
            if (merged.level.empty()) merged.level = a.level;
            if (merged.contactPerson.empty()) merged.contactPerson = a.contactPerson;
            if (merged.note.empty()) merged.note = a.note;
            if (merged.tags.empty()) merged.tags = a.tags;
            if (merged.influence == 0) merged.influence = a.influence;
            merged.contactPoint = merged.contactPoint || a.contactPoint;
            if (!merged.placed && a.placed) { merged.x = a.x; merged.y = a.y; merged.placed = true; }
            for (const auto& [k, v] : a.attributes) merged.attributes.emplace(k, v);
            if (!(merged == *existing)) edit.ops.push_back(ReplaceActor{*existing, merged});
            if (warnings && existing->name != a.name)
                warnings->push_back("actor \"" + a.id + "\" exists already as \"" + existing->name + "\"; empty fields were completed");
            continue;
        }
        a.ord = actorOrd++;
        newActorIndex[a.id] = newActors.size();
        newActors.push_back(std::move(a));
    }
    if (!(taxonomy == n.taxonomy)) edit.ops.push_back(SetTaxonomy{n.taxonomy, taxonomy});
    for (Actor& a : newActors) edit.ops.push_back(InsertActor{std::move(a)});

    std::set<std::string> usedLinkIds;
    for (const Link& l : n.links()) usedLinkIds.insert(l.id);
    std::int64_t linkOrd = n.nextLinkOrd();
    std::size_t counter = n.links().size() + 1;
    for (Link l : incoming.links()) {
        l.type = mapKey(taxonomy, incoming.taxonomy, CategoryKind::LinkType, l.type);
        l.status = mapKey(taxonomy, incoming.taxonomy, CategoryKind::Status, l.status);
        mapKeys(taxonomy, incoming.taxonomy, CategoryKind::Field, l.fields);
        if (usedLinkIds.count(l.id)) {
            std::string fresh;
            do {
                fresh = "l";
                fresh += std::to_string(counter++);
            } while (usedLinkIds.count(fresh) || incoming.findLink(fresh));
            if (warnings) warnings->push_back("link id \"" + l.id + "\" is taken; the imported link became \"" + fresh + "\"");
            l.id = fresh;
        }
        usedLinkIds.insert(l.id);
        l.ord = linkOrd++;
        edit.ops.push_back(InsertLink{std::move(l)});
    }
    // A taxonomy change must come before records that use new categories.
    if (edit.ops.size() > 1)
        for (std::size_t i = 0; i < edit.ops.size(); ++i)
            if (std::holds_alternative<SetTaxonomy>(edit.ops[i])) {
                Op tax = std::move(edit.ops[i]);
                edit.ops.erase(edit.ops.begin() + static_cast<std::ptrdiff_t>(i));
                edit.ops.insert(edit.ops.begin(), std::move(tax));
                break;
            }
    return edit;
}

void Document::execute(Edit edit) {
    if (edit.empty()) return;
    applyEdit(network, edit);
    undo_.push_back(std::move(edit));
    redo_.clear();
}

bool Document::undo() {
    if (undo_.empty()) return false;
    applyEdit(network, inverse(undo_.back()));
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    return true;
}

bool Document::redo() {
    if (redo_.empty()) return false;
    applyEdit(network, redo_.back());
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    return true;
}

}  // namespace knp
