// Favorites on the client: which cars are saved (the heart on every card and listing page)
// and the saved cars page (/favorites, core/routes/favorites_routes.hpp). Signed out, they live
// on the device (DeviceStore key "favorites", IndexedDB on the web) and survive reloads; on
// sign-in the device's favorites merge into the account (POST /me/favorites/merge) and the
// device copy is cleared; signed in, every toggle is a PUT or DELETE, shown at once.
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dongelek {

struct FavoritesState {
    std::vector<Favorite> items; // newest saved first: the device's or the account's
    bool loaded = false;         // the device copy was read, or the account's list arrived
    bool account = false;        // items are the account's
    Remote<FavoriteList> list;   // signed in: the account's list as last fetched
    std::string notice;          // locale key of the last failed change, "" when none
};

// The price change since saving, in whole percent of the saved price (rounded half away from
// zero; 0 when either price is 0 or the currencies differ).
int priceChangePercent(const Favorite& f);

class FavoritesModule final : public Module {
public:
    static constexpr const char* kStoreKey = "favorites";
    static constexpr const char* kListUrl = "/api/v1/me/favorites";
    static constexpr const char* kMergeUrl = "/api/v1/me/favorites/merge";
    static constexpr std::size_t kMergeMax = 200; // per request (the server's limit)
    static constexpr std::size_t kDeviceMax = 500;

    explicit FavoritesModule(AppController& app) : Module(app) {}
    const FavoritesState& state() const { return m_state; }
    bool isSaved(std::int64_t listingId) const;

    // [SECTION] Actions
    void toggle(const ListingSummary& listing);
    void remove(std::int64_t listingId);
    void dismissNotice() { m_state.notice.clear(); }
    // For tests: the clock saved times come from (Unix seconds).
    void setClock(std::function<std::int64_t()> clock) { m_clock = std::move(clock); }

    // [SECTION] Module
    const char* id() const override { return "favorites"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override;
    const RequestError& error() const override { return m_state.list.error(); }
    std::string title(const Strings& s) const override;
    void retry() override;
    void start() override;
    bool busy(bool current) const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void sessionChanged();
    void deviceLoaded(const std::string& text);
    void saveDevice();
    void fetch();
    void merge();
    void add(const ListingSummary& listing);

    FavoritesState m_state;
    std::vector<Favorite> m_device; // what the device keeps (signed out)
    bool m_deviceRead = false;
    std::int64_t m_userId = 0;      // whose items are shown (0: the device's)
    std::function<std::int64_t()> m_clock;
};

} // namespace dongelek
