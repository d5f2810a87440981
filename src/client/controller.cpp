// AppController: navigation, debounced filtering, request generations and the URL.
// Every reply handler first checks its generation, so a slow stale reply never wins.

// [SECTION] Index
// - Start-up and language
// - Browse
// - Listing
// - History and URLs

#include "client/controller.hpp"

#include "core/limits.hpp"
#include "core/listing_query.hpp"

#include <algorithm>

namespace dongelek {

std::string queryParam(const std::string& url, const std::string& name)
{
    const auto q = url.find('?');
    if (q == std::string::npos) return {};
    std::string_view rest(url);
    rest = rest.substr(q + 1);
    if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) != name) continue;
        std::string value;
        if (eq != std::string_view::npos && urlDecode(pair.substr(eq + 1), value)) return value;
        return {};
    }
    return {};
}

AppController::AppController(AppState& state, ApiClient& api, Navigator navigator, LocaleBundle locales)
    : m_state(state), m_api(api), m_nav(std::move(navigator)), m_locales(std::move(locales))
{
    m_state.languages = m_locales.languages;
    loadStrings("en");
}

// [SECTION] Start-up and language

bool AppController::loadStrings(const std::string& code)
{
    const auto it = m_locales.json.find(code);
    if (it == m_locales.json.end()) return false;
    const auto en = m_locales.json.find("en");
    m_state.strings.load(code, code == "en" ? std::string_view{} : std::string_view(it->second),
                         en == m_locales.json.end() ? std::string_view{} : std::string_view(en->second));
    m_state.lang = code;
    return true;
}

void AppController::start(const std::string& url, const std::string& langOverride)
{
    const std::string lang = langOverride.empty() ? queryParam(url, "lang") : langOverride;
    if (!lang.empty()) loadStrings(lang);
    const Route route = parseRoute(url);
    m_state.screen = route.screen;
    m_state.browse.filter = route.filter;
    loadCatalog();
    if (route.screen == Screen::Listing) {
        m_state.listing.id = route.listingId;
        m_browseBehindListing = false;
        loadListing();
    } else {
        loadBrowse();
    }
    // Canonical form of whatever was typed or pasted (bad parameters dropped, lang kept).
    if (m_nav.replace) m_nav.replace(urlFor(route));
    updateTitle();
}

void AppController::setLanguage(const std::string& code)
{
    if (code == m_state.lang || !loadStrings(code)) return;
    if (m_nav.replace) m_nav.replace(urlFor(currentRoute()));
    updateTitle();
}

void AppController::updateTitle()
{
    if (!m_nav.setTitle) return;
    const Strings& s = m_state.strings;
    if (m_state.screen == Screen::Listing && m_state.listing.hasDetails)
        m_nav.setTitle(s.format("title.listing", {{"title", m_state.listing.details.summary.title},
                                                  {"year", std::to_string(m_state.listing.details.summary.year)}}));
    else
        m_nav.setTitle(s.get("title.browse"));
}

void AppController::update(double nowMs)
{
    m_state.nowMs = nowMs;
    if (m_pending && m_pendingDue && nowMs >= *m_pendingDue) {
        m_pendingDue.reset();
        // An impossible range stays as the draft: the panel keeps showing it and what to fix.
        if (filterProblem(*m_pending).empty()) {
            const ListingFilter f = *m_pending;
            m_pending.reset();
            applyFilter(f);
        }
    }
}

void AppController::loadCatalog()
{
    CatalogState& c = m_state.catalog;
    if (c.makesStatus != Status::Ready && c.makesStatus != Status::Loading) {
        c.makesStatus = Status::Loading;
        const auto gen = m_makesSlot.begin();
        m_api.fetchMakes([this, gen](ApiResult<std::vector<MakeInfo>> r) {
            if (!m_makesSlot.isCurrent(gen)) return;
            m_state.catalog.makesStatus = r.ok ? Status::Ready : Status::Error;
            if (r.ok) m_state.catalog.makes = std::move(r.value);
        });
    }
    if (c.citiesStatus != Status::Ready && c.citiesStatus != Status::Loading) {
        c.citiesStatus = Status::Loading;
        const auto gen = m_citiesSlot.begin();
        m_api.fetchCities([this, gen](ApiResult<std::vector<City>> r) {
            if (!m_citiesSlot.isCurrent(gen)) return;
            m_state.catalog.citiesStatus = r.ok ? Status::Ready : Status::Error;
            if (r.ok) m_state.catalog.cities = std::move(r.value);
        });
    }
}

void AppController::retryCatalog() { loadCatalog(); }

void AppController::retry()
{
    loadCatalog();
    if (m_state.screen == Screen::Listing) loadListing();
    else loadBrowse();
}

// [SECTION] Browse

const ListingFilter& AppController::draftFilter() const { return m_pending ? *m_pending : m_state.browse.filter; }

std::string AppController::filterProblem(const ListingFilter& f)
{
    if (f.yearFrom && f.yearTo && *f.yearFrom > *f.yearTo) return "year_to";
    if (f.priceFrom && f.priceTo && *f.priceFrom > *f.priceTo) return "price_to";
    return {};
}

void AppController::editFilter(ListingFilter filter, bool debounce)
{
    ListingFilter withoutPage = filter;
    withoutPage.page = draftFilter().page;
    if (withoutPage != draftFilter()) filter.page = 1; // a new search starts at its first page
    filter.page = std::clamp(filter.page, 1, limits::kPageMax);
    if (debounce || !filterProblem(filter).empty()) {
        // Typing waits for a pause; an impossible range waits for the user to fix it and
        // is never dropped (the field keeps what was typed, the panel says why).
        m_pending = filter;
        if (debounce) m_pendingDue = m_state.nowMs + kDebounceMs;
        else m_pendingDue.reset();
    } else {
        m_pending.reset();
        m_pendingDue.reset();
        applyFilter(filter);
    }
}

void AppController::setPage(int page)
{
    ListingFilter f = draftFilter();
    f.page = page;
    editFilter(f, false);
}

void AppController::resetFilters()
{
    ListingFilter f;
    f.sort = draftFilter().sort;
    f.pageSize = draftFilter().pageSize;
    editFilter(f, false);
}

void AppController::applyFilter(const ListingFilter& filter)
{
    // Refused by the server anyway: keep showing the last good results, the panel explains why.
    if (!filterProblem(filter).empty()) return;
    BrowseState& b = m_state.browse;
    if (filter == b.filter && b.status != Status::Error && b.status != Status::Idle) return;
    b.filter = filter;
    if (m_nav.replace && m_state.screen == Screen::Browse) m_nav.replace(urlFor(currentRoute()));
    loadBrowse();
}

void AppController::loadBrowse()
{
    BrowseState& b = m_state.browse;
    b.status = Status::Loading;
    const auto gen = m_browseSlot.begin();
    m_api.fetchListings(b.filter, [this, gen](ApiResult<ListingPage> r) {
        if (!m_browseSlot.isCurrent(gen)) return; // superseded by a newer search
        BrowseState& b = m_state.browse;
        if (!r.ok) {
            b.status = Status::Error;
            b.error = std::move(r.error);
            return;
        }
        if (r.value.items.empty() && r.value.total > 0 && b.filter.page > 1) {
            // A page past the end (an old link, fewer cars now): show the last page instead.
            const auto size = std::max(1, r.value.pageSize);
            b.filter.page = static_cast<int>(std::clamp<std::int64_t>((r.value.total + size - 1) / size, 1, limits::kPageMax));
            if (m_nav.replace && m_state.screen == Screen::Browse) m_nav.replace(urlFor(currentRoute()));
            loadBrowse();
            return;
        }
        b.page = std::move(r.value);
        b.hasPage = true;
        ++b.pageGeneration;
        b.error = {};
        b.status = b.page.items.empty() ? Status::Empty : Status::Ready;
    });
}

void AppController::showBrowse(const ListingFilter& filter)
{
    m_state.screen = Screen::Browse;
    m_pending.reset();
    m_pendingDue.reset();
    BrowseState& b = m_state.browse;
    // Coming back to the same search keeps the shown page (and so its scroll position).
    if (filter != b.filter || b.status == Status::Error || (!b.hasPage && b.status != Status::Loading)) {
        b.filter = filter;
        loadBrowse();
    }
    updateTitle();
}

// [SECTION] Listing

void AppController::openListing(std::int64_t id)
{
    if (id <= 0) return;
    m_browseBehindListing = m_state.screen == Screen::Browse;
    m_state.screen = Screen::Listing;
    m_state.listing.id = id;
    if (m_nav.push) m_nav.push(urlFor(currentRoute()));
    loadListing();
}

void AppController::loadListing()
{
    ListingState& l = m_state.listing;
    if (l.hasDetails && l.details.summary.id == l.id && l.status == Status::Ready) {
        updateTitle();
        return; // already on screen (back and forward again)
    }
    if (!l.hasDetails || l.details.summary.id != l.id) {
        l.hasDetails = false;
        l.photoIndex = 0;
    }
    l.status = Status::Loading;
    updateTitle();
    const auto gen = m_listingSlot.begin();
    const std::int64_t id = l.id;
    m_api.fetchListing(id, [this, gen, id](ApiResult<ListingDetails> r) {
        if (!m_listingSlot.isCurrent(gen)) return;
        ListingState& l = m_state.listing;
        if (l.id != id) return;
        if (!r.ok) {
            l.status = Status::Error;
            l.error = std::move(r.error);
            return;
        }
        l.details = std::move(r.value);
        l.hasDetails = true;
        l.error = {};
        l.status = Status::Ready;
        l.photoIndex = std::clamp(l.photoIndex, 0, std::max(0, static_cast<int>(l.details.photos.size()) - 1));
        updateTitle();
    });
}

void AppController::showPhoto(int index)
{
    ListingState& l = m_state.listing;
    const int n = static_cast<int>(l.details.photos.size());
    if (n == 0) return;
    l.photoIndex = ((index % n) + n) % n; // wraps both ways
}

void AppController::back()
{
    if (m_state.screen != Screen::Listing) return;
    if (m_browseBehindListing && m_nav.back) {
        m_nav.back(); // the browser's own Back: history stays what the user expects
        return;
    }
    // Opened directly (a shared link): there is no browse entry to return to, so add one.
    m_browseBehindListing = false;
    Route route;
    route.filter = m_state.browse.filter;
    if (m_nav.push) m_nav.push(urlFor(route));
    showBrowse(m_state.browse.filter);
}

// [SECTION] History and URLs

void AppController::onPopState(const std::string& url)
{
    // The language stays what the user chose unless the address names one.
    const std::string lang = queryParam(url, "lang");
    if (!lang.empty()) loadStrings(lang);
    bool rewrite = lang.empty() && m_state.lang != "en";
    const Route route = parseRoute(url);
    if (route.screen == Screen::Browse) {
        ListingFilter filter = route.filter;
        if (m_state.screen == Screen::Listing && m_browseBehindListing) {
            // Back from a listing where the search was edited (top bar): the newer search wins.
            const ListingFilter latest = m_pending ? *m_pending : m_state.browse.filter;
            if (latest != filter) {
                filter = latest;
                rewrite = true;
            }
        }
        m_browseBehindListing = false;
        showBrowse(filter);
        if (rewrite && m_nav.replace) m_nav.replace(urlFor(currentRoute()));
        return;
    }
    // Forward into a listing: the entry behind it is the browse screen we are on.
    m_browseBehindListing = m_state.screen == Screen::Browse;
    m_state.screen = Screen::Listing;
    m_state.listing.id = route.listingId;
    loadListing();
    if (rewrite && m_nav.replace) m_nav.replace(urlFor(currentRoute()));
}

Route AppController::currentRoute() const
{
    Route r;
    r.screen = m_state.screen;
    r.filter = m_state.browse.filter;
    r.listingId = m_state.listing.id;
    return r;
}

std::string AppController::urlFor(const Route& route) const
{
    std::string url = toUrl(route);
    if (m_state.lang != "en") url += (url.find('?') == std::string::npos ? "?lang=" : "&lang=") + m_state.lang;
    return url;
}

} // namespace dongelek
