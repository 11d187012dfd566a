#pragma once
// Move-only RAII wrappers over sqlite3 and sqlite3_stmt. Every failure throws StoreError with
// SQLite's message and the statement that failed; a failure to store (a full disk, a vanished
// folder, a read-only file) throws StorageError, which says which.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

#include "core/errors.hpp"

namespace knp::sql {

// What a failed SQLite call means for storing a change, from its extended result code and the
// operating system's errno of the failing call (sqlite3_system_errno): SQLITE_FULL or ENOSPC,
// EDQUOT, EFBIG a full disk; SQLITE_READONLY_DBMOVED or ENOENT, ENOTDIR, ENODEV, ENXIO, ESTALE a
// vanished file or folder; SQLITE_READONLY or EROFS, EACCES, EPERM a read-only one; other
// SQLITE_IOERR or SQLITE_CANTOPEN an input/output error. Nothing for other failures.
std::optional<StorageProblem> storageProblemOf(int extendedCode, int systemErrno);

class Database {
public:
    Database() = default;
    Database(const std::string& path, int flags);  // sqlite3_open_v2
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* get() const { return db_; }
    explicit operator bool() const { return db_ != nullptr; }
    void exec(std::string_view sql);                           // runs one or more statements
    std::optional<std::string> queryText(std::string_view sql);  // first column of first row
    std::int64_t queryInt(std::string_view sql);                 // 0 when no row
    std::string errorMessage() const;

private:
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bindNull(int index);
    bool step();   // true while a row is available
    void run();    // step to completion, then reset
    void reset();  // ready to bind and run again

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace knp::sql
