// What a car really costs: worked examples of the Kazakh clearance, the Bahraini fees and the
// yearly ownership estimate, all computed by hand below from the real data files
// (tariffs/*.json: MCI 4,325 ₸, default EUR rate 595.00 ₸, VAT 16 %).
#include "core/finance/costs.hpp"
#include "tariff_files.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

using namespace dongelek;
using namespace dongelek::finance;

namespace {

std::string readData(const std::string& name) { return readTariffFile(name); }

const CostTariffs& tariffs()
{
    static const CostTariffs t = [] {
        auto parsed = parseCostTariffs(readData("kz_reference.json"), readData("kz_costs.json"),
                                       readData("bh_costs.json"), readData("fuel_prices.json"));
        if (!parsed.ok()) FAIL(parsed.error->describe());
        return *parsed.tariffs;
    }();
    return t;
}

Money kzt(std::int64_t tenge, std::int64_t tiyn = 0)
{
    return {tenge * 100 + tiyn, Currency::KZT};
}
Money bhd(std::int64_t dinars, std::int64_t fils = 0)
{
    return {dinars * 1000 + fils, Currency::BHD};
}

std::int64_t amountOf(const CostBreakdown& b, const char* key)
{
    const CostLine* l = b.line(key);
    return l ? l->amount.amountMinor : -1;
}

std::int64_t sumOfLines(const CostBreakdown& b)
{
    return std::accumulate(b.lines.begin(), b.lines.end(), std::int64_t{0},
                           [](std::int64_t s, const CostLine& l) { return s + l.amount.amountMinor; });
}

KzImportInput import(Fuel fuel, int cm3, int modelYear, std::int64_t euros)
{
    KzImportInput in;
    in.fuel = fuel;
    in.engineCm3 = cm3;
    in.modelYear = modelYear;
    in.importYear = 2026;
    in.customsValue = eurToKzt(euros * 100, tariffs().kzReference.eurRateTiyn);
    return in;
}

// The real kz_costs.json as a JSON object, to break one field at a time.
nlohmann::json kzCostsJson()
{
    return nlohmann::json::parse(readData("kz_costs.json"));
}

} // namespace

// [SECTION] The data files

TEST_CASE("the real cost tariff files parse and carry their sources and dates", "[core][finance]")
{
    const CostTariffs& t = tariffs();
    CHECK(t.kzReference.mciYear == 2026);
    CHECK(t.kzReference.mciTiyn == 432'500);
    CHECK(t.kzReference.eurRateTiyn == 59'500);
    CHECK(t.kzReference.eurRateApproximate);
    CHECK(t.kz.vatRate == 160'000);
    CHECK(t.kz.info.validFrom == "2026-01-01");
    CHECK_FALSE(t.kz.info.compiledOn.empty());
    CHECK(t.kz.info.sources.size() >= 3);
    CHECK(t.bh.info.file == "bh_costs");
    CHECK(t.bh.plateFils == 3'500);
    REQUIRE(t.fuel.find(Country::KZ, Fuel::Petrol));
    CHECK(t.fuel.find(Country::KZ, Fuel::Petrol)->perUnit == kzt(205));
    CHECK(t.fuel.find(Country::BH, Fuel::Petrol)->perUnit == bhd(0, 140));
    CHECK(t.fuel.find(Country::BH, Fuel::Gas) == nullptr);
    // The fuel file covers both countries: each source says which it is about.
    REQUIRE(t.fuel.info.sources.size() == 3);
    CHECK(t.fuel.info.sources[0].country == Country::KZ);
    CHECK(t.fuel.info.sources[2].country == Country::BH);
    CHECK_FALSE(t.kz.info.sources[0].country); // a file about one country needs none
}

// [SECTION] Kazakhstan: clearance

TEST_CASE("a 2020 Camry 2.5 petrol at 20000 euros clears in 2026 at the 3-7 year rates", "[core][finance]")
{
    // Value €20,000 × 595 = 11,900,000 ₸. Age 2026 − 2020 = 6 → the 3-7 band; 2,487 cm³ → 1800-3000:
    //   duty = max(20 % × €20,000 = €4,000, 0.44 × 2,487 = €1,094.28) = €4,000 = 2,380,000 ₸
    //   excise: 2,487 ≤ 3,000 → none
    //   VAT = 16 % × (11,900,000 + 2,380,000) = 2,284,800 ₸
    //   customs fee 6 MCI = 25,950 ₸; recycling 50 MCI × 5.0 = 1,081,250 ₸
    //   first registration (over 3 years) 500 MCI = 2,162,500 ₸
    //   total 7,934,500 ₸
    const CostBreakdown b = estimateKzCustoms(tariffs(), import(Fuel::Petrol, 2487, 2020, 20'000));
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.customs.duty") == kzt(2'380'000).amountMinor);
    CHECK(b.line("finance.customs.excise") == nullptr);
    CHECK(amountOf(b, "finance.customs.vat") == kzt(2'284'800).amountMinor);
    CHECK(amountOf(b, "finance.customs.fee") == kzt(25'950).amountMinor);
    CHECK(amountOf(b, "finance.registration.recycling_fee") == kzt(1'081'250).amountMinor);
    CHECK(amountOf(b, "finance.registration.first_registration") == kzt(2'162'500).amountMinor);
    CHECK(b.line("finance.registration.luxury_excise") == nullptr);
    CHECK(b.total == kzt(7'934'500));
    CHECK(b.line("finance.customs.duty")->approximate); // default EUR rate
}

TEST_CASE("a passed EUR rate replaces the default and the duty follows it", "[core][finance]")
{
    // At 600.00 ₸/€: value 12,000,000 ₸, duty 20 % = 2,400,000 ₸, VAT 16 % × 14,400,000 = 2,304,000 ₸.
    KzImportInput in = import(Fuel::Petrol, 2487, 2020, 20'000);
    in.eurRateTiyn = 60'000;
    in.customsValue = eurToKzt(2'000'000, 60'000);
    const CostBreakdown b = estimateKzCustoms(tariffs(), in);
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.customs.duty") == kzt(2'400'000).amountMinor);
    CHECK(amountOf(b, "finance.customs.vat") == kzt(2'304'000).amountMinor);
}

TEST_CASE("a 4.0 litre car pays the engine-volume excise and it enters the VAT base", "[core][finance]")
{
    // 2021 petrol 4,000 cm³, €30,000 → 17,850,000 ₸; age 5 → 3-7 band, over 3,000 cm³:
    //   duty = max(20 % × €30,000 = €6,000, 0.8 × 4,000 = €3,200) = €6,000 = 3,570,000 ₸
    //   excise = 4,000 cm³ × 100 ₸ = 400,000 ₸
    //   VAT = 16 % × (17,850,000 + 3,570,000 + 400,000) = 3,491,200 ₸
    //   recycling 50 MCI × 11.5 = 2,486,875 ₸; registration 2,162,500 ₸; fee 25,950 ₸
    //   total 12,136,525 ₸
    const CostBreakdown b = estimateKzCustoms(tariffs(), import(Fuel::Petrol, 4000, 2021, 30'000));
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.customs.duty") == kzt(3'570'000).amountMinor);
    CHECK(amountOf(b, "finance.customs.excise") == kzt(400'000).amountMinor);
    CHECK(amountOf(b, "finance.customs.vat") == kzt(3'491'200).amountMinor);
    CHECK(amountOf(b, "finance.registration.recycling_fee") == kzt(2'486'875).amountMinor);
    CHECK(b.total == kzt(12'136'525));
    // The excise starts strictly above 3,000 cm³, on the whole volume.
    CHECK(estimateKzCustoms(tariffs(), import(Fuel::Petrol, 3000, 2021, 30'000)).line("finance.customs.excise") ==
          nullptr);
    CHECK(amountOf(estimateKzCustoms(tariffs(), import(Fuel::Petrol, 3001, 2021, 30'000)), "finance.customs.excise") ==
          kzt(300'100).amountMinor);
}

TEST_CASE("a car over 7 years pays euros per cm3 whatever its value", "[core][finance]")
{
    // 2015 petrol 1,598 cm³ (age 11), €5,000 → 2,975,000 ₸:
    //   duty = 1.6 €/cm³ × 1,598 = €2,556.80 × 595 = 1,521,296.00 ₸
    //   VAT = 16 % × (2,975,000 + 1,521,296) = 719,407.36 ₸
    //   recycling 3.5 × 216,250 = 756,875 ₸; registration 2,162,500 ₸; fee 25,950 ₸
    const CostBreakdown b = estimateKzCustoms(tariffs(), import(Fuel::Petrol, 1598, 2015, 5'000));
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.customs.duty") == kzt(1'521'296).amountMinor);
    CHECK(amountOf(b, "finance.customs.vat") == kzt(719'407, 36).amountMinor);
    CHECK(amountOf(b, "finance.registration.recycling_fee") == kzt(756'875).amountMinor);
    CHECK(b.total == kzt(1'521'296 + 719'407 + 25'950 + 756'875 + 2'162'500, 36));
    // The same car at €50,000 pays the same duty.
    CHECK(amountOf(estimateKzCustoms(tariffs(), import(Fuel::Petrol, 1598, 2015, 50'000)), "finance.customs.duty") ==
          kzt(1'521'296).amountMinor);
}

TEST_CASE("a diesel of 7 years takes the larger of 20 percent and the per-cm3 minimum", "[core][finance]")
{
    // 2019 diesel 1,995 cm³ (age 7 → 3-7), €15,000: max(€3,000, 0.40 × 1,995 = €798) = €3,000 = 1,785,000 ₸.
    // At €1,000: max(€200, €798) = €798 = 474,810 ₸.
    CHECK(amountOf(estimateKzCustoms(tariffs(), import(Fuel::Diesel, 1995, 2019, 15'000)), "finance.customs.duty") ==
          kzt(1'785'000).amountMinor);
    CHECK(amountOf(estimateKzCustoms(tariffs(), import(Fuel::Diesel, 1995, 2019, 1'000)), "finance.customs.duty") ==
          kzt(474'810).amountMinor);
}

TEST_CASE("an electric car pays 15 percent duty and VAT but no excise and no recycling fee", "[core][finance]")
{
    // 2024 electric, €25,000 → 14,875,000 ₸: duty 15 % = 2,231,250 ₸ (no EAEU quota for 2026);
    //   VAT 16 % × 17,106,250 = 2,737,000 ₸; recycling 0; registration 0.25 MCI = 1,081.25 ₸; fee 25,950 ₸.
    const CostBreakdown b = estimateKzCustoms(tariffs(), import(Fuel::Electric, 0, 2024, 25'000));
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.customs.duty") == kzt(2'231'250).amountMinor);
    CHECK(b.line("finance.customs.excise") == nullptr);
    CHECK(amountOf(b, "finance.customs.vat") == kzt(2'737'000).amountMinor);
    CHECK(amountOf(b, "finance.registration.recycling_fee") == 0);
    CHECK(amountOf(b, "finance.registration.first_registration") == kzt(1'081, 25).amountMinor);
    CHECK(b.total == kzt(2'231'250 + 2'737'000 + 25'950 + 1'081, 25));
}

TEST_CASE("the first-registration fee rises with the car's age", "[core][finance]")
{
    // Up to 1 year: 0.25 MCI = 1,081.25 ₸; 2-3 years: 50 MCI = 216,250 ₸; over 3: 500 MCI = 2,162,500 ₸.
    const auto fee = [](int modelYear) {
        return amountOf(estimateKzCustoms(tariffs(), import(Fuel::Petrol, 1598, modelYear, 15'000)),
                        "finance.registration.first_registration");
    };
    CHECK(fee(2027) == kzt(1'081, 25).amountMinor);
    CHECK(fee(2025) == kzt(1'081, 25).amountMinor);
    CHECK(fee(2024) == kzt(216'250).amountMinor);
    CHECK(fee(2023) == kzt(216'250).amountMinor);
    CHECK(fee(2022) == kzt(2'162'500).amountMinor);
}

TEST_CASE("a car from 18000 MCI pays the 10 percent luxury excise", "[core][finance]")
{
    // Threshold 18,000 × 4,325 = 77,850,000 ₸. At 80,000,000 ₸: 8,000,000 ₸; just below: none.
    KzImportInput in = import(Fuel::Petrol, 2998, 2025, 0);
    in.customsValue = kzt(80'000'000);
    CHECK(amountOf(estimateKzCustoms(tariffs(), in), "finance.registration.luxury_excise") ==
          kzt(8'000'000).amountMinor);
    in.customsValue = kzt(77'849'999);
    CHECK(estimateKzCustoms(tariffs(), in).line("finance.registration.luxury_excise") == nullptr);
}

TEST_CASE("out-of-range clearance inputs give named problems and no estimate", "[core][finance]")
{
    KzImportInput in = import(Fuel::Petrol, -1500, 2028, 20'000);
    CostBreakdown b = estimateKzCustoms(tariffs(), in);
    CHECK_FALSE(b.ok());
    CHECK(b.hasProblem("finance.problem.engine_volume"));
    CHECK(b.hasProblem("finance.problem.model_year")); // from the future
    CHECK(b.lines.empty());
    CHECK(b.total.amountMinor == 0);

    in = import(Fuel::Petrol, 0, 2020, 20'000); // a petrol car needs a volume
    CHECK(estimateKzCustoms(tariffs(), in).hasProblem("finance.problem.engine_volume"));
    in = import(Fuel::Petrol, 1598, 2020, 0);
    CHECK(estimateKzCustoms(tariffs(), in).hasProblem("finance.problem.customs_value"));
    in = import(Fuel::Petrol, 1598, 2020, 20'000);
    in.customsValue.currency = Currency::BHD;
    CHECK(estimateKzCustoms(tariffs(), in).hasProblem("finance.problem.customs_value"));
    in = import(Fuel::Petrol, 1598, 2020, 20'000);
    in.eurRateTiyn = 0;
    CHECK(estimateKzCustoms(tariffs(), in).hasProblem("finance.problem.eur_rate"));
    in = import(Fuel::Petrol, 1598, 1890, 20'000);
    CHECK(estimateKzCustoms(tariffs(), in).hasProblem("finance.problem.model_year"));
    in = import(Fuel::Petrol, 1598, 2020, 20'000);
    in.importYear = 0;
    CHECK(estimateKzCustoms(tariffs(), in).hasProblem("finance.problem.import_year"));
}

TEST_CASE("clearance totals are the sum of their lines", "[core][finance]")
{
    for (Fuel fuel : {Fuel::Petrol, Fuel::Diesel, Fuel::Hybrid, Fuel::Gas, Fuel::Electric})
        for (int cm3 : {998, 1500, 1501, 2487, 3000, 3456, 6200})
            for (int year : {2026, 2024, 2021, 2019, 2012})
                for (std::int64_t euros : {3'000, 20'000, 150'000}) {
                    const int volume = fuel == Fuel::Electric ? 0 : cm3;
                    const CostBreakdown b = estimateKzCustoms(tariffs(), import(fuel, volume, year, euros));
                    REQUIRE(b.ok());
                    CHECK(b.total.amountMinor == sumOfLines(b));
                    for (const CostLine& l : b.lines)
                        CHECK(l.amount.amountMinor >= 0);
                }
}

TEST_CASE("for cars over 7 years the clearance never falls as the engine grows", "[core][finance]")
{
    // Over 7 years the duty is per cm³ with rising band rates, the excise and recycling fee step up:
    // the law is monotone in volume there (the 3-7 year minimums are not: 0.40 €/cm³ up to 1,500, 0.36 above).
    for (Fuel fuel : {Fuel::Petrol, Fuel::Diesel}) {
        std::int64_t previous = 0, previousRecycling = 0;
        for (int cm3 = 600; cm3 <= 8000; cm3 += 7) {
            const CostBreakdown b = estimateKzCustoms(tariffs(), import(fuel, cm3, 2012, 8'000));
            REQUIRE(b.ok());
            CHECK(b.total.amountMinor >= previous);
            CHECK(amountOf(b, "finance.registration.recycling_fee") >= previousRecycling);
            previous = b.total.amountMinor;
            previousRecycling = amountOf(b, "finance.registration.recycling_fee");
        }
    }
}

// [SECTION] Kazakhstan: transport tax

TEST_CASE("the transport tax follows the worked Camry examples with the 2026 age coefficients", "[core][finance]")
{
    // 2,362 cm³: 6 MCI + (2,362 − 2,000) × 7 ₸ = 25,950 + 2,534 = 28,484 ₸.
    //   2011 car in 2026 (15 years) × 0.7 = 19,938.80 ₸; 2005 (21 years) × 0.5 = 14,242 ₸; 2020: 28,484 ₸.
    CostBreakdown b = kzTransportTax(tariffs(), Fuel::Petrol, 2362, 2011, 2026);
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.tax.transport.base") == kzt(28'484).amountMinor);
    CHECK(b.line("finance.tax.transport.age_coefficient")->factor == 700'000);
    CHECK(amountOf(b, "finance.tax.transport.age_coefficient") == -kzt(8'545, 20).amountMinor);
    CHECK(b.total == kzt(19'938, 80));
    CHECK(kzTransportTax(tariffs(), Fuel::Petrol, 2362, 2005, 2026).total == kzt(14'242));
    b = kzTransportTax(tariffs(), Fuel::Petrol, 2362, 2020, 2026);
    CHECK(b.total == kzt(28'484));
    CHECK(b.line("finance.tax.transport.age_coefficient") == nullptr);
    // Flat bands and the top band: 1,000 cm³ 1 MCI; 1,400 cm³ 2 MCI; 4,500 cm³ 117 MCI + 500 × 7 ₸.
    CHECK(kzTransportTax(tariffs(), Fuel::Petrol, 1000, 2020, 2026).total == kzt(4'325));
    CHECK(kzTransportTax(tariffs(), Fuel::Petrol, 1400, 2020, 2026).total == kzt(8'650));
    CHECK(kzTransportTax(tariffs(), Fuel::Petrol, 4500, 2020, 2026).total == kzt(509'525));
    // Electric cars are exempt.
    CHECK(kzTransportTax(tariffs(), Fuel::Electric, 0, 2020, 2026).total == kzt(0));
}

TEST_CASE("the transport tax never falls as the engine grows", "[core][finance]")
{
    std::int64_t previous = 0;
    for (int cm3 = 50; cm3 <= 9000; ++cm3) {
        const std::int64_t tax = kzTransportTax(tariffs(), Fuel::Petrol, cm3, 2020, 2026).total.amountMinor;
        CHECK(tax >= previous);
        previous = tax;
    }
    CHECK(kzTransportTax(tariffs(), Fuel::Petrol, -5, 2020, 2026).hasProblem("finance.problem.engine_volume"));
    CHECK(kzTransportTax(tariffs(), Fuel::Petrol, 2000, 2030, 2026).hasProblem("finance.problem.model_year"));
}

// [SECTION] Bahrain

TEST_CASE("a Bahraini first registration and a transfer add up the GDT fees", "[core][finance]")
{
    // First: file opening 5 + registration (≤ 2.5 t) 15 + plate 3.500 + inspection 5 = BD 28.500.
    CostBreakdown b = estimateBhRegistration(tariffs(), {BhRegistration::First, 1600});
    REQUIRE(b.ok());
    CHECK(b.total == bhd(28, 500));
    CHECK(amountOf(b, "finance.registration.annual_registration") == bhd(15).amountMinor);
    // 3,000 kg pays BD 30 a year.
    CHECK(amountOf(estimateBhRegistration(tariffs(), {BhRegistration::First, 3000}),
                   "finance.registration.annual_registration") == bhd(30).amountMinor);
    // Transfer: BD 10 (approximate) + inspection and ownership certificate BD 6 = BD 16.
    b = estimateBhRegistration(tariffs(), {BhRegistration::Transfer, 1600});
    CHECK(b.total == bhd(16));
    CHECK(b.line("finance.registration.transfer_fee")->approximate);
    CHECK(estimateBhRegistration(tariffs(), {BhRegistration::First, 0}).hasProblem("finance.problem.empty_weight"));
}

// [SECTION] Yearly ownership

TEST_CASE("a yearly ownership estimate adds fuel, transport tax and insurance", "[core][finance]")
{
    // Camry 2020, 2,487 cm³, 15,000 km at 8.5 l/100 km: 1,275 l × 205 ₸ = 261,375 ₸.
    //   Transport tax: 6 MCI + 487 × 7 ₸ = 29,359 ₸. Insurance (the OGPO quote) 32,484.68 ₸.
    //   Total 323,218.68 ₸.
    OwnershipInput in;
    in.country = Country::KZ;
    in.engineCm3 = 2487;
    in.modelYear = 2020;
    in.year = 2026;
    in.yearlyKm = 15'000;
    in.consumptionPer100km = 8.5;
    in.insurance = kzt(32'484, 68);
    const CostBreakdown b = estimateOwnership(tariffs(), in);
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.ownership.fuel") == kzt(261'375).amountMinor);
    CHECK(amountOf(b, "finance.ownership.transport_tax") == kzt(29'359).amountMinor);
    CHECK(amountOf(b, "finance.ownership.insurance") == kzt(32'484, 68).amountMinor);
    CHECK(b.total == kzt(323'218, 68));
    CHECK(b.total.amountMinor == sumOfLines(b));
}

TEST_CASE("an electric car's yearly energy is priced per kWh and pays no transport tax", "[core][finance]")
{
    // 15,000 km at 16.5 kWh/100 km = 2,475 kWh × 30 ₸ = 74,250 ₸.
    OwnershipInput in;
    in.fuel = Fuel::Electric;
    in.modelYear = 2024;
    in.year = 2026;
    in.yearlyKm = 15'000;
    in.consumptionPer100km = 16.5;
    const CostBreakdown b = estimateOwnership(tariffs(), in);
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.ownership.fuel") == kzt(74'250).amountMinor);
    CHECK(amountOf(b, "finance.ownership.transport_tax") == 0);
    CHECK(b.total == kzt(74'250));
}

TEST_CASE("a Bahraini yearly estimate uses dinar fuel prices and the registration renewal", "[core][finance]")
{
    // 20,000 km at 9 l/100 km = 1,800 l × 0.140 = BD 252; renewal (≤ 2.5 t) BD 15; total BD 267.
    OwnershipInput in;
    in.country = Country::BH;
    in.engineCm3 = 2000;
    in.modelYear = 2022;
    in.year = 2026;
    in.yearlyKm = 20'000;
    in.consumptionPer100km = 9;
    in.emptyWeightKg = 1450;
    CostBreakdown b = estimateOwnership(tariffs(), in);
    REQUIRE(b.ok());
    CHECK(amountOf(b, "finance.ownership.fuel") == bhd(252).amountMinor);
    CHECK(amountOf(b, "finance.ownership.registration_renewal") == bhd(15).amountMinor);
    CHECK(b.total == bhd(267));
    // The file has no Bahraini autogas price; a tenge premium cannot be added to dinars.
    in.fuel = Fuel::Gas;
    CHECK(estimateOwnership(tariffs(), in).hasProblem("finance.problem.fuel_price_missing"));
    in.fuel = Fuel::Petrol;
    in.insurance = kzt(30'000);
    CHECK(estimateOwnership(tariffs(), in).hasProblem("finance.problem.insurance_currency"));
}

TEST_CASE("out-of-range ownership inputs give named problems", "[core][finance]")
{
    OwnershipInput in;
    in.engineCm3 = 1600;
    in.modelYear = 2020;
    in.year = 2026;
    in.yearlyKm = -10;
    in.consumptionPer100km = 0;
    CostBreakdown b = estimateOwnership(tariffs(), in);
    CHECK(b.hasProblem("finance.problem.yearly_km"));
    CHECK(b.hasProblem("finance.problem.consumption"));
    CHECK(b.lines.empty());
    in.yearlyKm = 10'000;
    in.consumptionPer100km = 7;
    in.country = Country::BH;
    CHECK(estimateOwnership(tariffs(), in).hasProblem("finance.problem.empty_weight"));
}

// [SECTION] Broken tariff files

TEST_CASE("a broken cost tariff file names the file and the bad field", "[core][finance]")
{
    nlohmann::json j = kzCostsJson();
    j["customs"]["vat"]["percent"] = "sixteen";
    auto r = parseKzCostTariffs(j.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->file == "kz_costs.json");
    CHECK(r.error->field == "/customs/vat/percent");
    CHECK(r.error->describe().find("/customs/vat/percent") != std::string::npos);

    j = kzCostsJson();
    j["transport_tax"]["bands"][3].erase("mci");
    r = parseKzCostTariffs(j.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->field == "/transport_tax/bands/3/mci");

    j = kzCostsJson();
    j["customs"]["duty"]["schedules"][0]["ages"][1]["volumes"][2]["max_cm3"] = 900; // below the band before
    r = parseKzCostTariffs(j.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->field == "/customs/duty/schedules/0/ages/1/volumes/2/max_cm3");

    j = kzCostsJson();
    j["customs"]["duty"]["schedule_by_fuel"]["hybrid"] = "steam";
    CHECK(parseKzCostTariffs(j.dump()).error->field == "/customs/duty/schedule_by_fuel/hybrid");

    j = kzCostsJson();
    j["recycling_fee"].erase("source");
    CHECK(parseKzCostTariffs(j.dump()).error->field == "/recycling_fee/source");

    j = kzCostsJson();
    j["file"] = "bh_costs";
    CHECK(parseKzCostTariffs(j.dump()).error->field == "/file");

    CHECK_FALSE(parseKzCostTariffs("{ not json").ok());
    CHECK(parseKzCostTariffs("{ not json").error->field.empty());

    nlohmann::json fuel = nlohmann::json::parse(readData("fuel_prices.json"));
    fuel["prices"][0]["price"] = 205.005; // a tenge price with three decimals
    CHECK(parseFuelPrices(fuel.dump()).error->field == "/prices/0/price");
    fuel = nlohmann::json::parse(readData("fuel_prices.json"));
    fuel["prices"][1]["fuel"] = "coal";
    CHECK(parseFuelPrices(fuel.dump()).error->field == "/prices/1/fuel");
    fuel = nlohmann::json::parse(readData("fuel_prices.json"));
    fuel["sources"][2]["country"] = "Bahrain";
    CHECK(parseFuelPrices(fuel.dump()).error->field == "/sources/2/country");

    nlohmann::json ref = nlohmann::json::parse(readData("kz_reference.json"));
    ref["mci"]["value_kzt"] = -4325;
    const auto all = parseCostTariffs(ref.dump(), readData("kz_costs.json"), readData("bh_costs.json"),
                                      readData("fuel_prices.json"));
    REQUIRE_FALSE(all.ok());
    CHECK(all.error->file == "kz_reference.json");
    CHECK(all.error->field == "/mci/value_kzt");
}

TEST_CASE("factors round half up to the minor unit", "[core][finance]")
{
    CHECK(applyFactor(1'000, 150'000) == 150); // 15 % of 10.00
    CHECK(applyFactor(5, 100'000) == 1);       // 0.5 → 1
    CHECK(applyFactor(4, 100'000) == 0);       // 0.4 → 0
    CHECK(applyFactor(1'000'000'000'000, 160'000) == 160'000'000'000);
    CHECK(toMinor(4'325, Currency::KZT) == 432'500);
    CHECK(toMinor(15, Currency::BHD) == 15'000);
    CHECK(eurToKzt(2'000'000, 59'500) == kzt(11'900'000));
}
