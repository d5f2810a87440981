// The 360-degree views of listings and their hotspots, once over db:: for both engines.
// A demo listing flagged has_spin has no spins row until its seller first edits it: the
// service then writes the generated spin's row and its demo hotspots (materialize), so edits
// have rows to change. A seller's upload replaces the row and drops the hotspots (replaceSpin).
#pragma once

#include "server/db/database.hpp"

#include "core/model.hpp"
#include "core/view360.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::view360 {

struct StoredSpin {
    std::string source = "demo"; // "demo" (rendered by the server) or "upload" (the seller's own)
    int frames = 36;
    bool hasPanorama = true;
    int version = 1;
};

// What the service needs to know about a listing's 360-degree view.
struct SpinListing {
    std::int64_t listingId = 0;
    bool active = false;
    bool flagged = false;                    // listings.has_spin
    std::optional<StoredSpin> stored;        // its spins row, when written
    std::optional<std::int64_t> ownerUserId; // the account managing the listing's seller
    Body body = Body::Sedan;                 // for rendering the demo content
    std::string color;
    int year = 0;
};

class View360Repository {
public:
    explicit View360Repository(db::Database& database) : m_db(database) {}

    std::optional<SpinListing> listing(std::int64_t listingId);
    std::vector<Hotspot> hotspots(std::int64_t listingId);
    // Writes the spins row and these hotspots, unless a row exists already (then nothing).
    void materialize(std::int64_t listingId, const StoredSpin& spin, const std::vector<Hotspot>& hotspots,
                     std::int64_t now);
    // Makes `spin` the listing's spin (writing its row or replacing it) and deletes the listing's
    // hotspots (they were placed on the frames it replaces), in one transaction.
    void replaceSpin(std::int64_t listingId, const StoredSpin& spin, std::int64_t now);
    // The new hotspot with its id; the listing must have a spins row.
    Hotspot addHotspot(std::int64_t listingId, const Hotspot& h, std::int64_t now);
    // False when the listing has no such hotspot.
    bool updateHotspot(std::int64_t listingId, const Hotspot& h);
    bool deleteHotspot(std::int64_t listingId, std::int64_t hotspotId);
    int countHotspots(std::int64_t listingId);
    // Links a seller to the account that manages its listings (the seller issue's sign-up; tests).
    void setSellerUser(std::int64_t sellerId, std::optional<std::int64_t> userId);

private:
    db::Database& m_db;
};

} // namespace dongelek::server::view360
