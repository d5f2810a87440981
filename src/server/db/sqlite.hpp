// The SQLite engine behind db::Database: a thin RAII layer over the C API with statements
// cached per connection, WAL, and one connection per concurrent caller from the pool.
#pragma once

#include "server/db/database.hpp"

#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace dongelek::server::sqlite {

class Statement final : public db::Statement {
public:
    Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    ~Statement() override;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    using db::Statement::bind;
    db::Statement& bind(int index, std::int64_t value) override;
    db::Statement& bind(int index, double value) override;
    db::Statement& bind(int index, std::string_view value) override; // SQLITE_TRANSIENT: copied
    db::Statement& bindNull(int index) override;

    bool step() override;
    void run() override;
    void reset() override;

    std::int64_t columnInt64(int col) const override;
    double columnDouble(int col) const override;
    std::string columnText(int col) const override;
    bool columnIsNull(int col) const override;

private:
    sqlite3_stmt* m_stmt;
    sqlite3* m_db;
};

class Connection final : public db::Connection {
public:
    // Opens (creating when missing) with WAL, busy_timeout and foreign keys on.
    explicit Connection(const std::string& path);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    db::Engine engine() const override { return db::Engine::Sqlite; }
    void exec(const std::string& sql) override;
    db::Statement& prepare(const std::string& sql) override;
    std::unique_ptr<db::BulkInsert> bulkInsert(const std::string& table,
                                               const std::vector<std::string>& columns) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    bool reusable() override;

    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
};

// A Database on the SQLite file at `path`, creating its parent folders when missing.
std::unique_ptr<db::Database> openDatabase(const std::string& path);

} // namespace dongelek::server::sqlite
