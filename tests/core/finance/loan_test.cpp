// The loan engine against numbers computed independently, then properties over random
// loans, then every bad input by name.
//
// Reference numbers: a separate Python 3 program (kept out of the repository; its whole
// method is below so anyone can redo it) implements the rules of docs/finance_loans.md
// with exact fractions.Fraction arithmetic: interest = balance · bp / 120000 half up,
// annuity = P·r / (1 − (1 + r)^−n) evaluated EXACTLY as a fraction then half up, the
// last month takes the remainder, dates with datetime and calendar.monthrange. The
// effective rates are found by plain bisection (300 halvings from [0, 1], doubling the
// top while needed) of Σ P_k (1 + i)^−τ_k − S, τ_k = days / 365 (ГЭСВ) or k / 12 (APR),
// so they share no code or algorithm with the Newton solver here.
#include "core/finance/loan.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

using namespace dongelek;
using namespace dongelek::finance;

namespace {

constexpr std::int64_t kTenge = 100; // tiyn per tenge
constexpr std::int64_t kDinar = 1000; // fils per dinar

// A loan of exactly `amount` (no down payment, no fees) signed on 15 January 2026.
LoanInput plainLoan(std::int64_t amountMinor, int months, std::int32_t rateBp,
                    Repayment repayment = Repayment::Annuity)
{
    LoanInput in;
    in.priceMinor = amountMinor;
    in.termMonths = months;
    in.annualRateBp = rateBp;
    in.repayment = repayment;
    in.start = {2026, 1, 15};
    return in;
}

std::int64_t principalSum(const std::vector<LoanRow>& rows)
{
    std::int64_t sum = 0;
    for (const LoanRow& r : rows) sum += r.principal;
    return sum;
}

bool hasProblem(const std::vector<LoanProblem>& problems, Problem p)
{
    for (const LoanProblem& x : problems)
        if (x.problem == p) return x.field == fieldOf(p);
    return false;
}

} // namespace

// [SECTION] Dates

TEST_CASE("civil dates add months clamped to the month and count days exactly", "[core][finance][loan]")
{
    const CivilDate jan31{2026, 1, 31};
    CHECK(addMonths(jan31, 1) == CivilDate{2026, 2, 28});
    CHECK(addMonths(jan31, 2) == CivilDate{2026, 3, 31}); // from the start, not from February
    CHECK(addMonths(jan31, 3) == CivilDate{2026, 4, 30});
    CHECK(addMonths({2023, 11, 30}, 3) == CivilDate{2024, 2, 29});
    CHECK(addMonths({2026, 12, 15}, 1) == CivilDate{2027, 1, 15});
    CHECK(addMonths({2026, 1, 15}, 120) == CivilDate{2036, 1, 15});
    CHECK(daysSinceEpoch({1970, 1, 1}) == 0);
    CHECK(daysSinceEpoch({2000, 3, 1}) == 11017);
    CHECK(daysSinceEpoch({1969, 12, 31}) == -1);
    CHECK(daysBetween({2026, 1, 1}, {2027, 1, 1}) == 365);
    CHECK(daysBetween({2024, 1, 1}, {2025, 1, 1}) == 366);
    CHECK(daysBetween({2026, 1, 15}, {2026, 2, 15}) == 31);
    CHECK(isValid({2024, 2, 29}));
    CHECK_FALSE(isValid({2026, 2, 29}));
    CHECK_FALSE(isValid({2026, 13, 1}));
    CHECK_FALSE(isValid({2026, 4, 0}));
}

TEST_CASE("the building blocks round half up without overflow", "[core][finance][loan]")
{
    CHECK(mulDivHalfUp(5, 1, 10) == 1);  // 0.5 up
    CHECK(mulDivHalfUp(4, 1, 10) == 0);  // 0.4 down
    CHECK(mulDivHalfUp(15, 1, 10) == 2); // 1.5 up
    // 10^15 × 10000 / 120000 = 83,333,333,333,333.33: the product alone would overflow.
    CHECK(mulDivHalfUp(kMaxAmountMinor, 10'000, 120'000) == 83'333'333'333'333);
    CHECK(monthlyInterest(1'000'000'000, 1800) == 15'000'000); // 1.5 % of 10 million tenge
    CHECK(monthlyInterest(1, 6000) == 0);                       // 0.005 of a tiyn
    CHECK(monthlyInterest(20, 6000) == 1);                      // exactly 0.5: up
    CHECK(resolveShare(Share::percentBp(2000), 10'000'001) == 2'000'000); // 2,000,000.2
    CHECK(resolveShare(Share::amount(7), 100) == 7);
    CHECK(annuityPayment(1'000'000'000, 1800, 36) == 36'152'396);
    CHECK(annuityPayment(1'000'000'01, 0, 7) == 14'285'714);
}

// [SECTION] Worked examples

TEST_CASE("an annuity of 10 million tenge over 36 months at 18 percent", "[core][finance][loan]")
{
    // Reference (Python, exact fractions): payment 361,523.96; month 1 interest
    // 150,000.00 = 1.5 % of 10 million, principal 211,523.96; month 2 interest 146,827.14;
    // the last month 361,523.74 (principal 356,181.02 + interest 5,342.72); total interest
    // 3,014,862.34. ГЭСВ 19.584817 %, APR 19.561817 % (= 1.015^12 − 1 without fees).
    const LoanResult r = computeLoan(plainLoan(10'000'000 * kTenge, 36, 1800));
    REQUIRE(r.ok());
    const LoanSummary& s = r.schedule.summary;
    const auto& rows = r.schedule.rows;
    REQUIRE(rows.size() == 36);
    CHECK(s.amountFinanced == 1'000'000'000);
    CHECK(s.monthlyPayment == 36'152'396);
    CHECK(rows[0].date == CivilDate{2026, 2, 15});
    CHECK(rows[0].interest == 15'000'000);
    CHECK(rows[0].principal == 21'152'396);
    CHECK(rows[0].balance == 978'847'604);
    CHECK(rows[1].interest == 14'682'714);
    CHECK(rows[1].principal == 21'469'682);
    CHECK(rows[35].date == CivilDate{2029, 1, 15});
    CHECK(rows[35].payment == 36'152'374);
    CHECK(rows[35].principal == 35'618'102);
    CHECK(rows[35].interest == 534'272);
    CHECK(rows[35].balance == 0);
    CHECK(s.lastPayment == 36'152'374);
    CHECK(s.totalInterest == 301'486'234);
    CHECK(s.totalPayments == 1'301'486'234);
    CHECK(s.totalPaid == 1'301'486'234);
    CHECK(s.effective.gesv == Approx(0.19584817).margin(1e-8));
    CHECK(s.effective.gesvTenths == 196);
    CHECK(s.effective.apr == Approx(0.19561817).margin(1e-8));
    CHECK(s.effective.aprHundredths == 1956);
    CHECK(s.effective.monthlyIrr == Approx(0.015).margin(1e-9));
    CHECK(s.effective.nominalApr == Approx(0.18).margin(1e-8));
}

TEST_CASE("a differentiated loan of 10 million tenge over 36 months at 18 percent", "[core][finance][loan]")
{
    // Reference: principal part ⌊1,000,000,000 / 36⌋ = 27,777,777 tiyn; month 1 pays
    // 427,777.77 (interest 150,000.00), month 2 423,611.10; the last month's principal
    // 277,778.05 takes the remainder, interest 4,166.67, payment 281,944.72. Total
    // interest 2,775,000.07. ГЭСВ 19.588828 %; APR 19.561817 %, the same as the annuity:
    // both charge 1.5 % a month on what is owed.
    const LoanResult r = computeLoan(plainLoan(10'000'000 * kTenge, 36, 1800, Repayment::Differentiated));
    REQUIRE(r.ok());
    const LoanSummary& s = r.schedule.summary;
    const auto& rows = r.schedule.rows;
    CHECK(rows[0].principal == 27'777'777);
    CHECK(rows[0].payment == 42'777'777);
    CHECK(rows[1].payment == 42'361'110);
    CHECK(rows[35].principal == 27'777'805);
    CHECK(rows[35].interest == 416'667);
    CHECK(rows[35].payment == 28'194'472);
    CHECK(s.firstPayment == 42'777'777);
    CHECK(s.monthlyPayment == 42'777'777);
    CHECK(s.lastPayment == 28'194'472);
    CHECK(s.totalInterest == 277'500'007);
    CHECK(s.effective.gesv == Approx(0.19588828).margin(1e-8));
    CHECK(s.effective.gesvTenths == 196);
    CHECK(s.effective.aprHundredths == 1956);
}

TEST_CASE("early repayment of 2 million tenge after month 12 both ways", "[core][finance][loan]")
{
    // Reference: the annuity above owes 7,241,471.32 after month 12, 5,241,471.32 after the
    // lump. Same payment: 17 more months (7 saved), the last (month 29) 170,895.56, total
    // interest 2,293,566.44, saved 721,295.90. Same end date: a new payment of 261,675.75
    // for 24 months, the last 261,675.72, total interest 2,618,505.49, saved 396,356.85.
    const LoanInput in = plainLoan(10'000'000 * kTenge, 36, 1800);
    const EarlyRepaymentResult r = earlyRepayment(in, 12, 2'000'000 * kTenge);
    REQUIRE(r.ok());
    CHECK(r.balanceBefore == 724'147'132);
    CHECK(r.lumpApplied == 200'000'000);
    CHECK_FALSE(r.closesLoan);
    CHECK(r.original.totalInterest == 301'486'234);

    const EarlyOption& shorter = r.shorterTerm;
    CHECK(shorter.monthsAfter == 17);
    CHECK(shorter.monthsSaved == 7);
    CHECK(shorter.newPayment == 36'152'396);
    REQUIRE(shorter.schedule.rows.size() == 29);
    CHECK(shorter.schedule.rows[11].earlyRepayment == 200'000'000);
    CHECK(shorter.schedule.rows[11].payment == 36'152'396 + 200'000'000);
    CHECK(shorter.schedule.rows[11].balance == 524'147'132);
    CHECK(shorter.schedule.rows.back().payment == 17'089'556);
    CHECK(shorter.schedule.rows.back().date == CivilDate{2028, 6, 15});
    CHECK(shorter.schedule.summary.totalInterest == 229'356'644);
    CHECK(shorter.interestSaved == 72'129'590);
    CHECK(shorter.saved == 72'129'590);
    CHECK(principalSum(shorter.schedule.rows) == 1'000'000'000);

    const EarlyOption& lower = r.lowerPayment;
    CHECK(lower.monthsAfter == 24);
    CHECK(lower.monthsSaved == 0);
    CHECK(lower.newPayment == 26'167'575);
    CHECK(lower.schedule.summary.monthlyPayment == 26'167'575);
    CHECK(lower.schedule.rows.back().payment == 26'167'572);
    CHECK(lower.schedule.rows.back().balance == 0);
    CHECK(lower.schedule.summary.totalInterest == 261'850'549);
    CHECK(lower.interestSaved == 39'635'685);
    CHECK(principalSum(lower.schedule.rows) == 1'000'000'000);
    // Paying sooner is what saves more.
    CHECK(shorter.saved > lower.saved);
}

TEST_CASE("early repayment saves the monthly fees of the months no longer paid", "[core][finance][loan]")
{
    LoanInput in = plainLoan(10'000'000 * kTenge, 36, 1800);
    in.monthlyFeeMinor = 1'000 * kTenge;
    const EarlyRepaymentResult r = earlyRepayment(in, 12, 2'000'000 * kTenge);
    REQUIRE(r.ok());
    CHECK(r.shorterTerm.feesSaved == 7 * 1'000 * kTenge);
    CHECK(r.shorterTerm.interestSaved == 72'129'590); // the fee changes no interest
    CHECK(r.shorterTerm.saved == 72'129'590 + 700'000);
    CHECK(r.lowerPayment.feesSaved == 0);
    CHECK(r.lowerPayment.newPayment == 26'167'575 + 100'000);
}

TEST_CASE("a lump sum that reaches the balance closes the loan", "[core][finance][loan]")
{
    const LoanInput in = plainLoan(10'000'000 * kTenge, 36, 1800);
    const EarlyRepaymentResult r = earlyRepayment(in, 12, 9'000'000 * kTenge);
    REQUIRE(r.ok());
    CHECK(r.closesLoan);
    CHECK(r.lumpApplied == 724'147'132); // only what was owed
    for (const EarlyOption* o : {&r.shorterTerm, &r.lowerPayment}) {
        CHECK(o->monthsAfter == 0);
        CHECK(o->monthsSaved == 24);
        CHECK(o->newPayment == 0);
        REQUIRE(o->schedule.rows.size() == 12);
        CHECK(o->schedule.rows.back().balance == 0);
        CHECK(principalSum(o->schedule.rows) == 1'000'000'000);
        CHECK(o->interestSaved == 301'486'234 - o->schedule.summary.totalInterest);
    }
}

TEST_CASE("a murabaha sells the car at cost plus a flat disclosed profit", "[core][finance][loan]")
{
    // BD 12,000 car, BD 2,000 down: cost BD 10,000. Profit 5 % a year flat for 4 years =
    // BD 2,000, sale price BD 12,000, 48 instalments of BD 250.000, BD 100 admin fee at
    // signing. Reference APR (bisection, equal months) 10.220168 %, ГЭСВ 10.234657 %.
    MurabahaInput in;
    in.priceMinor = 12'000 * kDinar;
    in.downPayment = Share::amount(2'000 * kDinar);
    in.termMonths = 48;
    in.profitRateBp = 500;
    in.adminFeeMinor = 100 * kDinar;
    in.start = {2026, 2, 1};
    const MurabahaResult r = computeMurabaha(in);
    REQUIRE(r.ok());
    const MurabahaSummary& s = r.summary;
    CHECK(s.costMinor == 10'000'000);
    CHECK(s.profitMinor == 2'000'000);
    CHECK(s.salePrice == 12'000'000);
    CHECK(s.instalment == 250'000);
    CHECK(s.lastInstalment == 250'000);
    CHECK(s.totalPaid == 12'100'000);
    REQUIRE(r.rows.size() == 48);
    CHECK(r.rows.back().remaining == 0);
    CHECK(r.rows.back().date == CivilDate{2030, 2, 1});
    CHECK(s.effective.apr == Approx(0.10220168).margin(1e-8));
    CHECK(s.effective.aprHundredths == 1022);
    CHECK(s.effective.gesv == Approx(0.10234657).margin(1e-8));
    CHECK(s.effective.gesvTenths == 102);
}

TEST_CASE("a murabaha whose sale price does not divide evenly puts the remainder last", "[core][finance][loan]")
{
    // Cost 9,999.999 BD at 4.25 % for 11 months: profit 9,999,999 · 425 · 11 / 120000 =
    // 389,583.29 → 389,583 fils; sale price 10,389,582 = 10 × 944,507 + the last 944,512.
    MurabahaInput in;
    in.priceMinor = 9'999'999;
    in.termMonths = 11;
    in.profitRateBp = 425;
    const MurabahaResult r = computeMurabaha(in);
    REQUIRE(r.ok());
    CHECK(r.summary.profitMinor == 389'583);
    CHECK(r.summary.salePrice == 10'389'582);
    CHECK(r.summary.instalment == 944'507);
    CHECK(r.summary.lastInstalment == 944'512);
    std::int64_t sum = 0;
    for (const MurabahaRow& row : r.rows) sum += row.instalment;
    CHECK(sum == r.summary.salePrice);
}

TEST_CASE("the effective rate of a loan with a one-time fee", "[core][finance][loan]")
{
    // 5,000,000 tenge over 24 months at 20 %, signed 10 March 2026, a 2 % fee paid at
    // signing: the borrower receives 4,900,000. Reference (bisection on actual days):
    // payment 254,479.01, ГЭСВ 24.418018 %, APR 24.499007 %. With a 1,000 tenge monthly
    // fee as well: ГЭСВ 24.921387 %, APR 25.004278 %.
    LoanInput in = plainLoan(5'000'000 * kTenge, 24, 2000);
    in.start = {2026, 3, 10};
    in.oneTimeFee = Share::percentBp(200);
    LoanResult r = computeLoan(in);
    REQUIRE(r.ok());
    CHECK(r.schedule.summary.oneTimeFeeMinor == 10'000'000);
    CHECK(r.schedule.summary.paidAtSigning == 10'000'000);
    CHECK(r.schedule.summary.moneyReceived == 490'000'000);
    CHECK(r.schedule.summary.amountFinanced == 500'000'000);
    CHECK(r.schedule.summary.monthlyPayment == 25'447'901);
    CHECK(r.schedule.summary.totalPaid == 610'749'635 + 10'000'000);
    CHECK(r.schedule.summary.totalFees == 10'000'000);
    CHECK(r.schedule.summary.effective.gesv == Approx(0.24418018).margin(1e-8));
    CHECK(r.schedule.summary.effective.gesvTenths == 244);
    CHECK(r.schedule.summary.effective.apr == Approx(0.24499007).margin(1e-8));
    CHECK(r.schedule.summary.effective.aprHundredths == 2450);

    in.monthlyFeeMinor = 1'000 * kTenge;
    r = computeLoan(in);
    REQUIRE(r.ok());
    CHECK(r.schedule.rows[0].payment == 25'547'901);
    CHECK(r.schedule.rows[0].fee == 100'000);
    CHECK(r.schedule.summary.totalMonthlyFees == 2'400'000);
    CHECK(r.schedule.summary.effective.gesv == Approx(0.24921387).margin(1e-8));
    CHECK(r.schedule.summary.effective.gesvTenths == 249);
    CHECK(r.schedule.summary.effective.aprHundredths == 2500);
}

TEST_CASE("a financed fee raises the loan but not the money received", "[core][finance][loan]")
{
    LoanInput in = plainLoan(5'000'000 * kTenge, 24, 2000);
    in.oneTimeFee = Share::percentBp(200);
    in.oneTimeFeeFinanced = true;
    const LoanResult r = computeLoan(in);
    REQUIRE(r.ok());
    CHECK(r.schedule.summary.amountFinanced == 510'000'000);
    CHECK(r.schedule.summary.moneyReceived == 500'000'000);
    CHECK(r.schedule.summary.paidAtSigning == 0);
    CHECK(principalSum(r.schedule.rows) == 510'000'000);
    CHECK(r.schedule.summary.effective.gesv > 0.2);
}

TEST_CASE("mandatory insurance is financed or paid at signing and counts in the effective rate",
          "[core][finance][loan]")
{
    // Price 12 million, 20 % down: cost 9.6 million; premium 300,000 a year.
    LoanInput in = plainLoan(12'000'000 * kTenge, 60, 1900);
    in.downPayment = Share::percentBp(2000);
    in.insurancePerYearMinor = 300'000 * kTenge;
    in.insuranceFinanced = true;
    const LoanResult financed = computeLoan(in);
    REQUIRE(financed.ok());
    const LoanSummary& f = financed.schedule.summary;
    CHECK(f.downPaymentMinor == 240'000'000);
    CHECK(f.costMinor == 960'000'000);
    CHECK(f.amountFinanced == 990'000'000);
    CHECK(f.moneyReceived == 960'000'000);
    CHECK(f.paidAtSigning == 0);
    CHECK(f.totalCostOfCar == f.totalPaid + 240'000'000);

    in.insuranceFinanced = false;
    const LoanResult paid = computeLoan(in);
    REQUIRE(paid.ok());
    const LoanSummary& p = paid.schedule.summary;
    CHECK(p.amountFinanced == 960'000'000);
    CHECK(p.paidAtSigning == 30'000'000);
    CHECK(p.moneyReceived == 930'000'000);
    // Either way the premium is a cost of the credit: both rates are above the nominal one.
    const double nominalEffective = std::pow(1 + 0.19 / 12, 12) - 1;
    CHECK(f.effective.apr > nominalEffective);
    CHECK(p.effective.apr > nominalEffective);
}

TEST_CASE("a 0 percent loan repays equal parts and costs nothing", "[core][finance][loan]")
{
    // 1,000,000.01 tenge over 7 months: 100,000,001 / 7 = 14,285,714.43 → 14,285,714 a
    // month, the last 14,285,717 (both types agree at 0 %).
    for (Repayment type : {Repayment::Annuity, Repayment::Differentiated}) {
        const LoanResult r = computeLoan(plainLoan(1'000'000'01, 7, 0, type));
        REQUIRE(r.ok());
        const auto& rows = r.schedule.rows;
        for (int k = 0; k < 6; ++k) CHECK(rows[static_cast<std::size_t>(k)].principal == 14'285'714);
        CHECK(rows[6].principal == 14'285'717);
        CHECK(r.schedule.summary.totalInterest == 0);
        CHECK(r.schedule.summary.totalPaid == 1'000'000'01);
        CHECK(r.schedule.summary.effective.gesv == 0);
        CHECK(r.schedule.summary.effective.apr == 0);
        CHECK(r.schedule.summary.effective.gesvTenths == 0);
    }
    // A fee on a 0 % loan gives a positive effective rate.
    LoanInput in = plainLoan(1'000'000 * kTenge, 12, 0);
    in.oneTimeFee = Share::amount(10'000 * kTenge);
    const LoanResult r = computeLoan(in);
    REQUIRE(r.ok());
    CHECK(r.schedule.summary.effective.gesv > 0.01);
}

TEST_CASE("the Bahrain disclosure scenario of BD 10000 over 7 years", "[core][finance][loan]")
{
    // CBB BC-4.3.10 asks for the APR of BD 10,000 over 7 years. At 6 % with a BD 100 fee:
    // payment BD 146.086, reference APR 6.492421 % → 6.49 %, ГЭСВ 6.492609 % → 6.5 %.
    LoanInput in = plainLoan(10'000 * kDinar, 84, 600);
    in.currency = Currency::BHD;
    in.start = {2026, 1, 1};
    in.oneTimeFee = Share::amount(100 * kDinar);
    const LoanResult r = computeLoan(in);
    REQUIRE(r.ok());
    CHECK(r.schedule.summary.monthlyPayment == 146'086);
    CHECK(r.schedule.rows.back().payment == 146'040);
    CHECK(r.schedule.summary.totalInterest == 2'271'178);
    CHECK(r.schedule.summary.effective.apr == Approx(0.06492421).margin(1e-8));
    CHECK(r.schedule.summary.effective.aprHundredths == 649);
    CHECK(r.schedule.summary.effective.gesvTenths == 65);
}

TEST_CASE("the extremes of every limit compute without overflow", "[core][finance][loan]")
{
    for (Repayment type : {Repayment::Annuity, Repayment::Differentiated}) {
        LoanInput in = plainLoan(kMaxAmountMinor, kMaxTermMonths, kMaxRateBp, type);
        in.monthlyFeeMinor = kMaxAmountMinor;
        in.insurancePerYearMinor = kMaxAmountMinor;
        in.oneTimeFee = Share::amount(kMaxAmountMinor);
        in.oneTimeFeeFinanced = true;
        const LoanResult r = computeLoan(in);
        REQUIRE(r.ok());
        CHECK(r.schedule.summary.amountFinanced == 3 * kMaxAmountMinor);
        CHECK(principalSum(r.schedule.rows) == 3 * kMaxAmountMinor);
        CHECK(r.schedule.rows.back().balance == 0);
        CHECK(r.schedule.summary.totalPaid > r.schedule.summary.totalInterest);
        CHECK(r.schedule.summary.effective.gesv > 1.0);
    }
    // Fees that leave almost nothing received: an absurd but finite, clamped rate.
    LoanInput in = plainLoan(1'000'000 * kTenge, 1, 100);
    in.oneTimeFee = Share::percentBp(9'999);
    const LoanResult r = computeLoan(in);
    REQUIRE(r.ok());
    CHECK(r.schedule.summary.moneyReceived == 10'000);
    CHECK(std::isfinite(r.schedule.summary.effective.gesv));
    CHECK(r.schedule.summary.effective.gesv > 1e40);
    CHECK(r.schedule.summary.effective.gesvTenths == kMaxShownRatePercent * 10);
    // One minor unit received against the largest loan: the bracket still holds.
    LoanInput tiny = plainLoan(kMaxAmountMinor, 1, kMaxRateBp);
    tiny.oneTimeFee = Share::amount(kMaxAmountMinor - 1);
    const LoanResult t = computeLoan(tiny);
    REQUIRE(t.ok());
    CHECK(t.schedule.summary.moneyReceived == 1);
    CHECK(std::isfinite(t.schedule.summary.effective.gesv));
}

TEST_CASE("a tiny loan never has negative parts", "[core][finance][loan]")
{
    // 3 tiyn over 4 months at 0 %: the rounded annuity (1) repays it by month 3; the
    // contract still has 4 months and the fourth pays only its fee.
    LoanInput in = plainLoan(3, 4, 0);
    in.monthlyFeeMinor = 5;
    const LoanResult r = computeLoan(in);
    REQUIRE(r.ok());
    REQUIRE(r.schedule.rows.size() == 4);
    CHECK(r.schedule.rows[3].principal == 0);
    CHECK(r.schedule.rows[3].payment == 5);
    CHECK(principalSum(r.schedule.rows) == 3);
}

// [SECTION] Properties

TEST_CASE("random loans repay exactly and cost what they should", "[core][finance][loan]")
{
    std::mt19937 rng(20260115);
    const auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    int checked = 0, withEnoughFees = 0;
    LoanResult annuity, differentiated;
    for (int i = 0; i < 3000; ++i) {
        LoanInput in;
        in.currency = uniform(0, 1) ? Currency::KZT : Currency::BHD;
        in.priceMinor = uniform(1'000'000, 50'000'000'000);
        in.downPayment = uniform(0, 1) ? Share::percentBp(uniform(0, 9'000))
                                       : Share::amount(uniform(0, in.priceMinor / 2));
        in.tradeInMinor = uniform(0, 3) == 0 ? uniform(0, in.priceMinor / 3) : 0;
        in.termMonths = static_cast<int>(uniform(1, kMaxTermMonths));
        in.annualRateBp = static_cast<std::int32_t>(uniform(0, 4) == 0 ? uniform(0, kMaxRateBp) : uniform(0, 4'000));
        const bool withFees = uniform(0, 1) == 1;
        if (withFees) {
            in.oneTimeFee = uniform(0, 1) ? Share::percentBp(uniform(10, 500)) : Share::amount(uniform(0, 500'000));
            in.oneTimeFeeFinanced = uniform(0, 1) == 1;
            in.monthlyFeeMinor = uniform(0, 2) == 0 ? uniform(1, 50'000) : 0;
            in.insurancePerYearMinor = uniform(0, 2) == 0 ? uniform(1, 50'000'000) : 0;
            in.insuranceFinanced = uniform(0, 1) == 1;
        }
        in.start = {static_cast<int>(uniform(2020, 2030)), static_cast<int>(uniform(1, 12)),
                    static_cast<int>(uniform(1, 28))};
        if (uniform(0, 5) == 0) in.start.day = daysInMonth(in.start.year, in.start.month);
        in.repayment = Repayment::Annuity;
        computeLoan(in, annuity);
        if (!annuity.ok()) continue;
        ++checked;
        in.repayment = Repayment::Differentiated;
        computeLoan(in, differentiated);
        REQUIRE(differentiated.ok());
        for (const LoanResult* r : {&annuity, &differentiated}) {
            const LoanSummary& s = r->schedule.summary;
            const auto& rows = r->schedule.rows;
            INFO("case " << i << " price " << in.priceMinor << " term " << in.termMonths << " rate "
                         << in.annualRateBp);
            REQUIRE(static_cast<int>(rows.size()) == in.termMonths);
            CHECK(principalSum(rows) == s.amountFinanced);
            CHECK(rows.back().balance == 0);
            std::int64_t previous = s.amountFinanced;
            bool partsOk = true;
            for (const LoanRow& row : rows) {
                partsOk = partsOk && row.interest >= 0 && row.principal >= 0 && row.balance <= previous &&
                          row.payment == row.principal + row.interest + row.fee;
                previous = row.balance;
            }
            CHECK(partsOk);
            CHECK(s.moneyReceived == s.costMinor - (in.oneTimeFeeFinanced ? 0 : s.oneTimeFeeMinor) -
                                         (in.insuranceFinanced ? 0 : s.insuranceMinor));
            // Effective ≥ nominal once the fees outweigh the rounding of the months (a
            // minor unit a month) and the calendar (0.1 % of the loan, see the docs).
            const std::int64_t fees = s.oneTimeFeeMinor + s.insuranceMinor + s.totalMonthlyFees;
            if (fees >= std::max<std::int64_t>(in.termMonths, s.amountFinanced / 1000)) {
                ++withEnoughFees;
                const double nominal = in.annualRateBp / 10000.0;
                CHECK(s.effective.gesv >= nominal);
                CHECK(s.effective.apr >= nominal);
                CHECK(s.effective.nominalApr >= nominal);
            }
            if (fees == 0 && in.annualRateBp == 0) CHECK(s.effective.gesv == 0);
        }
        // Repaying principal sooner never costs more interest, once the interest is more
        // than the minor unit a month of rounding (below 1 % a year on small loans, the
        // two can differ by a tiyn either way).
        if (in.annualRateBp >= 100)
            CHECK(differentiated.schedule.summary.totalInterest <= annuity.schedule.summary.totalInterest);
        else
            CHECK(differentiated.schedule.summary.totalInterest <= annuity.schedule.summary.totalInterest + in.termMonths);
    }
    CHECK(checked > 2500);
    CHECK(withEnoughFees > 500);
}

TEST_CASE("random early repayments keep the books exact", "[core][finance][loan]")
{
    std::mt19937 rng(777);
    const auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    for (int i = 0; i < 1000; ++i) {
        LoanInput in = plainLoan(uniform(1'000'000, 10'000'000'000), static_cast<int>(uniform(2, kMaxTermMonths)),
                                 static_cast<std::int32_t>(uniform(0, 5'000)),
                                 uniform(0, 1) ? Repayment::Annuity : Repayment::Differentiated);
        in.monthlyFeeMinor = uniform(0, 1) ? uniform(0, 10'000) : 0;
        const int k = static_cast<int>(uniform(1, in.termMonths - 1));
        // A lump of at least 0.1 % of the loan: a lump of a few minor units saves less than
        // the rounding of a recomputed payment (docs/finance_loans.md).
        const std::int64_t lump = uniform(in.priceMinor / 1000, in.priceMinor);
        const EarlyRepaymentResult r = earlyRepayment(in, k, lump);
        REQUIRE(r.ok());
        INFO("case " << i);
        for (const EarlyOption* o : {&r.shorterTerm, &r.lowerPayment}) {
            CHECK(principalSum(o->schedule.rows) == in.priceMinor);
            CHECK(o->schedule.rows.back().balance == 0);
            CHECK(static_cast<int>(o->schedule.rows.size()) <= in.termMonths);
            CHECK(o->interestSaved >= 0);
            CHECK(o->feesSaved >= 0);
            CHECK(o->schedule.summary.totalPaid ==
                  r.original.totalPaid - o->saved); // the lump moves principal, it costs nothing
        }
        CHECK(r.lowerPayment.monthsAfter == (r.closesLoan ? 0 : in.termMonths - k));
        CHECK(r.shorterTerm.interestSaved >= r.lowerPayment.interestSaved);
    }
}

TEST_CASE("the highest price for a monthly payment is exact", "[core][finance][loan]")
{
    std::mt19937 rng(4242);
    const auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    for (int i = 0; i < 2000; ++i) {
        LoanInput terms = plainLoan(0, static_cast<int>(uniform(1, kMaxTermMonths)),
                                    static_cast<std::int32_t>(uniform(0, 6'000)));
        terms.downPayment = uniform(0, 1) ? Share::percentBp(uniform(0, 9'000)) : Share::amount(uniform(0, 1'000'000'000));
        terms.tradeInMinor = uniform(0, 3) == 0 ? uniform(0, 500'000'000) : 0;
        if (uniform(0, 1)) {
            terms.oneTimeFee = Share::percentBp(uniform(0, 300));
            terms.oneTimeFeeFinanced = uniform(0, 1) == 1;
            terms.insurancePerYearMinor = uniform(0, 30'000'000);
            terms.insuranceFinanced = uniform(0, 1) == 1;
            terms.monthlyFeeMinor = uniform(0, 100'000);
        }
        const std::int64_t payment = uniform(1'000, 100'000'000);
        const MaxPriceResult r = maxPriceForMonthlyPayment(payment, terms);
        REQUIRE(r.ok());
        INFO("case " << i << " payment " << payment << " price " << r.priceMinor);
        REQUIRE_FALSE(r.capped);
        CHECK(monthlyPaymentForPrice(r.priceMinor, terms) <= payment);
        CHECK(monthlyPaymentForPrice(r.priceMinor + 1, terms) > payment);
        CHECK(r.paymentMinor == monthlyPaymentForPrice(r.priceMinor, terms));
        // The forward function is the schedule's own regular payment.
        LoanInput at = terms;
        at.priceMinor = r.priceMinor;
        const LoanResult loan = computeLoan(at);
        if (loan.ok()) CHECK(loan.schedule.summary.monthlyPayment == r.paymentMinor);
    }
}

TEST_CASE("the highest price for a payment of 200000 tenge over 5 years", "[core][finance][loan]")
{
    // 200,000 tenge a month, 60 months at 19 %, 20 % down: the loan may be about
    // 200,000 / 0.025941 ≈ 7.71 million, the car about 9.64 million.
    LoanInput terms = plainLoan(0, 60, 1900);
    terms.downPayment = Share::percentBp(2000);
    const MaxPriceResult r = maxPriceForMonthlyPayment(200'000 * kTenge, terms);
    REQUIRE(r.ok());
    REQUIRE(r.found);
    CHECK(r.priceMinor > 960'000'000);
    CHECK(r.priceMinor < 965'000'000);
    CHECK(r.paymentMinor <= 200'000 * kTenge);
    CHECK(monthlyPaymentForPrice(r.priceMinor + 1, terms) > 200'000 * kTenge);
    // A payment no loan could meet (below the monthly fee) finds nothing.
    terms.monthlyFeeMinor = 5'000 * kTenge;
    const MaxPriceResult none = maxPriceForMonthlyPayment(1'000 * kTenge, terms);
    REQUIRE(none.ok());
    CHECK_FALSE(none.found);
    // A payment above anything the limits allow is capped, not searched forever.
    const MaxPriceResult all = maxPriceForMonthlyPayment(kMaxAmountMinor, plainLoan(0, 120, 100));
    REQUIRE(all.ok());
    CHECK(all.capped);
    CHECK(all.priceMinor == kMaxAmountMinor);
}

TEST_CASE("a 120 month schedule with its effective rate takes well under a millisecond", "[core][finance][loan]")
{
    LoanInput in = plainLoan(15'000'000 * kTenge, 120, 2150);
    in.oneTimeFee = Share::percentBp(150);
    in.monthlyFeeMinor = 500 * kTenge;
    in.start = {2026, 1, 31};
    LoanResult out;
    computeLoan(in, out);
    const auto* storage = out.schedule.rows.data();
    constexpr int kRuns = 500;
    const auto begin = std::chrono::steady_clock::now();
    std::int64_t sink = 0;
    for (int i = 0; i < kRuns; ++i) {
        in.priceMinor += 1; // as if typed
        computeLoan(in, out);
        sink += out.schedule.summary.effective.gesvTenths;
    }
    const double perRunMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count() / kRuns;
    CHECK(sink > 0);
    CHECK(out.schedule.rows.data() == storage); // the rows were computed in place
    INFO("per run: " << perRunMs << " ms");
    CHECK(perRunMs < 1.0); // about 0.1 ms in a release build
}

// [SECTION] Bad inputs

TEST_CASE("every problem has its own key and field", "[core][finance][loan]")
{
    const Problem last = Problem::ProfitRateTooHigh;
    std::vector<std::string> keys;
    for (int i = 0; i <= static_cast<int>(last); ++i) {
        const auto p = static_cast<Problem>(i);
        const std::string key(problemKey(p));
        INFO(i << " " << key);
        CHECK(key.rfind("finance.error.", 0) == 0);
        CHECK(std::find(keys.begin(), keys.end(), key) == keys.end());
        keys.push_back(key);
        CHECK_FALSE(fieldName(fieldOf(p)).empty());
    }
    CHECK(problemKey(Problem::TermNotPositive) == "finance.error.term_not_positive");
    CHECK(problemKey(Problem::NothingToFinance) == "finance.error.nothing_to_finance");
    CHECK(fieldName(Field::Term) == "term");
}

TEST_CASE("bad loan inputs are each named by field and problem", "[core][finance][loan]")
{
    const LoanInput good = plainLoan(10'000'000 * kTenge, 36, 1800);
    REQUIRE(validate(good).empty());
    const auto problemsOf = [&](auto change) {
        LoanInput in = good;
        change(in);
        const LoanResult r = computeLoan(in);
        CHECK(r.schedule.rows.empty());
        return r.problems;
    };
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.termMonths = 0; }), Problem::TermNotPositive));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.termMonths = -3; }), Problem::TermNotPositive));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.termMonths = 121; }), Problem::TermTooLong));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.annualRateBp = -1; }), Problem::RateNegative));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.annualRateBp = 10'001; }), Problem::RateTooHigh));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.priceMinor = 0; }), Problem::PriceNotPositive));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.priceMinor = -5; }), Problem::PriceNotPositive));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.priceMinor = kMaxAmountMinor + 1; }), Problem::PriceTooLarge));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.downPayment = Share::amount(-1); }),
                     Problem::DownPaymentNegative));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.downPayment = Share::percentBp(-1); }),
                     Problem::DownPaymentNegative));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.downPayment = Share::percentBp(10'001); }),
                     Problem::DownPaymentPercentOver100));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.downPayment = Share::amount(in.priceMinor + 1); }),
                     Problem::DownPaymentAbovePrice));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.downPayment = Share::amount(in.priceMinor); }),
                     Problem::NothingToFinance));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.downPayment = Share::percentBp(10'000); }),
                     Problem::NothingToFinance));
    CHECK(hasProblem(problemsOf([](LoanInput& in) {
                         in.downPayment = Share::amount(in.priceMinor / 2);
                         in.tradeInMinor = in.priceMinor / 2;
                     }),
                     Problem::NothingToFinance));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.tradeInMinor = -1; }), Problem::TradeInNegative));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.tradeInMinor = kMaxAmountMinor + 1; }),
                     Problem::TradeInTooLarge));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.oneTimeFee = Share::amount(-1); }),
                     Problem::OneTimeFeeNegative));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.oneTimeFee = Share::percentBp(10'001); }),
                     Problem::OneTimeFeePercentOver100));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.oneTimeFee = Share::amount(kMaxAmountMinor + 1); }),
                     Problem::OneTimeFeeTooLarge));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.oneTimeFee = Share::amount(in.priceMinor); }),
                     Problem::FeesExceedLoan));
    CHECK(hasProblem(problemsOf([](LoanInput& in) {
                         in.insuranceFinanced = false;
                         in.insurancePerYearMinor = in.priceMinor;
                     }),
                     Problem::FeesExceedLoan));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.monthlyFeeMinor = -1; }), Problem::MonthlyFeeNegative));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.monthlyFeeMinor = kMaxAmountMinor + 1; }),
                     Problem::MonthlyFeeTooLarge));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.insurancePerYearMinor = -1; }), Problem::InsuranceNegative));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.insurancePerYearMinor = kMaxAmountMinor + 1; }),
                     Problem::InsuranceTooLarge));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.start = {2026, 2, 30}; }), Problem::StartDateInvalid));
    CHECK(hasProblem(problemsOf([](LoanInput& in) { in.start = {2026, 0, 1}; }), Problem::StartDateInvalid));

    // Several at once, in field order, each named.
    LoanInput bad = good;
    bad.priceMinor = 0;
    bad.termMonths = 0;
    bad.annualRateBp = -5;
    const auto all = validate(bad);
    REQUIRE(all.size() == 3);
    CHECK(all[0] == LoanProblem{Field::Price, Problem::PriceNotPositive});
    CHECK(all[1] == LoanProblem{Field::Term, Problem::TermNotPositive});
    CHECK(all[2] == LoanProblem{Field::Rate, Problem::RateNegative});
    // Wild values never crash.
    LoanInput wild = good;
    wild.priceMinor = INT64_MAX;
    wild.downPayment = Share::amount(INT64_MAX);
    wild.tradeInMinor = INT64_MAX;
    wild.termMonths = INT32_MAX;
    wild.annualRateBp = INT32_MIN;
    wild.oneTimeFee = Share::percentBp(INT64_MAX);
    CHECK_FALSE(computeLoan(wild).ok());
}

TEST_CASE("bad early repayment murabaha and payment inputs are named", "[core][finance][loan]")
{
    const LoanInput loan = plainLoan(10'000'000 * kTenge, 36, 1800);
    CHECK(hasProblem(earlyRepayment(loan, 0, 100).problems, Problem::EarlyMonthOutsideTerm));
    CHECK(hasProblem(earlyRepayment(loan, 36, 100).problems, Problem::EarlyMonthOutsideTerm));
    CHECK(hasProblem(earlyRepayment(loan, -2, 100).problems, Problem::EarlyMonthOutsideTerm));
    CHECK(hasProblem(earlyRepayment(loan, 12, 0).problems, Problem::LumpSumNotPositive));
    CHECK(hasProblem(earlyRepayment(loan, 12, -1).problems, Problem::LumpSumNotPositive));
    LoanInput badLoan = loan;
    badLoan.termMonths = 0;
    CHECK(hasProblem(earlyRepayment(badLoan, 12, 100).problems, Problem::TermNotPositive));

    MurabahaInput m;
    m.priceMinor = 10'000 * kDinar;
    m.termMonths = 36;
    m.profitRateBp = 400;
    REQUIRE(computeMurabaha(m).ok());
    MurabahaInput bad = m;
    bad.profitRateBp = -1;
    CHECK(hasProblem(computeMurabaha(bad).problems, Problem::ProfitRateNegative));
    bad = m;
    bad.profitRateBp = 10'001;
    CHECK(hasProblem(computeMurabaha(bad).problems, Problem::ProfitRateTooHigh));
    bad = m;
    bad.termMonths = 200;
    CHECK(hasProblem(computeMurabaha(bad).problems, Problem::TermTooLong));
    bad = m;
    bad.downPayment = Share::amount(m.priceMinor);
    CHECK(hasProblem(computeMurabaha(bad).problems, Problem::NothingToFinance));
    bad = m;
    bad.adminFeeMinor = m.priceMinor;
    CHECK(hasProblem(computeMurabaha(bad).problems, Problem::FeesExceedLoan));
    bad = m;
    bad.adminFeeMinor = -1;
    CHECK(hasProblem(computeMurabaha(bad).problems, Problem::OneTimeFeeNegative));

    CHECK(hasProblem(maxPriceForMonthlyPayment(0, loan).problems, Problem::PaymentNotPositive));
    CHECK(hasProblem(maxPriceForMonthlyPayment(kMaxAmountMinor + 1, loan).problems, Problem::PaymentTooLarge));
    LoanInput badTerms = loan;
    badTerms.annualRateBp = 20'000;
    CHECK(hasProblem(maxPriceForMonthlyPayment(100, badTerms).problems, Problem::RateTooHigh));
}
