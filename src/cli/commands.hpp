#pragma once
// The knp commands, one function each, registered on the CLI11 app by registerCommands().
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "core/taxonomy.hpp"

namespace knp::cli {

struct GlobalOptions {
    Lang lang = Lang::De;
};

// Today's date for footers and reports: 21.11.2026 (German), 2026-11-21 (English).
std::string todayText(Lang lang);

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
