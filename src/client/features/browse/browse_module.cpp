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

// [SECTION] Module

bool BrowseModule::claims(const AppUrl& url) const { return BrowseRoute::claims(url); }

std::string BrowseModule::url() const { return BrowseRoute{m_state.filter}.url(); }

std::string BrowseModule::title(const Strings& s) const { return s.get("title.browse"); }

void BrowseModule::enter(const AppUrl& url, Entry how)
{
    ListingFilter filter = BrowseRoute::parse(url).filter;
    if (how == Entry::Start) {
        m_state.filter = filter;
        m_editedAway = false;
        loadPage();
        return;
    }
    // Back to an older search after the search was edited elsewhere (the top bar on a
    // listing): the newer search wins, and the shell rewrites the address to say so.
    if (how == Entry::Pop && m_editedAway) filter = draftFilter();
    m_editedAway = false;
    show(filter);
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

// [SECTION] Filters and paging

std::string BrowseModule::filterProblem(const ListingFilter& f)
{
    if (f.yearFrom && f.yearTo && *f.yearFrom > *f.yearTo) return "year_to";
    if (f.priceFrom && f.priceTo && *f.priceFrom > *f.priceTo) return "price_to";
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
    f.sort = draftFilter().sort;
    f.pageSize = draftFilter().pageSize;
    editFilter(f, false);
}

void BrowseModule::applyFilter(const ListingFilter& filter, bool typed)
{
    // Refused by the server anyway: keep showing the last good results, the panel explains why.
    if (!filterProblem(filter).empty()) return;
    const Status status = m_state.page.status();
    if (filter == m_state.filter && status != Status::Error && status != Status::Idle) return;
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
        page.settle(gen, std::move(r));
    });
}

} // namespace dongelek
