// The seller's listings and drafts many at once, for features/dealer: a bulk change of status
// or price in one transaction, drafts from an imported file in one transaction, and the
// catalog's names an import looks values up in. Every query names its owner, as in
// editor_repository.cpp.

#include "server/features/editor/editor_repository.hpp"

#include "core/money.hpp"
#include "core/text_format.hpp"

#include <algorithm>
#include <set>

namespace dongelek::server::editor {

namespace {

using db::Connection;
using db::Statement;

SellerStatus bulkStatusOf(const std::string& status, bool unpublished)
{
    if (status == "sold") return SellerStatus::Sold;
    if (status == "removed" && unpublished) return SellerStatus::Unpublished;
    return SellerStatus::Published;
}

// The listing's status columns for a seller's status (as the status route writes them).
struct BulkStatusColumns {
    const char* status;
    int unpublished;
};
BulkStatusColumns bulkColumnsOf(SellerStatus s)
{
    switch (s) {
    case SellerStatus::Published: return {"active", 0};
    case SellerStatus::Unpublished: return {"removed", 1};
    case SellerStatus::Sold: return {"sold", 0};
    }
    return {"active", 0};
}

} // namespace

std::vector<EditorRepository::BulkTarget> EditorRepository::bulkUpdate(std::int64_t userId,
                                                                        const std::vector<std::int64_t>& ids,
                                                                        const BulkPlan& plan, std::int64_t now)
{
    // Public: buyers' searches change. Rolled back (by the destructor) unless something was written.
    auto lease = m_db.acquire();
    db::WriteTransaction tx(lease, db::Visibility::Public);
    Connection& c = tx.connection();
    // SQLite's write transaction holds the database already; PostgreSQL locks the rows read.
    const std::string find =
        std::string("SELECT l.id, l.price_minor, l.currency, l.status, l.unpublished, l.created_at, l.updated_at"
                    " FROM listings l JOIN sellers s ON s.id = l.seller_id WHERE l.id = ? AND s.user_id = ?"
                    " AND NOT (l.status = 'removed' AND l.unpublished = 0)") +
        (c.engine() == db::Engine::Postgres ? " FOR UPDATE OF l" : "");
    std::vector<BulkTarget> targets;
    std::vector<std::string> since; // when each target's current price was set (for its history)
    std::set<std::int64_t> seen;
    for (std::int64_t id : ids) {
        if (!seen.insert(id).second) continue;
        Statement& s = c.prepare(find);
        s.bind(1, id).bind(2, userId);
        if (s.step()) {
            BulkTarget t;
            t.id = s.columnInt64(0);
            t.price = Money{s.columnInt64(1), parseEnum<Currency>(s.columnText(2)).value_or(Currency::KZT)};
            t.status = bulkStatusOf(s.columnText(3), s.columnInt(4) != 0);
            targets.push_back(t);
            since.push_back(s.columnInt64(6) > 0 ? isoTimestamp(s.columnInt64(6)) : s.columnText(5));
        }
        s.reset();
    }
    const std::vector<BulkWrite> writes = plan(targets);
    bool wrote = false;
    for (const BulkWrite& w : writes) {
        const auto it = std::find_if(targets.begin(), targets.end(), [&](const BulkTarget& t) { return t.id == w.id; });
        if (it == targets.end()) continue; // only what was read as the user's
        const BulkTarget& t = *it;
        if (w.price && !(*w.price == t.price)) {
            // The old price and since when it was asked, like an edit records it (a second
            // change within the same second keeps the first entry).
            c.prepare("INSERT INTO price_history(listing_id, changed_at, price_minor, currency) VALUES (?, ?, ?, ?)"
                      " ON CONFLICT (listing_id, changed_at) DO NOTHING")
                .bind(1, t.id)
                .bind(2, since[static_cast<std::size_t>(it - targets.begin())])
                .bind(3, t.price.amountMinor)
                .bind(4, toString(t.price.currency))
                .run();
            c.prepare("UPDATE listings SET price_minor = ?, currency = ?, price_kzt = ?, updated_at = ?,"
                      " version = version + 1 WHERE id = ?")
                .bind(1, w.price->amountMinor)
                .bind(2, toString(w.price->currency))
                .bind(3, toKztWhole(*w.price))
                .bind(4, now)
                .bind(5, t.id)
                .run();
            wrote = true;
        }
        if (w.status && *w.status != t.status) {
            const BulkStatusColumns to = bulkColumnsOf(*w.status);
            c.prepare("UPDATE listings SET status = ?, unpublished = ?, updated_at = ? WHERE id = ?")
                .bind(1, to.status)
                .bind(2, to.unpublished)
                .bind(3, now)
                .bind(4, t.id)
                .run();
            wrote = true;
        }
    }
    if (wrote) tx.commit();
    return targets;
}

std::optional<std::vector<DraftRow>> EditorRepository::createDrafts(std::int64_t userId,
                                                                   const std::vector<std::string>& documents,
                                                                   std::int64_t maxTotal, std::int64_t now)
{
    return db::inTransaction(m_db, db::Visibility::Private, [&](Connection& c) -> std::optional<std::vector<DraftRow>> {
        // Two imports of one user at once count one after the other (SQLite's write
        // transaction is exclusive already).
        if (c.engine() == db::Engine::Postgres)
            c.prepare("SELECT id FROM users WHERE id = ? FOR UPDATE").bind(1, userId).run();
        Statement& count = c.prepare("SELECT count(*) FROM listing_drafts WHERE user_id = ?");
        count.bind(1, userId);
        const std::int64_t existing = count.step() ? count.columnInt64(0) : 0;
        count.reset();
        if (existing + static_cast<std::int64_t>(documents.size()) > maxTotal) return std::nullopt;
        std::vector<DraftRow> rows;
        for (const std::string& document : documents) {
            Statement& s = c.prepare("INSERT INTO listing_drafts(user_id, listing_id, version, document, created_at,"
                                     " updated_at) VALUES (?, NULL, 1, ?, ?, ?) RETURNING id, created_at, updated_at");
            s.bind(1, userId).bind(2, document).bind(3, now).bind(4, now);
            if (!s.step()) throw StorageError("draft insert returned no row");
            DraftRow r;
            r.id = s.columnInt64(0);
            r.version = 1;
            r.document = document;
            r.createdAt = s.columnInt64(1);
            r.updatedAt = s.columnInt64(2);
            s.reset();
            rows.push_back(std::move(r));
        }
        return rows;
    });
}

EditorRepository::ImportCatalog EditorRepository::importCatalog()
{
    auto c = m_db.acquire();
    ImportCatalog out;
    {
        Statement& s = c->prepare("SELECT id, name, search_aliases FROM makes ORDER BY id");
        while (s.step()) {
            CatalogName n;
            n.id = s.columnInt64(0);
            n.name = s.columnText(1);
            n.aliases = s.columnText(2);
            out.makes.push_back(std::move(n));
        }
        s.reset();
    }
    {
        Statement& s = c->prepare("SELECT id, make_id, name, search_aliases FROM models ORDER BY id");
        while (s.step()) {
            CatalogName n;
            n.id = s.columnInt64(0);
            n.makeId = s.columnInt64(1);
            n.name = s.columnText(2);
            n.aliases = s.columnText(3);
            out.models.push_back(std::move(n));
        }
        s.reset();
    }
    {
        Statement& s = c->prepare("SELECT id, name, country FROM cities ORDER BY id");
        while (s.step()) {
            CatalogName n;
            n.id = s.columnInt64(0);
            n.name = s.columnText(1);
            n.country = parseEnum<Country>(s.columnText(2)).value_or(Country::KZ);
            out.cities.push_back(std::move(n));
        }
        s.reset();
    }
    return out;
}

} // namespace dongelek::server::editor
