// The PostgreSQL engine behind db::Database, on libpq: statements prepared per connection
// (PQprepare) with `?` translated once to $n, text parameters and results read by step(),
// COPY FROM STDIN for bulk rows.
#pragma once

#include "server/db/database.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

struct pg_conn;
struct pg_result;

namespace dongelek::server::postgres {

class Connection;

class Statement final : public db::Statement {
public:
    Statement(Connection& conn, std::string name, int paramCount);
    ~Statement() override;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    using db::Statement::bind;
    db::Statement& bind(int index, std::int64_t value) override;
    db::Statement& bind(int index, double value) override;
    db::Statement& bind(int index, std::string_view value) override;
    db::Statement& bindNull(int index) override;

    bool step() override;
    void run() override;
    void reset() override;

    std::int64_t columnInt64(int col) const override; // also reads booleans as 1/0
    double columnDouble(int col) const override;
    std::string columnText(int col) const override;
    bool columnIsNull(int col) const override;

private:
    std::string& slot(int index);
    void execute();

    Connection& m_conn;
    std::string m_name;
    std::vector<std::string> m_values;
    std::vector<bool> m_bound; // unbound parameters are NULL, as in SQLite
    pg_result* m_result = nullptr;
    int m_rows = 0;
    int m_row = -1;
};

class Connection final : public db::Connection {
public:
    // `url` is a libpq URL (postgresql://user@host:port/dbname?...). Errors never show
    // the password it may contain.
    explicit Connection(const std::string& url);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    db::Engine engine() const override { return db::Engine::Postgres; }
    void exec(const std::string& sql) override;
    db::Statement& prepare(const std::string& sql) override;
    std::unique_ptr<db::BulkInsert> bulkInsert(const std::string& table,
                                               const std::vector<std::string>& columns) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    bool reusable() override;

    pg_conn* handle() const { return m_conn; }
    // Runs `copySql` (COPY ... FROM STDIN) and sends `data` in COPY text format.
    void copyIn(const std::string& copySql, std::string_view data);
    // Throws StorageError for `what` with the server's message (password scrubbed).
    [[noreturn]] void fail(const std::string& what, const pg_result* result = nullptr) const;
    std::string errorMessage(const std::string& what, const pg_result* result) const;

private:
    pg_conn* m_conn = nullptr;
    std::string m_password; // only to scrub it from messages
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
    int m_nextStatement = 0;
};

// A Database on the PostgreSQL database at `url`; connects once to fail early.
std::unique_ptr<db::Database> openDatabase(const std::string& url);

// [SECTION] Helpers (exposed for tests)

// `?` placeholders as $1, $2, ... outside string literals, quoted identifiers, comments
// and dollar quotes; `count` is set to the number found. Numbered `?N` is refused.
std::string translatePlaceholders(std::string_view sql, int& count);

// The URL with any password replaced by "***": the user:password@ part and a
// password=... query parameter. Safe to log.
std::string redactUrl(std::string_view url);

// COPY text-format escaping of one field (backslash, tab, newline, carriage return).
void appendCopyField(std::string& out, std::string_view value);

} // namespace dongelek::server::postgres
