// The cost estimate's inputs, defaults and evaluation (client/features/costs/costs_form.hpp).

#include "client/features/costs/costs_form.hpp"

#include "client/features/finance/finance_form.hpp"
#include "core/money.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace dongelek {

namespace {

constexpr std::string_view kNotANumber = "finance.error.not_a_number";
constexpr std::string_view kNotWhole = "costs.error.whole_number";

std::size_t at(CostsField f) { return static_cast<std::size_t>(f); }

bool hasRegion(const AllTariffs& t, const std::string& id)
{
    const auto& r = t.insurance.kz.regions;
    return std::any_of(r.begin(), r.end(), [&](const finance::KzRegion& x) { return x.id == id; });
}

bool hasClass(const AllTariffs& t, const std::string& id)
{
    const auto& b = t.insurance.kz.bonusMalus;
    return std::any_of(b.begin(), b.end(), [&](const finance::BonusMalusClass& x) { return x.id == id; });
}

// A whole number as typed ("15000", "15 000"); the problem's key otherwise.
struct WholeRead {
    std::optional<int> value;
    std::string_view problem;
};
WholeRead readWhole(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    const std::optional<Decimal> d = Decimal::parse(text);
    if (!d) return {std::nullopt, kNotANumber};
    if (d->milli % 1000 != 0) return {std::nullopt, kNotWhole};
    return {static_cast<int>(std::min<std::int64_t>(d->milli / 1000, INT_MAX)), {}};
}

// Which field an engine's problem is about (nullopt: the section shows it).
std::optional<CostsField> fieldOfProblem(std::string_view key)
{
    constexpr std::string_view kPrefix = "finance.problem.";
    if (key.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    const std::string_view what = key.substr(kPrefix.size());
    for (std::size_t i = 0; i < kCostsFieldCount; ++i)
        if (toString(static_cast<CostsField>(i)) == what) return static_cast<CostsField>(i);
    return std::nullopt;
}

// Moves the problems of `b` that belong to a field into `out` (once each); the rest stay.
void liftProblems(finance::CostBreakdown& b, std::vector<CostsProblem>& out)
{
    std::vector<finance::CostProblem> rest;
    for (finance::CostProblem& p : b.problems) {
        if (const auto f = fieldOfProblem(p.key)) {
            CostsProblem cp{*f, p.key};
            if (std::find(out.begin(), out.end(), cp) == out.end()) out.push_back(std::move(cp));
            // The section has no estimate: it says which field to mend.
            rest.push_back(finance::CostProblem{"costs.problem.see_field"});
        } else {
            rest.push_back(std::move(p));
        }
    }
    rest.erase(std::unique(rest.begin(), rest.end()), rest.end());
    b.problems = std::move(rest);
}

} // namespace

std::string_view toString(CostsField f)
{
    switch (f) {
    case CostsField::CustomsValue: return "customs_value";
    case CostsField::EngineCm3: return "engine_volume";
    case CostsField::EmptyWeight: return "empty_weight";
    case CostsField::YearlyKm: return "yearly_km";
    case CostsField::Consumption: return "consumption";
    case CostsField::DriverAge: return "driver_age";
    case CostsField::Experience: return "driving_experience";
    }
    return "engine_volume";
}

int defaultEmptyWeightKg(Body body)
{
    switch (body) {
    case Body::Hatchback: return 1250;
    case Body::Coupe: return 1400;
    case Body::Sedan: return 1450;
    case Body::Wagon: return 1500;
    case Body::Crossover: return 1650;
    case Body::Minivan: return 1900;
    case Body::Suv: return 1950;
    case Body::Pickup: return 2000;
    }
    return 1450;
}

int defaultConsumptionTenths(Fuel fuel, double engineLitres)
{
    const double l = std::clamp(engineLitres, 0.0, 10.0);
    double per100 = 0;
    switch (fuel) {
    case Fuel::Petrol: per100 = 4.0 + 2.4 * l; break;
    case Fuel::Diesel: per100 = 3.0 + 1.9 * l; break;
    case Fuel::Hybrid: per100 = 3.0 + 1.2 * l; break;
    case Fuel::Gas: per100 = 5.0 + 2.9 * l; break;
    case Fuel::Electric: per100 = 17.0; break;
    }
    return static_cast<int>(std::lround(per100 * 10));
}

std::string regionOfCity(std::string_view city)
{
    static const std::pair<std::string_view, std::string_view> kCities[] = {
        {"Almaty", "almaty_city"},       {"Astana", "astana"},          {"Shymkent", "shymkent"},
        {"Karaganda", "karaganda"},      {"Aktobe", "aktobe"},          {"Atyrau", "atyrau"},
        {"Taraz", "zhambyl"},            {"Pavlodar", "pavlodar"},      {"Ust-Kamenogorsk", "east_kazakhstan"},
        {"Oskemen", "east_kazakhstan"},  {"Semey", "abai"},             {"Kostanay", "kostanay"},
        {"Uralsk", "west_kazakhstan"},   {"Oral", "west_kazakhstan"},   {"Aktau", "mangystau"},
        {"Kyzylorda", "kyzylorda"},      {"Petropavl", "north_kazakhstan"}, {"Kokshetau", "akmola"},
        {"Taldykorgan", "zhetysu"},      {"Turkistan", "turkistan"},    {"Zhezkazgan", "ulytau"},
        {"Konaev", "almaty_region"},
    };
    for (const auto& [name, region] : kCities)
        if (name == city) return std::string(region);
    return {};
}

// GET /api/v1/finance/tariffs: {"kz_reference": {...}, "kz_costs": {...}, ...}, each file as it
// is on the server; the core's parsers read them (a file they refuse is a bad response).
void from_json(const nlohmann::json& j, AllTariffs& out)
{
    const auto text = [&j](const char* name) { return j.at(name).dump(); };
    const std::string reference = text("kz_reference");
    auto costs = finance::parseCostTariffs(reference, text("kz_costs"), text("bh_costs"), text("fuel_prices"));
    if (!costs.ok()) throw std::runtime_error(costs.error->describe());
    auto insurance = finance::parseInsuranceTariffs(reference, text("kz_insurance"), text("bh_insurance"));
    if (!insurance.ok()) throw std::runtime_error(insurance.error->describe());
    out.costs = std::move(*costs.tariffs);
    out.insurance = std::move(*insurance.tariffs);
}

// [SECTION] The form

CostsForm costsFormFor(const CostsRoute& route, const ListingSummary& listing, double engineLitres,
                       const AllTariffs& tariffs)
{
    CostsForm f;
    const Currency c = listing.price.currency;
    const auto put = [&](CostsField field, std::string text, const std::optional<Decimal>& given) {
        f[field] = given ? given->text() : std::move(text);
        f.set[at(field)] = given.has_value();
    };
    put(CostsField::CustomsValue, std::to_string(listing.price.amountMinor / minorPerWhole(c)), route.customsValue);
    const int cm3 = listing.fuel == Fuel::Electric ? 0 : static_cast<int>(std::lround(engineLitres * 1000));
    put(CostsField::EngineCm3, std::to_string(cm3), route.engineCm3);
    put(CostsField::EmptyWeight, std::to_string(defaultEmptyWeightKg(listing.body)), route.emptyWeightKg);
    put(CostsField::YearlyKm, std::to_string(kDefaultYearlyKm), route.yearlyKm);
    put(CostsField::Consumption, Decimal{defaultConsumptionTenths(listing.fuel, engineLitres) * 100LL}.text(),
        route.consumption);
    put(CostsField::DriverAge, std::to_string(kDefaultDriverAge), route.driverAge);
    put(CostsField::Experience, std::to_string(kDefaultExperienceYears), route.experienceYears);

    f.registration = route.registration.value_or(listing.condition == Condition::New ? CostsRegistration::First
                                                                                     : CostsRegistration::Transfer);
    f.registrationSet = route.registration.has_value();
    f.region = regionOfCity(listing.city);
    if (!hasRegion(tariffs, f.region))
        f.region = tariffs.insurance.kz.regions.empty() ? std::string() : tariffs.insurance.kz.regions.front().id;
    if (route.region && hasRegion(tariffs, *route.region)) {
        f.region = *route.region;
        f.regionSet = true;
    }
    f.bonusMalus = tariffs.insurance.kz.defaultBonusMalus;
    if (route.bonusMalus && hasClass(tariffs, *route.bonusMalus)) {
        f.bonusMalus = *route.bonusMalus;
        f.bonusMalusSet = true;
    }
    f.fullCover = route.fullCover.value_or(false);
    f.fullCoverSet = route.fullCover.has_value();
    return f;
}

CostsRoute costsRouteOf(const CostsForm& form, std::int64_t listingId)
{
    CostsRoute r(listingId);
    const auto take = [&](CostsField field, std::optional<Decimal>& out) {
        if (!form.isSet(field)) return;
        std::string t = form[field];
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        out = Decimal::parse(t);
    };
    take(CostsField::CustomsValue, r.customsValue);
    take(CostsField::EngineCm3, r.engineCm3);
    take(CostsField::EmptyWeight, r.emptyWeightKg);
    take(CostsField::YearlyKm, r.yearlyKm);
    take(CostsField::Consumption, r.consumption);
    take(CostsField::DriverAge, r.driverAge);
    take(CostsField::Experience, r.experienceYears);
    if (form.registrationSet) r.registration = form.registration;
    if (form.regionSet) r.region = form.region;
    if (form.bonusMalusSet) r.bonusMalus = form.bonusMalus;
    if (form.fullCoverSet) r.fullCover = form.fullCover;
    return r;
}

// [SECTION] Evaluation

CostsEvaluation evaluateCosts(const CostsForm& form, const ListingSummary& listing, const AllTariffs& tariffs,
                              int year)
{
    CostsEvaluation e;
    const Country country = listing.country;
    std::array<std::optional<int>, kCostsFieldCount> whole{};
    // The fields the country's screen shows (Kazakhstan: customs value and engine volume, for the
    // customs and the transport tax; Bahrain: the empty weight, for the registration fees).
    const auto shown = [country](CostsField f) {
        if (f == CostsField::CustomsValue || f == CostsField::EngineCm3) return country == Country::KZ;
        if (f == CostsField::EmptyWeight) return country == Country::BH;
        return true;
    };
    for (const CostsField f : {CostsField::CustomsValue, CostsField::EngineCm3, CostsField::EmptyWeight,
                               CostsField::YearlyKm, CostsField::DriverAge, CostsField::Experience}) {
        if (!shown(f)) continue;
        const WholeRead r = readWhole(form[f]);
        whole[at(f)] = r.value;
        if (!r.value) e.problems.push_back(CostsProblem{f, std::string(r.problem)});
    }
    std::optional<double> consumption;
    {
        std::string t = form[CostsField::Consumption];
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        if (const auto d = Decimal::parse(t)) consumption = static_cast<double>(d->milli) / 1000.0;
        else e.problems.push_back(CostsProblem{CostsField::Consumption, std::string(kNotANumber)});
    }
    const auto typed = [&](CostsField f) { return whole[at(f)].has_value(); };
    const auto value = [&](CostsField f) { return whole[at(f)].value_or(0); };
    // A section whose input does not read: no estimate, a pointer to the field.
    const auto unread = [](std::initializer_list<bool> ok) {
        finance::CostBreakdown b;
        for (const bool x : ok)
            if (!x) b.problems = {finance::CostProblem{"costs.problem.see_field"}};
        return b;
    };

    // Getting it on the road.
    if (country == Country::KZ) {
        if (typed(CostsField::CustomsValue) && typed(CostsField::EngineCm3)) {
            finance::KzImportInput in;
            in.customsValue = Money{static_cast<std::int64_t>(value(CostsField::CustomsValue)) * minorPerWhole(Currency::KZT),
                                    Currency::KZT};
            in.fuel = listing.fuel;
            in.engineCm3 = value(CostsField::EngineCm3);
            in.modelYear = listing.year;
            in.importYear = year;
            e.customs = finance::estimateKzCustoms(tariffs.costs, in);
        } else {
            e.customs = unread({typed(CostsField::CustomsValue), typed(CostsField::EngineCm3)});
        }
        liftProblems(*e.customs, e.problems);
    } else {
        if (typed(CostsField::EmptyWeight)) {
            finance::BhRegistrationInput in;
            in.kind = form.registration == CostsRegistration::First ? finance::BhRegistration::First
                                                                    : finance::BhRegistration::Transfer;
            in.emptyWeightKg = value(CostsField::EmptyWeight);
            e.registration = finance::estimateBhRegistration(tariffs.costs, in);
        } else {
            e.registration = unread({false});
        }
        liftProblems(*e.registration, e.problems);
    }

    // Insurance.
    if (typed(CostsField::DriverAge) && typed(CostsField::Experience)) {
        finance::InsuranceInput in;
        in.country = country;
        in.carValue = listing.price;
        in.modelYear = listing.year;
        in.year = year;
        in.driverAge = value(CostsField::DriverAge);
        in.drivingExperienceYears = value(CostsField::Experience);
        in.region = form.region;
        in.bonusMalusClass = form.bonusMalus;
        e.insurance = finance::quoteInsurance(tariffs.insurance, in);
    } else {
        e.insurance.compulsory = unread({false});
        e.insurance.comprehensive = unread({false});
    }
    liftProblems(e.insurance.compulsory, e.problems);
    liftProblems(e.insurance.comprehensive, e.problems);
    e.fullCoverIncluded = form.fullCover && e.insurance.comprehensive.ok();

    // A year of ownership.
    const bool needsCm3 = country == Country::KZ;
    const bool needsKg = country == Country::BH;
    if (typed(CostsField::YearlyKm) && consumption && (!needsCm3 || typed(CostsField::EngineCm3)) &&
        (!needsKg || typed(CostsField::EmptyWeight))) {
        finance::OwnershipInput in;
        in.country = country;
        in.fuel = listing.fuel;
        // Bahrain does not ask it (nothing there goes by it): the listing's own.
        in.engineCm3 = country == Country::KZ   ? value(CostsField::EngineCm3)
                       : listing.fuel == Fuel::Electric ? 0
                                                        : std::max(1, static_cast<int>(std::lround(listing.engineLitres * 1000)));
        in.modelYear = listing.year;
        in.year = year;
        in.yearlyKm = value(CostsField::YearlyKm);
        in.consumptionPer100km = *consumption;
        in.emptyWeightKg = value(CostsField::EmptyWeight);
        if (e.insurance.compulsory.ok()) {
            Money premium = e.insurance.compulsory.total;
            if (e.fullCoverIncluded) premium.amountMinor += e.insurance.comprehensive.total.amountMinor;
            in.insurance = premium;
        }
        e.ownership = finance::estimateOwnership(tariffs.costs, in);
    } else {
        e.ownership = unread({false});
    }
    liftProblems(e.ownership, e.problems);

    e.loanMonthly = typicalMonthlyPayment(listing);
    if (e.ownership.ok()) {
        const Currency c = listing.price.currency;
        const std::int64_t perMonth = e.ownership.total.amountMinor + (e.loanMonthly ? e.loanMonthly->amountMinor * 12 : 0);
        const std::int64_t scale = minorPerWhole(c) * 12;
        e.monthly = Money{(perMonth + scale - 1) / scale * minorPerWhole(c), c};
    }
    return e;
}

} // namespace dongelek
