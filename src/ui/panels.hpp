#pragma once
// The view's windows, one function each over the shared state.
#include "ui/state.hpp"

namespace knp::ui {

void drawMenuBar(AppState& s);
void drawNewActorPopup(AppState& s);
void drawInspector(AppState& s);
void drawAnalysisPanel(AppState& s);
void drawActorTable(AppState& s);
void drawFilters(AppState& s);
void drawSnapshots(AppState& s);
void drawErasePerson(AppState& s);
// Starts a layout off the UI thread; drawLayoutProgress shows it and applies the result.
// Runs a layout off the UI thread; `live`: incremental force layout after an edit, animated.
void startLayout(AppState& s, const std::string& engine, bool live = false);
void drawLayoutProgress(AppState& s);
void drawLegend(const AppState& s);
void drawStatusBar(const AppState& s);

}  // namespace knp::ui
