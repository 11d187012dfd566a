#include "targets.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"
#include "io/csv_import.hpp"
#include "io/csv_table.hpp"
#include "io/dot_import.hpp"
#include "io/edit_script.hpp"
#include "io/gexf_import.hpp"
#include "io/graphml_import.hpp"
#include "io/json_format.hpp"
#include "io/xlsx_import.hpp"

namespace knp::fuzz {

namespace {

template <typename F>
void expectNetworkOrInputError(F&& parse) {
    try {
        parse();
    } catch (const InputError&) {
        // bad input, told as such: fine
    }
}

std::string text(const std::uint8_t* data, std::size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

void csv(const std::uint8_t* d, std::size_t n) {
    expectNetworkOrInputError([&] {
        const CsvTable links = parseCsv(text(d, n), "fuzz.csv");
        (void)importTables(nullptr, &links, "fuzz");
    });
}
void graphml(const std::uint8_t* d, std::size_t n) { expectNetworkOrInputError([&] { (void)parseGraphml(text(d, n), "fuzz.graphml"); }); }
void gexf(const std::uint8_t* d, std::size_t n) { expectNetworkOrInputError([&] { (void)parseGexf(text(d, n), "fuzz.gexf"); }); }
void json(const std::uint8_t* d, std::size_t n) { expectNetworkOrInputError([&] { (void)parseJsonNetwork(text(d, n), "fuzz.json"); }); }
void dot(const std::uint8_t* d, std::size_t n) { expectNetworkOrInputError([&] { (void)parseDot(text(d, n), "fuzz.dot"); }); }
void xlsx(const std::uint8_t* d, std::size_t n) { expectNetworkOrInputError([&] { (void)parseXlsx(text(d, n), "fuzz.xlsx"); }); }
// Edit script lines (knp apply) against a small network: each line alone.
void editScript(const std::uint8_t* d, std::size_t n) {
    static const Network base = [] {
        const CsvTable links = parseCsv("Von,Nach,Art\nJobcenter,VHS,Kooperation\nVHS,Caritas,Verweisung\n", "base.csv");
        return importTables(nullptr, &links, "base").network;
    }();
    const std::string all = text(d, n);
    std::size_t start = 0, line = 1;
    while (start <= all.size()) {
        const std::size_t end = std::min(all.find('\n', start), all.size());
        expectNetworkOrInputError([&] { (void)editFromScriptLine(base, all.substr(start, end - start), "fuzz.jsonl:" + std::to_string(line)); });
        start = end + 1;
        ++line;
    }
}

}  // namespace

const std::vector<Target>& targets() {
    static const std::vector<Target> all = {
        {"csv", csv}, {"graphml", graphml}, {"gexf", gexf}, {"json", json}, {"dot", dot}, {"xlsx", xlsx}, {"edit_script", editScript},
    };
    return all;
}

}  // namespace knp::fuzz
