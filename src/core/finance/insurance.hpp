// Insurance quotes for the quote screen and the ownership estimate: the compulsory motor
// third-party cover and voluntary full cover (KASKO / comprehensive), per country, with the
// tariffs as dated data files (tariffs/kz_insurance.json, bh_insurance.json).
//
// Method (docs/finance_costs.md, "Insurance"):
// 1. Kazakhstan, compulsory (ОГПО ВТС, Law No. 446-II of 01.07.2003, art. 18 and annexes):
//    premium = 1.9 MCI × territory × regulator's regional correction (ARDFM, yearly) ×
//    vehicle type × driver age/experience class × car age × bonus-malus class.
// 2. Bahrain, compulsory third party: a market base premium × driver age factor.
// 3. Full cover in both countries (market pricing, no official tariff: the files hold typical
//    market rates, marked approximate): car value × rate by car age band and value band ×
//    driver factor, raised to a minimum premium; cars older than the file's limit get none.
// The breakdown shows the base premium as the first line and each coefficient as a line whose
// amount is what that coefficient adds (or takes away), so the lines sum to the premium.
// Rounding as in costs.hpp: exact to 1/1000 of the minor unit, each line rounded half up.
#pragma once

#include "core/finance/costs.hpp"
#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::finance {

// [SECTION] Tariffs

// A driver class: the first row whose bounds (inclusive; nullopt = none) hold wins.
struct DriverClass {
    OptionalBound maxAge;
    OptionalBound maxExperienceYears;
    Micro coefficient = kMicroOne;
};
struct CarAgeCoefficient {
    OptionalBound maxAgeYears;
    Micro coefficient = kMicroOne;
};
struct KzRegion {
    std::string id;               // "almaty_city": the app's label is "finance.region.<id>"
    Micro territory = kMicroOne;  // the law's coefficient
    Micro correction = kMicroOne; // the regulator's yearly correction
};
struct BonusMalusClass {
    std::string id; // "M", "0" … "13"
    Micro coefficient = kMicroOne;
};
// Full cover: rate rows by car age band, each with value bands.
struct ValueBandRate {
    OptionalBound maxValueWhole; // whole tenge / dinars, inclusive
    Micro rate = 0;              // share of the value per year
};
struct ComprehensiveAgeBand {
    OptionalBound maxAgeYears;
    std::vector<ValueBandRate> values;
};
struct ComprehensiveTariff {
    std::vector<ComprehensiveAgeBand> ages; // the last band is open
    int maxCarAgeYears = 0;                 // older cars get no full cover
    std::vector<DriverClass> drivers;
    std::int64_t minimumPremiumMinor = 0;
    bool approximate = false;
};

struct KzInsuranceTariffs {
    TariffInfo info;
    int minDriverAge = 18;
    Micro ogpoBaseMci = 0;
    Micro ogpoVehicleType = kMicroOne; // passenger car
    std::vector<KzRegion> regions;
    std::vector<DriverClass> ogpoDrivers;
    std::vector<CarAgeCoefficient> ogpoCarAges;
    std::vector<BonusMalusClass> bonusMalus;
    std::string defaultBonusMalus; // a first-time policy holder's class
    bool ogpoApproximate = false;
    ComprehensiveTariff kasko;
};
TariffParse<KzInsuranceTariffs> parseKzInsuranceTariffs(std::string_view json);

struct BhInsuranceTariffs {
    TariffInfo info;
    int minDriverAge = 18;
    std::int64_t thirdPartyBaseFils = 0;
    std::vector<DriverClass> thirdPartyDrivers;
    bool thirdPartyApproximate = false;
    ComprehensiveTariff comprehensive;
};
TariffParse<BhInsuranceTariffs> parseBhInsuranceTariffs(std::string_view json);

struct InsuranceTariffs {
    KzReference kzReference; // the MCI of the Kazakh base premium
    KzInsuranceTariffs kz;
    BhInsuranceTariffs bh;
};
TariffParse<InsuranceTariffs> parseInsuranceTariffs(std::string_view kzReferenceJson, std::string_view kzInsuranceJson,
                                                    std::string_view bhInsuranceJson);

// [SECTION] Quote

inline constexpr int kMaxDriverAge = 100;

struct InsuranceInput {
    Country country = Country::KZ;
    Money carValue; // for full cover; the country's currency
    int modelYear = 0;
    int year = 0; // the policy's year; car age = year − modelYear
    int driverAge = 0;
    int drivingExperienceYears = 0;
    std::string region;          // Kazakhstan: a region id of kz_insurance.json
    std::string bonusMalusClass; // Kazakhstan: empty = the file's first-time class
};

struct InsuranceQuote {
    // Kazakhstan lines: finance.insurance.ogpo.base, .territory, .correction, .vehicle_type,
    // .driver, .car_age, .bonus_malus. Bahrain: finance.insurance.tpl.base, .driver.
    CostBreakdown compulsory;
    // finance.insurance.full.base, .driver, .minimum (top-up to the minimum premium).
    CostBreakdown comprehensive;
};

// Problems (per breakdown): driver_age, driving_experience, model_year, year, region,
// bonus_malus_class, car_value (full cover only), car_too_old_for_full_cover.
InsuranceQuote quoteInsurance(const InsuranceTariffs& tariffs, const InsuranceInput& input);

} // namespace dongelek::finance
