#include "report/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

#include "analysis/compare.hpp"
#include "analysis/gaps.hpp"
#include "report/phrasing.hpp"
#include "core/graph_view.hpp"
#include "analysis/metrics.hpp"
#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "core/file_output.hpp"
#include "report/diagram.hpp"

namespace knp::report {

namespace {


std::string fmt(double v, int digits, Lang lang) { return formatNumber(v, digits, lang); }

// Markdown text: HTML's special characters as entities (Markdown renderers pass raw HTML on),
// Markdown's own marks escaped, line breaks as spaces.
std::string mdEscape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '\n': case '\r': out += ' '; break;
        case '\\': case '*': case '_': case '[': case ']': case '|': case '#': case '`': case '!': case '(': case ')': case '~':
            out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

std::string htmlEscape(const std::string& text) {
    std::string t = text;
    for (char& c : t)
        if (c == '\n' || c == '\r') c = ' ';
    return xmlEscape(t);
}

const char* kCss = R"(body{font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif;color:#1a1a1a;max-width:1100px;margin:2em auto;padding:0 1.5em;line-height:1.45}
h1{font-size:1.9em;margin-bottom:.2em}h2{font-size:1.4em;border-bottom:2px solid #4E79A7;padding-bottom:.2em;margin-top:1.8em}h3{font-size:1.1em;margin-bottom:.3em}
.meta{color:#555}table{border-collapse:collapse;margin:.6em 0 1em;font-size:.92em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f0f3f7}td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:.5em 0 1.2em}figure svg{width:100%;height:auto;border:1px solid #e3e3e3}
figcaption{color:#555;font-size:.9em}.status-coordinated{color:#2b7a2b}.status-not_connected,.status-one_actor,.status-no_actor{color:#b22222}
.heat td{text-align:center;min-width:3.2em}.findings li{margin:.3em 0}dl dt{font-weight:bold;margin-top:.5em}dl dd{margin-left:1.2em}
@page{size:A4 landscape;margin:12mm 14mm}
@media print{body{max-width:none;margin:0;font-size:10pt}section{page-break-before:always}section.first{page-break-before:auto}figure,table,.feld{page-break-inside:avoid}h2,h3{page-break-after:avoid}
figure svg{border:none;width:100%;height:150mm}figure.small svg{height:118mm}a{color:inherit;text-decoration:none}}
)";

// An HTML or Markdown document, built section by section.
class Doc {
public:
    explicit Doc(bool markdown) : md_(markdown) {}
    std::string esc(const std::string& s) const { return md_ ? mdEscape(s) : htmlEscape(s); }
    void section(const std::string& title, const std::string& id) {
        if (md_) {
            out_ += "\n## " + esc(title) + "\n\n";
            return;
        }
        if (open_) out_ += "</section>\n";
        out_ += "<section id=\"" + id + "\"" + (first_ ? " class=\"first\"" : "") + ">\n<h2>" + esc(title) + "</h2>\n";
        open_ = true;
        first_ = false;
    }
    void h3(const std::string& title, const std::string& cls = "") {
        out_ += md_ ? "\n### " + esc(title) + "\n\n" : "<h3" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + esc(title) + "</h3>\n";
    }
    void p(const std::string& text) { out_ += md_ ? esc(text) + "\n\n" : "<p>" + esc(text) + "</p>\n"; }
    void list(const std::vector<std::string>& items, const std::string& cls = "") {
        if (items.empty()) return;
        if (md_) {
            for (const std::string& i : items) out_ += "- " + esc(i) + "\n";
            out_ += "\n";
            return;
        }
        out_ += "<ul" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">\n";
        for (const std::string& i : items) out_ += "<li>" + esc(i) + "</li>\n";
        out_ += "</ul>\n";
    }
    void definitions(const std::vector<std::pair<std::string, std::string>>& items) {
        if (md_) {
            for (const auto& [t, d] : items) out_ += "- **" + esc(t) + "**: " + esc(d) + "\n";
            out_ += "\n";
            return;
        }
        out_ += "<dl>\n";
        for (const auto& [t, d] : items) out_ += "<dt>" + esc(t) + "</dt><dd>" + esc(d) + "</dd>\n";
        out_ += "</dl>\n";
    }
    // Cells are text; `numeric` columns right-aligned; `background` per cell ("" for none).
    void table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& numeric = {},
               const std::vector<std::vector<std::string>>& background = {}, const std::string& cls = "") {
        if (md_) {
            out_ += "|";
            for (const std::string& h : head) out_ += " " + esc(h) + " |";
            out_ += "\n|";
            for (std::size_t c = 0; c < head.size(); ++c) out_ += c < numeric.size() && numeric[c] ? "---:|" : "---|";
            out_ += "\n";
            for (const auto& r : rows) {
                out_ += "|";
                for (const std::string& cell : r) out_ += " " + esc(cell) + " |";
                out_ += "\n";
            }
            out_ += "\n";
            return;
        }
        out_ += "<table" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">\n<thead><tr>";
        for (const std::string& h : head) out_ += "<th>" + esc(h) + "</th>";
        out_ += "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out_ += "<tr>";
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                std::string attrs;
                if (c < numeric.size() && numeric[c]) attrs += " class=\"n\"";
                if (r < background.size() && c < background[r].size() && !background[r][c].empty())
                    attrs += " style=\"background:" + background[r][c] + "\"";
                out_ += (c == 0 ? "<th" : "<td") + attrs + ">" + esc(rows[r][c]) + (c == 0 ? "</th>" : "</td>");
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n";
    }
    void figure(const std::string& svg, const std::string& file, const std::string& caption, bool small = false) {
        if (afterFigure) afterFigure();
        if (md_) {
            files_.push_back({file, svg});
            out_ += "![" + esc(caption) + "](" + file + ")\n\n";
            return;
        }
        out_ += std::string(small ? "<figure class=\"small\">\n" : "<figure>\n") + svg + "\n<figcaption>" + esc(caption) + "</figcaption>\n</figure>\n";
    }
    void raw(const std::string& text) { out_ += text; }
    std::string finish() {
        if (!md_ && open_) out_ += "</section>\n";
        open_ = false;
        return out_;
    }
    const std::vector<std::pair<std::string, std::string>>& files() const { return files_; }
    std::function<void()> afterFigure;  // progress and cancel between the diagrams
    bool markdown() const { return md_; }

private:
    bool md_;
    bool open_ = false, first_ = true;
    std::string out_;
    std::vector<std::pair<std::string, std::string>> files_;
};

std::string heatColor(double density) {
    if (!std::isfinite(density)) return "#f4f4f4";
    // White to the blue of the sector "Kommunalverwaltung": darker = denser.
    const double t = std::sqrt(std::clamp(density, 0.0, 1.0));
    auto ch = [&](double white, double full) { return static_cast<int>(std::lround(white + (full - white) * t)); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", ch(255, 0x4E), ch(255, 0x79), ch(255, 0xA7));
    return buf;
}

std::string statusText(const std::string& status, Lang lang) {
    if (status == "coordinated") return tr(lang, "report.coordinated_all_its_actors_are_connected");
    if (status == "not_connected") return tr(lang, "report.not_connected_its_actors_form_separate");
    if (status == "one_actor") return tr(lang, "report.a_single_actor");
    return tr(lang, "report.no_actor");
}

// [SECTION] Shared by the sections
// What every section reads: the document, the network and its analysis, the language, the
// diagrams' common options and the file stem (Markdown writes the diagrams beside the report).
struct ReportContext {
    Doc& doc;
    const Network& net;
    const std::vector<Point>& positions;
    const analysis::NetworkAnalysis& analysis;
    Lang lang;
    const DiagramOptions& diagram;
    const std::string& stem;

    std::string name(std::size_t i) const { return net.actors()[i].name; }
    std::string sector(std::size_t i) const { return net.taxonomy.labelOf(CategoryKind::Sector, net.actors()[i].sector, lang); }
};

// [SECTION] Header
// The line under the title (and in the footer): date, subtitle, how many actors and links.
std::string metaLine(const Network& net, const ReportOptions& o) {
    const Lang lang = o.lang;
    std::string meta = std::string(tr(lang, "report.as_of")) + o.date;
    if (!o.subtitle.empty()) meta += " · " + o.subtitle;
    meta += " · " + std::to_string(net.actors().size()) + tr(lang, "report.actors") + std::to_string(net.links().size()) +
            tr(lang, "report.links_made_with_knotenpunkt");
    return meta;
}

// The page's head with its style sheet (HTML) or the title (Markdown), then the meta line.
void writeHeader(const ReportContext& ctx, const std::string& meta) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const std::string title = std::string(tr(lang, "report.network_report")) + ctx.net.name;
    if (doc.markdown()) {
        doc.raw("# " + doc.esc(title) + "\n\n" + doc.esc(meta) + "\n");
    } else {
        doc.raw(std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == Lang::En ? "en" : "de") +
                "\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
                doc.esc(title) + "</title>\n<style>\n" + kCss + "</style>\n</head>\n<body>\n<header>\n<h1>" + doc.esc(title) +
                "</h1>\n<p class=\"meta\">" + doc.esc(meta) + "</p>\n</header>\n");
    }
}

// [SECTION] Findings
// The gap analysis' findings in words, most important first: what a mayor reads.
void writeFindings(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const analysis::GapReport& gaps = ctx.analysis.gaps;
    doc.section(tr(lang, "report.findings"), "befunde");
    if (gaps.findings.empty()) doc.p(tr(lang, "report.nothing_stands_out"));
    doc.list(phrase(gaps.findings, ctx.net, lang), "findings");
}

// [SECTION] Key figures
// The network's figures with what each means, and the number of contact points.
void writeKeyFigures(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const analysis::GraphFigures& figures = ctx.analysis.figures;
    doc.section(tr(lang, "report.key_figures"), "kennzahlen");
    std::size_t contactPoints = 0;
    for (const Actor& a : ctx.net.actors()) contactPoints += a.contactPoint;
    doc.table({tr(lang, "report.figure"), tr(lang, "report.value"), tr(lang, "report.meaning")},
              {{tr(lang, "report.actors_2"), std::to_string(figures.nodes), tr(lang, "report.organisations_and_bodies_on_the_map")},
               {tr(lang, "report.links"), std::to_string(figures.links), tr(lang, "report.relations_of_every_type_named")},
               {tr(lang, "report.density"), fmt(figures.density, 3, lang), tr(lang, "report.share_of_possible_pairs_that_are")},
               {tr(lang, "report.components"), std::to_string(figures.components), tr(lang, "report.groups_with_no_path_between_them")},
               {tr(lang, "report.diameter"), std::to_string(figures.diameter), tr(lang, "report.longest_shortest_path_in_steps")},
               {tr(lang, "report.average_path_length"), fmt(figures.averagePathLength, 2, lang), tr(lang, "report.steps_between_two_actors_on_average")},
               {tr(lang, "report.transitivity"), fmt(figures.transitivity, 3, lang), tr(lang, "report.how_often_an_actor_s_partners")},
               {tr(lang, "report.modularity"), fmt(figures.modularity, 3, lang), tr(lang, "report.how_clearly_the_network_falls_into")},
               {tr(lang, "report.centralization_degree"), fmt(figures.degreeCentralization, 3, lang), tr(lang, "report.how_much_links_concentrate_on_a")},
               {tr(lang, "report.cut_points"), std::to_string(figures.articulationPoints), tr(lang, "report.actors_without_whom_the_network_falls")},
               {tr(lang, "report.contact_points"), std::to_string(contactPoints), tr(lang, "report.first_contact_points_for_refugees")}},
              {false, true, false});
}

// [SECTION] Network map
// The whole network drawn: every actor and link, coloured by sector.
void writeMap(const ReportContext& ctx) {
    const Lang lang = ctx.lang;
    ctx.doc.section(tr(lang, "report.network_map"), "karte");
    DiagramOptions m = ctx.diagram;
    m.svgId = "bild-karte";
    ctx.doc.figure(renderDiagramSvg(ctx.net, ctx.positions, m), ctx.stem + "_karte.svg",
                   tr(lang, "report.all_actors_and_links_colour_sector"));
}

// [SECTION] Sectors
// The sector x sector heatmap of linked pairs (the sectors with actors), with each E-I index.
void writeSectorMatrix(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const Taxonomy& t = ctx.net.taxonomy;
    const analysis::GapReport& gaps = ctx.analysis.gaps;
    doc.section(tr(lang, "report.which_sectors_talk_to_each_other"), "sektoren");
    doc.p(tr(lang, "report.linked_pairs_between_sectors_row_column"));
    std::vector<std::string> used;
    for (const Category& c : t.sectors)
        for (const Actor& a : ctx.net.actors())
            if (a.sector == c.key) {
                used.push_back(c.key);
                break;
            }
    std::map<std::pair<std::string, std::string>, const analysis::SectorCell*> cells;
    for (const analysis::SectorCell& c : gaps.sectorMatrix) {
        cells[{c.from, c.to}] = &c;
        cells[{c.to, c.from}] = &c;
    }
    // Columns numbered like the rows (eleven sector names do not fit across a page).
    std::vector<std::string> head{tr(lang, "report.sector")};
    for (std::size_t k = 0; k < used.size(); ++k) head.push_back(std::to_string(k + 1));
    head.push_back(tr(lang, "report.e_i_index"));
    std::vector<std::vector<std::string>> rows, bg;
    std::vector<bool> numeric(head.size(), true);
    numeric[0] = false;
    for (std::size_t k = 0; k < used.size(); ++k) {
        const std::string& r = used[k];
        std::vector<std::string> row{std::to_string(k + 1) + " " + t.labelOf(CategoryKind::Sector, r, lang)}, colors{""};
        for (const std::string& c : used) {
            const auto it = cells.find({r, c});
            if (it == cells.end()) {
                row.push_back("–");
                colors.push_back(heatColor(NAN));
                continue;
            }
            row.push_back(std::to_string(it->second->links));
            colors.push_back(heatColor(it->second->links ? it->second->density : NAN));
        }
        const auto ei = gaps.eiIndex.find(r);
        row.push_back(ei == gaps.eiIndex.end() ? "–" : fmt(ei->second, 2, lang));
        colors.push_back("");
        rows.push_back(row);
        bg.push_back(colors);
    }
    doc.table(head, rows, numeric, bg, "heat");
    doc.p(tr(lang, "report.e_i_index_1_a_sector"));
}

// [SECTION] Fields of action
// Each field's status, actors, links, coordinator and contact points, with its diagram.
void writeFields(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const bool md = doc.markdown();
    const analysis::GapReport& gaps = ctx.analysis.gaps;
    doc.section(tr(lang, "report.fields_of_action"), "felder");
    for (const analysis::FieldCoverage& f : gaps.fields) {
        const std::string label = ctx.net.taxonomy.labelOf(CategoryKind::Field, f.field, lang);
        if (!md) doc.raw("<div class=\"feld\">\n");  // heading, status and diagram on one page
        doc.h3(label, "status-" + f.status);
        const auto cp = gaps.contactPoints.find(f.field);
        std::string line = std::string(tr(lang, "report.status")) + statusText(f.status, lang) + ". " + std::to_string(f.actors.size()) +
                           tr(lang, "report.actors") + std::to_string(f.links) + tr(lang, "report.links_among_them");
        if (f.coordinator) line += std::string(tr(lang, "report.most_coordinating")) + ctx.name(*f.coordinator);
        line += std::string("; ") + tr(lang, "report.contact_points_2") + std::to_string(cp == gaps.contactPoints.end() ? 0 : cp->second) + ".";
        doc.p(line);
        if (f.actors.size() >= 2) {
            DiagramOptions m = ctx.diagram;
            m.focus.kind = FocusKind::Field;
            m.focus.target = f.field;
            m.svgId = "bild-feld-" + f.field;
            doc.figure(renderDiagramSvg(ctx.net, ctx.positions, m), ctx.stem + "_feld_" + f.field + ".svg",
                       std::string(tr(lang, "report.the_actors_in_the_field_of")) + label +
                           tr(lang, "report.and_their_links_among_each_other"),
                       true);
        }
        if (!md) doc.raw("</div>\n");
    }
}

// [SECTION] Brokers
// The ten actors with the highest betweenness (above zero) and their brokerage roles.
void writeBrokers(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const analysis::GapReport& gaps = ctx.analysis.gaps;
    const std::vector<double>& betweenness = *ctx.analysis.column("betweenness");
    const std::vector<double>& degree = *ctx.analysis.column("degree");
    doc.section(tr(lang, "report.brokers"), "bruecken");
    doc.p(tr(lang, "report.the_actors_most_shortest_paths_pass"));
    doc.p(tr(lang, "report.roles_coord_coordinator_gatek_gatekeeper_repr"));
    std::vector<std::size_t> order(ctx.net.actors().size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return betweenness[a] > betweenness[b]; });
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < order.size() && k < 10; ++k) {
        const std::size_t i = order[k];
        if (!(betweenness[i] > 0)) break;
        const analysis::BrokerageCounts b = i < gaps.brokerage.size() ? gaps.brokerage[i] : analysis::BrokerageCounts{};
        rows.push_back({ctx.name(i), ctx.sector(i), fmt(betweenness[i], 3, lang), fmt(degree[i], 0, lang), std::to_string(b.coordinator),
                        std::to_string(b.gatekeeper), std::to_string(b.representative), std::to_string(b.itinerant), std::to_string(b.liaison)});
    }
    doc.table({tr(lang, "report.actor"), tr(lang, "report.sector"), "Betweenness", tr(lang, "report.links"), tr(lang, "report.coord"),
               tr(lang, "report.gatek"), tr(lang, "report.repr"), tr(lang, "report.itin"), tr(lang, "report.liaison")},
              rows, {false, false, true, true, true, true, true, true, true});
}

// [SECTION] Single points of failure
// Each cut point and whom it cuts off, with the diagram of them.
void writeSinglePointsOfFailure(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const analysis::GapReport& gaps = ctx.analysis.gaps;
    doc.section(tr(lang, "report.single_points_of_failure"), "ausfall");
    if (gaps.singlePointsOfFailure.empty()) {
        doc.p(tr(lang, "report.no_single_actor_splits_the_network"));
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const analysis::CutPoint& c : gaps.singlePointsOfFailure) {
        std::string cut;
        for (const std::uint32_t v : c.cutOff) cut += (cut.empty() ? "" : ", ") + ctx.name(v);
        rows.push_back({ctx.name(c.actor), ctx.sector(c.actor), std::to_string(c.cutOff.size()), cut});
    }
    doc.table({tr(lang, "report.actor"), tr(lang, "report.sector"), tr(lang, "report.cut_off"), tr(lang, "report.who_then_has_no_path_into")},
              rows, {false, false, true, false});
    DiagramOptions m = ctx.diagram;
    m.focus.kind = FocusKind::CutPoints;
    m.svgId = "bild-ausfall";
    doc.figure(renderDiagramSvg(ctx.net, ctx.positions, m), ctx.stem + "_ausfall.svg",
               tr(lang, "report.cut_points_double_ring_and_whom"));
}

// [SECTION] Parallel work
// Unlinked pairs of actors working in the same field, as a table.
void writeParallelWork(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const analysis::GapReport& gaps = ctx.analysis.gaps;
    doc.section(tr(lang, "report.parallel_work"), "parallel");
    if (gaps.parallelWork.empty()) {
        doc.p(tr(lang, "report.no_unlinked_pairs_in_the_same"));
        return;
    }
    doc.p(tr(lang, "report.actors_who_work_in_the_same"));
    std::vector<std::vector<std::string>> rows;
    // The most alike pairs first (the analysis ranks them); the rest as a number.
    constexpr std::size_t kShown = 15;
    for (std::size_t k = 0; k < gaps.parallelWork.size() && k < kShown; ++k) {
        const analysis::ParallelPair& p = gaps.parallelWork[k];
        rows.push_back({ctx.name(p.a), ctx.name(p.b), ctx.net.taxonomy.labelOf(CategoryKind::Field, p.field, lang)});
    }
    doc.table({tr(lang, "report.actor"), tr(lang, "report.actor"), tr(lang, "report.field_of_action")}, rows);
    if (gaps.parallelWork.size() > kShown)
        doc.p(std::string(tr(lang, "report.and")) + std::to_string(gaps.parallelWork.size() - kShown) +
              tr(lang, "report.more_pairs_all_in_knp_gaps"));
}

// [SECTION] Contact points
// For each field of action, how many first contact points it has and which.
void writeContactPoints(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const Network& net = ctx.net;
    doc.section(tr(lang, "report.contact_points"), "anlaufstellen");
    std::vector<std::vector<std::string>> rows;
    for (const Category& f : net.taxonomy.fields) {
        std::string who;
        std::size_t k = 0;
        for (std::size_t i = 0; i < net.actors().size(); ++i) {
            const Actor& a = net.actors()[i];
            if (a.contactPoint && std::find(a.fields.begin(), a.fields.end(), f.key) != a.fields.end()) {
                who += (who.empty() ? "" : ", ") + a.name;
                ++k;
            }
        }
        rows.push_back({f.label(lang), std::to_string(k), who.empty() ? tr(lang, "report.none") : who});
    }
    doc.p(tr(lang, "report.how_many_first_contact_points_does"));
    doc.table({tr(lang, "report.field_of_action"), tr(lang, "report.number"), tr(lang, "report.contact_points")}, rows,
              {false, true, false});
}

// [SECTION] Suggested links
// The suggested links with their reasons and gains, and the diagram with them dashed.
void writeSuggestions(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const analysis::GapReport& gaps = ctx.analysis.gaps;
    doc.section(tr(lang, "report.suggested_links"), "vorschlaege");
    if (gaps.suggestedLinks.empty()) {
        doc.p(tr(lang, "report.no_suggestions"));
        return;
    }
    doc.p(tr(lang, "report.new_links_that_shorten_paths_most"));
    std::vector<std::vector<std::string>> rows;
    for (const analysis::SuggestedLink& l : gaps.suggestedLinks)
        rows.push_back({ctx.name(l.a), ctx.name(l.b), phraseReasons(l.reasons, ctx.net, lang), fmt(l.gain, 3, lang)});
    doc.table({tr(lang, "report.actor"), tr(lang, "report.actor"), tr(lang, "report.reason"), tr(lang, "report.gain")}, rows,
              {false, false, false, true});
    DiagramOptions m = ctx.diagram;
    m.suggested = true;
    m.svgId = "bild-vorschlaege";
    doc.figure(renderDiagramSvg(ctx.net, ctx.positions, m), ctx.stem + "_vorschlaege.svg",
               tr(lang, "report.suggested_links_dashed_magenta"));
}

// [SECTION] What changed
// The comparison's figures then and now, as a table.
void writeChangeFigures(const ReportContext& ctx, const analysis::Comparison& c) {
    const Lang lang = ctx.lang;
    const analysis::GraphFigures& figures = ctx.analysis.figures;
    const analysis::GraphFigures& fb = c.figuresBefore;
    auto row = [&](const char* label, double before, double after, int decimals) {
        return std::vector<std::string>{tr(lang, label), fmt(before, decimals, lang), fmt(after, decimals, lang), formatChange(after - before, decimals, lang)};
    };
    ctx.doc.table({tr(lang, "report.figure"), tr(lang, "report.then"), tr(lang, "report.now"), tr(lang, "report.change")},
                  {row("report.change_row.actors", static_cast<double>(fb.nodes), static_cast<double>(figures.nodes), 0),
                   row("report.change_row.links", static_cast<double>(fb.links), static_cast<double>(figures.links), 0),
                   row("report.change_row.density", fb.density, figures.density, 3),
                   row("report.change_row.components", fb.components, figures.components, 0),
                   row("report.change_row.cut_points", static_cast<double>(fb.articulationPoints), static_cast<double>(figures.articulationPoints), 0),
                   row("report.change_row.isolates", static_cast<double>(c.isolatesBefore), static_cast<double>(c.isolatesAfter), 0),
                   row("report.change_row.fields_not_coordinated", static_cast<double>(c.uncoveredBefore), static_cast<double>(c.uncoveredAfter), 0),
                   row("report.change_row.sector_pairs_without_a_link", static_cast<double>(c.unlinkedPairsBefore), static_cast<double>(c.unlinkedPairsAfter), 0)},
                  {false, true, true, true});
}

// The comparison drawn on this report's map, with what is new, gone and changed marked.
void writeChangeDiagram(const ReportContext& ctx, const NetworkSnapshot& first, const analysis::Comparison& c) {
    // Today's actors where the map has them, gone ones beside their partners (their old
    // coordinates may belong to another layout).
    const Lang lang = ctx.lang;
    const std::vector<Point>& positions = ctx.positions;
    analysis::CompareScene scene = analysis::compareScene(first.network, ctx.net, c);
    for (std::size_t i = 0; i < scene.network.actors().size(); ++i) {
        Actor a = scene.network.actors()[i];
        a.placed = i < positions.size();
        if (a.placed) {
            a.x = positions[i].x;
            a.y = positions[i].y;
        }
        scene.network.replaceActor(a);
    }
    analysis::placeBesidePartners(scene.network, ctx.net.actors().size());
    std::vector<Point> pos;
    for (const Actor& a : scene.network.actors()) pos.push_back({a.x, a.y});
    DiagramOptions m = ctx.diagram;
    m.svgId = "bild-veraenderung";
    m.changeSince = first.name;
    m.subtitle = quoted(first.name, lang) + " \u2192 " + tr(lang, "report.today");
    for (const analysis::Change ch : scene.actor) m.actorChange.push_back(static_cast<std::uint8_t>(ch));
    for (const analysis::Change ch : scene.link) m.linkChange.push_back(static_cast<std::uint8_t>(ch));
    ctx.doc.figure(renderDiagramSvg(scene.network, pos, m), ctx.stem + "_veraenderung.svg",
                   tr(lang, "report.new_green_double_ring_and_green"));
}

// The comparison's lists: actors and links new and gone, what changed, gaps closed and opened.
void writeChangeLists(const ReportContext& ctx, const NetworkSnapshot& first, const analysis::Comparison& c) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    const Network& net = ctx.net;
    auto actorName = [](const Network& n, const std::string& id) {
        const Actor* a = n.findActor(id);
        return a ? a->name : id;
    };
    auto linkName = [&](const Network& n, const std::string& id) {
        const Link* l = n.findLink(id);
        return l ? actorName(n, l->source) + " \u2013 " + actorName(n, l->target) : id;
    };
    auto block = [&](const char* label, const std::vector<std::string>& items) {
        doc.h3(std::string(tr(lang, label)) + " (" + std::to_string(items.size()) + ")");
        doc.list(items);
    };
    std::vector<std::string> items;
    for (const std::string& id : c.actorsAdded) items.push_back(actorName(net, id));
    block("report.change_list.new_actors", items);
    items.clear();
    for (const std::string& id : c.actorsRemoved) items.push_back(actorName(first.network, id));
    block("report.change_list.no_longer_there", items);
    items.clear();
    for (const std::string& id : c.linksAdded) items.push_back(linkName(net, id));
    block("report.change_list.new_links", items);
    items.clear();
    for (const std::string& id : c.linksRemoved) items.push_back(linkName(first.network, id));
    block("report.change_list.links_gone", items);
    items.clear();
    for (const analysis::ElementChange& e : c.actorsChanged) items.push_back(e.label);
    for (const analysis::ElementChange& e : c.linksChanged) items.push_back(e.label);
    block("report.change_list.changed", items);
    block("report.change_list.gaps_closed", phraseGapChanges(c.gapsClosed, lang));
    block("report.change_list.gaps_opened", phraseGapChanges(c.gapsOpened, lang));
}

// What changed since the first snapshot, by the comparison engine of knp compare and the view.
void writeChanges(const ReportContext& ctx, const NetworkSnapshot& first) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    doc.section(std::string(tr(lang, "report.what_changed_since")) + quoted(first.name, lang) + tr(lang, "report.text"), "veraenderung");
    analysis::CompareOptions co;
    co.lang = lang;
    co.beforeName = first.name;
    co.afterName = tr(lang, "report.today");
    const analysis::Comparison c = analysis::compareNetworks(first.network, ctx.net, co);
    doc.p(std::string(tr(lang, "report.snapshot")) + quoted(first.name, lang) + tr(lang, "report.of") + first.created.substr(0, 10) +
          tr(lang, "report.compared_with_today"));
    doc.list(phraseComparison(c.findings, lang), "findings");
    writeChangeFigures(ctx, c);
    if (!c.empty()) writeChangeDiagram(ctx, first, c);
    writeChangeLists(ctx, first, c);
}

// [SECTION] Method
// How the map is made and what the measures mean, for non-experts.
void writeMethod(const ReportContext& ctx) {
    Doc& doc = ctx.doc;
    const Lang lang = ctx.lang;
    doc.section(tr(lang, "report.method"), "methode");
    doc.p(tr(lang, "report.the_map_is_made_in_workshops"));
    doc.definitions({
        {tr(lang, "report.density"), tr(lang, "report.which_share_of_all_possible_pairs")},
        {"Betweenness", tr(lang, "report.how_often_an_actor_lies_on")},
        {tr(lang, "report.brokerage_roles"), tr(lang, "report.how_an_actor_links_two_unlinked")},
        {tr(lang, "report.e_i_index"), tr(lang, "report.links_to_other_sectors_minus_links")},
        {tr(lang, "report.cut_point"), tr(lang, "report.an_actor_without_whom_others_have")},
        {tr(lang, "report.field_coordinated"), tr(lang, "report.all_actors_of_a_field_reach")},
        {tr(lang, "report.parallel_work"), tr(lang, "report.two_actors_in_the_same_field")},
        {tr(lang, "report.modularity"), tr(lang, "report.how_strongly_the_network_falls_into")},
        {tr(lang, "report.suggested_link"), tr(lang, "report.a_missing_link_that_raises_average")},
    });
}


}  // namespace

bool isReportPath(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".html" || ext == ".htm" || ext == ".md";
}

std::vector<std::string> writeReport(const Network& net, const std::vector<Point>& positions, const std::string& path,
                                     const ReportOptions& o) {
    if (!isReportPath(path)) throw UsageError(path + ": reports are written as .html or .md");
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool md = ext == ".md";
    const Lang lang = o.lang;
    const Taxonomy& t = net.taxonomy;
    const std::string stem = std::filesystem::path(path).stem().string();

    // One analysis for every section and diagram.
    const std::shared_ptr<const analysis::NetworkAnalysis> shared = o.analysis ? o.analysis : analysis::analyseNetwork(net);
    // Progress: the overview, one diagram per field, cut points, suggestions, change.
    const double expectedFigures = 4.0 + static_cast<double>(t.list(CategoryKind::Field).size()) + (o.snapshots.empty() ? 0 : 1);
    std::size_t figuresDone = 0;
    auto afterFigure = [&] {
        if (o.cancel && o.cancel->load()) throw Cancelled("report cancelled");
        ++figuresDone;
        if (o.progress) o.progress(std::min(0.99, static_cast<double>(figuresDone) / expectedFigures));
    };

    DiagramOptions d;
    d.lang = lang;
    d.date = o.date;
    d.subtitle = o.subtitle;
    d.paper = "a4";
    d.analysis = shared.get();

    Doc doc(md);
    doc.afterFigure = afterFigure;
    const ReportContext ctx{doc, net, positions, *shared, lang, d, stem};
    const std::string meta = metaLine(net, o);
    writeHeader(ctx, meta);
    writeFindings(ctx);
    writeKeyFigures(ctx);
    writeMap(ctx);
    writeSectorMatrix(ctx);
    writeFields(ctx);
    writeBrokers(ctx);
    writeSinglePointsOfFailure(ctx);
    writeParallelWork(ctx);
    writeContactPoints(ctx);
    writeSuggestions(ctx);
    if (!o.snapshots.empty()) writeChanges(ctx, o.snapshots.front());
    writeMethod(ctx);
    std::string text = doc.finish();
    if (!md) text += "<footer class=\"meta\"><p>" + htmlEscape(meta) + "</p></footer>\n</body>\n</html>\n";

    std::vector<std::string> written;
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    for (const auto& [file, svg] : doc.files()) {
        const std::string p = (dir / file).string();
        writeFileAtomically(p, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + svg);
        written.push_back(p);
    }
    writeFileAtomically(path, text);
    written.insert(written.begin(), path);
    return written;
}

}  // namespace knp::report
