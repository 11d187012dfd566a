// Import: the sample municipality (CSV folder), CSV link lists with German headers, other
// delimiters and encodings (Windows-1252, UTF-16), GraphML as networkx and igraph write it, and the bad-input corpus.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "io/csv_import.hpp"
#include "io/gexf_import.hpp"
#include "io/graphml_import.hpp"
#include "session/open.hpp"
#include "io/text_encoding.hpp"
#include "support/temp_dir.hpp"

using namespace knp;
using knp::test::TempDir;
using knp::test::writeFile;

namespace {
const std::string kData = KNP_TEST_DATA;
const std::string kSample = std::string(KNP_DATASETS) + "/musterstadt";
}  // namespace

TEST_CASE("the sample municipality imports completely", "[import]") {
    const ImportResult r = importCsvFolder(kSample);
    const Network& n = r.network;
    CHECK(r.warnings.empty());
    CHECK(n.actors().size() == 67);
    CHECK(n.links().size() == 167);
    // Every sector, field, link type, status and strength of DOMAIN.md occurs.
    std::set<std::string> sectors, fields, types, statuses;
    std::set<double> strengths;
    for (const Actor& a : n.actors()) {
        sectors.insert(a.sector);
        fields.insert(a.fields.begin(), a.fields.end());
    }
    for (const Link& l : n.links()) {
        types.insert(l.type);
        statuses.insert(l.status);
        strengths.insert(l.strength);
    }
    CHECK(sectors.size() == 11);
    CHECK(fields.size() == 7);
    CHECK(types.size() == 7);
    CHECK(statuses == std::set<std::string>{"besteht", "geplant", "gewuenscht"});
    CHECK(strengths == std::set<double>{1, 2, 3});
    CHECK(n.taxonomy == Taxonomy::defaults());  // no category had to be added

    const Actor* wc = n.findActor("wc");
    REQUIRE(wc);
    CHECK(wc->name == "Welcome Center Musterstadt");
    CHECK(wc->sector == "verwaltung");
    CHECK(wc->fields == std::vector<std::string>{"koordination", "aufnahme", "arbeit"});
    CHECK(wc->contactPoint);
    CHECK(wc->influence == 4);
    CHECK(wc->tags == std::vector<std::string>{"Lotse", "One-Stop"});
    CHECK_FALSE(wc->placed);
    CHECK(n.findActor("bleib")->name == "Bleiberechtsnetzwerk „Arbeit für alle“");
    CHECK(n.findActor("ukr")->contactPerson == "Іван Петренко");
    CHECK(n.findActor("praxis")->name == "Hausarztpraxis Dr. Yılmaz");
    CHECK(n.findActor("schulamt")->level == "kreis");
    // The isolated migrant organisation and the missing sector pair are there.
    std::size_t afghLinks = 0, migrantAdmin = 0;
    for (const Link& l : n.links()) {
        afghLinks += (l.source == "afgh" || l.target == "afgh") ? 1 : 0;
        const std::string& s = n.findActor(l.source)->sector;
        const std::string& t = n.findActor(l.target)->sector;
        migrantAdmin += ((s == "migrantenorganisationen" && t == "verwaltung") || (t == "migrantenorganisationen" && s == "verwaltung")) ? 1 : 0;
    }
    CHECK(afghLinks == 0);
    CHECK(migrantAdmin == 0);
    const Link* first = n.findLink("l47");
    REQUIRE(first);
    CHECK(first->status == "gewuenscht");
    CHECK(first->note == "Qualifikationen werden doppelt erhoben");
}

TEST_CASE("CSV link lists with German headers semicolons and a byte order mark", "[import]") {
    TempDir dir;
    const std::string path = dir.file("liste.csv");
    writeFile(path, "\xEF\xBB\xBFVon;Nach;Art;Stärke;Bemerkung;Raum\n"
                    "Jobcenter;Caritas;Kooperation;2;\"Treffen; monatlich\";A1\n"
                    "Caritas;Tafel;Referral;1,5;;\n"
                    "Tafel;Tafel;Kooperation;1;;\n");
    const ImportResult r = importCsvLinkList(path);
    const Network& n = r.network;
    REQUIRE(n.actors().size() == 3);
    REQUIRE(n.links().size() == 2);
    CHECK(n.actors()[0].id == "Jobcenter");
    CHECK(n.links()[0].type == "kooperation");
    CHECK(n.links()[0].note == "Treffen; monatlich");
    CHECK(n.links()[0].attributes.at("Raum") == "A1");
    CHECK(n.links()[1].type == "verweisung");
    CHECK(n.links()[1].strength == 1.5);
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0], Catch::Contains("liste.csv:4") && Catch::Contains("itself"));
}

TEST_CASE("Kumu's layout: elements.csv and connections.csv with Label Type Tags From To Direction", "[import][kumu]") {
    TempDir dir;
    // As Kumu's sheets "Elements" and "Connections" are saved as CSV (names as Kumu writes them).
    writeFile(dir.file("Elements.csv"), "Label,Type,Description,Tags\n"
                                        "Jobcenter,Arbeitsmarkt,Zentrale Stelle,Leistung | Beratung\n"
                                        "Caritas,Welfare organisations,,\n"
                                        "Sprachcafé,Ehrenamt,Jeden Dienstag,\n");
    writeFile(dir.file("Connections.csv"), "From,To,Type,Direction\n"
                                           "Jobcenter,Caritas,Referral,directed\n"
                                           "Caritas,Sprachcafé,Kooperation,mutual\n");
    const ImportResult r = loadInput(dir.path().string()).result;
    const Network& n = r.network;
    REQUIRE(n.actors().size() == 3);
    const Actor* jc = n.findActor("Jobcenter");
    REQUIRE(jc);
    CHECK(jc->sector == "arbeitsmarkt");
    CHECK(jc->note == "Zentrale Stelle");
    CHECK(jc->tags == std::vector<std::string>{"Leistung", "Beratung"});
    CHECK(n.findActor("Caritas")->sector == "wohlfahrt");  // English label
    REQUIRE(n.links().size() == 2);
    CHECK(n.links()[0].type == "verweisung");
    CHECK(n.links()[0].directed);
    CHECK_FALSE(n.links()[1].directed);
    // "Ehrenamt" is no sector label: kept as a new category, with a warning naming the file.
    bool warned = false;
    for (const std::string& w : r.warnings) warned = warned || w.find("Elements.csv:4") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("CSV saved by German Excel in Windows-1252 is converted to UTF-8", "[import][encoding]") {
    TempDir dir;
    const std::string path = dir.file("excel.csv");
    // "Stärke", "Bürgerbüro", "Straße", „Café“ – 5 € in Windows-1252 bytes (0xE4 ä, 0xFC ü,
    // 0xDF ß, 0x84 „, 0x93 “, 0xE9 é, 0x96 –, 0x80 €).
    writeFile(path, "Von;Nach;Art;St\xE4rke;Bemerkung\r\n"
                    "B\xFCrgerb\xFCro;Stra\xDF" "ensozialarbeit;Kooperation;2;\x84" "Caf\xE9\x93 \x96 5 \x80\r\n");
    const ImportResult r = importCsvLinkList(path);
    REQUIRE(r.network.actors().size() == 2);
    CHECK(r.network.actors()[0].name == "Bürgerbüro");
    CHECK(r.network.actors()[1].name == "Straßensozialarbeit");
    REQUIRE(r.network.links().size() == 1);
    CHECK(r.network.links()[0].strength == 2);  // the "Stärke" header was recognised
    CHECK(r.network.links()[0].note == "„Café“ – 5 €");
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0], Catch::Contains("excel.csv") && Catch::Contains("Windows-1252"));
}

TEST_CASE("CSV as UTF-16 with a byte order mark (Excel's Unicode text) is read", "[import][encoding]") {
    TempDir dir;
    const std::string path = dir.file("unicode.txt");
    const std::string text = "Von\tNach\nJugendamt\tSchulamt Nürnberg\n";
    std::string utf16 = "\xFF\xFE";
    // ASCII and Latin-1 characters: UTF-16LE is the code point and a zero byte.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3) {  // ü in UTF-8 (C3 BC) -> U+00FC
            utf16 += static_cast<char>(0xFC);
            utf16 += '\0';
            ++i;
            continue;
        }
        utf16 += static_cast<char>(c);
        utf16 += '\0';
    }
    writeFile(path, utf16);
    const ImportResult r = importCsvLinkList(path);
    REQUIRE(r.network.actors().size() == 2);
    CHECK(r.network.actors()[1].name == "Schulamt Nürnberg");
    CHECK_THAT(r.warnings.at(0), Catch::Contains("UTF-16LE"));
}

TEST_CASE("UTF-8 validation agrees with what UTF-8 allows", "[import][encoding]") {
    CHECK(isValidUtf8("Grüße, „Café“ – € 𝄞"));
    CHECK(isValidUtf8(""));
    CHECK_FALSE(isValidUtf8("Gr\xFC\xDF" "e"));          // Windows-1252 umlauts
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));              // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));          // a surrogate
    CHECK_FALSE(isValidUtf8("\xE2\x82"));              // cut short
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));      // beyond U+10FFFF
}

TEST_CASE("quoted CSV cells keep delimiters quotes and line breaks / lines are counted right", "[import]") {
    TempDir dir;
    std::filesystem::create_directory(dir.file("f"));
    writeFile(dir.file("f/actors.csv"), "id,name,note\n"
                                        "a,\"Verein \"\"Zukunft\"\", e.V.\",\"Zeile 1\nZeile 2\"\n"
                                        "b,Tafel,\n");
    writeFile(dir.file("f/links.csv"), "source,target\n"
                                       "a,b\n"
                                       "b,c\n");
    try {
        importCsvFolder(dir.file("f"));
        FAIL("expected an error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "links.csv:3: column \"target\" names actor \"c\", which does not exist");
    }
    writeFile(dir.file("f/links.csv"), "source,target\na,b\n");
    const Network n = importCsvFolder(dir.file("f")).network;
    CHECK(n.findActor("a")->name == "Verein \"Zukunft\", e.V.");
    CHECK(n.findActor("a")->note == "Zeile 1\nZeile 2");
    // An error after a multi-line cell names the right line.
    writeFile(dir.file("f/actors.csv"), "id,name,influence\na,\"zwei\nZeilen\",1\nb,Tafel,7\n");
    CHECK_THROWS_WITH(importCsvFolder(dir.file("f")), Catch::StartsWith("actors.csv:4: influence"));
}

TEST_CASE("GraphML from networkx: undirected weights graph name", "[import][graphml]") {
    const ImportResult r = importGraphml(kData + "/graphml/networkx_undirected.graphml");
    const Network& n = r.network;
    CHECK(n.name == "Kleinstadt");
    REQUIRE(n.actors().size() == 4);
    CHECK(n.findActor("Sprachcafé Süd")->sector == "zivilgesellschaft");
    CHECK(n.findActor("Jobcenter")->influence == 4);
    REQUIRE(n.links().size() == 3);
    for (const Link& l : n.links()) CHECK_FALSE(l.directed);
    CHECK(n.links()[2].strength == 7.5);  // any positive weight is kept
    CHECK(n.links()[1].type == "verweisung");
}

TEST_CASE("GraphML from networkx: a directed multigraph keeps parallel links", "[import][graphml]") {
    const Network n = importGraphml(kData + "/graphml/networkx_directed_multi.graphml").network;
    REQUIRE(n.links().size() == 3);
    CHECK(n.links()[0].id == "f1");
    CHECK(n.links()[0].type == "finanzierung");
    CHECK(n.links()[0].strength == 3);
    CHECK(n.links()[1].source == "BAMF");
    CHECK(n.links()[2].source == "VHS");
    for (const Link& l : n.links()) CHECK(l.directed);
}

TEST_CASE("GraphML from igraph: node ids n0.. names in the name attribute", "[import][graphml]") {
    const Network n = importGraphml(kData + "/graphml/igraph_directed.graphml").network;
    REQUIRE(n.actors().size() == 4);
    CHECK(n.actors()[0].id == "n0");
    CHECK(n.actors()[0].name == "Ausländerbehörde");
    CHECK(n.actors()[2].sector == "arbeitsmarkt");
    REQUIRE(n.links().size() == 4);
    CHECK(n.links()[3].strength == 0.5);
    CHECK(n.links()[3].directed);
    CHECK(n.links()[0].id == "l1");  // generated ids
}

TEST_CASE("GraphML key defaults per-edge direction and edges before nodes", "[import][graphml]") {
    const Network n = importGraphml(kData + "/graphml/defaults_mixed.graphml").network;
    REQUIRE(n.actors().size() == 3);
    CHECK(n.findActor("vhs")->sector == "bildung");  // default value
    CHECK(n.findActor("jugendamt")->sector == "verwaltung");
    CHECK(n.findActor("jugendamt")->contactPoint);
    CHECK_FALSE(n.findActor("kita")->contactPoint);
    CHECK(n.findActor("vhs")->attributes.at("Raum") == "A 1.02");
    const Link* e1 = n.findLink("e1");
    const Link* e2 = n.findLink("e2");
    REQUIRE(e1);
    REQUIRE(e2);
    CHECK(e1->directed);
    CHECK(e1->strength == 2);
    CHECK_FALSE(e2->directed);
    CHECK(e2->strength == 3);
    CHECK(e2->status == "geplant");
}

TEST_CASE("every file of the bad-input corpus gives its message", "[import][bad]") {
    std::ifstream manifest(kData + "/bad/expected.tsv");
    std::string line;
    // Every file of the folder has its line in the manifest, and every line its file.
    std::set<std::string> unlisted;
    for (const auto& entry : std::filesystem::directory_iterator(kData + "/bad"))
        if (const std::string name = entry.path().filename().string(); name != "README.md" && name != "expected.tsv") unlisted.insert(name);
    const std::size_t corpus = unlisted.size();
    std::size_t checked = 0;
    while (std::getline(manifest, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const std::string file = line.substr(0, tab), expected = line.substr(tab + 1);
        INFO(file);
        CHECK(unlisted.erase(file) == 1);
        try {
            loadInput(kData + "/bad/" + file);
            FAIL("no error for " << file);
        } catch (const InputError& e) {
            CHECK_THAT(e.what(), Catch::Contains(expected));
        } catch (const RefusedFileError& e) {
            CHECK_THAT(e.what(), Catch::Contains(expected));
        }
        ++checked;
    }
    CHECK(unlisted.empty());  // a file without its expected message
    CHECK(corpus >= 33);
    CHECK(checked == corpus);
}

TEST_CASE("deeply nested GraphML and GEXF files are refused quickly", "[import][bad]") {
    std::string text = "<graphml><graph>";
    for (int i = 0; i < 10000; ++i) text += "<x>";
    CHECK_THROWS_WITH(parseGraphml(text, "deep.graphml"), Catch::Contains("nested more than"));
    std::string gexf = "<gexf version=\"1.3\"><graph><nodes>";
    for (int i = 0; i < 10000; ++i) gexf += "<node id=\"n\">";
    CHECK_THROWS_WITH(parseGexf(gexf, "tief.gexf"), Catch::Contains("tief.gexf:1:"));
    std::string deeper = "<gexf>";
    for (int i = 0; i < 10000; ++i) deeper += "<x>";
    CHECK_THROWS_WITH(parseGexf(deeper, "tief2.gexf"), Catch::Contains("nested more than 256 deep"));
}

TEST_CASE("a 200 MB file of any format is refused before it is read", "[import][bad]") {
    knp::test::TempDir dir;
    for (const char* ext : {".csv", ".graphml", ".gexf", ".json", ".dot", ".xlsx"}) {
        INFO(ext);
        const std::string path = dir.file(std::string("gross") + ext);
        { std::ofstream(path) << "source,target\n"; }
        std::filesystem::resize_file(path, std::uintmax_t{200} << 20);  // sparse: no 200 MB written
        const auto start = std::chrono::steady_clock::now();
        CHECK_THROWS_WITH(loadInput(path), Catch::Contains("200 MB, larger than the 100 MB"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    }
}
