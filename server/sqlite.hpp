// A thin RAII layer over SQLite's C API: a connection, prepared statements, transactions.
#pragma once
// Only what the sandbox needs. Every failure is a SqliteError (an exception: the sandbox
// turns it into a 500 envelope and rolls the request's transaction back).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace voip_sandbox {

struct SqliteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binds by 1-based index; returns *this so calls chain.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_null(int index);
    // One step: true while a row is there, false when done.
    bool step();
    // Ready for another run with new bindings.
    void reset();

    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Resets the statement when the scope ends, however it ends.
class Run {
public:
    explicit Run(Statement& s) : s_(s) {}
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;
    ~Run() { s_.reset(); }
    Statement& operator*() { return s_; }
    Statement* operator->() { return &s_; }

private:
    Statement& s_;
};

class Database {
public:
    // Opens (creating) `path`; ":memory:" is a throwaway database.
    explicit Database(const std::string& path);
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    void exec(const char* sql);
    [[nodiscard]] sqlite3* handle() const noexcept { return db_; }
    [[nodiscard]] std::int64_t changes() const noexcept;

private:
    sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE .. COMMIT; rolled back when the scope ends without commit().
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();
    // After commit(): BEGIN IMMEDIATE again, for a write done in several transactions.
    void begin();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace voip_sandbox
