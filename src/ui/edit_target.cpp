#include "ui/edit_target.hpp"

#include "core/edit.hpp"

namespace knp::ui {

namespace {

class ProjectTarget final : public EditTarget {
public:
    explicit ProjectTarget(ProjectFile file) : file_(std::move(file)) {}
    const Network& network() const override { return file_.network(); }
    void apply(const Edit& edit) override { file_.execute(edit); }
    bool undo() override { return file_.undo(); }
    bool redo() override { return file_.redo(); }
    std::optional<HistoryStepInfo> nextUndo(std::size_t skip) override { return info(file_.nextUndo(skip)); }
    std::optional<HistoryStepInfo> nextRedo(std::size_t skip) override { return info(file_.nextRedo(skip)); }
    bool applyOnOpening(const Edit& edit) override {
        file_.execute(edit);  // every change of a project is a command in its file
        return true;
    }
    ProjectFile* project() override { return &file_; }

private:
    static std::optional<HistoryStepInfo> info(const std::optional<HistoryEntry>& e) {
        if (!e) return std::nullopt;
        return HistoryStepInfo{e->kind, e->subject};
    }
    ProjectFile file_;
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

}  // namespace knp::ui
