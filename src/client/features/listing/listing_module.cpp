// The listing feature's controller: loads the details of the listing in the address (not
// again when Back/Forward return to it), keeps the photo index in range.

#include "client/features/listing/listing_module.hpp"

#include "client/app_controller.hpp"
#include "core/routes/listing_route.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

std::string ListingModule::detailsUrl(std::int64_t id) { return "/api/v1/listings/" + std::to_string(id); }

bool ListingModule::claims(const AppUrl& url) const { return ListingRoute::parse(url).has_value(); }

std::string ListingModule::url() const { return ListingRoute{m_state.id}.url(); }

std::string ListingModule::title(const Strings& s) const
{
    if (!m_state.details.has()) return s.get("title.browse");
    const ListingSummary& item = m_state.details.value().summary;
    return s.format("title.listing", {{"title", item.title}, {"year", std::to_string(item.year)}});
}

void ListingModule::describe(nlohmann::json& state, bool current) const
{
    state["listingId"] = current ? m_state.id : 0;
}

void ListingModule::enter(const AppUrl& url, Entry)
{
    if (const auto route = ListingRoute::parse(url)) m_state.id = route->id;
    load();
}

void ListingModule::load()
{
    Remote<ListingDetails>& d = m_state.details;
    const bool same = d.has() && d.value().summary.id == m_state.id;
    if (same && d.status() == Status::Ready) return; // already on screen (Back and Forward again)
    if (!same) {
        d.reset();
        m_state.photoIndex = 0;
    }
    const auto gen = d.begin();
    const std::int64_t id = m_state.id;
    app().api().get<ListingDetails>(detailsUrl(id), [this, gen, id](ApiResult<ListingDetails> r) {
        if (m_state.id != id || !m_state.details.settle(gen, std::move(r))) return;
        if (m_state.details.status() == Status::Ready) {
            const int n = static_cast<int>(m_state.details.value().photos.size());
            m_state.photoIndex = std::clamp(m_state.photoIndex, 0, std::max(0, n - 1));
        }
        if (app().isCurrent(*this)) app().titleChanged();
    });
}

void ListingModule::showPhoto(int index)
{
    if (!m_state.details.has()) return;
    const int n = static_cast<int>(m_state.details.value().photos.size());
    if (n == 0) return;
    m_state.photoIndex = ((index % n) + n) % n; // wraps both ways
}

} // namespace dongelek
