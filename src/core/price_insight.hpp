// The market price of a car from comparable listings, and how good a deal its asking
// price is. Platform-free: the server computes it, the tests check it on generated data
// with a known answer.
//
// Method (docs/search.md, "Price insight"):
// 1. Comparables: active listings of the same model in the same market (country), model
//    year within ±2, the car itself left out. Fewer than kMinComparables: no estimate.
// 2. Each comparable's price is moved to the car's year and mileage with a depreciation
//    model fitted on the comparables themselves: log(price) = a + b·Δyear + c·Δmileage
//    (per 10,000 km), least squares with a weak pull (ridge) towards typical values
//    (b = +0.10 per newer year, c = −0.03 per 10,000 km), so a set of one year or one
//    mileage still gives sane slopes.
// 3. The estimate is the median of the adjusted prices; the fair range is their 25th to
//    75th percentile. Outliers (beyond 3 median absolute deviations) are dropped first.
// 4. The deal: asking / estimate ≤ 0.90 great, ≤ 0.97 good, ≤ 1.05 fair, above high.
#pragma once

#include "model.hpp"

#include <cstdint>
#include <vector>

namespace dongelek {

struct PriceComparable {
    int year = 0;
    int mileageKm = 0;
    std::int64_t priceKzt = 0; // whole tenge at the reference rate
};

struct PriceEstimate {
    bool available = false;
    std::int64_t estimateKzt = 0, lowKzt = 0, highKzt = 0;
    int comparables = 0; // used after dropping outliers
    DealRating rating = DealRating::Unknown;
};

inline constexpr int kMinComparables = 6;

PriceEstimate estimatePrice(const std::vector<PriceComparable>& comparables, int year, int mileageKm,
                            std::int64_t askingKzt);

// The deal rating of an asking price against an estimate (the thresholds above).
DealRating rateDeal(std::int64_t askingKzt, std::int64_t estimateKzt);

} // namespace dongelek
