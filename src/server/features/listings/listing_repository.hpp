// The storage interface of listings, the catalog and photo specs. Services see only
// this header: one SQL implementation serves SQLite and PostgreSQL, nothing leaks upward.
#pragma once

#include "core/model.hpp"
#include "server/db/storage_error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server {

// [SECTION] Photo specs (what the painter needs to draw a photo on first request)

enum class PhotoKind { Side, SideMirrored, Interior, CloseFront, CloseWheel, SideDusk };
enum class Backdrop { Showroom, Street, Steppe, Desert };

std::string_view toString(PhotoKind k);
std::string_view toString(Backdrop b);
std::optional<PhotoKind> parsePhotoKind(std::string_view s);
std::optional<Backdrop> parseBackdrop(std::string_view s);

struct PhotoRecord {
    std::int64_t id = 0;
    int position = 0; // 0 is the cover (its thumbnail is the listing's thumb_url)
    PhotoKind kind = PhotoKind::Side;
    Backdrop backdrop = Backdrop::Street;
    std::uint32_t seed = 0;
};

// A photo with the listing facts its picture depends on.
struct PhotoSpec {
    PhotoRecord photo;
    std::int64_t listingId = 0;
    Body body = Body::Sedan;
    std::string color; // wire name, e.g. "white", see demo/catalog.hpp
    int year = 0;
    std::string uploadKey; // a seller's own photo: its storage key (media/media_storage.hpp), nothing to draw
};

// [SECTION] Rows written by the demo generator (and later by the listing editor)

struct MakeRecord {
    std::int64_t id = 0;
    std::string name;
    std::string searchAliases; // other spellings the free-text search finds ("Тойота")
};
struct ModelRecord {
    std::int64_t id = 0;
    std::int64_t makeId = 0;
    std::string name;
    std::string searchAliases;
};
struct CityRecord {
    std::int64_t id = 0;
    std::string name;
    Country country = Country::KZ;
};
struct SellerRecord {
    std::int64_t id = 0;
    std::string name;
    SellerKind kind = SellerKind::Private;
    std::int64_t cityId = 0;
    std::string phone;
    std::string createdAt; // ISO 8601 UTC
    bool verified = false; // the marketplace checked the phone and email (a seller without an account)
};
struct ListingRecord {
    std::int64_t id = 0;
    std::int64_t sellerId = 0;
    std::int64_t makeId = 0;
    std::int64_t modelId = 0;
    int year = 0;
    Money price;
    int mileageKm = 0;
    Body body = Body::Sedan;
    Fuel fuel = Fuel::Petrol;
    Transmission transmission = Transmission::Automatic;
    Drive drive = Drive::Fwd;
    double engineLitres = 0;
    int powerHp = 0;
    std::string color;
    std::string vin;
    std::int64_t cityId = 0;
    Country country = Country::KZ;
    std::string title;
    std::string description;
    std::string createdAt; // ISO 8601 UTC
    std::vector<PhotoRecord> photos;
    std::string trim;
    Condition condition = Condition::Used;
    int owners = 0;
    Steering steering = Steering::Left;
    bool customsCleared = true;
    int accidents = 0;
    bool hasSpin = false;
    bool vinVerified = false;
    // Earlier asking prices, oldest first (the current one is `price`).
    std::vector<std::pair<std::string, Money>> priceHistory; // ISO 8601 UTC, price
};

// A bulk import in one transaction: nothing is visible until commit(); destroying the
// writer without commit() rolls back. Rows must reference ids written before them.
class BulkWriter {
public:
    virtual ~BulkWriter() = default;
    virtual void addMake(const MakeRecord& r) = 0;
    virtual void addModel(const ModelRecord& r) = 0;
    virtual void addCity(const CityRecord& r) = 0;
    virtual void addSeller(const SellerRecord& r) = 0;
    virtual void addListing(const ListingRecord& r) = 0;
    virtual void commit() = 0;
};

// [SECTION] Read results (core types plus the ids the service turns into URLs)

struct SummaryRow {
    ListingSummary summary;        // thumbUrl left empty
    std::int64_t coverPhotoId = 0; // 0 when the listing has no photo
};
struct SearchResult {
    std::vector<SummaryRow> rows;
    std::int64_t total = 0;
};
struct DetailsRow {
    ListingDetails details;             // photo URLs left empty
    std::vector<std::int64_t> photoIds; // in display order
};
// An active listing's id and when it was posted (sitemaps list them).
struct ListingStamp {
    std::int64_t id = 0;
    std::string createdAt; // ISO 8601 UTC
};

// Everything the in-memory search index keeps of one active listing (features/search).
struct SearchDocument {
    std::int64_t id = 0;
    std::int64_t makeId = 0;
    std::int64_t modelId = 0;
    std::int64_t cityId = 0;
    std::int64_t sellerId = 0;
    int year = 0;
    Money price;
    std::int64_t priceKzt = 0; // whole tenge at the reference rate
    int mileageKm = 0;
    Body body = Body::Sedan;
    Fuel fuel = Fuel::Petrol;
    Transmission transmission = Transmission::Automatic;
    Drive drive = Drive::Fwd;
    double engineLitres = 0;
    int powerHp = 0;
    std::string color;
    Condition condition = Condition::Used;
    int owners = 0;
    Steering steering = Steering::Left;
    bool customsCleared = true;
    int accidents = 0;
    bool hasSpin = false;
    bool vinVerified = false;
    bool sellerVerified = false; // the seller's email and phone are confirmed
    SellerKind sellerKind = SellerKind::Private;
    Country country = Country::KZ;
    std::string title;
    std::string trim;
    std::string description;
    std::string createdAt;         // ISO 8601 UTC
    std::int64_t coverPhotoId = 0; // 0 without photos
    int photoCount = 0;
};
// The names the index shows and searches: makes and models with their other spellings.
struct SearchCatalog {
    std::vector<MakeRecord> makes;
    std::vector<ModelRecord> models;
    std::vector<CityRecord> cities;
};

// [SECTION] The repository

// Thread-safe: every method may be called from any HTTP worker at the same time.
// Failures throw StorageError.
class ListingRepository {
public:
    virtual ~ListingRepository() = default;

    // Active listings matching `filter` (free text in filter.query, as the user typed
    // it, matched by the engine's own full-text search without typo tolerance), ordered
    // by filter.sort with a deterministic tiebreak, one page of them, and the number of
    // matches over all pages; "posted within" counts back from `nowUnix`. The live search
    // is the in-memory index (features/search); this is its reference in the tests.
    virtual SearchResult search(const ListingFilter& filter, std::int64_t nowUnix) = 0;
    virtual std::optional<DetailsRow> findListing(std::int64_t id) = 0;
    // Makes sorted by name, each with its models sorted by name; counts of active listings.
    virtual std::vector<MakeInfo> makesWithCounts() = 0;
    virtual std::vector<City> citiesWithCounts() = 0;
    virtual std::int64_t countActiveListings() = 0;
    // Active listings oldest first (created_at, then id), `limit` of them after skipping
    // `offset`: new listings land at the end, so earlier sitemap files rarely change.
    virtual std::vector<ListingStamp> activeListingStamps(std::int64_t offset, std::int64_t limit) = 0;
    virtual std::int64_t countAllListings() = 0;
    virtual std::optional<PhotoSpec> findPhoto(std::int64_t photoId) = 0;
    // Every active listing as the search index keeps it, ordered by id, and the catalog.
    virtual std::vector<SearchDocument> searchDocuments() = 0;
    virtual SearchCatalog searchCatalog() = 0;
    // A listing's earlier prices, oldest first (the current price is not among them).
    virtual std::vector<std::pair<std::string, Money>> priceHistory(std::int64_t listingId) = 0;

    virtual std::unique_ptr<BulkWriter> beginBulkImport() = 0;
    // Refreshes planner statistics after a large import.
    virtual void optimize() = 0;
};

} // namespace dongelek::server
