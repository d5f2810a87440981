// The SQLite schema, one migration per step. A released migration is never edited:
// changes go into a new step so existing databases upgrade the same way as new ones.

#include "server/schema/migrations.hpp"

#include "server/db/sqlite.hpp"

namespace dongelek::server::sqlite {

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {
        {1, "core tables", R"sql(
CREATE TABLE makes (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    search_aliases TEXT NOT NULL DEFAULT '' -- other spellings found by q, e.g. Cyrillic
);
CREATE TABLE models (
    id      INTEGER PRIMARY KEY,
    make_id        INTEGER NOT NULL REFERENCES makes(id),
    name           TEXT NOT NULL,
    search_aliases TEXT NOT NULL DEFAULT '',
    UNIQUE (make_id, name)
);
CREATE TABLE cities (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL CHECK (country IN ('KZ', 'BH'))
);
CREATE TABLE sellers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('private', 'dealer')),
    city_id    INTEGER NOT NULL REFERENCES cities(id),
    phone      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE listings (
    id            INTEGER PRIMARY KEY,
    seller_id     INTEGER NOT NULL REFERENCES sellers(id),
    make_id       INTEGER NOT NULL REFERENCES makes(id),
    model_id      INTEGER NOT NULL REFERENCES models(id),
    year          INTEGER NOT NULL,
    price_minor   INTEGER NOT NULL,
    currency      TEXT NOT NULL CHECK (currency IN ('KZT', 'BHD')),
    price_kzt     INTEGER NOT NULL, -- whole tenge at the reference rate, for cross-currency filters
    mileage_km    INTEGER NOT NULL,
    body          TEXT NOT NULL,
    fuel          TEXT NOT NULL,
    transmission  TEXT NOT NULL,
    drive         TEXT NOT NULL,
    engine_litres REAL NOT NULL,
    power_hp      INTEGER NOT NULL,
    color         TEXT NOT NULL,
    vin           TEXT NOT NULL,
    city_id       INTEGER NOT NULL REFERENCES cities(id),
    country       TEXT NOT NULL CHECK (country IN ('KZ', 'BH')),
    title         TEXT NOT NULL,
    description   TEXT NOT NULL,
    created_at    TEXT NOT NULL, -- ISO 8601 UTC, sorts as text
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'sold', 'removed'))
);
CREATE TABLE photos (
    id         INTEGER PRIMARY KEY,
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    backdrop   TEXT NOT NULL,
    seed       INTEGER NOT NULL,
    UNIQUE (listing_id, position) -- also the index for a listing's photos in order
);
CREATE INDEX ix_models_make ON models(make_id);
CREATE INDEX ix_sellers_city ON sellers(city_id);
CREATE INDEX ix_listings_seller ON listings(seller_id);
)sql"},
        {2, "free-text search", R"sql(
-- Contentless: the index only (searching needs nothing but the matching rowids), which
-- halves the database size. Updating a listing later must issue FTS5's 'delete' command
-- with the old values, which the listings table still has at that moment.
-- unicode61 folds case for Cyrillic too; remove_diacritics makes "Skoda" find "Škoda".
CREATE VIRTUAL TABLE listings_fts USING fts5(
    title, make, model, description,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
)sql"},
        {3, "search indexes", R"sql(
-- Every index leads with status (each search says status = 'active') and carries the
-- sort keys after its filter column, so the id query of any "filter + sort" is answered
-- from one covering index: no table rows are read until the page's 20 ids are known.
-- Each sort also has an index whose order (with the implicit rowid) is the sort itself.
CREATE INDEX ix_listings_newest     ON listings(status, created_at);
CREATE INDEX ix_listings_price      ON listings(status, price_kzt, created_at, year, mileage_km);
CREATE INDEX ix_listings_mileage    ON listings(status, mileage_km, created_at, price_kzt, year);
CREATE INDEX ix_listings_year       ON listings(status, year, created_at, price_kzt, mileage_km);
CREATE INDEX ix_listings_make_new   ON listings(status, make_id, created_at, price_kzt, year, mileage_km);
CREATE INDEX ix_listings_make_price ON listings(status, make_id, price_kzt, year, mileage_km);
CREATE INDEX ix_listings_make_year  ON listings(status, make_id, year, created_at, price_kzt, mileage_km);
CREATE INDEX ix_listings_model      ON listings(status, model_id, year, price_kzt, created_at, mileage_km);
CREATE INDEX ix_listings_city       ON listings(status, city_id, created_at, price_kzt, year, mileage_km);
CREATE INDEX ix_listings_country    ON listings(status, country, created_at, price_kzt, year, mileage_km);
CREATE INDEX ix_listings_body       ON listings(status, body, price_kzt, created_at, year, mileage_km);
-- Filters without their own index (fuel, transmission, several at once) are counted
-- and checked from this one: a few MB of index instead of the 100 MB table.
CREATE INDEX ix_listings_filter     ON listings(status, make_id, model_id, year, price_kzt, mileage_km, body, fuel,
                                                transmission, city_id, country, created_at);
)sql"},
    };
    return list;
}

int migrate(Connection& c)
{
    c.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
           " version INTEGER PRIMARY KEY,"
           " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
    int current = 0;
    {
        Statement& s = c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        if (s.step()) current = s.columnInt(0);
        s.reset();
    }
    for (const Migration& m : migrations()) {
        if (m.version <= current) continue;
        inTransaction(c, [&] {
            // Re-check inside the write lock: another process may have migrated meanwhile.
            Statement& check = c.prepare("SELECT 1 FROM schema_migrations WHERE version = ?1");
            check.bind(1, m.version);
            const bool done = check.step();
            check.reset();
            if (done) return;
            c.exec(m.sql);
            c.prepare("INSERT INTO schema_migrations(version) VALUES (?1)").bind(1, m.version).run();
        });
        current = m.version;
    }
    return current;
}

} // namespace dongelek::server::sqlite
