#include "io/xml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <new>

#include "core/errors.hpp"
#include "io/field_mapping.hpp"

namespace knp {

namespace {

void XMLCALL onDoctype(void* user, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<XmlReader*>(user)->fail("DOCTYPE declarations are refused (they can hide entity expansion attacks)");
}

void XMLCALL onEntity(void* user, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*, const XML_Char*,
                      const XML_Char*) {
    static_cast<XmlReader*>(user)->fail("entity declarations are refused");
}

}  // namespace

void XmlReader::fail(const std::string& message) { failWith(file + ":" + std::to_string(line()) + ": " + message); }

void XmlReader::failWith(const std::string& wholeMessage) {
    if (error.empty()) error = wholeMessage;
    XML_StopParser(xml, XML_FALSE);
}

void readXml(XmlReader& reader, const std::string& text, const std::string& path, XML_StartElementHandler start,
             XML_EndElementHandler end, XML_CharacterDataHandler characters) {
    if (reader.file.empty()) reader.file = std::filesystem::path(path).filename().string();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(reader.file + ": the file is empty");
    reader.xml = XML_ParserCreate(nullptr);
    if (!reader.xml) throw std::bad_alloc();
    XML_SetUserData(reader.xml, &reader);
    XML_SetElementHandler(reader.xml, start, end);
    XML_SetCharacterDataHandler(reader.xml, characters);
    XML_SetStartDoctypeDeclHandler(reader.xml, onDoctype);
    XML_SetEntityDeclHandler(reader.xml, onEntity);
    const auto status = XML_Parse(reader.xml, text.data(), static_cast<int>(text.size()), XML_TRUE);
    if (status == XML_STATUS_ERROR && reader.error.empty())
        reader.error = reader.file + ":" + std::to_string(XML_GetCurrentLineNumber(reader.xml)) + ": malformed XML (" +
                       XML_ErrorString(XML_GetErrorCode(reader.xml)) + ")";
    XML_ParserFree(reader.xml);
    reader.xml = nullptr;
    if (!reader.error.empty()) throw InputError(reader.error);
}

void checkTypedValue(const std::string& type, const std::string& name, const std::string& value, const std::string& where) {
    const std::string v = trim(value);
    if (type == "boolean") {
        if (v != "true" && v != "false" && v != "1" && v != "0")
            throw InputError(where + ": attribute \"" + name + "\" is boolean, but holds \"" + value + "\"");
        return;
    }
    static const char* const numeric[] = {"int", "long", "float", "double", "integer", "short", "byte", "bigdecimal", "biginteger"};
    if (std::none_of(std::begin(numeric), std::end(numeric), [&](const char* t) { return type == t; }) || v.empty()) return;
    char* end = nullptr;
    (void)std::strtod(v.c_str(), &end);
    if (end != v.c_str() + v.size() && v != "NaN" && v != "INF" && v != "-INF")
        throw InputError(where + ": attribute \"" + name + "\" is " + type + ", but holds \"" + value + "\"");
}

const char* xmlAttribute(const XML_Char** atts, const char* name) {
    for (int i = 0; atts[i]; i += 2)
        if (std::strcmp(atts[i], name) == 0) return atts[i + 1];
    return nullptr;
}

std::optional<double> xmlNumber(const char* text) {
    if (!text || !*text) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text, &end);
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string_view xmlLocalName(const char* name) {
    std::string_view n(name);
    const auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

}  // namespace knp
