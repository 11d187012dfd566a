#pragma once
// EditTarget: what the view edits, behind one interface (as ImHex's providers hide their data
// sources). A project file takes every edit as one undoable command committed to SQLite before
// apply() returns (or, once the file cannot store one, keeps it and every later edit in memory:
// UnsavedEdits); an imported document (any other input) keeps the network in memory with an
// undo stack until it is saved as a project. The view edits only through it (commit(), undo(),
// redo() in ui/state.hpp).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/errors.hpp"
#include "store/project_file.hpp"

namespace knp::ui {

// Why a project's edits are kept in memory only: its file could not store one (a full disk, a
// vanished folder, a read-only file). The file stays as it was before that edit; every later
// edit goes on in memory, until the project is saved elsewhere (saveProjectAs).
struct UnsavedEdits {
    StorageProblem problem = StorageProblem::Io;
    std::string file;     // the project file that could not store the edit
    std::string detail;   // SQLite's and the system's words (for the log)
    std::string kind;     // the edit that could not be stored: add_actor, layout, ...; empty for an undo or redo
    std::string subject;
};

// The step undo or redo would take next.
struct HistoryStepInfo {
    std::string kind;     // add_actor, layout, import, ...
    std::string subject;  // for layouts the engine, or kLiveLayout
};

class EditTarget {
public:
    virtual ~EditTarget() = default;
    virtual const Network& network() const = 0;
    // Applies `edit` as one undoable step; throws when it is refused (the network unchanged).
    virtual void apply(const Edit& edit) = 0;
    virtual bool undo() = 0;  // false when there is nothing to undo
    virtual bool redo() = 0;
    // The step undo or redo would take (skip: the one after so many).
    virtual std::optional<HistoryStepInfo> nextUndo(std::size_t skip = 0) = 0;
    virtual std::optional<HistoryStepInfo> nextRedo(std::size_t skip = 0) = 0;
    // Positions found for actors that had none when the document was opened. A project records
    // them as one undoable step like any edit and returns true; an imported document takes them
    // as part of what was opened, without an undo step, and returns false.
    virtual bool applyOnOpening(const Edit& edit) = 0;
    // The project file, for what only projects have (snapshots, backups, erasing a person);
    // nullptr for an imported document and for a project whose edits are kept in memory.
    virtual ProjectFile* project() { return nullptr; }
    // Set once the project file could not store an edit (see UnsavedEdits); nullptr otherwise.
    virtual const UnsavedEdits* unsaved() const { return nullptr; }
    // The project file as it was opened, also while its edits are kept in memory.
    virtual ProjectFile* openedFile() { return nullptr; }
    // The edits made in memory since the file could not store one, oldest first (undone ones not).
    virtual const std::vector<Edit>* keptEdits() const { return nullptr; }
};

std::unique_ptr<EditTarget> makeProjectTarget(ProjectFile file);
std::unique_ptr<EditTarget> makeImportedTarget(Network network);
// Saves what `current` shows as a new project at `path` (which must not exist) and returns it.
// A project whose edits are kept in memory is copied with its history and snapshots, and the
// kept edits are replayed on the copy as the steps they were; anything else (or a project file
// that cannot be read any more) becomes a new project holding the network.
std::unique_ptr<EditTarget> saveProjectAs(EditTarget& current, const std::string& path);

}  // namespace knp::ui
