// The loan schedule, its validation and the civil dates; see loan.hpp for the method.

#include "loan.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::finance {

// [SECTION] Civil dates

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool isValid(CivilDate d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= daysInMonth(d.year, d.month);
}

// Howard Hinnant's days_from_civil (public domain): exact for every Gregorian date.
std::int64_t daysSinceEpoch(CivilDate d)
{
    const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12; // March = 0
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::int64_t daysBetween(CivilDate from, CivilDate to)
{
    return daysSinceEpoch(to) - daysSinceEpoch(from);
}

CivilDate addMonths(CivilDate d, int months)
{
    const std::int64_t index = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + months;
    const auto year = static_cast<int>(index >= 0 ? index / 12 : (index - 11) / 12);
    const int month = static_cast<int>(index - static_cast<std::int64_t>(year) * 12) + 1;
    return {year, month, std::min(d.day, daysInMonth(year, month))};
}

// [SECTION] Problems

namespace {

struct ProblemInfo {
    Problem problem;
    Field field;
    std::string_view key;
};

constexpr ProblemInfo kProblems[] = {
    {Problem::PriceNotPositive, Field::Price, "finance.error.price_not_positive"},
    {Problem::PriceTooLarge, Field::Price, "finance.error.price_too_large"},
    {Problem::DownPaymentNegative, Field::DownPayment, "finance.error.down_payment_negative"},
    {Problem::DownPaymentPercentOver100, Field::DownPayment, "finance.error.down_payment_percent_over_100"},
    {Problem::DownPaymentAbovePrice, Field::DownPayment, "finance.error.down_payment_above_price"},
    {Problem::TradeInNegative, Field::TradeIn, "finance.error.trade_in_negative"},
    {Problem::TradeInTooLarge, Field::TradeIn, "finance.error.trade_in_too_large"},
    {Problem::NothingToFinance, Field::DownPayment, "finance.error.nothing_to_finance"},
    {Problem::TermNotPositive, Field::Term, "finance.error.term_not_positive"},
    {Problem::TermTooLong, Field::Term, "finance.error.term_too_long"},
    {Problem::RateNegative, Field::Rate, "finance.error.rate_negative"},
    {Problem::RateTooHigh, Field::Rate, "finance.error.rate_too_high"},
    {Problem::OneTimeFeeNegative, Field::OneTimeFee, "finance.error.one_time_fee_negative"},
    {Problem::OneTimeFeePercentOver100, Field::OneTimeFee, "finance.error.one_time_fee_percent_over_100"},
    {Problem::OneTimeFeeTooLarge, Field::OneTimeFee, "finance.error.one_time_fee_too_large"},
    {Problem::FeesExceedLoan, Field::OneTimeFee, "finance.error.fees_exceed_loan"},
    {Problem::MonthlyFeeNegative, Field::MonthlyFee, "finance.error.monthly_fee_negative"},
    {Problem::MonthlyFeeTooLarge, Field::MonthlyFee, "finance.error.monthly_fee_too_large"},
    {Problem::InsuranceNegative, Field::Insurance, "finance.error.insurance_negative"},
    {Problem::InsuranceTooLarge, Field::Insurance, "finance.error.insurance_too_large"},
    {Problem::StartDateInvalid, Field::StartDate, "finance.error.start_date_invalid"},
    {Problem::EarlyMonthOutsideTerm, Field::EarlyMonth, "finance.error.early_month_outside_term"},
    {Problem::LumpSumNotPositive, Field::LumpSum, "finance.error.lump_sum_not_positive"},
    {Problem::PaymentNotPositive, Field::Payment, "finance.error.payment_not_positive"},
    {Problem::PaymentTooLarge, Field::Payment, "finance.error.payment_too_large"},
    {Problem::ProfitRateNegative, Field::ProfitRate, "finance.error.profit_rate_negative"},
    {Problem::ProfitRateTooHigh, Field::ProfitRate, "finance.error.profit_rate_too_high"},
};

const ProblemInfo& infoOf(Problem p)
{
    for (const ProblemInfo& info : kProblems)
        if (info.problem == p) return info;
    return kProblems[0]; // unreachable: every enumerator is in the table (a test checks it)
}

} // namespace

Field fieldOf(Problem p)
{
    return infoOf(p).field;
}

std::string_view problemKey(Problem p)
{
    return infoOf(p).key;
}

std::string_view fieldName(Field f)
{
    switch (f) {
    case Field::Price: return "price";
    case Field::DownPayment: return "down_payment";
    case Field::TradeIn: return "trade_in";
    case Field::Term: return "term";
    case Field::Rate: return "rate";
    case Field::OneTimeFee: return "one_time_fee";
    case Field::MonthlyFee: return "monthly_fee";
    case Field::Insurance: return "insurance";
    case Field::StartDate: return "start_date";
    case Field::EarlyMonth: return "early_month";
    case Field::LumpSum: return "lump_sum";
    case Field::Payment: return "payment";
    case Field::ProfitRate: return "profit_rate";
    }
    return "";
}

// [SECTION] Building blocks

std::int64_t mulDivHalfUp(std::int64_t a, std::int64_t b, std::int64_t c)
{
    if (a <= 0 || b <= 0 || c <= 0) return 0;
    // a·b/c = q·b + r·b/c with a = q·c + r: both products stay small for amounts × rates.
    const std::int64_t q = a / c, r = a % c;
    return q * b + (2 * r * b + c) / (2 * c);
}

std::int64_t resolveShare(Share s, std::int64_t base)
{
    if (s.kind == ShareKind::Amount) return s.value;
    return mulDivHalfUp(base, s.value, kBasisPointsPerWhole);
}

std::int64_t monthlyInterest(std::int64_t balance, std::int32_t annualRateBp)
{
    return mulDivHalfUp(balance, annualRateBp, 12 * static_cast<std::int64_t>(kBasisPointsPerWhole));
}

std::int64_t annuityPayment(std::int64_t principal, std::int32_t annualRateBp, int months)
{
    if (principal <= 0 || months <= 0) return 0;
    if (annualRateBp <= 0) return mulDivHalfUp(principal, 1, months);
    // P·r / (1 − (1 + r)^−n), with expm1/log1p so small rates keep their digits; long
    // double holds 64 bits on x86 (and 113 under WebAssembly), so amounts up to 10^15
    // round like the exact value except at exact ties.
    const long double r = static_cast<long double>(annualRateBp) / (12.0L * kBasisPointsPerWhole);
    const long double factor = r / -std::expm1(-static_cast<long double>(months) * std::log1p(r));
    return static_cast<std::int64_t>(std::floor(static_cast<long double>(principal) * factor + 0.5L));
}

// [SECTION] Validation

namespace {

void add(std::vector<LoanProblem>& out, Problem p)
{
    out.push_back({fieldOf(p), p});
}

void checkAmount(std::vector<LoanProblem>& out, std::int64_t v, Problem negative, Problem tooLarge)
{
    if (v < 0) add(out, negative);
    else if (v > kMaxAmountMinor) add(out, tooLarge);
}

void checkRate(std::vector<LoanProblem>& out, std::int32_t bp, Problem negative, Problem tooHigh)
{
    if (bp < 0) add(out, negative);
    else if (bp > kMaxRateBp) add(out, tooHigh);
}

} // namespace

namespace detail {

void validatePurchase(std::vector<LoanProblem>& out, std::int64_t price, const DownPayment& down,
                      std::int64_t tradeIn, int termMonths)
{
    const bool priceOk = price > 0 && price <= kMaxAmountMinor;
    if (price <= 0) add(out, Problem::PriceNotPositive);
    else if (price > kMaxAmountMinor) add(out, Problem::PriceTooLarge);
    bool downOk = false;
    if (down.value < 0) add(out, Problem::DownPaymentNegative);
    else if (down.kind == ShareKind::Percent && down.value > kBasisPointsPerWhole)
        add(out, Problem::DownPaymentPercentOver100);
    else if (down.kind == ShareKind::Amount && priceOk && down.value > price)
        add(out, Problem::DownPaymentAbovePrice);
    else if (down.kind == ShareKind::Amount && down.value > kMaxAmountMinor)
        add(out, Problem::DownPaymentAbovePrice); // the price is invalid too; still never absurd
    else downOk = true;
    checkAmount(out, tradeIn, Problem::TradeInNegative, Problem::TradeInTooLarge);
    const bool tradeInOk = tradeIn >= 0 && tradeIn <= kMaxAmountMinor;
    if (priceOk && downOk && tradeInOk && resolveShare(down, price) + tradeIn >= price)
        add(out, Problem::NothingToFinance);
    if (termMonths <= 0) add(out, Problem::TermNotPositive);
    else if (termMonths > kMaxTermMonths) add(out, Problem::TermTooLong);
}

LoanAmounts loanAmounts(const LoanInput& in)
{
    LoanAmounts a;
    a.price = in.priceMinor;
    a.down = resolveShare(in.downPayment, in.priceMinor);
    a.tradeIn = in.tradeInMinor;
    a.cost = in.priceMinor - a.down - in.tradeInMinor;
    a.insurance = in.insurancePerYearMinor;
    const std::int64_t base = a.cost + (in.insuranceFinanced ? a.insurance : 0);
    a.fee = resolveShare(in.oneTimeFee, base);
    a.principal = base + (in.oneTimeFeeFinanced ? a.fee : 0);
    a.atSigning = (in.insuranceFinanced ? 0 : a.insurance) + (in.oneTimeFeeFinanced ? 0 : a.fee);
    a.received = a.principal - a.fee - a.insurance;
    return a;
}

} // namespace detail

std::vector<LoanProblem> validate(const LoanInput& in)
{
    std::vector<LoanProblem> out;
    detail::validatePurchase(out, in.priceMinor, in.downPayment, in.tradeInMinor, in.termMonths);
    checkRate(out, in.annualRateBp, Problem::RateNegative, Problem::RateTooHigh);
    bool feeOk = false;
    if (in.oneTimeFee.value < 0) add(out, Problem::OneTimeFeeNegative);
    else if (in.oneTimeFee.kind == ShareKind::Percent && in.oneTimeFee.value > kBasisPointsPerWhole)
        add(out, Problem::OneTimeFeePercentOver100);
    else if (in.oneTimeFee.kind == ShareKind::Amount && in.oneTimeFee.value > kMaxAmountMinor)
        add(out, Problem::OneTimeFeeTooLarge);
    else feeOk = true;
    checkAmount(out, in.monthlyFeeMinor, Problem::MonthlyFeeNegative, Problem::MonthlyFeeTooLarge);
    checkAmount(out, in.insurancePerYearMinor, Problem::InsuranceNegative, Problem::InsuranceTooLarge);
    if (!isValid(in.start)) add(out, Problem::StartDateInvalid);
    // The money received must stay positive, else no effective rate exists.
    if (out.empty() && feeOk && detail::loanAmounts(in).received <= 0) add(out, Problem::FeesExceedLoan);
    return out;
}

// [SECTION] Rows

namespace detail {

void appendRows(std::vector<LoanRow>& rows, const RowPlan& plan, std::int64_t balance, int fromMonth)
{
    for (int month = fromMonth; month <= plan.lastMonth; ++month) {
        if (balance == 0 && !plan.keepTerm) break;
        const std::int64_t interest = monthlyInterest(balance, plan.rateBp);
        std::int64_t principal = plan.repayment == Repayment::Annuity ? plan.annuity - interest : plan.part;
        principal = std::clamp<std::int64_t>(principal, 0, balance);
        if (month == plan.lastMonth) principal = balance; // the last month takes the remainder
        balance -= principal;
        LoanRow row;
        row.date = addMonths(plan.start, month);
        row.principal = principal;
        row.interest = interest;
        row.fee = plan.monthlyFee;
        row.payment = principal + interest + plan.monthlyFee;
        row.balance = balance;
        rows.push_back(row);
    }
}

void summarize(LoanSummary& s, const std::vector<LoanRow>& rows, CivilDate start)
{
    s.termMonths = static_cast<int>(rows.size());
    s.totalPayments = s.totalInterest = s.totalMonthlyFees = 0;
    for (const LoanRow& r : rows) {
        s.totalPayments += r.payment;
        s.totalInterest += r.interest;
        s.totalMonthlyFees += r.fee;
    }
    s.totalFees = s.totalMonthlyFees + s.oneTimeFeeMinor;
    s.totalPaid = s.totalPayments + s.paidAtSigning;
    s.totalCostOfCar = s.totalPaid + s.downPaymentMinor + s.tradeInMinor;
    s.firstPayment = rows.empty() ? 0 : rows.front().payment;
    s.lastPayment = rows.empty() ? 0 : rows.back().payment;
    s.firstDate = rows.empty() ? start : rows.front().date;
    s.lastDate = rows.empty() ? start : rows.back().date;
    s.effective = effectiveRate(rows, s.moneyReceived, start);
}

RowPlan planFor(const LoanInput& in, std::int64_t principal)
{
    RowPlan plan;
    plan.start = in.start;
    plan.lastMonth = in.termMonths;
    plan.rateBp = in.annualRateBp;
    plan.monthlyFee = in.monthlyFeeMinor;
    plan.repayment = in.repayment;
    if (in.repayment == Repayment::Annuity) plan.annuity = annuityPayment(principal, in.annualRateBp, in.termMonths);
    else plan.part = principal / in.termMonths;
    plan.keepTerm = true;
    return plan;
}

void fillSchedule(const LoanInput& in, LoanSchedule& out)
{
    const LoanAmounts a = loanAmounts(in);
    LoanSummary& s = out.summary;
    s = LoanSummary{};
    s.currency = in.currency;
    s.repayment = in.repayment;
    s.priceMinor = a.price;
    s.downPaymentMinor = a.down;
    s.tradeInMinor = a.tradeIn;
    s.costMinor = a.cost;
    s.insuranceMinor = a.insurance;
    s.oneTimeFeeMinor = a.fee;
    s.amountFinanced = a.principal;
    s.paidAtSigning = a.atSigning;
    s.moneyReceived = a.received;
    const RowPlan plan = planFor(in, a.principal);
    out.rows.clear();
    out.rows.reserve(static_cast<std::size_t>(in.termMonths));
    appendRows(out.rows, plan, a.principal, 1);
    summarize(s, out.rows, in.start);
    s.monthlyPayment = in.repayment == Repayment::Annuity ? plan.annuity + in.monthlyFeeMinor : s.firstPayment;
}

} // namespace detail

// [SECTION] The loan

void computeLoan(const LoanInput& in, LoanResult& out)
{
    out.problems = validate(in);
    if (!out.problems.empty()) {
        out.schedule.rows.clear();
        out.schedule.summary = LoanSummary{};
        return;
    }
    detail::fillSchedule(in, out.schedule);
}

LoanResult computeLoan(const LoanInput& in)
{
    LoanResult out;
    computeLoan(in, out);
    return out;
}

} // namespace dongelek::finance
