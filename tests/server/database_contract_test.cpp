// The db layer's contract, run on the engine DONGELEK_TEST_DB names: typed binds and
// columns round-trip exactly, bulk loading keeps every byte, `?` inside literals stays
// text, errors are StorageErrors, and a failed transaction leaves a usable pool.

#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace dongelek::server;
using dongelek::test::TestDatabase;

namespace {

struct Db {
    TestDatabase testDb;
    std::unique_ptr<db::Database> database = db::openDatabase(testDb.url());

    Db()
    {
        schema::migrate(*database); // write transactions need data_version
        auto c = database->acquire();
        // Portable DDL: SQLite reads these types by affinity.
        c->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, i BIGINT, d DOUBLE PRECISION, s TEXT)");
    }
};

const std::string kAwkward = std::string("tab\there\nline\r\\back'quote\"dq ? $1 :* & | ! ж Ş 🚗 ") + "\x7f";

} // namespace

TEST_CASE("db: binds and columns round-trip every type", "[server][contract][db]")
{
    Db db;
    auto c = db.database->acquire();
    struct Row {
        std::int64_t i;
        double d;
        std::string s;
    };
    const std::vector<Row> rows = {{std::numeric_limits<std::int64_t>::min(), -0.5, kAwkward},
                                   {std::numeric_limits<std::int64_t>::max(), 1e-300, ""},
                                   {0, 2.5, "Тойота Камри"},
                                   {42, 0.1 + 0.2, std::string(5000, 'x')}};
    db::Statement& insert = c->prepare("INSERT INTO t(id, i, d, s) VALUES (?, ?, ?, ?)");
    for (std::size_t k = 0; k < rows.size(); ++k) {
        insert.bind(1, static_cast<std::int64_t>(k + 1)).bind(2, rows[k].i).bind(3, rows[k].d);
        insert.bind(4, std::string_view(rows[k].s)).run();
    }
    c->prepare("INSERT INTO t(id, i, d, s) VALUES (?, ?, ?, ?)").bind(1, 99).bindNull(2).bindNull(3).bindNull(4).run();

    db::Statement& select = c->prepare("SELECT i, d, s FROM t WHERE id = ?");
    for (std::size_t k = 0; k < rows.size(); ++k) {
        INFO(k);
        select.bind(1, static_cast<std::int64_t>(k + 1));
        REQUIRE(select.step());
        CHECK(select.columnInt64(0) == rows[k].i);
        CHECK(select.columnDouble(1) == rows[k].d); // exact: shortest round-trip text on PostgreSQL
        CHECK(select.columnText(2) == rows[k].s);
        CHECK_FALSE(select.columnIsNull(2));
        CHECK_FALSE(select.step());
        select.reset();
    }
    select.bind(1, 99);
    REQUIRE(select.step());
    CHECK(select.columnIsNull(0));
    CHECK(select.columnIsNull(1));
    CHECK(select.columnIsNull(2));
    CHECK(select.columnInt64(0) == 0);
    CHECK(select.columnText(2).empty());
    select.reset();

    // Comparison results read as integers on both engines (booleans on PostgreSQL).
    db::Statement& cmp = c->prepare("SELECT 1 = 1, 1 = 2");
    REQUIRE(cmp.step());
    CHECK(cmp.columnInt(0) == 1);
    CHECK(cmp.columnInt(1) == 0);
    cmp.reset();
}

TEST_CASE("db: a ? inside a literal is text, and statements are cached and reset", "[server][contract][db]")
{
    Db db;
    auto c = db.database->acquire();
    db::Statement& s = c->prepare("SELECT '?', ?, 'it''s ?'");
    s.bind(1, "x");
    REQUIRE(s.step());
    CHECK(s.columnText(0) == "?");
    CHECK(s.columnText(1) == "x");
    CHECK(s.columnText(2) == "it's ?");
    db::Statement& again = c->prepare("SELECT '?', ?, 'it''s ?'");
    CHECK(&again == &s); // compiled once per connection
    // Reset by prepare: it runs anew, with the binding cleared (NULL).
    REQUIRE(again.step());
    CHECK(again.columnIsNull(1));
    again.reset();
}

TEST_CASE("db: bulk insert keeps every byte and only flushed rows are sent", "[server][contract][db]")
{
    Db db;
    auto lease = db.database->acquire();
    {
        db::WriteTransaction tx(lease);
        auto bulk = tx.connection().bulkInsert("t", {"id", "i", "d", "s"});
        for (int k = 1; k <= 1000; ++k)
            bulk->add(k).add(std::int64_t{k} * 1'000'000'007).add(k / 8.0).add(kAwkward + std::to_string(k)).endRow();
        bulk->flush();
        bulk->add(1001).add(std::int64_t{-1}).add(-1.25).add("").endRow();
        bulk->flush();
        bulk->flush(); // nothing pending: a no-op
        CHECK(bulk->pendingBytes() == 0);
        tx.commit();
    }
    db::Statement& s = lease->prepare("SELECT count(*), sum(i) FROM t");
    REQUIRE(s.step());
    CHECK(s.columnInt64(0) == 1001);
    s.reset();
    db::Statement& one = lease->prepare("SELECT i, d, s FROM t WHERE id = ?");
    one.bind(1, 777);
    REQUIRE(one.step());
    CHECK(one.columnInt64(0) == 777LL * 1'000'000'007);
    CHECK(one.columnDouble(1) == 777 / 8.0);
    CHECK(one.columnText(2) == kAwkward + "777");
    one.reset();
    one.bind(1, 1001);
    REQUIRE(one.step());
    CHECK(one.columnText(2).empty());
    CHECK_FALSE(one.columnIsNull(2)); // an empty string is not NULL
    one.reset();
}

TEST_CASE("db: errors are StorageErrors and a failed transaction leaves a usable pool", "[server][contract][db]")
{
    Db db;
    {
        auto c = db.database->acquire();
        CHECK_THROWS_AS(c->prepare("SELEC nonsense"), StorageError);
        CHECK_THROWS_AS(c->exec("INSERT INTO missing_table VALUES (1)"), StorageError);
        CHECK_THROWS_AS(c->prepare("SELECT * FROM missing_table"), StorageError);
    }
    {
        auto lease = db.database->acquire();
        db::WriteTransaction tx(lease);
        tx.connection().exec("INSERT INTO t(id, i) VALUES (1, 1)");
        // A duplicate key fails the statement; leaving the scope rolls the transaction back.
        CHECK_THROWS_AS(tx.connection().exec("INSERT INTO t(id, i) VALUES (1, 2)"), StorageError);
    }
    auto c = db.database->acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM t");
    REQUIRE(s.step());
    CHECK(s.columnInt64(0) == 0);
    s.reset();
    c->exec("INSERT INTO t(id, i) VALUES (1, 1)");
}
