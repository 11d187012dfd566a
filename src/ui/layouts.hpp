#pragma once
// Layouts in the view: chosen from the menu (a progress window, then one undoable step), and
// the live layout after a new actor or link (in the background, then the actors glide to their
// new places and the positions are committed when they arrive). Both run on the task runner.
#include <string>

#include "ui/state.hpp"

namespace knp::ui {

// Runs a layout off the UI thread; `live`: incremental force layout after an edit, animated.
// Nothing happens while another layout runs.
void startLayout(AppState& s, const std::string& engine, bool live = false);
// Takes a finished layout: commits it (or starts the live layout's animation), or says why not
// (failed, cancelled, the network changed meanwhile). panels::drawLayoutProgress shows it running.
void finishLayout(AppState& s, double now);
// Per frame: starts the live layout when the network has grown by an edit (not by undo or redo,
// not in automated runs).
void updateLiveLayout(AppState& s);
// Per frame: moves the animation on to `now` (seconds) and commits its end.
void updateLayoutAnimation(AppState& s, double now);

}  // namespace knp::ui
