// The SQLite listing store. SQL text is kept together here; the search WHERE clause is
// assembled only from the fixed fragments below, and every client value is bound.
//
// [SECTION] Free-text query
// [SECTION] Search SQL
// [SECTION] Repository
// [SECTION] Bulk import

#include "server/features/listings/sqlite_listing_repository.hpp"

#include "server/schema/migrations.hpp"

#include "core/money.hpp"

#include <filesystem>
#include <unordered_map>
#include <variant>

namespace dongelek::server {

namespace sqlite {

namespace {

template <typename E> E enumColumn(const Statement& s, int col)
{
    const std::string text = s.columnText(col);
    if (auto v = parseEnum<E>(text)) return *v;
    throw StorageError("unexpected enum value '" + text + "' in column " + std::to_string(col));
}

} // namespace

// [SECTION] Free-text query

std::string buildFtsQuery(std::string_view text)
{
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !(text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            ++i;
        const std::string_view token = text.substr(start, i - start);
        if (token.empty()) continue;
        bool searchable = false;
        for (unsigned char c : token)
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
                searchable = true;
        if (!searchable) continue; // "-", "*", "()" alone: FTS would see an empty phrase
        if (!out.empty()) out += ' ';
        out += '"';
        for (char c : token) {
            if (c == '"') out += '"'; // a doubled quote is a literal quote inside an FTS5 string
            out += c;
        }
        out += '"';
        // Prefix matching from two letters on: a one-letter prefix matches nearly every
        // listing, which is slow and useless as a search.
        std::size_t letters = 0;
        for (unsigned char c : token)
            letters += (c & 0xC0) != 0x80;
        if (letters >= 2) out += '*';
    }
    return out;
}

// [SECTION] Search SQL

namespace {

// Columns of a ListingSummary, shared by search and details so both map rows the same way.
constexpr const char* kSummaryColumns =
    "l.id, l.title, mk.name, md.name, l.year, l.price_minor, l.currency, l.mileage_km, c.name, l.country, "
    "l.body, l.fuel, l.transmission, l.created_at";
constexpr int kSummaryColumnCount = 14;

ListingSummary readSummary(const Statement& s)
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
    return v;
}

using Value = std::variant<std::int64_t, std::string>;

struct WhereClause {
    std::string sql; // "l.status = 'active' AND l.make_id = ? AND ..."
    std::vector<Value> values;
    bool matchesNothing = false;
};

WhereClause buildWhere(const ListingFilter& f)
{
    WhereClause w;
    // 'active' is a literal, not a bound value, so the planner can use the partial indexes.
    w.sql = "l.status = 'active'";
    const auto add = [&](const char* fragment, Value v) {
        w.sql += " AND ";
        w.sql += fragment;
        w.values.push_back(std::move(v));
    };
    if (f.makeId) add("l.make_id = ?", *f.makeId);
    if (f.modelId) add("l.model_id = ?", *f.modelId);
    if (f.yearFrom) add("l.year >= ?", std::int64_t{*f.yearFrom});
    if (f.yearTo) add("l.year <= ?", std::int64_t{*f.yearTo});
    if (f.priceFrom) add("l.price_kzt >= ?", boundToKztWhole(*f.priceFrom, f.currency));
    if (f.priceTo) add("l.price_kzt <= ?", boundToKztWhole(*f.priceTo, f.currency));
    if (f.mileageMax) add("l.mileage_km <= ?", std::int64_t{*f.mileageMax});
    if (f.body) add("l.body = ?", std::string(toString(*f.body)));
    if (f.fuel) add("l.fuel = ?", std::string(toString(*f.fuel)));
    if (f.transmission) add("l.transmission = ?", std::string(toString(*f.transmission)));
    if (f.cityId) add("l.city_id = ?", *f.cityId);
    if (f.country) add("l.country = ?", std::string(toString(*f.country)));
    if (!f.query.empty()) {
        const std::string fts = buildFtsQuery(f.query);
        if (fts.empty())
            w.matchesNothing = true;
        else
            add("l.id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?)", fts);
    }
    return w;
}

const char* orderBy(Sort sort)
{
    // The id tiebreak runs in the same direction as the key, so each ORDER BY is
    // exactly the order of one index (key, rowid) read forwards or backwards.
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

std::string pageSql(const WhereClause& w, Sort sort)
{
    // Two steps: the page's ids first (the subquery, sorted from an index), then the
    // joins and the cover photo for those 20 rows only. Joining before sorting would
    // fetch every matching row. The outer ORDER BY restores the order after the joins.
    return std::string("SELECT ") + kSummaryColumns +
           ", (SELECT p.id FROM photos p WHERE p.listing_id = l.id ORDER BY p.position LIMIT 1)"
           " FROM (" +
           pageIdsSql(w, sort) +
           ") AS page"
           " CROSS JOIN listings l ON l.id = page.id"
           " CROSS JOIN makes mk ON mk.id = l.make_id"
           " CROSS JOIN models md ON md.id = l.model_id"
           " CROSS JOIN cities c ON c.id = l.city_id"
           " ORDER BY " +
           orderBy(sort);
}

std::string countSql(const WhereClause& w)
{
    return "SELECT count(*) FROM listings l WHERE " + w.sql;
}

int bindAll(Statement& s, const std::vector<Value>& values)
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

SqliteListingRepository::SqliteListingRepository(const std::string& path) : m_pool(path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(parent, ec);
        if (ec) throw StorageError("cannot create the database folder: " + ec.message());
    }
    auto c = m_pool.acquire();
    m_schemaVersion = migrate(*c);
}

SearchResult SqliteListingRepository::search(const ListingFilter& f)
{
    SearchResult result;
    const WhereClause w = buildWhere(f);
    if (w.matchesNothing) return result;
    auto c = m_pool.acquire();

    Statement& count = c->prepare(countSql(w));
    bindAll(count, w.values);
    if (count.step()) result.total = count.columnInt64(0);
    count.reset();

    const std::int64_t offset = static_cast<std::int64_t>(f.page - 1) * f.pageSize;
    if (offset >= result.total) return result; // past the end: empty page, true total

    Statement& page = c->prepare(pageSql(w, f.sort));
    const int next = bindAll(page, w.values);
    page.bind(next, std::int64_t{f.pageSize});
    page.bind(next + 1, offset);
    while (page.step()) {
        SummaryRow row;
        row.summary = readSummary(page);
        row.coverPhotoId = page.columnIsNull(kSummaryColumnCount) ? 0 : page.columnInt64(kSummaryColumnCount);
        result.rows.push_back(std::move(row));
    }
    return result;
}

std::string SqliteListingRepository::explainSearch(const ListingFilter& f)
{
    const WhereClause w = buildWhere(f);
    auto c = m_pool.acquire();
    std::string out;
    for (const std::string& sql : {countSql(w), pageIdsSql(w, f.sort)}) {
        Statement& s = c->prepare("EXPLAIN QUERY PLAN " + sql);
        int next = bindAll(s, w.values);
        if (sql.find("LIMIT") != std::string::npos) {
            s.bind(next, std::int64_t{f.pageSize});
            s.bind(next + 1, std::int64_t{0});
        }
        while (s.step())
            out += s.columnText(3) + "\n";
        out += "--\n";
    }
    return out;
}

std::optional<DetailsRow> SqliteListingRepository::findListing(std::int64_t id)
{
    auto c = m_pool.acquire();
    Statement& s = c->prepare(std::string("SELECT ") + kSummaryColumns +
                              ", l.drive, l.engine_litres, l.power_hp, l.color, l.vin, l.description,"
                              " s.id, s.name, s.kind, sc.name, s.phone, s.created_at"
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
    s.reset();

    Statement& p = c->prepare("SELECT id FROM photos WHERE listing_id = ? ORDER BY position");
    p.bind(1, id);
    while (p.step())
        row.photoIds.push_back(p.columnInt64(0));
    return row;
}

std::vector<MakeInfo> SqliteListingRepository::makesWithCounts()
{
    auto c = m_pool.acquire();
    Statement& s = c->prepare(
        "SELECT mk.id, mk.name, md.id, md.name, COALESCE(n.cnt, 0)"
        " FROM makes mk"
        " LEFT JOIN models md ON md.make_id = mk.id"
        " LEFT JOIN (SELECT model_id, count(*) AS cnt FROM listings WHERE status = 'active' GROUP BY model_id) n"
        "   ON n.model_id = md.id"
        " ORDER BY mk.name COLLATE NOCASE, mk.id, md.name COLLATE NOCASE, md.id");
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
    return makes;
}

std::vector<City> SqliteListingRepository::citiesWithCounts()
{
    auto c = m_pool.acquire();
    Statement& s = c->prepare(
        "SELECT c.id, c.name, c.country, COALESCE(n.cnt, 0)"
        " FROM cities c"
        " LEFT JOIN (SELECT city_id, count(*) AS cnt FROM listings WHERE status = 'active' GROUP BY city_id) n"
        "   ON n.city_id = c.id"
        " ORDER BY c.country = 'BH', c.name COLLATE NOCASE, c.id");
    std::vector<City> cities;
    while (s.step()) {
        City city;
        city.id = s.columnInt64(0);
        city.name = s.columnText(1);
        city.country = enumColumn<Country>(s, 2);
        city.count = s.columnInt64(3);
        cities.push_back(std::move(city));
    }
    return cities;
}

std::int64_t SqliteListingRepository::countActiveListings()
{
    auto c = m_pool.acquire();
    Statement& s = c->prepare("SELECT count(*) FROM listings WHERE status = 'active'");
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

std::int64_t SqliteListingRepository::countAllListings()
{
    auto c = m_pool.acquire();
    Statement& s = c->prepare("SELECT count(*) FROM listings");
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

std::optional<PhotoSpec> SqliteListingRepository::findPhoto(std::int64_t photoId)
{
    auto c = m_pool.acquire();
    Statement& s =
        c->prepare("SELECT p.id, p.position, p.kind, p.backdrop, p.seed, p.listing_id, l.body, l.color, l.year"
                   " FROM photos p JOIN listings l ON l.id = p.listing_id"
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
    s.reset();
    return spec;
}

void SqliteListingRepository::optimize()
{
    auto c = m_pool.acquire();
    c->exec("ANALYZE; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
}

// [SECTION] Bulk import

namespace {

class SqliteBulkWriter final : public BulkWriter {
public:
    explicit SqliteBulkWriter(ConnectionPool::Lease lease) : m_conn(std::move(lease))
    {
        // A big page cache for the import only, and foreign keys checked once at the end
        // (PRAGMA foreign_key_check in commit) instead of per row; both reset afterwards.
        m_conn->exec("PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE");
        // Into an empty store, building the secondary indexes once at the end (a sort)
        // is several times faster than updating them row by row. Their definitions are
        // read back from the schema, so this stays right whatever the migrations add.
        Statement& count = m_conn->prepare("SELECT count(*) FROM listings");
        const bool empty = count.step() && count.columnInt64(0) == 0;
        count.reset();
        if (!empty) return;
        Statement& s = m_conn->prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                       " AND tbl_name IN ('listings', 'photos')");
        while (s.step())
            m_deferredIndexes.emplace_back(s.columnText(0), s.columnText(1));
        for (const auto& [name, sql] : m_deferredIndexes) {
            // Names come from sqlite_master, not from a client; quoted as identifiers.
            m_conn->exec(("DROP INDEX \"" + name + "\"").c_str());
        }
    }
    ~SqliteBulkWriter() override
    {
        try {
            // Rolling back also brings back any index dropped above.
            if (m_open) m_conn->exec("ROLLBACK");
            m_conn->exec("PRAGMA cache_size = -32768; PRAGMA foreign_keys = ON");
        } catch (...) {
            // Nothing useful to do in a destructor; the connection closes the transaction.
        }
    }

    void addMake(const MakeRecord& r) override
    {
        m_conn->prepare("INSERT INTO makes(id, name, search_aliases) VALUES (?, ?, ?)")
            .bind(1, r.id)
            .bind(2, std::string_view(r.name))
            .bind(3, std::string_view(r.searchAliases))
            .run();
        m_makeText[r.id] = r.searchAliases.empty() ? r.name : r.name + " " + r.searchAliases;
    }
    void addModel(const ModelRecord& r) override
    {
        m_conn->prepare("INSERT INTO models(id, make_id, name, search_aliases) VALUES (?, ?, ?, ?)")
            .bind(1, r.id)
            .bind(2, r.makeId)
            .bind(3, std::string_view(r.name))
            .bind(4, std::string_view(r.searchAliases))
            .run();
        m_modelText[r.id] = r.searchAliases.empty() ? r.name : r.name + " " + r.searchAliases;
    }
    void addCity(const CityRecord& r) override
    {
        m_conn->prepare("INSERT INTO cities(id, name, country) VALUES (?, ?, ?)")
            .bind(1, r.id)
            .bind(2, std::string_view(r.name))
            .bind(3, toString(r.country))
            .run();
    }
    void addSeller(const SellerRecord& r) override
    {
        m_conn->prepare("INSERT INTO sellers(id, name, kind, city_id, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, r.id)
            .bind(2, std::string_view(r.name))
            .bind(3, toString(r.kind))
            .bind(4, r.cityId)
            .bind(5, std::string_view(r.phone))
            .bind(6, std::string_view(r.createdAt))
            .run();
    }
    void addListing(const ListingRecord& r) override
    {
        Statement& s = m_conn->prepare(
            "INSERT INTO listings(id, seller_id, make_id, model_id, year, price_minor, currency, price_kzt,"
            " mileage_km, body, fuel, transmission, drive, engine_litres, power_hp, color, vin, city_id, country,"
            " title, description, created_at, status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')");
        s.bind(1, r.id);
        s.bind(2, r.sellerId);
        s.bind(3, r.makeId);
        s.bind(4, r.modelId);
        s.bind(5, r.year);
        s.bind(6, r.price.amountMinor);
        s.bind(7, toString(r.price.currency));
        s.bind(8, toKztWhole(r.price));
        s.bind(9, r.mileageKm);
        s.bind(10, toString(r.body));
        s.bind(11, toString(r.fuel));
        s.bind(12, toString(r.transmission));
        s.bind(13, toString(r.drive));
        s.bind(14, r.engineLitres);
        s.bind(15, r.powerHp);
        s.bind(16, std::string_view(r.color));
        s.bind(17, std::string_view(r.vin));
        s.bind(18, r.cityId);
        s.bind(19, toString(r.country));
        s.bind(20, std::string_view(r.title));
        s.bind(21, std::string_view(r.description));
        s.bind(22, std::string_view(r.createdAt));
        s.run();

        m_conn->prepare("INSERT INTO listings_fts(rowid, title, make, model, description) VALUES (?, ?, ?, ?, ?)")
            .bind(1, r.id)
            .bind(2, std::string_view(r.title))
            .bind(3, std::string_view(nameText(m_makeText, "makes", r.makeId)))
            .bind(4, std::string_view(nameText(m_modelText, "models", r.modelId)))
            .bind(5, std::string_view(r.description))
            .run();

        Statement& p = m_conn->prepare(
            "INSERT INTO photos(id, listing_id, position, kind, backdrop, seed) VALUES (?, ?, ?, ?, ?, ?)");
        for (const PhotoRecord& photo : r.photos) {
            p.bind(1, photo.id)
                .bind(2, r.id)
                .bind(3, photo.position)
                .bind(4, toString(photo.kind))
                .bind(5, toString(photo.backdrop))
                .bind(6, std::int64_t{photo.seed})
                .run();
        }
    }
    void commit() override
    {
        Statement& fk = m_conn->prepare("PRAGMA foreign_key_check");
        const bool broken = fk.step();
        const std::string table = broken ? fk.columnText(0) : std::string();
        fk.reset();
        if (broken) throw StorageError("bulk import violates a foreign key in table " + table);
        for (const auto& [name, sql] : m_deferredIndexes)
            m_conn->exec(sql.c_str());
        m_conn->exec("COMMIT");
        m_open = false;
    }

private:
    // Searchable text of a make or model, from this import or, failing that, the table.
    const std::string& nameText(std::unordered_map<std::int64_t, std::string>& cache, const char* table,
                                std::int64_t id)
    {
        auto it = cache.find(id);
        if (it != cache.end()) return it->second;
        const std::string sql = std::string("SELECT name || ' ' || search_aliases FROM ") +
                                (std::string_view(table) == "makes" ? "makes" : "models") + " WHERE id = ?";
        Statement& s = m_conn->prepare(sql);
        s.bind(1, id);
        std::string text = s.step() ? s.columnText(0) : std::string();
        s.reset();
        return cache[id] = std::move(text);
    }

    ConnectionPool::Lease m_conn;
    bool m_open = true;
    std::vector<std::pair<std::string, std::string>> m_deferredIndexes; // name, CREATE INDEX sql
    std::unordered_map<std::int64_t, std::string> m_makeText, m_modelText;
};

} // namespace

std::unique_ptr<BulkWriter> SqliteListingRepository::beginBulkImport()
{
    return std::make_unique<SqliteBulkWriter>(m_pool.acquire());
}

} // namespace sqlite
} // namespace dongelek::server
