// The price estimate on generated markets whose true price is known.
#include "core/price_insight.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

using namespace dongelek;

namespace {

// A market where a car of `year` and `km` is worth exactly trueValue(year, km): 11 % a year
// and 2.5 % per 10,000 km, times a deterministic ±6 % of noise.
double trueValue(int year, int km)
{
    return 12'000'000.0 * std::pow(0.89, 2026 - year) * std::exp(-0.025 * (km - 60'000) / 10'000.0);
}

std::vector<PriceComparable> market(int n, int yearFrom, int yearTo, std::uint32_t seed)
{
    std::vector<PriceComparable> out;
    std::uint32_t x = seed;
    const auto next = [&] {
        x = x * 1664525u + 1013904223u;
        return (x >> 8) / 16777216.0; // [0, 1)
    };
    for (int i = 0; i < n; ++i) {
        const int year = yearFrom + static_cast<int>(next() * (yearTo - yearFrom + 1));
        const int km = 10'000 + static_cast<int>(next() * 150'000);
        const double noise = 0.94 + 0.12 * next();
        out.push_back({year, km, static_cast<std::int64_t>(trueValue(year, km) * noise)});
    }
    return out;
}

} // namespace

TEST_CASE("the estimate recovers the true price from comparables of other years and mileages", "[core][insight]")
{
    for (std::uint32_t seed : {1u, 7u, 42u}) {
        const auto comps = market(40, 2018, 2022, seed);
        for (const auto& [year, km] : std::vector<std::pair<int, int>>{{2020, 60'000}, {2019, 120'000}, {2022, 20'000}}) {
            INFO("seed " << seed << ", " << year << ", " << km << " km");
            const double truth = trueValue(year, km);
            const PriceEstimate e = estimatePrice(comps, year, km, static_cast<std::int64_t>(truth));
            REQUIRE(e.available);
            CHECK(std::abs(e.estimateKzt / truth - 1.0) < 0.05);
            CHECK(e.lowKzt <= e.estimateKzt);
            CHECK(e.highKzt >= e.estimateKzt);
            CHECK(e.rating == DealRating::Fair);
        }
    }
}

TEST_CASE("deal badges follow the asking price against the estimate", "[core][insight]")
{
    const auto comps = market(30, 2019, 2021, 3);
    const double truth = trueValue(2020, 60'000);
    const auto rate = [&](double factor) {
        return estimatePrice(comps, 2020, 60'000, static_cast<std::int64_t>(truth * factor)).rating;
    };
    CHECK(rate(0.80) == DealRating::Great);
    CHECK(rate(0.94) == DealRating::Good);
    CHECK(rate(1.00) == DealRating::Fair);
    CHECK(rate(1.25) == DealRating::High);
    CHECK(rateDeal(90, 100) == DealRating::Great);
    CHECK(rateDeal(106, 100) == DealRating::High);
    CHECK(rateDeal(100, 0) == DealRating::Unknown);
}

TEST_CASE("too few comparables give no estimate, outliers do not move it", "[core][insight]")
{
    CHECK_FALSE(estimatePrice(market(5, 2019, 2021, 1), 2020, 60'000, 5'000'000).available);
    CHECK_FALSE(estimatePrice({}, 2020, 60'000, 5'000'000).available);
    auto comps = market(30, 2019, 2021, 9);
    const double truth = trueValue(2020, 60'000);
    const double before = static_cast<double>(estimatePrice(comps, 2020, 60'000, 1).estimateKzt);
    comps.push_back({2020, 60'000, 1'000});          // a typo
    comps.push_back({2020, 60'000, 900'000'000});    // another
    comps.push_back({2020, 60'000, 0});              // no price at all
    const PriceEstimate after = estimatePrice(comps, 2020, 60'000, 1);
    CHECK(std::abs(after.estimateKzt / before - 1.0) < 0.02);
    CHECK(std::abs(after.estimateKzt / truth - 1.0) < 0.05);
    CHECK(after.comparables == 30);
    // One model year only: the pull towards typical slopes still gives an answer.
    const PriceEstimate sameYear = estimatePrice(market(12, 2020, 2020, 5), 2021, 60'000, 1);
    REQUIRE(sameYear.available);
    CHECK(sameYear.estimateKzt > truth); // a newer car is worth more than the 2020 ones
}
