// Fresh databases for tests. PostgreSQL ones are made through libpq directly (not through
// the server's db layer), so the API tests can use them without linking the server.

#include "test_database.hpp"

#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace dongelek::test {

namespace fs = std::filesystem;

namespace {

std::string uniqueSuffix()
{
    static std::atomic<int> counter{0};
    static const unsigned salt = std::random_device{}();
    return std::to_string(::getpid()) + "_" + std::to_string(salt % 100000) + "_" + std::to_string(++counter);
}

// Runs one statement on the maintenance database; throws with the server's message.
void adminExec(const std::string& sql)
{
    const std::string url = postgresAdminUrl();
    PGconn* c = PQconnectdb(url.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        const std::string msg = PQerrorMessage(c);
        PQfinish(c);
        throw std::runtime_error("cannot reach the test PostgreSQL at " + url + ": " + msg);
    }
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    const std::string msg = ok ? "" : PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error(sql + ": " + msg);
}

} // namespace

TestEngine testEngine()
{
    const char* v = std::getenv("DONGELEK_TEST_DB");
    if (!v || !*v || std::string(v) == "sqlite") return TestEngine::Sqlite;
    if (std::string(v) == "postgresql" || std::string(v) == "postgres") return TestEngine::Postgres;
    throw std::runtime_error(std::string("DONGELEK_TEST_DB must be sqlite or postgresql, not ") + v);
}

const char* toString(TestEngine engine)
{
    return engine == TestEngine::Postgres ? "postgresql" : "sqlite";
}

std::string postgresAdminUrl()
{
    if (const char* v = std::getenv("DONGELEK_TEST_PG_URL"); v && *v) return v;
    const fs::path file = fs::path(DONGELEK_TEST_PG_STATE_DIR) / "url";
    std::ifstream in(file);
    std::string url;
    if (!(in >> url) || url.empty())
        throw std::runtime_error("no test PostgreSQL: run the postgresql tests through ctest (its fixture starts "
                                 "a cluster and writes " +
                                 file.string() + "), or set DONGELEK_TEST_PG_URL");
    return url;
}

TestDatabase::TestDatabase(fs::path sqliteDir) : TestDatabase(testEngine(), std::move(sqliteDir)) {}

TestDatabase::TestDatabase(TestEngine engine, fs::path sqliteDir) : m_engine(engine)
{
    if (engine == TestEngine::Postgres) {
        m_pgName = "dk_test_" + uniqueSuffix();
        adminExec("CREATE DATABASE " + m_pgName);
        const std::string admin = postgresAdminUrl();
        m_url = admin.substr(0, admin.rfind('/') + 1) + m_pgName;
        return;
    }
    if (sqliteDir.empty()) {
        m_ownDir = fs::temp_directory_path() / ("dk-db-" + uniqueSuffix());
        fs::remove_all(m_ownDir);
        sqliteDir = m_ownDir / "sub"; // the engine creates missing parent folders
    }
    m_url = "sqlite:" + (sqliteDir / "db.sqlite").string();
}

TestDatabase::~TestDatabase()
{
    try {
        // FORCE: a server process that was killed may still hold a connection.
        if (!m_pgName.empty()) adminExec("DROP DATABASE IF EXISTS " + m_pgName + " WITH (FORCE)");
    } catch (...) {
        // The cluster is thrown away at the end of the run anyway.
    }
    if (!m_ownDir.empty()) {
        std::error_code ec;
        fs::remove_all(m_ownDir, ec);
    }
}

} // namespace dongelek::test
