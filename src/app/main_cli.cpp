// knp: the command line front end. Wiring only; the commands live in src/cli.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return knp::cli::run(argc, argv); }
