#include "io/xlsx_import.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "core/errors.hpp"
#include "io/csv_import.hpp"
#include "io/field_mapping.hpp"
#include "core/file_output.hpp"
#include "io/xml_reader.hpp"

namespace knp {

namespace {

constexpr std::size_t kMaxPart = std::size_t{256} << 20;   // one unpacked part (a sheet)
constexpr std::size_t kMaxTotal = std::size_t{512} << 20;  // all parts read together
constexpr std::size_t kMaxCells = 20'000'000;
constexpr int kMaxColumns = 16384;  // Excel's XFD

// The ZIP container, read from memory.
class Zip {
public:
    Zip(const std::string& bytes, const std::string& file) : file_(file) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (!source) throw std::bad_alloc();
        zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!zip_) {
            zip_source_free(source);
            const std::string why = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw InputError(file + ": not an XLSX workbook (the ZIP container cannot be read: " + why + ")");
        }
        zip_error_fini(&error);
    }
    ~Zip() { zip_discard(zip_); }
    Zip(const Zip&) = delete;
    Zip& operator=(const Zip&) = delete;

    // The unpacked part `name`, or nothing when the workbook has no such part.
    std::optional<std::string> read(const std::string& name) {
        const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
        if (index < 0) return std::nullopt;
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0)
            throw InputError(file_ + ": the workbook's part " + name + " cannot be read");
        if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPart)
            throw InputError(file_ + ": the workbook's part " + name + " unpacks to " + std::to_string(st.size >> 20) +
                             " MB, more than the 256 MB this version reads");
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), zip_fclose);
        if (!f) throw InputError(file_ + ": the workbook's part " + name + " cannot be unpacked (" + zip_strerror(zip_) + ")");
        std::string out;
        char buffer[1 << 16];
        // The sizes in a ZIP's directory can lie: the reading itself is bounded.
        for (;;) {
            const zip_int64_t n = zip_fread(f.get(), buffer, sizeof buffer);
            if (n < 0) throw InputError(file_ + ": the workbook's part " + name + " is damaged (" + zip_file_strerror(f.get()) + ")");
            if (n == 0) break;
            out.append(buffer, static_cast<std::size_t>(n));
            if (out.size() > kMaxPart || total_ + out.size() > kMaxTotal)
                throw InputError(file_ + ": the workbook unpacks to more than this version reads (a ZIP bomb?)");
        }
        total_ += out.size();
        return out;
    }
    std::string need(const std::string& name) {
        std::optional<std::string> part = read(name);
        if (!part) throw InputError(file_ + ": not an XLSX workbook (no " + name + ")");
        return std::move(*part);
    }

private:
    zip_t* zip_ = nullptr;
    std::string file_;
    std::size_t total_ = 0;
};

// xl/workbook.xml: the sheets' names and relationship ids.
struct WorkbookParser : XmlReader {
    std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
};
void XMLCALL workbookStart(void* user, const XML_Char* name, const XML_Char** atts) {
    auto* p = static_cast<WorkbookParser*>(static_cast<XmlReader*>(user));
    if (xmlLocalName(name) != "sheet") return;
    const char* sheetName = xmlAttribute(atts, "name");
    const char* id = xmlAttribute(atts, "r:id");
    if (!sheetName || !id) return p->fail("<sheet> without name or r:id");
    p->sheets.emplace_back(sheetName, id);
}

// xl/_rels/workbook.xml.rels: relationship id -> part.
struct RelsParser : XmlReader {
    std::map<std::string, std::string> targets;
};
void XMLCALL relsStart(void* user, const XML_Char* name, const XML_Char** atts) {
    auto* p = static_cast<RelsParser*>(static_cast<XmlReader*>(user));
    if (xmlLocalName(name) != "Relationship") return;
    const char* id = xmlAttribute(atts, "Id");
    const char* target = xmlAttribute(atts, "Target");
    if (id && target) p->targets[id] = target;
}

// xl/sharedStrings.xml: <si> items, each the text of its <t> elements (rich text runs joined;
// phonetic runs <rPh> left out).
struct StringsParser : XmlReader {
    std::vector<std::string> strings;
    bool inItem = false, inText = false;
    int phonetic = 0;
    std::string text;
};
void XMLCALL stringsStart(void* user, const XML_Char* name, const XML_Char**) {
    auto* p = static_cast<StringsParser*>(static_cast<XmlReader*>(user));
    const std::string_view el = xmlLocalName(name);
    if (el == "si") {
        p->inItem = true;
        p->text.clear();
    } else if (el == "rPh") {
        ++p->phonetic;
    } else if (el == "t" && p->inItem && p->phonetic == 0) {
        p->inText = true;
    }
}
void XMLCALL stringsEnd(void* user, const XML_Char* name) {
    auto* p = static_cast<StringsParser*>(static_cast<XmlReader*>(user));
    const std::string_view el = xmlLocalName(name);
    if (el == "si") {
        p->strings.push_back(std::move(p->text));
        p->text.clear();
        p->inItem = false;
    } else if (el == "rPh") {
        --p->phonetic;
    } else if (el == "t") {
        p->inText = false;
    }
}
void XMLCALL stringsText(void* user, const XML_Char* s, int len) {
    auto* p = static_cast<StringsParser*>(static_cast<XmlReader*>(user));
    if (p->inText) p->text.append(s, static_cast<std::size_t>(len));
}

// docProps/core.xml: the document title (the network's name in our exports).
struct CoreParser : XmlReader {
    bool inTitle = false;
    std::string title;
};
void XMLCALL coreStart(void* user, const XML_Char* name, const XML_Char**) {
    auto* p = static_cast<CoreParser*>(static_cast<XmlReader*>(user));
    p->inTitle = std::string_view(name) == "dc:title";
}
void XMLCALL coreEnd(void* user, const XML_Char*) { static_cast<CoreParser*>(static_cast<XmlReader*>(user))->inTitle = false; }
void XMLCALL coreText(void* user, const XML_Char* s, int len) {
    auto* p = static_cast<CoreParser*>(static_cast<XmlReader*>(user));
    if (p->inTitle && p->title.size() < 1000) p->title.append(s, static_cast<std::size_t>(len));
}

// A worksheet: rows of cells by column.
struct SheetParser : XmlReader {
    std::string label;  // "netz.xlsx:Akteure"
    void failRow(const std::string& message) {
        failWith(label + ":" + std::to_string(rows.empty() ? nextRow : rows.back().line) + ": " + message);
    }
    const std::vector<std::string>* strings = nullptr;
    std::string sheet;
    std::vector<CsvRow> rows;
    std::size_t cells = 0;
    std::size_t nextRow = 1;
    int nextColumn = 0;
    bool inRow = false, inCell = false, inValue = false, inInline = false;
    int column = 0;
    std::string type, value, cellRef;
};

// "BC12" -> column 54 (0-based); -1 when it is no cell reference.
int columnOf(const char* ref) {
    int column = 0, letters = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ++ref, ++letters) {
        column = column * 26 + (*ref - 'A' + 1);
        if (column > kMaxColumns) return -1;
    }
    return letters == 0 ? -1 : column - 1;
}

void XMLCALL sheetStart(void* user, const XML_Char* name, const XML_Char** atts) {
    auto* p = static_cast<SheetParser*>(static_cast<XmlReader*>(user));
    const std::string_view el = xmlLocalName(name);
    if (el == "row") {
        std::size_t number = p->nextRow;
        if (const char* r = xmlAttribute(atts, "r")) {
            char* end = nullptr;
            const unsigned long long v = std::strtoull(r, &end, 10);
            if (*end != '\0' || v == 0 || v > 1048576) return p->failRow("row number \"" + std::string(r) + "\" is not one Excel has");
            number = static_cast<std::size_t>(v);
        }
        if (!p->rows.empty() && number <= p->rows.back().line) return p->failRow("rows out of order (row " + std::to_string(number) + ")");
        p->rows.push_back({number, {}});
        p->nextRow = number + 1;
        p->nextColumn = 0;
        p->inRow = true;
    } else if (el == "c" && p->inRow) {
        p->column = p->nextColumn;
        p->cellRef.clear();
        if (const char* r = xmlAttribute(atts, "r")) {
            p->cellRef = r;
            p->column = columnOf(r);
            if (p->column < 0) return p->failRow("cell reference \"" + std::string(r) + "\" is not one Excel has");
        }
        if (p->column >= kMaxColumns) return p->failRow("more than 16384 columns");
        p->nextColumn = p->column + 1;
        const char* t = xmlAttribute(atts, "t");
        p->type = t ? t : "n";
        p->value.clear();
        p->inCell = true;
        if (++p->cells > kMaxCells) return p->failRow("more than 20 million cells");
    } else if (el == "v" && p->inCell) {
        p->inValue = true;
    } else if (el == "is" && p->inCell) {
        p->inInline = true;
    } else if (el == "t" && p->inInline) {
        p->inValue = true;
    }
}

void XMLCALL sheetEnd(void* user, const XML_Char* name) {
    auto* p = static_cast<SheetParser*>(static_cast<XmlReader*>(user));
    const std::string_view el = xmlLocalName(name);
    if (el == "v" || el == "t") {
        p->inValue = false;
    } else if (el == "is") {
        p->inInline = false;
    } else if (el == "row") {
        p->inRow = false;
    } else if (el == "c" && p->inCell) {
        p->inCell = false;
        std::string text;
        if (p->type == "s") {
            char* end = nullptr;
            const unsigned long long index = std::strtoull(p->value.c_str(), &end, 10);
            if (p->value.empty() || *end != '\0' || index >= p->strings->size())
                return p->failRow("cell " + p->cellRef + " refers to shared string \"" + p->value + "\", but the workbook has " +
                               std::to_string(p->strings->size()));
            text = (*p->strings)[static_cast<std::size_t>(index)];
        } else if (p->type == "b") {
            text = p->value == "1" ? "true" : p->value == "0" ? "false" : p->value;
        } else {
            text = p->value;  // n (numbers as Excel stores them), str, inlineStr, e (#N/A ...)
        }
        std::vector<std::string>& cells = p->rows.back().cells;
        if (text.empty()) return;
        if (cells.size() <= static_cast<std::size_t>(p->column)) cells.resize(static_cast<std::size_t>(p->column) + 1);
        cells[static_cast<std::size_t>(p->column)] = std::move(text);
    }
}

void XMLCALL sheetText(void* user, const XML_Char* s, int len) {
    auto* p = static_cast<SheetParser*>(static_cast<XmlReader*>(user));
    if (p->inValue) p->value.append(s, static_cast<std::size_t>(len));
}

// A part path from a relationship target: relative to xl/, or absolute from the root.
std::string partPath(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return std::filesystem::path("xl/" + target).lexically_normal().generic_string();
}

bool named(const std::string& sheet, std::initializer_list<const char*> names) {
    const std::string n = normalizeLabel(sheet);
    return std::any_of(names.begin(), names.end(), [&](const char* wanted) { return n == wanted; });
}

bool hasLinkColumns(const CsvTable& t) {
    bool source = false, target = false;
    for (const std::string& h : t.header) {
        source = source || linkFieldFor(h) == LinkField::Source;
        target = target || linkFieldFor(h) == LinkField::Target;
    }
    return source && target;
}

}  // namespace

std::vector<XlsxSheet> parseXlsxSheets(const std::string& bytes, const std::string& path) {
    const std::string file = std::filesystem::path(path).filename().string();
    if (bytes.empty()) throw InputError(file + ": the file is empty");
    Zip zip(bytes, file);
    // Messages name the part: "netz.xlsx:xl/workbook.xml:2: ...".
    WorkbookParser workbook;
    workbook.file = file + ":xl/workbook.xml";
    readXml(workbook, zip.need("xl/workbook.xml"), path, workbookStart, nullptr, nullptr);
    RelsParser rels;
    rels.file = file + ":xl/_rels/workbook.xml.rels";
    readXml(rels, zip.need("xl/_rels/workbook.xml.rels"), path, relsStart, nullptr, nullptr);
    StringsParser strings;
    strings.file = file + ":xl/sharedStrings.xml";
    if (std::optional<std::string> shared = zip.read("xl/sharedStrings.xml")) readXml(strings, *shared, path, stringsStart, stringsEnd, stringsText);
    std::vector<XlsxSheet> out;
    CoreParser core;
    core.file = file + ":docProps/core.xml";
    if (std::optional<std::string> props = zip.read("docProps/core.xml")) readXml(core, *props, path, coreStart, coreEnd, coreText);
    for (const auto& [name, id] : workbook.sheets) {
        const auto target = rels.targets.find(id);
        if (target == rels.targets.end()) throw InputError(file + ": sheet \"" + name + "\" has no part in the workbook");
        SheetParser sheet;
        sheet.strings = &strings.strings;
        sheet.sheet = name;
        sheet.label = file + ":" + name;
        const std::string part = partPath(target->second);
        const std::optional<std::string> xml = zip.read(part);
        if (!xml) throw InputError(file + ": sheet \"" + name + "\" is missing (no " + part + ")");
        // Errors of the sheet's content name Excel's row; malformed XML names the part's line.
        sheet.file = file + ":" + part;
        readXml(sheet, *xml, path, sheetStart, sheetEnd, sheetText);
        XlsxSheet s;
        s.name = name;
        s.title = trim(core.title);
        s.table.path = path;
        s.table.label = file + ":" + name;
        s.table.encoding = "UTF-8";
        // The first row with a cell is the header; empty rows are skipped, trailing empty
        // cells dropped (so that a row is not longer than the header for formatting alone).
        bool header = true;
        for (CsvRow& row : sheet.rows) {
            while (!row.cells.empty() && trim(row.cells.back()).empty()) row.cells.pop_back();
            if (row.cells.empty()) continue;
            if (header) {
                s.table.header = std::move(row.cells);
                for (std::string& h : s.table.header) h = trim(h);
                header = false;
            } else {
                s.table.rows.push_back(std::move(row));
            }
        }
        out.push_back(std::move(s));
    }
    if (out.empty()) throw InputError(file + ": the workbook has no sheets");
    return out;
}

ImportResult parseXlsx(const std::string& bytes, const std::string& path) {
    const std::string file = std::filesystem::path(path).filename().string();
    std::vector<XlsxSheet> sheets = parseXlsxSheets(bytes, path);
    const XlsxSheet* actors = nullptr;
    const XlsxSheet* links = nullptr;
    for (const XlsxSheet& s : sheets) {
        if (!actors && named(s.name, {"akteure", "actors", "elements", "elemente", "akteurinnen"})) actors = &s;
        if (!links && named(s.name, {"verbindungen", "links", "connections", "beziehungen", "kanten", "edges"})) links = &s;
    }
    // Unnamed sheets: the first sheet with source and target columns holds the links, the
    // first other sheet with a header the actors.
    if (!links)
        for (const XlsxSheet& s : sheets)
            if (&s != actors && hasLinkColumns(s.table)) { links = &s; break; }
    // A single sheet of links is a link list (actors implied); else another sheet holds them.
    if (!actors && !(links && sheets.size() == 1))
        for (const XlsxSheet& s : sheets)
            if (&s != links && !s.table.header.empty() && !hasLinkColumns(s.table)) { actors = &s; break; }
    if (!actors && !links) {
        std::string names;
        for (const XlsxSheet& s : sheets) names += (names.empty() ? "" : ", ") + ("\"" + s.name + "\"");
        throw InputError(file + ": no actors or links sheet among " + names +
                         " (name them Akteure and Verbindungen, actors and links, or Kumu's Elements and Connections)");
    }
    if (links && links->table.header.empty()) links = nullptr;
    const std::string title = sheets.front().title;
    ImportResult out = importTables(actors ? &actors->table : nullptr, links ? &links->table : nullptr,
                                    title.empty() ? std::filesystem::path(path).stem().string() : title);
    if (actors && !links) out.warnings.push_back(file + ": no links sheet (Verbindungen, links or Connections); only actors were read");
    return out;
}

ImportResult importXlsx(const std::string& path) { return parseXlsx(readInputFile(path, kMaxInputBytes), path); }

}  // namespace knp
