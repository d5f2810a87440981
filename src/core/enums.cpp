// Wire names of the domain enumerations, one table per enum.
// Adding a value means adding one row here; parse, print and validation follow.

#include "model.hpp"

#include <array>
#include <tuple>
#include <utility>

namespace dongelek {

namespace {

template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Currency, 2> kCurrency{{{Currency::KZT, "KZT"}, {Currency::BHD, "BHD"}}};
constexpr Table<Country, 2> kCountry{{{Country::KZ, "KZ"}, {Country::BH, "BH"}}};
constexpr Table<Body, 8> kBody{{{Body::Sedan, "sedan"},
                                {Body::Hatchback, "hatchback"},
                                {Body::Suv, "suv"},
                                {Body::Crossover, "crossover"},
                                {Body::Wagon, "wagon"},
                                {Body::Coupe, "coupe"},
                                {Body::Minivan, "minivan"},
                                {Body::Pickup, "pickup"}}};
constexpr Table<Fuel, 5> kFuel{{{Fuel::Petrol, "petrol"},
                                {Fuel::Diesel, "diesel"},
                                {Fuel::Hybrid, "hybrid"},
                                {Fuel::Electric, "electric"},
                                {Fuel::Gas, "gas"}}};
constexpr Table<Transmission, 4> kTransmission{{{Transmission::Automatic, "automatic"},
                                                {Transmission::Manual, "manual"},
                                                {Transmission::Cvt, "cvt"},
                                                {Transmission::Robot, "robot"}}};
constexpr Table<Drive, 3> kDrive{{{Drive::Fwd, "fwd"}, {Drive::Rwd, "rwd"}, {Drive::Awd, "awd"}}};
constexpr Table<SellerKind, 2> kSellerKind{{{SellerKind::Private, "private"}, {SellerKind::Dealer, "dealer"}}};
constexpr Table<Sort, 5> kSort{{{Sort::Newest, "newest"},
                                {Sort::PriceAsc, "price_asc"},
                                {Sort::PriceDesc, "price_desc"},
                                {Sort::MileageAsc, "mileage_asc"},
                                {Sort::YearDesc, "year_desc"}}};

constexpr Table<Condition, 2> kCondition{{{Condition::New, "new"}, {Condition::Used, "used"}}};
constexpr Table<Steering, 2> kSteering{{{Steering::Left, "left"}, {Steering::Right, "right"}}};
constexpr Table<DealRating, 5> kDealRating{{{DealRating::Great, "great"},
                                            {DealRating::Good, "good"},
                                            {DealRating::Fair, "fair"},
                                            {DealRating::High, "high"},
                                            {DealRating::Unknown, "unknown"}}};
constexpr Table<ListingStatus, 3> kListingStatus{
    {{ListingStatus::Active, "active"}, {ListingStatus::Sold, "sold"}, {ListingStatus::Removed, "removed"}}};
constexpr Table<SuggestionKind, 3> kSuggestionKind{
    {{SuggestionKind::Make, "make"}, {SuggestionKind::Model, "model"}, {SuggestionKind::Search, "search"}}};

template <typename E, std::size_t N> std::string_view nameOf(const Table<E, N>& t, E v)
{
    for (const auto& [value, name] : t)
        if (value == v) return name;
    return {};
}
template <typename E, std::size_t N> std::optional<E> lookup(const Table<E, N>& t, std::string_view s)
{
    for (const auto& [value, name] : t)
        if (name == s) return value;
    return std::nullopt;
}
template <typename E, std::size_t N> std::vector<E> valuesOf(const Table<E, N>& t)
{
    std::vector<E> out;
    for (const auto& row : t) out.push_back(row.first);
    return out;
}

} // namespace

#define DONGELEK_ENUM(E, table)                                                           \
    std::string_view toString(E v) { return nameOf(table, v); }                           \
    template <> std::optional<E> parseEnum<E>(std::string_view s) { return lookup(table, s); } \
    template <> const std::vector<E>& allValues<E>()                                      \
    {                                                                                     \
        static const std::vector<E> values = valuesOf(table);                             \
        return values;                                                                    \
    }

DONGELEK_ENUM(Currency, kCurrency)
DONGELEK_ENUM(Country, kCountry)
DONGELEK_ENUM(Body, kBody)
DONGELEK_ENUM(Fuel, kFuel)
DONGELEK_ENUM(Transmission, kTransmission)
DONGELEK_ENUM(Drive, kDrive)
DONGELEK_ENUM(SellerKind, kSellerKind)
DONGELEK_ENUM(Sort, kSort)
DONGELEK_ENUM(Condition, kCondition)
DONGELEK_ENUM(Steering, kSteering)
DONGELEK_ENUM(SuggestionKind, kSuggestionKind)
DONGELEK_ENUM(DealRating, kDealRating)
DONGELEK_ENUM(ListingStatus, kListingStatus)

#undef DONGELEK_ENUM

int minorDigits(Currency c) { return c == Currency::BHD ? 3 : 2; }

bool ListingFilter::operator==(const ListingFilter& o) const
{
    const auto key = [](const ListingFilter& f) {
        return std::tie(f.query, f.makeIds, f.modelIds, f.yearFrom, f.yearTo, f.priceFrom, f.priceTo, f.currency,
                        f.mileageMax, f.engineFrom, f.engineTo, f.powerFrom, f.powerTo, f.bodies, f.fuels,
                        f.transmissions, f.drives, f.colors, f.condition, f.ownersMax, f.steering, f.sellerKind,
                        f.customsCleared, f.noAccidents, f.withPhotos, f.withSpin, f.vinVerified,
                        f.sellerVerified, f.postedWithinDays, f.monthlyMax, f.loanDownPercent, f.loanTermMonths,
                        f.loanRateBp, f.cityId, f.country, f.sort, f.page, f.pageSize);
    };
    return key(*this) == key(o);
}

std::int64_t SearchFacets::count(std::string_view parameter, std::string_view value) const
{
    for (const auto& [name, options] : facets) {
        if (name != parameter) continue;
        for (const auto& [v, n] : options)
            if (v == value) return n;
    }
    return 0;
}

} // namespace dongelek
