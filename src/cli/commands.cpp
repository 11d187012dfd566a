#include "cli/commands.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/commands.hpp"
#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "io/edit_script.hpp"
#include "session/import.hpp"
#include "session/open.hpp"
#include "store/project_file.hpp"

namespace knp::cli {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// [SECTION] Helpers
void printWarnings(const std::vector<std::string>& warnings) {
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < warnings.size() && i < kShown; ++i) std::cerr << "knp: warning: " << warnings[i] << "\n";
    if (warnings.size() > kShown) std::cerr << "knp: warning: ... and " << warnings.size() - kShown << " more\n";
}

// Counts per category in taxonomy order (zero counts included), unassigned last when present.
std::vector<std::pair<std::string, std::size_t>> countBy(const Taxonomy& t, CategoryKind kind, Lang lang,
                                                         const std::map<std::string, std::size_t>& byKey) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const Category& c : t.list(kind)) {
        auto it = byKey.find(c.key);
        out.emplace_back(c.label(lang), it == byKey.end() ? 0 : it->second);
    }
    if (auto it = byKey.find(""); it != byKey.end()) out.emplace_back(tr(lang, "info.unassigned"), it->second);
    return out;
}

void addFormatOption(CLI::App* cmd, std::string& format, std::vector<std::string> choices) {
    format = choices.front();
    cmd->add_option("--format", format, "Output format")->check(CLI::IsMember(choices));
}

// [SECTION] knp new
int cmdNew(const std::string& path, std::string name) {
    if (name.empty()) name = fs::path(path).stem().string();
    ProjectFile::create(path, name);
    std::cerr << "knp: created " << path << " (\"" << name << "\")\n";
    return 0;
}

// [SECTION] knp import
int cmdImport(const std::vector<std::string>& inputs, const std::string& output, bool force, const std::string& name) {
    session::importIntoProject(inputs, output, force, name, printMessage);
    finishWarnings();
    return 0;
}

// [SECTION] knp info
int cmdInfo(const std::string& spec, const std::string& format, Lang lang) {
    LoadedInput in = loadInput(spec);
    printWarnings(in.result.warnings);
    const Network& n = in.result.network;
    std::map<std::string, std::size_t> sectors, fields, levels, types, statuses;
    std::size_t contactPoints = 0, directed = 0, placed = 0;
    for (const Actor& a : n.actors()) {
        ++sectors[a.sector];
        ++levels[a.level];
        for (const std::string& f : a.fields) ++fields[f];
        contactPoints += a.contactPoint ? 1 : 0;
        placed += a.placed ? 1 : 0;
    }
    for (const Link& l : n.links()) {
        ++types[l.type];
        ++statuses[l.status];
        directed += l.directed ? 1 : 0;
    }
    const std::vector<SnapshotInfo>& snaps = in.snapshots;
    const std::size_t undoDepth = in.undoDepth, redoDepth = in.redoDepth;
    const auto sectorCounts = countBy(n.taxonomy, CategoryKind::Sector, lang, sectors);
    const auto fieldCounts = countBy(n.taxonomy, CategoryKind::Field, lang, fields);
    const auto levelCounts = countBy(n.taxonomy, CategoryKind::Level, lang, levels);
    const auto typeCounts = countBy(n.taxonomy, CategoryKind::LinkType, lang, types);
    const auto statusCounts = countBy(n.taxonomy, CategoryKind::Status, lang, statuses);
    if (format == "json") {
        auto obj = [](const std::vector<std::pair<std::string, std::size_t>>& counts) {
            json o = json::object();
            for (const auto& [label, c] : counts) o[label] = c;
            return o;
        };
        json snapshots = json::array();
        for (const SnapshotInfo& s : snaps)
            snapshots.push_back({{"name", s.name}, {"created", s.created}, {"actors", s.actors}, {"links", s.links}});
        json out = {{"input", spec}, {"kind", in.kind}, {"name", n.name}, {"actors", n.actors().size()},
                    {"links", n.links().size()}, {"directed_links", directed}, {"contact_points", contactPoints},
                    {"placed_actors", placed}, {"sectors", obj(sectorCounts)}, {"fields", obj(fieldCounts)},
                    {"levels", obj(levelCounts)}, {"link_types", obj(typeCounts)}, {"statuses", obj(statusCounts)},
                    {"snapshots", snapshots}};
        if (in.schemaVersion) out["schema_version"] = in.schemaVersion;
        if (in.kind == "project") out["history"] = {{"undo", undoDepth}, {"redo", redoDepth}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    auto line = [](std::string_view label, const std::string& value) { std::cout << label << ": " << value << "\n"; };
    line(tr(lang, "info.project"), n.name);
    line(tr(lang, "info.source"), spec + " (" + in.kind + ")");
    if (in.schemaVersion) line(tr(lang, "info.schema"), std::to_string(in.schemaVersion));
    line(tr(lang, "info.actors"), std::to_string(n.actors().size()));
    line(tr(lang, "info.links"), std::to_string(n.links().size()) + " (" + std::string(tr(lang, "info.directed")) + " " +
                                     std::to_string(directed) + ")");
    line(tr(lang, "info.contact_points"), std::to_string(contactPoints));
    auto block = [](std::string_view title, const std::vector<std::pair<std::string, std::size_t>>& counts) {
        std::cout << "\n" << title << ":\n";
        for (const auto& [label, c] : counts) std::cout << "  " << label << ": " << c << "\n";
    };
    block(tr(lang, "info.sectors"), sectorCounts);
    block(tr(lang, "info.fields"), fieldCounts);
    block(tr(lang, "info.levels"), levelCounts);
    block(tr(lang, "info.link_types"), typeCounts);
    block(tr(lang, "info.statuses"), statusCounts);
    std::cout << "\n" << tr(lang, "info.snapshots") << ":";
    if (snaps.empty()) std::cout << " " << tr(lang, "info.none");
    std::cout << "\n";
    for (const SnapshotInfo& s : snaps) std::cout << "  " << s.name << "  " << s.created << "  " << s.actors << "/" << s.links << "\n";
    if (in.kind == "project") std::cout << "\n" << tr(lang, "info.history") << ": " << undoDepth << " / " << redoDepth << "\n";
    return 0;
}

// [SECTION] knp apply
int cmdApply(const std::string& project, const std::string& script) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (script != "-") {
        file.open(script, std::ios::binary);
        if (!file) throw InputError(script + ": cannot be read");
        in = &file;
    }
    ProjectFile pf = ProjectFile::open(project, OpenMode::ReadWrite);
    const std::string name = script == "-" ? "stdin" : fs::path(script).filename().string();
    std::string line;
    std::size_t lineNo = 0;
    while (std::getline(*in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        pf.execute(editFromScriptLine(pf.network(), line, name + ":" + std::to_string(lineNo)));
        std::cout << "ACK " << lineNo << std::endl;  // flushed: the edit is on disk now
    }
    return 0;
}

// [SECTION] knp undo / redo / history
int cmdUndoRedo(const std::string& project, int steps, bool isUndo, Lang lang) {
    ProjectFile pf = ProjectFile::open(project, OpenMode::ReadWrite);
    int done = 0;
    for (; done < steps; ++done) {
        const std::optional<HistoryEntry> entry = isUndo ? pf.nextUndo() : pf.nextRedo();
        if (!entry) break;
        const std::string what = std::string(tr(lang, entry->kind)) + (entry->subject.empty() ? "" : ": " + entry->subject);
        if (!(isUndo ? pf.undo() : pf.redo())) break;
        std::cout << (isUndo ? "undone " : "redone ") << entry->seq << "  " << what << "\n";
    }
    if (done < steps) std::cerr << "knp: nothing more to " << (isUndo ? "undo" : "redo") << " (" << done << " of " << steps << " steps done)\n";
    return 0;
}

int cmdHistory(const std::string& project, const std::string& format, Lang lang) {
    ProjectFile pf = ProjectFile::open(project, OpenMode::ReadOnly);
    const std::vector<HistoryEntry> h = pf.history();
    if (format == "json") {
        json arr = json::array();
        for (const HistoryEntry& e : h)
            arr.push_back({{"seq", e.seq}, {"kind", e.kind}, {"subject", e.subject}, {"created", e.created},
                           {"undone", e.undone}, {"operations", e.operations}});
        std::cout << arr.dump(2) << "\n";
        return 0;
    }
    for (const HistoryEntry& e : h)
        std::cout << e.seq << "  " << e.created << "  " << tr(lang, e.kind) << (e.subject.empty() ? "" : ": " + e.subject)
                  << (e.undone ? (tr(lang, "cli.undone")) : "") << "\n";
    return 0;
}

// [SECTION] knp snapshot
int cmdSnapshot(const std::string& project, const std::string& take, bool list, const std::string& restore,
                const std::string& format) {
    const int chosen = (take.empty() ? 0 : 1) + (list ? 1 : 0) + (restore.empty() ? 0 : 1);
    if (chosen != 1) {
        std::cerr << "knp snapshot: give exactly one of --take NAME, --list, --restore NAME\n";
        return 2;
    }
    if (list) {
        ProjectFile pf = ProjectFile::open(project, OpenMode::ReadOnly);
        const auto snaps = pf.snapshots();
        if (format == "json") {
            json arr = json::array();
            for (const SnapshotInfo& s : snaps)
                arr.push_back({{"name", s.name}, {"created", s.created}, {"actors", s.actors}, {"links", s.links}});
            std::cout << arr.dump(2) << "\n";
        } else {
            for (const SnapshotInfo& s : snaps) std::cout << s.name << "\t" << s.created << "\t" << s.actors << "\t" << s.links << "\n";
        }
        return 0;
    }
    ProjectFile pf = ProjectFile::open(project, OpenMode::ReadWrite);
    if (!take.empty()) {
        pf.takeSnapshot(take);
        std::cerr << "knp: snapshot \"" << take << "\" taken (" << pf.network().actors().size() << " actors, "
                  << pf.network().links().size() << " links)\n";
    } else {
        pf.restoreSnapshot(restore);
        std::cerr << "knp: snapshot \"" << restore << "\" restored; knp undo takes it back\n";
    }
    return 0;
}

}  // namespace

// [SECTION] Registration
void registerCommands(CLI::App& app, GlobalOptions& global, std::function<int()>& action) {
    auto langOption = std::make_shared<std::string>("de");
    app.add_option("--lang", *langOption, "Language of human-readable output: de (default) or en")
        ->check(CLI::IsMember({"de", "en"}));
    auto lang = [&global, langOption] { global.lang = parseLang(*langOption); return global.lang; };

    registerAnalysisCommands(app, lang, action);
    registerLayoutCommands(app, lang, action);
    registerCompareCommands(app, lang, action);
    registerTrustCommands(app, lang, action);
    {
        auto* cmd = app.add_subcommand("new", "Create an empty project file");
        auto path = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *path, "New project file (.knp)")->required();
        cmd->add_option("--name", *name, "Project name, e.g. \"Stadt Musterstadt\"");
        cmd->callback([&action, path, name] { action = [path, name] { return cmdNew(*path, *name); }; });
    }
    {
        auto* cmd = app.add_subcommand("import", "Import networks into a project (creates it when missing)");
        auto inputs = std::make_shared<std::vector<std::string>>();
        auto output = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>();
        auto force = std::make_shared<bool>(false);
        cmd->add_option("INPUT", *inputs, "Files or folders to import (.knp, .graphml, .csv, folder with actors.csv and links.csv)")->required();
        cmd->add_option("-o,--output", *output, "Project file to create or add to")->required();
        cmd->add_option("--name", *name, "Project name for a new project");
        cmd->add_flag("--force", *force, "Replace the content of an existing project (one undoable step) instead of adding to it");
        cmd->callback([&action, inputs, output, force, name] {
            action = [inputs, output, force, name] { return cmdImport(*inputs, *output, *force, *name); };
        });
    }
    {
        auto* cmd = app.add_subcommand("info", "Summarise a project or any importable file");
        auto input = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>();
        cmd->add_option("INPUT", *input, "Project, PROJECT@SNAPSHOT or importable file")->required();
        addFormatOption(cmd, *format, {"text", "json"});
        cmd->callback([&action, input, format, lang] { action = [input, format, lang] { return cmdInfo(*input, *format, lang()); }; });
    }
    {
        auto* cmd = app.add_subcommand("apply", "Apply an edit script (JSON lines); prints \"ACK n\" after line n is saved");
        auto project = std::make_shared<std::string>();
        auto script = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *project, "Project file (.knp)")->required();
        cmd->add_option("EDITS", *script, "Edit script, one JSON object a line (- for standard input)")->required();
        cmd->callback([&action, project, script] { action = [project, script] { return cmdApply(*project, *script); }; });
    }
    for (const bool isUndo : {true, false}) {
        auto* cmd = app.add_subcommand(isUndo ? "undo" : "redo", isUndo ? "Undo the last edit(s)" : "Redo undone edit(s)");
        auto project = std::make_shared<std::string>();
        auto steps = std::make_shared<int>(1);
        cmd->add_option("PROJECT", *project, "Project file (.knp)")->required();
        cmd->add_option("--steps", *steps, "How many steps")->check(CLI::PositiveNumber);
        cmd->callback([&action, project, steps, isUndo, lang] {
            action = [project, steps, isUndo, lang] { return cmdUndoRedo(*project, *steps, isUndo, lang()); };
        });
    }
    {
        auto* cmd = app.add_subcommand("history", "List the project's edit history");
        auto project = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *project, "Project file (.knp)")->required();
        addFormatOption(cmd, *format, {"text", "json"});
        cmd->callback([&action, project, format, lang] { action = [project, format, lang] { return cmdHistory(*project, *format, lang()); }; });
    }
    {
        auto* cmd = app.add_subcommand("snapshot", "Take, list or restore named snapshots");
        auto project = std::make_shared<std::string>();
        auto take = std::make_shared<std::string>();
        auto restore = std::make_shared<std::string>();
        auto list = std::make_shared<bool>(false);
        auto format = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *project, "Project file (.knp)")->required();
        cmd->add_option("--take", *take, "Take a snapshot of the current state under this name");
        cmd->add_flag("--list", *list, "List the snapshots");
        cmd->add_option("--restore", *restore, "Restore the named snapshot (undoable)");
        addFormatOption(cmd, *format, {"text", "json"});
        cmd->callback([&action, project, take, list, restore, format] {
            action = [project, take, list, restore, format] { return cmdSnapshot(*project, *take, *list, *restore, *format); };
        });
    }
}

namespace {
std::size_t warningsShown = 0, warningsLeftOut = 0;
constexpr std::size_t kWarningsShown = 20;
}  // namespace

void printMessage(session::MessageLevel level, const std::string& text) {
    if (level == session::MessageLevel::Info) {
        std::cerr << "knp: " << text << "\n";
        return;
    }
    if (warningsShown == kWarningsShown) {
        ++warningsLeftOut;
        return;
    }
    ++warningsShown;
    std::cerr << "knp: warning: " << text << "\n";
}

void finishWarnings() {
    if (warningsLeftOut > 0) std::cerr << "knp: warning: ... and " << warningsLeftOut << " more\n";
    warningsShown = warningsLeftOut = 0;
}

}  // namespace knp::cli
