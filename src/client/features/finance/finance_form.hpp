// The loan calculator's inputs as the buyer typed them, the defaults per country, and the pure
// steps around the loan engine (core/finance/loan.hpp): text -> engine input (with each
// field's problem), engine output -> one schedule shape for the screen, and the form <-> the
// address (core/routes/finance_route.hpp). No I/O: unit-tested in tests/client/finance_module_test.cpp.
//
// Defaults (what a field shows until the buyer or the address sets it):
//   Kazakhstan: 20 % down, 60 months, an annuity loan at 18.5 % a year (a typical car-loan
//               rate of Kazakh banks), no fees, no insurance.
//   Bahrain:    20 % down, 60 months, a conventional annuity loan at 6.5 % a year; Islamic
//               financing (murabaha, Bahraini listings only) at 5 % flat profit a year.
//   Both:       the listing's price; early repayment with payment 12, no lump sum.
// Switching between a loan and murabaha puts the rate back to the new kind's default (a flat
// profit rate and a nominal interest rate are different numbers); annuity <-> differentiated
// keeps it.
#pragma once

#include "core/finance/loan.hpp"
#include "core/model.hpp"
#include "core/routes/finance_route.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

// [SECTION] Fields and defaults

enum class FinanceField { Price, DownPayment, TradeIn, Term, Rate, OneTimeFee, MonthlyFee, Insurance, EarlyMonth, LumpSum };
inline constexpr std::size_t kFinanceFieldCount = 10;
inline constexpr FinanceField kFinanceFields[kFinanceFieldCount] = {
    FinanceField::Price,      FinanceField::DownPayment, FinanceField::TradeIn,   FinanceField::Term,
    FinanceField::Rate,       FinanceField::OneTimeFee,  FinanceField::MonthlyFee, FinanceField::Insurance,
    FinanceField::EarlyMonth, FinanceField::LumpSum};
// "price", "down_payment", "trade_in", "term", "rate", "one_time_fee", "monthly_fee", "insurance",
// "early_month", "lump_sum" (the engine's field names where they are the same).
std::string_view toString(FinanceField f);

inline constexpr std::int64_t kDefaultDownBp = 2000; // 20 %
inline constexpr int kDefaultTermMonths = 60;
inline constexpr int kDefaultEarlyMonth = 12;
inline constexpr int kTermChoices[] = {12, 24, 36, 48, 60, 84};

// Murabaha is offered for Bahraini listings only.
bool offers(Country c, FinanceType t);
FinanceType defaultType(Country c);
std::int32_t defaultRateBp(Country c, FinanceType t); // KZ 1850; BH 650, murabaha 500
inline bool isMurabaha(FinanceType t) { return t == FinanceType::Murabaha; }

// "12500000", "8750.5": an amount in minor units as a field shows it (no grouping, '.' decimals).
std::string amountText(std::int64_t minor, Currency c);
// "18.5": basis points as a percent field shows it.
std::string percentText(std::int64_t bp);
// The field texts read back (nullopt when not a number): minor units, basis points.
std::optional<std::int64_t> amountMinorOf(const std::string& text, Currency c);
std::optional<std::int64_t> percentBpOf(const std::string& text);

// [SECTION] The form

struct FinanceForm {
    std::array<std::string, kFinanceFieldCount> text;
    // Typed by the buyer or given by the address (then written to the address); the others show
    // the defaults and follow them.
    std::array<bool, kFinanceFieldCount> set{};
    bool downPercent = true;      // the down payment field is a percent of the price
    bool feePercent = false;      // the one-time fee field is a percent of the loan
    bool feeFinanced = false;     // the one-time fee is added to the loan
    bool insuranceFinanced = true; // the first year's premium is added to the loan
    FinanceType type = FinanceType::Annuity;
    // Which of the four above the buyer or the address chose (kinds go with their field's `set`).
    bool feeFinancedSet = false, insuranceFinancedSet = false, typeSet = false;

    const std::string& operator[](FinanceField f) const { return text[static_cast<std::size_t>(f)]; }
    std::string& operator[](FinanceField f) { return text[static_cast<std::size_t>(f)]; }
    bool isSet(FinanceField f) const { return set[static_cast<std::size_t>(f)]; }
    void markSet(FinanceField f) { set[static_cast<std::size_t>(f)] = true; }
};

// The defaults for `listing`, then whatever `route` gives (a type the country does not offer is
// dropped).
FinanceForm formFor(const FinanceRoute& route, const ListingSummary& listing);
// What the address says about `form`: only what is set, and only values that read.
FinanceRoute routeOf(const FinanceForm& form, std::int64_t listingId);

// [SECTION] Problems and the result

struct FieldProblem {
    FinanceField field = FinanceField::Price;
    std::string key; // "finance.error.term_not_positive", "finance.error.not_a_number"
    bool operator==(const FieldProblem& o) const { return field == o.field && key == o.key; }
};

struct FinanceRow {
    finance::CivilDate date;
    std::int64_t payment = 0;   // everything paid that month
    std::int64_t principal = 0; // murabaha: the part of the instalment that repays the cost
    std::int64_t interest = 0;  // murabaha: the part that is profit
    std::int64_t fee = 0;
    std::int64_t balance = 0;   // owed after the payment (murabaha: of the sale price)
};

struct FinanceResult {
    FinanceType type = FinanceType::Annuity;
    Currency currency = Currency::KZT;
    int termMonths = 0;
    std::int64_t downPayment = 0;
    std::int64_t amountFinanced = 0; // murabaha: the cost the bank pays
    std::int64_t salePrice = 0;      // murabaha only
    std::int64_t monthlyPayment = 0; // annuity: the regular one; differentiated: the first; murabaha: the instalment
    std::int64_t firstPayment = 0, lastPayment = 0;
    std::int64_t totalPaid = 0;      // every payment for the financing, what is paid at signing included
    std::int64_t totalInterest = 0;  // murabaha: the profit
    std::int64_t totalFees = 0;      // one-time + monthly fees (murabaha: the admin fee)
    std::int64_t insurance = 0;      // the first year's premium
    std::int64_t paidAtSigning = 0;
    std::int64_t feeBase = 0;        // what a percent fee is a percent of
    finance::EffectiveRate effective;
    std::vector<FinanceRow> rows;
    std::int64_t largestPayment = 0; // the chart's scale
};

// Everything the calculator shows for a form, worked out in one go (~0.1 ms a schedule, so on
// every keystroke).
struct Evaluation {
    std::vector<FieldProblem> problems;      // empty: `result` holds the financing
    std::optional<FinanceResult> result;
    // Early repayment, asked when a lump sum is typed (loans only; murabaha has no interest to save).
    bool earlyAsked = false;
    std::vector<FieldProblem> earlyProblems; // of the early-repayment fields
    std::optional<finance::EarlyRepaymentResult> early;
};
// Parses every field shown for the form's type (a text that is not a number:
// "finance.error.not_a_number"), then the engine checks the values (its problems go under the
// field they are about) and computes. `start`: the signing date (payment k is k months later).
Evaluation evaluate(const FinanceForm& form, Currency currency, finance::CivilDate start);

// [SECTION] The listing page's line

// The regular monthly payment for `listing` with its country's defaults (rounded up to a whole
// unit of the currency: "from 123,457 ₸/month"); nullopt when there is nothing to finance.
std::optional<Money> typicalMonthlyPayment(const ListingSummary& listing);

} // namespace dongelek
