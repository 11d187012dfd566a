#pragma once
// AppState: everything the desktop view keeps between frames, in named parts. Panels are
// functions over it; edits go through commit(), never into the model directly.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/compare.hpp"
#include "analysis/gaps.hpp"
#include "analysis/metrics.hpp"
#include "analysis/network_analysis.hpp"
#include "core/commands.hpp"
#include "core/geometry.hpp"
#include "render/canvas_renderer.hpp"
#include "store/backups.hpp"
#include "store/project_file.hpp"
#include "ui/edit_target.hpp"
#include "ui/file_dialog.hpp"
#include "ui/files.hpp"
#include "ui/free_area.hpp"
#include "ui/tasks.hpp"

namespace knp::ui {

// Results of the background analysis for one version of the network.
// The analysis of one version of the network (analysis/network_analysis.hpp): the panels, the
// map's colours and sizes, and every export of the view read this one result.
using AnalysisResult = analysis::NetworkAnalysis;

// A layout computed off the UI thread (ui/layouts.hpp), with progress and cancel. The result is
// applied as one undoable step if the network has not changed meanwhile.
struct LayoutJob {
    std::string engine;
    bool live = false;                   // after an edit, in the background: no window, animated
    Task<std::vector<Point>> task;       // its version: the network version it was started for
};

// The subject of layout steps made by the live layout (undo and redo take them together with
// the edit before them).
inline constexpr const char* kLiveLayout = "live";
// The subject of the layout step that placed actors without a position when the project was
// opened: the view does not undo it (every such actor would fall onto one spot).
inline constexpr const char* kOpeningLayout = "opening";

// Actors gliding from one layout to the next; the positions are committed when it ends.
struct LayoutAnimation {
    std::vector<Point> from, to;
    std::uint64_t version = 0;           // network version it belongs to (else dropped)
    double started = 0;                  // seconds (glfwGetTime)
    double t = 0;                        // 0..1, this frame
};

enum class Tool { Select, Link };

struct CanvasState {
    render::CanvasView view{0, 0, 1};
    bool fitRequested = true;
    // The windows over the map in the frame before (panels, legend, status bar): fitting keeps
    // the map out from under them. Empty until the first frame has drawn them.
    std::vector<Bounds> panels;
    std::vector<Bounds> layoutPanels;          // the same less the legend: what, changed, fits the map anew
    std::vector<Bounds> fitPanels;             // the layout panels the map was last fitted around
    Bounds room;                               // the free part the map was last fitted into (empty: the window)
    Bounds roomOnMap;                          // the same in world units (names stay inside it)
    bool fitted = true;                        // the view is as fitted (no zoom or pan since)
    float windowWidth = 0, windowHeight = 0;   // the window's size in the frame before
    std::optional<std::uint32_t> hover;        // actor under the mouse
    std::optional<std::string> hoverLink;      // link under the mouse
    bool dragging = false;                     // moving the selection
    bool boxSelecting = false;
    float boxStart[2] = {0, 0};
    Point dragStartWorld;
    std::vector<Point> dragOffsets;    // per selected actor, while dragging
    Tool tool = Tool::Select;
    std::optional<std::string> linkFrom;       // L: the actor the new link starts at
    bool escapeTaken = false;                  // this frame's Escape closed a menu
    // Visible actors whose centre lies outside the free part of the map (zoomed or panned away,
    // or pushed out by a live layout): the edge of that part points to them, the status bar
    // counts them. Empty while the view settles or actors glide.
    std::vector<std::uint32_t> outside;
    Bounds outsideRoom;                        // that free part (screen pixels)
    // The legend's rectangle in the frame before, since when it stands so, and whether a fitted
    // map was checked against it since (actors under a grown legend: fit once it stands still).
    Bounds legend;
    double legendSince = 0;
    bool legendChecked = true;
};

struct NewActorPopup {
    bool open = false;
    bool focus = false;
    char name[256] = {};
    int sector = -1;  // index into the taxonomy's sectors, -1 none
    Point at;
};

// How many of the analysis' suggested links the map shows when asked to (the panel lists all).
inline constexpr std::size_t kSuggestionsOnMap = 3;

struct ViewOptions {
    bool presentation = false;   // F5: full screen, large type, panels hidden
    bool dark = false;
    bool highContrast = false;   // for projectors: black on white, strong lines, bold labels
    bool labels = true;
    bool legend = true;          // the legend over the map (off: the map takes its room)
    bool liveLayout = true;      // force layout after each new actor or link, animated
    bool hideIsolates = false;
    int colorBy = 0;             // 0 sector, then 1 + metric index
    int sizeBy = 0;              // 0 influence, then 1 + metric index
    bool showSuggestions = false;  // the analysis' top suggestions on the map (kSuggestionsOnMap)
    int egoSteps = 0;            // 0 off, 1 or 2 around the selected actor
    std::set<std::string> hiddenSectors;
    std::set<std::string> hiddenFields;     // actors only in hidden fields are dimmed
    std::set<std::string> hiddenLinkTypes;
    std::set<std::string> hiddenStatuses;
};

// Derived per version of the network, so that frames do not redo it: link ends as indices,
// degrees. Rebuilt by sceneFor() when the version changes.
struct SceneCache {
    std::uint64_t version = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> linkEnds;
    std::vector<std::uint32_t> degree;
};

// What the instance buffers were built from; when it is unchanged, the buffers are reused.
struct InstanceKey {
    std::uint64_t version = 0, resultsVersion = 0;
    std::size_t selection = 0, selectionHash = 0;
    long hover = -1;
    std::string selectedLink;
    bool dragging = false;
    float dragX = 0, dragY = 0;
    double animation = -1;
    float scale = 0;                     // the view's zoom (actors have a least size on screen)
    int colorBy = 0, sizeBy = 0, egoSteps = 0;
    bool hideIsolates = false, suggestions = true, presentation = false, highContrast = false;
    double compareT = -1;
    int compareBase = -1;
    std::size_t hiddenSectors = 0, hiddenFields = 0, hiddenLinkTypes = 0, hiddenStatuses = 0;
    bool operator==(const InstanceKey&) const = default;
};

// Compare mode (V, Ansicht > Vergleichen): the project's snapshots and today on one map, every
// actor where it is today (or where it was last), what is new in green, what is gone dashed in
// red, what changed in orange, against a chosen state; a timeline steps through the states with
// fading transitions. The map is view-only meanwhile. ui/compare_view.hpp.
struct CompareMode {
    bool active = false;
    std::vector<std::string> names;                  // snapshots oldest first, then today
    std::vector<std::string> dates;                  // yyyy-mm-dd ("" for today)
    std::vector<Network> states;
    Network scene;                                   // every actor and link of any state: what is drawn
    std::vector<std::vector<std::int32_t>> actorIn, linkIn;  // [state][scene index]: index in the state, -1 absent
    std::vector<std::vector<analysis::Change>> actorMark, linkMark;  // [state][scene index], against `base`
    int base = 0;                                    // the state compared with
    int shown = 0;                                   // the state the timeline goes to
    double from = 0, started = -1;                   // animated step from `from` to `shown`
    double t = 0;                                    // this frame's place on the timeline
    bool playing = false;
    double nextStep = 0;
    std::shared_ptr<const analysis::Comparison> table;        // base against shown, when done
    Task<analysis::Comparison> pending;
    int tableBase = -1, tableShown = -1;
    Lang lang = Lang::De;                            // of the names and the table
};

struct AppState {
    TaskRunner tasks;                    // all long work; declared first, so destroyed after every task handle
    Lang lang = Lang::De;
    // What is edited: a project (.knp: every edit is on disk when commit() returns) or an
    // imported document (any other input: edits stay in memory until saved). Never null.
    std::unique_ptr<EditTarget> document = makeImportedTarget(Network{});
    std::string sourcePath, sourceName;
    std::uint64_t version = 1;           // bumped by every change of the network
    std::set<std::string> selectedActors;
    std::optional<std::string> selectedLink;
    CanvasState canvas;
    NewActorPopup newActor;
    ViewOptions options;
    std::string status;                  // last message for the status bar (an error: it stays)
    std::string note;                    // what just happened ("Rückgängig gemacht: …"), for a few seconds
    double noteUntil = 0;
    bool searchFocus = false;
    bool showFilters = false;
    bool showSnapshots = false;
    Settings settings;                   // loaded at start, saved when they change
    bool automated = false;              // --screenshot / --bench-frames: no settings, no dialogs
    std::unique_ptr<FileDialog> fileDialog;
    std::optional<ExportTask> exportTask;  // an export under way
    ExportSettings exportSettings;
    std::string notice;                  // a message the user must acknowledge (modal)
    bool lockedElsewhere = false;        // a project shown read-only: another window has it
    float contentScale = 1;              // HiDPI: window content scale
    char snapshotName[96] = {};
    bool snapshotDialog = false;         // the snapshot's name is being asked (ui/panels/snapshots.cpp)
    char search[128] = {};
    bool quit = false;
    // The analysis of the network, one version at a time (ui/state.cpp, updateAnalysis).
    Task<std::shared_ptr<const AnalysisResult>> analysisTask;
    std::uint64_t analysisRequested = 0;  // the version the last analysis was started for
    std::shared_ptr<const AnalysisResult> results;  // the newest finished (maybe of an older version)
    mutable SceneCache scene;
    // The edited network of one version as an immutable copy, made once and shared by the
    // analysis, the layouts and the exports started for that version (frozenNetwork).
    mutable std::shared_ptr<const Network> frozen;
    mutable std::uint64_t frozenVersion = 0;
    std::optional<LayoutJob> layoutTask;
    std::optional<LayoutAnimation> animation;
    bool historyMoved = false;           // undo/redo happened: no live layout for it
    std::size_t liveActors = SIZE_MAX, liveLinks = SIZE_MAX;  // counts the live layout last saw (MAX: none yet)

    CompareMode compare;
    // Backups (store/backups.hpp): on opening a project and every 10 minutes while it changes.
    std::uint64_t edits = 0;             // edits, undos and redos committed
    std::uint64_t backedUpEdits = 0;
    std::uint64_t editsAtOpen = 0;       // `edits` when the document was opened (imported: unsaved since)
    double openedAt = 0;                 // ImGui time the document was opened
    double lastBackup = 0;               // glfwGetTime of the last backup
    // A damaged project with a sound backup: the view offers to open a copy of the backup.
    struct BackupOffer {
        std::string damaged, error;
        BackupInfo backup;
    };
    std::optional<BackupOffer> backupOffer;
    std::string erasePerson;             // a contact person to erase, awaiting confirmation
    bool storageFailureShown = false;    // the message that edits are kept in memory (panels/storage_failure.cpp)
    // Shown again because quitting or opening another file would lose the edits kept in memory.
    enum class UnsavedQuestion { None, Quit, Open } unsavedQuestion = UnsavedQuestion::None;
    bool quitUnsaved = false;            // confirmed: quit without saving them

    // What the map shows: the comparison's scene in compare mode, else the network.
    const Network& network() const { return compare.active ? compare.scene : edited(); }
    // The network edits go to (the project's or the imported one).
    const Network& edited() const { return document->network(); }
    // The open project file; nullptr for an imported document.
    ProjectFile* project() const { return document->project(); }
};

// Executes an edit through the document (project: one transaction on disk; imported: in
// memory); errors go to the status bar. Returns false when the edit was refused. An edit the
// project file cannot store (full disk, vanished folder, read-only file) is kept in memory with
// every later one, and a message says so (storageFailureShown).
bool commit(AppState& s, const Edit& edit);
// Positions for actors that had none when the document was opened (EditTarget::applyOnOpening):
// not refused in a view shown read-only, as they are part of what was opened.
bool commitOnOpening(AppState& s, const Edit& placing);
// Whether the view may close now (Ctrl+Q, the window's close button): not while edits are kept
// in memory only, unless the user confirmed it; else the message about them comes again.
bool mayQuit(AppState& s);
// Whether another document may replace the open one: not while edits are kept in memory only
// (the message about them comes again).
bool mayReplaceDocument(AppState& s);
// Per frame: swaps in a finished analysis and starts one for the current version when none runs
// (edits in quick succession are analysed once, for the newest version).
void updateAnalysis(AppState& s);
// Whether the analysis of the current version is still to come.
bool analysisPending(const AppState& s);
// The network of this version as an immutable copy, made once per version and shared by
// everything started for it off the UI thread (analysis, layouts).
std::shared_ptr<const Network> frozenNetwork(const AppState& s);
// The scene cache for the current version.
const SceneCache& sceneFor(const AppState& s);
// Says in the status bar what just happened, for a few seconds (not an error).
void tell(AppState& s, std::string text);
// What undo (back) or redo would do next, in words ("Akteur „Caritas“ anlegen"); "" when
// there is nothing.
std::string describeStep(AppState& s, bool back);
bool undo(AppState& s);
bool redo(AppState& s);
// Where actor i is drawn: its position, or on its way during a layout animation.
Point shownPosition(const AppState& s, std::size_t i);

}  // namespace knp::ui
