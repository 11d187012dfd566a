#pragma once
// The desktop view: a GLFW window with Dear ImGui panels over the canvas renderer.
#include <chrono>
#include <string>

#include "core/taxonomy.hpp"

namespace knp::ui {

struct AppOptions {
    std::string input;            // project or importable file to open; empty: none
    std::string screenshotPath;   // --screenshot: render, save PNG, exit
    int width = 1600, height = 1000;
    int frames = 3;               // frames rendered before the screenshot
    int benchFrames = 0;          // --bench-frames: render N frames, print median and p95
    Lang lang = Lang::De;
    bool langGiven = false;       // --lang on the command line (else the saved setting)
    bool compare = false;         // --compare SNAPSHOT: start in compare mode against it
    std::string compareWith;
    std::string colorBy, sizeBy;  // --color-by, --size-by: a metric of knp metrics (empty: sector, influence)
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();  // process start, for the first-frame time
};

// Runs the view until the window closes; returns the process exit code.
int runApp(const AppOptions& options);

}  // namespace knp::ui
