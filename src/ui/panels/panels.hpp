#pragma once
// The view's windows, one file each in ui/panels/ (as Tracy's TracyView_<Window>.cpp): each a
// function over the state it shows, drawn first, then what the user did is applied (as edits
// through commit()). Shared helpers: ui/panels/widgets.hpp. ui/frame.cpp calls them in order.
#include "ui/state.hpp"

namespace knp::ui {

void drawMenuBar(AppState& s);           // menu_bar.cpp: Datei, Bearbeiten, Layout, Ansicht
void drawNewActorPopup(AppState& s);     // new_actor.cpp: N on the map
void drawInspector(AppState& s);         // inspector.cpp: the selected actor or link
void drawAnalysisPanel(AppState& s);     // analysis_panel.cpp: findings, brokers, heat map
void drawActorTable(AppState& s);        // actor_table.cpp: search and sort
void drawFilters(AppState& s);           // filters.cpp: hidden sectors, fields, types, statuses
void drawSnapshots(AppState& s);         // snapshots.cpp: take, compare, restore
void askSnapshotName(AppState& s);       // snapshots.cpp: a new snapshot, named in a small dialog
void drawComparePanel(AppState& s);      // compare_panel.cpp: compare mode's timeline and findings
void drawFileDialog(AppState& s);        // file_dialog.cpp: the in-app file browser (or zenity's answer)
void drawExportProgress(AppState& s);    // export_progress.cpp: an export being written
void drawNotice(AppState& s);            // notice.cpp: a message to acknowledge
void drawBackupOffer(AppState& s);       // backup_offer.cpp: a damaged project's sound backup
void drawErasePerson(AppState& s);       // erase_person.cpp: DSGVO Art. 17, confirmed
void drawStorageFailure(AppState& s);    // storage_failure.cpp: a change the project file could not store
void drawLayoutProgress(AppState& s);    // layout_progress.cpp: a layout from the menu, cancellable
void drawLegend(const AppState& s);      // legend.cpp: sectors and link types shown
void drawStatusBar(const AppState& s);   // status_bar.cpp: the last message

}  // namespace knp::ui
