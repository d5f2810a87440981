// Applying for a loan from the calculator (see the header).

#include "client/features/finance/finance_apply.hpp"

#include "core/finance/bank_offer.hpp"
#include "core/finance/loan.hpp"

namespace dongelek {

namespace {

Country countryOf(const std::string& s) { return s == "BH" ? Country::BH : Country::KZ; }
Currency currencyOf(const std::string& s) { return s == "BHD" ? Currency::BHD : Currency::KZT; }

ApplicationStatus statusOf(const std::string& s)
{
    if (s == "in_review") return ApplicationStatus::InReview;
    if (s == "approved") return ApplicationStatus::Approved;
    if (s == "declined") return ApplicationStatus::Declined;
    return ApplicationStatus::Submitted;
}

} // namespace

void from_json(const nlohmann::json& j, PartnerBank& v)
{
    v.id = j.at("id").get<std::string>();
    v.name = j.at("name").get<std::string>();
    v.demo = j.value("demo", false);
    v.country = countryOf(j.at("country").get<std::string>());
    v.currency = currencyOf(j.at("currency").get<std::string>());
    v.murabaha = j.at("kind").get<std::string>() == "murabaha";
    v.rateMinBp = j.at("rate_min_bp").get<std::int32_t>();
    v.rateMaxBp = j.at("rate_max_bp").get<std::int32_t>();
    v.termMinMonths = j.at("term_min_months").get<int>();
    v.termMaxMonths = j.at("term_max_months").get<int>();
    v.minDownPaymentBp = j.at("min_down_payment_bp").get<std::int32_t>();
    v.oneTimeFeeBp = j.value("one_time_fee_bp", 0);
    v.monthlyFeeMinor = j.value("monthly_fee_minor", std::int64_t{0});
    v.insuranceRequired = j.value("insurance_required", false);
    v.maxCarAgeYears = j.value("max_car_age_years", 0);
    v.minMonthlyIncomeMinor = j.value("min_monthly_income_minor", std::int64_t{0});
}

void from_json(const nlohmann::json& j, PartnerBankList& v) { v.banks = j.at("banks").get<std::vector<PartnerBank>>(); }

void from_json(const nlohmann::json& j, LoanApplicationInfo& v)
{
    v.id = j.at("id").get<std::int64_t>();
    v.listingId = j.at("listing_id").get<std::int64_t>();
    v.bankId = j.at("bank_id").get<std::string>();
    v.bankName = j.at("bank_name").get<std::string>();
    v.status = statusOf(j.at("status").get<std::string>());
    const nlohmann::json& t = j.at("terms");
    v.currency = currencyOf(t.at("currency").get<std::string>());
    v.termMonths = t.at("term_months").get<int>();
    v.rateBp = t.at("rate_bp").get<std::int32_t>();
    v.monthlyPaymentMinor = t.at("monthly_payment_minor").get<std::int64_t>();
    v.offer.reset();
    if (j.contains("offer") && j["offer"].is_object()) {
        const nlohmann::json& o = j["offer"];
        LoanOffer offer;
        offer.rateBp = o.at("rate_bp").get<std::int32_t>();
        offer.termMonths = o.at("term_months").get<int>();
        offer.monthlyPaymentMinor = o.at("monthly_payment_minor").get<std::int64_t>();
        if (o.contains("note") && o["note"].is_string()) offer.note = o["note"].get<std::string>();
        v.offer = offer;
    }
}

void from_json(const nlohmann::json& j, LoanApplicationList& v)
{
    v.applications = j.at("applications").get<std::vector<LoanApplicationInfo>>();
}

const char* toString(ApplicationStatus s)
{
    switch (s) {
    case ApplicationStatus::InReview: return "in_review";
    case ApplicationStatus::Approved: return "approved";
    case ApplicationStatus::Declined: return "declined";
    case ApplicationStatus::Submitted: break;
    }
    return "submitted";
}

const char* toString(ApplicantField f)
{
    switch (f) {
    case ApplicantField::FullName: return "full_name";
    case ApplicantField::Phone: return "phone";
    case ApplicantField::Email: return "email";
    case ApplicantField::NationalId: return "national_id";
    case ApplicantField::Income: break;
    }
    return "monthly_income_minor";
}

std::optional<ApplyTerms> applyTermsOf(const FinanceForm& form, const FinanceResult* result, Currency currency)
{
    if (!result) return std::nullopt;
    const auto price = amountMinorOf(form[FinanceField::Price], currency);
    if (!price || *price <= 0) return std::nullopt;
    std::int64_t tradeIn = 0;
    if (!form[FinanceField::TradeIn].empty()) {
        const auto t = amountMinorOf(form[FinanceField::TradeIn], currency);
        if (!t) return std::nullopt;
        tradeIn = *t;
    }
    ApplyTerms t;
    t.priceMinor = *price;
    t.currency = currency;
    t.downPaymentMinor = result->downPayment;
    t.tradeInMinor = tradeIn;
    t.termMonths = result->termMonths;
    t.type = result->type;
    return t;
}

BankFit bankFit(const PartnerBank& bank, const ApplyTerms& t)
{
    BankFit fit;
    fit.sameKind = bank.murabaha == isMurabaha(t.type);
    if (!fit.sameKind) fit.reason = "finance.apply.bank.kind";
    else if (t.termMonths < bank.termMinMonths || t.termMonths > bank.termMaxMonths) fit.reason = "finance.apply.bank.term_range";
    else if (t.downPaymentMinor < finance::minimumDownPayment(t.priceMinor, bank.minDownPaymentBp)) fit.reason = "finance.apply.bank.down_min";
    else if (bank.maxCarAgeYears > 0 && t.carAgeYears > bank.maxCarAgeYears) fit.reason = "finance.apply.bank.car_age";
    // The payment as the server computes it (core/finance/bank_offer.hpp), at the lowest rate.
    const finance::OfferKind kind = bank.murabaha                            ? finance::OfferKind::Murabaha
                                    : t.type == FinanceType::Differentiated ? finance::OfferKind::Differentiated
                                                                            : finance::OfferKind::Annuity;
    const finance::BankOfferPayment p = finance::bankOfferPayment(
        {t.currency, t.priceMinor, t.downPaymentMinor, t.tradeInMinor, t.termMonths, kind, bank.rateMinBp,
         bank.oneTimeFeeBp, bank.monthlyFeeMinor},
        finance::CivilDate{2026, 1, 15}); // the payment does not depend on the date
    if (p.problems.empty()) fit.monthlyMinor = p.monthlyPaymentMinor;
    return fit;
}

nlohmann::json applicationBody(std::int64_t listingId, const std::vector<std::string>& bankIds, const ApplyTerms& t,
                               const ApplicantForm& a)
{
    const auto income = amountMinorOf(a[ApplicantField::Income], t.currency);
    nlohmann::json applicant{{"full_name", a[ApplicantField::FullName]},
                             {"phone", a[ApplicantField::Phone]},
                             {"national_id", a[ApplicantField::NationalId]},
                             // Not a number: -1, which the server names under the field.
                             {"monthly_income_minor", income ? *income : std::int64_t{-1}},
                             {"employment", a.employment}};
    if (!a[ApplicantField::Email].empty()) applicant["email"] = a[ApplicantField::Email];
    return nlohmann::json{{"listing_id", listingId},
                          {"bank_ids", bankIds},
                          {"terms",
                           {{"price_minor", t.priceMinor},
                            {"currency", std::string(toString(t.currency))},
                            {"down_payment_minor", t.downPaymentMinor},
                            {"trade_in_minor", t.tradeInMinor},
                            {"term_months", t.termMonths},
                            {"repayment", std::string(toString(t.type))}}},
                          {"applicant", std::move(applicant)},
                          {"consent", a.consent}};
}

std::string applyErrorKey(const std::string& code, const std::string& field)
{
    if (code == "consent_required") return "finance.apply.error.consent";
    if (code == "invalid_national_id") return "finance.apply.error.national_id";
    if (code == "term_out_of_range") return "finance.apply.error.term";
    if (code == "down_payment_too_small") return "finance.apply.error.down_payment";
    if (code == "application_open") return "finance.apply.error.open";
    if (code == "too_many") return "finance.apply.error.too_many";
    if (code == "price_mismatch") return "finance.apply.error.price";
    if (code == "listing_unavailable") return "finance.apply.error.listing";
    if (code == "repayment_mismatch") return "finance.apply.error.repayment";
    if (code == "car_too_old") return "finance.apply.error.car_age";
    if (code == "income_below_minimum") return "finance.apply.error.income_min";
    if (code == "invalid_field") {
        if (field == "applicant.full_name") return "finance.apply.error.full_name";
        if (field == "applicant.phone") return "finance.apply.error.phone";
        if (field == "applicant.email") return "finance.apply.error.email";
        if (field == "applicant.monthly_income_minor") return "finance.apply.error.income";
    }
    return {};
}

} // namespace dongelek
