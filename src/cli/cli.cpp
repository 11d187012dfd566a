#include "cli/cli.hpp"

#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "knp/version.hpp"

namespace knp::cli {

int run(int argc, char** argv) {
    CLI::App app{"knp: Knotenpunkt on the command line (maps of local actors in refugee integration)", "knp"};
    app.set_version_flag("--version", std::string("knp ") + kVersion);
    app.require_subcommand(1);
    // Global options (--lang) may also follow the command, as CONTRACT.md writes them:
    // subcommands hand options they do not know to the app (inherited by every subcommand).
    app.fallthrough();
    GlobalOptions global;
    std::function<int()> action;
    registerCommands(app, global, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        return action ? action() : 2;
    } catch (const InputError& e) {
        std::cerr << "knp: " << e.what() << "\n";
        return 3;
    } catch (const UsageError& e) {
        std::cerr << "knp: " << e.what() << "\n";
        return 2;
    } catch (const RefusedFileError& e) {
        std::cerr << "knp: " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "knp: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace knp::cli
