// Exports read back: GraphML written by us and imported again gives the same network (ids,
// names, sectors, fields, link types, strengths, directions, positions and every other field
// but contact persons, which exports leave out), on the sample and on seeded random networks
// with hostile text; the file is written through a temporary file and never left half done.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <random>

#include "core/errors.hpp"
#include "io/formats.hpp"
#include "io/dot_export.hpp"
#include "io/dot_import.hpp"
#include "io/gexf_export.hpp"
#include "io/gexf_import.hpp"
#include "io/graphml_export.hpp"
#include "io/graphml_import.hpp"
#include "session/export.hpp"
#include "session/open.hpp"
#include "io/csv_export.hpp"
#include "io/csv_import.hpp"
#include "io/json_format.hpp"
#include "io/xlsx_export.hpp"
#include "io/xlsx_import.hpp"
#include "support/random_edits.hpp"
#include "support/temp_dir.hpp"

using namespace knp;
using knp::test::TempDir;

namespace {

const std::string kSample = std::string(KNP_DATASETS) + "/musterstadt";

// What an export keeps. GraphML and JSON: every field but contact persons (left out on purpose),
// exactly. DOT: no custom attributes, positions and strengths to 0.01.
struct Keeps {
    bool attributes = true;
    double tolerance = 0;
};

// The sample with every actor at a position, some pinned, as a laid-out project has.
Network laidOutSample() {
    Network sample = loadInput(kSample).result.network;
    for (std::size_t i = 0; i < sample.actors().size(); ++i) {
        Actor a = sample.actors()[i];
        a.x = 12.5 * static_cast<double>(i) - 300.0 / 7.0;
        a.y = -0.1 * static_cast<double>(i * i);
        a.placed = true;
        a.pinned = i % 5 == 0;
        sample.replaceActor(a);
    }
    return sample;
}

void requireSame(const Network& a, const Network& b, const Keeps& keeps = {}) {
    CHECK(a.name == b.name);
    REQUIRE(a.actors().size() == b.actors().size());
    for (std::size_t i = 0; i < a.actors().size(); ++i) {
        const Actor& x = a.actors()[i];
        const Actor& y = b.actors()[i];
        INFO("actor " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.shortName == y.shortName);
        CHECK(x.sector == y.sector);
        CHECK(x.fields == y.fields);
        CHECK(x.level == y.level);
        CHECK(x.influence == y.influence);
        CHECK(x.contactPoint == y.contactPoint);
        CHECK(y.contactPerson.empty());
        CHECK(x.tags == y.tags);
        CHECK(x.note == y.note);
        CHECK(x.placed == y.placed);
        if (x.placed) {
            CHECK(std::abs(x.x - y.x) <= keeps.tolerance);
            CHECK(std::abs(x.y - y.y) <= keeps.tolerance);
        }
        CHECK(x.pinned == y.pinned);
        if (keeps.attributes) CHECK(x.attributes == y.attributes);
    }
    REQUIRE(a.links().size() == b.links().size());
    for (std::size_t i = 0; i < a.links().size(); ++i) {
        const Link& x = a.links()[i];
        const Link& y = b.links()[i];
        INFO("link " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.source == y.source);
        CHECK(x.target == y.target);
        CHECK(x.type == y.type);
        CHECK(std::abs(x.strength - y.strength) <= keeps.tolerance);
        CHECK(x.directed == y.directed);
        CHECK(x.status == y.status);
        CHECK(x.fields == y.fields);
        CHECK(x.note == y.note);
        if (keeps.attributes) CHECK(x.attributes == y.attributes);
    }
}

}  // namespace

TEST_CASE("GraphML and GEXF and JSON export then import give the sample back", "[export][graphml][gexf][json]") {
    TempDir dir;
    const Network sample = laidOutSample();
    for (const Lang lang : {Lang::De, Lang::En})
        for (const char* ext : {".graphml", ".gexf", ".json"}) {
            INFO(ext);
            const std::string path = dir.file(std::string(lang == Lang::De ? "de" : "en") + ext);
            ExportOptions o;
            o.lang = lang;
            session::exportData(sample, nullptr, path, o);
            const ImportResult back = loadInput(path).result;  // the importer for the extension
            requireSame(sample, back.network);
            CHECK(back.warnings.empty());
        }
}

TEST_CASE("GraphML as yEd writes it: labels colours and positions from its drawing", "[import][graphml]") {
    // Laid out as yEd 3 saves a file: no attribute keys for names or positions, only its
    // nodegraphics (y:ShapeNode with geometry, fill and label) and edgegraphics.
    const Network n = loadInput(std::string(KNP_TEST_DATA) + "/graphml/yed_export.graphml").result.network;
    REQUIRE(n.actors().size() == 2);
    const Actor* jc = n.findActor("n0");
    const Actor* vhs = n.findActor("n1");
    REQUIRE((jc && vhs));
    CHECK(jc->name == "Jobcenter");
    CHECK(vhs->name == "VHS Musterstadt");
    CHECK(vhs->note == "Kurse für Geflüchtete");
    // Centre of the geometry, y turned up: (85 + 15, -(-15 + 15)) and (220 + 15, -(85 + 15)).
    CHECK((jc->placed && jc->x == 100 && jc->y == 0));
    CHECK((vhs->placed && vhs->x == 235 && vhs->y == -100));
    CHECK(jc->attributes.at("color") == "#FFCC00");
    REQUIRE(n.links().size() == 1);
    CHECK(n.links()[0].directed);
    CHECK(n.links()[0].attributes.at("label") == "Verweisung");
}

TEST_CASE("GraphML as Gephi and Cytoscape write it", "[import][graphml]") {
    // Gephi 0.10: label, colour channels, position and size as typed keys; weight on edges.
    const Network gephi = parseGraphml(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="r" attr.type="int" for="node" id="r"/>
<key attr.name="x" attr.type="float" for="node" id="x"/>
<key attr.name="y" attr.type="float" for="node" id="y"/>
<key attr.name="Modularity Class" attr.type="int" for="node" id="modularity_class"/>
<graph edgedefault="directed">
<node id="0"><data key="label">Jobcenter</data><data key="r">31</data><data key="x">-12.5</data><data key="y">40.0</data><data key="modularity_class">2</data></node>
<node id="1"><data key="label">VHS</data><data key="x">3.0</data><data key="y">-7.25</data></node>
<edge id="0" source="0" target="1"><data key="weight">2.0</data></edge>
</graph></graphml>)", "gephi.graphml").network;
    REQUIRE(gephi.actors().size() == 2);
    CHECK(gephi.actors()[0].name == "Jobcenter");
    CHECK((gephi.actors()[0].placed && gephi.actors()[0].x == -12.5 && gephi.actors()[0].y == 40));
    CHECK(gephi.actors()[0].attributes.at("Modularity Class") == "2");
    CHECK(gephi.links()[0].strength == 2);
    CHECK(gephi.links()[0].directed);
    // Cytoscape 3: "name" and "shared name", SUIDs, a selected flag, interaction on edges.
    const Network cy = parseGraphml(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="name" for="node" attr.name="name" attr.type="string"/>
<key id="shared name" for="node" attr.name="shared name" attr.type="string"/>
<key id="SUID" for="node" attr.name="SUID" attr.type="long"/>
<key id="selected" for="node" attr.name="selected" attr.type="boolean"/>
<key id="interaction" for="edge" attr.name="interaction" attr.type="string"/>
<graph edgedefault="directed">
<node id="n0"><data key="name">Caritas</data><data key="shared name">Caritas</data><data key="SUID">52</data><data key="selected">false</data></node>
<node id="n1"><data key="name">Diakonie</data><data key="SUID">53</data></node>
<edge source="n0" target="n1"><data key="interaction">Verweisung</data></edge>
</graph></graphml>)", "cytoscape.graphml").network;
    REQUIRE(cy.actors().size() == 2);
    CHECK(cy.actors()[1].name == "Diakonie");
    CHECK(cy.actors()[0].attributes.at("SUID") == "52");
    REQUIRE(cy.links().size() == 1);
    CHECK(cy.links()[0].type == "verweisung");  // Cytoscape's interaction is the kind of link
}

TEST_CASE("GraphML export draws for yEd: shape node with label fill and geometry", "[export][graphml]") {
    const Network sample = laidOutSample();
    const std::string text = graphmlText(sample);
    CHECK_THAT(text, Catch::Contains("yfiles.type=\"nodegraphics\"") && Catch::Contains("<y:NodeLabel>Welcome Center Musterstadt</y:NodeLabel>") &&
                         Catch::Contains("<y:Fill color=\"#1F77B4\"") && Catch::Contains("<y:Arrows source=\"none\" target=\"standard\"/>") &&
                         Catch::Contains("type=\"dashed\""));
    // Our own x and y win over yEd's drawing when both are there.
    const Network back = parseGraphml(text, "y.graphml").network;
    CHECK(back.actors()[3].x == sample.actors()[3].x);
    CHECK(back.actors()[3].attributes.count("color") == 0);
}

TEST_CASE("GEXF of a project with snapshots is a dynamic graph with spells", "[export][gexf]") {
    const Network before = loadInput(kSample).result.network;
    Network now = before;
    // Between the snapshot and now: the Ausländerbehörde and its links are gone, one actor is new.
    for (const Link& l : before.links())
        if (l.source == "abh" || l.target == "abh") now.eraseLink(l.id);
    now.eraseActor("abh");
    Actor fresh;
    fresh.id = "neu";
    fresh.name = "Neue Initiative";
    fresh.ord = now.nextActorOrd();
    now.insertActor(fresh);
    GexfExportOptions o;
    o.snapshots.push_back({"Workshop 1", "2026-03-01T18:00:00Z", before});
    o.now = "2026-06-01T18:00:00Z";
    const std::string text = gexfText(now, o);
    CHECK_THAT(text, Catch::Contains("mode=\"dynamic\" timeformat=\"dateTime\""));
    const Network back = parseGexf(text, "zeitleiste.gexf").network;
    CHECK(back.actors().size() == before.actors().size() + 1);  // every actor that ever was
    CHECK(back.findActor("abh")->attributes.at("spells") == "2026-03-01T18:00:00Z..2026-06-01T18:00:00Z");
    CHECK(back.findActor("neu")->attributes.at("spells") == "2026-06-01T18:00:00Z..");
    CHECK(back.findActor("wc")->attributes.at("spells") == "2026-03-01T18:00:00Z..");
    CHECK(back.links().size() == before.links().size());
}

TEST_CASE("CSV export then import gives the sample back in German and English", "[export][csv]") {
    TempDir dir;
    const Network sample = laidOutSample();
    for (const Lang lang : {Lang::De, Lang::En}) {
        const std::string path = dir.file(std::string(lang == Lang::De ? "de" : "en") + ".csv");
        ExportOptions o;
        o.lang = lang;
        session::exportData(sample, nullptr, path, o);
        // NAME.csv is a link list; NAME.actors.csv beside it brings the actors back.
        const ImportResult back = loadInput(path).result;
        Network expected = sample;
        expected.name = lang == Lang::De ? "de" : "en";  // the file's name
        requireSame(expected, back.network);
        CHECK(back.warnings.empty());
        const std::string links = knp::test::readFile(path);
        CHECK(links.rfind("\xEF\xBB\xBF", 0) == 0);  // byte order mark for Excel
        CHECK(links.find(lang == Lang::De ? "Kennung;Von;Nach;Art;Stärke" : "id,source,target,type,strength") != std::string::npos);
        const std::string metrics = knp::test::readFile(csvExportPaths(path)[2]);
        CHECK(metrics.find(lang == Lang::De ? "\r\nwc;Welcome Center Musterstadt;Kommunalverwaltung;24;" : "\r\nwc,Welcome Center Musterstadt,Municipal administration,24,") !=
              std::string::npos);
    }
}

TEST_CASE("CSV cells: quoting and formulas neutralised for spreadsheets", "[export][csv]") {
    CHECK(csvCell("Caritas", ';', true) == "Caritas");
    CHECK(csvCell("a;b", ';', true) == "\"a;b\"");
    CHECK(csvCell("a;b", ',', true) == "a;b");
    CHECK(csvCell("Sag \"ja\"", ',', true) == "\"Sag \"\"ja\"\"\"");
    CHECK(csvCell("Zeile 1\nZeile 2", ',', true) == "\"Zeile 1\nZeile 2\"");
    CHECK(csvCell(" Rand", ',', true) == "\" Rand\"");
    CHECK(csvCell("=HYPERLINK(\"http://x\")", ';', true) == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csvCell("+49 30 1234", ';', true) == "'+49 30 1234");
    CHECK(csvCell("-Kreis", ';', true) == "'-Kreis");
    CHECK(csvCell("@SUM(A1)", ';', true) == "'@SUM(A1)");
    CHECK(csvCell("\tTab", ';', true) == "'\tTab");
    CHECK(csvCell("-3,5", ';', false) == "-3,5");  // numbers stay numbers
}

TEST_CASE("XLSX export then import gives the sample back in German and English", "[export][xlsx]") {
    TempDir dir;
    const Network sample = laidOutSample();
    for (const Lang lang : {Lang::De, Lang::En}) {
        const std::string path = dir.file(std::string(lang == Lang::De ? "de" : "en") + ".xlsx");
        ExportOptions o;
        o.lang = lang;
        session::exportData(sample, nullptr, path, o);
        const ImportResult back = loadInput(path).result;
        // Excel keeps numbers to 15-16 significant digits (libxlsxwriter writes %.16G).
        requireSame(sample, back.network, Keeps{true, 1e-9});
        CHECK(back.warnings.empty());
        // Four sheets: the two the importer reads, metrics and gaps.
        const std::vector<XlsxSheet> sheets = parseXlsxSheets(knp::test::readFile(path), path);
        REQUIRE(sheets.size() == 4);
        CHECK(sheets[0].name == (lang == Lang::De ? "Akteure" : "Actors"));
        CHECK(sheets[2].name == (lang == Lang::De ? "Kennzahlen" : "Metrics"));
        CHECK(sheets[3].name == (lang == Lang::De ? "Lücken" : "Gaps"));
        const CsvTable& metrics = sheets[2].table;
        REQUIRE(metrics.rows.size() == sample.actors().size());
        const int degree = metrics.column({"degree"});
        REQUIRE(degree >= 0);
        // The Welcome Center's degree, as knp metrics says (24).
        for (const CsvRow& row : metrics.rows)
            if (metrics.cell(row, 0) == "wc") CHECK(metrics.cell(row, degree) == "24");
    }
}

TEST_CASE("GraphML and GEXF and JSON and XLSX and CSV round trips of seeded random networks with hostile text", "[export][graphml][gexf][json][xlsx][csv]") {
    TempDir dir;
    for (unsigned seed = 1; seed <= 20; ++seed) {
        INFO("seed " << seed);
        std::mt19937 rng(seed);
        Network n = knp::test::randomNetwork(rng, 25, 60);
        n.name = "Zufallsstadt " + std::to_string(seed);
        // Text that XML must escape, umlauts, an emoji, and attributes named like fields.
        Actor a = n.actors().front();
        a.name = "<script>alert(1)</script> & \"Caritas\" 'Süd' 🙂";
        a.note = "Zeile 1\nZeile 2 – \\N \\G";
        a.attributes["Typ"] = "e.V.";          // an importer would take "Typ" for the sector
        a.attributes["label"] = "x < y";
        a.shortName = "=SUMME(A1:A9)";         // a spreadsheet formula, neutralised in CSV
        a.tags = {"-Kreis", "@alle", "+49"};
        a.contactPerson.clear();
        n.replaceActor(a);
        for (const Actor& actor : n.actors()) {
            Actor c = actor;
            c.contactPerson.clear();  // left out by exports: compared empty
            n.replaceActor(c);
        }
        const std::string path = dir.file("r" + std::to_string(seed) + ".graphml");
        exportGraphml(n, path);
        requireSame(n, importGraphml(path).network);
        const std::string jsonPath = dir.file("r" + std::to_string(seed) + ".json");
        exportJson(n, jsonPath);
        requireSame(n, importJson(jsonPath).network);
        const std::string gexfPath = dir.file("r" + std::to_string(seed) + ".gexf");
        exportGexf(n, gexfPath);
        requireSame(n, importGexf(gexfPath).network);
        const std::string csvPath = dir.file("r" + std::to_string(seed) + ".csv");
        const Lang csvLang = seed % 2 ? Lang::De : Lang::En;
        const session::ExportTables tables = session::exportTables(n, csvLang);
        CsvExportOptions csvOptions;
        csvOptions.lang = csvLang;
        csvOptions.metrics = &tables.metrics;
        exportCsv(n, csvPath, csvOptions);
        Network fromCsv = importCsvLinkList(csvPath).network;
        fromCsv.name = n.name;  // CSV names the network after the file
        requireSame(n, fromCsv);
        const std::string xlsxPath = dir.file("r" + std::to_string(seed) + ".xlsx");
        XlsxExportOptions xlsxOptions;
        xlsxOptions.metrics = &tables.metrics;
        xlsxOptions.gaps = &tables.gaps;
        exportXlsx(n, xlsxPath, xlsxOptions);
        requireSame(n, importXlsx(xlsxPath).network, Keeps{true, 1e-9});
    }
}

TEST_CASE("GraphML export: all-directed networks say so in edgedefault / mixed ones per link", "[export][graphml]") {
    Network n;
    for (const char* id : {"a", "b", "c"}) {
        Actor actor;
        actor.id = id;
        actor.name = std::string("Akteur ") + id;
        actor.ord = n.nextActorOrd();
        n.insertActor(actor);
    }
    Link ab;
    ab.id = "ab"; ab.source = "a"; ab.target = "b"; ab.directed = true; ab.ord = n.nextLinkOrd();
    n.insertLink(ab);
    CHECK_THAT(graphmlText(n), Catch::Contains("edgedefault=\"directed\"") && !Catch::Contains("attr.name=\"directed\""));
    Link bc;
    bc.id = "bc"; bc.source = "b"; bc.target = "c"; bc.directed = false; bc.ord = n.nextLinkOrd();
    n.insertLink(bc);
    const std::string mixed = graphmlText(n);
    CHECK_THAT(mixed, Catch::Contains("edgedefault=\"undirected\"") && Catch::Contains("attr.name=\"directed\""));
    // Contact persons are personal data: never in an export.
    Actor withPerson = n.actors()[0];
    withPerson.contactPerson = "Frau Beispiel";
    n.replaceActor(withPerson);
    CHECK_THAT(graphmlText(n), !Catch::Contains("Beispiel"));
}

TEST_CASE("exports go through a temporary file and refuse unknown formats", "[export]") {
    TempDir dir;
    const Network sample = loadInput(kSample).result.network;
    const std::string path = dir.file("karte.graphml");
    session::exportData(sample, nullptr, path, {});
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find(".part") == std::string::npos);
    CHECK_THROWS_AS(session::exportData(sample, nullptr, dir.file("karte.odt"), {}), InputError);
    CHECK_FALSE(std::filesystem::exists(dir.file("karte.odt")));
    CHECK(exportFormatFor("X.GraphML") != nullptr);
    CHECK(exportFormatFor("x.gv")->name == "Graphviz DOT");
}

TEST_CASE("JSON as networkx writes it: numeric ids and the edges spelling", "[import][json]") {
    // nx.node_link_data(nx.path_graph(3)) with a name and weights, in networkx 3's "edges" form.
    const std::string text = R"({"directed": true, "multigraph": false, "graph": {"name": "Pfad"},
        "nodes": [{"id": 0, "name": "Jobcenter"}, {"id": 1}, {"id": 2, "label": "Tafel", "sector": "Wohlfahrtsverbände"}],
        "edges": [{"source": 0, "target": 1, "weight": 2.5}, {"source": 1, "target": 2}]})";
    const ImportResult r = parseJsonNetwork(text, "pfad.json");
    const Network& n = r.network;
    CHECK(n.name == "Pfad");
    REQUIRE(n.actors().size() == 3);
    CHECK(n.actors()[0].id == "0");
    CHECK(n.actors()[0].name == "Jobcenter");
    CHECK(n.actors()[1].name == "1");
    CHECK(n.actors()[2].sector == "wohlfahrt");
    REQUIRE(n.links().size() == 2);
    CHECK(n.links()[0].strength == 2.5);
    CHECK(n.links()[0].directed);
}

TEST_CASE("JSON keeps the taxonomy: a municipality's own sector with its colour and labels", "[export][json]") {
    Network n = loadInput(kSample).result.network;
    const std::string key = n.taxonomy.addCustom(CategoryKind::Sector, "Quartiersmanagement");
    Category& custom = n.taxonomy.sectors.back();
    custom.labelEn = "Neighbourhood management";
    custom.color = 0x123456;
    Actor a = n.actors().front();
    a.sector = key;
    n.replaceActor(a);
    const Network back = parseJsonNetwork(jsonText(n), "stadt.json").network;
    CHECK(back.taxonomy == n.taxonomy);
    CHECK(back.actors().front().sector == key);
    CHECK_THROWS_WITH(parseJsonNetwork(R"({"nodes": [], "knotenpunkt": {"taxonomy": {"sectors": [{"key": "a", "color": "blau"}]}}})", "t.json"),
                      Catch::Contains("t.json:1: colour \"blau\" of a is not #RRGGBB"));
}

TEST_CASE("JSON of a project carries its snapshots and gives them back", "[export][json]") {
    const Network before = laidOutSample();
    Network now = before;
    now.eraseLink(now.links().front().id);
    JsonExportOptions o;
    o.snapshots.push_back({"Workshop 1", "2026-03-01T18:00:00Z", before});
    const ImportResult back = parseJsonNetwork(jsonText(now, o), "projekt.json");
    requireSame(now, back.network);
    REQUIRE(back.snapshots.size() == 1);
    CHECK(back.snapshots[0].name == "Workshop 1");
    CHECK(back.snapshots[0].created == "2026-03-01T18:00:00Z");
    Network expected = before;
    expected.name = now.name;
    requireSame(expected, back.snapshots[0].network);
}

TEST_CASE("Kumu's JSON: elements and connections by id or label with direction and types", "[import][json]") {
    // As Kumu's blueprint export writes it: _id, fields under "attributes".
    const std::string blueprint = R"({"elements": [
        {"_id": "elem-1", "attributes": {"label": "Jobcenter", "element type": "Arbeitsmarkt", "tags": ["SGB II", "Beratung"]}},
        {"_id": "elem-2", "attributes": {"label": "VHS", "description": "Integrationskurse", "Träger": "Kreis"}}],
      "connections": [
        {"_id": "conn-1", "from": "elem-1", "to": "elem-2", "direction": "mutual", "attributes": {"connection type": "Verweisung", "strength": 2}}]})";
    const Network b = parseJsonNetwork(blueprint, "karte.json").network;
    REQUIRE(b.actors().size() == 2);
    CHECK(b.actors()[0].id == "elem-1");
    CHECK(b.actors()[0].name == "Jobcenter");
    CHECK(b.actors()[0].sector == "arbeitsmarkt");
    CHECK(b.actors()[0].tags == std::vector<std::string>{"SGB II", "Beratung"});
    CHECK(b.actors()[1].note == "Integrationskurse");
    CHECK(b.actors()[1].attributes.at("Träger") == "Kreis");
    REQUIRE(b.links().size() == 1);
    CHECK(b.links()[0].source == "elem-1");
    CHECK(b.links()[0].type == "verweisung");
    CHECK(b.links()[0].strength == 2);
    CHECK_FALSE(b.links()[0].directed);
    // As Kumu's import takes it: connections by label, directed by default.
    const Network i = parseJsonNetwork(R"({"elements": [{"label": "A"}, {"label": "B", "type": "Bildung"}],
        "connections": [{"from": "A", "to": "B", "type": "Kooperation"}]})", "import.json").network;
    REQUIRE(i.links().size() == 1);
    CHECK(i.links()[0].target == "B");
    CHECK(i.links()[0].directed);
    CHECK_THROWS_WITH(parseJsonNetwork(R"({"elements": [{"label": "A"}],
        "connections": [{"from": "A", "to": "C"}]})", "k.json"), Catch::Contains("k.json:2: connection 1") && Catch::Contains("\"C\""));
}

TEST_CASE("JSON and DOT nested very deep are refused quickly without a crash", "[import][json][dot][bad]") {
    const std::string deep = "{\"nodes\": [{\"id\": \"a\", \"x\": " + std::string(1000000, '[') + std::string(1000000, ']') + "}]}";
    CHECK_THROWS_WITH(parseJsonNetwork(deep, "tief.json"), Catch::Contains("tief.json:1: nested deeper than 256 levels"));
    std::string dot = "graph G {";
    for (int i = 0; i < 10000; ++i) dot += "subgraph {";
    dot += "a";
    for (int i = 0; i < 10000; ++i) dot += "}";
    dot += "}";
    // Refused before Graphviz parses it (its parser would run out of stack and garble the next file).
    CHECK_THROWS_WITH(parseDot(dot, "tief.dot"), Catch::Contains("tief.dot:1: subgraphs nested deeper than 256 levels"));
    // Braces in strings and comments do not count.
    const std::string braces = "graph G { a [label=\"" + std::string(300, '{') + "\"]; /* " + std::string(300, '{') + " */ b }";
    CHECK(parseDot(braces, "klammern.dot").network.actors().size() == 2);
}

TEST_CASE("bad JSON gives file line and what is wrong", "[import][json][bad]") {
    CHECK_THROWS_WITH(parseJsonNetwork("{\"nodes\": [\n{\"id\": 1},\n{\"id\": 2,,}]}", "kaputt.json"),
                      Catch::Contains("kaputt.json:3: not valid JSON"));
    CHECK_THROWS_WITH(parseJsonNetwork("[1, 2, 3]", "liste.json"), Catch::Contains("liste.json:1: expected a JSON object"));
    CHECK_THROWS_WITH(parseJsonNetwork("{\"items\": []}", "liste2.json"), Catch::Contains("no \"nodes\" list"));
    CHECK_THROWS_WITH(parseJsonNetwork(R"({"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]})", "x.json"),
                      Catch::Contains("x.json:1: link 1") && Catch::Contains("\"b\""));
    CHECK_THROWS_WITH(parseJsonNetwork(R"({"nodes": [{"id": "a", "name": {"de": "A"}}]})", "y.json"),
                      Catch::Contains("y.json:1: node 1") && Catch::Contains("\"name\" holds an object"));
    CHECK_THROWS_WITH(parseJsonNetwork(R"({"nodes": [{"id": "a"}, {"id": "a"}]})", "z.json"), Catch::Contains("z.json:1: node 2"));
}

namespace {
std::vector<Point> positionsOf(const Network& n) {
    std::vector<Point> p;
    for (const Actor& a : n.actors()) p.push_back({a.x, a.y});
    return p;
}
}  // namespace

TEST_CASE("DOT export then import through cgraph gives the sample back", "[export][dot]") {
    TempDir dir;
    const Network sample = loadInput(kSample).result.network;
    Network placed = sample;
    for (std::size_t i = 0; i < placed.actors().size(); ++i) {
        Actor a = placed.actors()[i];
        a.x = 17.25 * static_cast<double>(i % 9) - 40;
        a.y = 11.5 * static_cast<double>(i / 9);
        a.placed = true;
        placed.replaceActor(a);
    }
    const std::string path = dir.file("karte.gv");
    exportDot(placed, positionsOf(placed), path);
    const ImportResult back = importDot(path);
    requireSame(placed, back.network, {false, 0.005});
    CHECK(back.network.name == "musterstadt");
}

TEST_CASE("DOT round trips of seeded random networks with quotes and backslashes", "[export][dot]") {
    TempDir dir;
    for (unsigned seed = 1; seed <= 10; ++seed) {
        INFO("seed " << seed);
        std::mt19937 rng(seed);
        Network n = knp::test::randomNetwork(rng, 20, 45);
        n.name = "Zufallsstadt " + std::to_string(seed);
        Actor a = n.actors().front();
        a.name = "Verein \"Zukunft\" \\N \\G & <b> Süd";
        a.note = "Zeile 1\nZeile 2";
        n.replaceActor(a);
        for (const Actor& actor : n.actors()) {
            Actor c = actor;
            c.placed = true;  // DOT gives every actor a position
            n.replaceActor(c);
        }
        const std::string path = dir.file("r" + std::to_string(seed) + ".dot");
        exportDot(n, positionsOf(n), path);
        requireSame(n, importDot(path).network, {false, 0.005});
    }
}

TEST_CASE("DOT from other tools: clusters with labels give sectors / drawing attributes are dropped", "[import][dot]") {
    const std::string text = R"(digraph Netz {
        node [shape=box, color=blue];
        subgraph cluster_0 { label="Wohlfahrtsverbände"; caritas; diakonie [label="Diakonie Süd"]; }
        subgraph cluster_1 { label="Bildung"; vhs [label="VHS", pos="10,20!"]; }
        jc [label="Jobcenter", sector="Arbeitsmarkt", Traeger="Bund"];
        caritas -> jc [weight=3, type="Verweisung", penwidth=2];
        jc -> vhs [dir=none, label="Kurse"];
        vhs -> caritas [weight=0];
    })";
    const ImportResult r = parseDot(text, "netz.dot");
    const Network& n = r.network;
    CHECK(n.name == "Netz");
    REQUIRE(n.actors().size() == 4);
    const Actor* caritas = n.findActor("caritas");
    const Actor* diakonie = n.findActor("diakonie");
    const Actor* vhs = n.findActor("vhs");
    const Actor* jc = n.findActor("jc");
    REQUIRE((caritas && diakonie && vhs && jc));
    CHECK(caritas->sector == "wohlfahrt");
    CHECK(diakonie->name == "Diakonie Süd");
    CHECK(vhs->sector == "bildung");
    CHECK((vhs->placed && vhs->pinned && vhs->x == 10 && vhs->y == 20));
    CHECK(jc->sector == "arbeitsmarkt");  // its own sector attribute
    CHECK(jc->attributes.at("Traeger") == "Bund");
    CHECK(jc->attributes.count("shape") == 0);
    REQUIRE(n.links().size() == 3);
    CHECK(n.links()[0].strength == 3);
    // Graphviz's weight 0 (a layout hint) is no strength: kept as an attribute.
    CHECK(n.links()[2].strength == 1);
    CHECK(n.links()[2].attributes.at("weight") == "0");
    CHECK(n.links()[0].type == "verweisung");
    CHECK(n.links()[0].directed);
    CHECK_FALSE(n.links()[1].directed);
    CHECK(n.links()[1].attributes.at("label") == "Kurse");
}

TEST_CASE("DOT syntax errors name the line Graphviz names", "[import][dot][bad]") {
    CHECK_THROWS_WITH(parseDot("graph G {\n  a -- b\n  b -- \n}\n", "kaputt.dot"), Catch::Contains("kaputt.dot:4: not readable as DOT"));
    CHECK_THROWS_AS(parseDot("", "leer.dot"), InputError);
}
