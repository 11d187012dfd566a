// libFuzzer entry for one importer, chosen at build time (KNP_FUZZ_TARGET, see CMakeLists.txt).
#include <cstring>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const knp::fuzz::Target* target = [] {
        for (const knp::fuzz::Target& t : knp::fuzz::targets())
            if (std::strcmp(t.name, KNP_FUZZ_TARGET) == 0) return &t;
        return static_cast<const knp::fuzz::Target*>(nullptr);
    }();
    if (target) target->run(data, size);
    return 0;
}
