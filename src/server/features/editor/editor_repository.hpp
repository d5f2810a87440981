// The seller's side of the store, written once against db::Database for SQLite and
// PostgreSQL alike: drafts with their version (an edit names the version it started from, so
// two tabs cannot overwrite each other), uploaded photos, and the seller's own listings:
// publishing a draft, taking a listing off the market and back, marking it sold, deleting
// it. Every query names its owner (user_id, or the listing's seller's user_id), so one
// seller's rows never reach another. Times are Unix seconds.
#pragma once

#include "core/accounts.hpp"
#include "core/listing_draft.hpp"
#include "core/model.hpp"
#include "server/db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::editor {

// [SECTION] Drafts

struct DraftRow {
    std::int64_t id = 0;
    std::int64_t listingId = 0; // 0: a new listing
    int version = 1;
    std::string document; // JSON text (core/listing_draft.hpp)
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
};

struct SaveOutcome {
    enum class Kind { Saved, Conflict, NotFound } kind = Kind::NotFound;
    DraftRow row; // Saved: the row as written; Conflict: the newer row on the server
};

// [SECTION] Uploads

struct UploadRow {
    std::int64_t id = 0;
    std::string clientKey;
    std::string storageKey;
    int width = 0;
    int height = 0;
    std::int64_t bytes = 0;
};

// [SECTION] The seller's listings

enum class SellerStatus { Published, Unpublished, Sold };
std::string_view toString(SellerStatus s); // "published", "unpublished", "sold"

// A listing of the seller's, as the dashboard lists it.
struct OwnListing {
    std::int64_t id = 0;
    std::string title;
    int year = 0;
    Money price;
    SellerStatus status = SellerStatus::Published;
    std::string createdAt; // ISO 8601 UTC
    std::int64_t coverPhotoId = 0;
    int photoCount = 0;
    int version = 1;
    std::int64_t draftId = 0; // an open draft editing it
    std::int64_t views = 0, favorites = 0, contacts = 0;
};

// What publishing writes: the draft's fields with the catalog's names filled in.
struct PublishRecord {
    ListingDraft draft;
    std::string title; // "Toyota Camry"
    Country country = Country::KZ;
    std::string createdAt; // ISO 8601 UTC, for a new listing
    bool vinVerified = false; // the VIN decodes and agrees with the make and year ("VIN checked")
};

// What the catalog says about a draft's ids (checked before publishing).
struct CatalogCheck {
    bool makeKnown = false;
    bool modelOfMake = false;
    bool cityKnown = false;
    std::string makeName, modelName;
    Country country = Country::KZ;
};

// Who the seller is: the account's name, confirmed phone, and seller row (0: none yet).
struct SellerAccount {
    std::string displayName;
    std::string phone; // E.164, empty until confirmed
    bool emailVerified = false;
    AccountRole role = AccountRole::Buyer;
    bool dealerApproved = false; // an administrator set or confirmed the dealer role (users.dealer_approved_at)
    std::int64_t sellerId = 0;
};

class EditorRepository {
public:
    explicit EditorRepository(db::Database& database) : m_db(database) {}

    // Drafts: the user's, newest edit first.
    std::vector<DraftRow> drafts(std::int64_t userId);
    std::optional<DraftRow> findDraft(std::int64_t userId, std::int64_t draftId);
    std::int64_t countDrafts(std::int64_t userId);
    // A new draft (version 1); for a listing that already has a draft, that draft instead.
    DraftRow createDraft(std::int64_t userId, std::int64_t listingId, const std::string& document, std::int64_t now);
    // Writes `document` as version baseVersion + 1 when the stored version is baseVersion;
    // Conflict with the stored row otherwise.
    SaveOutcome saveDraft(std::int64_t userId, std::int64_t draftId, int baseVersion, const std::string& document,
                          std::int64_t now);
    bool deleteDraft(std::int64_t userId, std::int64_t draftId);

    // Uploads: a retry with the same client key replaces the row (its storage key is returned
    // so the caller can remove the old files).
    struct PutUpload {
        UploadRow row;
        std::string replacedStorageKey; // empty when the key was new
    };
    PutUpload putUpload(std::int64_t userId, const UploadRow& upload, std::int64_t now);
    std::optional<UploadRow> findUpload(std::int64_t userId, std::int64_t uploadId);
    std::int64_t countUploads(std::int64_t userId);

    // The account behind a seller.
    SellerAccount sellerAccount(std::int64_t userId);
    CatalogCheck checkCatalog(const ListingDraft& d);

    // Publishes the draft in one transaction: creates the user's seller row when missing
    // (private, or dealer for a dealer account), writes or updates the listing with its photos
    // (uploads of this user, or photos the listing already had) and its search text, records a
    // price change in the price history, and deletes the draft. Fails with Conflict when the
    // draft's version is not baseVersion. Returns the listing id (0 with Conflict/NotFound).
    struct PublishOutcome {
        SaveOutcome::Kind kind = SaveOutcome::Kind::NotFound;
        std::int64_t listingId = 0;
        DraftRow current; // Conflict: the newer draft
    };
    PublishOutcome publish(std::int64_t userId, std::int64_t draftId, int baseVersion, const PublishRecord& record,
                           const SellerAccount& account, std::int64_t now);

    // The seller's listings, newest first (deleted ones are gone).
    std::vector<OwnListing> ownListings(std::int64_t userId);
    std::optional<OwnListing> ownListing(std::int64_t userId, std::int64_t listingId);
    // The published listing as a draft document (its fields and photos).
    std::optional<ListingDraft> listingAsDraft(std::int64_t userId, std::int64_t listingId);
    // Status changes of one of the user's listings; false when it is not theirs (or deleted).
    bool setStatus(std::int64_t userId, std::int64_t listingId, SellerStatus status, std::int64_t now);
    bool deleteListing(std::int64_t userId, std::int64_t listingId, std::int64_t now);

    // [SECTION] Bulk (features/dealer)
    // Many listings at once (editor_bulk.cpp): the rules are the dealer service's, the
    // atomicity and the ownership checks are here.

    // One of the user's listings as a bulk change sees it.
    struct BulkTarget {
        std::int64_t id = 0;
        Money price;
        SellerStatus status = SellerStatus::Published;
    };
    // What to write to one of them: a status, a price, or both (unset: left as it is).
    struct BulkWrite {
        std::int64_t id = 0;
        std::optional<SellerStatus> status;
        std::optional<Money> price;
    };
    using BulkPlan = std::function<std::vector<BulkWrite>(const std::vector<BulkTarget>&)>;
    // In one Public transaction: reads those of `ids` that are the user's and not deleted (in
    // the order of `ids`, locked against other writers), hands them to `plan` and writes what
    // it returns. A price change is recorded in the price history like an edit (and bumps
    // the listing's version), a status change like the status route. When `plan` returns no
    // writes (or throws) nothing is written and the data version stays. Returns the targets.
    std::vector<BulkTarget> bulkUpdate(std::int64_t userId, const std::vector<std::int64_t>& ids, const BulkPlan& plan,
                                       std::int64_t now);
    // New drafts (version 1, no listing) from `documents`, in one Private transaction; none
    // and nullopt when the user would then have more than maxTotal drafts.
    std::optional<std::vector<DraftRow>> createDrafts(std::int64_t userId, const std::vector<std::string>& documents,
                                                      std::int64_t maxTotal, std::int64_t now);
    // The catalog's names for an import: makes and models with their other spellings, cities.
    struct CatalogName {
        std::int64_t id = 0;
        std::int64_t makeId = 0; // models only
        std::string name;
        std::string aliases;           // other spellings, space-separated ("Тойота")
        Country country = Country::KZ; // cities only
    };
    struct ImportCatalog {
        std::vector<CatalogName> makes, models, cities;
    };
    ImportCatalog importCatalog();

private:
    db::Database& m_db;
};

} // namespace dongelek::server::editor
