#pragma once
// The knp commands, one function each, registered on the CLI11 app by registerCommands().
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "core/taxonomy.hpp"
#include "session/messages.hpp"

namespace knp::cli {

struct GlobalOptions {
    Lang lang = Lang::De;
};

// What a use case reports, on stderr: "knp: TEXT" or "knp: warning: TEXT"; after 20 warnings
// in one run, the rest are counted and summed up by finishWarnings().
void printMessage(session::MessageLevel level, const std::string& text);
void finishWarnings();

// Adds every command to `app`; the chosen one stores its action in `action`.
void registerCommands(CLI::App& app, GlobalOptions& global, std::function<int()>& action);
// knp metrics and knp gaps (analysis_commands.cpp); `lang` reads the --lang option.
void registerAnalysisCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action);
// knp check, backup, erase-person, person-data (trust_commands.cpp).
void registerTrustCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action);
// knp compare (compare_commands.cpp).
void registerCompareCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action);
// knp layout and knp export (layout_commands.cpp).
void registerLayoutCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action);

}  // namespace knp::cli
