// Parsers of the cost tariff files (tariffs/kz_reference.json, kz_costs.json,
// bh_costs.json, fuel_prices.json): strict, every failure names the file and the field.

#include "core/finance/costs_internal.hpp"

namespace dongelek::finance {

using namespace costs_detail;

// [SECTION] Kazakhstan: reference values

TariffParse<KzReference> parseKzReference(std::string_view text)
{
    return parseTariff<KzReference>(text, "kz_reference.json", [](const json& root) {
        KzReference r;
        r.info = readInfo(root, "kz_reference");
        const json& mci = sectionAt(root, "mci", "");
        r.mciYear = intAt(mci, "year", "/mci", 2000, 2100);
        r.mciTiyn = moneyAt(mci, "value_kzt", "/mci", Currency::KZT);
        if (r.mciTiyn == 0) throw TariffFailure{"/mci/value_kzt", "must be positive"};
        const json& eur = sectionAt(root, "eur_kzt", "");
        r.eurRateTiyn = moneyAt(eur, "default_rate", "/eur_kzt", Currency::KZT);
        if (r.eurRateTiyn == 0) throw TariffFailure{"/eur_kzt/default_rate", "must be positive"};
        r.eurRateAsOf = stringAt(eur, "as_of", "/eur_kzt");
        r.eurRateApproximate = approximateAt(eur);
        return r;
    });
}

// [SECTION] Kazakhstan: customs

namespace {

DutySchedule readSchedule(const json& j, const std::string& path)
{
    DutySchedule s;
    s.id = stringAt(j, "id", path);
    const json& ages = arrayAt(j, "ages", path);
    const std::string agesPath = child(path, "ages");
    for (std::size_t i = 0; i < ages.size(); ++i) {
        const std::string agePath = child(agesPath, i);
        DutyAgeBand band;
        band.maxAgeYears = boundAt(ages[i], "max_age_years", agePath);
        const json& volumes = arrayAt(ages[i], "volumes", agePath);
        const std::string volumesPath = child(agePath, "volumes");
        for (std::size_t k = 0; k < volumes.size(); ++k) {
            const std::string p = child(volumesPath, k);
            DutyVolumeBand v;
            v.maxCm3 = boundAt(volumes[k], "max_cm3", p);
            v.adValorem = percentAt(volumes[k], "ad_valorem_percent", p);
            v.eurPerCm3 = decimalAt(volumes[k], "eur_per_cm3", p);
            band.volumes.push_back(v);
        }
        checkBands(band.volumes, &DutyVolumeBand::maxCm3, volumesPath, "max_cm3");
        s.ages.push_back(std::move(band));
    }
    checkBands(s.ages, &DutyAgeBand::maxAgeYears, agesPath, "max_age_years");
    return s;
}

void readDuty(const json& customs, KzCostTariffs& t)
{
    const json& duty = sectionAt(customs, "duty", "/customs");
    t.dutyApproximate = approximateAt(duty);
    const json& schedules = arrayAt(duty, "schedules", "/customs/duty");
    for (std::size_t i = 0; i < schedules.size(); ++i)
        t.dutySchedules.push_back(readSchedule(schedules[i], child("/customs/duty/schedules", i)));
    const json& byFuel = objectAt(duty, "schedule_by_fuel", "/customs/duty");
    for (Fuel f : allValues<Fuel>()) {
        const std::string fuel(toString(f));
        const std::string id = stringAt(byFuel, fuel, "/customs/duty/schedule_by_fuel");
        bool known = false;
        for (const DutySchedule& s : t.dutySchedules)
            known = known || s.id == id;
        if (!known) throw TariffFailure{"/customs/duty/schedule_by_fuel/" + fuel, "names no schedule"};
        t.dutyScheduleByFuel.emplace_back(f, id);
    }
}

void readCustoms(const json& root, KzCostTariffs& t)
{
    const json& customs = objectAt(root, "customs", "");
    readDuty(customs, t);
    const json& excise = sectionAt(customs, "excise", "/customs");
    t.exciseAboveCm3 = intAt(excise, "above_cm3", "/customs/excise", 0, kMaxEngineCm3);
    t.excisePerCm3Tiyn = moneyAt(excise, "kzt_per_cm3", "/customs/excise", Currency::KZT);
    t.exciseExemptFuels = fuelsAt(excise, "exempt_fuels", "/customs/excise");
    t.exciseApproximate = approximateAt(excise);
    const json& luxury = sectionAt(customs, "luxury_excise", "/customs");
    t.luxuryExciseThresholdMci = decimalAt(luxury, "threshold_mci", "/customs/luxury_excise", 1e6);
    t.luxuryExciseRate = percentAt(luxury, "percent", "/customs/luxury_excise");
    t.luxuryExciseApproximate = approximateAt(luxury);
    const json& vat = sectionAt(customs, "vat", "/customs");
    t.vatRate = percentAt(vat, "percent", "/customs/vat");
    t.vatApproximate = approximateAt(vat);
    const json& fee = sectionAt(customs, "customs_fee", "/customs");
    t.customsFeeMci = decimalAt(fee, "mci", "/customs/customs_fee");
    t.customsFeeApproximate = approximateAt(fee);
}

// [SECTION] Kazakhstan: registration and transport tax

void readRecycling(const json& root, KzCostTariffs& t)
{
    const json& r = sectionAt(root, "recycling_fee", "");
    t.recyclingBaseMci = decimalAt(r, "base_mci", "/recycling_fee");
    t.recyclingElectricCoefficient = decimalAt(r, "electric_coefficient", "/recycling_fee");
    t.recyclingApproximate = approximateAt(r);
    const json& rows = arrayAt(r, "coefficients", "/recycling_fee");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child("/recycling_fee/coefficients", i);
        t.recyclingCoefficients.push_back({boundAt(rows[i], "max_cm3", p), decimalAt(rows[i], "coefficient", p)});
    }
    checkBands(t.recyclingCoefficients, &FlatByVolume::maxCm3, "/recycling_fee/coefficients", "max_cm3");
}

void readRegistration(const json& root, KzCostTariffs& t)
{
    const json& r = sectionAt(root, "first_registration", "");
    t.registrationElectricMci = decimalAt(r, "electric_mci", "/first_registration");
    t.registrationApproximate = approximateAt(r);
    const json& rows = arrayAt(r, "fees", "/first_registration");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child("/first_registration/fees", i);
        t.registrationFees.push_back({boundAt(rows[i], "max_age_years", p), decimalAt(rows[i], "mci", p)});
    }
    checkBands(t.registrationFees, &FeeByAge::maxAgeYears, "/first_registration/fees", "max_age_years");
}

void readTransportTax(const json& root, KzCostTariffs& t)
{
    const json& tax = sectionAt(root, "transport_tax", "");
    t.transportTaxApproximate = approximateAt(tax);
    t.transportTaxExemptFuels = fuelsAt(tax, "exempt_fuels", "/transport_tax");
    const json& bands = arrayAt(tax, "bands", "/transport_tax");
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const std::string p = child("/transport_tax/bands", i);
        TransportTaxBand b;
        b.maxCm3 = boundAt(bands[i], "max_cm3", p);
        b.mci = decimalAt(bands[i], "mci", p);
        b.perCm3FromCm3 = intAt(bands[i], "per_cm3_from_cm3", p, 0, kMaxEngineCm3);
        b.perCm3Tiyn = moneyAt(bands[i], "kzt_per_cm3", p, Currency::KZT);
        t.transportTaxBands.push_back(b);
    }
    checkBands(t.transportTaxBands, &TransportTaxBand::maxCm3, "/transport_tax/bands", "max_cm3");
    const json& ages = arrayAt(tax, "age_coefficients", "/transport_tax");
    for (std::size_t i = 0; i < ages.size(); ++i) {
        const std::string p = child("/transport_tax/age_coefficients", i);
        CoefficientFromAge c{intAt(ages[i], "min_age_years", p, 0, 200), decimalAt(ages[i], "coefficient", p)};
        if (i == 0 && c.minAgeYears != 0)
            throw TariffFailure{child(p, "min_age_years"), "the first row must start at 0"};
        if (i > 0 && c.minAgeYears <= t.transportTaxAgeCoefficients.back().minAgeYears)
            throw TariffFailure{child(p, "min_age_years"), "ages must rise strictly"};
        t.transportTaxAgeCoefficients.push_back(c);
    }
}

} // namespace

TariffParse<KzCostTariffs> parseKzCostTariffs(std::string_view text)
{
    return parseTariff<KzCostTariffs>(text, "kz_costs.json", [](const json& root) {
        KzCostTariffs t;
        t.info = readInfo(root, "kz_costs");
        readCustoms(root, t);
        readRecycling(root, t);
        readRegistration(root, t);
        readTransportTax(root, t);
        return t;
    });
}

// [SECTION] Bahrain

TariffParse<BhCostTariffs> parseBhCostTariffs(std::string_view text)
{
    return parseTariff<BhCostTariffs>(text, "bh_costs.json", [](const json& root) {
        BhCostTariffs t;
        t.info = readInfo(root, "bh_costs");
        const json& reg = sectionAt(root, "registration", "");
        t.fileOpeningFils = moneyAt(reg, "file_opening_bhd", "/registration", Currency::BHD);
        t.plateFils = moneyAt(reg, "plate_bhd", "/registration", Currency::BHD);
        t.inspectionFils = moneyAt(reg, "inspection_bhd", "/registration", Currency::BHD);
        t.registrationApproximate = approximateAt(reg);
        const json& rows = arrayAt(reg, "annual_by_empty_weight", "/registration");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string p = child("/registration/annual_by_empty_weight", i);
            t.annualRegistration.push_back({boundAt(rows[i], "max_kg", p), moneyAt(rows[i], "bhd", p, Currency::BHD)});
        }
        checkBands(t.annualRegistration, &FeeByWeight::maxKg, "/registration/annual_by_empty_weight", "max_kg");
        const json& transfer = sectionAt(root, "transfer", "");
        t.transferFeeFils = moneyAt(transfer, "fee_bhd", "/transfer", Currency::BHD);
        t.transferInspectionFils = moneyAt(transfer, "inspection_and_certificate_bhd", "/transfer", Currency::BHD);
        t.transferApproximate = approximateAt(transfer);
        return t;
    });
}

// [SECTION] Fuel prices

const FuelPrice* FuelPrices::find(Country country, Fuel fuel) const
{
    for (const FuelPrice& p : prices)
        if (p.country == country && p.fuel == fuel) return &p;
    return nullptr;
}

TariffParse<FuelPrices> parseFuelPrices(std::string_view text)
{
    return parseTariff<FuelPrices>(text, "fuel_prices.json", [](const json& root) {
        FuelPrices t;
        t.info = readInfo(root, "fuel_prices");
        const json& rows = arrayAt(root, "prices", "");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::string p = child("/prices", i);
            if (!rows[i].is_object()) throw TariffFailure{p, "expected an object"};
            FuelPrice price;
            price.country = countryOf(member(rows[i], "country", p), child(p, "country"));
            price.fuel = fuelOf(member(rows[i], "fuel", p), child(p, "fuel"));
            const std::string unit = stringAt(rows[i], "unit", p);
            if (unit != (price.fuel == Fuel::Electric ? "kWh" : "litre"))
                throw TariffFailure{child(p, "unit"),
                                    price.fuel == Fuel::Electric ? "expected \"kWh\"" : "expected \"litre\""};
            stringAt(rows[i], "source", p);
            const Currency c = currencyOf(price.country);
            price.perUnit = {moneyAt(rows[i], "price", p, c), c};
            price.approximate = approximateAt(rows[i]);
            if (t.find(price.country, price.fuel))
                throw TariffFailure{p, "a second price for the same country and fuel"};
            t.prices.push_back(price);
        }
        return t;
    });
}

// [SECTION] Everything

TariffParse<CostTariffs> parseCostTariffs(std::string_view kzReferenceJson, std::string_view kzCostsJson,
                                          std::string_view bhCostsJson, std::string_view fuelPricesJson)
{
    TariffParse<CostTariffs> out;
    auto ref = parseKzReference(kzReferenceJson);
    auto kz = parseKzCostTariffs(kzCostsJson);
    auto bh = parseBhCostTariffs(bhCostsJson);
    auto fuel = parseFuelPrices(fuelPricesJson);
    if (!ref.ok())
        out.error = ref.error;
    else if (!kz.ok())
        out.error = kz.error;
    else if (!bh.ok())
        out.error = bh.error;
    else if (!fuel.ok())
        out.error = fuel.error;
    else
        out.tariffs = CostTariffs{std::move(*ref.tariffs), std::move(*kz.tariffs), std::move(*bh.tariffs),
                                  std::move(*fuel.tariffs)};
    return out;
}

} // namespace dongelek::finance
