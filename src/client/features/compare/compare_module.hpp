// Comparison on the client: the cars picked for it (the "compare" toggle on cards and listing
// pages, shown in the tray; at most five, kept on the device) and the side-by-side page
// /compare?ids=1,2,3 (core/routes/favorites_routes.hpp: the address carries the comparison,
// so a shared link opens the same table). The rows, their best values and which rows differ
// are worked out here (compareRows), so the screen only draws.
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek {

enum class CompareField {
    Price, Year, Mileage, Engine, Power, Fuel, Transmission, Drive, Body, Color, Owners, Accidents, Customs, City, Seller,
    Checks // the badges: VIN checked, verified seller
};
const char* labelKey(CompareField f); // "compare.row.price"

struct CompareRow {
    CompareField field = CompareField::Price;
    std::vector<bool> best; // per car: the best value of the row (none when all are equal or it has no order)
    bool differs = false;   // not every car has the same value
};
// Every row for `cars` in table order.
std::vector<CompareRow> compareRows(const std::vector<ListingDetails>& cars);

template <> struct RemoteEmpty<Comparison> {
    static bool test(const Comparison& c) { return c.items.empty(); }
};

struct CompareState {
    std::vector<ListingSummary> selected; // the tray, in the order picked
    std::vector<std::int64_t> ids;        // the page's comparison (its address)
    Remote<Comparison> comparison;
    bool differencesOnly = false;
    bool limitReached = false; // a sixth was refused: the tray says so for a few seconds
};

class CompareModule final : public Module {
public:
    static constexpr std::size_t kMax = 5;
    static constexpr const char* kStoreKey = "compare";
    static constexpr double kNoticeMs = 5000;

    explicit CompareModule(AppController& app) : Module(app) {}
    const CompareState& state() const { return m_state; }
    bool isSelected(std::int64_t listingId) const;
    // The comparison of what the tray holds: "/compare?ids=4,2".
    std::string compareUrl() const;

    // [SECTION] Actions
    // Adds or removes a car; false (and limitReached) when five are picked already.
    bool toggle(const ListingSummary& listing);
    void remove(std::int64_t listingId); // from the tray and, on the page, from the table
    void clear();
    void setDifferencesOnly(bool on) { m_state.differencesOnly = on; }
    void dismissNotice() { m_state.limitReached = false; }

    // [SECTION] Module
    const char* id() const override { return "compare"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override;
    const RequestError& error() const override { return m_state.comparison.error(); }
    std::string title(const Strings& s) const override;
    void retry() override { load(); }
    void start() override;
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void load();
    void saveDevice();

    CompareState m_state;
    double m_nowMs = 0;
    std::optional<double> m_noticeUntil;
    bool m_noticeNew = false;
};

} // namespace dongelek
