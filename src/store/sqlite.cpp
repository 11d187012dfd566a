#include "store/sqlite.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "core/errors.hpp"

namespace knp::sql {

std::optional<StorageProblem> storageProblemOf(int extendedCode, int systemErrno) {
    const int primary = extendedCode & 0xff;
    if (primary == SQLITE_FULL) return StorageProblem::Full;
    if (extendedCode == SQLITE_READONLY_DBMOVED) return StorageProblem::Gone;
    if (primary == SQLITE_READONLY) return StorageProblem::ReadOnly;
    if (primary != SQLITE_IOERR && primary != SQLITE_CANTOPEN) return std::nullopt;
    switch (systemErrno) {
        case ENOSPC: case EDQUOT: case EFBIG: return StorageProblem::Full;
        case ENOENT: case ENOTDIR: case ENODEV: case ENXIO: case ESTALE: return StorageProblem::Gone;
        case EROFS: case EACCES: case EPERM: return StorageProblem::ReadOnly;
        default: return StorageProblem::Io;
    }
}

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        msg = "the project file is locked by another program (" + msg + ")";
    const int systemErrno = db ? sqlite3_system_errno(db) : 0;
    if (const std::optional<StorageProblem> problem = storageProblemOf(code, systemErrno)) {
        if (systemErrno != 0) msg += std::string(" (") + std::strerror(systemErrno) + ")";
        throw StorageError(*problem, msg + " [" + std::string(what) + "]");
    }
    throw StoreError(msg + " [" + std::string(what) + "]");
}
}  // namespace

Database::Database(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError("cannot open " + path + ": " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close(db_); }

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close(db_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

void Database::exec(std::string_view sql) {
    const std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(db_, s);
}

std::optional<std::string> Database::queryText(std::string_view sql) {
    Statement st(*this, sql);
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return st.text(0);
}

std::int64_t Database::queryInt(std::string_view sql) {
    Statement st(*this, sql);
    return st.step() ? st.integer(0) : 0;
}

std::string Database::errorMessage() const { return db_ ? sqlite3_errmsg(db_) : ""; }

Statement::Statement(Database& db, std::string_view sql) : db_(&db), sql_(sql) {
    if (sqlite3_prepare_v2(db.get(), sql_.c_str(), static_cast<int>(sql_.size()), &stmt_, nullptr) != SQLITE_OK)
        fail(db.get(), sql_);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), sql_(std::move(other.sql_)) {}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_->get(), sql_);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_->get(), sql_);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail(db_->get(), sql_);
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_->get(), sql_);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_->get(), sql_);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (open_) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace knp::sql
