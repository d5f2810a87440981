// Insurance tariffs and quotes (method in insurance.hpp).

#include "core/finance/insurance.hpp"

#include "core/finance/costs_internal.hpp"

namespace dongelek::finance {

using namespace costs_detail;

namespace {

// [SECTION] Reading

std::vector<DriverClass> readDrivers(const json& section, const std::string& path)
{
    std::vector<DriverClass> out;
    const json& rows = arrayAt(section, "drivers", path);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child(child(path, "drivers"), i);
        out.push_back({boundAt(rows[i], "max_age", p), boundAt(rows[i], "max_experience_years", p),
                       decimalAt(rows[i], "coefficient", p)});
    }
    if (out.back().maxAge || out.back().maxExperienceYears)
        throw TariffFailure{child(child(path, "drivers"), out.size() - 1), "the last class must be open (null, null)"};
    return out;
}

ComprehensiveTariff readComprehensive(const json& root, Currency c)
{
    const std::string suffix = c == Currency::KZT ? "_kzt" : "_bhd";
    const json& s = sectionAt(root, "full_cover", "");
    ComprehensiveTariff t;
    t.approximate = approximateAt(s);
    t.maxCarAgeYears = intAt(s, "max_car_age_years", "/full_cover", 0, 100);
    t.minimumPremiumMinor = moneyAt(s, "minimum_premium" + suffix, "/full_cover", c);
    const json& ages = arrayAt(s, "ages", "/full_cover");
    for (std::size_t i = 0; i < ages.size(); ++i) {
        const std::string p = child("/full_cover/ages", i);
        ComprehensiveAgeBand band;
        band.maxAgeYears = boundAt(ages[i], "max_age_years", p);
        const json& values = arrayAt(ages[i], "values", p);
        for (std::size_t k = 0; k < values.size(); ++k) {
            const std::string vp = child(child(p, "values"), k);
            band.values.push_back({boundAt(values[k], "max_value" + suffix, vp), percentAt(values[k], "percent", vp)});
        }
        checkBands(band.values, &ValueBandRate::maxValueWhole, child(p, "values"), ("max_value" + suffix).c_str());
        t.ages.push_back(std::move(band));
    }
    checkBands(t.ages, &ComprehensiveAgeBand::maxAgeYears, "/full_cover/ages", "max_age_years");
    t.drivers = readDrivers(s, "/full_cover");
    return t;
}

void readOgpo(const json& root, KzInsuranceTariffs& t)
{
    const json& s = sectionAt(root, "ogpo", "");
    t.ogpoApproximate = approximateAt(s);
    t.ogpoBaseMci = decimalAt(s, "base_mci", "/ogpo");
    t.ogpoVehicleType = decimalAt(s, "vehicle_type_coefficient", "/ogpo");
    const json& regions = arrayAt(s, "regions", "/ogpo");
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const std::string p = child("/ogpo/regions", i);
        t.regions.push_back({stringAt(regions[i], "id", p), decimalAt(regions[i], "territory", p),
                             decimalAt(regions[i], "correction", p)});
    }
    t.ogpoDrivers = readDrivers(s, "/ogpo");
    const json& ages = arrayAt(s, "car_ages", "/ogpo");
    for (std::size_t i = 0; i < ages.size(); ++i) {
        const std::string p = child("/ogpo/car_ages", i);
        t.ogpoCarAges.push_back({boundAt(ages[i], "max_age_years", p), decimalAt(ages[i], "coefficient", p)});
    }
    checkBands(t.ogpoCarAges, &CarAgeCoefficient::maxAgeYears, "/ogpo/car_ages", "max_age_years");
    const json& classes = arrayAt(s, "bonus_malus", "/ogpo");
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const std::string p = child("/ogpo/bonus_malus", i);
        t.bonusMalus.push_back({stringAt(classes[i], "class", p), decimalAt(classes[i], "coefficient", p)});
    }
    t.defaultBonusMalus = stringAt(s, "default_bonus_malus", "/ogpo");
    bool known = false;
    for (const BonusMalusClass& c : t.bonusMalus)
        known = known || c.id == t.defaultBonusMalus;
    if (!known) throw TariffFailure{"/ogpo/default_bonus_malus", "names no class of /ogpo/bonus_malus"};
}

// [SECTION] Lookup

const DriverClass* findDriver(const std::vector<DriverClass>& rows, int age, int experience)
{
    for (const DriverClass& r : rows)
        if ((!r.maxAge || age <= *r.maxAge) && (!r.maxExperienceYears || experience <= *r.maxExperienceYears))
            return &r;
    return nullptr;
}

const KzRegion* findRegion(const KzInsuranceTariffs& t, const std::string& id)
{
    for (const KzRegion& r : t.regions)
        if (r.id == id) return &r;
    return nullptr;
}

const BonusMalusClass* findBonusMalus(const KzInsuranceTariffs& t, const std::string& id)
{
    for (const BonusMalusClass& c : t.bonusMalus)
        if (c.id == id) return &c;
    return nullptr;
}

// [SECTION] Input checks

void checkDriver(BreakdownBuilder& b, const InsuranceInput& in, int minDriverAge)
{
    if (in.driverAge < minDriverAge || in.driverAge > kMaxDriverAge) b.problem("driver_age");
    // Experience starts at the earliest licensing age (16 covers every category).
    if (in.drivingExperienceYears < 0 || in.drivingExperienceYears > in.driverAge - 16) b.problem("driving_experience");
}

void checkCar(BreakdownBuilder& b, const InsuranceInput& in)
{
    if (in.year < kMinModelYear || in.year > 2200) b.problem("year");
    if (in.modelYear < kMinModelYear || (in.year >= kMinModelYear && in.modelYear > in.year + 1))
        b.problem("model_year");
}

int carAge(const InsuranceInput& in)
{
    return in.year > in.modelYear ? in.year - in.modelYear : 0;
}

// [SECTION] Quotes

CostBreakdown quoteOgpo(const InsuranceTariffs& tariffs, const InsuranceInput& in)
{
    const KzInsuranceTariffs& t = tariffs.kz;
    BreakdownBuilder b(Currency::KZT);
    checkDriver(b, in, t.minDriverAge);
    checkCar(b, in);
    const KzRegion* region = findRegion(t, in.region);
    if (!region) b.problem("region");
    const BonusMalusClass* bm =
        findBonusMalus(t, in.bonusMalusClass.empty() ? t.defaultBonusMalus : in.bonusMalusClass);
    if (!bm) b.problem("bonus_malus_class");
    if (b.failed()) return b.finish();

    const bool approx = t.ogpoApproximate;
    const DriverClass* driver = findDriver(t.ogpoDrivers, in.driverAge, in.drivingExperienceYears);
    const CarAgeCoefficient* age = findBand(t.ogpoCarAges, &CarAgeCoefficient::maxAgeYears, carAge(in));
    FactorChain chain(b, "finance.insurance.ogpo.base", timesFactor(tariffs.kzReference.mciTiyn * 1000, t.ogpoBaseMci),
                      false);
    chain.times("finance.insurance.ogpo.territory", region->territory, approx);
    chain.times("finance.insurance.ogpo.correction", region->correction, false);
    chain.times("finance.insurance.ogpo.vehicle_type", t.ogpoVehicleType, false);
    chain.times("finance.insurance.ogpo.driver", driver ? driver->coefficient : kMicroOne, approx);
    chain.times("finance.insurance.ogpo.car_age", age ? age->coefficient : kMicroOne, false);
    chain.times("finance.insurance.ogpo.bonus_malus", bm->coefficient, approx);
    return b.finish();
}

CostBreakdown quoteBhThirdParty(const BhInsuranceTariffs& t, const InsuranceInput& in)
{
    BreakdownBuilder b(Currency::BHD);
    checkDriver(b, in, t.minDriverAge);
    checkCar(b, in);
    if (b.failed()) return b.finish();
    const DriverClass* driver = findDriver(t.thirdPartyDrivers, in.driverAge, in.drivingExperienceYears);
    FactorChain chain(b, "finance.insurance.tpl.base", t.thirdPartyBaseFils * 1000, t.thirdPartyApproximate);
    chain.times("finance.insurance.tpl.driver", driver ? driver->coefficient : kMicroOne, t.thirdPartyApproximate);
    return b.finish();
}

CostBreakdown quoteFullCover(const ComprehensiveTariff& t, Currency currency, int minDriverAge,
                             const InsuranceInput& in)
{
    BreakdownBuilder b(currency);
    checkDriver(b, in, minDriverAge);
    checkCar(b, in);
    if (in.carValue.currency != currency || in.carValue.amountMinor <= 0 || in.carValue.amountMinor > kMaxValueMinor)
        b.problem("car_value");
    if (!b.failed() && carAge(in) > t.maxCarAgeYears) b.problem("car_too_old_for_full_cover");
    if (b.failed()) return b.finish();

    const ComprehensiveAgeBand* age = findBand(t.ages, &ComprehensiveAgeBand::maxAgeYears, carAge(in));
    const std::int64_t whole = in.carValue.amountMinor / toMinor(1, currency);
    const int wholeBound = whole > 2'000'000'000 ? 2'000'000'000 : static_cast<int>(whole);
    const ValueBandRate* rate = age ? findBand(age->values, &ValueBandRate::maxValueWhole, wholeBound) : nullptr;
    const DriverClass* driver = findDriver(t.drivers, in.driverAge, in.drivingExperienceYears);
    FactorChain chain(b, "finance.insurance.full.base",
                      timesFactor(in.carValue.amountMinor * 1000, rate ? rate->rate : 0), t.approximate);
    chain.times("finance.insurance.full.driver", driver ? driver->coefficient : kMicroOne, t.approximate);
    chain.topUpTo("finance.insurance.full.minimum", t.minimumPremiumMinor, t.approximate);
    return b.finish();
}

} // namespace

// [SECTION] Public: parsing

TariffParse<KzInsuranceTariffs> parseKzInsuranceTariffs(std::string_view text)
{
    return parseTariff<KzInsuranceTariffs>(text, "kz_insurance.json", [](const json& root) {
        KzInsuranceTariffs t;
        t.info = readInfo(root, "kz_insurance");
        t.minDriverAge = intAt(root, "min_driver_age", "", 14, 30);
        readOgpo(root, t);
        t.kasko = readComprehensive(root, Currency::KZT);
        return t;
    });
}

TariffParse<BhInsuranceTariffs> parseBhInsuranceTariffs(std::string_view text)
{
    return parseTariff<BhInsuranceTariffs>(text, "bh_insurance.json", [](const json& root) {
        BhInsuranceTariffs t;
        t.info = readInfo(root, "bh_insurance");
        t.minDriverAge = intAt(root, "min_driver_age", "", 14, 30);
        const json& tpl = sectionAt(root, "third_party", "");
        t.thirdPartyBaseFils = moneyAt(tpl, "base_bhd", "/third_party", Currency::BHD);
        t.thirdPartyDrivers = readDrivers(tpl, "/third_party");
        t.thirdPartyApproximate = approximateAt(tpl);
        t.comprehensive = readComprehensive(root, Currency::BHD);
        return t;
    });
}

TariffParse<InsuranceTariffs> parseInsuranceTariffs(std::string_view kzReferenceJson, std::string_view kzInsuranceJson,
                                                    std::string_view bhInsuranceJson)
{
    TariffParse<InsuranceTariffs> out;
    auto ref = parseKzReference(kzReferenceJson);
    auto kz = parseKzInsuranceTariffs(kzInsuranceJson);
    auto bh = parseBhInsuranceTariffs(bhInsuranceJson);
    if (!ref.ok())
        out.error = ref.error;
    else if (!kz.ok())
        out.error = kz.error;
    else if (!bh.ok())
        out.error = bh.error;
    else
        out.tariffs = InsuranceTariffs{std::move(*ref.tariffs), std::move(*kz.tariffs), std::move(*bh.tariffs)};
    return out;
}

// [SECTION] Public: quote

InsuranceQuote quoteInsurance(const InsuranceTariffs& tariffs, const InsuranceInput& in)
{
    InsuranceQuote q;
    if (in.country == Country::KZ) {
        q.compulsory = quoteOgpo(tariffs, in);
        q.comprehensive = quoteFullCover(tariffs.kz.kasko, Currency::KZT, tariffs.kz.minDriverAge, in);
    } else {
        q.compulsory = quoteBhThirdParty(tariffs.bh, in);
        q.comprehensive = quoteFullCover(tariffs.bh.comprehensive, Currency::BHD, tariffs.bh.minDriverAge, in);
    }
    return q;
}

} // namespace dongelek::finance
