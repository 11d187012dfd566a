#pragma once
// Commands: build the Edit for one user intention against the current network. They check
// what the user asked for and throw ValidationError with a clear message; the returned Edit
// is then executed by a Document (memory) or a ProjectFile (disk), which makes it undoable.
#include <string>
#include <vector>

#include "core/edit.hpp"

namespace knp {

struct Placement { std::string actorId; double x = 0, y = 0; };

Edit cmdAddActor(const Network& n, Actor actor);              // empty id: a fresh one
Edit cmdUpdateActor(const Network& n, const Actor& after);    // by id; ord kept
Edit cmdRemoveActor(const Network& n, const std::string& id); // with all its links, one step
Edit cmdAddLink(const Network& n, Link link);                 // empty id: a fresh one
Edit cmdUpdateLink(const Network& n, const Link& after);
Edit cmdRemoveLink(const Network& n, const std::string& id);
Edit cmdMove(const Network& n, const std::vector<Placement>& placements);
Edit cmdRename(const Network& n, const std::string& name);
// Turns the network into `target` (snapshot restore, replacing import) with the fewest
// operations: unchanged records are left alone.
Edit cmdReplaceContent(const Network& n, const Network& target, std::string kind, std::string subject);
// Adds `incoming` to the network (import into a project). Actors whose id exists already are
// completed: their empty fields take the incoming values. Links whose id is taken get a fresh
// one. Categories the taxonomy lacks are added. `warnings` receives what was adjusted.
Edit cmdMerge(const Network& n, const Network& incoming, std::vector<std::string>* warnings = nullptr);

// In-memory document: a network with undo and redo stacks of any depth.
class Document {
public:
    Network network;

    void execute(Edit edit);  // applies; clears the redo stack; empty edits are ignored
    bool undo();              // false when there is nothing to undo
    bool redo();
    std::size_t undoDepth() const { return undo_.size(); }
    std::size_t redoDepth() const { return redo_.size(); }
    // What undo() takes back (skip: the step after so many); nullptr when there is none.
    const Edit* nextUndo(std::size_t skip = 0) const { return skip < undo_.size() ? &undo_[undo_.size() - 1 - skip] : nullptr; }
    const Edit* nextRedo(std::size_t skip = 0) const { return skip < redo_.size() ? &redo_[redo_.size() - 1 - skip] : nullptr; }
    const std::vector<Edit>& doneEdits() const { return undo_; }  // oldest first: replayed, they give the network

private:
    std::vector<Edit> undo_;
    std::vector<Edit> redo_;
};

}  // namespace knp
