// The browse feature's controller: debounced filtering, paging, the catalog, request
// generations (a slow stale reply never wins) and the address kept in step with the search.

#include "client/features/browse/browse_module.hpp"

#include "client/app_controller.hpp"
#include "core/limits.hpp"
#include "core/listing_query.hpp"
#include "core/routes/browse_route.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

std::string BrowseModule::listingsUrl(const ListingFilter& filter)
{
    const std::string qs = toQueryString(filter);
    return qs.empty() ? "/api/v1/listings" : "/api/v1/listings?" + qs;
}

std::string BrowseModule::facetsQuery(const ListingFilter& filter)
{
    ListingFilter f = filter;
    f.page = 1;
    f.sort = Sort::Newest;
    f.pageSize = ListingFilter{}.pageSize;
    return toQueryString(f);
}

std::string BrowseModule::facetsUrl(const ListingFilter& filter)
{
    const std::string qs = facetsQuery(filter);
    return qs.empty() ? std::string(kFacetsUrl) : std::string(kFacetsUrl) + "?" + qs;
}

std::string BrowseModule::suggestUrl(const std::string& text)
{
    return std::string(kSuggestUrl) + "?q=" + percentEncode(text);
}

std::string BrowseModule::suggestionAddress(const Suggestion& suggestion) const
{
    BrowseRoute route = BrowseRoute::parse(AppUrl{"/", suggestion.query});
    route.filter.sort = m_state.filter.sort;
    route.view = m_state.view;
    return route.url();
}

bool BrowseState::hasMore() const
{
    if (!page.has() || page.value().items.empty()) return false;
    const std::int64_t size = std::max(1, page.value().pageSize);
    const std::int64_t before = static_cast<std::int64_t>(filter.page - 1) * size;
    return before + static_cast<std::int64_t>(shownCount()) < page.value().total && lastPage < limits::kPageMax;
}

// [SECTION] Module

bool BrowseModule::claims(const AppUrl& url) const { return BrowseRoute::claims(url); }

std::string BrowseModule::url() const { return BrowseRoute{m_state.filter, m_state.view}.url(); }

std::optional<double> BrowseModule::nextUpdateAt() const
{
    std::optional<double> due = m_pendingDue;
    for (const auto& t : {m_facetsDue, m_suggestDue})
        if (t && (!due || *t < *due)) due = t;
    return due;
}

std::string BrowseModule::title(const Strings& s) const { return s.get("title.browse"); }

void BrowseModule::enter(const AppUrl& url, Entry how)
{
    const BrowseRoute route = BrowseRoute::parse(url);
    ListingFilter filter = route.filter;
    m_state.view = route.view;
    m_state.suggestionsOpen = false;
    if (how == Entry::Start) {
        m_state.filter = filter;
        m_editedAway = false;
        loadPage();
        m_facetsDue = app().shared().nowMs; // the panel's counts at once
        return;
    }
    // Back to an older search after the search was edited elsewhere (the top bar on a
    // listing): the newer search wins, and the shell rewrites the address to say so.
    if (how == Entry::Pop && m_editedAway) filter = draftFilter();
    m_editedAway = false;
    show(filter);
    draftChanged();
}

void BrowseModule::show(const ListingFilter& filter)
{
    m_typing = false;
    m_pending.reset();
    m_pendingDue.reset();
    const Remote<ListingPage>& page = m_state.page;
    // Coming back to the same search keeps the shown page (and so its scroll position).
    if (filter != m_state.filter || page.status() == Status::Error || (!page.has() && !page.loading())) {
        m_state.filter = filter;
        loadPage();
    }
}

void BrowseModule::retry() { loadPage(); }

void BrowseModule::update(double nowMs)
{
    if (m_suggestDue && nowMs >= *m_suggestDue) {
        m_suggestDue.reset();
        loadSuggestions();
    }
    if (m_facetsDue && nowMs >= *m_facetsDue && app().isCurrent(*this)) {
        m_facetsDue.reset();
        loadFacets();
    }
    if (m_pending && m_pendingDue && nowMs >= *m_pendingDue) {
        m_pendingDue.reset();
        // An impossible range stays as the draft: the panel keeps showing it and what to fix.
        if (filterProblem(*m_pending).empty()) {
            const ListingFilter f = *m_pending;
            m_pending.reset();
            applyFilter(f, true);
        }
    }
}

bool BrowseModule::busy(bool current) const
{
    const CatalogState& c = m_state.catalog;
    if (c.makes.loading() || c.cities.loading()) return true;
    return Module::busy(current);
}

void BrowseModule::describe(nlohmann::json& state, bool) const
{
    const Remote<ListingPage>& page = m_state.page;
    state["total"] = page.has() ? page.value().total : 0;
    state["page"] = page.has() ? page.value().page : m_state.filter.page;
    state["shown"] = m_state.shownCount();
    state["lastPage"] = m_state.lastPage;
    state["view"] = m_state.view == BrowseView::Grid ? "grid" : "list";
    state["facetsTotal"] = m_state.facets.has() ? m_state.facets.value().total : -1;
    state["facetsStatus"] = toString(m_state.facets.status());
    state["facetsQuery"] = m_state.facetsQuery;
    state["suggestions"] = m_state.suggestionsOpen && m_state.suggestions.has() ? m_state.suggestions.value().items.size() : 0;
}

// [SECTION] Catalog

void BrowseModule::loadCatalog()
{
    CatalogState& c = m_state.catalog;
    if (c.makes.needsLoad()) {
        const auto gen = c.makes.begin();
        app().api().get<std::vector<MakeInfo>>(
            kMakesUrl, [this, gen](ApiResult<std::vector<MakeInfo>> r) { m_state.catalog.makes.settle(gen, std::move(r)); });
    }
    if (c.cities.needsLoad()) {
        const auto gen = c.cities.begin();
        app().api().get<std::vector<City>>(
            kCitiesUrl, [this, gen](ApiResult<std::vector<City>> r) { m_state.catalog.cities.settle(gen, std::move(r)); });
    }
}

void BrowseModule::retryCatalog() { loadCatalog(); }

// [SECTION] Facets (the filter panel's live counts)

void BrowseModule::draftChanged()
{
    // An impossible range asks for nothing (the server would refuse it); the counts shown stay.
    if (!filterProblem(draftFilter()).empty()) {
        m_facetsDue.reset();
        return;
    }
    if (facetsQuery(draftFilter()) == m_state.facetsQuery && !m_state.facets.needsLoad()) {
        m_facetsDue.reset();
        return;
    }
    m_facetsDue = app().shared().nowMs + kFacetsDebounceMs;
}

void BrowseModule::loadFacets()
{
    const ListingFilter& draft = draftFilter();
    if (!filterProblem(draft).empty()) return;
    const std::string query = facetsQuery(draft);
    if (query == m_state.facetsQuery && !m_state.facets.needsLoad()) return;
    m_state.facetsQuery = query;
    const auto gen = m_state.facets.begin(); // a reply to an older draft is dropped
    app().api().get<SearchFacets>(facetsUrl(draft), [this, gen](ApiResult<SearchFacets> r) {
        m_state.facets.settle(gen, std::move(r));
    });
}

// [SECTION] Suggestions (under the search field)

void BrowseModule::typeQuery(const std::string& text)
{
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(trimmed.begin());
    m_suggestText = trimmed;
    if (trimmed.empty()) {
        m_suggestDue.reset();
        m_state.suggestions.reset(); // a reply still under way is dropped
        m_state.suggestionsFor.clear();
        m_state.suggestionsOpen = false;
        return;
    }
    m_state.suggestionsOpen = true;
    if (trimmed == m_state.suggestionsFor && !m_state.suggestions.needsLoad()) {
        m_suggestDue.reset();
        return;
    }
    m_suggestDue = app().shared().nowMs + kSuggestDebounceMs;
}

void BrowseModule::loadSuggestions()
{
    if (m_suggestText.empty()) return;
    m_state.suggestionsFor = m_suggestText;
    const auto gen = m_state.suggestions.begin(); // a reply for older text is dropped
    app().api().get<SuggestionList>(suggestUrl(m_suggestText), [this, gen](ApiResult<SuggestionList> r) {
        m_state.suggestions.settle(gen, std::move(r));
    });
}

void BrowseModule::closeSuggestions()
{
    m_state.suggestionsOpen = false;
    m_suggestDue.reset();
}

void BrowseModule::chooseSuggestion(const Suggestion& suggestion)
{
    const std::string address = suggestionAddress(suggestion);
    closeSuggestions();
    m_pending.reset();
    m_pendingDue.reset();
    app().navigate(address);
}

// [SECTION] Filters and paging

std::string BrowseModule::filterProblem(const ListingFilter& f)
{
    if (f.yearFrom && f.yearTo && *f.yearFrom > *f.yearTo) return "year_to";
    if (f.priceFrom && f.priceTo && *f.priceFrom > *f.priceTo) return "price_to";
    if (f.engineFrom && f.engineTo && *f.engineFrom > *f.engineTo) return "engine_to";
    if (f.powerFrom && f.powerTo && *f.powerFrom > *f.powerTo) return "power_to";
    return {};
}

void BrowseModule::editFilter(ListingFilter filter, bool debounce)
{
    ListingFilter withoutPage = filter;
    withoutPage.page = draftFilter().page;
    if (withoutPage != draftFilter()) filter.page = 1; // a new search starts at its first page
    filter.page = std::clamp(filter.page, 1, limits::kPageMax);
    if (!app().isCurrent(*this)) m_editedAway = true;
    if (debounce || !filterProblem(filter).empty()) {
        // Typing waits for a pause; an impossible range waits for the user to fix it and
        // is never dropped (the field keeps what was typed, the panel says why).
        m_pending = filter;
        if (debounce) m_pendingDue = app().shared().nowMs + kDebounceMs;
        else m_pendingDue.reset();
    } else {
        m_pending.reset();
        m_pendingDue.reset();
        applyFilter(filter, false);
    }
    draftChanged();
}

void BrowseModule::setView(BrowseView view)
{
    if (view == m_state.view) return;
    m_state.view = view;
    app().addressChanged(*this, AppController::HistoryEntry::Same); // a way to look, not a new search
}

void BrowseModule::loadMore()
{
    if (m_state.next.status() == Status::Error) return; // the list's foot offers Retry
    retryMore();
}

void BrowseModule::retryMore()
{
    BrowseState& b = m_state;
    if (!b.hasMore() || b.next.loading() || b.page.loading()) return;
    ListingFilter f = b.filter;
    f.page = b.lastPage + 1;
    const auto gen = b.next.begin();
    app().api().get<ListingPage>(listingsUrl(f), [this, gen](ApiResult<ListingPage> r) {
        BrowseState& st = m_state;
        if (!st.next.isCurrent(gen)) return; // the search changed meanwhile
        if (r.ok) {
            st.lastPage = r.value.page;
            for (ListingSummary& item : r.value.items) st.more.push_back(std::move(item));
            r.value.items.clear();
        }
        st.next.settle(gen, std::move(r));
    });
}

void BrowseModule::setPage(int page)
{
    ListingFilter f = draftFilter();
    f.page = page;
    editFilter(f, false);
}

void BrowseModule::resetFilters()
{
    ListingFilter f;
    const ListingFilter& was = draftFilter();
    f.sort = was.sort;
    f.pageSize = was.pageSize;
    // The buyer's loan terms are theirs, not a filter: they stay for the monthly payments on cards.
    f.loanDownPercent = was.loanDownPercent;
    f.loanTermMonths = was.loanTermMonths;
    f.loanRateBp = was.loanRateBp;
    editFilter(f, false);
}

void BrowseModule::applyFilter(const ListingFilter& filter, bool typed)
{
    // Refused by the server anyway: keep showing the last good results, the panel explains why.
    if (!filterProblem(filter).empty()) return;
    const Status status = m_state.page.status();
    if (filter == m_state.filter && status != Status::Error && status != Status::Idle) {
        draftChanged();
        return;
    }
    m_state.filter = filter;
    // Each committed search and each page is a history entry, so Back steps through them;
    // while the user goes on typing, the entry the typing started keeps being rewritten.
    const bool sameEntry = typed && m_typing;
    m_typing = typed;
    app().addressChanged(*this, sameEntry ? AppController::HistoryEntry::Same : AppController::HistoryEntry::New);
    loadPage();
}

void BrowseModule::loadPage()
{
    m_state.next.reset(); // a page fetched ahead for the old search is dropped
    const auto gen = m_state.page.begin();
    app().api().get<ListingPage>(listingsUrl(m_state.filter), [this, gen](ApiResult<ListingPage> r) {
        Remote<ListingPage>& page = m_state.page;
        if (!page.isCurrent(gen)) return; // superseded by a newer search
        if (r.ok && r.value.items.empty() && r.value.total > 0 && m_state.filter.page > 1) {
            // A page past the end (an old link, fewer cars now): show the last page instead.
            const auto size = std::max(1, r.value.pageSize);
            m_state.filter.page =
                static_cast<int>(std::clamp<std::int64_t>((r.value.total + size - 1) / size, 1, limits::kPageMax));
            app().addressChanged(*this);
            loadPage();
            return;
        }
        if (r.ok) {
            m_state.more.clear();
            m_state.lastPage = r.value.page;
        }
        page.settle(gen, std::move(r));
    });
}

} // namespace dongelek
