#include "server/features/editor/editor_repository.hpp"

#include "core/money.hpp"
#include "core/text_format.hpp"

#include <algorithm>
#include <set>

namespace dongelek::server::editor {

namespace {

using db::Connection;
using db::Statement;

constexpr const char* kDraftColumns = "id, COALESCE(listing_id, 0), version, document, created_at, updated_at";

DraftRow readDraft(const Statement& s)
{
    DraftRow r;
    r.id = s.columnInt64(0);
    r.listingId = s.columnInt64(1);
    r.version = s.columnInt(2);
    r.document = s.columnText(3);
    r.createdAt = s.columnInt64(4);
    r.updatedAt = s.columnInt64(5);
    return r;
}

template <typename F> auto privately(db::Database& db, F&& body)
{
    return db::inTransaction(db, db::Visibility::Private, std::forward<F>(body));
}

std::optional<DraftRow> draftIn(Connection& c, std::int64_t userId, std::int64_t draftId)
{
    Statement& s = c.prepare(std::string("SELECT ") + kDraftColumns + " FROM listing_drafts WHERE id = ? AND user_id = ?");
    s.bind(1, draftId).bind(2, userId);
    std::optional<DraftRow> out;
    if (s.step()) out = readDraft(s);
    s.reset();
    return out;
}

// The listing's status columns for a seller's status.
struct StatusColumns {
    const char* status;
    int unpublished;
};
StatusColumns columnsOf(SellerStatus s)
{
    switch (s) {
    case SellerStatus::Published: return {"active", 0};
    case SellerStatus::Unpublished: return {"removed", 1};
    case SellerStatus::Sold: return {"sold", 0};
    }
    return {"active", 0};
}

SellerStatus statusOf(const std::string& status, bool unpublished)
{
    if (status == "sold") return SellerStatus::Sold;
    if (status == "removed" && unpublished) return SellerStatus::Unpublished;
    return SellerStatus::Published;
}

// The texts SQLite's contentless FTS5 table holds for a listing (the bulk import writes the
// same): title, make and model with their other spellings, description.
struct SearchTexts {
    std::string title, make, model, description;
};
std::optional<SearchTexts> searchTextsIn(Connection& c, std::int64_t listingId)
{
    Statement& s = c.prepare(
        "SELECT l.title,"
        " CASE WHEN mk.search_aliases = '' THEN mk.name ELSE mk.name || ' ' || mk.search_aliases END,"
        " CASE WHEN md.search_aliases = '' THEN md.name ELSE md.name || ' ' || md.search_aliases END, l.description"
        " FROM listings l JOIN makes mk ON mk.id = l.make_id JOIN models md ON md.id = l.model_id WHERE l.id = ?");
    s.bind(1, listingId);
    std::optional<SearchTexts> out;
    if (s.step()) out = SearchTexts{s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3)};
    s.reset();
    return out;
}

// Replaces the listing's search text with its current row's (after an insert or update).
void indexSearch(Connection& c, std::int64_t listingId, const std::optional<SearchTexts>& before)
{
    if (c.engine() == db::Engine::Postgres) {
        c.prepare("DELETE FROM listings_search WHERE listing_id = ?").bind(1, listingId).run();
        c.prepare("INSERT INTO listings_search(listing_id, document)"
                  " SELECT l.id, dongelek_search_document(l.title, mk.name || ' ' || mk.search_aliases,"
                  "                                       md.name || ' ' || md.search_aliases, l.description)"
                  " FROM listings l JOIN makes mk ON mk.id = l.make_id JOIN models md ON md.id = l.model_id"
                  " WHERE l.id = ?")
            .bind(1, listingId)
            .run();
        return;
    }
    // Contentless FTS5: an entry is removed with the values it was added with.
    if (before)
        c.prepare("INSERT INTO listings_fts(listings_fts, rowid, title, make, model, description)"
                  " VALUES ('delete', ?, ?, ?, ?, ?)")
            .bind(1, listingId)
            .bind(2, before->title)
            .bind(3, before->make)
            .bind(4, before->model)
            .bind(5, before->description)
            .run();
    const std::optional<SearchTexts> now = searchTextsIn(c, listingId);
    if (!now) return;
    c.prepare("INSERT INTO listings_fts(rowid, title, make, model, description) VALUES (?, ?, ?, ?, ?)")
        .bind(1, listingId)
        .bind(2, now->title)
        .bind(3, now->make)
        .bind(4, now->model)
        .bind(5, now->description)
        .run();
}

// The seller row of a user: created on their first listing.
std::int64_t sellerFor(Connection& c, std::int64_t userId, const SellerAccount& account, std::int64_t cityId,
                       std::int64_t now)
{
    Statement& find = c.prepare("SELECT id FROM sellers WHERE user_id = ? ORDER BY id LIMIT 1");
    find.bind(1, userId);
    const std::int64_t existing = find.step() ? find.columnInt64(0) : 0;
    find.reset();
    if (existing) {
        // The phone buyers are shown follows the account's confirmed one.
        c.prepare("UPDATE sellers SET phone = ? WHERE id = ?").bind(1, account.phone).bind(2, existing).run();
        return existing;
    }
    Statement& add = c.prepare("INSERT INTO sellers(name, kind, city_id, phone, created_at, user_id)"
                               " VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    // A dealer only once an administrator approved the account (a self-registered dealer
    // sells as a private seller until then; the approval turns its seller rows into dealers).
    add.bind(1, account.displayName)
        .bind(2, account.role == AccountRole::Dealer && account.dealerApproved ? "dealer" : "private")
        .bind(3, cityId)
        .bind(4, account.phone)
        .bind(5, isoTimestamp(now))
        .bind(6, userId);
    if (!add.step()) throw StorageError("seller insert returned no row");
    const std::int64_t id = add.columnInt64(0);
    add.reset();
    return id;
}

} // namespace

std::string_view toString(SellerStatus s)
{
    switch (s) {
    case SellerStatus::Published: return "published";
    case SellerStatus::Unpublished: return "unpublished";
    case SellerStatus::Sold: return "sold";
    }
    return "published";
}

// [SECTION] Drafts

std::vector<DraftRow> EditorRepository::drafts(std::int64_t userId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(std::string("SELECT ") + kDraftColumns +
                              " FROM listing_drafts WHERE user_id = ? ORDER BY updated_at DESC, id DESC");
    s.bind(1, userId);
    std::vector<DraftRow> out;
    while (s.step())
        out.push_back(readDraft(s));
    s.reset();
    return out;
}

std::optional<DraftRow> EditorRepository::findDraft(std::int64_t userId, std::int64_t draftId)
{
    auto c = m_db.acquire();
    return draftIn(*c, userId, draftId);
}

std::int64_t EditorRepository::countDrafts(std::int64_t userId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT count(*) FROM listing_drafts WHERE user_id = ?");
    s.bind(1, userId);
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

DraftRow EditorRepository::createDraft(std::int64_t userId, std::int64_t listingId, const std::string& document,
                                       std::int64_t now)
{
    return privately(m_db, [&](Connection& c) {
        if (listingId > 0) {
            Statement& s = c.prepare(std::string("SELECT ") + kDraftColumns +
                                     " FROM listing_drafts WHERE listing_id = ? AND user_id = ?");
            s.bind(1, listingId).bind(2, userId);
            std::optional<DraftRow> existing;
            if (s.step()) existing = readDraft(s);
            s.reset();
            if (existing) return *existing;
        }
        Statement& s = c.prepare(std::string("INSERT INTO listing_drafts(user_id, listing_id, version, document, "
                                             "created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?) RETURNING ") +
                                 kDraftColumns);
        s.bind(1, userId);
        if (listingId > 0) s.bind(2, listingId);
        else s.bindNull(2);
        s.bind(3, document).bind(4, now).bind(5, now);
        if (!s.step()) throw StorageError("draft insert returned no row");
        DraftRow r = readDraft(s);
        s.reset();
        return r;
    });
}

SaveOutcome EditorRepository::saveDraft(std::int64_t userId, std::int64_t draftId, int baseVersion,
                                        const std::string& document, std::int64_t now)
{
    return privately(m_db, [&](Connection& c) {
        Statement& s = c.prepare(std::string("UPDATE listing_drafts SET document = ?, version = version + 1, updated_at = ?"
                                             " WHERE id = ? AND user_id = ? AND version = ? RETURNING ") +
                                 kDraftColumns);
        s.bind(1, document).bind(2, now).bind(3, draftId).bind(4, userId).bind(5, baseVersion);
        SaveOutcome out;
        if (s.step()) {
            out.kind = SaveOutcome::Kind::Saved;
            out.row = readDraft(s);
        }
        s.reset();
        if (out.kind == SaveOutcome::Kind::Saved) return out;
        if (std::optional<DraftRow> current = draftIn(c, userId, draftId)) {
            out.kind = SaveOutcome::Kind::Conflict;
            out.row = std::move(*current);
        }
        return out;
    });
}

bool EditorRepository::deleteDraft(std::int64_t userId, std::int64_t draftId)
{
    return privately(m_db, [&](Connection& c) {
        Statement& s = c.prepare("DELETE FROM listing_drafts WHERE id = ? AND user_id = ? RETURNING id");
        s.bind(1, draftId).bind(2, userId);
        const bool gone = s.step();
        s.reset();
        return gone;
    });
}

// [SECTION] Uploads

EditorRepository::PutUpload EditorRepository::putUpload(std::int64_t userId, const UploadRow& upload, std::int64_t now)
{
    return privately(m_db, [&](Connection& c) {
        PutUpload out;
        Statement& old = c.prepare("SELECT storage_key FROM uploads WHERE user_id = ? AND client_key = ?");
        old.bind(1, userId).bind(2, upload.clientKey);
        if (old.step()) out.replacedStorageKey = old.columnText(0);
        old.reset();
        Statement& s = c.prepare(
            "INSERT INTO uploads(user_id, client_key, storage_key, width, height, bytes, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, client_key) DO UPDATE SET"
            " storage_key = excluded.storage_key, width = excluded.width, height = excluded.height,"
            " bytes = excluded.bytes, created_at = excluded.created_at RETURNING id");
        s.bind(1, userId)
            .bind(2, upload.clientKey)
            .bind(3, upload.storageKey)
            .bind(4, upload.width)
            .bind(5, upload.height)
            .bind(6, upload.bytes)
            .bind(7, now);
        if (!s.step()) throw StorageError("upload insert returned no row");
        out.row = upload;
        out.row.id = s.columnInt64(0);
        s.reset();
        return out;
    });
}

std::optional<UploadRow> EditorRepository::findUpload(std::int64_t userId, std::int64_t uploadId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(
        "SELECT id, client_key, storage_key, width, height, bytes FROM uploads WHERE id = ? AND user_id = ?");
    s.bind(1, uploadId).bind(2, userId);
    std::optional<UploadRow> out;
    if (s.step())
        out = UploadRow{s.columnInt64(0), s.columnText(1), s.columnText(2), s.columnInt(3), s.columnInt(4), s.columnInt64(5)};
    s.reset();
    return out;
}

std::int64_t EditorRepository::countUploads(std::int64_t userId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT count(*) FROM uploads WHERE user_id = ?");
    s.bind(1, userId);
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

// [SECTION] Sellers and the catalog

SellerAccount EditorRepository::sellerAccount(std::int64_t userId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(
        "SELECT u.display_name, COALESCE(u.phone, ''), u.email_verified_at IS NOT NULL, u.role,"
        " COALESCE((SELECT min(id) FROM sellers WHERE user_id = u.id), 0), u.dealer_approved_at IS NOT NULL"
        " FROM users u WHERE u.id = ?");
    s.bind(1, userId);
    SellerAccount a;
    if (s.step()) {
        a.displayName = s.columnText(0);
        a.phone = s.columnText(1);
        a.emailVerified = s.columnInt(2) != 0;
        a.role = parseAccountRole(s.columnText(3)).value_or(AccountRole::Buyer);
        a.sellerId = s.columnInt64(4);
        a.dealerApproved = s.columnInt(5) != 0;
    }
    s.reset();
    return a;
}

CatalogCheck EditorRepository::checkCatalog(const ListingDraft& d)
{
    auto c = m_db.acquire();
    CatalogCheck out;
    if (d.makeId) {
        Statement& s = c->prepare("SELECT name FROM makes WHERE id = ?");
        s.bind(1, *d.makeId);
        if (s.step()) {
            out.makeKnown = true;
            out.makeName = s.columnText(0);
        }
        s.reset();
    }
    if (d.modelId && d.makeId) {
        Statement& s = c->prepare("SELECT name FROM models WHERE id = ? AND make_id = ?");
        s.bind(1, *d.modelId).bind(2, *d.makeId);
        if (s.step()) {
            out.modelOfMake = true;
            out.modelName = s.columnText(0);
        }
        s.reset();
    }
    if (d.cityId) {
        Statement& s = c->prepare("SELECT country FROM cities WHERE id = ?");
        s.bind(1, *d.cityId);
        if (s.step()) {
            out.cityKnown = true;
            out.country = parseEnum<Country>(s.columnText(0)).value_or(Country::KZ);
        }
        s.reset();
    }
    return out;
}

// [SECTION] Publishing

EditorRepository::PublishOutcome EditorRepository::publish(std::int64_t userId, std::int64_t draftId, int baseVersion,
                                                           const PublishRecord& record, const SellerAccount& account,
                                                           std::int64_t now)
{
    // Public: buyers' searches change.
    return db::inTransaction(m_db, db::Visibility::Public, [&](Connection& c) {
        PublishOutcome out;
        const std::optional<DraftRow> draft = draftIn(c, userId, draftId);
        if (!draft) return out;
        if (draft->version != baseVersion) {
            out.kind = SaveOutcome::Kind::Conflict;
            out.current = *draft;
            return out;
        }
        const ListingDraft& d = record.draft;
        const std::int64_t sellerId = sellerFor(c, userId, account, d.cityId.value_or(0), now);
        const Money price{d.priceMinor.value_or(0), d.currency};
        std::int64_t listingId = draft->listingId;
        std::optional<SearchTexts> before;
        // The columns both statements write, in this order.
        auto bindFields = [&](Statement& s, int first) {
            int i = first;
            auto put = [&](auto value) { s.bind(i++, value); };
            put(*d.makeId);
            put(*d.modelId);
            put(*d.year);
            put(price.amountMinor);
            put(toString(price.currency));
            put(toKztWhole(price));
            put(*d.mileageKm);
            put(toString(*d.body));
            put(toString(*d.fuel));
            put(toString(*d.transmission));
            put(toString(*d.drive));
            put(d.engineLitres.value_or(0.0));
            put(*d.powerHp);
            put(std::string_view(d.color));
            put(std::string_view(d.vin));
            put(*d.cityId);
            put(toString(record.country));
            put(std::string_view(record.title));
            put(std::string_view(d.description));
            put(std::string_view(d.trim));
            put(toString(*d.condition));
            put(d.owners.value_or(0));
            put(toString(d.steering.value_or(Steering::Left)));
            put(d.customsCleared.value_or(true) ? 1 : 0);
            put(d.accidents.value_or(0));
            put(now);
            put(record.vinVerified ? 1 : 0);
            return i;
        };
        if (listingId == 0) {
            Statement& s = c.prepare(
                "INSERT INTO listings(make_id, model_id, year, price_minor, currency, price_kzt, mileage_km, body, fuel,"
                " transmission, drive, engine_litres, power_hp, color, vin, city_id, country, title, description, trim,"
                " condition, owners, steering, customs_cleared, accidents, updated_at, vin_verified, seller_id, created_at,"
                " status, has_spin, unpublished, version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active',"
                " 0, 0, 1) RETURNING id");
            const int next = bindFields(s, 1);
            s.bind(next, sellerId).bind(next + 1, record.createdAt);
            if (!s.step()) throw StorageError("listing insert returned no row");
            listingId = s.columnInt64(0);
            s.reset();
        } else {
            // An edit of a published listing: it must still be this user's.
            Statement& own = c.prepare("SELECT l.price_minor, l.currency, l.created_at, l.updated_at FROM listings l"
                                       " JOIN sellers s ON s.id = l.seller_id WHERE l.id = ? AND s.user_id = ?"
                                       " AND NOT (l.status = 'removed' AND l.unpublished = 0)");
            own.bind(1, listingId).bind(2, userId);
            if (!own.step()) {
                own.reset();
                return out;
            }
            const Money oldPrice{own.columnInt64(0), parseEnum<Currency>(own.columnText(1)).value_or(Currency::KZT)};
            const std::string since = own.columnInt64(3) > 0 ? isoTimestamp(own.columnInt64(3)) : own.columnText(2);
            own.reset();
            if (!(oldPrice == price))
                c.prepare("INSERT INTO price_history(listing_id, changed_at, price_minor, currency) VALUES (?, ?, ?, ?)")
                    .bind(1, listingId)
                    .bind(2, since)
                    .bind(3, oldPrice.amountMinor)
                    .bind(4, toString(oldPrice.currency))
                    .run();
            before = searchTextsIn(c, listingId);
            Statement& s = c.prepare(
                "UPDATE listings SET make_id = ?, model_id = ?, year = ?, price_minor = ?, currency = ?, price_kzt = ?,"
                " mileage_km = ?, body = ?, fuel = ?, transmission = ?, drive = ?, engine_litres = ?, power_hp = ?,"
                " color = ?, vin = ?, city_id = ?, country = ?, title = ?, description = ?, trim = ?, condition = ?,"
                " owners = ?, steering = ?, customs_cleared = ?, accidents = ?, updated_at = ?, vin_verified = ?,"
                " version = version + 1 WHERE id = ?");
            const int next = bindFields(s, 1);
            s.bind(next, listingId).run();
        }
        // The photos in the draft's order: the listing's own ones keep their ids (their files
        // and cached URLs stay), uploads get new rows.
        struct Kept {
            std::string kind, backdrop;
            std::int64_t seed = 0;
            std::int64_t uploadId = 0;
        };
        std::vector<std::pair<std::int64_t, Kept>> existing;
        {
            Statement& s = c.prepare("SELECT id, kind, backdrop, seed, COALESCE(upload_id, 0) FROM photos WHERE listing_id = ?");
            s.bind(1, listingId);
            while (s.step())
                existing.push_back({s.columnInt64(0), {s.columnText(1), s.columnText(2), s.columnInt64(3), s.columnInt64(4)}});
            s.reset();
        }
        c.prepare("DELETE FROM photos WHERE listing_id = ?").bind(1, listingId).run();
        int position = 0;
        std::set<std::int64_t> usedUploads;
        for (const DraftPhoto& p : d.photos) {
            if (p.photoId > 0) {
                const auto it = std::find_if(existing.begin(), existing.end(), [&](const auto& e) { return e.first == p.photoId; });
                if (it == existing.end()) continue; // not this listing's: dropped
                Statement& s = c.prepare("INSERT INTO photos(id, listing_id, position, kind, backdrop, seed, upload_id)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?)");
                s.bind(1, p.photoId).bind(2, listingId).bind(3, position++).bind(4, it->second.kind);
                s.bind(5, it->second.backdrop).bind(6, it->second.seed);
                if (it->second.uploadId > 0) s.bind(7, it->second.uploadId);
                else s.bindNull(7);
                s.run();
                continue;
            }
            if (p.uploadId <= 0 || !usedUploads.insert(p.uploadId).second) continue;
            // Only the user's own uploads.
            Statement& mine = c.prepare("SELECT 1 FROM uploads WHERE id = ? AND user_id = ?");
            mine.bind(1, p.uploadId).bind(2, userId);
            const bool ok = mine.step();
            mine.reset();
            if (!ok) continue;
            c.prepare("INSERT INTO photos(listing_id, position, kind, backdrop, seed, upload_id)"
                      " VALUES (?, ?, 'side', 'street', 0, ?)")
                .bind(1, listingId)
                .bind(2, position++)
                .bind(3, p.uploadId)
                .run();
        }
        indexSearch(c, listingId, before);
        c.prepare("DELETE FROM listing_drafts WHERE id = ?").bind(1, draftId).run();
        out.kind = SaveOutcome::Kind::Saved;
        out.listingId = listingId;
        return out;
    });
}

// [SECTION] The seller's listings

namespace {

constexpr const char* kOwnColumns =
    "SELECT l.id, l.title, l.year, l.price_minor, l.currency, l.status, l.unpublished, l.created_at, l.version,"
    " COALESCE((SELECT p.id FROM photos p WHERE p.listing_id = l.id ORDER BY p.position LIMIT 1), 0),"
    " (SELECT count(*) FROM photos p WHERE p.listing_id = l.id),"
    " COALESCE((SELECT d.id FROM listing_drafts d WHERE d.listing_id = l.id), 0),"
    // What the dashboard shows beside each: views (features/stats), saves and contact requests.
    " (SELECT count(*) FROM listing_views v WHERE v.listing_id = l.id),"
    " (SELECT count(*) FROM favorites f WHERE f.listing_id = l.id),"
    " (SELECT count(*) FROM contact_events e WHERE e.listing_id = l.id)"
    " FROM listings l JOIN sellers s ON s.id = l.seller_id"
    " WHERE s.user_id = ? AND NOT (l.status = 'removed' AND l.unpublished = 0)";

OwnListing readOwn(const Statement& s)
{
    OwnListing o;
    o.id = s.columnInt64(0);
    o.title = s.columnText(1);
    o.year = s.columnInt(2);
    o.price = Money{s.columnInt64(3), parseEnum<Currency>(s.columnText(4)).value_or(Currency::KZT)};
    o.status = statusOf(s.columnText(5), s.columnInt(6) != 0);
    o.createdAt = s.columnText(7);
    o.version = s.columnInt(8);
    o.coverPhotoId = s.columnInt64(9);
    o.photoCount = s.columnInt(10);
    o.draftId = s.columnInt64(11);
    o.views = s.columnInt64(12);
    o.favorites = s.columnInt64(13);
    o.contacts = s.columnInt64(14);
    return o;
}

} // namespace

std::vector<OwnListing> EditorRepository::ownListings(std::int64_t userId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(std::string(kOwnColumns) + " ORDER BY l.created_at DESC, l.id DESC");
    s.bind(1, userId);
    std::vector<OwnListing> out;
    while (s.step())
        out.push_back(readOwn(s));
    s.reset();
    return out;
}

std::optional<OwnListing> EditorRepository::ownListing(std::int64_t userId, std::int64_t listingId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(std::string(kOwnColumns) + " AND l.id = ?");
    s.bind(1, userId).bind(2, listingId);
    std::optional<OwnListing> out;
    if (s.step()) out = readOwn(s);
    s.reset();
    return out;
}

std::optional<ListingDraft> EditorRepository::listingAsDraft(std::int64_t userId, std::int64_t listingId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(
        "SELECT l.vin, l.make_id, l.model_id, l.year, l.trim, l.body, l.fuel, l.transmission, l.drive, l.engine_litres,"
        " l.power_hp, l.color, l.condition, l.mileage_km, l.owners, l.accidents, l.steering, l.customs_cleared,"
        " l.price_minor, l.currency, l.city_id, l.description FROM listings l JOIN sellers s ON s.id = l.seller_id"
        " WHERE l.id = ? AND s.user_id = ? AND NOT (l.status = 'removed' AND l.unpublished = 0)");
    s.bind(1, listingId).bind(2, userId);
    if (!s.step()) {
        s.reset();
        return std::nullopt;
    }
    ListingDraft d;
    d.vin = s.columnText(0);
    d.makeId = s.columnInt64(1);
    d.modelId = s.columnInt64(2);
    d.year = s.columnInt(3);
    d.trim = s.columnText(4);
    d.body = parseEnum<Body>(s.columnText(5));
    d.fuel = parseEnum<Fuel>(s.columnText(6));
    d.transmission = parseEnum<Transmission>(s.columnText(7));
    d.drive = parseEnum<Drive>(s.columnText(8));
    if (s.columnDouble(9) > 0) d.engineLitres = s.columnDouble(9);
    d.powerHp = s.columnInt(10);
    d.color = s.columnText(11);
    d.condition = parseEnum<Condition>(s.columnText(12));
    d.mileageKm = s.columnInt(13);
    d.owners = s.columnInt(14);
    d.accidents = s.columnInt(15);
    d.steering = parseEnum<Steering>(s.columnText(16));
    d.customsCleared = s.columnInt(17) != 0;
    d.priceMinor = s.columnInt64(18);
    d.currency = parseEnum<Currency>(s.columnText(19)).value_or(Currency::KZT);
    d.cityId = s.columnInt64(20);
    d.description = s.columnText(21);
    s.reset();
    Statement& p = c->prepare("SELECT p.id, COALESCE(u.width, 0), COALESCE(u.height, 0) FROM photos p"
                              " LEFT JOIN uploads u ON u.id = p.upload_id WHERE p.listing_id = ? ORDER BY p.position");
    p.bind(1, listingId);
    while (p.step()) {
        DraftPhoto photo;
        photo.photoId = p.columnInt64(0);
        photo.key = "photo-" + std::to_string(photo.photoId);
        photo.width = p.columnInt(1);
        photo.height = p.columnInt(2);
        d.photos.push_back(std::move(photo));
    }
    p.reset();
    return d;
}

bool EditorRepository::setStatus(std::int64_t userId, std::int64_t listingId, SellerStatus status, std::int64_t now)
{
    return db::inTransaction(m_db, db::Visibility::Public, [&](Connection& c) {
        const StatusColumns to = columnsOf(status);
        Statement& s = c.prepare(
            "UPDATE listings SET status = ?, unpublished = ?, updated_at = ? WHERE id = ?"
            " AND seller_id IN (SELECT id FROM sellers WHERE user_id = ?)"
            " AND NOT (status = 'removed' AND unpublished = 0) RETURNING id");
        s.bind(1, to.status).bind(2, to.unpublished).bind(3, now).bind(4, listingId).bind(5, userId);
        const bool changed = s.step();
        s.reset();
        return changed;
    });
}

bool EditorRepository::deleteListing(std::int64_t userId, std::int64_t listingId, std::int64_t now)
{
    return db::inTransaction(m_db, db::Visibility::Public, [&](Connection& c) {
        Statement& s = c.prepare(
            "UPDATE listings SET status = 'removed', unpublished = 0, updated_at = ? WHERE id = ?"
            " AND seller_id IN (SELECT id FROM sellers WHERE user_id = ?)"
            " AND NOT (status = 'removed' AND unpublished = 0) RETURNING id");
        s.bind(1, now).bind(2, listingId).bind(3, userId);
        const bool changed = s.step();
        s.reset();
        if (changed) c.prepare("DELETE FROM listing_drafts WHERE listing_id = ?").bind(1, listingId).run();
        return changed;
    });
}

} // namespace dongelek::server::editor
