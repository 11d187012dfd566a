#pragma once
// Starting and ending the view: the settings, the input from the command line (a project for
// writing, or read-only with a notice when another window has it; any importable file; a
// damaged project's backup offered), the first placement, backup and compare mode; the
// settings saved at the end.
#include <optional>

#include "ui/app.hpp"
#include "ui/state.hpp"

namespace knp::ui {

// Before the window opens: settings and the input. Returns the exit code when the view must not
// start (with the message printed).
std::optional<int> openAtStart(AppState& s, const AppOptions& options);
// After the window and ImGui are up: unplaced actors placed, a backup taken, compare mode entered
// when asked for. Returns the exit code when the view must not go on.
std::optional<int> prepareView(AppState& s, const AppOptions& options);
// At the end (not in automated runs): language, style and view options for the next start.
void saveViewSettings(AppState& s);

}  // namespace knp::ui
