#pragma once
// Import as a use case, the same behind `knp import` and the view's Datei > Importieren: every
// input is read first (a bad one stops before anything is written), the inputs are merged in
// order into one network, that network comes into the target as one undoable step (new actors
// and links added, known ones completed), and snapshots brought along (our JSON export of a
// project) are added under names the target does not have yet.
#include <string>
#include <vector>

#include "core/edit.hpp"
#include "session/messages.hpp"
#include "store/project_file.hpp"

namespace knp::session {

struct ImportedInputs {
    Network network;                          // the inputs merged in order
    std::vector<std::string> warnings;        // from reading and merging, in order
    std::vector<NetworkSnapshot> snapshots;   // brought along
    std::string subject;                      // the input, or "N inputs", for the history
};

// Reads and merges the inputs; InputError for the first that cannot be read.
ImportedInputs readInputs(const std::vector<std::string>& inputs);

// The one undoable step that brings `in` into `target`; merge warnings are appended to `warnings`.
Edit importEdit(const Network& target, const ImportedInputs& in, std::vector<std::string>* warnings);

// Adds the snapshots whose names `project` does not have yet; one warning per snapshot left
// out ("`where`" names the project in it). Returns how many were added.
std::size_t addImportedSnapshots(ProjectFile& project, const std::vector<NetworkSnapshot>& snapshots, const std::string& where,
                                 const Reporter& report);

// knp import: `output` is created when missing (and removed again when anything fails then),
// else the inputs are merged into it, or with `force` replace its content (one undoable step).
void importIntoProject(const std::vector<std::string>& inputs, const std::string& output, bool force, const std::string& name,
                       const Reporter& report);

}  // namespace knp::session
