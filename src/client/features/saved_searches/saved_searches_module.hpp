// Saved searches (/saved-searches, signed-in users): the list with what each finds now and its
// unread new matches, saving the browse screen's search (name, alert), the alert on or off,
// renaming, and deleting with a few seconds to undo (the DELETE goes out when they are over).
// The list is also loaded after every sign-in, so the browse screen can tell an already saved
// search. API: GET/POST /api/v1/me/saved-searches, PATCH/DELETE .../{id}.
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"
#include "core/routes/saved_searches_route.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dongelek {

template <> struct RemoteEmpty<SavedSearchList> {
    static bool test(const SavedSearchList& list) { return list.items.empty(); }
};

struct SavedSearchesState {
    Remote<SavedSearchList> list;
    // Saving from the browse screen.
    bool saving = false;
    std::string saveError;               // locale key ("saved.error.too_many", ...), "" when none
    std::optional<SavedSearch> justSaved; // the search saved last (the browse screen says so)
    std::uint64_t saveCount = 0;          // bumps on every successful save
    // Changes to one search (alert, rename).
    std::set<std::int64_t> updating;
    std::string itemError; // locale key, "" when none
    // A deletion the user can still undo: hidden from the list, sent when `dueMs` comes.
    std::optional<SavedSearch> deleting;
    double deleteDueMs = 0;

    // The list as shown: without the search being deleted.
    bool hidden(const SavedSearch& s) const { return deleting && deleting->id == s.id; }
    std::size_t shownCount() const;
    // The saved search whose canonical query is `query`, or nullptr.
    const SavedSearch* findByQuery(const std::string& query) const;
};

class SavedSearchesModule final : public Module {
public:
    static constexpr const char* kListUrl = "/api/v1/me/saved-searches";
    static constexpr double kUndoMs = 6'000;
    static constexpr std::size_t kMaxSaved = 50;
    static std::string itemUrl(std::int64_t id); // "/api/v1/me/saved-searches/3"
    // The query the server keeps for the search `filter` finds (page 1, newest first, the
    // default page size), so a search saved before is recognised.
    static std::string canonicalQuery(ListingFilter filter);
    // The browse address a saved search opens ("/?make=3").
    static std::string browseAddress(const SavedSearch& search);
    // A name for the search `filter` finds, from what it asks for: its makes and models by name
    // ("Toyota Camry, Kia"), the years, the typed text; "" when it asks for nothing of these.
    static std::string suggestName(const ListingFilter& filter, const std::vector<MakeInfo>& makes);

    explicit SavedSearchesModule(AppController& app);
    const SavedSearchesState& state() const { return m_state; }

    // [SECTION] Actions
    // Saves the search `filter` finds under `name` ("" lets the server pick one).
    void save(const ListingFilter& filter, const std::string& name, bool alert);
    void clearSaveResult(); // the save form opens afresh
    void setAlert(std::int64_t id, bool alert);
    void rename(std::int64_t id, const std::string& name);
    void remove(std::int64_t id); // hidden at once, deleted after kUndoMs unless undone
    void undoRemove();

    // [SECTION] Module
    const char* id() const override { return "saved_searches"; }
    bool claims(const AppUrl& url) const override { return kSavedSearchesRoute.claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return kSavedSearchesRoute.url(); }
    Status status() const override;
    const RequestError& error() const override { return m_state.list.error(); }
    std::string title(const Strings& s) const override { return s.get("title.saved_searches"); }
    void retry() override { load(); }
    bool needsAccount() const override { return true; }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void load();
    void sessionChanged();
    void commitDelete(); // sends the pending DELETE now
    void replaceItem(const SavedSearch& s);

    SavedSearchesState m_state;
    std::uint64_t m_sessionGeneration = 0;
    bool m_loadWanted = false; // load when signed in (after sign-in, on entering)
};

} // namespace dongelek
