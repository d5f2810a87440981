// Recently viewed listings: recorded from the listing module on screen, kept on the device.

#include "client/features/saved_searches/recently_viewed_module.hpp"

#include "client/app_controller.hpp"
#include "client/features/listing/listing_module.hpp"
#include "core/json_mapping.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

std::string recentListingsToJson(const std::vector<RecentListing>& items)
{
    nlohmann::json list = nlohmann::json::array();
    for (const RecentListing& r : items)
        list.push_back({{"id", r.id},
                        {"title", r.title},
                        {"year", r.year},
                        {"price", r.price},
                        {"thumb", r.thumbUrl},
                        {"at", r.viewedAt}});
    return nlohmann::json{{"v", 1}, {"items", list}}.dump();
}

std::vector<RecentListing> recentListingsFromJson(const std::string& text)
{
    std::vector<RecentListing> out;
    if (text.empty()) return out;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) return out;
    for (const nlohmann::json& e : j["items"]) {
        try {
            RecentListing r;
            r.id = e.at("id").get<std::int64_t>();
            if (r.id <= 0) continue;
            r.title = e.value("title", std::string());
            r.year = e.value("year", 0);
            if (e.contains("price")) e.at("price").get_to(r.price);
            r.thumbUrl = e.value("thumb", std::string());
            r.viewedAt = e.value("at", 0.0);
            if (std::none_of(out.begin(), out.end(), [&](const RecentListing& x) { return x.id == r.id; }))
                out.push_back(std::move(r));
        } catch (const std::exception&) {
            // one bad entry is skipped
        }
        if (out.size() == RecentlyViewedModule::kMaxItems) break;
    }
    return out;
}

RecentlyViewedModule::RecentlyViewedModule(AppController& app, RecentlyViewedStore store) : Module(app), m_store(std::move(store))
{
}

void RecentlyViewedModule::start()
{
    if (m_store.load) m_items = recentListingsFromJson(m_store.load(kPreferenceKey));
}

void RecentlyViewedModule::update(double)
{
    // The listing on screen, once its details are there: a view (once per visit).
    const ListingModule* listing = app().find<ListingModule>();
    if (!listing || !app().isCurrent(*listing)) {
        m_recorded = 0;
        return;
    }
    const ListingState& ls = listing->state();
    if (!ls.details.has() || ls.details.value().summary.id != ls.id || ls.id == m_recorded) return;
    m_recorded = ls.id;
    ListingSummary seen = ls.details.value().summary;
    if (seen.thumbUrl.empty() && !ls.details.value().photos.empty()) seen.thumbUrl = ls.details.value().photos.front().thumbUrl;
    record(seen);
}

void RecentlyViewedModule::record(const ListingSummary& listing)
{
    if (listing.id <= 0) return;
    RecentListing r;
    r.id = listing.id;
    r.title = listing.title;
    r.year = listing.year;
    r.price = listing.price;
    r.thumbUrl = listing.thumbUrl;
    r.viewedAt = m_store.epochMs ? m_store.epochMs() : 0;
    m_items.erase(std::remove_if(m_items.begin(), m_items.end(), [&](const RecentListing& x) { return x.id == r.id; }),
                  m_items.end());
    m_items.insert(m_items.begin(), std::move(r));
    if (m_items.size() > kMaxItems) m_items.resize(kMaxItems);
    store();
}

void RecentlyViewedModule::clear()
{
    m_items.clear();
    store();
}

void RecentlyViewedModule::store()
{
    if (m_store.save) m_store.save(kPreferenceKey, recentListingsToJson(m_items));
}

void RecentlyViewedModule::describe(nlohmann::json& state, bool) const
{
    nlohmann::json ids = nlohmann::json::array();
    for (const RecentListing& r : m_items) ids.push_back(r.id);
    state["recentlyViewed"] = ids;
}

} // namespace dongelek
