#include "core/i18n.hpp"

#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "core/errors.hpp"

namespace knp {

namespace {

struct Entry { const char* de; const char* en; };

const std::unordered_map<std::string_view, Entry>& table() {
    static const std::unordered_map<std::string_view, Entry> t = {
        // [SECTION] Edit kinds (history, undo menu)
        {"add_actor", {"Akteur hinzugefügt", "Actor added"}},
        {"update_actor", {"Akteur geändert", "Actor changed"}},
        {"remove_actor", {"Akteur entfernt", "Actor removed"}},
        {"add_link", {"Verbindung hinzugefügt", "Link added"}},
        {"update_link", {"Verbindung geändert", "Link changed"}},
        {"remove_link", {"Verbindung entfernt", "Link removed"}},
        {"move", {"Verschoben", "Moved"}},
        {"rename", {"Projekt umbenannt", "Project renamed"}},
        {"import", {"Importiert", "Imported"}},
        {"replace", {"Inhalt ersetzt", "Content replaced"}},
        {"restore_snapshot", {"Momentaufnahme wiederhergestellt", "Snapshot restored"}},
        {"layout", {"Anordnung", "Layout"}},
        // [SECTION] knp info
        {"info.project", {"Projekt", "Project"}},
        {"info.source", {"Quelle", "Source"}},
        {"info.schema", {"Schema-Version", "Schema version"}},
        {"info.actors", {"Akteure", "Actors"}},
        {"info.links", {"Verbindungen", "Links"}},
        {"info.directed", {"davon gerichtet", "of them directed"}},
        {"info.contact_points", {"Anlaufstellen", "Contact points"}},
        {"info.sectors", {"Akteure je Sektor", "Actors per sector"}},
        {"info.fields", {"Akteure je Handlungsfeld", "Actors per field of action"}},
        {"info.link_types", {"Verbindungen je Art", "Links per type"}},
        {"info.statuses", {"Verbindungen je Status", "Links per status"}},
        {"info.levels", {"Akteure je Ebene", "Actors per level"}},
        {"info.snapshots", {"Momentaufnahmen", "Snapshots"}},
        {"info.none", {"keine", "none"}},
        {"info.unassigned", {"ohne Angabe", "unassigned"}},
        {"info.history", {"Bearbeitungsschritte (rückgängig / wiederholbar)", "Edit steps (undo / redo)"}},
        // [SECTION] Gap analyses: reasons for suggested links and findings ({0}, {1}: values)
        {"gaps.reason.isolate", {"{0} ist bisher mit niemandem verbunden", "{0} is not linked to anyone yet"}},
        {"gaps.reason.component", {"verbindet die getrennte Gruppe um {0} mit dem übrigen Netz", "joins the separate group around {0} to the rest of the network"}},
        {"gaps.reason.reconnect", {"fällt {0} weg, bleiben {1} trotzdem mit dem übrigen Netz verbunden", "if {0} drops out, {1} stay connected to the rest of the network"}},
        {"gaps.reason.sectors", {"die erste Verbindung zwischen {0} und {1}", "the first link between {0} and {1}"}},
        {"gaps.reason.parallel", {"beide arbeiten im Handlungsfeld {0}, kennen sich aber nicht", "both work in the field of action {0} but do not know each other"}},
        {"gaps.reason.parallel_many", {"beide arbeiten in den Handlungsfeldern {0}, kennen sich aber nicht", "both work in the fields of action {0} but do not know each other"}},
        {"gaps.reason.distance", {"{0} ist bisher im Mittel {1} Schritte von den anderen entfernt", "{0} is on average {1} steps away from the others"}},
        {"gaps.more_actors", {"{0} weitere", "{0} more"}},
        {"gaps.finding.broker", {"{0} ist der wichtigste Brückenakteur: Über diesen Akteur laufen {1} % aller kürzesten Wege zwischen anderen Akteuren.", "{0} is the most important broker: {1}% of all shortest paths between other actors run through it."}},
        {"gaps.finding.broker2", {"Danach folgt {0} mit {1} %.", "Next comes {0} with {1}%."}},
        {"gaps.finding.no_link", {"Zwischen {0} und {1} gibt es keine einzige Verbindung.", "There is not a single link between {0} and {1}."}},
        {"gaps.finding.no_link_more", {"Weitere {0} Sektorpaare haben keine Verbindung untereinander.", "{0} more pairs of sectors have no link between them."}},
        {"gaps.finding.inward", {"{0} ist vor allem nach innen vernetzt (E-I-Index {1}).", "{0} is linked mainly within itself (E-I index {1})."}},
        {"gaps.finding.cut", {"Fällt {0} weg, sind {1} vom übrigen Netz abgeschnitten.", "If {0} drops out, {1} are cut off from the rest of the network."}},
        {"gaps.finding.pendant", {"Ein Akteur ist nur über einen einzigen Partner mit dem Netz verbunden.", "One actor is connected to the network through a single partner only."}},
        {"gaps.finding.pendants", {"{0} Akteure sind nur über einen einzigen Partner mit dem Netz verbunden.", "{0} actors are connected to the network through a single partner only."}},
        {"gaps.finding.isolate", {"{0} ist mit niemandem verbunden.", "{0} is not linked to anyone."}},
        {"gaps.finding.isolates", {"Mit niemandem verbunden sind: {0}.", "Not linked to anyone: {0}."}},
        {"gaps.finding.field_empty", {"Im Handlungsfeld {0} ist kein Akteur aktiv.", "No actor works in the field of action {0}."}},
        {"gaps.finding.field_one", {"Im Handlungsfeld {0} ist nur {1} aktiv.", "Only {1} works in the field of action {0}."}},
        {"gaps.finding.field_split", {"Die {1} Akteure im Handlungsfeld {0} bilden {2} getrennte Gruppen; niemand koordiniert das Feld.", "The {1} actors in the field of action {0} form {2} separate groups; nobody coordinates the field."}},
        {"gaps.finding.field_coordinated", {"Im Handlungsfeld {0} laufen die Fäden bei {1} zusammen.", "In the field of action {0}, the threads come together at {1}."}},
        {"gaps.finding.parallel", {"{0} und {1} arbeiten beide im Handlungsfeld {2}, haben aber weder eine Verbindung noch einen gemeinsamen Partner.", "{0} and {1} both work in the field of action {2} but have neither a link nor a common partner."}},
        {"gaps.finding.parallel_more", {"Es gibt {0} weitere solche Paare.", "There are {0} more such pairs."}},
        {"gaps.finding.contact_points", {"Für das Handlungsfeld {0} gibt es {1} Anlaufstellen: {2}.", "The field of action {0} has {1} contact points: {2}."}},
        {"gaps.finding.suggestion", {"Vorschlag: eine Verbindung zwischen {0} und {1} – {2}.", "Suggestion: a link between {0} and {1} – {2}."}},
        // [SECTION] Desktop view
        {"menu.file", {"Datei", "File"}},
        {"menu.edit", {"Bearbeiten", "Edit"}},
        {"menu.view", {"Ansicht", "View"}},
        {"menu.help", {"Hilfe", "Help"}},
        {"menu.quit", {"Beenden", "Quit"}},
        {"menu.undo", {"Rückgängig", "Undo"}},
        {"menu.redo", {"Wiederholen", "Redo"}},
        {"menu.language", {"Sprache: Deutsch", "Language: English"}},
        {"menu.about", {"Über Knotenpunkt", "About Knotenpunkt"}},
        {"canvas.empty", {"Noch keine Akteure. Mit N legen Sie den ersten an.", "No actors yet. Press N to add the first."}},
        {"canvas.summary", {"%d Akteure, %d Verbindungen", "%d actors, %d links"}},
        {"title.untitled", {"Ohne Titel", "Untitled"}},
        {"title.snapshot", {"Stand", "snapshot"}},
        {"title.view_only", {"nur ansehen", "view only"}},
        {"menu.save_as_project", {"Als Projekt speichern …", "Save as project …"}},
        {"file.new", {"Neues Projekt …", "New project …"}},
        {"file.open", {"Öffnen …", "Open …"}},
        {"file.recent", {"Zuletzt geöffnet", "Open recent"}},
        {"file.import", {"Importieren …", "Import …"}},
        {"file.export", {"Daten exportieren (Excel, CSV, GraphML, GEXF, JSON, DOT) …", "Export data (Excel, CSV, GraphML, GEXF, JSON, DOT) …"}},
        {"file.diagram", {"Karte als PDF, SVG oder PNG …", "Map as PDF, SVG or PNG …"}},
        {"file.report", {"Strategiebericht (HTML, Markdown) …", "Strategy report (HTML, Markdown) …"}},
        {"file.open_exported", {"Karte und Bericht danach öffnen", "Open map and report when written"}},
        {"file.export_settings", {"Beim Exportieren", "When exporting"}},
        {"file.paper", {"Papier der Karte (quer)", "Paper of the map (landscape)"}},
        {"file.pseudonyms", {"Personenbezogene Daten", "Personal data"}},
        {"file.pseudo_none", {"keine Pseudonyme", "no pseudonyms"}},
        {"file.pseudo_contacts", {"Kontaktpersonen pseudonymisieren", "Pseudonymise contact persons"}},
        {"file.pseudo_all", {"auch Akteursnamen pseudonymisieren", "Pseudonymise actor names too"}},
        {"export.writing", {"Die Datei wird geschrieben …", "Writing the file …"}},
        {"status.imported", {"Importiert:", "Imported:"}},
        {"status.snapshots", {"Momentaufnahmen", "snapshots"}},
        {"notice.import_warnings", {"Importiert, mit Hinweisen:", "Imported, with warnings:"}},
        {"notice.report_formats", {"Der Bericht wird als HTML (.html) oder Markdown (.md) geschrieben.", "The report is written as HTML (.html) or Markdown (.md)."}},
        {"report.writing", {"Der Strategiebericht wird geschrieben …", "Writing the strategy report …"}},
        {"report.cancel", {"Abbrechen", "Cancel"}},
        {"report.cancelled", {"Bericht abgebrochen; es wurde nichts geschrieben.", "Report cancelled; nothing was written."}},
        {"file.up", {"Übergeordneter Ordner", "Parent folder"}},
        {"file.empty", {"Keine passenden Dateien in diesem Ordner.", "No matching files in this folder."}},
        {"file.save", {"Speichern", "Save"}},
        {"file.csv_folder", {"CSV-Ordner: Akteure und Verbindungen", "CSV folder: actors and links"}},
        {"file.exists", {"Diese Datei gibt es schon.", "This file exists already."}},
        {"file.overwrite", {"Ersetzen", "Replace"}},
        {"file.keep", {"Nicht ersetzen", "Keep it"}},
        {"file.choose", {"Öffnen", "Open"}},
        {"notice.locked", {"Dieses Projekt ist bereits in einem anderen Knotenpunkt-Fenster (oder von einem knp-Befehl) geöffnet. Es wird hier nur zum Ansehen gezeigt; Änderungen sind hier nicht möglich. Schließen Sie es dort, um hier weiterzuarbeiten.", "This project is already open in another Knotenpunkt window (or a knp command). It is shown here read-only; close it there to edit it here."}},
        {"notice.cannot_open", {"Die Datei konnte nicht geöffnet werden. Das geöffnete Netzwerk bleibt unverändert.", "The file could not be opened. The open network is unchanged."}},
        {"notice.export_formats", {"Daten werden als Excel (.xlsx), CSV (.csv), GraphML (.graphml), GEXF (.gexf), JSON (.json) oder Graphviz-DOT (.dot, .gv) exportiert; die Karte als PDF, SVG oder PNG.", "Data is exported as Excel (.xlsx), CSV (.csv), GraphML (.graphml), GEXF (.gexf), JSON (.json) or Graphviz DOT (.dot, .gv); the map as PDF, SVG or PNG."}},
        {"status.locked_elsewhere", {"Nur zum Ansehen: Das Projekt ist in einem anderen Fenster geöffnet.", "View only: the project is open in another window."}},
        {"status.exported", {"Exportiert:", "Exported:"}},
        {"menu.high_contrast", {"Hoher Kontrast (Beamer)", "High contrast (projector)"}},
        {"menu.fullscreen", {"Vollbild", "Full screen"}},
        {"menu.live_layout", {"Live-Anordnung beim Erfassen", "Live layout while capturing"}},
        {"menu.layout", {"Anordnung", "Layout"}},
        {"menu.presentation", {"Präsentationsmodus", "Presentation mode"}},
        {"menu.dark", {"Dunkles Design", "Dark theme"}},
        {"menu.labels", {"Beschriftungen", "Labels"}},
        {"menu.hide_isolates", {"Unverbundene ausblenden", "Hide isolates"}},
        {"menu.suggestions", {"Vorgeschlagene Verbindungen zeigen", "Show suggested links"}},
        {"menu.ego", {"Ego-Netzwerk der Auswahl", "Ego network of the selection"}},
        {"menu.ego_off", {"aus", "off"}},
        {"menu.ego_1", {"1 Schritt", "1 step"}},
        {"menu.ego_2", {"2 Schritte", "2 steps"}},
        {"menu.color_by", {"Farbe nach", "Colour by"}},
        {"menu.size_by", {"Größe nach", "Size by"}},
        {"menu.sector", {"Sektor", "Sector"}},
        {"menu.influence", {"Einfluss", "Influence"}},
        {"menu.fit", {"Alles zeigen", "Fit to view"}},
        {"menu.snapshot_take", {"Momentaufnahme anlegen", "Take snapshot"}},
        {"layout.running", {"Anordnung %s wird berechnet …", "Computing layout %s …"}},
        {"layout.cancel", {"Abbrechen", "Cancel"}},
        {"layout.outdated", {"Das Netz hat sich während der Anordnung geändert; bitte erneut anordnen.", "The network changed during the layout; please lay it out again."}},
        {"menu.filters", {"Filter", "Filters"}},
        {"snapshot.name", {"Name der Momentaufnahme", "Snapshot name"}},
        {"snapshot.restore", {"Wiederherstellen", "Restore"}},
        {"panel.inspector", {"Eigenschaften", "Properties"}},
        {"panel.analysis", {"Analyse", "Analysis"}},
        {"panel.actors", {"Akteure", "Actors"}},
        {"panel.legend", {"Legende", "Legend"}},
        {"panel.snapshots", {"Momentaufnahmen", "Snapshots"}},
        {"panel.compare", {"Vergleich", "Comparison"}},
        {"menu.compare", {"Vergleichen mit Momentaufnahme", "Compare with snapshot"}},
        {"compare.view_only", {"Vergleichsansicht: nur ansehen. V oder Esc beendet den Vergleich.", "Comparison: view only. V or Esc ends it."}},
        {"compare.no_project", {"Vergleichen geht mit einem Projekt (.knp) und seinen Momentaufnahmen.", "Comparing needs a project (.knp) and its snapshots."}},
        {"compare.no_snapshot", {"Noch keine Momentaufnahme: legen Sie nach dem Workshop eine an (Projekt > Momentaufnahme anlegen), dann lässt sich vergleichen.",
                                 "No snapshot yet: take one after the workshop (Project > Take snapshot), then you can compare."}},
        {"compare.unknown_snapshot", {"Keine Momentaufnahme namens", "No snapshot named"}},
        {"compare.today", {"heute", "today"}},
        {"compare.analysis_hint", {"Im Vergleich zeigt das Fenster „Vergleich“ die Kennzahlen beider Stände.", "While comparing, the window “Comparison” shows the figures of both states."}},
        {"compare.legend", {"Linien: grün neu, rot weggefallen, orange geändert, grau unverändert", "Lines: green new, red gone, orange changed, grey unchanged"}},
        {"compare.base", {"Vergleich mit", "Compared with"}},
        {"compare.play", {"Abspielen", "Play"}},
        {"compare.stop", {"Anhalten", "Stop"}},
        {"compare.leave", {"Vergleich beenden", "End comparison"}},
        {"compare.added", {"neu", "new"}},
        {"compare.removed", {"nicht mehr dabei (gestrichelt)", "gone (dashed)"}},
        {"compare.changed", {"geändert", "changed"}},
        {"compare.computing", {"Vergleich wird berechnet …", "Comparing …"}},
        {"compare.same_state", {"Das ist der Stand, mit dem verglichen wird. Schieben Sie den Regler oder drücken Sie →.",
                                "This is the state compared with. Move the slider or press →."}},
        {"compare.counts", {"Veränderung:", "Change:"}},
        {"compare.actors", {"Akteure", "actors"}},
        {"compare.links", {"Verbindungen", "links"}},
        {"compare.changed_count", {"geändert", "changed"}},
        {"compare.findings", {"Befunde", "Findings"}},
        {"compare.figures", {"Kennzahlen", "Figures"}},
        {"compare.figure", {"Kennzahl", "Figure"}},
        {"compare.before", {"vorher", "before"}},
        {"compare.after", {"nachher", "after"}},
        {"compare.fig_actors", {"Akteure", "Actors"}},
        {"compare.fig_links", {"Verbindungen", "Links"}},
        {"compare.fig_density", {"Dichte", "Density"}},
        {"compare.fig_components", {"Teilnetze", "Components"}},
        {"compare.fig_cut_points", {"Schnittpunkte", "Cut points"}},
        {"compare.fig_isolates", {"Ohne Verbindung", "Isolates"}},
        {"compare.fig_uncovered", {"Felder nicht koordiniert", "Fields not coordinated"}},
        {"compare.metrics", {"Größte Veränderungen je Akteur", "Largest changes per actor"}},
        {"compare.actor", {"Akteur", "Actor"}},
        {"compare.measure", {"Maß", "Measure"}},
        {"compare.before_after", {"vorher → nachher", "before → after"}},
        {"compare.metric_betweenness", {"Betweenness", "Betweenness"}},
        {"compare.metric_degree", {"Verbindungen", "Links"}},
        {"compare.metric_brokerage", {"Vermittlung", "Brokerage"}},
        {"compare.gaps_closed", {"Lücken geschlossen", "Gaps closed"}},
        {"compare.gaps_opened", {"Lücken neu", "Gaps opened"}},
        {"field.name", {"Name", "Name"}},
        {"field.short_name", {"Kurzname", "Short name"}},
        {"field.sector", {"Sektor", "Sector"}},
        {"field.fields", {"Handlungsfelder", "Fields of action"}},
        {"field.level", {"Ebene", "Level"}},
        {"field.influence", {"Einfluss", "Influence"}},
        {"field.contact_point", {"Anlaufstelle", "Contact point"}},
        {"field.contact_person", {"Ansprechperson", "Contact person"}},
        {"field.consent", {"Einwilligung liegt vor", "Consent given"}},
        {"backup.failed", {"Sicherung fehlgeschlagen:", "Backup failed:"}},
        {"backup.damaged", {"Diese Projektdatei ist beschädigt und lässt sich nicht öffnen:", "This project file is damaged and cannot be opened:"}},
        {"backup.offer", {"Die neueste gute Sicherung ist vom", "The newest sound backup is of"}},
        {"backup.offer_detail", {"Knotenpunkt öffnet sie als neue Datei „… (wiederhergestellt …).knp“ neben der beschädigten. Die beschädigte Datei bleibt unverändert.",
                                 "Knotenpunkt opens it as a new file “… (wiederhergestellt …).knp” beside the damaged one. The damaged file stays as it is."}},
        {"backup.open", {"Sicherung öffnen", "Open the backup"}},
        {"backup.cancel", {"Abbrechen", "Cancel"}},
        {"backup.opened", {"Wiederhergestellt aus der Sicherung:", "Restored from the backup:"}},
        {"backup.taken", {"Sicherung angelegt", "Backup taken"}},
        {"person.erase", {"Person löschen (DSGVO) …", "Erase person (GDPR) …"}},
        {"person.erase_confirm", {"wird aus diesem Projekt, seinem Verlauf, allen Momentaufnahmen und allen Sicherungen entfernt (Einwilligung eingeschlossen). Das lässt sich nicht rückgängig machen.",
                                  "will be removed from this project, its history, every snapshot and every backup (consent included). This cannot be undone."}},
        {"person.erase_now", {"Endgültig löschen", "Erase for good"}},
        {"person.erased", {"Person gelöscht; der Name steht nicht mehr in der Datei.", "Person erased; the name is no longer in the file."}},
        {"person.erased_partly", {"Person gelöscht, der Name steht aber noch in:", "Person erased, but the name is still in:"}},
        {"person.export", {"Auskunft (Art. 15)", "Data report (Art. 15)"}},
        {"person.exported", {"Auskunft gespeichert:", "Data report saved:"}},
        {"field.note", {"Notiz", "Note"}},
        {"field.pinned", {"Fixiert", "Pinned"}},
        {"field.type", {"Art", "Type"}},
        {"field.strength", {"Stärke", "Strength"}},
        {"field.directed", {"Gerichtet", "Directed"}},
        {"field.status", {"Status", "Status"}},
        {"field.none", {"(keine Angabe)", "(none)"}},
        {"strength.1", {"schwach", "weak"}},
        {"strength.2", {"regelmäßig", "regular"}},
        {"strength.3", {"eng", "close"}},
        {"inspector.nothing", {"Nichts ausgewählt. Klicken Sie auf einen Akteur oder eine Verbindung.", "Nothing selected. Click an actor or a link."}},
        {"inspector.many", {"%d Akteure ausgewählt", "%d actors selected"}},
        {"inspector.remove", {"Entfernen (Entf)", "Remove (Del)"}},
        {"inspector.link_from", {"Verbindung von hier (L)", "Link from here (L)"}},
        {"analysis.computing", {"wird berechnet …", "computing …"}},
        {"analysis.findings", {"Befunde", "Findings"}},
        {"analysis.brokers", {"Brückenakteure", "Brokers"}},
        {"analysis.dropout", {"Was passiert, wenn %s wegfällt?", "What if %s drops out?"}},
        {"analysis.dropout_none", {"Niemand wird abgeschnitten.", "Nobody is cut off."}},
        {"analysis.dropout_cut", {"Abgeschnitten wären:", "Cut off would be:"}},
        {"analysis.fields", {"Handlungsfelder", "Fields of action"}},
        {"analysis.heatmap", {"Verbindungen zwischen Sektoren", "Links between sectors"}},
        {"analysis.suggestions", {"Vorgeschlagene Verbindungen", "Suggested links"}},
        {"analysis.time", {"berechnet in %.1f ms", "computed in %.1f ms"}},
        {"new.title", {"Neuer Akteur", "New actor"}},
        {"new.hint", {"Name eingeben, Enter legt an, Esc bricht ab. Sektor: Strg+1 … Strg+9, Strg+0 (Nummern wie in der Liste)", "Type a name, Enter adds, Esc cancels. Sector: Ctrl+1 … Ctrl+9, Ctrl+0 (numbers as in the list)"}},
        {"search.hint", {"Suchen (Strg+F)", "Search (Ctrl+F)"}},
        {"status.link_mode", {"Verbindung: Zielakteur anklicken (Esc bricht ab)", "Link: click the target actor (Esc cancels)"}},
        {"status.readonly_import", {"Importierte Datei: Änderungen bleiben im Speicher, bis Sie als Projekt speichern.", "Imported file: changes stay in memory until you save as a project."}},
        {"legend.planned", {"geplant", "planned"}},
        {"legend.wished", {"gewünscht", "wished"}},
        {"legend.contact_point", {"Anlaufstelle", "Contact point"}},
        {"legend.land_bund", {"Land / Bund", "State / federal"}},
    };
    return t;
}

}  // namespace

std::string_view tr(Lang lang, std::string_view key) {
    auto it = table().find(key);
    if (it == table().end()) return key;
    return lang == Lang::En ? it->second.en : it->second.de;
}

Lang parseLang(std::string_view text) {
    if (text == "de" || text == "deutsch" || text == "DE") return Lang::De;
    if (text == "en" || text == "english" || text == "EN") return Lang::En;
    throw InputError("unknown language \"" + std::string(text) + "\" (use de or en)");
}

std::string formatChange(double delta, int decimals, Lang lang) {
    if (std::isfinite(delta) && std::fabs(delta) < 0.5 * std::pow(10.0, -decimals)) return "\u00B10";
    return (delta > 0 ? "+" : "") + formatNumber(delta, decimals, lang);
}

std::string formatNumber(double value, int decimals, Lang lang) {
    if (!std::isfinite(value)) return "\u2013";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (lang == Lang::De)
        for (char& c : s)
            if (c == '.') c = ',';
    if (s.rfind('-', 0) == 0) s.replace(0, 1, "\u2212");
    return s;
}

}  // namespace knp

namespace knp {

std::string joinList(const std::vector<std::string>& items, Lang lang) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? (lang == Lang::En ? " and " : " und ") : ", ";
        out += items[i];
    }
    return out;
}

std::string quoted(const std::string& text, Lang lang) {
    return lang == Lang::En ? "\u201C" + text + "\u201D" : "\u201E" + text + "\u201C";
}

std::string sectorName(const std::string& label, Lang lang) {
    const bool compound = label.find(lang == Lang::En ? " and " : " und ") != std::string::npos;
    return compound ? quoted(label, lang) : label;
}

}  // namespace knp
