// Recently viewed: the last 20 listings opened on this device, newest first, kept in the
// device's preferences (JSON: id, title, price, thumb, when) so they survive a restart and need
// no account. A view is recorded when the listing module on screen has its listing's details:
// the listing feature itself knows nothing of it. No address of its own: the browse screen
// shows the strip (ui/features/saved_searches/browse_extras.hpp).
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dongelek {

struct RecentListing {
    std::int64_t id = 0;
    std::string title;
    int year = 0;
    Money price;
    std::string thumbUrl;
    double viewedAt = 0; // ms since 1970, UTC
};

// Where the list is kept (platform/preferences.hpp in the app; tests pass their own) and the
// wall clock a view is dated by.
struct RecentlyViewedStore {
    std::function<std::string(const std::string& key)> load;
    std::function<bool(const std::string& key, const std::string& value)> save;
    std::function<double()> epochMs;
};

// The stored form: {"v":1,"items":[{id,title,year,price,thumb,at}]}; bad or foreign text reads
// as an empty list, so a damaged preference never stops the app.
std::string recentListingsToJson(const std::vector<RecentListing>& items);
std::vector<RecentListing> recentListingsFromJson(const std::string& text);

class RecentlyViewedModule final : public Module {
public:
    static constexpr const char* kPreferenceKey = "recently_viewed";
    static constexpr std::size_t kMaxItems = 20;

    RecentlyViewedModule(AppController& app, RecentlyViewedStore store);
    const std::vector<RecentListing>& items() const { return m_items; }

    // [SECTION] Actions
    // `listing` was opened: first in the list (once), the oldest beyond 20 dropped, stored.
    void record(const ListingSummary& listing);
    void clear();

    // [SECTION] Module (claims no address: it is never the screen)
    const char* id() const override { return "recently_viewed"; }
    bool claims(const AppUrl&) const override { return false; }
    void enter(const AppUrl&, Entry) override {}
    std::string url() const override { return "/"; }
    Status status() const override { return Status::Ready; }
    const RequestError& error() const override { return m_noError; }
    std::string title(const Strings& s) const override { return s.get("title.browse"); }
    void retry() override {}
    void start() override;
    void update(double nowMs) override;
    bool busy(bool) const override { return false; }
    void describe(nlohmann::json& state, bool current) const override;

private:
    void store();

    RecentlyViewedStore m_store;
    std::vector<RecentListing> m_items;
    std::int64_t m_recorded = 0; // the listing on screen already recorded (0 when none is shown)
    RequestError m_noError;
};

} // namespace dongelek
