#include "support/random_edits.hpp"

namespace knp::test {

namespace {

int uniform(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

template <class T>
const T& pick(const std::vector<T>& v, std::mt19937& rng) { return v[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(v.size()) - 1))]; }

Actor randomActor(const Network& n, std::mt19937& rng) {
    static const char* names[] = {"Jobcenter", "Caritas", "Ausländerbehörde", "Sprachcafé", "Bürgerbüro", "VHS", "Tafel", "Kita Sonnenschein"};
    Actor a;
    a.name = std::string(names[uniform(rng, 0, 7)]) + " " + std::to_string(uniform(rng, 1, 999));
    a.sector = uniform(rng, 0, 4) == 0 ? "" : pick(n.taxonomy.sectors, rng).key;
    if (uniform(rng, 0, 1)) a.fields.push_back(n.taxonomy.fields[static_cast<std::size_t>(uniform(rng, 0, 2))].key);
    if (uniform(rng, 0, 2) == 0) a.fields.push_back(n.taxonomy.fields[static_cast<std::size_t>(uniform(rng, 3, 6))].key);
    a.level = uniform(rng, 0, 1) ? pick(n.taxonomy.levels, rng).key : "";
    a.influence = uniform(rng, 0, 5);
    a.contactPoint = uniform(rng, 0, 3) == 0;
    if (uniform(rng, 0, 2) == 0) a.contactPerson = "Frau Müller-" + std::to_string(uniform(rng, 1, 50));
    if (uniform(rng, 0, 2) == 0) a.tags = {"tag" + std::to_string(uniform(rng, 1, 5))};
    if (uniform(rng, 0, 3) == 0) a.attributes["Träger"] = "Stadt";
    if (uniform(rng, 0, 1)) { a.x = uniform(rng, -500, 500) * 0.5; a.y = uniform(rng, -500, 500) * 0.25; a.placed = true; }
    return a;
}

Link randomLink(const Network& n, std::mt19937& rng) {
    Link l;
    l.source = pick(n.actors(), rng).id;
    do l.target = pick(n.actors(), rng).id; while (l.target == l.source);
    l.type = pick(n.taxonomy.linkTypes, rng).key;
    l.strength = uniform(rng, 0, 5) == 0 ? 0.25 * uniform(rng, 1, 40) : uniform(rng, 1, 3);
    l.directed = uniform(rng, 0, 1) == 0;
    l.status = pick(n.taxonomy.statuses, rng).key;
    if (uniform(rng, 0, 2) == 0) l.fields = {pick(n.taxonomy.fields, rng).key};
    if (uniform(rng, 0, 3) == 0) l.note = "Notiz „" + std::to_string(uniform(rng, 1, 9)) + "“";
    return l;
}

}  // namespace

Edit randomEdit(const Network& n, std::mt19937& rng) {
    for (;;) {
        const int kind = uniform(rng, 0, 9);
        if (kind <= 2 || n.actors().size() < 2) return cmdAddActor(n, randomActor(n, rng));
        if (kind == 3) {
            Actor a = randomActor(n, rng);
            const Actor& old = pick(n.actors(), rng);
            a.id = old.id;
            return cmdUpdateActor(n, a);
        }
        if (kind == 4 && n.actors().size() > 3) return cmdRemoveActor(n, pick(n.actors(), rng).id);
        if (kind == 5 || kind == 6) return cmdAddLink(n, randomLink(n, rng));
        if (kind == 7 && !n.links().empty()) {
            Link l = randomLink(n, rng);
            const Link& old = pick(n.links(), rng);
            l.id = old.id;
            return cmdUpdateLink(n, l);
        }
        if (kind == 8 && !n.links().empty()) return cmdRemoveLink(n, pick(n.links(), rng).id);
        if (kind == 9) {
            if (uniform(rng, 0, 4) == 0) return cmdRename(n, "Stadt " + std::to_string(uniform(rng, 1, 99)));
            std::vector<Placement> moves;
            const int count = uniform(rng, 1, 3);
            for (int i = 0; i < count; ++i) {
                const std::string& id = pick(n.actors(), rng).id;
                bool dup = false;
                for (const Placement& p : moves) dup = dup || p.actorId == id;
                if (!dup) moves.push_back({id, uniform(rng, -1000, 1000) * 0.1, uniform(rng, -1000, 1000) * 0.1});
            }
            return cmdMove(n, moves);
        }
    }
}

Network randomNetwork(std::mt19937& rng, int actors, int links) {
    Document doc;
    for (int i = 0; i < actors; ++i) doc.execute(cmdAddActor(doc.network, randomActor(doc.network, rng)));
    for (int i = 0; i < links && actors > 1; ++i) doc.execute(cmdAddLink(doc.network, randomLink(doc.network, rng)));
    return doc.network;
}

}  // namespace knp::test
