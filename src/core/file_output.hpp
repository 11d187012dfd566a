#pragma once
// Files in and out for the importers and exporters: reading a whole input file with a size
// limit; writing an export to a temporary file beside the target, flushed to disk, then renamed
// over it, so that a crash never leaves half a file; XML text escaping for the XML formats.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace knp {

// How large an input file may be: networks of municipalities are far smaller (the sample
// 40 KB, a 50,000-link benchmark network 5 MB); larger files are refused before reading, so
// that memory stays bounded.
constexpr std::size_t kMaxInputBytes = std::size_t{100} << 20;

// The bytes of an input file; InputError when it cannot be read or is larger than `maxBytes`
// (refused before reading, so memory stays bounded).
std::string readInputFile(const std::string& path, std::size_t maxBytes);

// Throws std::runtime_error naming the path when the file cannot be written.
void writeFileAtomically(const std::string& path, std::string_view bytes);
// The same for writers that want a path of their own (libxlsxwriter): `write` writes the whole
// file at the temporary path given; it is synced and renamed to `path`, or removed when
// `write` throws.
void writeFileAtomicallyWith(const std::string& path, const std::function<void(const std::string& temporaryPath)>& write);

// Text for XML content (or, with `attribute`, an attribute value): & < > " ' as entities;
// carriage returns (and in attribute values line feeds and tabs) as character references, so
// that parsers do not normalise them away; control characters XML 1.0 does not allow are dropped.
std::string xmlEscape(std::string_view text, bool attribute = false);

}  // namespace knp
