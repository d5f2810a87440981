// libpq wrappers. Statements are prepared once per connection under generated names and
// executed with text parameters; the whole result of one execution is read by step()
// (pages are at most 100 rows). Messages from the server go to StorageError, never to
// stderr (notices are dropped), and never carry the password of the URL.
//
// [SECTION] Helpers
// [SECTION] Statement
// [SECTION] Bulk insert (COPY)
// [SECTION] Connection
// [SECTION] Database

#include "server/db/postgres.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

namespace dongelek::server::postgres {

// [SECTION] Helpers

std::string translatePlaceholders(std::string_view sql, int& count)
{
    std::string out;
    out.reserve(sql.size() + 16);
    count = 0;
    const std::size_t n = sql.size();
    std::size_t i = 0;
    const auto copyUntil = [&](std::string_view end) { // copies through the next `end` (or to the end)
        const std::size_t stop = sql.find(end, i);
        const std::size_t last = stop == std::string_view::npos ? n : stop + end.size();
        out.append(sql.substr(i, last - i));
        i = last;
    };
    while (i < n) {
        const char c = sql[i];
        if (c == '\'' || c == '"') { // 'literal' or "identifier"; a doubled quote stays inside
            std::size_t j = i + 1;
            while (j < n) {
                if (sql[j] == c) {
                    if (j + 1 < n && sql[j + 1] == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const std::size_t last = j < n ? j + 1 : n;
            out.append(sql.substr(i, last - i));
            i = last;
        } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
            copyUntil("\n");
        } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            copyUntil("*/");
        } else if (c == '$' && i + 1 < n && !(sql[i + 1] >= '0' && sql[i + 1] <= '9')) {
            // A dollar quote $tag$ ... $tag$ (tag may be empty); $1 is a parameter.
            std::size_t j = i + 1;
            while (j < n && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_'))
                ++j;
            if (j < n && sql[j] == '$') {
                const std::string tag(sql.substr(i, j + 1 - i));
                out += tag;
                i = j + 1;
                copyUntil(tag);
            } else {
                out += c;
                ++i;
            }
        } else if (c == '?') {
            if (i + 1 < n && sql[i + 1] >= '0' && sql[i + 1] <= '9')
                throw StorageError("numbered placeholders (?N) are not portable; write plain ?");
            out += '$';
            out += std::to_string(++count);
            ++i;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

std::string redactUrl(std::string_view url)
{
    std::string out(url);
    // user:password@ before the host: the last '@' ahead of the query string (not of the
    // first '/', so an unencoded '/' in a password is still covered).
    if (const auto scheme = out.find("://"); scheme != std::string::npos) {
        const std::size_t start = scheme + 3;
        std::size_t end = out.find_first_of("?#", start);
        if (end == std::string::npos) end = out.size();
        const std::size_t at = out.rfind('@', end);
        if (at != std::string::npos && at >= start) {
            const std::size_t colon = out.find(':', start);
            if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
        }
    }
    // password=... among the query parameters (or in a key=value conninfo string).
    for (std::size_t pos = 0; (pos = out.find("password=", pos)) != std::string::npos;) {
        const bool keyStart = pos == 0 || out[pos - 1] == '?' || out[pos - 1] == '&' || out[pos - 1] == ' ';
        pos += 9;
        if (!keyStart) continue;
        std::size_t end = out.find_first_of("& #", pos);
        if (end == std::string::npos) end = out.size();
        out.replace(pos, end - pos, "***");
    }
    return out;
}

void appendCopyField(std::string& out, std::string_view value)
{
    for (char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

namespace {

std::string scrub(std::string message, const std::string& secret)
{
    if (secret.empty()) return message;
    for (std::size_t pos = 0; (pos = message.find(secret, pos)) != std::string::npos;)
        message.replace(pos, secret.size(), "***");
    return message;
}

std::string trimmed(const char* text)
{
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

template <typename T> void appendNumber(std::string& out, T value)
{
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value); // shortest round-trip for doubles
    out.append(buf, static_cast<std::size_t>(end - buf));
}

struct ResultGuard {
    PGresult* r;
    ~ResultGuard() { PQclear(r); }
};

} // namespace

// [SECTION] Statement

Statement::Statement(Connection& conn, std::string name, int paramCount)
    : m_conn(conn), m_name(std::move(name)), m_values(static_cast<std::size_t>(paramCount)),
      m_bound(static_cast<std::size_t>(paramCount), false)
{
}

Statement::~Statement()
{
    PQclear(m_result);
}

std::string& Statement::slot(int index)
{
    if (index < 1 || index > static_cast<int>(m_values.size()))
        throw StorageError("bind: parameter " + std::to_string(index) + " out of range (statement has " +
                           std::to_string(m_values.size()) + ")");
    m_bound[static_cast<std::size_t>(index - 1)] = true;
    std::string& s = m_values[static_cast<std::size_t>(index - 1)];
    s.clear();
    return s;
}

db::Statement& Statement::bind(int index, std::int64_t value)
{
    appendNumber(slot(index), value);
    return *this;
}
db::Statement& Statement::bind(int index, double value)
{
    appendNumber(slot(index), value);
    return *this;
}
db::Statement& Statement::bind(int index, std::string_view value)
{
    slot(index).assign(value.data(), value.size());
    return *this;
}
db::Statement& Statement::bindNull(int index)
{
    slot(index);
    m_bound[static_cast<std::size_t>(index - 1)] = false;
    return *this;
}

void Statement::execute()
{
    const std::size_t n = m_values.size();
    const char* stackValues[32];
    std::vector<const char*> heapValues;
    const char** values = stackValues;
    if (n > 32) {
        heapValues.resize(n);
        values = heapValues.data();
    }
    for (std::size_t i = 0; i < n; ++i)
        values[i] = m_bound[i] ? m_values[i].c_str() : nullptr;
    PQclear(m_result);
    m_result = PQexecPrepared(m_conn.handle(), m_name.c_str(), static_cast<int>(n), values, nullptr, nullptr, 0);
    const ExecStatusType status = m_result ? PQresultStatus(m_result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        PGresult* failed = m_result;
        m_result = nullptr;
        ResultGuard guard{failed};
        m_conn.fail("step", failed);
    }
    m_rows = PQntuples(m_result);
    m_row = -1;
}

bool Statement::step()
{
    if (!m_result) execute();
    if (m_row + 1 >= m_rows) {
        m_row = m_rows;
        return false;
    }
    ++m_row;
    return true;
}

void Statement::run()
{
    if (!m_result) execute();
    reset();
}

void Statement::reset()
{
    PQclear(m_result);
    m_result = nullptr;
    m_rows = 0;
    m_row = -1;
    std::fill(m_bound.begin(), m_bound.end(), false);
}

std::int64_t Statement::columnInt64(int col) const
{
    const char* text = PQgetvalue(m_result, m_row, col);
    const int len = PQgetlength(m_result, m_row, col);
    if (len == 1 && (text[0] == 't' || text[0] == 'f')) return text[0] == 't';
    std::int64_t v = 0;
    std::from_chars(text, text + len, v); // NULL reads as "" and gives 0, as in SQLite
    return v;
}
double Statement::columnDouble(int col) const
{
    const char* text = PQgetvalue(m_result, m_row, col);
    double v = 0;
    std::from_chars(text, text + PQgetlength(m_result, m_row, col), v);
    return v;
}
std::string Statement::columnText(int col) const
{
    return std::string(PQgetvalue(m_result, m_row, col), static_cast<std::size_t>(PQgetlength(m_result, m_row, col)));
}
bool Statement::columnIsNull(int col) const
{
    return PQgetisnull(m_result, m_row, col) != 0;
}

// [SECTION] Bulk insert (COPY)

namespace {
// Rows kept as COPY text until flush(), which sends them as one COPY FROM STDIN: the
// fastest way into PostgreSQL, and one round trip per batch instead of per row.
class BulkInsert final : public db::BulkInsert {
public:
    BulkInsert(Connection& conn, std::string copySql) : m_conn(conn), m_copySql(std::move(copySql)) {}
    db::BulkInsert& add(std::int64_t v) override
    {
        separate();
        appendNumber(m_buffer, v);
        return *this;
    }
    db::BulkInsert& add(double v) override
    {
        separate();
        appendNumber(m_buffer, v);
        return *this;
    }
    db::BulkInsert& add(std::string_view v) override
    {
        separate();
        appendCopyField(m_buffer, v);
        return *this;
    }
    void endRow() override
    {
        m_buffer += '\n';
        m_firstField = true;
    }
    std::size_t pendingBytes() const override { return m_buffer.size(); }
    void flush() override
    {
        if (m_buffer.empty()) return;
        m_conn.copyIn(m_copySql, m_buffer);
        m_buffer.clear();
    }

private:
    void separate()
    {
        if (!m_firstField) m_buffer += '\t';
        m_firstField = false;
    }

    Connection& m_conn;
    std::string m_copySql;
    std::string m_buffer;
    bool m_firstField = true;
};
} // namespace

// [SECTION] Connection

Connection::Connection(const std::string& url)
{
    if (PQconninfoOption* opts = PQconninfoParse(url.c_str(), nullptr)) {
        for (PQconninfoOption* o = opts; o->keyword; ++o)
            if (std::strcmp(o->keyword, "password") == 0 && o->val) m_password = o->val;
        PQconninfoFree(opts);
    }
    // Keywords are applied in order: connect_timeout before the URL (which may override
    // it), client_encoding after it (we always speak UTF-8).
    const char* keywords[] = {"connect_timeout", "dbname", "client_encoding", "application_name", nullptr};
    const char* values[] = {"10", url.c_str(), "UTF8", "dongelek", nullptr};
    m_conn = PQconnectdbParams(keywords, values, 1);
    if (!m_conn) throw StorageError("cannot connect to PostgreSQL: out of memory");
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string msg = scrub(trimmed(PQerrorMessage(m_conn)), m_password);
        PQfinish(m_conn);
        m_conn = nullptr;
        throw StorageError("cannot connect to PostgreSQL (" + redactUrl(url) + "): " + msg);
    }
    // NOTICEs ("query contains only stop words", IF NOT EXISTS skips) would go to stderr.
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);
    const char* encoding = PQparameterStatus(m_conn, "server_encoding");
    if (!encoding || std::strcmp(encoding, "UTF8") != 0) {
        PQfinish(m_conn);
        m_conn = nullptr;
        throw StorageError(std::string("the PostgreSQL database must use UTF8 encoding, not ") +
                           (encoding ? encoding : "unknown") + " (CREATE DATABASE ... ENCODING 'UTF8')");
    }
}

Connection::~Connection()
{
    m_statements.clear();
    PQfinish(m_conn);
}

void Connection::fail(const std::string& what, const PGresult* result) const
{
    throw StorageError(errorMessage(what, result));
}

std::string Connection::errorMessage(const std::string& what, const PGresult* result) const
{
    std::string msg = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
    if (msg.empty()) msg = trimmed(PQerrorMessage(m_conn));
    if (result) {
        if (const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE)) msg += std::string(" [") + state + "]";
    }
    return what + ": " + scrub(msg, m_password);
}

void Connection::exec(const std::string& sql)
{
    ResultGuard r{PQexec(m_conn, sql.c_str())};
    const ExecStatusType status = r.r ? PQresultStatus(r.r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("exec", r.r);
}

db::Statement& Connection::prepare(const std::string& sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        it->second->reset();
        return *it->second;
    }
    int params = 0;
    const std::string translated = translatePlaceholders(sql, params);
    std::string name = "dk" + std::to_string(++m_nextStatement);
    ResultGuard r{PQprepare(m_conn, name.c_str(), translated.c_str(), 0, nullptr)};
    if (!r.r || PQresultStatus(r.r) != PGRES_COMMAND_OK) fail("prepare", r.r);
    auto& slot = m_statements[sql];
    slot = std::make_unique<Statement>(*this, std::move(name), params);
    return *slot;
}

std::unique_ptr<db::BulkInsert> Connection::bulkInsert(const std::string& table,
                                                       const std::vector<std::string>& columns)
{
    std::string sql = "COPY " + table + " (";
    for (std::size_t i = 0; i < columns.size(); ++i)
        sql += (i ? ", " : "") + columns[i];
    sql += ") FROM STDIN";
    return std::make_unique<BulkInsert>(*this, std::move(sql));
}

void Connection::copyIn(const std::string& copySql, std::string_view data)
{
    {
        ResultGuard r{PQexec(m_conn, copySql.c_str())};
        if (!r.r || PQresultStatus(r.r) != PGRES_COPY_IN) fail("copy", r.r);
    }
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t pos = 0; pos < data.size(); pos += kChunk) {
        const std::size_t len = std::min(kChunk, data.size() - pos);
        if (PQputCopyData(m_conn, data.data() + pos, static_cast<int>(len)) != 1) fail("copy data");
    }
    if (PQputCopyEnd(m_conn, nullptr) != 1) fail("copy end");
    std::string error; // the first one; every result must still be read before the next command
    while (PGresult* r = PQgetResult(m_conn)) {
        ResultGuard guard{r};
        if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) error = errorMessage("copy", r);
    }
    if (!error.empty()) throw StorageError(error);
}

void Connection::begin()
{
    exec("BEGIN");
}

void Connection::commit()
{
    ResultGuard r{PQexec(m_conn, "COMMIT")};
    if (!r.r || PQresultStatus(r.r) != PGRES_COMMAND_OK) fail("commit", r.r);
    // COMMIT of a transaction that already failed answers "ROLLBACK" without an error.
    if (std::strcmp(PQcmdStatus(r.r), "COMMIT") != 0) throw StorageError("commit: the transaction was rolled back");
}

void Connection::rollback()
{
    exec("ROLLBACK");
}

bool Connection::reusable()
{
    return PQstatus(m_conn) == CONNECTION_OK && PQtransactionStatus(m_conn) == PQTRANS_IDLE;
}

// [SECTION] Database

std::unique_ptr<db::Database> openDatabase(const std::string& url)
{
    auto database = std::make_unique<db::Database>(db::Engine::Postgres, redactUrl(url),
                                                   [url] { return std::make_unique<Connection>(url); });
    database->acquire(); // fail at start-up, not on the first request
    return database;
}

} // namespace dongelek::server::postgres
