// JSON of banks and loan applications; the one place their keys are spelled on the server.

#include "server/features/finance/finance_json.hpp"

#include "core/text_format.hpp"

namespace dongelek::server::finance {

using nlohmann::json;

json toJson(const Bank& b)
{
    return json{{"id", b.id},
                {"name", b.name},
                {"demo", b.demo},
                {"country", toString(b.country)},
                {"currency", toString(b.currency)},
                {"kind", toString(b.kind)},
                {"rate_min_bp", b.rateMinBp},
                {"rate_max_bp", b.rateMaxBp},
                {"term_min_months", b.termMinMonths},
                {"term_max_months", b.termMaxMonths},
                {"min_down_payment_bp", b.minDownPaymentBp},
                {"one_time_fee_bp", b.oneTimeFeeBp},
                {"monthly_fee_minor", b.monthlyFeeMinor},
                {"insurance_required", b.insuranceRequired},
                {"max_car_age_years", b.maxCarAgeYears},
                {"min_monthly_income_minor", b.minMonthlyIncomeMinor}};
}

json toJson(const LoanApplication& a)
{
    const ApplicationTerms& t = a.terms;
    const Applicant& p = a.applicant;
    json offer = nullptr;
    if (a.offer)
        offer = json{{"rate_bp", a.offer->rateBp},
                     {"term_months", a.offer->termMonths},
                     {"monthly_payment_minor", a.offer->monthlyPaymentMinor},
                     {"note", a.offer->note.empty() ? json(nullptr) : json(a.offer->note)}};
    return json{{"id", a.id},
                {"listing_id", a.listingId},
                {"listing_title", a.listingTitle},
                {"bank_id", a.bankId},
                {"bank_name", a.bankName},
                {"status", toString(a.status)},
                {"terms",
                 {{"price_minor", t.priceMinor},
                  {"currency", toString(t.currency)},
                  {"down_payment_minor", t.downPaymentMinor},
                  {"trade_in_minor", t.tradeInMinor},
                  {"term_months", t.termMonths},
                  {"repayment", toString(t.repayment)},
                  {"rate_bp", t.rateBp},
                  {"monthly_payment_minor", t.monthlyPaymentMinor}}},
                {"applicant",
                 {{"full_name", p.fullName},
                  {"phone", p.phone},
                  {"email", p.email.empty() ? json(nullptr) : json(p.email)},
                  {"national_id", p.nationalId},
                  {"monthly_income_minor", p.monthlyIncomeMinor},
                  {"employment", toString(p.employment)}}},
                {"offer", offer},
                {"created_at", isoTimestamp(a.createdAt)},
                {"updated_at", isoTimestamp(a.updatedAt)}};
}

json toJson(const std::vector<LoanApplication>& applications)
{
    json list = json::array();
    for (const LoanApplication& a : applications)
        list.push_back(toJson(a));
    return json{{"applications", std::move(list)}};
}

} // namespace dongelek::server::finance
