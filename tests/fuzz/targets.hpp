#pragma once
// One entry per importer, shared by the libFuzzer targets (fuzz_*.cpp, built with clang and
// sanitizers by tests/fuzz/run.sh) and the Catch2 test that replays the saved corpus in CI.
// Each takes any bytes: a network or an InputError are both fine; anything else (a crash, a
// sanitizer report, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace knp::fuzz {

struct Target {
    const char* name;  // also the corpus folder: tests/fuzz/corpus/NAME
    void (*run)(const std::uint8_t* data, std::size_t size);
};

const std::vector<Target>& targets();

}  // namespace knp::fuzz
