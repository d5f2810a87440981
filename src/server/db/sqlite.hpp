// Thin RAII layer over the SQLite C API: connections, prepared statements cached per
// connection, and a pool so each HTTP worker uses its own connection at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace dongelek::server::sqlite {

// A prepared statement owned by its Connection. Values are bound by 1-based index.
// Not copyable; use Connection::prepare to get one, and reset() happens on reuse.
class Statement {
public:
    explicit Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value); // copied by SQLite (SQLITE_TRANSIENT)
    Statement& bindNull(int index);

    // Advances to the next row; false when done. Throws StorageError on failure.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset(); // clears bindings too

    std::int64_t columnInt64(int col) const;
    int columnInt(int col) const { return static_cast<int>(columnInt64(col)); }
    double columnDouble(int col) const;
    std::string columnText(int col) const;
    bool columnIsNull(int col) const;

private:
    sqlite3_stmt* m_stmt;
    sqlite3* m_db;
};

class Connection {
public:
    // Opens (creating when missing) with WAL, busy_timeout and foreign keys on.
    explicit Connection(const std::string& path);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
    void exec(const char* sql);
    // A statement for `sql`, compiled once per connection and reset for each use. The
    // reference stays valid for the connection's lifetime.
    Statement& prepare(const std::string& sql);

    std::int64_t changes() const;
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
};

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back when it throws.
void inTransaction(Connection& c, const std::function<void()>& body);

// Connections for concurrent readers. acquire() hands out an idle connection or opens
// a new one, so the pool grows to the number of threads that use it at once.
class ConnectionPool {
public:
    explicit ConnectionPool(std::string path) : m_path(std::move(path)) {}

    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<Connection> c) : m_pool(&pool), m_conn(std::move(c)) {}
        Lease(Lease&&) = default;
        ~Lease();
        Connection& operator*() { return *m_conn; }
        Connection* operator->() { return m_conn.get(); }

    private:
        ConnectionPool* m_pool;
        std::unique_ptr<Connection> m_conn;
    };

    Lease acquire();
    const std::string& path() const { return m_path; }

private:
    void release(std::unique_ptr<Connection> c);

    std::string m_path;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Connection>> m_idle;
};

} // namespace dongelek::server::sqlite
