// knp check, knp backup, knp erase-person, knp person-data: the project file's health, its
// backups and the personal data of contact persons (DSGVO Art. 15 and 17).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/i18n.hpp"
#include "core/validation.hpp"
#include "core/file_output.hpp"
#include "store/backups.hpp"
#include "store/project_file.hpp"

namespace knp::cli {

namespace {

// [SECTION] knp check
int runCheck(const std::string& path, Lang lang) {
    const bool en = lang == Lang::En;
    std::cout << (en ? "Checking " : "Prüfung von ") << path << "\n";
    auto ok = [&](const std::string& text) { std::cout << "  \u2713 " << text << "\n"; };
    std::string problem, stage;
    std::size_t steps = 0, snapshots = 0;
    try {
        stage = en ? "This is not a project file Knotenpunkt can open" : "Das ist keine Projektdatei, die Knotenpunkt öffnen kann";
        checkProjectHeader(path);
        stage = en ? "The file is damaged: SQLite cannot read all of it" : "Die Datei ist beschädigt: SQLite kann sie nicht vollständig lesen";
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);
        ok(std::string(en ? "a Knotenpunkt project file, schema " : "eine Knotenpunkt-Projektdatei, Schema ") + std::to_string(pf.schemaVersion()));
        pf.integrityCheck();
        ok(en ? "SQLite integrity check: every page is sound" : "SQLite-Integritätsprüfung: alle Seiten in Ordnung");
        stage = en ? "The content breaks the model's rules" : "Der Inhalt verletzt die Regeln des Modells";
        validateNetwork(pf.network());
        ok(std::string(en ? "content valid: " : "Inhalt gültig: ") + std::to_string(pf.network().actors().size()) + (en ? " actors, " : " Akteure, ") +
           std::to_string(pf.network().links().size()) + (en ? " links" : " Verbindungen"));
        stage = en ? "The undo history does not fit the content (undo or redo would fail)"
                   : "Der Verlauf passt nicht zum Inhalt (Rückgängig oder Wiederholen würde scheitern)";
        steps = pf.verifyHistory();
        ok(std::string(en ? "history: " : "Verlauf: ") + std::to_string(steps) +
           (en ? " steps, each fits (undo and redo work)" : " Schritte, jeder passt (Rückgängig und Wiederholen funktionieren)"));
        stage = en ? "A snapshot cannot be read" : "Eine Momentaufnahme lässt sich nicht lesen";
        for (const SnapshotInfo& s : pf.snapshots()) {
            validateNetwork(pf.loadSnapshot(s.name));
            ++snapshots;
        }
        ok(std::string(en ? "snapshots: " : "Momentaufnahmen: ") + std::to_string(snapshots) + (en ? " readable and valid" : " lesbar und gültig"));
    } catch (const std::exception& e) {
        problem = e.what();
    }
    if (!problem.empty()) {
        std::cout << "  \u2717 " << stage << ".\n    " << (en ? "Details: " : "Einzelheiten: ") << problem << "\n";
    }
    const std::vector<BackupInfo> backups = listBackups(path);
    if (backups.empty()) std::cout << (en ? "  Backups: none yet (the view makes them)\n" : "  Sicherungen: noch keine (die Ansicht legt sie an)\n");
    else
        std::cout << (en ? "  Backups: " : "  Sicherungen: ") << backups.size() << (en ? ", the newest of " : ", die neueste vom ") << backups.front().created
                  << " in " << std::filesystem::path(backups.front().path).parent_path().string() << "\n";
    if (problem.empty()) {
        std::cout << (en ? "Result: sound.\n" : "Ergebnis: in Ordnung.\n");
        return 0;
    }
    std::cout << (en ? "Result: damaged. The file was not changed." : "Ergebnis: beschädigt. Die Datei wurde nicht verändert.");
    if (const auto good = newestGoodBackup(path))
        std::cout << (en ? " The newest sound backup is of " : " Die neueste gute Sicherung ist vom ") << good->created << ": " << good->path
                  << (en ? " (Knotenpunkt offers it when you open the project)." : " (Knotenpunkt bietet sie beim Öffnen des Projekts an).");
    std::cout << "\n";
    return 3;
}

}  // namespace

void registerTrustCommands(CLI::App& app, std::function<Lang()> lang, std::function<int()>& action) {
    {
        auto* cmd = app.add_subcommand("check", "Check a project file: integrity, content, history, snapshots, backups (in words)");
        auto path = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *path, "Project file (.knp)")->required();
        cmd->callback([&action, path, lang] { action = [path, lang] { return runCheck(*path, lang()); }; });
    }
    {
        auto* cmd = app.add_subcommand("backup", "Take a backup of a project now (as the view does on opening and every 10 minutes)");
        auto path = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *path, "Project file (.knp)")->required();
        cmd->callback([&action, path] {
            action = [path] {
                ProjectFile pf = ProjectFile::open(*path, OpenMode::ReadOnly);
                const std::string written = takeBackup(pf);
                std::cerr << "knp: backup " << written << " (" << listBackups(*path).size() << " kept, at most " << kBackupsKept << ")\n";
                return 0;
            };
        });
    }
    {
        auto* cmd = app.add_subcommand("erase-person",
                                       "Erase a contact person from the project, its history, its snapshots and its backups (DSGVO Art. 17)");
        auto path = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *path, "Project file (.knp)")->required();
        cmd->add_option("NAME", *name, "The contact person as written (case and spaces do not matter)")->required();
        cmd->callback([&action, path, name] {
            action = [path, name] {
                const std::size_t backupsCleaned = erasePersonFromBackups(*path, *name);
                ProjectFile pf = ProjectFile::open(*path, OpenMode::ReadWrite);
                const ProjectFile::Erasure e = pf.erasePerson(*name);
                std::cout << "Kontaktperson entfernt: " << e.contactFields << " Ansprechpersonen-Felder (auch im Verlauf und in Momentaufnahmen), "
                          << e.textReplacements << " Nennungen in Notizen ersetzt, " << e.historyEntries << " Verlaufsschritte und " << e.snapshots
                          << " Momentaufnahmen bereinigt, " << backupsCleaned << " Sicherungen bereinigt.\n";
                for (const std::string& where : e.stillIn) std::cout << "Der Name steht noch in: " << where << " (bitte umbenennen)\n";
                if (e.goneFromFile) std::cout << "Der Name kommt in den Bytes der Datei nicht mehr vor.\n";
                else std::cout << "Der Name kommt in der Datei noch vor (siehe oben).\n";
                return e.goneFromFile ? 0 : 1;
            };
        });
    }
    {
        auto* cmd = app.add_subcommand("person-data", "Everything the project stores about one contact person, as JSON (DSGVO Art. 15)");
        auto path = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>();
        auto output = std::make_shared<std::string>();
        cmd->add_option("PROJECT", *path, "Project file (.knp)")->required();
        cmd->add_option("NAME", *name, "The contact person")->required();
        cmd->add_option("-o,--output", *output, "Write the JSON to this file (mode 0600) instead of standard output");
        cmd->callback([&action, path, name, output] {
            action = [path, name, output] {
                ProjectFile pf = ProjectFile::open(*path, OpenMode::ReadOnly);
                const std::string text = pf.personData(*name) + "\n";
                if (output->empty()) std::cout << text;
                else {
                    writeFileAtomically(*output, text);
                    std::filesystem::permissions(*output, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
                    std::cerr << "knp: wrote " << *output << "\n";
                }
                return 0;
            };
        });
    }
}

}  // namespace knp::cli
