#pragma once
// What the XML importers (GraphML, GEXF) share: expat run over a whole text with DOCTYPE and
// entity declarations refused (they can hide entity-expansion bombs), errors as "FILE:LINE:
// what", attribute lookup and element names without their namespace prefix.
#include <expat.h>

#include <optional>
#include <string>
#include <string_view>

namespace knp {

// The state every importer's expat handlers share; importers derive their parser from it.
struct XmlReader {
    XML_Parser xml = nullptr;
    std::string file;   // the file name, for messages
    std::string error;  // the first error, "FILE:LINE: what"

    std::size_t line() const { return static_cast<std::size_t>(XML_GetCurrentLineNumber(xml)); }
    // Records the first error at the current line and stops the parser.
    void fail(const std::string& message);
    // The same with a whole message of the caller's ("FILE:SHEET:ROW: what").
    void failWith(const std::string& wholeMessage);
};

// Runs expat over the text of the file at `path` (named in messages by its file name, or by
// `reader.file` when the caller set it); a text
// of nothing but white space is "FILE: the file is empty". The handlers get `&reader` as user data (an XmlReader*, which they
// static_cast to their derived parser). Throws InputError with the first error, a handler's
// or expat's ("malformed XML (...)").
void readXml(XmlReader& reader, const std::string& text, const std::string& path, XML_StartElementHandler start,
             XML_EndElementHandler end, XML_CharacterDataHandler characters);

// A typed attribute value (GraphML attr.type, GEXF type): booleans true/false/1/0, numbers of
// the numeric types (also NaN, INF, -INF; empty is allowed); throws InputError "WHERE:
// attribute "NAME" is TYPE, but holds "VALUE"". Other types take any text.
void checkTypedValue(const std::string& type, const std::string& name, const std::string& value, const std::string& where);

// The value of attribute `name` in expat's attribute list, or nullptr.
const char* xmlAttribute(const XML_Char** atts, const char* name);
// A number in an attribute value: finite, nothing after it; empty when it is none.
std::optional<double> xmlNumber(const char* text);
// An element name without a namespace prefix ("y:ShapeNode" -> "ShapeNode").
std::string_view xmlLocalName(const char* name);

}  // namespace knp
