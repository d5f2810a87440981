// What the storage contract tests of the seller's side start from: a fresh database of the
// run's engine (test_database.hpp), migrated, with `demoListings` demo listings.
#pragma once

#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <memory>

namespace dongelek::test {

inline std::unique_ptr<server::db::Database> openMigrated(const TestDatabase& tdb)
{
    server::db::Engine engine;
    std::string path, message;
    REQUIRE(server::db::parseDatabaseUrl(tdb.url(), engine, path, message));
    std::unique_ptr<server::db::Database> database = server::db::openDatabase(engine, path);
    REQUIRE(server::schema::migrate(*database) >= 12);
    return database;
}

inline void importDemo(server::ListingRepository& listings, int demoListings)
{
    auto writer = listings.beginBulkImport();
    server::demo::generateDemoData(*writer, 42, demoListings);
    writer.reset();
}

} // namespace dongelek::test
