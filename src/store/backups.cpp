#include "store/backups.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <cstdint>
#include <cstdio>

#include "core/errors.hpp"
#include "store/project_file.hpp"

namespace knp {

namespace fs = std::filesystem;

namespace {

fs::path stateHome() {
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return x;
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local" / "state";
    return fs::temp_directory_path();
}

// "2026-11-21T15:33:23Z" as a file name part: colons are not welcome everywhere.
std::string fileStamp(std::string iso) {
    std::replace(iso.begin(), iso.end(), ':', '-');
    return iso;
}

std::string isoFromStamp(const std::string& stem) {
    // NAME-2026-11-21T15-33-23Z(-N) -> 2026-11-21T15:33:23Z
    const auto t = stem.rfind('T');
    if (t == std::string::npos || t < 10 || t + 9 >= stem.size() + 1) return "";
    std::string iso = stem.substr(t - 10, 20);
    if (iso.size() < 20) return "";
    iso[13] = ':';
    iso[16] = ':';
    return iso;
}

}  // namespace

std::string backupFolder(const std::string& project) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(project), ec);
    if (ec) abs = fs::absolute(project);
    // FNV-1a of the absolute path: the same folder for the same project in every version.
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char c : abs.string()) h = (h ^ c) * 0x100000001b3ull;
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(h));
    return (stateHome() / "knotenpunkt" / "backups" / (abs.stem().string() + "-" + std::string(hash, 8))).string();
}

std::string takeBackup(ProjectFile& project, std::size_t keep) {
    const fs::path folder = backupFolder(project.path());
    fs::create_directories(folder);
    ::chmod(folder.c_str(), 0700);
    const std::string stem = fs::path(project.path()).stem().string() + "-" + fileStamp(utcTimestamp());
    fs::path target = folder / (stem + ".knp");
    for (int k = 2; fs::exists(target); ++k) target = folder / (stem + "-" + std::to_string(k) + ".knp");
    project.backupTo(target.string());
    ::chmod(target.c_str(), 0600);
    std::vector<BackupInfo> all = listBackups(project.path());
    for (std::size_t i = keep; i < all.size(); ++i) fs::remove(all[i].path);
    return target.string();
}

std::vector<BackupInfo> listBackups(const std::string& project) {
    std::vector<BackupInfo> out;
    const fs::path folder = backupFolder(project);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return out;
    for (const fs::directory_entry& e : fs::directory_iterator(folder, ec))
        if (e.is_regular_file() && e.path().extension() == ".knp") out.push_back({e.path().string(), isoFromStamp(e.path().stem().string())});
    // Newest first: by the time in the name, then (same second) by the counter suffix.
    auto counter = [](const std::string& p) {
        const std::string stem = fs::path(p).stem().string();
        const auto z = stem.rfind('Z');
        return z != std::string::npos && z + 2 < stem.size() ? std::atoi(stem.c_str() + z + 2) : 1;
    };
    std::sort(out.begin(), out.end(), [&](const BackupInfo& a, const BackupInfo& b) {
        return a.created != b.created ? a.created > b.created : counter(a.path) > counter(b.path);
    });
    return out;
}

std::optional<BackupInfo> newestGoodBackup(const std::string& project) {
    for (const BackupInfo& b : listBackups(project)) {
        try {
            ProjectFile::open(b.path, OpenMode::ReadOnly).integrityCheck();
            return b;
        } catch (const std::exception&) {
            continue;
        }
    }
    return std::nullopt;
}

std::size_t erasePersonFromBackups(const std::string& project, const std::string& name) {
    std::size_t held = 0;
    for (const BackupInfo& b : listBackups(project)) {
        ProjectFile backup = ProjectFile::open(b.path, OpenMode::ReadWrite);
        const ProjectFile::Erasure e = backup.erasePerson(name);
        held += e.contactFields + e.textReplacements + e.historyEntries + e.snapshots > 0;
    }
    return held;
}

std::string restoreBackupBeside(const std::string& project, const BackupInfo& backup) {
    const fs::path p(project);
    std::string date = backup.created.substr(0, 16);
    std::replace(date.begin(), date.end(), 'T', ' ');
    std::replace(date.begin(), date.end(), ':', '.');
    const std::string base = p.stem().string() + " (wiederhergestellt " + date + ")";
    fs::path target = p.parent_path() / (base + ".knp");
    for (int k = 2; fs::exists(target); ++k) target = p.parent_path() / (base + " " + std::to_string(k) + ".knp");
    fs::copy_file(backup.path, target, fs::copy_options::none);
    ::chmod(target.c_str(), 0600);
    return target.string();
}

}  // namespace knp
