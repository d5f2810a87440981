// The browse feature on the client: the search (applied filter, the page of results, a pending
// debounced edit), the catalog the filter panel offers (makes, models, cities), and the actions
// the browse screen and the top bar's search use. Address: core/routes/browse_route.hpp.
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"
#include "core/routes/browse_route.hpp"

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

// The results as the user scrolls: the list starts at the address's page (`filter.page`) and
// further pages are fetched ahead as the user nears the end, appended to `more`.
struct BrowseState {
    ListingFilter filter;    // the applied filter: the address's, and what was (is being) fetched
    Remote<ListingPage> page; // the page the list starts at; the last good one stays (dimmed) while the next search loads
    std::vector<ListingSummary> more; // the pages after it, loaded while scrolling
    int lastPage = 0;                 // the last page in `page` + `more` (0 before the first answer)
    Remote<ListingPage> next;         // the page being fetched ahead (its error shows under the list)
    BrowseView view = BrowseView::List; // list or grid, kept in the address (view=grid)
    CatalogState catalog;
    // Live counts for the filter panel, for the draft filter (debounced, generation-checked).
    Remote<SearchFacets> facets;
    std::string facetsQuery; // the query string the facets shown (or loading) are for
    // Suggestions under the search field for what is typed (debounced, generation-checked).
    Remote<SuggestionList> suggestions;
    std::string suggestionsFor; // the text they are for
    bool suggestionsOpen = false;

    std::size_t shownCount() const { return page.has() ? page.value().items.size() + more.size() : 0; }
    const ListingSummary& shown(std::size_t i) const
    {
        const auto& first = page.value().items;
        return i < first.size() ? first[i] : more[i - first.size()];
    }
    // Whether pages after the loaded ones exist.
    bool hasMore() const;
};

class BrowseModule final : public Module {
public:
    static constexpr double kDebounceMs = 300.0;
    static constexpr double kFacetsDebounceMs = 250.0;
    static constexpr double kSuggestDebounceMs = 150.0;
    static constexpr const char* kFacetsUrl = "/api/v1/search/facets";
    static constexpr const char* kSuggestUrl = "/api/v1/search/suggest";
    static constexpr const char* kMakesUrl = "/api/v1/makes";
    static constexpr const char* kCitiesUrl = "/api/v1/cities";
    // "/api/v1/listings?make=3": the API query is the address's query.
    static std::string listingsUrl(const ListingFilter& filter);
    // "/api/v1/search/facets?make=3": the filter without its page and sort (they change no count).
    static std::string facetsUrl(const ListingFilter& filter);
    static std::string facetsQuery(const ListingFilter& filter);
    static std::string suggestUrl(const std::string& text);
    // The browse address a suggestion opens ("/?make=1&model=1"), keeping the view.
    std::string suggestionAddress(const Suggestion& suggestion) const;

    explicit BrowseModule(AppController& app) : Module(app) {}
    const BrowseState& state() const { return m_state; }

    // [SECTION] Actions
    // The filter the panel should show: a pending (debounced) edit, else the applied one.
    const ListingFilter& draftFilter() const { return m_pending ? *m_pending : m_state.filter; }
    // A changed filter goes back to page 1 unless only the page changed. Text and number
    // fields pass debounce=true; combos and buttons apply at once.
    void editFilter(ListingFilter filter, bool debounce);
    void setPage(int page);
    // The screen nears the end of what is loaded: fetch the next page unless it is under way
    // or the last try failed (then only retryMore() asks again: no request per frame).
    void loadMore();
    void retryMore();
    void setView(BrowseView view);
    // The search field's text as typed: suggestions for it follow after a short pause.
    void typeQuery(const std::string& text);
    void closeSuggestions();
    // Opens the suggestion's search (a new history entry) and closes the list.
    void chooseSuggestion(const Suggestion& suggestion);
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
    std::optional<double> nextUpdateAt() const override;
    bool busy(bool current) const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    // `typed`: the end of a typing pause (debounced), as opposed to a committed choice.
    void applyFilter(const ListingFilter& filter, bool typed);
    void show(const ListingFilter& filter);
    void loadPage();
    void loadCatalog();
    void draftChanged(); // the facets follow the draft filter after a pause
    void loadFacets();
    void loadSuggestions();

    BrowseState m_state;
    std::optional<ListingFilter> m_pending; // the filter as edited, until it is applied
    std::optional<double> m_pendingDue;     // when to apply it; unset while it has a problem to fix
    bool m_editedAway = false;              // the search changed while another screen was shown
    bool m_typing = false;                  // the last applied search came from a typing pause
    std::optional<double> m_facetsDue;      // when to ask for the facets of the draft filter
    std::optional<double> m_suggestDue;     // when to ask for suggestions of m_suggestText
    std::string m_suggestText;
};

} // namespace dongelek
