#include "io/csv_import.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <optional>

#include "core/errors.hpp"
#include "io/csv_table.hpp"
#include "io/field_mapping.hpp"
#include "io/network_builder.hpp"

namespace knp {

namespace fs = std::filesystem;

namespace {

// A file that was not UTF-8 is read all the same; the import says how.
void noteEncoding(const CsvTable& table, ImportResult& out) {
    if (table.encoding != "UTF-8")
        out.warnings.push_back(fs::path(table.path).filename().string() + ": read as " + table.encoding + " and converted to UTF-8");
}

void readLinks(const CsvTable& table, ImportResult& out, NetworkBuilder& builder, bool impliedActors) {
    std::vector<LinkField> fields;
    for (const std::string& h : table.header) fields.push_back(linkFieldFor(h));
    int source = -1, target = -1;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == LinkField::Source && source < 0) source = static_cast<int>(i);
        if (fields[i] == LinkField::Target && target < 0) target = static_cast<int>(i);
    }
    const std::string name = table.name();
    if (source < 0 || target < 0)
        throw InputError(name + ":1: the header needs a source and a target column (source/target, From/To or Von/Nach)");
    for (const CsvRow& row : table.rows) {
        const std::string where = name + ":" + std::to_string(row.line);
        if (row.cells.size() > table.header.size())
            throw InputError(where + ": " + std::to_string(row.cells.size()) + " cells, but the header has " +
                             std::to_string(table.header.size()) + " columns");
        Link link;
        FieldContext ctx{out.network.taxonomy, out.warnings, where};
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            if (fields[i] == LinkField::None) {
                if (!row.cells[i].empty()) link.attributes[importedAttributeName(table.header[i], false)] = row.cells[i];
                continue;
            }
            if (fields[i] == LinkField::Source && static_cast<int>(i) != source) continue;
            if (fields[i] == LinkField::Target && static_cast<int>(i) != target) continue;
            setLinkField(link, fields[i], row.cells[i], ctx);
        }
        if (impliedActors) {
            builder.ensureActor(link.source, where);
            builder.ensureActor(link.target, where);
        }
        builder.addLink(std::move(link), where, "column \"" + table.header[static_cast<std::size_t>(source)] + "\"",
                        "column \"" + table.header[static_cast<std::size_t>(target)] + "\"");
    }
}

}  // namespace

namespace {
// The first file in `folder` whose name is one of `names` (compared without case).
std::optional<fs::path> fileNamed(const std::string& folder, std::initializer_list<const char*> names) {
    std::error_code ec;
    for (const char* wanted : names)
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.size() == std::strlen(wanted) &&
                std::equal(name.begin(), name.end(), wanted, [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
                return it->path();
        }
    return std::nullopt;
}
}  // namespace

// Our names, German ones, and Kumu's (elements and connections, exported from its sheets).
std::optional<fs::path> actorsFileIn(const std::string& folder) { return fileNamed(folder, {"actors.csv", "akteure.csv", "elements.csv"}); }

bool isCsvFolder(const std::string& folder) { return actorsFileIn(folder).has_value(); }

ImportResult importTables(const CsvTable* actors, const CsvTable* links, const std::string& networkName) {
    ImportResult out;
    out.network.name = networkName;
    NetworkBuilder builder(out);
    if (actors) {
        noteEncoding(*actors, out);
        const std::string actorsName = actors->name();
        std::vector<ActorField> fields;
        for (const std::string& h : actors->header) fields.push_back(actorFieldFor(h));
        bool hasName = false, hasId = false;
        for (ActorField f : fields) {
            hasName = hasName || f == ActorField::Name;
            hasId = hasId || f == ActorField::Id;
        }
        if (!hasName && !hasId) throw InputError(actorsName + ":1: the header needs a name column (name, Label or Name)");
        for (const CsvRow& row : actors->rows) {
            const std::string where = actorsName + ":" + std::to_string(row.line);
            if (row.cells.size() > actors->header.size())
                throw InputError(where + ": " + std::to_string(row.cells.size()) + " cells, but the header has " +
                                 std::to_string(actors->header.size()) + " columns");
            Actor actor;
            FieldContext ctx{out.network.taxonomy, out.warnings, where};
            for (std::size_t i = 0; i < row.cells.size(); ++i) {
                if (fields[i] == ActorField::None) {
                    if (!row.cells[i].empty()) actor.attributes[importedAttributeName(actors->header[i], true)] = row.cells[i];
                    continue;
                }
                setActorField(actor, fields[i], row.cells[i], ctx);
            }
            if (!hasName) actor.name = actor.id;  // only an id column: the id is the name
            builder.addActor(std::move(actor), where);
        }
    }
    if (links) {
        noteEncoding(*links, out);
        readLinks(*links, out, builder, actors == nullptr);
    }
    return out;
}

ImportResult importCsvFolder(const std::string& folder) {
    const std::optional<fs::path> actorsFile = actorsFileIn(folder);
    const std::optional<fs::path> linksFile = fileNamed(folder, {"links.csv", "verbindungen.csv", "connections.csv"});
    if (!actorsFile) throw InputError(folder + ": the folder has no actors.csv (or akteure.csv, or Kumu's elements.csv)");
    std::string name = fs::path(folder).lexically_normal().filename().string();
    if (name.empty()) name = fs::path(folder).lexically_normal().parent_path().filename().string();
    const CsvTable actors = readCsvFile(actorsFile->string());
    std::optional<CsvTable> links;
    if (linksFile) links = readCsvFile(linksFile->string());
    ImportResult out = importTables(&actors, links ? &*links : nullptr, name);
    if (!linksFile) out.warnings.push_back(folder + ": no links.csv (or verbindungen.csv, connections.csv); only actors were read");
    return out;
}

ImportResult importCsvLinkList(const std::string& path) {
    const CsvTable links = readCsvFile(path);
    // NAME.actors.csv beside NAME.csv (as `knp export -o NAME.csv` writes them): the actors.
    const fs::path p(path);
    const fs::path actorsPath = p.parent_path() / (p.stem().string() + ".actors.csv");
    std::error_code ec;
    if (p.extension() == ".csv" && fs::is_regular_file(actorsPath, ec)) {
        const CsvTable actors = readCsvFile(actorsPath.string());
        return importTables(&actors, &links, p.stem().string());
    }
    return importTables(nullptr, &links, p.stem().string());
}

}  // namespace knp
