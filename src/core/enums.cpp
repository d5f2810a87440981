// Wire names of the domain enumerations, one table per enum.
// Adding a value means adding one row here; parse, print and validation follow.

#include "model.hpp"

#include <array>
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

#undef DONGELEK_ENUM

int minorDigits(Currency c) { return c == Currency::BHD ? 3 : 2; }

bool ListingFilter::operator==(const ListingFilter& o) const
{
    return query == o.query && makeId == o.makeId && modelId == o.modelId && yearFrom == o.yearFrom &&
           yearTo == o.yearTo && priceFrom == o.priceFrom && priceTo == o.priceTo && currency == o.currency &&
           mileageMax == o.mileageMax && body == o.body && fuel == o.fuel && transmission == o.transmission &&
           cityId == o.cityId && country == o.country && sort == o.sort && page == o.page && pageSize == o.pageSize;
}

} // namespace dongelek
