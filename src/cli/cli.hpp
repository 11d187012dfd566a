#pragma once
// knp, the command line: parses arguments (CLI11) and runs one command over the engine.
// Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 failure, 2 usage, 3 bad input.

namespace knp::cli {

int run(int argc, char** argv);

}  // namespace knp::cli
