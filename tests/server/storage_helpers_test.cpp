// Storage helpers without a database: the free-text query builders of both engines keep
// user text out of query syntax, `?` becomes $n only outside literals, URLs are logged
// without passwords, and COPY fields are escaped.

#include "server/db/open_database.hpp"
#include "server/db/postgres.hpp"
#include "server/features/listings/sql_listing_repository.hpp"

#include <catch2/catch.hpp>

using namespace dongelek::server;

TEST_CASE("free text: the FTS5 query quotes every token", "[server][storage]")
{
    CHECK(sqlite::buildFtsQuery("camry") == "\"camry\"*");
    CHECK(sqlite::buildFtsQuery("  camry   2.5 ") == "\"camry\"* \"2.5\"*");
    CHECK(sqlite::buildFtsQuery("a\"b") == "\"a\"\"b\"*");
    CHECK(sqlite::buildFtsQuery("- * ( ) ^") == "");
    CHECK(sqlite::buildFtsQuery("Тойота") == "\"Тойота\"*");
    CHECK(sqlite::buildFtsQuery("a X5") == "\"a\" \"X5\"*"); // no one-letter prefixes
}

TEST_CASE("free text: the PostgreSQL words mark prefixes and never carry a space", "[server][storage]")
{
    CHECK(postgres::buildTsQueryWords("camry") == "*camry");
    CHECK(postgres::buildTsQueryWords("  camry \t  2.5 ") == "*camry *2.5");
    CHECK(postgres::buildTsQueryWords("a'b") == "*a'b"); // quoted by the SQL function, after unaccent
    CHECK(postgres::buildTsQueryWords("- * ( ) ^ &") == "");
    CHECK(postgres::buildTsQueryWords("Тойота") == "*Тойота");
    CHECK(postgres::buildTsQueryWords("a X5") == "=a *X5"); // no one-letter prefixes
    CHECK(postgres::buildTsQueryWords("ж") == "=ж");        // letters, not bytes
    CHECK(postgres::buildTsQueryWords("\\ a:* !b") == "*a:* *!b");
}

TEST_CASE("? placeholders become $n outside literals, identifiers and comments", "[server][storage]")
{
    int n = 0;
    CHECK(postgres::translatePlaceholders("SELECT ? + ?", n) == "SELECT $1 + $2");
    CHECK(n == 2);
    CHECK(postgres::translatePlaceholders("SELECT '?', \"a?\", ? -- ?\n, ? /* ? */", n) ==
          "SELECT '?', \"a?\", $1 -- ?\n, $2 /* ? */");
    CHECK(n == 2);
    CHECK(postgres::translatePlaceholders("SELECT 'it''s ?', ?", n) == "SELECT 'it''s ?', $1");
    CHECK(n == 1);
    CHECK(postgres::translatePlaceholders("SELECT $$ ? $$, $tag$ ?'$tag$, ?", n) ==
          "SELECT $$ ? $$, $tag$ ?'$tag$, $1");
    CHECK(n == 1);
    CHECK(postgres::translatePlaceholders("SELECT 1", n) == "SELECT 1");
    CHECK(n == 0);
    CHECK_THROWS_AS(postgres::translatePlaceholders("SELECT ?1", n), StorageError);
}

TEST_CASE("database URLs are logged without their password", "[server][storage]")
{
    CHECK(postgres::redactUrl("postgresql://user:s3cret@db.local:5432/app") ==
          "postgresql://user:***@db.local:5432/app");
    CHECK(postgres::redactUrl("postgres://user@db/app") == "postgres://user@db/app");
    CHECK(postgres::redactUrl("postgresql://db/app?sslmode=require&password=s3cret") ==
          "postgresql://db/app?sslmode=require&password=***");
    CHECK(postgres::redactUrl("postgresql://u:p%40ss@h/d?password=x&a=1") == "postgresql://u:***@h/d?password=***&a=1");
    CHECK(postgres::redactUrl("postgresql://u:pa/ss@h/d") == "postgresql://u:***@h/d");
    CHECK(postgres::redactUrl("postgresql://h/d?xpassword=visible") == "postgresql://h/d?xpassword=visible");
    CHECK(db::redactDatabaseUrl("postgresql://a:b@h/d") == "postgresql://a:***@h/d");
    CHECK(db::redactDatabaseUrl("data/user:pass@x.sqlite") == "data/user:pass@x.sqlite"); // a path, not a URL
}

TEST_CASE("COPY fields escape backslash, tab and line breaks", "[server][storage]")
{
    std::string out;
    postgres::appendCopyField(out, "a\\b\tc\nd\re 'ж'");
    CHECK(out == "a\\\\b\\tc\\nd\\re 'ж'");
}

TEST_CASE("a PostgreSQL connection error never shows the password", "[server][storage]")
{
    // Port 1 on loopback refuses at once: no server is needed for this.
    try {
        db::openDatabase("postgresql://dongelek:hunter2secret@127.0.0.1:1/nothing?connect_timeout=2");
        FAIL("connected to port 1");
    } catch (const StorageError& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK(msg.find("hunter2secret") == std::string::npos);
        CHECK(msg.find("cannot connect to PostgreSQL") != std::string::npos);
        CHECK(msg.find("postgresql://dongelek:***@127.0.0.1:1/nothing") != std::string::npos);
    }
    std::string location, message;
    db::Engine engine = db::Engine::Sqlite;
    CHECK_FALSE(db::parseDatabaseUrl("postgresql://u:hunter2secret@h/d?no_such_option=hunter2secret", engine, location,
                                     message));
    CHECK(message.find("hunter2secret") == std::string::npos);
    CHECK_THROWS_AS(db::openDatabase("postgres:u:hunter2secret@h"), StorageError);
}
