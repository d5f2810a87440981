// Early (partial) repayment of a loan; see loan.hpp and docs/finance_loans.md.
//
// The lump sum is paid on the date of payment k, after it. The balance B' that remains
// is then repaid in one of two ways, both by the same monthly rounding rule:
// - shorter term: the same monthly amount as before (annuity: the same payment;
//   differentiated: the same principal part) until B' is repaid, the last month taking
//   the remainder; never past the original end. (Should rounding make the lower
//   payment's amount larger, which a lump of a few minor units can, that one is used.)
// - lower payment: the same end date, the payment recomputed for B' over the months
//   left (annuity: the annuity formula; differentiated: ⌊B' / months left⌋).
// A lump that reaches the balance closes the loan: only B is taken, no month follows.
// Money saved = the original loan's interest and monthly fees − the new loan's.

#include "loan.hpp"

#include <algorithm>

namespace dongelek::finance {

namespace {

// The original rows 1..k with the lump added to row k.
void rowsUpToLump(const LoanSchedule& original, int k, std::int64_t lump, std::vector<LoanRow>& rows)
{
    rows.assign(original.rows.begin(), original.rows.begin() + k);
    LoanRow& last = rows.back();
    last.earlyRepayment = lump;
    last.principal += lump;
    last.payment += lump;
    last.balance -= lump;
}

void fillOption(EarlyOption& option, const LoanSchedule& original, int k)
{
    LoanSchedule& s = option.schedule;
    const auto after = static_cast<std::size_t>(k);
    option.monthsAfter = static_cast<int>(s.rows.size()) - k;
    option.monthsSaved = original.summary.termMonths - static_cast<int>(s.rows.size());
    option.newPayment = s.rows.size() > after ? s.rows[after].payment : 0;
    option.interestSaved = original.summary.totalInterest - s.summary.totalInterest;
    option.feesSaved = original.summary.totalMonthlyFees - s.summary.totalMonthlyFees;
    option.saved = option.interestSaved + option.feesSaved;
}

void buildOption(EarlyOption& option, const LoanInput& in, const LoanSchedule& original, int k,
                 std::int64_t lump, bool shorter)
{
    LoanSchedule& s = option.schedule;
    rowsUpToLump(original, k, lump, s.rows);
    const std::int64_t balance = s.rows.back().balance;
    detail::RowPlan plan = detail::planFor(in, original.summary.amountFinanced);
    // The lower payment's amount; the shorter term keeps the old one, or this one in the
    // rare case rounding made it larger (a lump of a few minor units), so that paying
    // sooner never costs more than paying less.
    const int left = in.termMonths - k;
    const std::int64_t annuity = annuityPayment(balance, in.annualRateBp, left);
    const std::int64_t part = balance / left;
    plan.annuity = shorter ? std::max(plan.annuity, annuity) : annuity;
    plan.part = shorter ? std::max(plan.part, part) : part;
    plan.keepTerm = !shorter;
    detail::appendRows(s.rows, plan, balance, k + 1);
    s.summary = original.summary;
    detail::summarize(s.summary, s.rows, in.start);
    const auto after = static_cast<std::size_t>(k);
    s.summary.monthlyPayment = s.rows.size() > after ? s.rows[after].payment : 0;
    fillOption(option, original, k);
}

} // namespace

EarlyRepaymentResult earlyRepayment(const LoanInput& in, int afterMonth, std::int64_t lumpSumMinor)
{
    EarlyRepaymentResult out;
    out.problems = validate(in);
    const bool termOk = in.termMonths >= 1 && in.termMonths <= kMaxTermMonths;
    if (termOk && (afterMonth < 1 || afterMonth >= in.termMonths))
        out.problems.push_back({Field::EarlyMonth, Problem::EarlyMonthOutsideTerm});
    if (lumpSumMinor <= 0) out.problems.push_back({Field::LumpSum, Problem::LumpSumNotPositive});
    if (!out.problems.empty()) return out;

    LoanSchedule original;
    detail::fillSchedule(in, original);
    out.original = original.summary;
    out.balanceBefore = original.rows[static_cast<std::size_t>(afterMonth - 1)].balance;
    out.lumpApplied = std::min(lumpSumMinor, out.balanceBefore);
    out.closesLoan = out.lumpApplied == out.balanceBefore;
    buildOption(out.shorterTerm, in, original, afterMonth, out.lumpApplied, true);
    if (out.closesLoan) out.lowerPayment = out.shorterTerm;
    else buildOption(out.lowerPayment, in, original, afterMonth, out.lumpApplied, false);
    return out;
}

} // namespace dongelek::finance
