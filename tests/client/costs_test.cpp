// What a car really costs, on the client: the address carries the inputs and reads back the
// same; the defaults come from the listing (engine volume, region of its city, body weight,
// new or used) and the tariff files; the estimate is the core engines' on exactly those inputs
// (the ownership's insurance is the quote's premium, full cover added when asked); a field that
// does not read, or reads out of range, names its problem under itself and the sections that
// need it say so, while the others still show; Bahrain has registration instead of customs;
// the tariffs are fetched once; every key a breakdown can show has its text in three languages.

#include "client_harness.hpp"

#include "../core/finance/tariff_files.hpp"
#include "client/features/costs/costs_module.hpp"
#include "client/features/finance/finance_form.hpp"
#include "core/json_mapping.hpp"
#include "core/routes/costs_route.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <numeric>
#include <sstream>

using namespace dongelek;
using namespace dongelek::test;

namespace {

std::string tariffsJson()
{
    nlohmann::json j = nlohmann::json::object();
    for (const char* name : {"kz_reference", "kz_costs", "bh_costs", "fuel_prices", "kz_insurance", "bh_insurance"})
        j[name] = nlohmann::json::parse(readTariffFile(std::string(name) + ".json"));
    return j.dump();
}

AllTariffs tariffs()
{
    AllTariffs t;
    REQUIRE(parseJson(tariffsJson(), t));
    return t;
}

// A Kazakh Camry 2.5 (petrol, Almaty, 2020, 12,500,000 ₸), or a Bahraini SUV at BD 8,750.
ListingDetails car(std::int64_t id, Country country)
{
    ListingDetails d;
    d.summary = summary(id, "Toyota Camry 2.5", 2020);
    d.summary.country = country;
    d.engineLitres = 2.5;
    d.summary.engineLitres = 2.5;
    if (country == Country::BH) {
        d.summary.city = "Manama";
        d.summary.price = {8'750'000, Currency::BHD};
        d.summary.body = Body::Suv;
    }
    return d;
}

struct CostsHarness : ClientHarness {
    CostsModule& costs = app.add<CostsModule>();
    CostsHarness() { costs.setYear([] { return 2026; }); }
    const CostsState& st() const { return costs.state(); }
    void open(const std::string& url, Country country = Country::KZ, bool tariffsToo = true)
    {
        start(url);
        const auto route = CostsRoute::parse(splitAppUrl(url));
        REQUIRE(route);
        reply(http.last("/api/v1/listings/" + std::to_string(route->listingId)), 200,
              nlohmann::json(car(route->listingId, country)).dump());
        if (tariffsToo) reply(http.last(CostsModule::kTariffsUrl), 200, tariffsJson());
    }
};

std::int64_t sumOf(const finance::CostBreakdown& b)
{
    return std::accumulate(b.lines.begin(), b.lines.end(), std::int64_t{0},
                           [](std::int64_t a, const finance::CostLine& l) { return a + l.amount.amountMinor; });
}

bool hasProblem(const CostsEvaluation& e, CostsField f, const std::string& key)
{
    for (const CostsProblem& p : e.problems)
        if (p.field == f && p.key == key) return true;
    return false;
}

} // namespace

// [SECTION] The address

TEST_CASE("the cost estimate's address carries every input and reads back the same", "[client][costs]")
{
    const std::string url = "/listing/42/costs?value=9500000&cm3=2494&kg=1500&reg=first&km=20000&cons=8.5&age=24"
                            "&exp=3&region=astana&bm=5&full=1";
    const auto r = CostsRoute::parse(splitAppUrl(url));
    REQUIRE(r);
    CHECK(r->listingId == 42);
    CHECK(r->customsValue == Decimal::whole(9'500'000));
    CHECK(r->engineCm3 == Decimal::whole(2494));
    CHECK(r->registration == CostsRegistration::First);
    CHECK(r->consumption == Decimal{8'500});
    CHECK(r->region == "astana");
    CHECK(r->bonusMalus == "5");
    CHECK(r->fullCover == true);
    CHECK(r->url() == url);
    CHECK(CostsRoute{7}.url() == "/listing/7/costs");
    // What does not read is dropped; what reads but is out of range stays for the screen to name.
    const auto bad = CostsRoute::parse(splitAppUrl("/listing/7/costs/?cm3=abc&reg=lease&region=Almaty%20City&bm=x&full=2&age=0"));
    REQUIRE(bad);
    CHECK_FALSE(bad->engineCm3);
    CHECK_FALSE(bad->registration);
    CHECK_FALSE(bad->region);
    CHECK_FALSE(bad->bonusMalus);
    CHECK_FALSE(bad->fullCover);
    CHECK(bad->driverAge == Decimal::whole(0));
    CHECK_FALSE(CostsRoute::parse(splitAppUrl("/listing/7")));
    CHECK_FALSE(CostsRoute::parse(splitAppUrl("/listing/7/finance")));
}

// [SECTION] Defaults and the estimate

TEST_CASE("a Kazakh listing: defaults from the car, and the estimate is the engines' on those inputs", "[client][costs]")
{
    const AllTariffs t = tariffs();
    const ListingDetails d = car(42, Country::KZ);
    const CostsForm f = costsFormFor(CostsRoute{42}, d.summary, d.engineLitres, t);
    CHECK(f[CostsField::EngineCm3] == "2500");
    CHECK(f[CostsField::CustomsValue] == "12500000");
    CHECK(f[CostsField::Consumption] == "10"); // 4 + 2.4 × 2.5
    CHECK(f[CostsField::YearlyKm] == "15000");
    CHECK(f.region == "almaty_city"); // the listing's city
    CHECK(f.bonusMalus == t.insurance.kz.defaultBonusMalus);
    CHECK_FALSE(f.fullCover);
    CHECK(costsRouteOf(f, 42).url() == "/listing/42/costs"); // defaults stay out of the address

    const CostsEvaluation e = evaluateCosts(f, d.summary, t, 2026);
    CHECK(e.problems.empty());
    CHECK_FALSE(e.registration);
    REQUIRE(e.customs);
    REQUIRE(e.customs->ok());
    CHECK(e.customs->total.amountMinor == sumOf(*e.customs));

    finance::KzImportInput imp;
    imp.customsValue = {1'250'000'000, Currency::KZT};
    imp.engineCm3 = 2500;
    imp.modelYear = 2020;
    imp.importYear = 2026;
    CHECK(e.customs->total == finance::estimateKzCustoms(t.costs, imp).total);
    REQUIRE(e.customs->line("finance.customs.duty"));

    finance::InsuranceInput ins;
    ins.country = Country::KZ;
    ins.carValue = d.summary.price;
    ins.modelYear = 2020;
    ins.year = 2026;
    ins.driverAge = 35;
    ins.drivingExperienceYears = 10;
    ins.region = "almaty_city";
    const finance::InsuranceQuote q = finance::quoteInsurance(t.insurance, ins);
    REQUIRE(q.compulsory.ok());
    CHECK(e.insurance.compulsory.total == q.compulsory.total);
    CHECK(e.insurance.comprehensive.total == q.comprehensive.total);

    // A year: fuel, the transport tax and the compulsory premium; the lines make the total.
    REQUIRE(e.ownership.ok());
    CHECK(e.ownership.total.amountMinor == sumOf(e.ownership));
    REQUIRE(e.ownership.line("finance.ownership.transport_tax"));
    REQUIRE(e.ownership.line("finance.ownership.insurance"));
    CHECK(e.ownership.line("finance.ownership.insurance")->amount == q.compulsory.total);
    const finance::FuelPrice* petrol = t.costs.fuel.find(Country::KZ, Fuel::Petrol);
    REQUIRE(petrol);
    // 15,000 km at 10 l/100 km: 1,500 litres.
    CHECK(e.ownership.line("finance.ownership.fuel")->amount.amountMinor == petrol->perUnit.amountMinor * 1500);

    // Every month: the calculator's default payment and a twelfth of the year, up to a whole tenge.
    REQUIRE(e.loanMonthly);
    CHECK(*e.loanMonthly == *typicalMonthlyPayment(d.summary));
    REQUIRE(e.monthly);
    const std::int64_t exact = e.ownership.total.amountMinor + e.loanMonthly->amountMinor * 12;
    CHECK(e.monthly->amountMinor % 100 == 0);
    CHECK(e.monthly->amountMinor * 12 >= exact);
    CHECK(e.monthly->amountMinor * 12 < exact + 12 * 100);

    // Full cover, when asked, joins the year's insurance.
    CostsForm full = f;
    full.fullCover = true;
    const CostsEvaluation withFull = evaluateCosts(full, d.summary, t, 2026);
    REQUIRE(q.comprehensive.ok());
    CHECK(withFull.fullCoverIncluded);
    CHECK(withFull.ownership.line("finance.ownership.insurance")->amount.amountMinor ==
          q.compulsory.total.amountMinor + q.comprehensive.total.amountMinor);

    // Another region is another territory coefficient: a different premium.
    CostsForm astana = f;
    astana.region = "astana";
    CHECK(evaluateCosts(astana, d.summary, t, 2026).insurance.compulsory.total.amountMinor != q.compulsory.total.amountMinor);
}

TEST_CASE("a field that does not read, or reads out of range, names its problem and the rest still shows",
          "[client][costs]")
{
    const AllTariffs t = tariffs();
    const ListingDetails d = car(42, Country::KZ);
    CostsForm f = costsFormFor(CostsRoute{42}, d.summary, d.engineLitres, t);

    f[CostsField::EngineCm3] = "abc";
    CostsEvaluation e = evaluateCosts(f, d.summary, t, 2026);
    CHECK(hasProblem(e, CostsField::EngineCm3, "finance.error.not_a_number"));
    CHECK(e.customs->hasProblem("costs.problem.see_field"));
    CHECK(e.ownership.hasProblem("costs.problem.see_field")); // the transport tax needs it
    CHECK_FALSE(e.monthly);
    CHECK(e.insurance.compulsory.ok()); // the quote does not need the engine

    f[CostsField::EngineCm3] = "2494.5";
    CHECK(hasProblem(evaluateCosts(f, d.summary, t, 2026), CostsField::EngineCm3, "costs.error.whole_number"));

    f[CostsField::EngineCm3] = "0";
    e = evaluateCosts(f, d.summary, t, 2026);
    CHECK(hasProblem(e, CostsField::EngineCm3, "finance.problem.engine_volume"));
    CHECK(e.problems.size() == 1); // once, though customs and the tax both refuse it
    CHECK(e.customs->hasProblem("costs.problem.see_field"));

    f[CostsField::EngineCm3] = "2 500"; // a space a phone keyboard may add
    f[CostsField::DriverAge] = "17";
    e = evaluateCosts(f, d.summary, t, 2026);
    CHECK(hasProblem(e, CostsField::DriverAge, "finance.problem.driver_age"));
    CHECK(e.customs->ok());
    CHECK_FALSE(e.insurance.compulsory.ok());
    // No premium to count: the year is fuel and tax, and says so by its lines.
    REQUIRE(e.ownership.ok());
    CHECK_FALSE(e.ownership.line("finance.ownership.insurance"));

    f[CostsField::DriverAge] = "35";
    f[CostsField::Experience] = "30"; // more than the years since 16
    CHECK(hasProblem(evaluateCosts(f, d.summary, t, 2026), CostsField::Experience, "finance.problem.driving_experience"));
    f[CostsField::Experience] = "10";
    f[CostsField::YearlyKm] = "900000";
    CHECK(hasProblem(evaluateCosts(f, d.summary, t, 2026), CostsField::YearlyKm, "finance.problem.yearly_km"));
    f[CostsField::YearlyKm] = "15000";
    f[CostsField::Consumption] = "0";
    CHECK(hasProblem(evaluateCosts(f, d.summary, t, 2026), CostsField::Consumption, "finance.problem.consumption"));
}

TEST_CASE("a Bahraini listing: registration or transfer by weight instead of customs", "[client][costs]")
{
    const AllTariffs t = tariffs();
    ListingDetails d = car(9, Country::BH);
    CostsForm f = costsFormFor(CostsRoute{9}, d.summary, d.engineLitres, t);
    CHECK(f[CostsField::EmptyWeight] == "1950"); // an SUV
    CHECK(f.registration == CostsRegistration::Transfer); // used
    CostsEvaluation e = evaluateCosts(f, d.summary, t, 2026);
    CHECK(e.problems.empty());
    CHECK_FALSE(e.customs);
    REQUIRE(e.registration);
    CHECK(e.registration->line("finance.registration.transfer_fee"));
    CHECK_FALSE(e.ownership.line("finance.ownership.transport_tax"));
    CHECK(e.ownership.line("finance.ownership.registration_renewal"));
    CHECK(e.insurance.compulsory.line("finance.insurance.tpl.base"));

    d.summary.condition = Condition::New;
    f = costsFormFor(CostsRoute{9}, d.summary, d.engineLitres, t);
    CHECK(f.registration == CostsRegistration::First);
    e = evaluateCosts(f, d.summary, t, 2026);
    CHECK(e.registration->line("finance.registration.plate"));
    CHECK(e.registration->total.amountMinor == sumOf(*e.registration));

    // The engine volume is not asked in Bahrain: whatever the address says, it names no problem.
    f[CostsField::EngineCm3] = "abc";
    CHECK(evaluateCosts(f, d.summary, t, 2026).problems.empty());
    f[CostsField::EmptyWeight] = "";
    e = evaluateCosts(f, d.summary, t, 2026);
    CHECK(hasProblem(e, CostsField::EmptyWeight, "finance.error.not_a_number"));
    CHECK(e.registration->hasProblem("costs.problem.see_field"));
}

// [SECTION] The module

TEST_CASE("the cost screen loads the listing and the tariffs once, and every edit rewrites the address",
          "[client][costs]")
{
    CostsHarness h;
    h.open("/listing/42/costs?km=20000&region=astana");
    REQUIRE(h.costs.status() == Status::Ready);
    CHECK(h.st().form[CostsField::YearlyKm] == "20000");
    CHECK(h.st().form.region == "astana");
    CHECK(h.history.current() == "/listing/42/costs?km=20000&region=astana");

    const std::int64_t before = h.st().estimate.ownership.total.amountMinor;
    h.costs.setText(CostsField::YearlyKm, "30000");
    CHECK(h.st().estimate.ownership.total.amountMinor > before);
    h.costs.setFullCover(true);
    h.costs.setBonusMalus("5");
    CHECK(h.history.current() == "/listing/42/costs?km=30000&region=astana&bm=5&full=1");
    h.costs.setText(CostsField::YearlyKm, "lots");
    CHECK(std::string(h.costs.problemOf(CostsField::YearlyKm)) == "finance.error.not_a_number");
    CHECK(h.history.current() == "/listing/42/costs?region=astana&bm=5&full=1"); // what does not read stays out

    // Another listing: its own defaults; the tariffs are not fetched again.
    const std::size_t tariffRequests = h.http.count(CostsModule::kTariffsUrl);
    REQUIRE(h.app.navigate("/listing/43/costs"));
    h.reply(h.http.last("/api/v1/listings/43"), 200, nlohmann::json(car(43, Country::KZ)).dump());
    REQUIRE(h.costs.status() == Status::Ready);
    CHECK(h.http.count(CostsModule::kTariffsUrl) == tariffRequests);
    CHECK(h.st().form.region == "almaty_city");
}

TEST_CASE("tariffs the app cannot read are the screen's error, and Retry fetches them again", "[client][costs]")
{
    CostsHarness h;
    h.open("/listing/42/costs", Country::KZ, false);
    h.reply(h.http.last(CostsModule::kTariffsUrl), 200, R"({"kz_reference": {}})");
    CHECK(h.costs.status() == Status::Error);
    CHECK(h.costs.error().kind == ErrorKind::BadResponse);
    h.costs.retry();
    h.reply(h.http.last(CostsModule::kTariffsUrl), 200, tariffsJson());
    CHECK(h.costs.status() == Status::Ready);
}

TEST_CASE("every key a cost breakdown can show has its text in English, Russian and Kazakh", "[client][costs]")
{
    const AllTariffs t = tariffs();
    std::vector<std::string> keys = {"costs.problem.see_field", "costs.error.whole_number"};
    for (const char* p : {"engine_volume", "customs_value", "empty_weight", "yearly_km", "consumption", "driver_age",
                          "driving_experience", "model_year", "year", "import_year", "eur_rate", "region",
                          "bonus_malus_class", "car_value", "car_too_old_for_full_cover", "fuel_price_missing",
                          "insurance_currency"})
        keys.push_back(std::string("finance.problem.") + p);
    for (const finance::KzRegion& r : t.insurance.kz.regions) keys.push_back("finance.region." + r.id);
    // Every line the engines produce for both countries, with full cover and both registrations.
    for (const Country c : {Country::KZ, Country::BH}) {
        for (const bool fresh : {false, true}) {
            ListingDetails d = car(1, c);
            d.summary.condition = fresh ? Condition::New : Condition::Used;
            d.summary.price.amountMinor *= 20; // the luxury excise too
            CostsForm f = costsFormFor(CostsRoute{1}, d.summary, d.engineLitres, t);
            f.fullCover = true;
            const CostsEvaluation e = evaluateCosts(f, d.summary, t, 2026);
            for (const auto* b : {&*(c == Country::KZ ? e.customs : e.registration), &e.insurance.compulsory,
                                  &e.insurance.comprehensive, &e.ownership})
                for (const finance::CostLine& l : b->lines) keys.push_back(l.key);
        }
    }
    for (const char* lang : {"en", "ru", "kk"}) {
        const nlohmann::json j = nlohmann::json::parse(readLocale(lang));
        for (const std::string& k : keys) {
            INFO(lang << ": " << k);
            CHECK(j.contains(k));
        }
    }
}
