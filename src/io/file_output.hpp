#pragma once
// Writing export files: to a temporary file beside the target, flushed to disk, then renamed
// over it, so that a crash never leaves half a file; and XML text escaping for the XML formats.
#include <string>
#include <string_view>

namespace knp {

// Throws std::runtime_error naming the path when the file cannot be written.
void writeFileAtomically(const std::string& path, std::string_view bytes);

// Text for XML content and attribute values: & < > " ' as entities; control characters that
// XML 1.0 does not allow are dropped (tab, line feed and carriage return stay).
std::string xmlEscape(std::string_view text);

}  // namespace knp
