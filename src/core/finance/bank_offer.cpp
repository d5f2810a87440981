#include "core/finance/bank_offer.hpp"

namespace dongelek::finance {

BankOfferPayment bankOfferPayment(const BankOfferTerms& t, CivilDate start)
{
    BankOfferPayment out;
    if (t.kind == OfferKind::Murabaha) {
        MurabahaInput m;
        m.currency = t.currency;
        m.priceMinor = t.priceMinor;
        m.downPayment = Share::amount(t.downPaymentMinor);
        m.tradeInMinor = t.tradeInMinor;
        m.termMonths = t.termMonths;
        m.profitRateBp = t.rateBp;
        const std::int64_t cost = t.priceMinor - t.downPaymentMinor - t.tradeInMinor;
        m.adminFeeMinor = cost > 0 ? resolveShare(Share::percentBp(t.oneTimeFeeBp), cost) : 0;
        m.start = start;
        const MurabahaResult r = computeMurabaha(m);
        out.problems = r.problems;
        if (r.ok()) out.monthlyPaymentMinor = r.summary.instalment + t.monthlyFeeMinor;
        return out;
    }
    LoanInput in;
    in.currency = t.currency;
    in.priceMinor = t.priceMinor;
    in.downPayment = Share::amount(t.downPaymentMinor);
    in.tradeInMinor = t.tradeInMinor;
    in.termMonths = t.termMonths;
    in.annualRateBp = t.rateBp;
    in.oneTimeFee = Share::percentBp(t.oneTimeFeeBp);
    in.oneTimeFeeFinanced = false;
    in.monthlyFeeMinor = t.monthlyFeeMinor;
    in.insurancePerYearMinor = 0;
    in.repayment = t.kind == OfferKind::Differentiated ? Repayment::Differentiated : Repayment::Annuity;
    in.start = start;
    const LoanResult r = computeLoan(in);
    out.problems = r.problems;
    if (r.ok()) out.monthlyPaymentMinor = r.schedule.summary.monthlyPayment;
    return out;
}

std::int64_t minimumDownPayment(std::int64_t priceMinor, std::int32_t bp)
{
    const std::int64_t whole = priceMinor / kBasisPointsPerWhole * bp;
    const std::int64_t rest = priceMinor % kBasisPointsPerWhole * bp;
    return whole + (rest + kBasisPointsPerWhole - 1) / kBasisPointsPerWhole;
}

} // namespace dongelek::finance
