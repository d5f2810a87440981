// The engine-neutral database interface every repository is written against: a pool of
// connections, prepared statements with `?` placeholders and typed binds, write
// transactions that bump the shared data version, and bulk row loading.
//
// [SECTION] Statement
// [SECTION] Bulk insert
// [SECTION] Connection
// [SECTION] Database (pool + data version)
// [SECTION] Write transaction
#pragma once

#include "server/db/storage_error.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dongelek::server::db {

enum class Engine { Sqlite, Postgres };

// "sqlite" or "postgresql", for logs.
std::string_view toString(Engine engine);

// [SECTION] Statement

// A prepared statement owned by its Connection, which caches it by SQL text. Parameters
// are written `?` in the SQL (translated once to $n on PostgreSQL) and bound by 1-based
// index; columns are 0-based. A statement is reset (bindings cleared) each time
// Connection::prepare hands it out again. Failures throw StorageError.
class Statement {
public:
    virtual ~Statement() = default;

    virtual Statement& bind(int index, std::int64_t value) = 0;
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    virtual Statement& bind(int index, double value) = 0;
    virtual Statement& bind(int index, std::string_view value) = 0; // copied
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    virtual Statement& bindNull(int index) = 0;

    // Executes on the first call, then advances to the next row; false when done.
    virtual bool step() = 0;
    // Runs a statement whose rows (if any) are not needed, then resets it.
    virtual void run() = 0;
    // Forgets the current result and clears the bindings.
    virtual void reset() = 0;

    virtual std::int64_t columnInt64(int col) const = 0;
    int columnInt(int col) const { return static_cast<int>(columnInt64(col)); }
    virtual double columnDouble(int col) const = 0;
    virtual std::string columnText(int col) const = 0;
    virtual bool columnIsNull(int col) const = 0;
};

// [SECTION] Bulk insert

// Rows appended to one table as fast as the engine allows: on SQLite one cached INSERT per
// row, executed at endRow(); on PostgreSQL rows are buffered as COPY text and sent by
// flush() as one COPY FROM STDIN. Values are given in column order, one add() each.
// Rows that reference each other must be flushed in dependency order (the caller flushes
// every open BulkInsert, parents first, before the next batch).
class BulkInsert {
public:
    virtual ~BulkInsert() = default;
    virtual BulkInsert& add(std::int64_t value) = 0;
    BulkInsert& add(int value) { return add(static_cast<std::int64_t>(value)); }
    virtual BulkInsert& add(double value) = 0;
    virtual BulkInsert& add(std::string_view value) = 0;
    BulkInsert& add(const char* value) { return add(std::string_view(value)); }
    virtual void endRow() = 0;
    // Bytes buffered and not yet sent (always 0 on SQLite).
    virtual std::size_t pendingBytes() const = 0;
    virtual void flush() = 0;
};

// [SECTION] Connection

// One session with the database, used by one thread at a time (the pool sees to that).
class Connection {
public:
    virtual ~Connection() = default;
    virtual Engine engine() const = 0;

    // Runs SQL without parameters; may hold several statements (schema, pragmas).
    virtual void exec(const std::string& sql) = 0;
    // The statement for `sql`, compiled once per connection. The reference stays valid
    // for the connection's lifetime; `sql` is the cache key, so build it from fixed
    // fragments only and bind every value.
    virtual Statement& prepare(const std::string& sql) = 0;
    // A loader for `columns` of `table`; names come from our code, never from a client.
    virtual std::unique_ptr<BulkInsert> bulkInsert(const std::string& table,
                                                   const std::vector<std::string>& columns) = 0;

    // Low-level transaction control; repositories use WriteTransaction instead. begin()
    // takes the write lock at once on SQLite (BEGIN IMMEDIATE), so two writers queue
    // instead of deadlocking on a lock upgrade.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    // False when the connection must not go back to the pool: broken, or still inside
    // a transaction after an error.
    virtual bool reusable() = 0;
};

// [SECTION] Database (pool + data version)

// A database: the engine, a pool of connections and the data version. Thread-safe.
class Database {
public:
    using Opener = std::function<std::unique_ptr<Connection>()>;

    // `name` is what logs show (a file path, or a URL with its password redacted);
    // `open` makes a new connection whenever the pool has no idle one.
    Database(Engine engine, std::string name, Opener open);
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const { return m_engine; }
    const std::string& name() const { return m_name; }

    // Exclusive use of one connection; it goes back to the pool on destruction.
    class Lease {
    public:
        Lease(Database& database, std::unique_ptr<Connection> c) : m_database(&database), m_conn(std::move(c)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Connection& operator*() const { return *m_conn; }
        Connection* operator->() const { return m_conn.get(); }
        Database& database() const { return *m_database; }

    private:
        Database* m_database;
        std::unique_ptr<Connection> m_conn;
    };

    // An idle connection, or a new one: the pool grows to the number of threads that use
    // it at once.
    Lease acquire();

    // The data version: a number in the database (table data_version) that every write
    // transaction bumps before it commits, so every process on this database sees a
    // change. Cheap enough for every request: usually one atomic load of the cached value;
    // one caller at a time re-reads the table when the cache is older than
    // kDataVersionMaxAge, and this process's own commits update it at once. Never
    // decreases. 0 until the schema has the table (before migrations).
    std::uint64_t dataVersion();
    // Reads the table now, bypassing the cache (tests, start-up).
    std::uint64_t refreshDataVersion();
    // Called by WriteTransaction after its commit with the version it wrote.
    void noteCommittedVersion(std::uint64_t version);

    static constexpr std::int64_t kDataVersionMaxAgeMs = 250;

private:
    void release(std::unique_ptr<Connection> c);
    void raiseVersion(std::uint64_t version);

    const Engine m_engine;
    const std::string m_name;
    const Opener m_open;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Connection>> m_idle;

    std::atomic<std::uint64_t> m_version{0};
    std::atomic<std::int64_t> m_refreshedAtNs{INT64_MIN / 2}; // steady clock; "long ago"
    std::atomic<bool> m_refreshing{false};
};

// [SECTION] Write transaction

// Every write goes through one of these: begin() at construction, rollback at
// destruction unless commit() ran. commit() first bumps data_version inside the same
// transaction (so readers of any process see the new version exactly when they can see
// the new rows), then commits and tells the Database. A Private transaction (accounts,
// sessions, audit: data no shared cached response shows) commits without the bump, so
// sign-ins do not empty the search cache.
enum class Visibility { Public, Private };
class WriteTransaction {
public:
    explicit WriteTransaction(Database::Lease& lease, Visibility visibility = Visibility::Public);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    Connection& connection() const { return *m_lease; }
    // Returns the data version this transaction committed (unchanged for a Private one).
    std::uint64_t commit();

private:
    Database::Lease& m_lease;
    Visibility m_visibility;
    bool m_open = true;
};

// Runs body(connection) in a write transaction of the given visibility and commits;
// returns what body returns. Any exception rolls back.
template <typename F> auto inTransaction(Database& database, Visibility visibility, F&& body)
{
    auto lease = database.acquire();
    WriteTransaction tx(lease, visibility);
    if constexpr (std::is_void_v<decltype(body(tx.connection()))>) {
        body(tx.connection());
        tx.commit();
    } else {
        auto result = body(tx.connection());
        tx.commit();
        return result;
    }
}

} // namespace dongelek::server::db
