#include "ui/edit_target.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/edit.hpp"

namespace knp::ui {

namespace {

// Every edit is one transaction in the file, until the file cannot store one: from then on the
// edits go to a document in memory that starts from the file's last stored state.
class ProjectTarget final : public EditTarget {
public:
    explicit ProjectTarget(ProjectFile file) : file_(std::move(file)) {}
    const Network& network() const override { return memory_ ? memory_->network : file_.network(); }
    void apply(const Edit& edit) override {
        if (!memory_) {
            try {
                file_.execute(edit);
                return;
            } catch (const StorageError& e) {
                keepInMemory(e, edit);
            }
        }
        memory_->execute(edit);
    }
    bool undo() override { return historyStep(true); }
    bool redo() override { return historyStep(false); }
    std::optional<HistoryStepInfo> nextUndo(std::size_t skip) override {
        return memory_ ? info(memory_->nextUndo(skip)) : info(file_.nextUndo(skip));
    }
    std::optional<HistoryStepInfo> nextRedo(std::size_t skip) override {
        return memory_ ? info(memory_->nextRedo(skip)) : info(file_.nextRedo(skip));
    }
    bool applyOnOpening(const Edit& edit) override {
        apply(edit);  // every change of a project is a command in its file (or, kept, in memory)
        return true;
    }
    ProjectFile* project() override { return memory_ ? nullptr : &file_; }
    const UnsavedEdits* unsaved() const override { return memory_ ? &unsaved_ : nullptr; }
    ProjectFile* openedFile() override { return &file_; }
    const std::vector<Edit>* keptEdits() const override { return memory_ ? &memory_->doneEdits() : nullptr; }

private:
    static std::optional<HistoryStepInfo> info(const std::optional<HistoryEntry>& e) {
        if (!e) return std::nullopt;
        return HistoryStepInfo{e->kind, e->subject};
    }
    static std::optional<HistoryStepInfo> info(const Edit* e) {
        if (!e) return std::nullopt;
        return HistoryStepInfo{e->kind, e->subject};
    }
    // An undo or redo the file cannot store is not made: the map keeps the stored state, and
    // the edits from here on are kept in memory.
    bool historyStep(bool back) {
        if (memory_) return back ? memory_->undo() : memory_->redo();
        try {
            return back ? file_.undo() : file_.redo();
        } catch (const StorageError& e) {
            keepInMemory(e, Edit{});
            return false;
        }
    }
    void keepInMemory(const StorageError& e, const Edit& failed) {
        unsaved_ = UnsavedEdits{e.problem(), file_.path(), e.what(), failed.kind, failed.subject};
        memory_.emplace();
        memory_->network = file_.network();  // the file's state: its failed transaction was rolled back
    }
    ProjectFile file_;
    std::optional<Document> memory_;
    UnsavedEdits unsaved_;
};

class ImportedTarget final : public EditTarget {
public:
    explicit ImportedTarget(Network network) { document_.network = std::move(network); }
    const Network& network() const override { return document_.network; }
    void apply(const Edit& edit) override { document_.execute(edit); }
    bool undo() override { return document_.undo(); }
    bool redo() override { return document_.redo(); }
    std::optional<HistoryStepInfo> nextUndo(std::size_t skip) override { return info(document_.nextUndo(skip)); }
    std::optional<HistoryStepInfo> nextRedo(std::size_t skip) override { return info(document_.nextRedo(skip)); }
    bool applyOnOpening(const Edit& edit) override {
        applyEdit(document_.network, edit);
        return false;
    }

private:
    static std::optional<HistoryStepInfo> info(const Edit* e) {
        if (!e) return std::nullopt;
        return HistoryStepInfo{e->kind, e->subject};
    }
    Document document_;
};

}  // namespace

std::unique_ptr<EditTarget> makeProjectTarget(ProjectFile file) { return std::make_unique<ProjectTarget>(std::move(file)); }

std::unique_ptr<EditTarget> makeImportedTarget(Network network) { return std::make_unique<ImportedTarget>(std::move(network)); }

namespace {
// The kept edits replayed on a copy of the project file (its history and snapshots with it); the
// copy is removed again when that fails.
std::optional<ProjectFile> copyWithKeptEdits(ProjectFile& original, const std::vector<Edit>& kept, const Network& shown,
                                             const std::string& path) {
    // Created first, empty and for the owner only (a project holds personal data); an existing
    // file is refused, never written over.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw StoreError(path + ": cannot create: " + std::strerror(errno));
    ::close(fd);
    try {
        original.backupTo(path);  // VACUUM INTO an empty file
    } catch (const std::exception&) {
        std::error_code ec;
        std::filesystem::remove(path, ec);  // a partial copy
        return std::nullopt;
    }
    try {
        ProjectFile copy = ProjectFile::open(path, OpenMode::ReadWrite);
        for (const Edit& edit : kept) copy.execute(edit);
        // Should the replay not end where the view is, one more step makes it so.
        if (!(copy.network() == shown)) copy.execute(cmdReplaceContent(copy.network(), shown, "kept_edits", ""));
        return copy;
    } catch (const std::exception&) {
        std::error_code ec;
        std::filesystem::remove(path, ec);
        throw;
    }
}
}  // namespace

std::unique_ptr<EditTarget> saveProjectAs(EditTarget& current, const std::string& path) {
    const std::vector<Edit>* kept = current.keptEdits();
    if (ProjectFile* original = current.openedFile(); original && kept)
        if (std::optional<ProjectFile> copy = copyWithKeptEdits(*original, *kept, current.network(), path))
            return makeProjectTarget(std::move(*copy));
    // Straight into the file (not through a target, which would keep a failed edit in memory).
    std::optional<ProjectFile> project(ProjectFile::create(path, current.network().name));  // refuses an existing path
    try {
        project->execute(cmdMerge(project->network(), current.network()));
    } catch (const std::exception&) {
        project.reset();  // closed before it goes
        std::error_code ec;
        std::filesystem::remove(path, ec);
        throw;
    }
    return makeProjectTarget(std::move(*project));
}

}  // namespace knp::ui
