// The exact car-loan engine: the monthly schedule of a bank loan (annuity or
// differentiated), its effective rate as Kazakhstan and Bahrain disclose it, early
// repayment, Islamic financing (murabaha) and the inverse used by search ("monthly
// payment up to"). Platform-free; the app recomputes it on every keystroke.
//
// Method (docs/finance_loans.md has the formulas, the sources and worked examples):
// 1. Money is exact: every amount is std::int64_t minor units (tiyn, fils). Rates are
//    basis points (1850 = 18.50 % a year). Nothing is ever rounded except where this
//    list says so, and every rounding is half up to the minor unit.
// 2. The loan: cost = price − down payment − trade-in (what the bank pays the seller).
//    The first year's mandatory insurance premium is either financed (added to the
//    loan, as Kazakh car loans usually do) or paid at signing. The one-time fee is an
//    amount or a percent of the loan before the fee, paid at signing or financed.
//    Amount financed = cost + financed insurance + financed fee.
// 3. One rounding rule per month: interest = balance × (annual rate / 12), half up.
//    Annuity: payment = P·r / (1 − (1 + r)^−n), half up; differentiated: principal part
//    = ⌊P / n⌋. The LAST month takes whatever principal is left, so the principal parts
//    add up to the amount financed exactly and the balance ends at exactly 0. Each
//    month's payment = principal + interest + the monthly fee.
// 4. Dates: payment k falls k months after the start, the day clamped to the month's
//    length (a loan signed on 31 January pays on 28/29 February, then 31 March).
// 5. Effective rate: the rate that equates the money actually received (amount financed
//    − one-time fee − insurance premium, i.e. the cost of the car net of what was paid
//    at signing for the loan) with every payment. Kazakhstan's ГЭСВ discounts by actual
//    days / 365 (National Bank rules) and is shown to one decimal; Bahrain's APR (CBB
//    Rulebook BC-4.3.31) discounts by years counted in equal months and is shown to two
//    decimals. Solved by a bracketed Newton iteration in ln(1 + i), never failing.
// 6. Nothing here overflows for valid input: amounts are limited to 10^15 minor units,
//    and products of an amount and a rate are split so no intermediate leaves int64.
#pragma once

#include "core/model.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dongelek::finance {

// [SECTION] Limits

inline constexpr int kMaxTermMonths = 120;                          // 10 years
inline constexpr std::int64_t kMaxAmountMinor = 1'000'000'000'000'000; // 10^15 minor units, any amount
inline constexpr std::int32_t kBasisPointsPerWhole = 10'000;       // 10000 bp = 100 %
inline constexpr std::int32_t kMaxRateBp = 10'000;                 // 100 % a year
// Rounded effective rates are clamped here (the exact double is not): 10^6 % a year.
inline constexpr std::int64_t kMaxShownRatePercent = 1'000'000;

// [SECTION] Civil dates (proleptic Gregorian, no time zone)

struct CivilDate {
    int year = 2026;
    int month = 1; // 1..12
    int day = 1;   // 1..daysInMonth
    bool operator==(const CivilDate& o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator!=(const CivilDate& o) const { return !(*this == o); }
};

bool isLeapYear(int year);
int daysInMonth(int year, int month); // 0 when month is not 1..12
bool isValid(CivilDate d);           // year 1..9999, month 1..12, day within the month
// Days since 1970-01-01 (negative before).
std::int64_t daysSinceEpoch(CivilDate d);
// `to` − `from` in days.
std::int64_t daysBetween(CivilDate from, CivilDate to);
// The same day `months` months later, clamped to the last day of that month.
CivilDate addMonths(CivilDate d, int months);

// [SECTION] Inputs

enum class Repayment { Annuity, Differentiated };

// An amount either in minor units or as a percent of a base, in basis points
// (2000 = 20 %). Used for the down payment (base: the price) and the one-time fee
// (base: the loan before the fee).
enum class ShareKind { Amount, Percent };
struct Share {
    ShareKind kind = ShareKind::Amount;
    std::int64_t value = 0; // minor units, or basis points of the base
    static Share amount(std::int64_t minor) { return {ShareKind::Amount, minor}; }
    static Share percentBp(std::int64_t bp) { return {ShareKind::Percent, bp}; }
};
using DownPayment = Share;

struct LoanInput {
    Currency currency = Currency::KZT;
    std::int64_t priceMinor = 0;
    DownPayment downPayment;     // of the price
    std::int64_t tradeInMinor = 0; // the old car's value, reduces the loan like a down payment
    int termMonths = 12;           // 1..kMaxTermMonths
    std::int32_t annualRateBp = 0; // nominal, 0..kMaxRateBp; 0 % is a valid loan
    Share oneTimeFee;              // an amount, or bp of (cost + financed insurance)
    bool oneTimeFeeFinanced = false; // added to the loan instead of paid at signing
    std::int64_t monthlyFeeMinor = 0;     // paid with every instalment
    std::int64_t insurancePerYearMinor = 0; // the mandatory policy's yearly premium
    bool insuranceFinanced = true;          // the first year's premium is added to the loan
    Repayment repayment = Repayment::Annuity;
    CivilDate start;                        // signing and disbursement; payment k is k months later
};

// [SECTION] Problems (validation). The UI shows a localized text per key: no English here.

enum class Field {
    Price,
    DownPayment,
    TradeIn,
    Term,
    Rate,
    OneTimeFee,
    MonthlyFee,
    Insurance,
    StartDate,
    EarlyMonth,
    LumpSum,
    Payment,
    ProfitRate,
};

enum class Problem {
    PriceNotPositive,          // price ≤ 0
    PriceTooLarge,             // price > kMaxAmountMinor
    DownPaymentNegative,
    DownPaymentPercentOver100,
    DownPaymentAbovePrice,     // the down payment alone exceeds the price
    TradeInNegative,
    TradeInTooLarge,
    NothingToFinance,          // down payment + trade-in cover the whole price
    TermNotPositive,
    TermTooLong,               // > kMaxTermMonths
    RateNegative,
    RateTooHigh,               // > 100 % a year
    OneTimeFeeNegative,
    OneTimeFeePercentOver100,
    OneTimeFeeTooLarge,
    FeesExceedLoan,            // what is paid at signing leaves no money received
    MonthlyFeeNegative,
    MonthlyFeeTooLarge,
    InsuranceNegative,
    InsuranceTooLarge,
    StartDateInvalid,
    EarlyMonthOutsideTerm,     // early repayment after month k needs 1 ≤ k < term
    LumpSumNotPositive,
    PaymentNotPositive,        // maxPriceForMonthlyPayment: the payment asked for
    PaymentTooLarge,
    ProfitRateNegative,
    ProfitRateTooHigh,
};

struct LoanProblem {
    Field field = Field::Price;
    Problem problem = Problem::PriceNotPositive;
    bool operator==(const LoanProblem& o) const { return field == o.field && problem == o.problem; }
};

// The field a problem is about.
Field fieldOf(Problem p);
// Stable locale key, "finance.error.term_not_positive".
std::string_view problemKey(Problem p);
// Stable field name, "term" (for the form to mark the input).
std::string_view fieldName(Field f);

// Every problem of the input, in field order; empty when a schedule can be computed.
std::vector<LoanProblem> validate(const LoanInput& in);

// [SECTION] Outputs

struct LoanRow {
    CivilDate date;
    std::int64_t payment = 0;   // principal + interest + fee: all paid that month
    std::int64_t principal = 0; // includes earlyRepayment
    std::int64_t interest = 0;
    std::int64_t fee = 0;
    std::int64_t balance = 0;   // owed after this payment
    std::int64_t earlyRepayment = 0; // the lump sum paid on this date (early repayment only)
};

// The effective rate of a stream of payments against the money received. Rates are
// fractions (0.214 = 21.4 %); the rounded values are half up and clamped to
// kMaxShownRatePercent.
struct EffectiveRate {
    double gesv = 0;              // Kazakhstan ГЭСВ: days / 365
    std::int64_t gesvTenths = 0;  // 214 = 21.4 %
    double apr = 0;               // Bahrain APR (CBB): equal months, effective annual
    std::int64_t aprHundredths = 0; // 2143 = 21.43 %
    double monthlyIrr = 0;        // the monthly rate behind `apr`
    double nominalApr = 0;        // 12 × monthlyIrr (the US Regulation Z presentation), for comparison
};

struct LoanSummary {
    Currency currency = Currency::KZT;
    Repayment repayment = Repayment::Annuity;
    int termMonths = 0;                 // rows: the term (fewer after an early repayment)
    std::int64_t priceMinor = 0;
    std::int64_t downPaymentMinor = 0;  // resolved from a percent when given so
    std::int64_t tradeInMinor = 0;
    std::int64_t costMinor = 0;         // price − down payment − trade-in
    std::int64_t insuranceMinor = 0;    // the first year's premium (financed or paid at signing)
    std::int64_t oneTimeFeeMinor = 0;   // resolved from a percent when given so
    std::int64_t amountFinanced = 0;    // the loan: cost + financed insurance + financed fee
    std::int64_t paidAtSigning = 0;     // one-time fee and premium when not financed
    std::int64_t moneyReceived = 0;     // amountFinanced − one-time fee − premium (the effective rate's S)
    // With the monthly fee. Annuity: the regular payment; differentiated: the first (the
    // largest); an early-repayment option: the first payment after the lump.
    std::int64_t monthlyPayment = 0;
    std::int64_t firstPayment = 0;
    std::int64_t lastPayment = 0;
    std::int64_t totalPayments = 0;     // sum of the rows' payments
    std::int64_t totalInterest = 0;
    std::int64_t totalMonthlyFees = 0;
    std::int64_t totalFees = 0;         // monthly fees + one-time fee
    std::int64_t totalPaid = 0;         // totalPayments + paidAtSigning: every payment for the loan
    std::int64_t totalCostOfCar = 0;    // totalPaid + down payment + trade-in
    CivilDate firstDate, lastDate;
    EffectiveRate effective;
};

struct LoanSchedule {
    LoanSummary summary;
    std::vector<LoanRow> rows;
};

struct LoanResult {
    std::vector<LoanProblem> problems; // empty when `schedule` holds the loan
    LoanSchedule schedule;
    bool ok() const { return problems.empty(); }
};

// [SECTION] The loan

LoanResult computeLoan(const LoanInput& in);
// The same, reusing `out`'s storage (no allocation after the first call of a given term).
void computeLoan(const LoanInput& in, LoanResult& out);

// [SECTION] Building blocks (exact integer arithmetic; exposed for the tests and other tools)

// round_half_up(a × b / c) for a, b ≥ 0 and c > 0 without overflowing when c × b and
// (a / c) × b fit in int64 (true for every amount × rate here).
std::int64_t mulDivHalfUp(std::int64_t a, std::int64_t b, std::int64_t c);
// A share resolved against its base: the amount itself, or base × bp / 10000 half up.
std::int64_t resolveShare(Share s, std::int64_t base);
// One month's interest on `balance` at `annualRateBp`: balance × bp / 120000, half up.
std::int64_t monthlyInterest(std::int64_t balance, std::int32_t annualRateBp);
// The annuity payment (principal + interest) of `principal` over `months`, half up;
// principal / months at 0 %.
std::int64_t annuityPayment(std::int64_t principal, std::int32_t annualRateBp, int months);

// [SECTION] Effective rate

// What the effective rate is computed from: `received` on `start`, then payment k
// (k = 1..count) on dates[k − 1], one per month. Fixed storage: no allocation.
struct PaymentStream {
    CivilDate start;
    std::int64_t received = 0;
    int count = 0;
    std::array<std::int64_t, kMaxTermMonths> amounts{};
    std::array<CivilDate, kMaxTermMonths> dates{};
    void add(CivilDate date, std::int64_t amount); // ignored past kMaxTermMonths
};

// Solves both presentations. Needs received > 0 and payments that add up to at least
// `received` (always so for a loan); otherwise, or with nothing paid, every rate is 0.
EffectiveRate effectiveRate(const PaymentStream& s);
// The same for schedule rows (row k is month k), `moneyReceived` on `start`.
EffectiveRate effectiveRate(const std::vector<LoanRow>& rows, std::int64_t moneyReceived, CivilDate start);

// [SECTION] Early repayment

// A lump sum paid together with payment `afterMonth` (1 ≤ afterMonth < term). Two
// outcomes: keep the payment and finish sooner, or keep the end date and pay less.
struct EarlyOption {
    LoanSchedule schedule;       // the whole loan: months 1..afterMonth as before, the lump in row afterMonth
    std::int64_t newPayment = 0; // first payment after the lump (annuity: the new regular one)
    int monthsAfter = 0;         // payments left after the lump
    int monthsSaved = 0;         // versus the original term
    std::int64_t interestSaved = 0;
    std::int64_t feesSaved = 0;  // monthly fees no longer paid
    std::int64_t saved = 0;      // interestSaved + feesSaved
};

struct EarlyRepaymentResult {
    std::vector<LoanProblem> problems; // empty when the options hold
    std::int64_t balanceBefore = 0;    // owed after payment afterMonth, before the lump
    std::int64_t lumpApplied = 0;      // the lump, capped at that balance
    bool closesLoan = false;           // the lump repays everything: both options are the same, no months left
    LoanSummary original;
    EarlyOption shorterTerm;
    EarlyOption lowerPayment;
    bool ok() const { return problems.empty(); }
};

EarlyRepaymentResult earlyRepayment(const LoanInput& in, int afterMonth, std::int64_t lumpSumMinor);

// [SECTION] Islamic financing (murabaha)

// The bank buys the car for `cost` and sells it to the buyer for a fixed sale price:
// profit = cost × profit rate × months / 12 (flat, half up), paid in equal instalments
// of ⌊sale price / n⌋ with the last taking the remainder. No interest accrues.
struct MurabahaInput {
    Currency currency = Currency::BHD;
    std::int64_t priceMinor = 0;
    DownPayment downPayment;
    std::int64_t tradeInMinor = 0;
    int termMonths = 12;
    std::int32_t profitRateBp = 0;       // flat, per year, 0..kMaxRateBp
    std::int64_t adminFeeMinor = 0;      // paid at signing (counts in the APR)
    CivilDate start;
};

struct MurabahaRow {
    CivilDate date;
    std::int64_t instalment = 0;
    std::int64_t remaining = 0; // of the sale price, after this instalment
};

struct MurabahaSummary {
    Currency currency = Currency::BHD;
    int termMonths = 0;
    std::int64_t costMinor = 0;   // price − down payment − trade-in: what the bank pays
    std::int64_t profitMinor = 0;
    std::int64_t salePrice = 0;   // cost + profit: what the buyer owes the bank
    std::int64_t instalment = 0;  // the regular one
    std::int64_t lastInstalment = 0;
    std::int64_t adminFeeMinor = 0;
    std::int64_t totalPaid = 0;   // sale price + admin fee
    CivilDate firstDate, lastDate;
    EffectiveRate effective;      // the APR equivalent for disclosure
};

struct MurabahaResult {
    std::vector<LoanProblem> problems;
    MurabahaSummary summary;
    std::vector<MurabahaRow> rows;
    bool ok() const { return problems.empty(); }
};

MurabahaResult computeMurabaha(const MurabahaInput& in);

// [SECTION] Inverse for search

// The highest price whose regular annuity payment (with the monthly fee) is at most
// `paymentMinor`, for the terms in `terms` (its price and repayment type are ignored).
// Exact: payment(price) ≤ paymentMinor < payment(price + 1), or price == kMaxAmountMinor.
struct MaxPriceResult {
    std::vector<LoanProblem> problems;
    bool found = false;           // some price ≥ 1 minor unit fits (it may need no loan at all)
    bool capped = false;          // the answer is kMaxAmountMinor (the payment allows more)
    std::int64_t priceMinor = 0;
    std::int64_t paymentMinor = 0; // the payment at that price
    bool ok() const { return problems.empty(); }
};

MaxPriceResult maxPriceForMonthlyPayment(std::int64_t paymentMinor, const LoanInput& terms);
// The forward function it inverts: the regular monthly payment at `priceMinor`, or 0
// when down payment and trade-in leave nothing to finance.
std::int64_t monthlyPaymentForPrice(std::int64_t priceMinor, const LoanInput& terms);

// [SECTION] Internals shared by loan*.cpp and murabaha.cpp (not an API: may change)

namespace detail {

// The money of a loan at signing, resolved from the input (see point 2 at the top).
struct LoanAmounts {
    std::int64_t price = 0, down = 0, tradeIn = 0, cost = 0;
    std::int64_t insurance = 0, fee = 0;
    std::int64_t principal = 0; // amount financed
    std::int64_t atSigning = 0; // fee and premium paid from the buyer's own money
    std::int64_t received = 0;  // principal − fee − premium
};
LoanAmounts loanAmounts(const LoanInput& in);

// Price, down payment, trade-in and term problems (shared with murabaha).
void validatePurchase(std::vector<LoanProblem>& out, std::int64_t price, const DownPayment& down,
                      std::int64_t tradeIn, int termMonths);

// How months are repaid: annuity (principal = annuity − interest) or a fixed principal
// part; the month `lastMonth` takes the remainder. keepTerm: emit every month up to
// lastMonth even once the balance is 0 (the contract's term); otherwise stop when repaid.
struct RowPlan {
    CivilDate start;
    int lastMonth = 0;
    std::int32_t rateBp = 0;
    std::int64_t monthlyFee = 0;
    Repayment repayment = Repayment::Annuity;
    std::int64_t annuity = 0; // principal + interest, annuity only
    std::int64_t part = 0;    // principal part, differentiated only
    bool keepTerm = true;
};
RowPlan planFor(const LoanInput& in, std::int64_t principal);
// Appends months fromMonth..plan.lastMonth repaying `balance`.
void appendRows(std::vector<LoanRow>& rows, const RowPlan& plan, std::int64_t balance, int fromMonth);
// Totals, first/last payment and dates, and the effective rate of `rows` (the money
// fields of `s` must be set before).
void summarize(LoanSummary& s, const std::vector<LoanRow>& rows, CivilDate start);
// The schedule of a valid input.
void fillSchedule(const LoanInput& in, LoanSchedule& out);

} // namespace detail

} // namespace dongelek::finance
