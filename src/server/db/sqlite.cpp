// SQLite C API wrappers. Errors become StorageError with SQLite's message (server log
// only); statements are cached per connection because the SQL texts are a small fixed set.

#include "server/db/sqlite.hpp"

#include <sqlite3.h>

#include <filesystem>

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

db::Statement& Statement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}
db::Statement& Statement::bind(int index, double value)
{
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}
db::Statement& Statement::bind(int index, std::string_view value)
{
    if (sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}
db::Statement& Statement::bindNull(int index)
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

// [SECTION] Bulk insert

namespace {
// One cached INSERT executed per row: inside one transaction this is SQLite's fastest path.
class BulkInsert final : public db::BulkInsert {
public:
    explicit BulkInsert(db::Statement& insert) : m_insert(insert) {}
    db::BulkInsert& add(std::int64_t v) override
    {
        m_insert.bind(++m_index, v);
        return *this;
    }
    db::BulkInsert& add(double v) override
    {
        m_insert.bind(++m_index, v);
        return *this;
    }
    db::BulkInsert& add(std::string_view v) override
    {
        m_insert.bind(++m_index, v);
        return *this;
    }
    void endRow() override
    {
        m_insert.run();
        m_index = 0;
    }
    std::size_t pendingBytes() const override { return 0; }
    void flush() override {}

private:
    db::Statement& m_insert;
    int m_index = 0;
};
} // namespace

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

void Connection::exec(const std::string& sql)
{
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw StorageError("exec: " + msg);
    }
}

db::Statement& Connection::prepare(const std::string& sql)
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

std::unique_ptr<db::BulkInsert> Connection::bulkInsert(const std::string& table,
                                                       const std::vector<std::string>& columns)
{
    std::string sql = "INSERT INTO " + table + "(";
    std::string values;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += (i ? ", " : "") + columns[i];
        values += i ? ", ?" : "?";
    }
    sql += ") VALUES (" + values + ")";
    return std::make_unique<BulkInsert>(prepare(sql));
}

void Connection::begin()
{
    exec("BEGIN IMMEDIATE");
}
void Connection::commit()
{
    exec("COMMIT");
}
void Connection::rollback()
{
    exec("ROLLBACK");
}

bool Connection::reusable()
{
    return sqlite3_get_autocommit(m_db) != 0; // not left inside a transaction
}

// [SECTION] Database

std::unique_ptr<db::Database> openDatabase(const std::string& path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(parent, ec);
        if (ec) throw StorageError("cannot create the database folder: " + ec.message());
    }
    auto database =
        std::make_unique<db::Database>(db::Engine::Sqlite, path, [path] { return std::make_unique<Connection>(path); });
    database->acquire(); // fail now, not on the first request, when the file cannot be opened
    return database;
}

} // namespace dongelek::server::sqlite
