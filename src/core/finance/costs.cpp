// The cost computations: Kazakh customs clearance and first registration, Bahraini
// registration and transfer, the yearly ownership estimate (method in costs.hpp).

#include "core/finance/costs.hpp"

#include "core/finance/costs_internal.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::finance {

using namespace costs_detail;

namespace {

// [SECTION] Input checks (each adds a named problem)

void checkEngine(BreakdownBuilder& b, Fuel fuel, int engineCm3)
{
    if (engineCm3 < 0 || engineCm3 > kMaxEngineCm3 || (fuel != Fuel::Electric && engineCm3 == 0))
        b.problem("engine_volume");
}

void checkYears(BreakdownBuilder& b, int modelYear, int year, const char* yearProblem)
{
    if (year < kMinModelYear || year > 2200) b.problem(yearProblem);
    // Model years run up to one year ahead of the calendar; later is a car from the future.
    if (modelYear < kMinModelYear || (year >= kMinModelYear && modelYear > year + 1)) b.problem("model_year");
}

int ageYears(int modelYear, int year)
{
    return std::max(0, year - modelYear);
}

const DutySchedule* scheduleFor(const KzCostTariffs& t, Fuel fuel)
{
    for (const auto& [f, id] : t.dutyScheduleByFuel)
        if (f == fuel)
            for (const DutySchedule& s : t.dutySchedules)
                if (s.id == id) return &s;
    return nullptr;
}

// [SECTION] Kazakhstan: customs lines

// max(ad valorem × value, €/cm³ × cm³ × rate), in thousandths of a tiyn.
std::int64_t dutyMilli(const DutyVolumeBand& band, std::int64_t valueTiyn, int cm3, std::int64_t eurRateTiyn)
{
    const std::int64_t adValorem = timesFactor(valueTiyn * 1000, band.adValorem);
    const std::int64_t microEuros = band.eurPerCm3 * cm3;
    const std::int64_t specific = mulDivHalfUp(microEuros, eurRateTiyn, 1000);
    return std::max(adValorem, specific);
}

std::int64_t dutyTiyn(const KzCostTariffs& t, const KzImportInput& in, int age, std::int64_t eurRateTiyn)
{
    const DutySchedule* s = scheduleFor(t, in.fuel);
    if (!s) return 0;
    const DutyAgeBand* a = findBand(s->ages, &DutyAgeBand::maxAgeYears, age);
    const DutyVolumeBand* v = a ? findBand(a->volumes, &DutyVolumeBand::maxCm3, in.engineCm3) : nullptr;
    return v ? roundMilli(dutyMilli(*v, in.customsValue.amountMinor, in.engineCm3, eurRateTiyn)) : 0;
}

std::int64_t exciseTiyn(const KzCostTariffs& t, Fuel fuel, int cm3)
{
    if (contains(t.exciseExemptFuels, fuel) || cm3 <= t.exciseAboveCm3) return 0;
    return t.excisePerCm3Tiyn * cm3;
}

// `mci` MCI × factor, rounded once.
std::int64_t mciTimes(std::int64_t mciTiyn, Micro mci, Micro factor = kMicroOne)
{
    return roundMilli(timesFactor(timesFactor(mciTiyn * 1000, mci), factor));
}

std::int64_t recyclingTiyn(const KzCostTariffs& t, std::int64_t mciTiyn, Fuel fuel, int cm3)
{
    Micro coefficient = t.recyclingElectricCoefficient;
    if (fuel != Fuel::Electric) {
        const FlatByVolume* row = findBand(t.recyclingCoefficients, &FlatByVolume::maxCm3, cm3);
        coefficient = row ? row->value : 0;
    }
    return mciTimes(mciTiyn, t.recyclingBaseMci, coefficient);
}

std::int64_t firstRegistrationTiyn(const KzCostTariffs& t, std::int64_t mciTiyn, Fuel fuel, int age)
{
    if (fuel == Fuel::Electric) return mciTimes(mciTiyn, t.registrationElectricMci);
    const FeeByAge* row = findBand(t.registrationFees, &FeeByAge::maxAgeYears, age);
    return row ? mciTimes(mciTiyn, row->mci) : 0;
}

void addLuxuryExcise(BreakdownBuilder& b, const KzCostTariffs& t, std::int64_t mciTiyn, std::int64_t valueTiyn)
{
    const std::int64_t threshold = mciTimes(mciTiyn, t.luxuryExciseThresholdMci);
    if (t.luxuryExciseRate > 0 && valueTiyn >= threshold)
        b.add("finance.registration.luxury_excise", applyFactor(valueTiyn, t.luxuryExciseRate),
              t.luxuryExciseApproximate);
}

// [SECTION] Kazakhstan: transport tax

std::int64_t transportTaxBaseMilli(const KzCostTariffs& t, std::int64_t mciTiyn, int cm3)
{
    const TransportTaxBand* band = findBand(t.transportTaxBands, &TransportTaxBand::maxCm3, cm3);
    if (!band) return 0;
    const std::int64_t above = std::max(0, cm3 - band->perCm3FromCm3);
    return timesFactor(mciTiyn * 1000, band->mci) + above * band->perCm3Tiyn * 1000;
}

Micro transportTaxAgeCoefficient(const KzCostTariffs& t, int age)
{
    Micro c = kMicroOne;
    for (const CoefficientFromAge& row : t.transportTaxAgeCoefficients)
        if (age >= row.minAgeYears) c = row.coefficient;
    return c;
}

// [SECTION] Bahrain

std::int64_t annualRegistrationFils(const BhCostTariffs& t, int emptyWeightKg)
{
    const FeeByWeight* row = findBand(t.annualRegistration, &FeeByWeight::maxKg, emptyWeightKg);
    return row ? row->fils : 0;
}

// [SECTION] Fuel

// km × (consumption per 100 km) × price, half up.
std::int64_t fuelCostMinor(int yearlyKm, std::int64_t milliPer100km, std::int64_t priceMinor)
{
    return mulDivHalfUp(static_cast<std::int64_t>(yearlyKm) * milliPer100km, priceMinor, 100'000);
}

} // namespace

// [SECTION] Public: Kazakhstan customs

Money eurToKzt(std::int64_t eurCents, std::int64_t eurRateTiyn)
{
    return {mulDivHalfUp(eurCents, eurRateTiyn, 100), Currency::KZT};
}

CostBreakdown estimateKzCustoms(const CostTariffs& tariffs, const KzImportInput& in)
{
    BreakdownBuilder b(Currency::KZT);
    const KzCostTariffs& t = tariffs.kz;
    if (in.customsValue.currency != Currency::KZT || in.customsValue.amountMinor <= 0 ||
        in.customsValue.amountMinor > kMaxValueMinor)
        b.problem("customs_value");
    checkEngine(b, in.fuel, in.engineCm3);
    checkYears(b, in.modelYear, in.importYear, "import_year");
    if (in.eurRateTiyn && (*in.eurRateTiyn <= 0 || *in.eurRateTiyn > 100'000'000)) b.problem("eur_rate");
    if (b.failed()) return b.finish();

    const std::int64_t mci = tariffs.kzReference.mciTiyn;
    const std::int64_t eurRate = in.eurRateTiyn.value_or(tariffs.kzReference.eurRateTiyn);
    const int age = ageYears(in.modelYear, in.importYear);
    const std::int64_t value = in.customsValue.amountMinor;
    const std::int64_t duty = dutyTiyn(t, in, age, eurRate);
    const std::int64_t excise = exciseTiyn(t, in.fuel, in.engineCm3);

    b.add("finance.customs.duty", duty, t.dutyApproximate || !in.eurRateTiyn);
    if (excise > 0) b.add("finance.customs.excise", excise, t.exciseApproximate);
    b.add("finance.customs.vat", applyFactor(value + duty + excise, t.vatRate), t.vatApproximate);
    b.add("finance.customs.fee", mciTimes(mci, t.customsFeeMci), t.customsFeeApproximate);
    b.add("finance.registration.recycling_fee", recyclingTiyn(t, mci, in.fuel, in.engineCm3), t.recyclingApproximate);
    b.add("finance.registration.first_registration", firstRegistrationTiyn(t, mci, in.fuel, age),
          t.registrationApproximate);
    addLuxuryExcise(b, t, mci, value);
    return b.finish();
}

// [SECTION] Public: Bahrain registration and transfer

CostBreakdown estimateBhRegistration(const CostTariffs& tariffs, const BhRegistrationInput& in)
{
    BreakdownBuilder b(Currency::BHD);
    const BhCostTariffs& t = tariffs.bh;
    if (in.emptyWeightKg <= 0 || in.emptyWeightKg > kMaxEmptyWeightKg) b.problem("empty_weight");
    if (b.failed()) return b.finish();
    if (in.kind == BhRegistration::First) {
        b.add("finance.registration.file_opening", t.fileOpeningFils, t.registrationApproximate);
        b.add("finance.registration.annual_registration", annualRegistrationFils(t, in.emptyWeightKg),
              t.registrationApproximate);
        b.add("finance.registration.plate", t.plateFils, t.registrationApproximate);
        b.add("finance.registration.inspection", t.inspectionFils, t.registrationApproximate);
    } else {
        b.add("finance.registration.transfer_fee", t.transferFeeFils, t.transferApproximate);
        b.add("finance.registration.transfer_inspection", t.transferInspectionFils, t.transferApproximate);
    }
    return b.finish();
}

// [SECTION] Public: transport tax and yearly ownership

CostBreakdown kzTransportTax(const CostTariffs& tariffs, Fuel fuel, int engineCm3, int modelYear, int year)
{
    BreakdownBuilder b(Currency::KZT);
    const KzCostTariffs& t = tariffs.kz;
    checkEngine(b, fuel, engineCm3);
    checkYears(b, modelYear, year, "year");
    if (b.failed()) return b.finish();
    if (contains(t.transportTaxExemptFuels, fuel)) {
        b.add("finance.tax.transport.base", 0, t.transportTaxApproximate);
        return b.finish();
    }
    FactorChain chain(b, "finance.tax.transport.base", transportTaxBaseMilli(t, tariffs.kzReference.mciTiyn, engineCm3),
                      t.transportTaxApproximate);
    const Micro ageCoefficient = transportTaxAgeCoefficient(t, ageYears(modelYear, year));
    if (ageCoefficient != kMicroOne)
        chain.times("finance.tax.transport.age_coefficient", ageCoefficient, t.transportTaxApproximate);
    return b.finish();
}

CostBreakdown estimateOwnership(const CostTariffs& tariffs, const OwnershipInput& in)
{
    const Currency currency = currencyOf(in.country);
    BreakdownBuilder b(currency);
    checkEngine(b, in.fuel, in.engineCm3);
    checkYears(b, in.modelYear, in.year, "year");
    if (in.yearlyKm < 0 || in.yearlyKm > kMaxYearlyKm) b.problem("yearly_km");
    if (!std::isfinite(in.consumptionPer100km) || in.consumptionPer100km <= 0 ||
        in.consumptionPer100km > kMaxConsumptionPer100km)
        b.problem("consumption");
    if (in.country == Country::BH && (in.emptyWeightKg <= 0 || in.emptyWeightKg > kMaxEmptyWeightKg))
        b.problem("empty_weight");
    const FuelPrice* price = tariffs.fuel.find(in.country, in.fuel);
    if (!price) b.problem("fuel_price_missing");
    if (in.insurance && (in.insurance->currency != currency || in.insurance->amountMinor < 0))
        b.problem("insurance_currency");
    if (b.failed()) return b.finish();

    const auto milliPer100km = static_cast<std::int64_t>(std::llround(in.consumptionPer100km * 1000));
    b.add("finance.ownership.fuel", fuelCostMinor(in.yearlyKm, milliPer100km, price->perUnit.amountMinor),
          price->approximate);
    if (in.country == Country::KZ) {
        const CostBreakdown tax = kzTransportTax(tariffs, in.fuel, in.engineCm3, in.modelYear, in.year);
        b.add("finance.ownership.transport_tax", tax.total.amountMinor, tariffs.kz.transportTaxApproximate);
    } else {
        b.add("finance.ownership.registration_renewal", annualRegistrationFils(tariffs.bh, in.emptyWeightKg),
              tariffs.bh.registrationApproximate);
    }
    if (in.insurance) b.add("finance.ownership.insurance", in.insurance->amountMinor, true);
    return b.finish();
}

} // namespace dongelek::finance
