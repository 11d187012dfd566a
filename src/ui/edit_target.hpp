#pragma once
// EditTarget: what the view edits, behind one interface (as ImHex's providers hide their data
// sources). A project file takes every edit as one undoable command committed to SQLite before
// apply() returns; an imported document (any other input) keeps the network in memory with an
// undo stack until it is saved as a project. The view edits only through it (commit(), undo(),
// redo() in ui/state.hpp).
#include <memory>
#include <optional>
#include <string>

#include "core/commands.hpp"
#include "store/project_file.hpp"

namespace knp::ui {

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
    // nullptr for an imported document.
    virtual ProjectFile* project() { return nullptr; }
};

std::unique_ptr<EditTarget> makeProjectTarget(ProjectFile file);
std::unique_ptr<EditTarget> makeImportedTarget(Network network);

}  // namespace knp::ui
