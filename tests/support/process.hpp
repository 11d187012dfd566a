#pragma once
// Runs a program with arguments (no shell), optional standard input, and captures its exit
// code, standard output and standard error. Used by the CLI and crash tests.
#include <string>
#include <vector>

namespace knp::test {

struct ProcessResult {
    int exitCode = -1;   // -1 when killed by a signal
    std::string out, err;
};

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText = "", int timeoutSeconds = 120);

}  // namespace knp::test
