// The highest price for a monthly payment ("monthly payment up to" in search); see loan.hpp.
//
// The forward function, price → regular annuity payment + monthly fee, never decreases
// with the price (every step of it rounds half up, and a down payment in percent takes
// at most the whole of each extra minor unit), so a binary search over [0, 10^15] finds
// the exact answer in about 50 evaluations of one annuity formula each: microseconds.

#include "loan.hpp"

#include <algorithm>

namespace dongelek::finance {

std::int64_t monthlyPaymentForPrice(std::int64_t priceMinor, const LoanInput& terms)
{
    if (priceMinor <= 0) return 0;
    LoanInput in = terms;
    in.priceMinor = priceMinor;
    const detail::LoanAmounts a = detail::loanAmounts(in);
    if (a.cost <= 0) return 0; // paid outright: no loan, no payment
    return annuityPayment(a.principal, in.annualRateBp, in.termMonths) + in.monthlyFeeMinor;
}

MaxPriceResult maxPriceForMonthlyPayment(std::int64_t paymentMinor, const LoanInput& terms)
{
    MaxPriceResult out;
    // The terms are checked as for the most expensive car; what depends on the price
    // (nothing left to finance, fees above the loan) only shapes the search.
    LoanInput probe = terms;
    probe.priceMinor = kMaxAmountMinor;
    probe.repayment = Repayment::Annuity;
    for (const LoanProblem& p : validate(probe))
        if (p.problem != Problem::NothingToFinance && p.problem != Problem::FeesExceedLoan) out.problems.push_back(p);
    if (paymentMinor <= 0) out.problems.push_back({Field::Payment, Problem::PaymentNotPositive});
    else if (paymentMinor > kMaxAmountMinor) out.problems.push_back({Field::Payment, Problem::PaymentTooLarge});
    if (!out.problems.empty()) return out;

    if (monthlyPaymentForPrice(kMaxAmountMinor, terms) <= paymentMinor) {
        out.found = out.capped = true;
        out.priceMinor = kMaxAmountMinor;
        out.paymentMinor = monthlyPaymentForPrice(kMaxAmountMinor, terms);
        return out;
    }
    // Invariant: payment(lo) ≤ paymentMinor < payment(hi); payment(0) = 0.
    std::int64_t lo = 0, hi = kMaxAmountMinor;
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (monthlyPaymentForPrice(mid, terms) <= paymentMinor) lo = mid;
        else hi = mid;
    }
    out.found = lo > 0;
    out.priceMinor = lo;
    out.paymentMinor = monthlyPaymentForPrice(lo, terms);
    return out;
}

} // namespace dongelek::finance
