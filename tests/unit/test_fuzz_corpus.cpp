// The fuzzers' saved corpus (tests/fuzz/corpus/TARGET, made by tests/fuzz/run.sh) replayed
// through the same entry points as the fuzzers: every input gives a network or an InputError.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz/targets.hpp"

namespace fs = std::filesystem;

TEST_CASE("the saved fuzzing corpus of every importer replays without a crash", "[fuzz][bad]") {
    const fs::path root = fs::path(KNP_TEST_DATA).parent_path() / "fuzz" / "corpus";
    for (const knp::fuzz::Target& target : knp::fuzz::targets()) {
        INFO("target " << target.name);
        const fs::path folder = root / target.name;
        REQUIRE(fs::is_directory(folder));
        std::size_t replayed = 0;
        for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            INFO("input " << entry.path().filename().string());
            CHECK_NOTHROW(target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
            ++replayed;
        }
        CHECK(replayed >= 5);
    }
}
