// What the storage contract tests of the seller's side start from: a fresh database of the
// run's engine (test_database.hpp), migrated, with `demoListings` demo listings.
#pragma once

#include "test_database.hpp"

#include "core/listing_draft.hpp"
#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
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

// A draft every rule accepts but for its photos: the catalog's first model, 2020, in a city of
// `country` (the first one the catalog has), at `priceMinor` of `currency`.
inline ListingDraft completeDraft(const server::SearchCatalog& catalog, std::int64_t priceMinor,
                                  Currency currency = Currency::KZT, const std::string& description = "complete")
{
    const server::ModelRecord& model = catalog.models.front();
    const Country country = currency == Currency::BHD ? Country::BH : Country::KZ;
    const auto city = std::find_if(catalog.cities.begin(), catalog.cities.end(),
                                   [&](const server::CityRecord& c) { return c.country == country; });
    REQUIRE(city != catalog.cities.end());
    ListingDraft d;
    d.makeId = model.makeId;
    d.modelId = model.id;
    d.year = 2020;
    d.body = Body::Sedan;
    d.fuel = Fuel::Petrol;
    d.transmission = Transmission::Automatic;
    d.drive = Drive::Fwd;
    d.engineLitres = 2.0;
    d.powerHp = 150;
    d.color = "white";
    d.condition = Condition::Used;
    d.mileageKm = 60000;
    d.priceMinor = priceMinor;
    d.currency = currency;
    d.cityId = city->id;
    d.description = description;
    return d;
}

} // namespace dongelek::test
