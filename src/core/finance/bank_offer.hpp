// A partner bank's offer for a car, computed the same way where it is shown (the calculator's
// partner offers) and where it is stored (the server's loan applications): the bank's rate, its
// one-time fee (a share of the loan, paid at signing; murabaha: the admin fee) and its monthly
// fee included, no insurance financed.
#pragma once

#include "core/finance/loan.hpp"

#include <cstdint>
#include <vector>

namespace dongelek::finance {

enum class OfferKind { Annuity, Differentiated, Murabaha };

struct BankOfferTerms {
    Currency currency = Currency::KZT;
    std::int64_t priceMinor = 0;
    std::int64_t downPaymentMinor = 0;
    std::int64_t tradeInMinor = 0;
    int termMonths = 0;
    OfferKind kind = OfferKind::Annuity;
    std::int32_t rateBp = 0;       // the yearly rate; murabaha: the flat yearly profit rate
    std::int32_t oneTimeFeeBp = 0; // of the loan (murabaha: of the cost)
    std::int64_t monthlyFeeMinor = 0;
};

struct BankOfferPayment {
    std::int64_t monthlyPaymentMinor = 0; // annuity: the regular one; differentiated: the first
    std::vector<LoanProblem> problems;    // empty when the payment holds
};

BankOfferPayment bankOfferPayment(const BankOfferTerms& terms, CivilDate start);

// A bank's minimum down payment: `bp` of the price, rounded up to the minor unit.
std::int64_t minimumDownPayment(std::int64_t priceMinor, std::int32_t bp);

} // namespace dongelek::finance
