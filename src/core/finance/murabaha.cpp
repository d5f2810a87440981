// Murabaha (cost-plus sale) instalments for Islamic car financing; see loan.hpp.
//
// cost = price − down payment − trade-in; profit = cost × rate × months / 12 half up
// (flat on the cost for the whole term, disclosed up front); sale price = cost + profit;
// instalment = ⌊sale price / n⌋, the last one taking the remainder. The APR equivalent
// is the effective rate of the instalments against the cost less the admin fee.

#include "loan.hpp"

namespace dongelek::finance {

namespace {

std::vector<LoanProblem> validateMurabaha(const MurabahaInput& in)
{
    std::vector<LoanProblem> out;
    detail::validatePurchase(out, in.priceMinor, in.downPayment, in.tradeInMinor, in.termMonths);
    if (in.profitRateBp < 0) out.push_back({Field::ProfitRate, Problem::ProfitRateNegative});
    else if (in.profitRateBp > kMaxRateBp) out.push_back({Field::ProfitRate, Problem::ProfitRateTooHigh});
    if (in.adminFeeMinor < 0) out.push_back({Field::OneTimeFee, Problem::OneTimeFeeNegative});
    else if (in.adminFeeMinor > kMaxAmountMinor) out.push_back({Field::OneTimeFee, Problem::OneTimeFeeTooLarge});
    if (!isValid(in.start)) out.push_back({Field::StartDate, Problem::StartDateInvalid});
    if (out.empty() && in.priceMinor - resolveShare(in.downPayment, in.priceMinor) - in.tradeInMinor <= in.adminFeeMinor)
        out.push_back({Field::OneTimeFee, Problem::FeesExceedLoan});
    return out;
}

} // namespace

MurabahaResult computeMurabaha(const MurabahaInput& in)
{
    MurabahaResult out;
    out.problems = validateMurabaha(in);
    if (!out.problems.empty()) return out;

    MurabahaSummary& s = out.summary;
    const int n = in.termMonths;
    s.currency = in.currency;
    s.termMonths = n;
    s.costMinor = in.priceMinor - resolveShare(in.downPayment, in.priceMinor) - in.tradeInMinor;
    s.profitMinor = mulDivHalfUp(s.costMinor, static_cast<std::int64_t>(in.profitRateBp) * n,
                                 12 * static_cast<std::int64_t>(kBasisPointsPerWhole));
    s.salePrice = s.costMinor + s.profitMinor;
    s.instalment = s.salePrice / n;
    s.lastInstalment = s.salePrice - s.instalment * (n - 1);
    s.adminFeeMinor = in.adminFeeMinor;
    s.totalPaid = s.salePrice + in.adminFeeMinor;

    PaymentStream stream;
    stream.start = in.start;
    stream.received = s.costMinor - in.adminFeeMinor;
    out.rows.reserve(static_cast<std::size_t>(n));
    std::int64_t remaining = s.salePrice;
    for (int month = 1; month <= n; ++month) {
        MurabahaRow row;
        row.date = addMonths(in.start, month);
        row.instalment = month == n ? s.lastInstalment : s.instalment;
        remaining -= row.instalment;
        row.remaining = remaining;
        out.rows.push_back(row);
        stream.add(row.date, row.instalment);
    }
    s.firstDate = out.rows.front().date;
    s.lastDate = out.rows.back().date;
    s.effective = effectiveRate(stream);
    return out;
}

} // namespace dongelek::finance
