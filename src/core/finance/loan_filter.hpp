// The buyer's loan terms in search: the monthly payment shown on every card and the "monthly
// payment up to" filter (ListingFilter::monthlyMax with loanDownPercent, loanTermMonths and
// loanRateBp, the query's monthly_max, loan_down, loan_term and loan_rate).
//
// The filter is a price bound in disguise: at fixed terms with the down payment as a share of
// the price, the annuity payment never falls as the price rises, so "payment ≤ M" is exactly
// "price ≤ the highest price whose payment is ≤ M" (maxPriceForMonthlyPayment, exact in minor
// units). The search keeps its price index and only tightens price_to (effectivePriceTo); the
// server, the facet counts and the app all use this one function.
#pragma once

#include "core/model.hpp"

#include <cstdint>
#include <optional>

namespace dongelek::finance {

inline constexpr int kMaxFilterDownPercent = 90;
inline constexpr int kMaxFilterRateBp = 10'000; // 100 %

struct BuyerLoanTerms {
    int downPercent = 20;
    int termMonths = 60;
    int rateBp = 1850;
    bool operator==(const BuyerLoanTerms& o) const
    {
        return downPercent == o.downPercent && termMonths == o.termMonths && rateBp == o.rateBp;
    }
};

// What a bank in each market typically offers a car buyer: 20 % down over 5 years at 18.5 %
// (Kazakhstan) or 6.5 % (Bahrain).
BuyerLoanTerms defaultLoanTerms(Currency currency);
// The filter's terms, each unset one from the defaults of the filter's currency.
BuyerLoanTerms loanTermsOf(const ListingFilter& f);
// A car's terms on a card: what the buyer set in the filter, the rest from the car's own market
// (a Bahraini car at 6.5 %, not at the Kazakh rate of a search in tenge).
BuyerLoanTerms loanTermsFor(const ListingFilter& f, Currency carCurrency);
// The regular monthly annuity payment for `price` at `terms`, in minor units of its currency
// (0 when the down payment covers it).
std::int64_t monthlyPaymentMinor(const Money& price, const BuyerLoanTerms& terms);
// The highest price, in whole units of the filter's currency, whose payment at the filter's
// terms is at most monthlyMax; nullopt when there is no monthlyMax (or it allows any price).
std::optional<std::int64_t> priceBoundForMonthly(const ListingFilter& f);
// The price bound a search applies: price_to, tightened by the monthly payment's bound.
std::optional<std::int64_t> effectivePriceTo(const ListingFilter& f);

} // namespace dongelek::finance
