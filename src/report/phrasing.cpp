#include "report/phrasing.hpp"

#include "core/i18n.hpp"

namespace knp::report {

namespace {

struct Words {
    const Network& net;
    Lang lang;
    std::string actor(std::uint32_t u) const { return u < net.actors().size() ? net.actors()[u].name : "?"; }
    std::string sector(const std::string& key) const { return sectorName(net.taxonomy.labelOf(CategoryKind::Sector, key, lang), lang); }
    std::string field(const std::string& key) const { return quoted(net.taxonomy.labelOf(CategoryKind::Field, key, lang), lang); }
    std::string number(double v, int decimals) const { return formatNumber(v, decimals, lang); }
    // The actors from `first` on, then "N more" when the finding counted more than it named.
    std::string actorList(const analysis::Finding& f, std::size_t first) const {
        std::vector<std::string> names;
        for (std::size_t i = first; i < f.actors.size(); ++i) names.push_back(actor(f.actors[i]));
        if (f.more > 0) names.push_back(fill(tr(lang, "gaps.more_actors"), {std::to_string(f.more)}));
        return joinList(names, lang);
    }
    std::string text(const std::string& key, const std::vector<std::string>& args) const { return fill(tr(lang, key), args); }
};

std::string phraseReason(const analysis::Finding& r, const Words& w) {
    const std::string key = "gaps.reason." + r.kind;
    if (r.kind == "isolate" || r.kind == "component") return w.text(key, {w.actor(r.actors.at(0))});
    if (r.kind == "reconnect") return w.text(key, {w.actor(r.actors.at(0)), w.actorList(r, 1)});
    if (r.kind == "sectors") return w.text(key, {w.sector(r.sectors.at(0)), w.sector(r.sectors.at(1))});
    if (r.kind == "parallel") {
        std::vector<std::string> fields;
        for (const std::string& f : r.fields) fields.push_back(w.field(f));
        return fields.size() == 1 ? w.text(key, {fields[0]}) : w.text("gaps.reason.parallel_many", {joinList(fields, w.lang)});
    }
    if (r.kind == "distance") return w.text(key, {w.actor(r.actors.at(0)), w.number(r.numbers.at(0), 1)});
    return w.text(key, {});
}

}  // namespace

std::string phraseReasons(const std::vector<analysis::Finding>& reasons, const Network& net, Lang lang) {
    const Words w{net, lang};
    std::string out;
    for (const analysis::Finding& r : reasons) out += (out.empty() ? "" : "; ") + phraseReason(r, w);
    return out;
}

std::string phrase(const analysis::Finding& f, const Network& net, Lang lang) {
    const Words w{net, lang};
    const std::string key = "gaps.finding." + f.kind;
    const auto& k = f.kind;
    if (k == "broker" || k == "broker2") return w.text(key, {w.actor(f.actors.at(0)), w.number(f.numbers.at(0), 0)});
    if (k == "broker_tie") return w.text(key, {w.actor(f.actors.at(0)), w.actor(f.actors.at(1)), w.number(f.numbers.at(0), 0)});
    if (k == "no_link") return w.text(key, {w.sector(f.sectors.at(0)), w.sector(f.sectors.at(1))});
    if (k == "no_link_more" || k == "parallel_more") return w.text(key, {std::to_string(f.more)});
    if (k == "inward") return w.text(key, {w.sector(f.sectors.at(0)), w.number(f.numbers.at(0), 2)});
    if (k == "cut") return w.text(key, {w.actor(f.actors.at(0)), w.actorList(f, 1)});
    if (k == "pendants") return w.text(key, {std::to_string(static_cast<std::size_t>(f.numbers.at(0)))});
    if (k == "isolate" || k == "isolates") return w.text(key, {w.actorList(f, 0)});
    if (k == "field_empty") return w.text(key, {w.field(f.fields.at(0))});
    if (k == "field_one" || k == "field_coordinated") return w.text(key, {w.field(f.fields.at(0)), w.actor(f.actors.at(0))});
    if (k == "field_split")
        return w.text(key, {w.field(f.fields.at(0)), std::to_string(static_cast<std::size_t>(f.numbers.at(0))),
                            std::to_string(static_cast<std::size_t>(f.numbers.at(1)))});
    if (k == "parallel") return w.text(key, {w.actor(f.actors.at(0)), w.actor(f.actors.at(1)), w.field(f.fields.at(0))});
    if (k == "contact_points") return w.text(key, {w.field(f.fields.at(0)), std::to_string(f.actors.size()), w.actorList(f, 0)});
    if (k == "suggestion") return w.text(key, {w.actor(f.actors.at(0)), w.actor(f.actors.at(1)), phraseReasons(f.reasons, net, lang)});
    return w.text(key, {});  // pendant and kinds without parts
}

std::vector<std::string> phrase(const std::vector<analysis::Finding>& findings, const Network& net, Lang lang) {
    std::vector<std::string> out;
    out.reserve(findings.size());
    for (const analysis::Finding& f : findings) out.push_back(phrase(f, net, lang));
    return out;
}

// [SECTION] The view's findings
namespace {

// The fields of action without any actor as one line (one field: its own sentence).
std::string emptyFieldsLine(const std::vector<const analysis::Finding*>& empty, const Network& net, Lang lang) {
    if (empty.size() == 1) return phrase(*empty[0], net, lang);
    std::vector<std::string> names;
    for (const analysis::Finding* f : empty) names.push_back(quoted(net.taxonomy.labelOf(CategoryKind::Field, f->fields.at(0), lang), lang));
    return fill(tr(lang, "gaps.panel.fields_empty"), {std::to_string(names.size()), joinList(names, lang)});
}

}  // namespace

std::vector<PanelFinding> phraseForPanel(const std::vector<analysis::Finding>& findings, const Network& net, Lang lang) {
    using analysis::Severity;
    std::vector<const analysis::Finding*> empty;
    for (const analysis::Finding& f : findings)
        if (f.kind == "field_empty" && !f.fields.empty()) empty.push_back(&f);
    std::vector<PanelFinding> out;
    for (const Severity severity : {Severity::Warning, Severity::Notice, Severity::Info}) {
        for (const analysis::Finding& f : findings)
            if (f.severity == severity && !(f.kind == "field_empty" && !f.fields.empty())) out.push_back({severity, phrase(f, net, lang)});
        if (severity == Severity::Warning && !empty.empty()) out.push_back({severity, emptyFieldsLine(empty, net, lang)});
    }
    return out;
}

std::string metricLabel(const std::string& metric, Lang lang) {
    const std::string key = "metric_name." + metric;
    const std::string text = tr(lang, key);
    return text == key ? metric : text;
}

std::string layoutLabel(const std::string& engine, Lang lang) {
    const std::string key = "layout_name." + engine;
    const std::string text = tr(lang, key);
    return text == key ? engine : text;
}

// [SECTION] Comparisons
namespace {

// The names given, then "N more" when the finding counted more than it named.
std::string someOf(const analysis::Finding& f, Lang lang) {
    std::vector<std::string> names;
    for (const std::string& name : f.texts) names.push_back(quoted(name, lang));
    if (f.more > 0) names.push_back(fill(tr(lang, "compare.more_count"), {std::to_string(f.more)}));
    return joinList(names, lang);
}

std::string count(double n) { return std::to_string(static_cast<std::size_t>(n)); }

// "Seit „Workshop 1“ sind 5 Verbindungen hinzugekommen, 3 Verbindungen sind weggefallen …": the
// first clause and the later ones may be worded apart (German puts the verb first there).
std::string summary(const analysis::Finding& f, Lang lang) {
    static const char* const what[] = {"links_added", "links_removed", "actors_added", "actors_removed", "changed"};
    std::vector<std::string> parts;
    for (std::size_t k = 0; k < 5 && k < f.numbers.size(); ++k) {
        if (f.numbers[k] <= 0) continue;
        const std::string key = std::string("compare.summary.") + what[k] + (f.numbers[k] == 1 ? ".one" : ".many") + (parts.empty() ? ".first" : ".later");
        parts.push_back(fill(tr(lang, key), {count(f.numbers[k])}));
    }
    return fill(tr(lang, "compare.finding.summary"), {quoted(f.texts.at(0), lang), joinList(parts, lang)});
}

}  // namespace

std::string phraseGapChange(const analysis::Finding& c, Lang lang) {
    const std::string key = "compare.gap." + c.kind;
    if (c.kind == "pair_linked" || c.kind == "pair_unlinked") return fill(tr(lang, key), {c.texts.at(0), c.texts.at(1)});
    if (c.kind == "field_lost") return fill(tr(lang, key), {quoted(c.texts.at(0), lang), fieldStatusText(c.texts.at(1), lang)});
    if (c.kind == "cut_new")
        return fill(tr(lang, c.numbers.at(0) == 1 ? "compare.gap.cut_new_one" : "compare.gap.cut_new_many"), {quoted(c.texts.at(0), lang), count(c.numbers.at(0))});
    return fill(tr(lang, key), {quoted(c.texts.at(0), lang)});  // field_coordinated, cut_gone, isolate_*
}

std::vector<std::string> phraseGapChanges(const std::vector<analysis::Finding>& changes, Lang lang) {
    std::vector<std::string> out;
    for (const analysis::Finding& c : changes) out.push_back(phraseGapChange(c, lang));
    return out;
}

std::string phraseComparison(const analysis::Finding& f, Lang lang) {
    const std::string key = "compare.finding." + f.kind;
    const auto& k = f.kind;
    const auto number = [&](std::size_t i) { return formatNumber(f.numbers.at(i), 3, lang); };
    if (k == "summary") return summary(f, lang);
    if (k == "nothing_changed") return fill(tr(lang, key), {quoted(f.texts.at(0), lang), quoted(f.texts.at(1), lang)});
    if (k == "pair_linked" || k == "pair_unlinked") return fill(tr(lang, key), {f.texts.at(0), f.texts.at(1)});
    if (k == "pairs_linked_more" || k == "pairs_unlinked_more") return fill(tr(lang, key), {std::to_string(f.more)});
    if (k == "density_rose" || k == "density_fell") return fill(tr(lang, key), {number(0), number(1)});
    if (k == "components") return fill(tr(lang, key), {count(f.numbers.at(0)), count(f.numbers.at(1))});
    if (k == "broker_up" || k == "broker_down") return fill(tr(lang, key), {quoted(f.texts.at(0), lang), number(0), number(1)});
    if (k == "connected") return tr(lang, key);
    return fill(tr(lang, key), {someOf(f, lang)});  // fields_*, cuts_*, isolates_*
}

std::vector<std::string> phraseComparison(const std::vector<analysis::Finding>& findings, Lang lang) {
    std::vector<std::string> out;
    for (const analysis::Finding& f : findings) out.push_back(phraseComparison(f, lang));
    return out;
}

std::string fieldStatusText(const std::string& status, Lang lang) {
    if (status == "no_actor") return tr(lang, "gaps.no_actor");
    if (status == "one_actor") return tr(lang, "gaps.only_one_actor");
    if (status == "not_connected") return tr(lang, "gaps.not_connected");
    return tr(lang, "gaps.coordinated");
}

}  // namespace knp::report
