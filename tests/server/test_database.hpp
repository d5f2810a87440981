// Test helper: a fresh, empty database on the engine the test run targets, removed
// afterwards. DONGELEK_TEST_DB chooses the engine (sqlite, the default, or postgresql);
// PostgreSQL databases are created on the throwaway cluster the ctest fixture starts.
#pragma once

#include <filesystem>
#include <string>

namespace dongelek::test {

enum class TestEngine { Sqlite, Postgres };

// From DONGELEK_TEST_DB ("sqlite" or unset, "postgresql"); anything else throws.
TestEngine testEngine();
const char* toString(TestEngine engine); // "sqlite" or "postgresql"

// The test cluster's maintenance URL (its "postgres" database): DONGELEK_TEST_PG_URL, or
// the url file that scripts/pg_test_cluster.sh wrote into the fixture's state folder.
// Throws with a hint when there is neither.
std::string postgresAdminUrl();

class TestDatabase {
public:
    // On testEngine(). SQLite: a file `db.sqlite` in `sqliteDir` (left to the caller to
    // remove), or, when empty, in a temporary folder of its own (removed afterwards).
    // PostgreSQL: CREATE DATABASE with a unique name, DROP ... WITH (FORCE) afterwards.
    explicit TestDatabase(std::filesystem::path sqliteDir = {});
    TestDatabase(TestEngine engine, std::filesystem::path sqliteDir);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    TestEngine engine() const { return m_engine; }
    // What --db and db::openDatabase take: "sqlite:/tmp/.../db.sqlite" or "postgresql://...".
    const std::string& url() const { return m_url; }

private:
    TestEngine m_engine;
    std::string m_url;
    std::string m_pgName;           // PostgreSQL: the database to drop
    std::filesystem::path m_ownDir; // SQLite: our own temporary folder, if any
};

} // namespace dongelek::test
