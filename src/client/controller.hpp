// AppController: every state change the user can cause (filters, paging, opening a
// listing, back, retry, language) and every reply that lands, plus keeping the URL in step.
#pragma once

#include "client/api_client.hpp"
#include "client/app_state.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace dongelek {

// The address bar (web) or the in-memory history (native), seen from the controller.
struct Navigator {
    std::function<void(const std::string& url)> push;
    std::function<void(const std::string& url)> replace;
    std::function<void()> back; // the pop arrives later through AppController::onPopState
    std::function<void(const std::string& title)> setTitle;
};

// All locale files, read once at start-up: language code -> JSON text.
struct LocaleBundle {
    std::vector<LanguageInfo> languages;
    std::map<std::string, std::string> json;
};

class AppController {
public:
    static constexpr double kDebounceMs = 300.0;

    AppController(AppState& state, ApiClient& api, Navigator navigator, LocaleBundle locales);

    // Opens the screen named by `url` (path + query, "?lang=" honoured), loads the catalog.
    void start(const std::string& url, const std::string& langOverride = "");
    // Once per frame after the queue is drained: commits a due debounced filter edit.
    void update(double nowMs);

    // [SECTION] Browse
    // The filter the panel should show: a pending (debounced) edit, else the applied one.
    const ListingFilter& draftFilter() const;
    // A changed filter goes back to page 1 unless only the page changed. Text and number
    // fields pass debounce=true; combos and buttons apply at once.
    void editFilter(ListingFilter filter, bool debounce);
    void setPage(int page);
    void resetFilters(); // keeps the sort order
    // Returns the parameter a filter would be refused for ("year_to", "price_to"), or "".
    static std::string filterProblem(const ListingFilter& filter);

    // [SECTION] Listing
    void openListing(std::int64_t id);
    void showPhoto(int index);
    // In-app Back: pops our own history entry when there is one, else pushes the browse screen.
    void back();

    // [SECTION] Shared
    void retry(); // whatever failed on the current screen, and the catalog if it failed
    void retryCatalog();
    void setLanguage(const std::string& code);
    void onPopState(const std::string& url);

    // "/listing/5?lang=ru": the route's URL plus the language when it is not English.
    std::string urlFor(const Route& route) const;
    Route currentRoute() const;

private:
    void applyFilter(const ListingFilter& filter);
    void showBrowse(const ListingFilter& filter);
    void loadBrowse();
    void loadListing();
    void loadCatalog();
    void updateTitle();
    bool loadStrings(const std::string& code);

    AppState& m_state;
    ApiClient& m_api;
    Navigator m_nav;
    LocaleBundle m_locales;
    RequestSlot m_browseSlot, m_listingSlot, m_makesSlot, m_citiesSlot;
    std::optional<ListingFilter> m_pending; // the filter as edited, until it is applied
    std::optional<double> m_pendingDue;     // when to apply it; unset while it has a problem to fix
    bool m_browseBehindListing = false; // the history entry before the open listing is our browse screen
};

// The value of `name` in the query of `url` (decoded), or "".
std::string queryParam(const std::string& url, const std::string& name);

} // namespace dongelek
