// What a car really costs besides its price: the Kazakh customs clearance of a car imported
// from outside the Eurasian Economic Union, the Bahraini registration and transfer fees, and
// a yearly ownership estimate (fuel, Kazakh transport tax or Bahraini registration renewal,
// insurance). Platform-free: the tariffs are dated JSON files (tariffs/*.json) that the
// server reads from disk and the app fetches; core only parses their text.
//
// Method (docs/finance_costs.md has every formula and its source):
// 1. Tariffs: each file names its sources, the date it is valid from and the date it was
//    compiled; every section may be marked "approximate". Parsing is strict: a missing or
//    ill-typed field gives a TariffError naming the file and the field's JSON pointer.
// 2. Kazakhstan, customs (EAEU Common Customs Tariff, commercial declaration):
//    duty = max(ad valorem × customs value, €/cm³ × volume × EUR rate), the row chosen by
//    the fuel's schedule, the age band (years since the model year) and the volume band;
//    excise = tenge per cm³ for volumes above a threshold (electric cars exempt);
//    VAT = 16 % of (customs value + duty + excise) from 2026-01-01 (new Tax Code);
//    customs fee, recycling fee (50 MCI × coefficient by volume, 0 for electric cars) and
//    first-registration fee (MCI by age) are flat; the luxury excise (10 % of the value
//    from 18,000 MCI) is paid at registration.
// 3. Bahrain: file opening + yearly registration by empty weight + plate + inspection for a
//    first registration; transfer fee + inspection/ownership certificate for a transfer.
// 4. Ownership per year: fuel = km × consumption/100 × price; Kazakh transport tax =
//    MCI by volume band + tenge per cm³ above the band's floor, × an age coefficient;
//    Bahraini registration renewal by weight; the insurance premium from insurance.hpp.
//
// Money is exact: int64 minor units (tiyn, fils). Rates are decimal factors in millionths.
// One rounding rule everywhere: products are carried at 1/1000 of the minor unit and each
// line is rounded half up to the minor unit once; the total is the sum of the lines.
// Results carry stable keys (for localized labels), never English text.
#pragma once

#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dongelek::finance {

// [SECTION] Exact arithmetic

// A decimal factor (rate, coefficient, euros per cm³) in millionths: 0.15 → 150'000.
using Micro = std::int64_t;
inline constexpr Micro kMicroOne = 1'000'000;

// amountMinor × factor, rounded half up to the minor unit (both ≥ 0).
std::int64_t applyFactor(std::int64_t amountMinor, Micro factor);
// A whole-unit decimal from a tariff file in minor units: (4325, KZT) → 432'500.
std::int64_t toMinor(std::int64_t wholeUnits, Currency currency);

// [SECTION] Results

struct CostLine {
    std::string key;          // "finance.customs.duty": the app's label key
    Money amount;             // this line's contribution to the total (may be < 0 for a discount)
    Micro factor = 0;         // > 0 when the line multiplies the running amount by this factor
    bool approximate = false; // the tariff behind it is marked approximate in its file
};

// An input out of range: key "finance.problem.<what>" (e.g. "finance.problem.engine_volume").
struct CostProblem {
    std::string key;
    bool operator==(const CostProblem& o) const { return key == o.key; }
};

struct CostBreakdown {
    std::vector<CostLine> lines;
    Money total;                       // the sum of the lines' amounts
    std::vector<CostProblem> problems; // non-empty: no estimate (lines empty, total 0)
    bool ok() const { return problems.empty(); }
    bool hasProblem(std::string_view key) const;
    const CostLine* line(std::string_view key) const; // nullptr when absent
};

// [SECTION] Tariff files

struct TariffSource {
    std::string title;     // "Tax Code of the Republic of Kazakhstan No. 214-VIII of 18.07.2025"
    std::string reference; // article / table, "art. 830"
    std::string url;       // may be empty
    std::optional<Country> country; // the one country it is about, in a file that covers both
};

// The header every tariff file has.
struct TariffInfo {
    std::string file;       // "kz_costs"
    std::string validFrom;  // ISO date
    std::string compiledOn; // ISO date
    std::vector<TariffSource> sources;
};

struct TariffError {
    std::string file;             // "kz_costs.json"
    std::string field;            // JSON pointer of the bad field, "/customs/vat/percent"
    std::string reason;           // for logs, not for users
    std::string describe() const; // "kz_costs.json: /customs/vat/percent: expected a number"
};

template <typename T> struct TariffParse {
    std::optional<T> tariffs;
    std::optional<TariffError> error;
    bool ok() const { return tariffs.has_value(); }
};

// A band of engine volumes ("up to and including maxCm3"; nullopt = no upper bound).
using OptionalBound = std::optional<int>;

// [SECTION] Kazakhstan: reference values (tariffs/kz_reference.json)

struct KzReference {
    TariffInfo info;
    int mciYear = 0;
    std::int64_t mciTiyn = 0;     // monthly calculation index (МРП), 2026: 4,325 ₸
    std::int64_t eurRateTiyn = 0; // default EUR→KZT for euro-denominated duties, per euro
    std::string eurRateAsOf;      // ISO date of that default
    bool eurRateApproximate = false;
};
TariffParse<KzReference> parseKzReference(std::string_view json);

// [SECTION] Kazakhstan: customs, fees, transport tax (tariffs/kz_costs.json)

struct DutyVolumeBand {
    OptionalBound maxCm3;
    Micro adValorem = 0; // share of the customs value (0.20 → 200'000)
    Micro eurPerCm3 = 0; // euros per cm³ (0.44 → 440'000), the duty is the larger of the two
};
struct DutyAgeBand {
    OptionalBound maxAgeYears; // up to and including; nullopt = older
    std::vector<DutyVolumeBand> volumes;
};
struct DutySchedule {
    std::string id; // "spark_ignition", "diesel", "electric"
    std::vector<DutyAgeBand> ages;
};
struct FlatByVolume { // recycling-fee coefficients
    OptionalBound maxCm3;
    Micro value = 0;
};
struct FeeByAge { // first registration, in MCI
    OptionalBound maxAgeYears;
    Micro mci = 0;
};
struct TransportTaxBand {
    OptionalBound maxCm3;
    Micro mci = 0;               // the band's tax in MCI
    int perCm3FromCm3 = 0;       // the add-on counts cm³ above this volume
    std::int64_t perCm3Tiyn = 0; // tenge per cm³ above perCm3FromCm3, in tiyn
};
struct CoefficientFromAge {
    int minAgeYears = 0; // applies from this age on (the last matching row wins)
    Micro coefficient = kMicroOne;
};

struct KzCostTariffs {
    TariffInfo info;
    // customs
    std::vector<DutySchedule> dutySchedules;
    std::vector<std::pair<Fuel, std::string>> dutyScheduleByFuel;
    bool dutyApproximate = false;
    int exciseAboveCm3 = 0; // strictly above this volume
    std::int64_t excisePerCm3Tiyn = 0;
    std::vector<Fuel> exciseExemptFuels;
    bool exciseApproximate = false;
    Micro luxuryExciseRate = 0; // share of the value
    Micro luxuryExciseThresholdMci = 0;
    bool luxuryExciseApproximate = false;
    Micro vatRate = 0;
    bool vatApproximate = false;
    Micro customsFeeMci = 0;
    bool customsFeeApproximate = false;
    // recycling fee
    Micro recyclingBaseMci = 0;
    std::vector<FlatByVolume> recyclingCoefficients;
    Micro recyclingElectricCoefficient = 0;
    bool recyclingApproximate = false;
    // first registration
    std::vector<FeeByAge> registrationFees;
    Micro registrationElectricMci = 0;
    bool registrationApproximate = false;
    // transport tax
    std::vector<TransportTaxBand> transportTaxBands;
    std::vector<CoefficientFromAge> transportTaxAgeCoefficients;
    std::vector<Fuel> transportTaxExemptFuels;
    bool transportTaxApproximate = false;
};
TariffParse<KzCostTariffs> parseKzCostTariffs(std::string_view json);

// [SECTION] Bahrain: registration and transfer (tariffs/bh_costs.json)

struct FeeByWeight {
    OptionalBound maxKg;
    std::int64_t fils = 0;
};
struct BhCostTariffs {
    TariffInfo info;
    std::vector<FeeByWeight> annualRegistration; // by empty weight
    std::int64_t fileOpeningFils = 0;
    std::int64_t plateFils = 0;
    std::int64_t inspectionFils = 0;
    bool registrationApproximate = false;
    std::int64_t transferFeeFils = 0;
    std::int64_t transferInspectionFils = 0; // inspection and ownership certificate
    bool transferApproximate = false;
};
TariffParse<BhCostTariffs> parseBhCostTariffs(std::string_view json);

// [SECTION] Fuel and energy prices (tariffs/fuel_prices.json)

struct FuelPrice {
    Country country = Country::KZ;
    Fuel fuel = Fuel::Petrol;
    Money perUnit; // per litre, per kWh for Electric
    bool approximate = false;
};
struct FuelPrices {
    TariffInfo info;
    std::vector<FuelPrice> prices;
    const FuelPrice* find(Country country, Fuel fuel) const; // nullptr when the file has none
};
TariffParse<FuelPrices> parseFuelPrices(std::string_view json);

// All cost tariffs together, as the app holds them.
struct CostTariffs {
    KzReference kzReference;
    KzCostTariffs kz;
    BhCostTariffs bh;
    FuelPrices fuel;
};
TariffParse<CostTariffs> parseCostTariffs(std::string_view kzReferenceJson, std::string_view kzCostsJson,
                                          std::string_view bhCostsJson, std::string_view fuelPricesJson);

// [SECTION] Input limits (outside them: a problem, no estimate)

inline constexpr int kMaxEngineCm3 = 10'000;
inline constexpr int kMinModelYear = 1950;
inline constexpr std::int64_t kMaxValueMinor = 1'000'000'000'000; // 10 bn ₸ / 1 bn BD
inline constexpr int kMaxYearlyKm = 200'000;
inline constexpr double kMaxConsumptionPer100km = 100.0;
inline constexpr int kMaxEmptyWeightKg = 50'000;

// [SECTION] Kazakhstan: customs clearance

struct KzImportInput {
    Money customsValue; // KZT: the invoice value (for the luxury excise, the value too)
    Fuel fuel = Fuel::Petrol;
    int engineCm3 = 0; // 0 for electric cars
    int modelYear = 0;
    int importYear = 0;                      // the year of declaration; age = importYear − modelYear
    std::optional<std::int64_t> eurRateTiyn; // override of the file's default EUR→KZT
};

// Lines: finance.customs.duty, .excise (when due), .vat, .fee, finance.registration.recycling_fee,
// finance.registration.first_registration, finance.registration.luxury_excise (when due).
// Problems: customs_value, engine_volume, model_year, import_year, eur_rate.
CostBreakdown estimateKzCustoms(const CostTariffs& tariffs, const KzImportInput& input);

// Customs value in tenge from a price in euro cents at a rate (tiyn per euro), half up.
Money eurToKzt(std::int64_t eurCents, std::int64_t eurRateTiyn);

// [SECTION] Bahrain: registration and transfer

enum class BhRegistration { First, Transfer };
struct BhRegistrationInput {
    BhRegistration kind = BhRegistration::First;
    int emptyWeightKg = 0;
};
// Lines: finance.registration.file_opening, .annual_registration, .plate, .inspection (first);
// finance.registration.transfer_fee, .transfer_inspection (transfer). Problem: empty_weight.
CostBreakdown estimateBhRegistration(const CostTariffs& tariffs, const BhRegistrationInput& input);

// [SECTION] Yearly ownership

struct OwnershipInput {
    Country country = Country::KZ;
    Fuel fuel = Fuel::Petrol;
    int engineCm3 = 0;
    int modelYear = 0;
    int year = 0; // the year estimated (tax year)
    int yearlyKm = 0;
    double consumptionPer100km = 0; // litres, or kWh for Electric
    int emptyWeightKg = 0;          // Bahrain's registration renewal
    std::optional<Money> insurance; // the chosen premium from quoteInsurance, same currency
};
// Lines: finance.ownership.fuel, finance.ownership.transport_tax (KZ) or
// finance.ownership.registration_renewal (BH), finance.ownership.insurance (when given).
// Problems: engine_volume, model_year, year, yearly_km, consumption, empty_weight,
// fuel_price_missing, insurance_currency.
CostBreakdown estimateOwnership(const CostTariffs& tariffs, const OwnershipInput& input);

// The Kazakh transport tax alone (for the tax year `year`), in tiyn; problems as above.
CostBreakdown kzTransportTax(const CostTariffs& tariffs, Fuel fuel, int engineCm3, int modelYear, int year);

} // namespace dongelek::finance
