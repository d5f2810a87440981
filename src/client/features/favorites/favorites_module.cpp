// The favorites controller. Device copy: FavoriteList JSON (core's mapping) under "favorites".

#include "client/features/favorites/favorites_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"
#include "core/routes/favorites_routes.hpp"
#include "core/text_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace dongelek {

int priceChangePercent(const Favorite& f)
{
    if (f.savedPrice.amountMinor <= 0 || f.price.amountMinor <= 0 || f.savedPrice.currency != f.price.currency)
        return 0;
    const double change = (static_cast<double>(f.price.amountMinor) - static_cast<double>(f.savedPrice.amountMinor)) *
                          100.0 / static_cast<double>(f.savedPrice.amountMinor);
    return static_cast<int>(std::lround(change));
}

bool FavoritesModule::claims(const AppUrl& url) const { return FavoritesRoute::parse(url).has_value(); }
std::string FavoritesModule::url() const { return FavoritesRoute{}.url(); }
std::string FavoritesModule::title(const Strings& s) const { return s.get("title.favorites"); }

bool FavoritesModule::isSaved(std::int64_t listingId) const
{
    return std::any_of(m_state.items.begin(), m_state.items.end(),
                       [&](const Favorite& f) { return f.listingId == listingId; });
}

Status FavoritesModule::status() const
{
    if (m_state.account && m_state.list.status() == Status::Error && m_state.items.empty()) return Status::Error;
    if (!m_state.loaded) return Status::Loading;
    return m_state.items.empty() ? Status::Empty : Status::Ready;
}

bool FavoritesModule::busy(bool current) const { return current && !m_state.loaded; }

void FavoritesModule::describe(nlohmann::json& state, bool) const
{
    nlohmann::json ids = nlohmann::json::array();
    for (const Favorite& f : m_state.items)
        ids.push_back(f.listingId);
    state["favorites"] = {{"ids", ids}, {"loaded", m_state.loaded}, {"account", m_state.account},
                          {"deviceCount", m_device.size()}, {"notice", m_state.notice}};
}

void FavoritesModule::start()
{
    if (!m_clock)
        m_clock = [] {
            return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                 std::chrono::system_clock::now().time_since_epoch())
                                                 .count());
        };
    app().session().subscribe([this] { sessionChanged(); });
    const DeviceStore& store = app().deviceStore();
    if (store.load) store.load(kStoreKey, [this](std::string text) { deviceLoaded(text); });
    else deviceLoaded("");
}

void FavoritesModule::deviceLoaded(const std::string& text)
{
    FavoriteList list;
    if (!text.empty() && parseJson(text, list)) m_device = std::move(list.items);
    m_deviceRead = true;
    sessionChanged();
}

void FavoritesModule::saveDevice()
{
    const DeviceStore& store = app().deviceStore();
    if (!store.save) return;
    if (m_device.size() > kDeviceMax) m_device.resize(kDeviceMax);
    store.save(kStoreKey, m_device.empty() ? std::string() : nlohmann::json(FavoriteList{m_device}).dump());
}

void FavoritesModule::sessionChanged()
{
    if (!m_deviceRead) return; // the device copy decides what happens first
    const Session& session = app().session();
    if (session.phase() == SessionPhase::Unknown) return; // the start-up refresh decides
    const User* user = session.currentUser();
    if (!user) {
        // Signed out (or never signed in): the device's favorites.
        m_userId = 0;
        m_state.account = false;
        m_state.list.reset();
        m_state.items = m_device;
        m_state.loaded = true;
        return;
    }
    if (user->id == m_userId) return; // the same account (a new display name)
    m_userId = user->id;
    m_state.account = true;
    m_state.loaded = false;
    m_state.list.reset();
    if (!m_device.empty()) merge();
    else fetch();
}

void FavoritesModule::fetch()
{
    const auto gen = m_state.list.begin();
    const std::int64_t user = m_userId;
    app().session().call<FavoriteList>(HttpRequest::get(kListUrl), [this, gen, user](ApiResult<FavoriteList> r) {
        if (user != m_userId) return;
        if (!m_state.list.settle(gen, std::move(r))) return;
        if (m_state.list.status() != Status::Error) m_state.items = m_state.list.value().items;
        m_state.loaded = true;
    });
}

void FavoritesModule::merge()
{
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < m_device.size() && i < kMergeMax; ++i) {
        const Favorite& f = m_device[i];
        items.push_back({{"listingId", f.listingId}, {"savedAt", f.savedAt}, {"savedPrice", f.savedPrice}});
    }
    const auto gen = m_state.list.begin();
    const std::int64_t user = m_userId;
    app().session().call<FavoriteList>(
        HttpRequest::json("POST", kMergeUrl, {{"items", items}}), [this, gen, user](ApiResult<FavoriteList> r) {
            if (user != m_userId) return;
            const bool ok = r.ok;
            if (!m_state.list.settle(gen, std::move(r))) return;
            if (ok) {
                // In the account now: the device forgets them.
                m_device.clear();
                saveDevice();
                m_state.items = m_state.list.value().items;
            } else {
                m_state.items = m_device; // shown still; the merge is tried again on Retry
            }
            m_state.loaded = true;
        });
}

void FavoritesModule::retry()
{
    if (!m_state.account) return;
    if (!m_device.empty()) merge();
    else fetch();
}

void FavoritesModule::enter(const AppUrl&, Entry)
{
    // The page shows prices as they are now: the account's list is fetched again.
    if (m_state.account && m_state.loaded && !m_state.list.loading()) fetch();
}

void FavoritesModule::toggle(const ListingSummary& listing)
{
    if (isSaved(listing.id)) remove(listing.id);
    else add(listing);
}

void FavoritesModule::add(const ListingSummary& listing)
{
    m_state.notice.clear();
    Favorite f;
    f.listingId = listing.id;
    f.savedAt = isoTimestamp(m_clock ? m_clock() : 0);
    f.savedPrice = listing.price;
    f.price = listing.price;
    f.listing = listing;
    m_state.items.insert(m_state.items.begin(), f);
    if (!m_state.account) {
        m_device.insert(m_device.begin(), f);
        saveDevice();
        return;
    }
    const std::int64_t user = m_userId;
    const std::int64_t id = listing.id;
    app().session().call<Favorite>(
        HttpRequest::empty("PUT", std::string(kListUrl) + "/" + std::to_string(id)), [this, user, id](ApiResult<Favorite> r) {
            if (user != m_userId) return;
            const auto it = std::find_if(m_state.items.begin(), m_state.items.end(),
                                         [&](const Favorite& x) { return x.listingId == id; });
            if (it == m_state.items.end()) return; // removed meanwhile (its DELETE follows)
            if (r.ok) *it = std::move(r.value);
            else {
                m_state.items.erase(it);
                m_state.notice = "favorites.save_failed";
            }
        });
}

void FavoritesModule::remove(std::int64_t listingId)
{
    m_state.notice.clear();
    const auto it = std::find_if(m_state.items.begin(), m_state.items.end(),
                                 [&](const Favorite& x) { return x.listingId == listingId; });
    if (it == m_state.items.end()) return;
    const Favorite removed = *it;
    const std::size_t at = static_cast<std::size_t>(it - m_state.items.begin());
    m_state.items.erase(it);
    if (!m_state.account) {
        m_device.erase(std::remove_if(m_device.begin(), m_device.end(),
                                      [&](const Favorite& x) { return x.listingId == listingId; }),
                       m_device.end());
        saveDevice();
        return;
    }
    const std::int64_t user = m_userId;
    app().session().call<NoContent>(
        HttpRequest::empty("DELETE", std::string(kListUrl) + "/" + std::to_string(listingId)),
        [this, user, removed, at](ApiResult<NoContent> r) {
            if (user != m_userId || r.ok || r.error.httpStatus == 404) return; // 404: already gone
            if (isSaved(removed.listingId)) return;
            m_state.items.insert(m_state.items.begin() + static_cast<std::ptrdiff_t>(std::min(at, m_state.items.size())),
                                 removed);
            m_state.notice = "favorites.remove_failed";
        });
}

} // namespace dongelek
