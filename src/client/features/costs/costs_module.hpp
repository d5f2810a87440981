// What a car really costs, on the client (issue 10): the listing of the address
// (GET /api/v1/listings/<id>), the tariff files (GET /api/v1/finance/tariffs, parsed by the
// platform-free core), the buyer's inputs as typed, and their estimate, worked out again on
// every edit (client/features/costs/costs_form.hpp) and written to the address.
#pragma once

#include "client/features/costs/costs_form.hpp"
#include "client/module.hpp"
#include "core/model.hpp"
#include "core/routes/costs_route.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace dongelek {

struct CostsState {
    std::int64_t listingId = 0;
    Remote<ListingDetails> listing;
    Remote<AllTariffs> tariffs; // once per app: the files change with a deployment
    CostsForm form;             // filled once both are known
    CostsEvaluation estimate;
    bool ready = false;         // the form and the estimate are of this listing
    std::uint64_t calculations = 0;
    std::uint64_t visit = 0;    // bumps when the form is replaced from an address
};

class CostsModule final : public Module {
public:
    static constexpr const char* kTariffsUrl = "/api/v1/finance/tariffs";
    explicit CostsModule(AppController& app);
    const CostsState& state() const { return m_state; }
    Country country() const;
    Currency currency() const;
    // The first problem of `field` (its locale key), or nullptr.
    const char* problemOf(CostsField field) const;
    void setYear(std::function<int()> year) { m_year = std::move(year); } // tests

    // [SECTION] Actions (each evaluates and rewrites the address)
    void setText(CostsField field, const std::string& text);
    void setRegistration(CostsRegistration r);
    void setRegion(const std::string& id);
    void setBonusMalus(const std::string& id);
    void setFullCover(bool on);

    // [SECTION] Module
    const char* id() const override { return "costs"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override;
    const RequestError& error() const override;
    std::string title(const Strings& s) const override;
    void retry() override;
    void prefetch(const AppUrl& url) override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void reset(std::int64_t listingId);
    void load();
    void settled(); // the listing or the tariffs came: fill the form once both are here
    void applyRoute();
    void changed();
    // Applies `change` to the form (it says whether anything changed), then evaluates and
    // rewrites the address.
    void edit(const std::function<bool(CostsForm&)>& change);

    CostsState m_state;
    CostsRoute m_route;
    std::function<int()> m_year;
};

} // namespace dongelek
