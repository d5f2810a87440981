// The seller's dashboard (/my/listings): their listings (published, off the market, sold) with
// days on the market and what each does next (edit, take off the market, put back, mark sold,
// delete after a confirmation), and their drafts to continue.
#pragma once

#include "client/module.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dongelek {

struct OwnListingItem {
    std::int64_t id = 0;
    std::string title;
    int year = 0;
    Money price;
    std::string status; // "published", "unpublished", "sold"
    std::string createdAt;
    int daysOnMarket = 0;
    int photoCount = 0;
    std::string thumbUrl;
    std::int64_t draftId = 0;
    std::int64_t views = 0, favorites = 0, contacts = 0;
};

struct DraftItem {
    std::int64_t id = 0;
    std::int64_t listingId = 0;
    std::string title; // the car as far as it is filled in ("" before the make)
    std::string updatedAt;
    int errors = 0; // problems that block publishing
};

// GET /api/v1/me/listings/<id>/stats: one listing's counts over time.
struct StatsBucket {
    std::string start; // "2026-12-01": the day, or the first day of the week
    std::int64_t views = 0, favorites = 0, contacts = 0;
};
struct ListingStats {
    std::int64_t listingId = 0;
    std::string bucket = "day"; // "day" or "week"
    std::vector<StatsBucket> series;
    std::int64_t totalViews = 0, totalFavorites = 0, totalContacts = 0;
    // Similar cars (same model) per bucket, on average; peers: how many there were.
    double similarViews = 0, similarFavorites = 0, similarContacts = 0;
    std::int64_t peers = 0;
};
// Saves a file the person asked for (platform/download.hpp in the app).
using FileSaver = std::function<void(const std::string& name, const std::string& mime, const std::string& bytes)>;

// Picks a text file (platform/text_pick.hpp in the app): the file's name and text, or "" when none.
using TextPicker = std::function<void(std::function<void(std::string name, std::string text)> done)>;

// POST /api/v1/me/listings/import's answer: what became a draft and why a row did not.
struct ImportReport {
    std::string file;
    std::int64_t created = 0, failed = 0;
    struct Row {
        int row = 0;
        bool ok = false;
        std::int64_t draftId = 0;
        std::vector<std::string> problems; // "make: unknown make Tayota"
    };
    std::vector<Row> rows; // the failed ones first
};

struct MyListingsState {
    Remote<std::vector<OwnListingItem>> listings;
    Remote<std::vector<DraftItem>> drafts;
    std::int64_t statsFor = 0; // the listing whose chart is open (/my/listings?listing=<id>)
    Remote<ListingStats> stats;
    // The price check of each listing on sale (GET /api/v1/listings/<id>/insight), as buyers see it.
    std::map<std::int64_t, PriceInsight> insights;
    std::string bucket = "day";
    std::int64_t confirmDelete = 0; // the listing whose deletion waits for a second press
    std::int64_t working = 0;       // the listing a change is on its way for
    std::set<std::int64_t> selected; // listings picked for a change of many at once
    bool bulkWorking = false;
    std::string bulkError;           // the server's words when it refused the whole change
    bool importing = false;
    std::optional<ImportReport> import;
    RequestError importError;
    RequestError actionError;
};

class MyListingsModule final : public Module {
public:
    MyListingsModule(AppController& app, FileSaver saver = {}, TextPicker picker = {});
    const MyListingsState& state() const { return m_state; }

    // [SECTION] Actions
    void setStatus(std::int64_t listingId, const std::string& status); // published, unpublished, sold
    void askDelete(std::int64_t listingId) { m_state.confirmDelete = listingId; }
    void cancelDelete() { m_state.confirmDelete = 0; }
    void confirmDelete();
    void edit(std::int64_t listingId); // opens its draft (made when there is none)
    void discardDraft(std::int64_t draftId);
    void showStats(std::int64_t listingId); // 0 closes the chart (a new history entry either way)
    void setBucket(const std::string& bucket); // "day" or "week"
    void exportCsv();
    // Many at once (POST /api/v1/me/listings/bulk): the selected listings' prices by `percent`,
    // or their status ("publish", "unpublish", "sold"); all or nothing.
    void toggleSelected(std::int64_t listingId);
    void clearSelection() { m_state.selected.clear(); }
    void bulkPrice(double percent);
    void bulkStatus(const std::string& action);
    // A dealer's stock from a CSV file: each good row becomes a draft.
    void importCsv();
    void dismissImport() { m_state.import.reset(); }

    // [SECTION] Module
    const char* id() const override { return "my_listings"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override;
    const RequestError& error() const override;
    std::string title(const Strings& s) const override;
    void retry() override { load(); }
    bool needsAccount() const override { return true; }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    bool busy(bool current) const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    static std::string statsUrl(std::int64_t id, const std::string& bucket, bool csv);
    void load();
    void loadStats();
    void loadInsights();
    void bulk(const nlohmann::json& body);
    MyListingsState m_state;
    FileSaver m_saver;
    TextPicker m_picker;
    bool m_loadWanted = false;
};

} // namespace dongelek
