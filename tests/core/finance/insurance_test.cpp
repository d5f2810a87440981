// Insurance quotes: the Kazakh OGPO formula class by class, full cover by value and age
// bands with its minimum premium, the Bahraini market estimates, and the named problems.
// Worked by hand from tariffs/kz_insurance.json, bh_insurance.json (MCI 4,325 ₸).
#include "core/finance/insurance.hpp"
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

const InsuranceTariffs& tariffs()
{
    static const InsuranceTariffs t = [] {
        auto parsed = parseInsuranceTariffs(readData("kz_reference.json"), readData("kz_insurance.json"),
                                            readData("bh_insurance.json"));
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

std::int64_t sumOfLines(const CostBreakdown& b)
{
    return std::accumulate(b.lines.begin(), b.lines.end(), std::int64_t{0},
                           [](std::int64_t s, const CostLine& l) { return s + l.amount.amountMinor; });
}

Micro factorOf(const CostBreakdown& b, const char* key)
{
    const CostLine* l = b.line(key);
    return l ? l->factor : -1;
}

// A 30-year-old with 10 years of driving, a 2020 car insured in 2026, in Almaty.
InsuranceInput kzDriver()
{
    InsuranceInput in;
    in.country = Country::KZ;
    in.carValue = kzt(12'000'000);
    in.modelYear = 2020;
    in.year = 2026;
    in.driverAge = 30;
    in.drivingExperienceYears = 10;
    in.region = "almaty_city";
    return in;
}

InsuranceInput bhDriver()
{
    InsuranceInput in = kzDriver();
    in.country = Country::BH;
    in.carValue = bhd(8'000);
    in.modelYear = 2025;
    in.region.clear();
    return in;
}

} // namespace

// [SECTION] The data files

TEST_CASE("the real insurance tariff files parse", "[core][finance]")
{
    const InsuranceTariffs& t = tariffs();
    CHECK(t.kzReference.mciTiyn == 432'500);
    CHECK(t.kz.ogpoBaseMci == 1'900'000);
    CHECK(t.kz.ogpoVehicleType == 2'090'000);
    CHECK(t.kz.regions.size() == 20);
    CHECK(t.kz.bonusMalus.size() == 15);
    CHECK(t.kz.defaultBonusMalus == "3");
    CHECK(t.kz.kasko.approximate);
    CHECK(t.kz.info.validFrom == "2026-01-01");
    CHECK(t.bh.thirdPartyBaseFils == 45'000);
    CHECK(t.bh.comprehensive.minimumPremiumMinor == 120'000);
    CHECK_FALSE(t.bh.info.sources.empty());
}

// [SECTION] Kazakhstan: OGPO

TEST_CASE("the OGPO premium is 1.9 MCI times every coefficient, shown line by line", "[core][finance]")
{
    // Base 1.9 × 4,325 = 8,217.50 ₸
    //   × 2.96 (Almaty territory) = 24,323.80      line +16,106.30
    //   × 0.71 (2026 correction)  = 17,269.898     line  −7,053.90 (rounded running 17,269.90)
    //   × 2.09 (passenger car)    = 36,094.08682   line +18,824.19 (running 36,094.09)
    //   × 0.90 (over 25, 2+ years)= 32,484.678…    line  −3,609.41 (running 32,484.68)
    //   × 1.00 (car ≤ 7 years), × 1.00 (class 3, a first policy)
    //   premium 32,484.68 ₸
    const CostBreakdown b = quoteInsurance(tariffs(), kzDriver()).compulsory;
    REQUIRE(b.ok());
    REQUIRE(b.lines.size() == 7);
    CHECK(b.lines[0].key == "finance.insurance.ogpo.base");
    CHECK(b.lines[0].amount == kzt(8'217, 50));
    CHECK(b.lines[1].amount == kzt(16'106, 30));
    CHECK(b.lines[2].amount.amountMinor == -705'390);
    CHECK(b.lines[3].amount == kzt(18'824, 19));
    CHECK(b.lines[4].amount.amountMinor == -360'941);
    CHECK(b.lines[5].amount.amountMinor == 0);
    CHECK(b.lines[6].amount.amountMinor == 0);
    CHECK(factorOf(b, "finance.insurance.ogpo.territory") == 2'960'000);
    CHECK(factorOf(b, "finance.insurance.ogpo.correction") == 710'000);
    CHECK(factorOf(b, "finance.insurance.ogpo.bonus_malus") == 1'000'000);
    CHECK(b.total == kzt(32'484, 68));
    CHECK(b.total.amountMinor == sumOfLines(b));
}

TEST_CASE("a young driver in Astana with an old car in class M pays the loaded premium", "[core][finance]")
{
    // 22 years, 1 year of driving (≤ 25, < 2 years: 1.00), 2016 car (10 years: 1.10), class M (2.45):
    //   8,217.50 × 2.20 × 1.44 × 2.09 × 1.00 × 1.10 × 2.45 = 146,632.3994… → 146,632.40 ₸
    InsuranceInput in = kzDriver();
    in.driverAge = 22;
    in.drivingExperienceYears = 1;
    in.region = "astana";
    in.modelYear = 2016;
    in.bonusMalusClass = "M";
    const CostBreakdown b = quoteInsurance(tariffs(), in).compulsory;
    REQUIRE(b.ok());
    CHECK(factorOf(b, "finance.insurance.ogpo.driver") == 1'000'000);
    CHECK(factorOf(b, "finance.insurance.ogpo.car_age") == 1'100'000);
    CHECK(factorOf(b, "finance.insurance.ogpo.bonus_malus") == 2'450'000);
    CHECK(b.total == kzt(146'632, 40));
}

TEST_CASE("each age and experience class of OGPO takes its coefficient", "[core][finance]")
{
    struct Case {
        int age, experience;
        Micro coefficient;
    };
    // ≤ 25 and < 2 years 1.00; ≤ 25 and 2+ years 0.95; over 25 and < 2 years 0.95; over 25 and 2+ 0.90.
    for (const Case c : {Case{18, 0, 1'000'000}, Case{25, 1, 1'000'000}, Case{25, 2, 950'000}, Case{26, 1, 950'000},
                         Case{26, 2, 900'000}, Case{70, 50, 900'000}}) {
        InsuranceInput in = kzDriver();
        in.driverAge = c.age;
        in.drivingExperienceYears = c.experience;
        const CostBreakdown b = quoteInsurance(tariffs(), in).compulsory;
        REQUIRE(b.ok());
        CHECK(factorOf(b, "finance.insurance.ogpo.driver") == c.coefficient);
    }
}

TEST_CASE("OGPO car age classes switch after 7 years", "[core][finance]")
{
    InsuranceInput in = kzDriver();
    in.modelYear = 2019; // 7 years
    CHECK(factorOf(quoteInsurance(tariffs(), in).compulsory, "finance.insurance.ogpo.car_age") == 1'000'000);
    in.modelYear = 2018; // 8 years
    CHECK(factorOf(quoteInsurance(tariffs(), in).compulsory, "finance.insurance.ogpo.car_age") == 1'100'000);
}

TEST_CASE("every region has a premium and a better bonus-malus class never costs more", "[core][finance]")
{
    for (const KzRegion& r : tariffs().kz.regions) {
        InsuranceInput in = kzDriver();
        in.region = r.id;
        const CostBreakdown b = quoteInsurance(tariffs(), in).compulsory;
        REQUIRE(b.ok());
        CHECK(b.total.amountMinor > 0);
        CHECK(b.total.amountMinor == sumOfLines(b));
    }
    std::int64_t previous = -1;
    for (const char* cls : {"13", "12", "11", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1", "0", "M"}) {
        InsuranceInput in = kzDriver();
        in.bonusMalusClass = cls;
        const std::int64_t premium = quoteInsurance(tariffs(), in).compulsory.total.amountMinor;
        CHECK(premium > previous);
        previous = premium;
    }
}

// [SECTION] Kazakhstan: KASKO

TEST_CASE("KASKO is a share of the value by car age and value band, times the driver factor", "[core][finance]")
{
    // 12,000,000 ₸, 6 years (4-7 band, ≤ 15 M): 5.0 % = 600,000 ₸; driver 30/10: 1.00.
    CostBreakdown b = quoteInsurance(tariffs(), kzDriver()).comprehensive;
    REQUIRE(b.ok());
    CHECK(b.total == kzt(600'000));
    CHECK(b.line("finance.insurance.full.base")->approximate);
    // A 22-year-old: × 1.30 = 780,000 ₸.
    InsuranceInput in = kzDriver();
    in.driverAge = 22;
    in.drivingExperienceYears = 3;
    b = quoteInsurance(tariffs(), in).comprehensive;
    CHECK(factorOf(b, "finance.insurance.full.driver") == 1'300'000);
    CHECK(b.total == kzt(780'000));
    // 30 years old with 2 years of driving: × 1.20.
    in = kzDriver();
    in.drivingExperienceYears = 2;
    CHECK(quoteInsurance(tariffs(), in).comprehensive.total == kzt(720'000));
    // 50,000,000 ₸ new car (≤ 3 years, over 40 M): 3.0 % = 1,500,000 ₸.
    in = kzDriver();
    in.modelYear = 2025;
    in.carValue = kzt(50'000'000);
    CHECK(quoteInsurance(tariffs(), in).comprehensive.total == kzt(1'500'000));
}

TEST_CASE("a cheap car's KASKO is raised to the minimum premium", "[core][finance]")
{
    // 1,500,000 ₸, 2 years: 4.0 % = 60,000 ₸ < 100,000 ₸ → a 40,000 ₸ top-up line.
    InsuranceInput in = kzDriver();
    in.carValue = kzt(1'500'000);
    in.modelYear = 2024;
    const CostBreakdown b = quoteInsurance(tariffs(), in).comprehensive;
    REQUIRE(b.ok());
    CHECK(b.line("finance.insurance.full.minimum")->amount == kzt(40'000));
    CHECK(b.total == kzt(100'000));
    CHECK(b.total.amountMinor == sumOfLines(b));
}

TEST_CASE("cars beyond the full cover limit and missing values give named problems", "[core][finance]")
{
    InsuranceInput in = kzDriver();
    in.modelYear = 2013; // 13 years > 12
    InsuranceQuote q = quoteInsurance(tariffs(), in);
    CHECK(q.comprehensive.hasProblem("finance.problem.car_too_old_for_full_cover"));
    CHECK(q.compulsory.ok()); // the compulsory cover does not depend on it
    in = kzDriver();
    in.carValue = kzt(0);
    q = quoteInsurance(tariffs(), in);
    CHECK(q.comprehensive.hasProblem("finance.problem.car_value"));
    CHECK(q.compulsory.ok());
}

// [SECTION] Bahrain

TEST_CASE("a Bahraini quote prices third party and comprehensive cover in dinars", "[core][finance]")
{
    // Third party: BD 45 (30 years old). Comprehensive: BD 8,000 × 2.5 % (1 year) = BD 200.
    InsuranceQuote q = quoteInsurance(tariffs(), bhDriver());
    REQUIRE(q.compulsory.ok());
    REQUIRE(q.comprehensive.ok());
    CHECK(q.compulsory.total == bhd(45));
    CHECK(q.comprehensive.total == bhd(200));
    // 22 years old: × 1.25 → BD 56.250 and BD 250.
    InsuranceInput in = bhDriver();
    in.driverAge = 22;
    in.drivingExperienceYears = 3;
    q = quoteInsurance(tariffs(), in);
    CHECK(q.compulsory.total == bhd(56, 250));
    CHECK(q.comprehensive.total == bhd(250));
    // BD 3,000, 6 years: 3.5 % = BD 105 < BD 120 minimum → BD 120.
    in = bhDriver();
    in.carValue = bhd(3'000);
    in.modelYear = 2020;
    CHECK(quoteInsurance(tariffs(), in).comprehensive.total == bhd(120));
    // A tenge value in Bahrain is a problem.
    in.carValue = kzt(3'000);
    CHECK(quoteInsurance(tariffs(), in).comprehensive.hasProblem("finance.problem.car_value"));
}

// [SECTION] Problems and properties

TEST_CASE("out-of-range drivers, cars and classes give named problems and no quote", "[core][finance]")
{
    InsuranceInput in = kzDriver();
    in.driverAge = 12;
    InsuranceQuote q = quoteInsurance(tariffs(), in);
    CHECK(q.compulsory.hasProblem("finance.problem.driver_age"));
    CHECK(q.comprehensive.hasProblem("finance.problem.driver_age"));
    CHECK(q.compulsory.lines.empty());
    CHECK(q.compulsory.total.amountMinor == 0);

    in = kzDriver();
    in.drivingExperienceYears = 20; // 30 years old: at most 14 years
    CHECK(quoteInsurance(tariffs(), in).compulsory.hasProblem("finance.problem.driving_experience"));
    in.drivingExperienceYears = -1;
    CHECK(quoteInsurance(tariffs(), in).compulsory.hasProblem("finance.problem.driving_experience"));

    in = kzDriver();
    in.region = "atlantis";
    CHECK(quoteInsurance(tariffs(), in).compulsory.hasProblem("finance.problem.region"));
    in = kzDriver();
    in.bonusMalusClass = "14";
    CHECK(quoteInsurance(tariffs(), in).compulsory.hasProblem("finance.problem.bonus_malus_class"));
    in = kzDriver();
    in.modelYear = 2031;
    CHECK(quoteInsurance(tariffs(), in).compulsory.hasProblem("finance.problem.model_year"));
    in = kzDriver();
    in.driverAge = 130;
    CHECK(quoteInsurance(tariffs(), in).compulsory.hasProblem("finance.problem.driver_age"));
    in = bhDriver();
    in.driverAge = 12;
    CHECK(quoteInsurance(tariffs(), in).compulsory.hasProblem("finance.problem.driver_age"));
}

TEST_CASE("every quote's premium is the sum of its lines", "[core][finance]")
{
    for (Country country : {Country::KZ, Country::BH})
        for (int age : {18, 21, 25, 26, 40, 80})
            for (int experience : {0, 1, 2, 5})
                for (int modelYear : {2026, 2022, 2018, 2015})
                    for (std::int64_t whole : {900'000, 9'000'000, 45'000'000}) {
                        if (experience > age - 16) continue;
                        InsuranceInput in = country == Country::KZ ? kzDriver() : bhDriver();
                        in.driverAge = age;
                        in.drivingExperienceYears = experience;
                        in.modelYear = modelYear;
                        in.carValue = country == Country::KZ ? kzt(whole) : bhd(whole / 450);
                        const InsuranceQuote q = quoteInsurance(tariffs(), in);
                        REQUIRE(q.compulsory.ok());
                        CHECK(q.compulsory.total.amountMinor == sumOfLines(q.compulsory));
                        if (q.comprehensive.ok())
                            CHECK(q.comprehensive.total.amountMinor == sumOfLines(q.comprehensive));
                        CHECK(q.compulsory.total.amountMinor > 0);
                    }
}

TEST_CASE("a broken insurance tariff file names the file and the bad field", "[core][finance]")
{
    nlohmann::json j = nlohmann::json::parse(readData("kz_insurance.json"));
    j["ogpo"]["default_bonus_malus"] = "Z";
    auto r = parseKzInsuranceTariffs(j.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->file == "kz_insurance.json");
    CHECK(r.error->field == "/ogpo/default_bonus_malus");

    j = nlohmann::json::parse(readData("kz_insurance.json"));
    j["ogpo"]["regions"][4]["correction"] = nullptr;
    CHECK(parseKzInsuranceTariffs(j.dump()).error->field == "/ogpo/regions/4/correction");

    j = nlohmann::json::parse(readData("kz_insurance.json"));
    j["full_cover"]["drivers"][2]["max_age"] = 99; // the last class must be open
    CHECK(parseKzInsuranceTariffs(j.dump()).error->field == "/full_cover/drivers/2");

    j = nlohmann::json::parse(readData("kz_insurance.json"));
    j["full_cover"]["ages"][0]["values"][1]["percent"] = 250;
    CHECK(parseKzInsuranceTariffs(j.dump()).error->field == "/full_cover/ages/0/values/1/percent");

    nlohmann::json bh = nlohmann::json::parse(readData("bh_insurance.json"));
    bh["third_party"]["base_bhd"] = 45.0005; // more decimals than fils
    auto rb = parseBhInsuranceTariffs(bh.dump());
    REQUIRE_FALSE(rb.ok());
    CHECK(rb.error->file == "bh_insurance.json");
    CHECK(rb.error->field == "/third_party/base_bhd");
}
