// The seller's editor on the server: drafts (created empty or from one of the seller's
// listings, saved with the version they started from, so a second tab gets a conflict instead
// of overwriting), publishing a draft after the same checks the editor shows (core's
// validateDraft plus the catalog and the account's confirmed phone), and the seller's status
// changes. Every call names its user; a draft or listing of someone else is "not found".
#pragma once

#include "server/features/editor/editor_repository.hpp"
#include "server/http/principal.hpp"

#include "core/listing_draft.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::editor {

struct EditorLimits {
    static constexpr std::int64_t kMaxDrafts = 500; // the same bound as an import's (features/dealer): 16 MB of documents at most
};

// A draft as the API answers it: the row, its document, and its problems now.
nlohmann::json draftJson(const DraftRow& row, const std::vector<DraftProblem>& problems);
nlohmann::json problemJson(const DraftProblem& p);
// One of the seller's listings as the API answers it (GET /me/listings, the bulk changes).
nlohmann::json ownListingJson(const OwnListing& l, std::int64_t now);

struct SaveResult {
    bool conflict = false;
    DraftRow row; // saved, or the newer one on the server
    std::vector<DraftProblem> problems;
};

struct PublishResult {
    std::int64_t listingId = 0;
    bool conflict = false;
    DraftRow current;                   // conflict: the newer draft
    std::vector<DraftProblem> problems; // refused: what is wrong (422)
};

class EditorService {
public:
    // `listingsChanged` runs after a write buyers see (a publish, a status change, a delete),
    // before the answer: the search index takes it in, so the seller's next look finds it.
    EditorService(EditorRepository& repository, std::function<std::int64_t()> now,
                  std::function<void()> listingsChanged = {})
        : m_repository(repository), m_now(std::move(now)), m_listingsChanged(std::move(listingsChanged))
    {
    }

    std::vector<DraftRow> drafts(const Principal& who);
    // 404 for a draft that is not the user's.
    DraftRow draft(const Principal& who, std::int64_t draftId);
    // An empty draft in `currency`, or (listingId > 0) a draft of one of the user's listings
    // holding its fields and photos (the same draft again if one is open). 404 for a listing
    // that is not theirs; 422 too_many_drafts past the limit.
    DraftRow create(const Principal& who, std::int64_t listingId, std::optional<Currency> currency);
    // `document` checked by core's parseDraftDocument (400 naming the key).
    SaveResult save(const Principal& who, std::int64_t draftId, int baseVersion, const nlohmann::json& document);
    void remove(const Principal& who, std::int64_t draftId);
    PublishResult publish(const Principal& who, std::int64_t draftId, int baseVersion);

    std::int64_t now() const { return m_now(); }
    // Something else buyers see changed with a listing of the seller's (publishing's spin):
    // the search index takes it in, as after a publish.
    void listingChanged() const { changedForBuyers(); }
    // "Toyota Camry 2018" as far as the draft says (the catalog's names), "" before the make.
    std::string titleOf(const ListingDraft& d);
    // The problems of a draft's document now (with the catalog's check).
    std::vector<DraftProblem> problemsOf(const ListingDraft& d);

    // One of the user's uploads (nullopt for someone else's): the draft's photo addresses.
    std::optional<UploadRow> upload(const Principal& who, std::int64_t uploadId)
    {
        return m_repository.findUpload(who.userId, uploadId);
    }

    std::vector<OwnListing> listings(const Principal& who);
    OwnListing listing(const Principal& who, std::int64_t listingId);
    // 404 when the listing is not the user's (or deleted).
    OwnListing setStatus(const Principal& who, std::int64_t listingId, SellerStatus status);
    void remove(const Principal& who, std::int64_t listingId, bool listing);

private:
    int currentYear() const;

    void changedForBuyers() const
    {
        if (m_listingsChanged) m_listingsChanged();
    }

    EditorRepository& m_repository;
    std::function<std::int64_t()> m_now;
    std::function<void()> m_listingsChanged;
};

} // namespace dongelek::server::editor
