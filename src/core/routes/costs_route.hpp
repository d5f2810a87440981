// What a listing's car really costs: "/listing/<id>/costs". The customs clearance of a car
// imported into Kazakhstan from outside the EAEU, or the Bahraini registration and transfer
// fees; the insurance quote (compulsory and full cover); a year of ownership beside the loan.
// The query carries the buyer's inputs, so an estimate can be shared; every parameter is
// optional and a missing one takes the default for the listing (client/features/costs/costs_form.hpp).
//
//   value=9500000     the customs value in tenge, whole units (default: the listing's price)
//   cm3=2494          the engine volume in cm³ (default: the listing's litres × 1000)
//   kg=1500           the empty weight in kg (Bahrain; default by body type)
//   reg=first | transfer   Bahrain: a first registration or a change of owner
//   km=15000          the yearly distance
//   cons=8.5          consumption per 100 km: litres, or kWh for an electric car
//   age=35 exp=10     the driver's age and years of driving
//   region=almaty_city   Kazakhstan: the region the car is registered in (kz_insurance.json)
//   bm=3              Kazakhstan: the driver's bonus-malus class
//   full=1            full cover is part of the yearly cost
//
// A value that does not read as its kind is dropped (its default is used); one that reads but
// is out of range (cm3=0) is kept, and the screen names the problem. url() writes them in the
// order above.
#pragma once

#include "core/route.hpp"
#include "core/routes/finance_route.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dongelek {

enum class CostsRegistration { First, Transfer };

struct CostsRoute {
    explicit CostsRoute(std::int64_t id = 0) : listingId(id) {}
    std::int64_t listingId = 0;
    std::optional<Decimal> customsValue;
    std::optional<Decimal> engineCm3;
    std::optional<Decimal> emptyWeightKg;
    std::optional<CostsRegistration> registration;
    std::optional<Decimal> yearlyKm;
    std::optional<Decimal> consumption;
    std::optional<Decimal> driverAge;
    std::optional<Decimal> experienceYears;
    std::optional<std::string> region;      // [a-z_], at most 40 characters
    std::optional<std::string> bonusMalus;  // [A-Z0-9], at most 3 characters
    std::optional<bool> fullCover;

    // nullopt unless the path is "/listing/<id>/costs" (a trailing slash is accepted).
    static std::optional<CostsRoute> parse(const AppUrl& url);
    std::string url() const;
    bool operator==(const CostsRoute& o) const;
};

} // namespace dongelek
