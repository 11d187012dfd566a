#pragma once
// Text files as facilitators bring them: UTF-8 with or without byte order mark, UTF-16 with a
// byte order mark (Excel's "Unicode text"), or Windows-1252 (what German Excel writes as "CSV").
// Everything is turned into UTF-8 here, through glibc's iconv; bytes that fit none of them give
// InputError naming the file, the line and the byte.
#include <string>
#include <string_view>

namespace knp {

struct DecodedText {
    std::string utf8;
    std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"
};

// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view bytes);
DecodedText decodeText(std::string_view bytes, const std::string& pathForMessages);

}  // namespace knp
