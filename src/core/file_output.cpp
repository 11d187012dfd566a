#include "core/file_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "core/errors.hpp"

namespace knp {

std::string readInputFile(const std::string& path, std::size_t maxBytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes)
        throw InputError(path + ": " + std::to_string(size >> 20) + " MB, larger than the " + std::to_string(maxBytes >> 20) +
                         " MB this format is read up to; not read");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot be read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFileAtomicallyWith(const std::string& path, const std::function<void(const std::string& temporaryPath)>& write) {
    const std::filesystem::path target(path);
    const std::filesystem::path temp = target.parent_path() / ("." + target.filename().string() + ".part");
    try {
        write(temp.string());
        // On disk before it takes the name: a crash leaves the old file or the new one.
        const int fd = ::open(temp.c_str(), O_RDONLY);
        const bool synced = fd >= 0 && fsync(fd) == 0;
        if (fd >= 0) ::close(fd);
        if (!synced) throw std::runtime_error(path + ": writing failed: " + std::strerror(errno));
        std::filesystem::rename(temp, target);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        throw;
    }
}

void writeFileAtomically(const std::string& path, std::string_view bytes) {
    writeFileAtomicallyWith(path, [&](const std::string& temp) {
        FILE* f = std::fopen(temp.c_str(), "wb");
        if (!f) throw std::runtime_error(path + ": cannot be written: " + std::strerror(errno));
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
        std::fclose(f);
        if (!ok) throw std::runtime_error(path + ": writing failed");
    });
}

std::string xmlEscape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            // Parsers turn a carriage return into a line feed, and in attribute values line
            // feeds and tabs into spaces: written as references they survive.
            case '\r': out += "&#13;"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

}  // namespace knp
