#include "core/finance/loan_filter.hpp"

#include "core/finance/loan.hpp"
#include "core/money.hpp"

#include <algorithm>

namespace dongelek::finance {

namespace {

LoanInput loanFor(Currency currency, const BuyerLoanTerms& t)
{
    LoanInput in;
    in.currency = currency;
    in.downPayment = Share::percentBp(static_cast<std::int64_t>(t.downPercent) * 100);
    in.termMonths = t.termMonths;
    in.annualRateBp = t.rateBp;
    in.insurancePerYearMinor = 0;
    in.repayment = Repayment::Annuity;
    return in;
}

} // namespace

BuyerLoanTerms defaultLoanTerms(Currency currency)
{
    BuyerLoanTerms t;
    if (currency == Currency::BHD) t.rateBp = 650;
    return t;
}

BuyerLoanTerms loanTermsOf(const ListingFilter& f) { return loanTermsFor(f, f.currency); }

BuyerLoanTerms loanTermsFor(const ListingFilter& f, Currency carCurrency)
{
    BuyerLoanTerms t = defaultLoanTerms(carCurrency);
    if (f.loanDownPercent) t.downPercent = *f.loanDownPercent;
    if (f.loanTermMonths) t.termMonths = *f.loanTermMonths;
    if (f.loanRateBp) t.rateBp = *f.loanRateBp;
    return t;
}

std::int64_t monthlyPaymentMinor(const Money& price, const BuyerLoanTerms& terms)
{
    if (price.amountMinor <= 0) return 0;
    return monthlyPaymentForPrice(price.amountMinor, loanFor(price.currency, terms));
}

std::optional<std::int64_t> priceBoundForMonthly(const ListingFilter& f)
{
    if (!f.monthlyMax) return std::nullopt;
    const std::int64_t unit = minorPerWhole(f.currency);
    if (*f.monthlyMax > kMaxAmountMinor / unit) return std::nullopt; // more than any price needs
    const MaxPriceResult r = maxPriceForMonthlyPayment(*f.monthlyMax * unit, loanFor(f.currency, loanTermsOf(f)));
    if (!r.ok() || r.capped) return std::nullopt;
    if (!r.found) return 0;
    return r.priceMinor / unit;
}

std::optional<std::int64_t> effectivePriceTo(const ListingFilter& f)
{
    const std::optional<std::int64_t> monthly = priceBoundForMonthly(f);
    if (!monthly) return f.priceTo;
    return f.priceTo ? std::min(*f.priceTo, *monthly) : *monthly;
}

} // namespace dongelek::finance
