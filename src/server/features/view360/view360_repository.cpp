#include "server/features/view360/view360_repository.hpp"

#include "core/model.hpp"

namespace dongelek::server::view360 {

namespace {

constexpr const char* kHotspotColumns = "id, view, frame, x, y, yaw, pitch, label, note";

Hotspot readHotspot(db::Statement& s)
{
    Hotspot h;
    h.id = s.columnInt64(0);
    h.view = parseHotspotView(s.columnText(1)).value_or(HotspotView::Spin);
    h.frame = s.columnInt(2);
    h.x = s.columnDouble(3);
    h.y = s.columnDouble(4);
    h.yaw = s.columnDouble(5);
    h.pitch = s.columnDouble(6);
    h.label = s.columnText(7);
    h.note = s.columnText(8);
    return h;
}

void bindHotspot(db::Statement& s, int first, const Hotspot& h)
{
    s.bind(first, toString(h.view))
        .bind(first + 1, h.frame)
        .bind(first + 2, h.x)
        .bind(first + 3, h.y)
        .bind(first + 4, h.yaw)
        .bind(first + 5, h.pitch)
        .bind(first + 6, h.label)
        .bind(first + 7, h.note);
}

} // namespace

std::optional<SpinListing> View360Repository::listing(std::int64_t listingId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(
        "SELECT l.status, l.has_spin, l.body, l.color, l.year, se.user_id,"
        " sp.source, sp.frame_count, sp.has_panorama, sp.version"
        " FROM listings l JOIN sellers se ON se.id = l.seller_id LEFT JOIN spins sp ON sp.listing_id = l.id"
        " WHERE l.id = ?");
    s.bind(1, listingId);
    std::optional<SpinListing> out;
    if (s.step()) {
        SpinListing v;
        v.listingId = listingId;
        v.active = s.columnText(0) == "active";
        v.flagged = s.columnInt(1) != 0;
        v.body = parseEnum<Body>(s.columnText(2)).value_or(Body::Sedan);
        v.color = s.columnText(3);
        v.year = s.columnInt(4);
        if (!s.columnIsNull(5)) v.ownerUserId = s.columnInt64(5);
        if (!s.columnIsNull(6)) {
            StoredSpin st;
            st.source = s.columnText(6);
            st.frames = s.columnInt(7);
            st.hasPanorama = s.columnInt(8) != 0;
            st.version = s.columnInt(9);
            v.stored = st;
        }
        out = std::move(v);
    }
    s.reset();
    return out;
}

std::vector<Hotspot> View360Repository::hotspots(std::int64_t listingId)
{
    auto c = m_db.acquire();
    db::Statement& s =
        c->prepare(std::string("SELECT ") + kHotspotColumns + " FROM hotspots WHERE listing_id = ? ORDER BY id");
    s.bind(1, listingId);
    std::vector<Hotspot> out;
    while (s.step())
        out.push_back(readHotspot(s));
    s.reset();
    return out;
}

namespace {
// The six values of a spins row, in the column order both statements use.
db::Statement& bindSpinRow(db::Statement& s, std::int64_t listingId, const StoredSpin& spin, std::int64_t now)
{
    return s.bind(1, listingId)
        .bind(2, spin.source)
        .bind(3, spin.frames)
        .bind(4, spin.hasPanorama ? 1 : 0)
        .bind(5, spin.version)
        .bind(6, now);
}
} // namespace

void View360Repository::materialize(std::int64_t listingId, const StoredSpin& spin, const std::vector<Hotspot>& hotspots,
                                    std::int64_t now)
{
    db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        db::Statement& s = c.prepare(
            "INSERT INTO spins(listing_id, source, frame_count, has_panorama, version, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (listing_id) DO NOTHING RETURNING listing_id");
        bindSpinRow(s, listingId, spin, now);
        const bool inserted = s.step();
        s.reset();
        if (!inserted) return; // another request (or process) wrote it first: its hotspots stand
        for (const Hotspot& h : hotspots) {
            db::Statement& add = c.prepare("INSERT INTO hotspots(listing_id, view, frame, x, y, yaw, pitch, label, note,"
                                           " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            add.bind(1, listingId);
            bindHotspot(add, 2, h);
            add.bind(10, now).run();
        }
    });
}

void View360Repository::replaceSpin(std::int64_t listingId, const StoredSpin& spin, std::int64_t now)
{
    db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        db::Statement& s = c.prepare(
            "INSERT INTO spins(listing_id, source, frame_count, has_panorama, version, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (listing_id) DO UPDATE SET source = excluded.source,"
            " frame_count = excluded.frame_count, has_panorama = excluded.has_panorama, version = excluded.version,"
            " updated_at = excluded.updated_at");
        bindSpinRow(s, listingId, spin, now).run();
        c.prepare("DELETE FROM hotspots WHERE listing_id = ?").bind(1, listingId).run();
        // Cards and the "with 360°" filter read the listing's flag.
        c.prepare("UPDATE listings SET has_spin = 1 WHERE id = ?").bind(1, listingId).run();
    });
}

Hotspot View360Repository::addHotspot(std::int64_t listingId, const Hotspot& h, std::int64_t now)
{
    return db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        db::Statement& s = c.prepare("INSERT INTO hotspots(listing_id, view, frame, x, y, yaw, pitch, label, note,"
                                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        s.bind(1, listingId);
        bindHotspot(s, 2, h);
        s.bind(10, now);
        Hotspot out = h;
        if (s.step()) out.id = s.columnInt64(0);
        s.reset();
        return out;
    });
}

bool View360Repository::updateHotspot(std::int64_t listingId, const Hotspot& h)
{
    return db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        db::Statement& s = c.prepare("UPDATE hotspots SET view = ?, frame = ?, x = ?, y = ?, yaw = ?, pitch = ?,"
                                     " label = ?, note = ? WHERE listing_id = ? AND id = ? RETURNING id");
        bindHotspot(s, 1, h);
        s.bind(9, listingId).bind(10, h.id);
        const bool found = s.step();
        s.reset();
        return found;
    });
}

bool View360Repository::deleteHotspot(std::int64_t listingId, std::int64_t hotspotId)
{
    return db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        db::Statement& s = c.prepare("DELETE FROM hotspots WHERE listing_id = ? AND id = ? RETURNING id");
        s.bind(1, listingId).bind(2, hotspotId);
        const bool found = s.step();
        s.reset();
        return found;
    });
}

int View360Repository::countHotspots(std::int64_t listingId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM hotspots WHERE listing_id = ?");
    s.bind(1, listingId);
    const int n = s.step() ? s.columnInt(0) : 0;
    s.reset();
    return n;
}

void View360Repository::setSellerUser(std::int64_t sellerId, std::optional<std::int64_t> userId)
{
    db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        db::Statement& s = c.prepare("UPDATE sellers SET user_id = ? WHERE id = ?");
        if (userId) s.bind(1, *userId);
        else s.bindNull(1);
        s.bind(2, sellerId).run();
    });
}

} // namespace dongelek::server::view360
