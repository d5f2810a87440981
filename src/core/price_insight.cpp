// Price estimate from comparables; see price_insight.hpp for the method.

#include "price_insight.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace dongelek {

namespace {

constexpr double kPriorYear = 0.10;     // log price per model year newer
constexpr double kPriorMileage = -0.03; // log price per 10,000 km more
constexpr double kRidge = 2.0;          // weight of the prior, in comparables

double quantile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

// Solves the 3x3 system m·x = r (Gaussian elimination with pivoting); false if singular.
bool solve3(std::array<std::array<double, 3>, 3> m, std::array<double, 3> r, std::array<double, 3>& x)
{
    for (int col = 0; col < 3; ++col) {
        int pivot = col;
        for (int row = col + 1; row < 3; ++row)
            if (std::abs(m[row][col]) > std::abs(m[pivot][col])) pivot = row;
        if (std::abs(m[pivot][col]) < 1e-12) return false;
        std::swap(m[col], m[pivot]);
        std::swap(r[col], r[pivot]);
        for (int row = 0; row < 3; ++row) {
            if (row == col) continue;
            const double f = m[row][col] / m[col][col];
            for (int k = 0; k < 3; ++k) m[row][k] -= f * m[col][k];
            r[row] -= f * r[col];
        }
    }
    for (int i = 0; i < 3; ++i) x[i] = r[i] / m[i][i];
    return true;
}

struct Slopes {
    double year = kPriorYear, mileage = kPriorMileage;
};

// Least squares of log price on (1, Δyear, Δmileage/10,000) with the ridge pull on the slopes.
Slopes fit(const std::vector<PriceComparable>& c, int year, int mileageKm)
{
    std::array<std::array<double, 3>, 3> m{};
    std::array<double, 3> r{};
    for (const PriceComparable& p : c) {
        const std::array<double, 3> x{1.0, static_cast<double>(p.year - year), (p.mileageKm - mileageKm) / 10'000.0};
        const double y = std::log(static_cast<double>(p.priceKzt));
        for (int i = 0; i < 3; ++i) {
            for (int k = 0; k < 3; ++k) m[i][k] += x[i] * x[k];
            r[i] += x[i] * y;
        }
    }
    m[1][1] += kRidge;
    r[1] += kRidge * kPriorYear;
    m[2][2] += kRidge;
    r[2] += kRidge * kPriorMileage;
    std::array<double, 3> x{};
    Slopes s;
    if (solve3(m, r, x)) {
        // Cars do not gain value with age or mileage: keep the slopes on the sensible side.
        s.year = std::clamp(x[1], 0.0, 0.35);
        s.mileage = std::clamp(x[2], -0.2, 0.0);
    }
    return s;
}

std::vector<double> adjusted(const std::vector<PriceComparable>& c, const Slopes& s, int year, int mileageKm)
{
    std::vector<double> out;
    out.reserve(c.size());
    for (const PriceComparable& p : c)
        out.push_back(static_cast<double>(p.priceKzt) *
                      std::exp(s.year * (year - p.year) + s.mileage * (mileageKm - p.mileageKm) / 10'000.0));
    return out;
}

} // namespace

DealRating rateDeal(std::int64_t asking, std::int64_t estimate)
{
    if (estimate <= 0 || asking <= 0) return DealRating::Unknown;
    const double ratio = static_cast<double>(asking) / static_cast<double>(estimate);
    return ratio <= 0.90 ? DealRating::Great : ratio <= 0.97 ? DealRating::Good : ratio <= 1.05 ? DealRating::Fair
                                                                                                 : DealRating::High;
}

PriceEstimate estimatePrice(const std::vector<PriceComparable>& all, int year, int mileageKm, std::int64_t asking)
{
    PriceEstimate e;
    std::vector<PriceComparable> c;
    for (const PriceComparable& p : all)
        if (p.priceKzt > 0) c.push_back(p);
    if (static_cast<int>(c.size()) < kMinComparables) return e;

    Slopes s = fit(c, year, mileageKm);
    // Drop outliers (a typo'd price, a wreck) by their distance from the median, then refit.
    std::vector<double> adj = adjusted(c, s, year, mileageKm);
    const double median = quantile(adj, 0.5);
    std::vector<double> deviation;
    for (double a : adj) deviation.push_back(std::abs(std::log(a / median)));
    const double mad = std::max(quantile(deviation, 0.5), 0.02);
    std::vector<PriceComparable> kept;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (deviation[i] <= 3 * mad) kept.push_back(c[i]);
    if (static_cast<int>(kept.size()) < kMinComparables) return e;
    s = fit(kept, year, mileageKm);
    adj = adjusted(kept, s, year, mileageKm);

    e.available = true;
    e.comparables = static_cast<int>(kept.size());
    e.estimateKzt = std::llround(quantile(adj, 0.5));
    e.lowKzt = std::llround(quantile(adj, 0.25));
    e.highKzt = std::llround(quantile(adj, 0.75));
    e.rating = rateDeal(asking, e.estimateKzt);
    return e;
}

} // namespace dongelek
