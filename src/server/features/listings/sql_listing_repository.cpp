// The listing store on either engine. SQL text is kept together here; the search WHERE
// clause is assembled only from the fixed fragments below, and every client value is bound.
// Portable SQL everywhere except the fragments in [SECTION] Engine fragments.
//
// [SECTION] Free-text tokens
// [SECTION] Engine fragments
// [SECTION] Search SQL
// [SECTION] Repository
// [SECTION] Bulk import

#include "server/features/listings/sql_listing_repository.hpp"

#include "core/finance/loan_filter.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <variant>

namespace dongelek::server {

namespace {

template <typename E> E enumColumn(const db::Statement& s, int col)
{
    const std::string text = s.columnText(col);
    if (auto v = parseEnum<E>(text)) return *v;
    throw StorageError("unexpected enum value '" + text + "' in column " + std::to_string(col));
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Calls fn(token, prefix) for each searchable token of the user's text: split at
// whitespace, tokens without a letter or digit dropped ("-", "*", "()" alone would be an
// empty phrase), prefix matching from two letters on (a one-letter prefix matches nearly
// every listing, which is slow and useless as a search).
template <typename Fn> void forEachSearchToken(std::string_view text, Fn fn)
{
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        const std::string_view token = text.substr(start, i - start);
        if (token.empty()) continue;
        bool searchable = false;
        std::size_t letters = 0;
        for (unsigned char c : token) {
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
                searchable = true;
            letters += (c & 0xC0) != 0x80; // code points, not bytes
        }
        if (searchable) fn(token, letters >= 2);
    }
}

} // namespace

// [SECTION] Free-text tokens

std::string sqlite::buildFtsQuery(std::string_view text)
{
    std::string out;
    forEachSearchToken(text, [&](std::string_view token, bool prefix) {
        if (!out.empty()) out += ' ';
        out += '"';
        for (char c : token) {
            if (c == '"') out += '"'; // a doubled quote is a literal quote inside an FTS5 string
            out += c;
        }
        out += '"';
        if (prefix) out += '*';
    });
    return out;
}

std::string postgres::buildTsQueryWords(std::string_view text)
{
    std::string out;
    forEachSearchToken(text, [&](std::string_view token, bool prefix) {
        if (!out.empty()) out += ' ';
        out += prefix ? '*' : '=';
        out += token; // never contains a space: the SQL function splits at spaces
    });
    return out;
}

// [SECTION] Engine fragments

namespace {

// Everything the two engines spell differently, side by side.
struct EngineSql {
    // The free-text condition on listing l, and the bound value for the user's text.
    const char* freeText;
    std::string (*freeTextValue)(std::string_view userText);
    // The join that keeps the written order (the page's ids first, then their rows):
    // SQLite's CROSS JOIN forbids reordering; PostgreSQL plans a 20-row join well anyway.
    const char* orderedJoin;
    // Planner statistics after a large import. PostgreSQL's VACUUM also sets the
    // visibility map, which makes the covering indexes index-only.
    const char* optimize;
};

const EngineSql kSqlite{
    "l.id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?)",
    [](std::string_view text) { return sqlite::buildFtsQuery(text); },
    "CROSS JOIN",
    "ANALYZE; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);",
};

const EngineSql kPostgres{
    "l.id IN (SELECT listing_id FROM listings_search WHERE document @@ dongelek_search_query(?))",
    [](std::string_view text) { return postgres::buildTsQueryWords(text); },
    "JOIN",
    "VACUUM (ANALYZE) makes, models, cities, sellers, listings, photos, listings_search, price_history",
};

const EngineSql& engineSql(db::Engine e)
{
    return e == db::Engine::Postgres ? kPostgres : kSqlite;
}

// PostgreSQL: the search documents of every listing that has none yet, computed by the
// SQL function of migration 2 from the same texts SQLite's FTS5 table receives.
constexpr const char* kPostgresFillSearch =
    "INSERT INTO listings_search(listing_id, document)"
    " SELECT l.id, dongelek_search_document(l.title, mk.name || ' ' || mk.search_aliases,"
    "                                       md.name || ' ' || md.search_aliases, l.description)"
    " FROM listings l JOIN makes mk ON mk.id = l.make_id JOIN models md ON md.id = l.model_id"
    " WHERE NOT EXISTS (SELECT 1 FROM listings_search s WHERE s.listing_id = l.id)";

// Secondary indexes that a bulk import into an empty store drops and builds once at the
// end (a sort), several times faster than updating them row by row. Read back from the
// catalog, so this stays right whatever the migrations add. Indexes behind primary keys
// and unique constraints stay.
constexpr const char* kSqliteSecondaryIndexes =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    " AND tbl_name IN ('listings', 'photos')";
constexpr const char* kPostgresSecondaryIndexes =
    "SELECT quote_ident(ic.relname), pg_get_indexdef(x.indexrelid)"
    " FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class ic ON ic.oid = x.indexrelid"
    " WHERE t.relnamespace = current_schema()::regnamespace"
    " AND t.relname IN ('listings', 'photos', 'listings_search') AND NOT x.indisprimary AND NOT x.indisunique";

} // namespace

// [SECTION] Search SQL

namespace {

// "Verified seller" of a seller row `s` joined with its account `u` (LEFT JOIN users u ON
// u.id = s.user_id): the account's email and phone are confirmed, or, for a seller without an
// account (the demo's), the marketplace checked them (sellers.verified).
// (A macro so the statements below stay string literals.)
#define DONGELEK_SELLER_VERIFIED "(s.verified = 1 OR (u.email_verified_at IS NOT NULL AND u.phone IS NOT NULL))"

// Columns of a ListingSummary, shared by search and details so both map rows the same way.
constexpr const char* kSummaryColumns =
    "l.id, l.title, mk.name, md.name, l.year, l.price_minor, l.currency, l.mileage_km, c.name, l.country, "
    "l.body, l.fuel, l.transmission, l.created_at, l.condition, (SELECT kind FROM sellers WHERE id = l.seller_id), "
    "l.engine_litres, (SELECT count(*) FROM photos WHERE listing_id = l.id), l.has_spin, l.vin_verified, "
    "(SELECT CASE WHEN " DONGELEK_SELLER_VERIFIED " THEN 1 ELSE 0 END"
    " FROM sellers s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = l.seller_id)";
constexpr int kSummaryColumnCount = 21;

ListingSummary readSummary(const db::Statement& s)
{
    ListingSummary v;
    v.id = s.columnInt64(0);
    v.title = s.columnText(1);
    v.make = s.columnText(2);
    v.model = s.columnText(3);
    v.year = s.columnInt(4);
    v.price.amountMinor = s.columnInt64(5);
    v.price.currency = enumColumn<Currency>(s, 6);
    v.mileageKm = s.columnInt(7);
    v.city = s.columnText(8);
    v.country = enumColumn<Country>(s, 9);
    v.body = enumColumn<Body>(s, 10);
    v.fuel = enumColumn<Fuel>(s, 11);
    v.transmission = enumColumn<Transmission>(s, 12);
    v.createdAt = s.columnText(13);
    v.condition = enumColumn<Condition>(s, 14);
    v.sellerKind = enumColumn<SellerKind>(s, 15);
    v.engineLitres = s.columnDouble(16);
    v.photoCount = s.columnInt(17);
    v.hasSpin = s.columnInt(18) != 0;
    v.vinVerified = s.columnInt(19) != 0;
    v.sellerVerified = s.columnInt(20) != 0;
    return v;
}

using Value = std::variant<std::int64_t, std::string>;

struct WhereClause {
    std::string sql; // "l.status = 'active' AND l.make_id = ? AND ..."
    std::vector<Value> values;
    bool matchesNothing = false;
};

WhereClause buildWhere(const ListingFilter& f, const EngineSql& engine, std::int64_t nowUnix)
{
    WhereClause w;
    // 'active' is a literal, not a bound value, so the planner can use the indexes that
    // lead with status (SQLite) or are partial on it (PostgreSQL).
    w.sql = "l.status = 'active'";
    const auto add = [&](const char* fragment, Value v) {
        w.sql += " AND ";
        w.sql += fragment;
        w.values.push_back(std::move(v));
    };
    // "any of": l.col IN (?, ?, ...), one placeholder per value.
    const auto addAnyOf = [&](const char* column, std::vector<Value> values) {
        if (values.empty()) return;
        w.sql += " AND ";
        w.sql += column;
        w.sql += " IN (";
        for (std::size_t i = 0; i < values.size(); ++i)
            w.sql += i ? ", ?" : "?";
        w.sql += ")";
        for (Value& v : values)
            w.values.push_back(std::move(v));
    };
    const auto ids = [](const std::vector<std::int64_t>& v) { return std::vector<Value>(v.begin(), v.end()); };
    const auto names = [](const auto& v) {
        std::vector<Value> out;
        for (const auto& e : v) out.emplace_back(std::string(toString(e)));
        return out;
    };
    addAnyOf("l.make_id", ids(f.makeIds));
    addAnyOf("l.model_id", ids(f.modelIds));
    if (f.yearFrom) add("l.year >= ?", std::int64_t{*f.yearFrom});
    if (f.yearTo) add("l.year <= ?", std::int64_t{*f.yearTo});
    if (f.priceFrom) add("l.price_kzt >= ?", boundToKztWhole(*f.priceFrom, f.currency));
    // "Monthly payment up to" is the price bound it implies (core/finance/loan_filter.hpp).
    if (const auto priceTo = finance::effectivePriceTo(f)) add("l.price_kzt <= ?", boundToKztWhole(*priceTo, f.currency));
    if (f.mileageMax) add("l.mileage_km <= ?", std::int64_t{*f.mileageMax});
    // Engine volume in decilitres, rounded as the index rounds it.
    if (f.engineFrom) add("round(l.engine_litres * 10) >= ?", std::int64_t{*f.engineFrom});
    if (f.engineTo) add("round(l.engine_litres * 10) <= ?", std::int64_t{*f.engineTo});
    if (f.powerFrom) add("l.power_hp >= ?", std::int64_t{*f.powerFrom});
    if (f.powerTo) add("l.power_hp <= ?", std::int64_t{*f.powerTo});
    addAnyOf("l.body", names(f.bodies));
    addAnyOf("l.fuel", names(f.fuels));
    addAnyOf("l.transmission", names(f.transmissions));
    addAnyOf("l.drive", names(f.drives));
    addAnyOf("l.color", std::vector<Value>(f.colors.begin(), f.colors.end()));
    if (f.condition) add("l.condition = ?", std::string(toString(*f.condition)));
    if (f.ownersMax) add("l.owners <= ?", std::int64_t{*f.ownersMax});
    if (f.steering) add("l.steering = ?", std::string(toString(*f.steering)));
    if (f.sellerKind) add("l.seller_id IN (SELECT id FROM sellers WHERE kind = ?)", std::string(toString(*f.sellerKind)));
    if (f.customsCleared) w.sql += " AND l.customs_cleared = 1";
    if (f.noAccidents) w.sql += " AND l.accidents = 0";
    if (f.withPhotos) w.sql += " AND EXISTS (SELECT 1 FROM photos p WHERE p.listing_id = l.id)";
    if (f.withSpin) w.sql += " AND l.has_spin = 1";
    if (f.vinVerified) w.sql += " AND l.vin_verified = 1";
    if (f.sellerVerified)
        w.sql += " AND l.seller_id IN (SELECT s.id FROM sellers s LEFT JOIN users u ON u.id = s.user_id"
                 " WHERE " DONGELEK_SELLER_VERIFIED ")";
    if (f.postedWithinDays) add("l.created_at >= ?", isoTimestamp(nowUnix - std::int64_t{*f.postedWithinDays} * 86400));
    if (f.cityId) add("l.city_id = ?", *f.cityId);
    if (f.country) add("l.country = ?", std::string(toString(*f.country)));
    if (!f.query.empty()) {
        std::string value = engine.freeTextValue(f.query);
        if (value.empty())
            w.matchesNothing = true;
        else
            add(engine.freeText, std::move(value));
    }
    return w;
}

const char* orderBy(Sort sort)
{
    // The id tiebreak runs in the same direction as the key, so each ORDER BY is
    // exactly the order of one index (key, id) read forwards or backwards.
    switch (sort) {
    case Sort::Newest:
        return "l.created_at DESC, l.id DESC";
    case Sort::PriceAsc:
        return "l.price_kzt ASC, l.id ASC";
    case Sort::PriceDesc:
        return "l.price_kzt DESC, l.id DESC";
    case Sort::MileageAsc:
        return "l.mileage_km ASC, l.id ASC";
    case Sort::YearDesc:
        return "l.year DESC, l.id DESC";
    }
    return "l.created_at DESC, l.id DESC";
}

// The ids of one page, from the covering indexes alone.
std::string pageIdsSql(const WhereClause& w, Sort sort)
{
    return "SELECT l.id FROM listings l WHERE " + w.sql + " ORDER BY " + orderBy(sort) + " LIMIT ? OFFSET ?";
}

std::string pageSql(const WhereClause& w, Sort sort, const EngineSql& engine)
{
    // Two steps: the page's ids first (the subquery, sorted from an index), then the
    // joins and the cover photo for those 20 rows only. Joining before sorting would
    // fetch every matching row. The outer ORDER BY restores the order after the joins.
    const std::string join = std::string(" ") + engine.orderedJoin + " ";
    return std::string("SELECT ") + kSummaryColumns +
           ", (SELECT p.id FROM photos p WHERE p.listing_id = l.id ORDER BY p.position LIMIT 1)"
           " FROM (" +
           pageIdsSql(w, sort) + ") AS page" + join + "listings l ON l.id = page.id" + join +
           "makes mk ON mk.id = l.make_id" + join + "models md ON md.id = l.model_id" + join +
           "cities c ON c.id = l.city_id ORDER BY " + orderBy(sort);
}

std::string countSql(const WhereClause& w)
{
    return "SELECT count(*) FROM listings l WHERE " + w.sql;
}

int bindAll(db::Statement& s, const std::vector<Value>& values)
{
    int index = 1;
    for (const Value& v : values) {
        if (const auto* i = std::get_if<std::int64_t>(&v))
            s.bind(index++, *i);
        else
            s.bind(index++, std::string_view(std::get<std::string>(v)));
    }
    return index;
}

} // namespace

// [SECTION] Repository

SqlListingRepository::SqlListingRepository(db::Database& database) : m_db(database)
{
    if (m_db.engine() != db::Engine::Postgres) return;
    // The 'simple' configuration lower-cases with the database's LC_CTYPE; under "C" it
    // would leave Cyrillic capitals alone and "Камри" would not find "камри".
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT to_tsvector('simple', 'ŠЖ')::text");
    const std::string folded = s.step() ? s.columnText(0) : std::string();
    s.reset();
    if (folded != "'šж':1")
        throw StorageError("the PostgreSQL database does not lower-case non-ASCII letters (its LC_CTYPE is "
                           "probably C); create it with LC_CTYPE 'C.UTF-8' or another UTF-8 locale");
}

SearchResult SqlListingRepository::search(const ListingFilter& f, std::int64_t nowUnix)
{
    SearchResult result;
    const EngineSql& engine = engineSql(m_db.engine());
    const WhereClause w = buildWhere(f, engine, nowUnix);
    if (w.matchesNothing) return result;
    auto c = m_db.acquire();

    db::Statement& count = c->prepare(countSql(w));
    bindAll(count, w.values);
    if (count.step()) result.total = count.columnInt64(0);
    count.reset();

    const std::int64_t offset = static_cast<std::int64_t>(f.page - 1) * f.pageSize;
    if (offset >= result.total) return result; // past the end: empty page, true total

    db::Statement& page = c->prepare(pageSql(w, f.sort, engine));
    const int next = bindAll(page, w.values);
    page.bind(next, std::int64_t{f.pageSize});
    page.bind(next + 1, offset);
    while (page.step()) {
        SummaryRow row;
        row.summary = readSummary(page);
        row.coverPhotoId = page.columnIsNull(kSummaryColumnCount) ? 0 : page.columnInt64(kSummaryColumnCount);
        result.rows.push_back(std::move(row));
    }
    page.reset();
    return result;
}

std::string SqlListingRepository::explainSearch(const ListingFilter& f)
{
    const bool pg = m_db.engine() == db::Engine::Postgres;
    const WhereClause w = buildWhere(f, engineSql(m_db.engine()), 0);
    auto c = m_db.acquire();
    if (pg) {
        c->begin();
        c->exec("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off");
    }
    std::string out;
    for (const std::string& sql : {countSql(w), pageIdsSql(w, f.sort)}) {
        db::Statement& s = c->prepare((pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql);
        int next = bindAll(s, w.values);
        if (sql.find("LIMIT") != std::string::npos) {
            s.bind(next, std::int64_t{f.pageSize});
            s.bind(next + 1, std::int64_t{0});
        }
        while (s.step())
            out += s.columnText(pg ? 0 : 3) + "\n";
        s.reset();
        out += "--\n";
    }
    if (pg) c->rollback();
    return out;
}

std::optional<DetailsRow> SqlListingRepository::findListing(std::int64_t id)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(std::string("SELECT ") + kSummaryColumns +
                                  ", l.drive, l.engine_litres, l.power_hp, l.color, l.vin, l.description,"
                                  " s.id, s.name, s.kind, sc.name, s.phone, s.created_at,"
                                  " l.trim, l.owners, l.steering, l.customs_cleared, l.accidents"
                                  " FROM listings l"
                                  " JOIN makes mk ON mk.id = l.make_id"
                                  " JOIN models md ON md.id = l.model_id"
                                  " JOIN cities c ON c.id = l.city_id"
                                  " JOIN sellers s ON s.id = l.seller_id"
                                  " JOIN cities sc ON sc.id = s.city_id"
                                  " WHERE l.id = ? AND l.status <> 'removed'");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    DetailsRow row;
    ListingDetails& d = row.details;
    d.summary = readSummary(s);
    int col = kSummaryColumnCount;
    d.drive = enumColumn<Drive>(s, col++);
    d.engineLitres = s.columnDouble(col++);
    d.powerHp = s.columnInt(col++);
    d.color = s.columnText(col++);
    d.vin = s.columnText(col++);
    d.description = s.columnText(col++);
    d.seller.id = s.columnInt64(col++);
    d.seller.name = s.columnText(col++);
    d.seller.kind = enumColumn<SellerKind>(s, col++);
    d.seller.city = s.columnText(col++);
    d.seller.phone = s.columnText(col++);
    d.seller.memberSince = s.columnText(col++).substr(0, 10); // the date part of the ISO timestamp
    d.trim = s.columnText(col++);
    d.owners = s.columnInt(col++);
    d.steering = enumColumn<Steering>(s, col++);
    d.customsCleared = s.columnInt(col++) != 0;
    d.accidents = s.columnInt(col++);
    s.reset();

    db::Statement& p = c->prepare("SELECT id FROM photos WHERE listing_id = ? ORDER BY position");
    p.bind(1, id);
    while (p.step())
        row.photoIds.push_back(p.columnInt64(0));
    p.reset();
    return row;
}

std::vector<MakeInfo> SqlListingRepository::makesWithCounts()
{
    auto c = m_db.acquire();
    // lower() folds ASCII only on both engines (the names have the "C" collation on
    // PostgreSQL), so the order is the same everywhere.
    db::Statement& s = c->prepare(
        "SELECT mk.id, mk.name, md.id, md.name, COALESCE(n.cnt, 0)"
        " FROM makes mk"
        " LEFT JOIN models md ON md.make_id = mk.id"
        " LEFT JOIN (SELECT model_id, count(*) AS cnt FROM listings WHERE status = 'active' GROUP BY model_id) n"
        "   ON n.model_id = md.id"
        " ORDER BY lower(mk.name), mk.id, lower(md.name), md.id");
    std::vector<MakeInfo> makes;
    while (s.step()) {
        const std::int64_t makeId = s.columnInt64(0);
        if (makes.empty() || makes.back().id != makeId) {
            MakeInfo m;
            m.id = makeId;
            m.name = s.columnText(1);
            makes.push_back(std::move(m));
        }
        if (s.columnIsNull(2)) continue; // a make without models yet
        ModelInfo model;
        model.id = s.columnInt64(2);
        model.name = s.columnText(3);
        model.count = s.columnInt64(4);
        makes.back().count += model.count;
        makes.back().models.push_back(std::move(model));
    }
    s.reset();
    return makes;
}

std::vector<City> SqlListingRepository::citiesWithCounts()
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(
        "SELECT c.id, c.name, c.country, COALESCE(n.cnt, 0)"
        " FROM cities c"
        " LEFT JOIN (SELECT city_id, count(*) AS cnt FROM listings WHERE status = 'active' GROUP BY city_id) n"
        "   ON n.city_id = c.id"
        " ORDER BY CASE WHEN c.country = 'BH' THEN 1 ELSE 0 END, lower(c.name), c.id");
    std::vector<City> cities;
    while (s.step()) {
        City city;
        city.id = s.columnInt64(0);
        city.name = s.columnText(1);
        city.country = enumColumn<Country>(s, 2);
        city.count = s.columnInt64(3);
        cities.push_back(std::move(city));
    }
    s.reset();
    return cities;
}

std::int64_t SqlListingRepository::countActiveListings()
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM listings WHERE status = 'active'");
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

std::vector<ListingStamp> SqlListingRepository::activeListingStamps(std::int64_t offset, std::int64_t limit)
{
    auto c = m_db.acquire();
    // Served by ix_listings_newest on both engines (SQLite: status, created_at + rowid;
    // PostgreSQL: the partial index on created_at, id), read in index order.
    db::Statement& s = c->prepare("SELECT id, created_at FROM listings WHERE status = 'active'"
                                  " ORDER BY created_at, id LIMIT ? OFFSET ?");
    s.bind(1, limit);
    s.bind(2, offset);
    std::vector<ListingStamp> out;
    out.reserve(static_cast<std::size_t>(std::min<std::int64_t>(limit, 50'000)));
    while (s.step())
        out.push_back(ListingStamp{s.columnInt64(0), s.columnText(1)});
    s.reset();
    return out;
}

std::int64_t SqlListingRepository::countAllListings()
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM listings");
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

std::optional<PhotoSpec> SqlListingRepository::findPhoto(std::int64_t photoId)
{
    auto c = m_db.acquire();
    db::Statement& s =
        c->prepare("SELECT p.id, p.position, p.kind, p.backdrop, p.seed, p.listing_id, l.body, l.color, l.year,"
                   " COALESCE(u.storage_key, '')"
                   " FROM photos p JOIN listings l ON l.id = p.listing_id LEFT JOIN uploads u ON u.id = p.upload_id"
                   " WHERE p.id = ? AND l.status <> 'removed'");
    s.bind(1, photoId);
    if (!s.step()) return std::nullopt;
    PhotoSpec spec;
    spec.photo.id = s.columnInt64(0);
    spec.photo.position = s.columnInt(1);
    const auto kind = parsePhotoKind(s.columnText(2));
    const auto backdrop = parseBackdrop(s.columnText(3));
    if (!kind || !backdrop)
        throw StorageError("unexpected photo kind or backdrop for photo " + std::to_string(photoId));
    spec.photo.kind = *kind;
    spec.photo.backdrop = *backdrop;
    spec.photo.seed = static_cast<std::uint32_t>(s.columnInt64(4));
    spec.listingId = s.columnInt64(5);
    spec.body = enumColumn<Body>(s, 6);
    spec.color = s.columnText(7);
    spec.year = s.columnInt(8);
    spec.uploadKey = s.columnText(9);
    s.reset();
    return spec;
}

std::vector<SearchDocument> SqlListingRepository::searchDocuments()
{
    auto c = m_db.acquire();
    // One pass over the active listings in id order; the photo count and cover come from a
    // grouped read of photos joined on the listing (the unique (listing_id, position) index).
    db::Statement& s = c->prepare(
        "SELECT l.id, l.make_id, l.model_id, l.city_id, l.seller_id, l.year, l.price_minor, l.currency, l.price_kzt,"
        " l.mileage_km, l.body, l.fuel, l.transmission, l.drive, l.engine_litres, l.power_hp, l.color, l.condition,"
        " l.owners, l.steering, l.customs_cleared, l.accidents, l.has_spin, l.vin_verified, s.kind, l.country,"
        " l.title, l.trim, l.description, l.created_at, COALESCE(p.n, 0),"
        " (SELECT c.id FROM photos c WHERE c.listing_id = l.id AND c.position = p.first),"
        " CASE WHEN " DONGELEK_SELLER_VERIFIED " THEN 1 ELSE 0 END"
        " FROM listings l JOIN sellers s ON s.id = l.seller_id LEFT JOIN users u ON u.id = s.user_id"
        " LEFT JOIN (SELECT listing_id, count(*) AS n, min(position) AS first FROM photos GROUP BY listing_id) p"
        "   ON p.listing_id = l.id"
        " WHERE l.status = 'active' ORDER BY l.id");
    std::vector<SearchDocument> out;
    while (s.step()) {
        SearchDocument d;
        int col = 0;
        d.id = s.columnInt64(col++);
        d.makeId = s.columnInt64(col++);
        d.modelId = s.columnInt64(col++);
        d.cityId = s.columnInt64(col++);
        d.sellerId = s.columnInt64(col++);
        d.year = s.columnInt(col++);
        d.price.amountMinor = s.columnInt64(col++);
        d.price.currency = enumColumn<Currency>(s, col++);
        d.priceKzt = s.columnInt64(col++);
        d.mileageKm = s.columnInt(col++);
        d.body = enumColumn<Body>(s, col++);
        d.fuel = enumColumn<Fuel>(s, col++);
        d.transmission = enumColumn<Transmission>(s, col++);
        d.drive = enumColumn<Drive>(s, col++);
        d.engineLitres = s.columnDouble(col++);
        d.powerHp = s.columnInt(col++);
        d.color = s.columnText(col++);
        d.condition = enumColumn<Condition>(s, col++);
        d.owners = s.columnInt(col++);
        d.steering = enumColumn<Steering>(s, col++);
        d.customsCleared = s.columnInt(col++) != 0;
        d.accidents = s.columnInt(col++);
        d.hasSpin = s.columnInt(col++) != 0;
        d.vinVerified = s.columnInt(col++) != 0;
        d.sellerKind = enumColumn<SellerKind>(s, col++);
        d.country = enumColumn<Country>(s, col++);
        d.title = s.columnText(col++);
        d.trim = s.columnText(col++);
        d.description = s.columnText(col++);
        d.createdAt = s.columnText(col++);
        d.photoCount = s.columnInt(col++);
        d.coverPhotoId = s.columnIsNull(col) ? 0 : s.columnInt64(col);
        ++col;
        d.sellerVerified = s.columnInt(col) != 0;
        out.push_back(std::move(d));
    }
    s.reset();
    return out;
}

SearchCatalog SqlListingRepository::searchCatalog()
{
    auto c = m_db.acquire();
    SearchCatalog out;
    db::Statement& mk = c->prepare("SELECT id, name, search_aliases FROM makes ORDER BY id");
    while (mk.step())
        out.makes.push_back({mk.columnInt64(0), mk.columnText(1), mk.columnText(2)});
    mk.reset();
    db::Statement& md = c->prepare("SELECT id, make_id, name, search_aliases FROM models ORDER BY id");
    while (md.step())
        out.models.push_back({md.columnInt64(0), md.columnInt64(1), md.columnText(2), md.columnText(3)});
    md.reset();
    db::Statement& ci = c->prepare("SELECT id, name, country FROM cities ORDER BY id");
    while (ci.step())
        out.cities.push_back({ci.columnInt64(0), ci.columnText(1), enumColumn<Country>(ci, 2)});
    ci.reset();
    return out;
}

std::vector<std::pair<std::string, Money>> SqlListingRepository::priceHistory(std::int64_t listingId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(
        "SELECT changed_at, price_minor, currency FROM price_history WHERE listing_id = ? ORDER BY changed_at");
    s.bind(1, listingId);
    std::vector<std::pair<std::string, Money>> out;
    while (s.step())
        out.emplace_back(s.columnText(0), Money{s.columnInt64(1), enumColumn<Currency>(s, 2)});
    s.reset();
    return out;
}

void SqlListingRepository::optimize()
{
    auto c = m_db.acquire();
    c->exec(engineSql(m_db.engine()).optimize);
}

// [SECTION] Bulk import

namespace {

// One transaction for the whole import, rows streamed through db::BulkInsert (COPY on
// PostgreSQL, a cached INSERT on SQLite). The data version is bumped by the commit.
class SqlBulkWriter final : public BulkWriter {
public:
    explicit SqlBulkWriter(db::Database::Lease lease) : m_lease(std::move(lease))
    {
        m_pg = m_lease->engine() == db::Engine::Postgres;
        if (!m_pg) {
            // A big page cache for the import only, and foreign keys checked once at the
            // end (PRAGMA foreign_key_check in commit) instead of per row; both reset in
            // the destructor. PRAGMA foreign_keys is ignored inside a transaction: first.
            m_lease->exec("PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF");
        }
        m_tx.emplace(m_lease);
        db::Connection& c = *m_lease;
        m_makes = c.bulkInsert("makes", {"id", "name", "search_aliases"});
        m_models = c.bulkInsert("models", {"id", "make_id", "name", "search_aliases"});
        m_cities = c.bulkInsert("cities", {"id", "name", "country"});
        m_sellers = c.bulkInsert("sellers", {"id", "name", "kind", "city_id", "phone", "created_at", "verified"});
        m_listings =
            c.bulkInsert("listings", {"id",       "seller_id",     "make_id",     "model_id",   "year",  "price_minor",
                                      "currency", "price_kzt",     "mileage_km",  "body",       "fuel",  "transmission",
                                      "drive",    "engine_litres", "power_hp",    "color",      "vin",   "city_id",
                                      "country",  "title",         "description", "created_at", "status",
                                      "trim",     "condition",     "owners",      "steering",   "customs_cleared",
                                      "accidents", "has_spin",     "vin_verified"});
        m_prices = c.bulkInsert("price_history", {"listing_id", "changed_at", "price_minor", "currency"});
        m_photos = c.bulkInsert("photos", {"id", "listing_id", "position", "kind", "backdrop", "seed"});
        if (!m_pg) m_fts = c.bulkInsert("listings_fts", {"rowid", "title", "make", "model", "description"});

        db::Statement& count = c.prepare("SELECT count(*) FROM listings");
        const bool empty = count.step() && count.columnInt64(0) == 0;
        count.reset();
        if (!empty) return;
        db::Statement& s = c.prepare(m_pg ? kPostgresSecondaryIndexes : kSqliteSecondaryIndexes);
        while (s.step())
            m_deferredIndexes.emplace_back(s.columnText(0), s.columnText(1));
        s.reset();
        for (const auto& [name, sql] : m_deferredIndexes) {
            // Names come from the catalog, not from a client (quoted as identifiers).
            c.exec(m_pg ? "DROP INDEX " + name : "DROP INDEX \"" + name + "\"");
        }
    }
    ~SqlBulkWriter() override
    {
        m_tx.reset(); // rolls back unless committed; that also brings back dropped indexes
        if (!m_pg) {
            try {
                m_lease->exec("PRAGMA cache_size = -32768; PRAGMA foreign_keys = ON");
            } catch (...) {
                // Nothing useful to do in a destructor.
            }
        }
    }

    void addMake(const MakeRecord& r) override
    {
        m_makes->add(r.id).add(r.name).add(r.searchAliases).endRow();
        m_makeText[r.id] = r.searchAliases.empty() ? r.name : r.name + " " + r.searchAliases;
    }
    void addModel(const ModelRecord& r) override
    {
        m_models->add(r.id).add(r.makeId).add(r.name).add(r.searchAliases).endRow();
        m_modelText[r.id] = r.searchAliases.empty() ? r.name : r.name + " " + r.searchAliases;
    }
    void addCity(const CityRecord& r) override { m_cities->add(r.id).add(r.name).add(toString(r.country)).endRow(); }
    void addSeller(const SellerRecord& r) override
    {
        m_sellers->add(r.id)
            .add(r.name)
            .add(toString(r.kind))
            .add(r.cityId)
            .add(r.phone)
            .add(r.createdAt)
            .add(r.verified ? 1 : 0)
            .endRow();
    }
    void addListing(const ListingRecord& r) override
    {
        m_listings->add(r.id)
            .add(r.sellerId)
            .add(r.makeId)
            .add(r.modelId)
            .add(r.year)
            .add(r.price.amountMinor)
            .add(toString(r.price.currency))
            .add(toKztWhole(r.price))
            .add(r.mileageKm)
            .add(toString(r.body))
            .add(toString(r.fuel))
            .add(toString(r.transmission))
            .add(toString(r.drive))
            .add(r.engineLitres)
            .add(r.powerHp)
            .add(r.color)
            .add(r.vin)
            .add(r.cityId)
            .add(toString(r.country))
            .add(r.title)
            .add(r.description)
            .add(r.createdAt)
            .add("active")
            .add(r.trim)
            .add(toString(r.condition))
            .add(r.owners)
            .add(toString(r.steering))
            .add(r.customsCleared ? 1 : 0)
            .add(r.accidents)
            .add(r.hasSpin ? 1 : 0)
            .add(r.vinVerified ? 1 : 0)
            .endRow();
        for (const auto& [at, price] : r.priceHistory)
            m_prices->add(r.id).add(at).add(price.amountMinor).add(toString(price.currency)).endRow();
        if (m_fts) {
            // SQLite: the FTS5 row now, while the texts are at hand (the table is
            // contentless). PostgreSQL computes its documents in SQL at commit.
            const std::string& make = nameText(m_makeText, "makes", r.makeId);
            const std::string& model = nameText(m_modelText, "models", r.modelId);
            m_fts->add(r.id).add(r.title).add(make).add(model).add(r.description).endRow();
        }
        for (const PhotoRecord& photo : r.photos) {
            m_photos->add(photo.id)
                .add(r.id)
                .add(photo.position)
                .add(toString(photo.kind))
                .add(toString(photo.backdrop))
                .add(std::int64_t{photo.seed})
                .endRow();
        }
        // COPY batches of a few MB: parents are always sent before the rows that
        // reference them, because every loader is flushed in table order.
        if (m_listings->pendingBytes() + m_photos->pendingBytes() > (8u << 20)) flushAll();
    }
    void commit() override
    {
        flushAll();
        db::Connection& c = *m_lease;
        if (!m_pg) {
            db::Statement& fk = c.prepare("PRAGMA foreign_key_check");
            const bool broken = fk.step();
            const std::string table = broken ? fk.columnText(0) : std::string();
            fk.reset();
            if (broken) throw StorageError("bulk import violates a foreign key in table " + table);
        } else {
            c.exec(kPostgresFillSearch);
            // Rows came with explicit ids: move each identity past them, so a later
            // insert without an id does not collide.
            for (const char* table : {"makes", "models", "cities", "sellers", "listings", "photos"}) {
                c.exec(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), " +
                       "COALESCE(MAX(id), 0) + 1, false) FROM " + table);
            }
        }
        for (const auto& [name, sql] : m_deferredIndexes)
            c.exec(sql);
        m_tx->commit();
    }

private:
    void flushAll()
    {
        for (auto* loader : {&m_makes, &m_models, &m_cities, &m_sellers, &m_listings, &m_photos, &m_prices})
            (*loader)->flush();
    }

    // Searchable text of a make or model, from this import or, failing that, the table.
    const std::string& nameText(std::unordered_map<std::int64_t, std::string>& cache, const char* table,
                                std::int64_t id)
    {
        auto it = cache.find(id);
        if (it != cache.end()) return it->second;
        const std::string sql = std::string("SELECT name || ' ' || search_aliases FROM ") +
                                (std::string_view(table) == "makes" ? "makes" : "models") + " WHERE id = ?";
        db::Statement& s = m_lease->prepare(sql);
        s.bind(1, id);
        std::string text = s.step() ? s.columnText(0) : std::string();
        s.reset();
        return cache[id] = std::move(text);
    }

    db::Database::Lease m_lease;
    bool m_pg = false;
    std::optional<db::WriteTransaction> m_tx;
    std::unique_ptr<db::BulkInsert> m_makes, m_models, m_cities, m_sellers, m_listings, m_photos, m_prices, m_fts;
    std::vector<std::pair<std::string, std::string>> m_deferredIndexes; // name, CREATE INDEX sql
    std::unordered_map<std::int64_t, std::string> m_makeText, m_modelText;
};

} // namespace

std::unique_ptr<BulkWriter> SqlListingRepository::beginBulkImport()
{
    return std::make_unique<SqlBulkWriter>(m_db.acquire());
}

} // namespace dongelek::server

#undef DONGELEK_SELLER_VERIFIED
