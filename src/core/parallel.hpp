#pragma once
// parallelSources: runs work(worker, source) for every source 0..count-1 on `workers` threads,
// handing out sources in chunks of `chunk`; each worker has an index for its own buffers.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace knp {

inline unsigned workerCount(std::size_t items) {
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(hw, std::max<std::size_t>(1, items / 32)));
}

template <class Work>
void parallelSources(std::size_t count, unsigned workers, Work&& work, std::size_t chunk = 8) {
    if (workers <= 1) {
        for (std::size_t s = 0; s < count; ++s) work(0u, s);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto run = [&](unsigned worker) {
        for (;;) {
            const std::size_t begin = next.fetch_add(chunk);
            if (begin >= count) return;
            const std::size_t end = std::min(count, begin + chunk);
            for (std::size_t s = begin; s < end; ++s) work(worker, s);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
    run(0);
    for (std::thread& t : threads) t.join();
}

}  // namespace knp
