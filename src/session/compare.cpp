#include "session/compare.hpp"

#include <filesystem>

#include "core/i18n.hpp"
#include "report/diagram.hpp"
#include "session/export.hpp"
#include "session/layout_step.hpp"

namespace knp::session {

namespace {

std::string projectOf(const std::string& spec, const LoadedInput& in) {
    return in.kind == "snapshot" ? spec.substr(0, spec.rfind('@')) : spec;
}

// A snapshot by its name; a project's current state "heute" when another input is a snapshot
// of the same project; otherwise the network's name or the file's.
// In a table (many rows) today's state also names its network: "musterstadt (heute)".
void nameStates(std::vector<CompareInput>& states, Lang lang, bool table) {
    for (CompareInput& s : states) {
        if (s.in.kind == "snapshot") {
            s.name = s.spec.substr(s.spec.rfind('@') + 1);
            continue;
        }
        bool sameProject = false;
        for (const CompareInput& o : states)
            if (&o != &s && o.in.kind == "snapshot" && std::filesystem::equivalent(projectOf(o.spec, o.in), s.spec)) sameProject = true;
        if (s.in.kind == "project" && sameProject)
            s.name = table && !s.in.result.network.name.empty() ? s.in.result.network.name + tr(lang, "compare_cli.today") : tr(lang, "compare_cli.today_2");
        else if (!s.in.result.network.name.empty()) s.name = s.in.result.network.name;
        else s.name = std::filesystem::path(s.spec).stem().string();
    }
    if (states.size() == 2 && states[0].name == states[1].name) {
        states[0].name += tr(lang, "compare_cli.before");
        states[1].name += tr(lang, "compare_cli.after");
    }
}

}  // namespace

std::vector<CompareInput> loadCompareInputs(const std::vector<std::string>& specs, Lang lang, bool table) {
    std::vector<CompareInput> states;
    for (const std::string& spec : specs) states.push_back({spec, loadInput(spec), ""});
    nameStates(states, lang, table);
    return states;
}

analysis::Comparison compareInputs(const CompareInput& before, const CompareInput& after, Lang lang) {
    analysis::CompareOptions o;
    o.lang = lang;
    o.beforeName = before.name;
    o.afterName = after.name;
    return analysis::compareNetworks(before.in.result.network, after.in.result.network, o);
}

void drawComparison(const analysis::Comparison& c, const Network& before, const Network& after, const std::string& output,
                    const std::string& title, Lang lang, const Reporter& report) {
    analysis::CompareScene scene = analysis::compareScene(before, after, c);
    // Gone actors without a position of their own stand beside their partners; a layout only
    // when today's actors have none either.
    analysis::placeBesidePartners(scene.network, after.actors().size());
    bool allPlaced = true;
    for (const Actor& a : scene.network.actors()) allPlaced = allPlaced && a.placed;
    std::vector<Point> pos;
    if (allPlaced) {
        for (const Actor& a : scene.network.actors()) pos.push_back({a.x, a.y});
    } else {
        pos = session::computeLayout(scene.network, layout::LayoutRequest{});
        say(report, "some actors had no position; the comparison is laid out with force");
    }
    report::DiagramOptions d;
    d.lang = lang;
    d.title = title.empty() ? std::string(tr(lang, "compare_cli.what_changed")) : title;
    d.subtitle = quoted(c.beforeName, lang) + " \u2192 " + quoted(c.afterName, lang);
    d.date = todayText(lang);
    d.changeSince = c.beforeName;
    for (const analysis::Change ch : scene.actor) d.actorChange.push_back(static_cast<std::uint8_t>(ch));
    for (const analysis::Change ch : scene.link) d.linkChange.push_back(static_cast<std::uint8_t>(ch));
    report::renderDiagram(scene.network, pos, output, d);
    say(report, "wrote " + output + " (" + std::to_string(c.actorsAdded.size()) + " actors and " + std::to_string(c.linksAdded.size()) +
                    " links new, " + std::to_string(c.actorsRemoved.size()) + " and " + std::to_string(c.linksRemoved.size()) + " gone, " +
                    std::to_string(c.actorsChanged.size() + c.linksChanged.size()) + " changed)");
}

}  // namespace knp::session
