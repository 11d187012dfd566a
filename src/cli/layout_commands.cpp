// knp layout, knp export and knp report: options parsed here, the work done by session/
// (layout as a step, export of data and diagrams, the strategy report).
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/privacy.hpp"
#include "io/formats.hpp"
#include "layout/layout.hpp"
#include "report/diagram.hpp"
#include "report/report.hpp"
#include "session/export.hpp"
#include "session/layout_step.hpp"
#include "store/project_file.hpp"

namespace knp::cli {

namespace {

struct LayoutArgs {
    std::string engine = "force";
    std::uint64_t seed = 1;
    std::string group = "sector";
    std::string radius = "influence";
    bool incremental = false;
};

layout::LayoutRequest requestFor(const LayoutArgs& a) {
    layout::LayoutRequest r;
    r.engine = a.engine;
    r.seed = a.seed;
    r.incremental = a.incremental;
    r.grouping = a.group == "field" ? layout::RingGrouping::Field : layout::RingGrouping::Sector;
    r.ringRank = a.radius;
    return r;
}

void addLayoutOptions(CLI::App* cmd, LayoutArgs& a) {
    cmd->add_option("--seed", a.seed, "Random seed of force, neato, fdp and sfdp (same seed, same picture)");
    cmd->add_option("--group", a.group, "rings: wedges per sector (default) or field")->check(CLI::IsMember({"sector", "field"}));
    cmd->add_option("--radius", a.radius, "rings: influence (default) or a metric such as betweenness: most central inside");
    cmd->add_flag("--incremental", a.incremental, "force: start from the current positions");
}

int runLayout(const std::string& project, const LayoutArgs& a) {
    ProjectFile pf = ProjectFile::open(project, OpenMode::ReadWrite);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Point> pos = session::computeLayout(pf.network(), requestFor(a));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    pf.execute(layout::cmdLayout(pf.network(), pos, a.engine));
    std::cerr << "knp: " << project << ": " << pf.network().actors().size() << " actors laid out with " << a.engine << " in "
              << static_cast<int>(ms + 0.5) << " ms; knp undo restores the previous positions\n";
    return 0;
}

// Options of knp export beyond the layout: the diagram's and the pseudonyms.
struct ExportArgs {
    report::DiagramOptions diagram;
    std::string focus;
    std::string pseudonymize;  // "-" when not given
};

session::ExportRequest exportRequest(const std::string& output, const std::string& layoutName, const LayoutArgs& a, Lang lang,
                                     const std::string& pseudonymize) {
    session::ExportRequest r;
    r.output = output;
    r.layoutEngine = layoutName;
    r.layout = requestFor(a);
    r.lang = lang;
    r.privacy = pseudonymize == "-" ? Pseudonymize::None : parsePseudonymize(pseudonymize);
    return r;
}

int runExport(const std::string& input, const std::string& output, const std::string& layoutName, const LayoutArgs& a, Lang lang,
              const ExportArgs& x) {
    if (!report::isDiagramPath(output) && !exportFormatFor(output)) {
        std::cerr << "knp export: \"" << std::filesystem::path(output).extension().string()
                  << "\" is not supported by this version yet; write " << session::exportExtensionsText() << "\n";
        return 2;
    }
    session::ExportRequest r = exportRequest(output, layoutName, a, lang, x.pseudonymize);
    r.diagram = x.diagram;
    r.diagram.focus = report::parseFocus(x.focus);
    r.diagram.focus.radius = x.diagram.focus.radius;
    session::exportNetwork(session::sourceFromInput(input, lang), r, printMessage);
    return 0;
}

int runReport(const std::string& input, const std::string& output, const std::string& layoutName, const LayoutArgs& a, Lang lang,
              const std::string& pseudonymize) {
    if (!report::isReportPath(output)) {
        std::cerr << "knp report: write .html or .md, not \"" << std::filesystem::path(output).extension().string() << "\"\n";
        return 2;
    }
    const session::ExportRequest r = exportRequest(output, layoutName, a, lang, pseudonymize);
    session::writeReport(session::sourceFromInput(input, lang), r, printMessage);
    return 0;
}

}  // namespace

void registerLayoutCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action) {
    std::vector<std::string> engines = layout::engineNames();
    {
        auto* cmd = app.add_subcommand("layout", "Arrange the actors and store their positions (one undoable step)");
        auto project = std::make_shared<std::string>();
        auto a = std::make_shared<LayoutArgs>();
        cmd->add_option("PROJECT", *project, "Project file (.knp)")->required();
        cmd->add_option("--engine", a->engine, "force (default), rings, dot, neato, fdp, sfdp, circo or twopi")->check(CLI::IsMember(engines));
        addLayoutOptions(cmd, *a);
        cmd->callback([&action, project, a] { action = [project, a] { return runLayout(*project, *a); }; });
    }
    {
        auto* cmd = app.add_subcommand("export", "Write the network to another format or draw it (SVG, PDF, PNG)");
        auto input = std::make_shared<std::string>();
        auto output = std::make_shared<std::string>();
        auto layoutName = std::make_shared<std::string>();
        auto a = std::make_shared<LayoutArgs>();
        engines.push_back("keep");
        cmd->add_option("INPUT", *input, "Project, PROJECT@SNAPSHOT or importable file")->required();
        cmd->add_option("-o,--output", *output, "Output file (.dot, .gv, .graphml, .gexf, .json, .csv, .xlsx; diagrams .svg, .pdf, .png)")->required();
        auto x = std::make_shared<ExportArgs>();
        x->pseudonymize = "-";
        report::DiagramOptions* diagram = &x->diagram;
        cmd->add_option("--size", diagram->paper, "Diagrams: paper the drawing fits, landscape (a4, a3, a0)")->check(CLI::IsMember({"a4", "a3", "a0"}));
        cmd->add_option("--dpi", diagram->dpi, "PNG diagrams: dots per inch (default 300)")->check(CLI::Range(36, 1200));
        cmd->add_option("--color-by", diagram->colorBy, "Diagrams: fill by sector (default), field, community, level or an attribute");
        cmd->add_option("--size-by", diagram->sizeBy, "Diagrams: size by influence (default), none or a metric (betweenness, degree ...)");
        cmd->add_option("--shape-by", diagram->shapeBy, "Diagrams: shape by level (default), none or an attribute");
        cmd->add_option("--focus", x->focus,
                        "Diagrams: field:NAME, sector:NAME, ego:ACTOR (id or name) or cut-points (with what each cuts off)");
        cmd->add_option("--steps", diagram->focus.radius, "Diagrams, --focus ego: steps from the actor (default 1)")->check(CLI::Range(1, 10));
        cmd->add_flag("--suggested", diagram->suggested, "Diagrams: draw the suggested links of knp gaps, dashed");
        cmd->add_flag("--contact-persons", diagram->contactPersons, "Diagrams: contact persons under the names (personal data)");
        cmd->add_option("--title", diagram->title, "Diagrams: title (default: the network's name)");
        cmd->add_option("--pseudonymize", x->pseudonymize,
                        "Contact persons (and with =all actor names and ids) replaced by stable pseudonyms; notes left out")
            ->expected(0, 1)
            ->default_str("");
        cmd->add_option("--layout", *layoutName, "keep (stored positions) or an engine; default: keep when every actor has a position")
            ->check(CLI::IsMember(engines));
        addLayoutOptions(cmd, *a);
        cmd->callback([&action, input, output, layoutName, a, lang, x] {
            action = [input, output, layoutName, a, lang, x] { return runExport(*input, *output, *layoutName, *a, lang(), *x); };
        });
    }
    {
        auto* cmd = app.add_subcommand("report", "Write the strategy report (HTML with its diagrams inline, or Markdown)");
        auto input = std::make_shared<std::string>();
        auto output = std::make_shared<std::string>();
        auto layoutName = std::make_shared<std::string>();
        auto pseudonymize = std::make_shared<std::string>("-");
        auto a = std::make_shared<LayoutArgs>();
        cmd->add_option("INPUT", *input, "Project, PROJECT@SNAPSHOT or importable file")->required();
        cmd->add_option("-o,--output", *output, "Report file (.html or .md)")->required();
        cmd->add_option("--layout", *layoutName, "keep (stored positions) or an engine; default: keep when every actor has a position")
            ->check(CLI::IsMember(engines));
        cmd->add_option("--pseudonymize", *pseudonymize,
                        "Contact persons (and with =all actor names and ids) replaced by stable pseudonyms; notes left out")
            ->expected(0, 1)
            ->default_str("");
        addLayoutOptions(cmd, *a);
        cmd->callback([&action, input, output, layoutName, a, lang, pseudonymize] {
            action = [input, output, layoutName, a, lang, pseudonymize] { return runReport(*input, *output, *layoutName, *a, lang(), *pseudonymize); };
        });
    }
}

}  // namespace knp::cli
