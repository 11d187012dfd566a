#include "graphviz/isolation.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/errors.hpp"

namespace knp {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

void writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

[[noreturn]] void child(int fd, const std::function<std::string()>& work, const IsolationLimits& limits) {
    // Limits: memory (not under ASan), CPU time as a backstop to the parent's clock.
    if (!kAddressSanitizer) {
        const rlim_t bytes = static_cast<rlim_t>(limits.megabytes) * 1024 * 1024;
        const rlimit as{bytes, bytes};
        ::setrlimit(RLIMIT_AS, &as);
    }
    const rlim_t cpu = static_cast<rlim_t>(limits.seconds) + 5;
    const rlimit cpuLimit{cpu, cpu + 5};
    ::setrlimit(RLIMIT_CPU, &cpuLimit);
    char status = 'O';
    std::string payload;
    try {
        if (const char* fault = std::getenv("KNP_GRAPHVIZ_FAULT")) {
            if (std::strcmp(fault, "crash") == 0) {
                ::signal(SIGSEGV, SIG_DFL);  // a crash as the kernel ends it, also under AddressSanitizer
                ::raise(SIGSEGV);
            }
            if (std::strcmp(fault, "hang") == 0)
                for (;;) ::pause();
            if (std::strcmp(fault, "memory") == 0 && !kAddressSanitizer) {
                std::vector<std::vector<char>> hog;
                for (;;) hog.emplace_back(64u << 20, 'x');
            }
        }
        payload = work();
    } catch (const InputError& e) {
        status = 'I';
        payload = e.what();
    } catch (const UsageError& e) {
        status = 'U';
        payload = e.what();
    } catch (const std::bad_alloc&) {
        status = 'M';
    } catch (const std::exception& e) {
        status = 'E';
        payload = e.what();
    }
    writeAll(fd, &status, 1);
    writeAll(fd, payload.data(), payload.size());
    ::close(fd);
    ::_exit(0);
}

double envNumber(const char* name, double fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    const double d = std::atof(v);
    return d > 0 ? d : fallback;
}

}  // namespace

IsolationLimits isolationLimits() {
    IsolationLimits l;
    l.seconds = envNumber("KNP_GRAPHVIZ_TIMEOUT", l.seconds);
    l.megabytes = static_cast<std::size_t>(envNumber("KNP_GRAPHVIZ_MEMORY_MB", static_cast<double>(l.megabytes)));
    return l;
}

std::string runIsolated(const std::string& what, const std::function<std::string()>& work, const IsolationLimits& limits) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw IsolationError(what + ": cannot create a pipe: " + std::strerror(errno));
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw IsolationError(what + ": cannot start a separate process: " + std::strerror(errno));
    }
    if (pid == 0) {
        ::close(fds[0]);
        child(fds[1], work, limits);
    }
    ::close(fds[1]);
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limits.seconds);
    bool timedOut = false;
    char buffer[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (r < 0 && errno != EINTR) break;
        if (r <= 0) continue;
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the child closed its end (done or dead)
        received.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timedOut) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut)
        throw IsolationError(what + " gave no answer within " + std::to_string(static_cast<long>(limits.seconds)) +
                             " s and was stopped; nothing else was affected");
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL)
            throw IsolationError(what + " ran out of its time limit and was stopped; nothing else was affected");
        throw IsolationError(what + " crashed (signal " + std::to_string(sig) + ", " + ::strsignal(sig) + "); nothing else was affected");
    }
    if (received.empty())
        throw IsolationError(what + " stopped without an answer (exit code " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                             "; Graphviz leaves like that when it runs out of memory); nothing else was affected");
    const char kind = received[0];
    std::string payload = received.substr(1);
    switch (kind) {
    case 'O': return payload;
    case 'I': throw InputError(payload);
    case 'U': throw UsageError(payload);
    case 'M':
        throw IsolationError(what + " needed more than " + std::to_string(limits.megabytes) + " MB of memory and was stopped; nothing else was affected");
    default: throw IsolationError(payload);
    }
}

}  // namespace knp
