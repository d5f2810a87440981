// The browse feature on the client: the search (applied filter, the page of results, a pending
// debounced edit), the catalog the filter panel offers (makes, models, cities), and the actions
// the browse screen and the top bar's search use. Address: core/routes/browse_route.hpp.
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dongelek {

template <> struct RemoteEmpty<ListingPage> {
    static bool test(const ListingPage& page) { return page.items.empty(); }
};

struct CatalogState {
    Remote<std::vector<MakeInfo>> makes;
    Remote<std::vector<City>> cities;
};

struct BrowseState {
    ListingFilter filter;    // the applied filter: the address's, and what was (is being) fetched
    Remote<ListingPage> page; // the last good page stays (dimmed) while the next loads
    CatalogState catalog;
};

class BrowseModule final : public Module {
public:
    static constexpr double kDebounceMs = 300.0;
    static constexpr const char* kMakesUrl = "/api/v1/makes";
    static constexpr const char* kCitiesUrl = "/api/v1/cities";
    // "/api/v1/listings?make=3": the API query is the address's query.
    static std::string listingsUrl(const ListingFilter& filter);

    explicit BrowseModule(AppController& app) : Module(app) {}
    const BrowseState& state() const { return m_state; }

    // [SECTION] Actions
    // The filter the panel should show: a pending (debounced) edit, else the applied one.
    const ListingFilter& draftFilter() const { return m_pending ? *m_pending : m_state.filter; }
    // A changed filter goes back to page 1 unless only the page changed. Text and number
    // fields pass debounce=true; combos and buttons apply at once.
    void editFilter(ListingFilter filter, bool debounce);
    void setPage(int page);
    void resetFilters(); // keeps the sort order
    void retryCatalog();
    // The parameter a filter would be refused for ("year_to", "price_to"), or "".
    static std::string filterProblem(const ListingFilter& filter);

    // [SECTION] Module
    const char* id() const override { return "browse"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override { return m_state.page.status(); }
    const RequestError& error() const override { return m_state.page.error(); }
    std::string title(const Strings& s) const override;
    void retry() override;
    void start() override { loadCatalog(); }
    void retryBackground() override { loadCatalog(); }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override { return m_pendingDue; }
    bool busy(bool current) const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    // `typed`: the end of a typing pause (debounced), as opposed to a committed choice.
    void applyFilter(const ListingFilter& filter, bool typed);
    void show(const ListingFilter& filter);
    void loadPage();
    void loadCatalog();

    BrowseState m_state;
    std::optional<ListingFilter> m_pending; // the filter as edited, until it is applied
    std::optional<double> m_pendingDue;     // when to apply it; unset while it has a problem to fix
    bool m_editedAway = false;              // the search changed while another screen was shown
    bool m_typing = false;                  // the last applied search came from a typing pause
};

} // namespace dongelek
