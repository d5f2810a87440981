// SQLite C API wrappers. Errors become StorageError with SQLite's message (server log
// only); statements are cached per connection because the SQL texts are a small fixed set.

#include "server/db/sqlite.hpp"

#include "server/features/listings/listing_repository.hpp"

#include <sqlite3.h>

namespace dongelek::server::sqlite {

namespace {
[[noreturn]] void fail(sqlite3* db, const std::string& what)
{
    throw StorageError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
} // namespace

// [SECTION] Statement

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}
Statement& Statement::bind(int index, double value)
{
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}
Statement& Statement::bind(int index, std::string_view value)
{
    if (sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}
Statement& Statement::bindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(m_db, "step");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::columnInt64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}
double Statement::columnDouble(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}
std::string Statement::columnText(int col) const
{
    const auto* text = sqlite3_column_text(m_stmt, col);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)));
}
bool Statement::columnIsNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

// [SECTION] Connection

Connection::Connection(const std::string& path)
{
    // NOMUTEX: a connection is used by one thread at a time (the pool guarantees it).
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        const std::string msg = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StorageError("cannot open database: " + msg);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    exec("PRAGMA journal_mode = WAL;"
         "PRAGMA synchronous = NORMAL;"
         "PRAGMA foreign_keys = ON;"
         "PRAGMA temp_store = MEMORY;"
         "PRAGMA cache_size = -32768;" // 32 MiB page cache per connection
         "PRAGMA mmap_size = 268435456;");
}

Connection::~Connection()
{
    m_statements.clear(); // finalize before close
    sqlite3_close(m_db);
}

void Connection::exec(const char* sql)
{
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw StorageError("exec: " + msg);
    }
}

Statement& Connection::prepare(const std::string& sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        it->second->reset();
        return *it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK)
        fail(m_db, "prepare");
    auto& slot = m_statements[sql];
    slot = std::make_unique<Statement>(stmt, m_db);
    return *slot;
}

std::int64_t Connection::changes() const
{
    return sqlite3_changes64(m_db);
}

void inTransaction(Connection& c, const std::function<void()>& body)
{
    c.exec("BEGIN IMMEDIATE");
    try {
        body();
        c.exec("COMMIT");
    } catch (...) {
        try {
            c.exec("ROLLBACK");
        } catch (...) {
            // The original error is the one worth reporting.
        }
        throw;
    }
}

// [SECTION] Pool

ConnectionPool::Lease::~Lease()
{
    if (m_conn) m_pool->release(std::move(m_conn));
}

ConnectionPool::Lease ConnectionPool::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto c = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(c));
        }
    }
    return Lease(*this, std::make_unique<Connection>(m_path));
}

void ConnectionPool::release(std::unique_ptr<Connection> c)
{
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(c));
}

} // namespace dongelek::server::sqlite
