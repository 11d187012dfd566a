#include "session/import.hpp"

#include <filesystem>
#include <optional>
#include <set>

#include "core/commands.hpp"
#include "session/open.hpp"

namespace knp::session {

namespace fs = std::filesystem;

ImportedInputs readInputs(const std::vector<std::string>& inputs) {
    ImportedInputs out;
    Document merged;
    for (const std::string& spec : inputs) {
        LoadedInput in = loadInput(spec);
        for (std::string& w : in.result.warnings) out.warnings.push_back(std::move(w));
        for (NetworkSnapshot& s : in.result.snapshots) out.snapshots.push_back(std::move(s));
        if (merged.network.name.empty()) merged.network.name = in.result.network.name;
        merged.execute(cmdMerge(merged.network, in.result.network, &out.warnings));
    }
    out.network = std::move(merged.network);
    out.subject = inputs.size() == 1 ? inputs.front() : std::to_string(inputs.size()) + " inputs";
    return out;
}

Edit importEdit(const Network& target, const ImportedInputs& in, std::vector<std::string>* warnings) {
    Edit edit = cmdMerge(target, in.network, warnings);
    edit.subject = in.subject;
    return edit;
}

std::size_t addImportedSnapshots(ProjectFile& project, const std::vector<NetworkSnapshot>& snapshots, const std::string& where,
                                 const Reporter& report) {
    std::set<std::string> taken;
    for (const SnapshotInfo& s : project.snapshots()) taken.insert(s.name);
    std::size_t added = 0;
    for (const NetworkSnapshot& s : snapshots) {
        if (!taken.insert(s.name).second) {
            warn(report, "snapshot \"" + s.name + "\" exists already in " + where + "; the imported one is left out");
            continue;
        }
        project.addSnapshot(s.name, s.created.empty() ? utcTimestamp() : s.created, s.network);
        ++added;
    }
    return added;
}

void importIntoProject(const std::vector<std::string>& inputs, const std::string& output, bool force, const std::string& name,
                       const Reporter& report) {
    // Read everything first: a bad input leaves no half-made project behind.
    const ImportedInputs in = readInputs(inputs);
    for (const std::string& w : in.warnings) warn(report, w);
    const bool exists = fs::exists(output);
    std::optional<ProjectFile> pf;
    try {
        if (exists) pf.emplace(ProjectFile::open(output, OpenMode::ReadWrite));
        else pf.emplace(ProjectFile::create(output, name.empty() ? in.network.name : name));
        if (exists && force) {
            Network target = in.network;
            target.name = name.empty() ? pf->network().name : name;
            pf->execute(cmdReplaceContent(pf->network(), target, "replace", inputs.front()));
        } else {
            std::vector<std::string> mergeWarnings;
            pf->execute(importEdit(pf->network(), in, &mergeWarnings));
            for (const std::string& w : mergeWarnings) warn(report, w);
        }
        addImportedSnapshots(*pf, in.snapshots, output, report);
        if (!in.snapshots.empty()) say(report, std::to_string(in.snapshots.size()) + " snapshots imported");
    } catch (...) {
        const bool created = !exists && pf.has_value();
        pf.reset();  // closes the file and releases its lock
        if (created) fs::remove(output);
        throw;
    }
    say(report, output + ": " + std::to_string(pf->network().actors().size()) + " actors, " +
                    std::to_string(pf->network().links().size()) + " links" +
                    (exists ? (force ? " (content replaced; undo restores it)" : " (merged; undo reverts it)") : ""));
}

}  // namespace knp::session
