// What a car really costs (issue 10), the pure part: the buyer's inputs as typed, their
// defaults for a listing, the form <-> the address (core/routes/costs_route.hpp), and one
// evaluation that runs the platform-free engines (core/finance/costs.hpp, insurance.hpp)
// on every keystroke. No I/O: unit-tested in tests/client/costs_form_test.cpp.
//
// Defaults (what a field shows until the buyer or the address sets it), each a starting point
// the buyer corrects:
//   customs value     the listing's price (Kazakhstan: what the customs estimate is of)
//   engine volume     the listing's litres × 1000 (0 for an electric car)
//   empty weight      by body type: hatchback 1,250 kg, coupe 1,400, sedan 1,450, wagon 1,500,
//                     crossover 1,650, SUV 1,950, minivan 1,900, pickup 2,000 (Bahrain)
//   registration      a first registration for a new car, a transfer for a used one (Bahrain)
//   yearly distance   15,000 km
//   consumption       petrol 4 + 2.4 l per engine litre, diesel 3 + 1.9, hybrid 3 + 1.2,
//                     gas (LPG) 5 + 2.9, electric 17 kWh; per 100 km, to one decimal
//   driver            35 years old, 10 years of driving
//   region            the listing's city's region (Kazakhstan), else the file's first
//   bonus-malus       the insurance file's first-time class
//   full cover        not in the yearly cost until the buyer adds it
#pragma once

#include "core/finance/costs.hpp"
#include "core/finance/insurance.hpp"
#include "core/model.hpp"
#include "core/routes/costs_route.hpp"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

// [SECTION] Fields and defaults

enum class CostsField { CustomsValue, EngineCm3, EmptyWeight, YearlyKm, Consumption, DriverAge, Experience };
inline constexpr std::size_t kCostsFieldCount = 7;
// "customs_value", "engine_volume", "empty_weight", "yearly_km", "consumption", "driver_age",
// "driving_experience" (the engines' problem names).
std::string_view toString(CostsField f);

inline constexpr int kDefaultYearlyKm = 15'000;
inline constexpr int kDefaultDriverAge = 35;
inline constexpr int kDefaultExperienceYears = 10;

int defaultEmptyWeightKg(Body body);
// Tenths of a litre (kWh for electric cars) per 100 km.
int defaultConsumptionTenths(Fuel fuel, double engineLitres);
// "almaty_city" for "Almaty"; empty when the city is not known.
std::string regionOfCity(std::string_view city);

// Everything the engines need besides the form: the tariffs (GET /api/v1/finance/tariffs).
struct AllTariffs {
    finance::CostTariffs costs;
    finance::InsuranceTariffs insurance;
};
// GET /api/v1/finance/tariffs: {"kz_reference": {...}, "kz_costs": {...}, ...}, each file as
// the server has it, read by the core's parsers; a file they refuse throws (a bad response).
void from_json(const nlohmann::json& j, AllTariffs& out);

// [SECTION] The form

struct CostsForm {
    std::array<std::string, kCostsFieldCount> text;
    std::array<bool, kCostsFieldCount> set{}; // typed or from the address (then in the address)
    CostsRegistration registration = CostsRegistration::Transfer;
    std::string region;
    std::string bonusMalus;
    bool fullCover = false;
    bool registrationSet = false, regionSet = false, bonusMalusSet = false, fullCoverSet = false;

    const std::string& operator[](CostsField f) const { return text[static_cast<std::size_t>(f)]; }
    std::string& operator[](CostsField f) { return text[static_cast<std::size_t>(f)]; }
    bool isSet(CostsField f) const { return set[static_cast<std::size_t>(f)]; }
    void markSet(CostsField f) { set[static_cast<std::size_t>(f)] = true; }
};

// The defaults for `listing`, then what `route` gives (a region or class the files do not
// have is dropped).
CostsForm costsFormFor(const CostsRoute& route, const ListingSummary& listing, double engineLitres,
                       const AllTariffs& tariffs);
CostsRoute costsRouteOf(const CostsForm& form, std::int64_t listingId);

// [SECTION] Evaluation

struct CostsProblem {
    CostsField field = CostsField::EngineCm3;
    std::string key; // "finance.error.not_a_number", "finance.problem.engine_volume"
    bool operator==(const CostsProblem& o) const { return field == o.field && key == o.key; }
};

struct CostsEvaluation {
    std::vector<CostsProblem> problems;              // under the fields
    std::optional<finance::CostBreakdown> customs;   // Kazakhstan: importing it from outside the EAEU
    std::optional<finance::CostBreakdown> registration; // Bahrain: registration or transfer
    finance::InsuranceQuote insurance;
    bool fullCoverIncluded = false;                  // asked and available
    finance::CostBreakdown ownership;                // a year: fuel, tax or renewal, insurance
    std::optional<Money> loanMonthly;                // the calculator's default monthly payment
    std::optional<Money> monthly;                    // ownership / 12 + the loan, rounded up to a whole unit
};

// `year`: this year (the car's age, the tax year, the policy year).
CostsEvaluation evaluateCosts(const CostsForm& form, const ListingSummary& listing, const AllTariffs& tariffs,
                              int year);

} // namespace dongelek
