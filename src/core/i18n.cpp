#include "core/i18n.hpp"

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

}  // namespace knp
