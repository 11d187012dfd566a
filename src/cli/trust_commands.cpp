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
    std::cout << (tr(lang, "check.checking")) << path << "\n";
    auto ok = [&](const std::string& text) { std::cout << "  \u2713 " << text << "\n"; };
    std::string problem, stage;
    std::size_t steps = 0, snapshots = 0;
    try {
        stage = tr(lang, "check.this_is_not_a_project_file");
        checkProjectHeader(path);
        stage = tr(lang, "check.the_file_is_damaged_sqlite_cannot");
        ProjectFile pf = ProjectFile::open(path, OpenMode::ReadOnly);
        ok(std::string(tr(lang, "check.a_knotenpunkt_project_file_schema")) + std::to_string(pf.schemaVersion()));
        pf.integrityCheck();
        ok(tr(lang, "check.sqlite_integrity_check_every_page_is"));
        stage = tr(lang, "check.the_content_breaks_the_model_s");
        validateNetwork(pf.network());
        ok(std::string(tr(lang, "check.content_valid")) + std::to_string(pf.network().actors().size()) + (tr(lang, "check.actors")) +
           std::to_string(pf.network().links().size()) + (tr(lang, "check.links")));
        stage = tr(lang, "check.history_does_not_fit");
        steps = pf.verifyHistory();
        ok(std::string(tr(lang, "check.history")) + std::to_string(steps) +
           (tr(lang, "check.steps_each_fits_undo_and_redo")));
        stage = tr(lang, "check.a_snapshot_cannot_be_read");
        for (const SnapshotInfo& s : pf.snapshots()) {
            validateNetwork(pf.loadSnapshot(s.name));
            ++snapshots;
        }
        ok(std::string(tr(lang, "check.snapshots")) + std::to_string(snapshots) + (tr(lang, "check.readable_and_valid")));
    } catch (const std::exception& e) {
        problem = e.what();
    }
    if (!problem.empty()) {
        std::cout << "  \u2717 " << stage << ".\n    " << (tr(lang, "check.details")) << problem << "\n";
    }
    const std::vector<BackupInfo> backups = listBackups(path);
    if (backups.empty()) std::cout << tr(lang, "check.backups_none_yet_the_view_makes") << "\n";
    else
        std::cout << (tr(lang, "check.backups")) << backups.size() << (tr(lang, "check.the_newest_of")) << backups.front().created
                  << " in " << std::filesystem::path(backups.front().path).parent_path().string() << "\n";
    if (problem.empty()) {
        std::cout << tr(lang, "check.result_sound") << "\n";
        return 0;
    }
    std::cout << (tr(lang, "check.result_damaged_the_file_was_not"));
    if (const auto good = newestGoodBackup(path))
        std::cout << (tr(lang, "check.the_newest_sound_backup_is_of")) << good->created << ": " << good->path
                  << (tr(lang, "check.knotenpunkt_offers_it_when_you_open"));
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
