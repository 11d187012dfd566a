#include "io/text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>

#include "core/errors.hpp"

namespace knp {

namespace {

std::size_t lineOf(std::string_view bytes, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n') ++line;
    return line;
}

// Converts with iconv; on a byte sequence the source encoding does not have, throws naming it.
std::string convert(std::string_view bytes, const char* from, const std::string& path, std::size_t lineStep) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) throw InputError(path + ": cannot convert from " + from + " on this system");
    std::string out(bytes.size() * 3 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = bytes.size();
    char* dst = out.data();
    std::size_t outLeft = out.size();
    const std::size_t rc = iconv(cd, &in, &inLeft, &dst, &outLeft);
    const int err = errno;
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) {
        const std::size_t offset = bytes.size() - inLeft;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[offset]));
        const std::size_t line = lineStep == 1 ? lineOf(bytes, offset) : 0;
        throw InputError(path + (line ? ":" + std::to_string(line) : std::string()) + ": byte " + hex +
                         (err == EINVAL ? " ends the file in the middle of a character" : " is neither UTF-8 nor " + std::string(from)) +
                         " (save the file as UTF-8)");
    }
    out.resize(out.size() - outLeft);
    return out;
}

}  // namespace

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return false;
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

DecodedText decodeText(std::string_view bytes, const std::string& path) {
    DecodedText d;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        const bool little = bytes[0] == '\xFF';
        d.encoding = little ? "UTF-16LE" : "UTF-16BE";
        d.utf8 = convert(bytes.substr(2), d.encoding.c_str(), path, 2);
        return d;
    }
    if (bytes.find('\0') != std::string_view::npos)
        throw InputError(path + ":" + std::to_string(lineOf(bytes, bytes.find('\0'))) + ": a NUL byte: this is a binary file, not text");
    if (isValidUtf8(bytes)) {
        d.encoding = "UTF-8";
        d.utf8 = std::string(bytes);
        return d;
    }
    d.encoding = "Windows-1252";
    d.utf8 = convert(bytes, "WINDOWS-1252", path, 1);
    return d;
}

}  // namespace knp
