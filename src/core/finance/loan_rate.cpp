// The effective rate of a loan (Kazakhstan ГЭСВ and Bahrain APR); see loan.hpp and
// docs/finance_loans.md for the definitions.
//
// Both solve   S = Σ P_k · (1 + i)^(−τ_k)   for i ≥ 0, where τ_k is payment k's time in
// years: actual days / 365 for the ГЭСВ, k / 12 for the APR. With x = ln(1 + i) the
// right side's logarithm, h(x) = ln Σ P_k e^(−x·τ_k), is a log-sum-exp of lines: convex
// and decreasing. Newton's method from x = 0 (where h(0) ≥ ln S because the payments
// add up to at least S) therefore climbs monotonically to the root without passing it,
// and its steps are bounded by the slopes τ_min..τ_max, so even absurd rates converge
// in a few dozen steps. Working in x keeps every term ≤ its payment: no overflow.

#include "loan.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::finance {

namespace {

// x = ln(1 + i) solving Σ a_k e^(−x·τ_k) = s; 0 when the payments do not exceed s.
double solveLogRate(const double* a, const double* tau, int n, double s)
{
    int first = 0;
    while (first < n && a[first] <= 0) ++first;
    if (first == n || s <= 0) return 0;
    const double tau0 = tau[first]; // factored out: every exponent below is ≤ 0
    const double logS = std::log(s);
    const auto h = [&](double x, double& slope) {
        double sum = 0, weighted = 0;
        for (int k = first; k < n; ++k) {
            const double term = a[k] * std::exp(-x * (tau[k] - tau0));
            sum += term;
            weighted += term * tau[k];
        }
        slope = -weighted / sum;
        return -x * tau0 + std::log(sum) - logS;
    };
    double x = 0, slope = 0;
    double value = h(x, slope);
    if (value <= 0) return 0;
    for (int iteration = 0; iteration < 200; ++iteration) {
        const double step = -value / slope;
        if (!(step > 0) || !std::isfinite(step)) break;
        x += step;
        value = h(x, slope);
        if (value <= 0 || step <= 1e-15 * std::max(1.0, x)) break;
    }
    return x;
}

// Half up to 1 / `scale` of a whole (scale 1000: tenths of a percent), clamped. The
// nudge keeps a value that is a tie in decimal (21.45 %) from rounding down in binary.
std::int64_t roundRate(double rate, double scale, std::int64_t cap)
{
    const double v = std::floor(rate * scale * (1 + 1e-12) + 0.5);
    if (!(v < static_cast<double>(cap))) return cap;
    return v < 0 ? 0 : static_cast<std::int64_t>(v);
}

} // namespace

void PaymentStream::add(CivilDate date, std::int64_t amount)
{
    if (count >= kMaxTermMonths) return;
    dates[static_cast<std::size_t>(count)] = date;
    amounts[static_cast<std::size_t>(count)] = amount;
    ++count;
}

EffectiveRate effectiveRate(const PaymentStream& s)
{
    EffectiveRate out;
    std::int64_t total = 0;
    for (int k = 0; k < s.count; ++k) total += s.amounts[static_cast<std::size_t>(k)];
    // Nothing paid beyond what was received (0 % and no fees): exactly 0, no solving.
    if (s.received <= 0 || s.count == 0 || total <= s.received) return out;
    std::array<double, kMaxTermMonths> a{}, days{}, months{};
    for (int k = 0; k < s.count; ++k) {
        const auto i = static_cast<std::size_t>(k);
        a[i] = static_cast<double>(s.amounts[i]);
        days[i] = static_cast<double>(daysBetween(s.start, s.dates[i])) / 365.0;
        months[i] = (k + 1) / 12.0;
    }
    const double received = static_cast<double>(s.received);
    const double xDays = solveLogRate(a.data(), days.data(), s.count, received);
    const double xMonths = solveLogRate(a.data(), months.data(), s.count, received);
    out.gesv = std::expm1(xDays);
    out.apr = std::expm1(xMonths);
    out.monthlyIrr = std::expm1(xMonths / 12);
    out.nominalApr = 12 * out.monthlyIrr;
    out.gesvTenths = roundRate(out.gesv, 1000, kMaxShownRatePercent * 10);
    out.aprHundredths = roundRate(out.apr, 10000, kMaxShownRatePercent * 100);
    return out;
}

EffectiveRate effectiveRate(const std::vector<LoanRow>& rows, std::int64_t moneyReceived, CivilDate start)
{
    PaymentStream s;
    s.start = start;
    s.received = moneyReceived;
    for (const LoanRow& r : rows) s.add(r.date, r.payment);
    return effectiveRate(s);
}

} // namespace dongelek::finance
