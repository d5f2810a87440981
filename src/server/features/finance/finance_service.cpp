// Loan applications: the checks, in the order the form asks (consent, the listing, the
// banks, the terms against each bank, the applicant), the engine's payment, and the
// transitions. Messages are English for developers; `code` and `field` are what the app reads.
//
// [SECTION] Payments and shared checks
// [SECTION] Applying
// [SECTION] Reading
// [SECTION] Status changes

#include "server/features/finance/finance_service.hpp"

#include "server/http/errors.hpp"

#include "core/account_rules.hpp"
#include "core/finance/bank_offer.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace dongelek::server::finance {

namespace {

namespace fin = dongelek::finance;

[[noreturn]] void refuse(std::string code, std::string field, std::string message)
{
    throw ClientError(422, std::move(code), std::move(field), std::move(message));
}

std::string countryName(Country c)
{
    return c == Country::BH ? "Bahrain (BH)" : "Kazakhstan (KZ)";
}

std::string bankLabel(const Bank& b)
{
    return "bank \"" + b.id + "\" (" + b.name + ")";
}

std::string amount(std::int64_t minor, Currency c)
{
    return formatMoney(Money{minor, c});
}

std::string percent(std::int32_t bp)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d.%02d %%", bp / 100, bp % 100);
    return buf;
}

// Today's date in UTC (the schedule's start: the payment does not depend on it).
fin::CivilDate today(std::int64_t unixSeconds)
{
    // Howard Hinnant's civil_from_days.
    std::int64_t z = (unixSeconds >= 0 ? unixSeconds : unixSeconds - 86399) / 86400 + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return fin::CivilDate{year, month, day};
}

// The API field an engine problem is about, under `prefix` ("terms." or "offer.").
std::string engineField(const fin::LoanProblem& p, const std::string& prefix)
{
    switch (p.field) {
    case fin::Field::Price: return prefix + "price_minor";
    case fin::Field::DownPayment: return prefix + "down_payment_minor";
    case fin::Field::TradeIn: return prefix + "trade_in_minor";
    case fin::Field::Term: return prefix + "term_months";
    case fin::Field::Rate:
    case fin::Field::ProfitRate: return prefix + "rate_bp";
    default: return prefix.substr(0, prefix.size() - 1); // the bank's fees: the terms as a whole
    }
}

} // namespace

// [SECTION] Payments and shared checks

PaymentResult monthlyPayment(const PaymentTerms& t, fin::CivilDate start)
{
    const fin::OfferKind kind = t.repayment == Repayment::Murabaha         ? fin::OfferKind::Murabaha
                                : t.repayment == Repayment::Differentiated ? fin::OfferKind::Differentiated
                                                                           : fin::OfferKind::Annuity;
    const fin::BankOfferPayment p = fin::bankOfferPayment(
        {t.currency, t.priceMinor, t.downPaymentMinor, t.tradeInMinor, t.termMonths, kind, t.rateBp, t.oneTimeFeeBp,
         t.monthlyFeeMinor},
        start);
    return PaymentResult{p.monthlyPaymentMinor, p.problems};
}

std::int64_t minimumDownPayment(std::int64_t priceMinor, std::int32_t bp) { return fin::minimumDownPayment(priceMinor, bp); }

std::string nationalIdProblem(Country country, std::string_view id)
{
    const std::size_t digits = country == Country::BH ? 9 : 12;
    const bool ok = id.size() == digits && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok) return {};
    return country == Country::BH ? "must be the 9-digit CPR number for a car in Bahrain"
                                  : "must be the 12-digit IIN for a car in Kazakhstan";
}

std::string phoneProblem(std::string_view phone)
{
    if (phone.size() < kPhoneMinChars || phone.size() > kPhoneMaxChars)
        return "must be 7 to 20 characters long";
    for (char c : phone)
        if (!((c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-'))
            return "may hold only digits, spaces, + and -";
    return {};
}

// [SECTION] Applying

std::vector<LoanApplication> FinanceService::apply(std::int64_t userId, const ApplicationRequest& r)
{
    if (!r.consent)
        refuse("consent_required", "consent",
               "consent must be true: the applicant agrees that the chosen banks receive these details");

    // The listing: it exists and is for sale.
    const std::optional<ListingFacts> listing = m_repository.listing(r.listingId);
    if (!listing || listing->status != ListingStatus::Active)
        refuse("listing_unavailable", "listing_id",
               "listing_id: listing " + std::to_string(r.listingId) +
                   (listing ? " is no longer for sale" : " does not exist"));
    const Country country = listing->country;
    const Currency currency = listing->price.currency;

    // The banks: 1..5 different partners that serve the listing's country.
    if (r.bankIds.empty()) refuse("invalid_field", "bank_ids", "bank_ids must name at least one bank");
    if (r.bankIds.size() > kMaxBanksPerApplication)
        refuse("invalid_field", "bank_ids",
               "bank_ids names " + std::to_string(r.bankIds.size()) + " banks: at most " +
                   std::to_string(kMaxBanksPerApplication) + " in one application");
    std::vector<const Bank*> banks;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < r.bankIds.size(); ++i) {
        const std::string field = "bank_ids[" + std::to_string(i) + "]";
        const std::string& id = r.bankIds[i];
        const Bank* bank = m_banks.find(id);
        if (!bank) refuse("unknown_bank", field, field + ": there is no partner bank \"" + id + "\"");
        if (!seen.insert(id).second) refuse("invalid_field", field, field + ": bank \"" + id + "\" is named twice");
        if (bank->country != country)
            refuse("bank_country", field,
                   field + ": " + bankLabel(*bank) + " serves " + countryName(bank->country) + "; listing " +
                       std::to_string(listing->id) + " is in " + countryName(country));
        banks.push_back(bank);
    }

    // The terms: the listing's currency and current price, then each bank's conditions.
    const ApplicationRequest::Terms& t = r.terms;
    const std::optional<Currency> asked = parseEnum<Currency>(t.currency);
    if (!asked) refuse("invalid_field", "terms.currency", "terms.currency must be KZT or BHD");
    if (*asked != currency)
        refuse("currency_mismatch", "terms.currency",
               "terms.currency must be " + std::string(toString(currency)) + ", the listing's currency");
    if (t.priceMinor != listing->price.amountMinor)
        refuse("price_mismatch", "terms.price_minor",
               "terms.price_minor must be the listing's current price, " + std::to_string(listing->price.amountMinor) +
                   " (" + amount(listing->price.amountMinor, currency) + ")");
    if (t.downPaymentMinor < 0)
        refuse("invalid_field", "terms.down_payment_minor", "terms.down_payment_minor must not be negative");
    if (t.downPaymentMinor >= t.priceMinor)
        refuse("down_payment_too_large", "terms.down_payment_minor",
               "terms.down_payment_minor must be less than the price: there would be nothing to finance");
    if (t.tradeInMinor < 0)
        refuse("invalid_field", "terms.trade_in_minor", "terms.trade_in_minor must not be negative");
    if (t.tradeInMinor >= t.priceMinor - t.downPaymentMinor)
        refuse("invalid_field", "terms.trade_in_minor",
               "terms.trade_in_minor: the down payment and the trade-in together cover the price: nothing to finance");
    const std::optional<Repayment> repayment = parseRepayment(t.repayment);
    if (!repayment)
        refuse("invalid_field", "terms.repayment", "terms.repayment must be annuity, differentiated or murabaha");
    for (const Bank* bank : banks) {
        if (t.termMonths < bank->termMinMonths || t.termMonths > bank->termMaxMonths)
            refuse("term_out_of_range", "terms.term_months",
                   "terms.term_months must be " + std::to_string(bank->termMinMonths) + " to " +
                       std::to_string(bank->termMaxMonths) + " months for " + bankLabel(*bank));
        const std::int64_t minimum = minimumDownPayment(t.priceMinor, bank->minDownPaymentBp);
        if (t.downPaymentMinor < minimum)
            refuse("down_payment_too_small", "terms.down_payment_minor",
                   "terms.down_payment_minor must be at least " + std::to_string(minimum) + " (" +
                       amount(minimum, currency) + ", " + percent(bank->minDownPaymentBp) + " of the price) for " +
                       bankLabel(*bank));
        const bool murabahaBank = bank->kind == BankKind::Murabaha;
        if ((*repayment == Repayment::Murabaha) != murabahaBank)
            refuse("repayment_mismatch", "terms.repayment",
                   murabahaBank ? "terms.repayment must be murabaha for " + bankLabel(*bank) + ", an Islamic bank"
                                : "terms.repayment must be annuity or differentiated for " + bankLabel(*bank) +
                                      "; murabaha is offered by Islamic banks only");
    }

    // The applicant.
    const ApplicationRequest::Person& p = r.applicant;
    if (p.fullName.size() < kNameMinBytes || p.fullName.size() > kNameMaxBytes)
        refuse("invalid_field", "applicant.full_name", "applicant.full_name must be 2 to 120 bytes long");
    if (const std::string why = phoneProblem(p.phone); !why.empty())
        refuse("invalid_field", "applicant.phone", "applicant.phone " + why);
    if (!p.email.empty() && !account::looksLikeEmail(p.email))
        refuse("invalid_field", "applicant.email", "applicant.email is not an email address");
    if (const std::string why = nationalIdProblem(country, p.nationalId); !why.empty())
        refuse("invalid_national_id", "applicant.national_id", "applicant.national_id " + why);
    if (p.monthlyIncomeMinor < 0 || p.monthlyIncomeMinor > fin::kMaxAmountMinor)
        refuse("invalid_field", "applicant.monthly_income_minor",
               "applicant.monthly_income_minor must be between 0 and " + std::to_string(fin::kMaxAmountMinor));
    const std::optional<Employment> employment = parseEmployment(p.employment);
    if (!employment)
        refuse("invalid_field", "applicant.employment",
               "applicant.employment must be employed, self_employed, retired or other");

    // Each bank's rules about the car and the applicant (tariffs/banks.json).
    const std::int64_t now = m_now();
    const int carAge = today(now).year - listing->year;
    for (std::size_t i = 0; i < banks.size(); ++i) {
        const Bank& bank = *banks[i];
        if (bank.maxCarAgeYears > 0 && carAge > bank.maxCarAgeYears)
            refuse("car_too_old", "bank_ids[" + std::to_string(i) + "]",
                   "bank_ids[" + std::to_string(i) + "]: " + bankLabel(bank) + " lends on cars up to " +
                       std::to_string(bank.maxCarAgeYears) + " years old; this one is " + std::to_string(listing->year) +
                       " (" + std::to_string(carAge) + " years)");
        if (p.monthlyIncomeMinor < bank.minMonthlyIncomeMinor)
            refuse("income_below_minimum", "applicant.monthly_income_minor",
                   "applicant.monthly_income_minor must be at least " + std::to_string(bank.minMonthlyIncomeMinor) +
                       " (" + amount(bank.minMonthlyIncomeMinor, currency) + ") for " + bankLabel(bank));
    }

    // One row per bank, with the payment at the bank's lowest rate.
    std::vector<LoanApplication> rows;
    for (const Bank* bank : banks) {
        LoanApplication a;
        a.userId = userId;
        a.listingId = listing->id;
        a.listingTitle = listing->title;
        a.bankId = bank->id;
        a.bankName = bank->name;
        a.terms.currency = currency;
        a.terms.priceMinor = t.priceMinor;
        a.terms.downPaymentMinor = t.downPaymentMinor;
        a.terms.tradeInMinor = t.tradeInMinor;
        a.terms.termMonths = static_cast<int>(t.termMonths);
        a.terms.repayment = *repayment;
        a.terms.rateBp = bank->rateMinBp;
        a.oneTimeFeeBp = bank->oneTimeFeeBp;
        a.monthlyFeeMinor = bank->monthlyFeeMinor;
        const PaymentResult pay =
            monthlyPayment(PaymentTerms{currency, t.priceMinor, t.downPaymentMinor, t.tradeInMinor, a.terms.termMonths,
                                        *repayment, bank->rateMinBp, bank->oneTimeFeeBp, bank->monthlyFeeMinor},
                           today(now));
        if (!pay.problems.empty()) {
            const fin::LoanProblem& first = pay.problems.front();
            refuse("invalid_terms", engineField(first, "terms."),
                   "the terms cannot be financed by " + bankLabel(*bank) + ": " +
                       std::string(fin::problemKey(first.problem)));
        }
        a.terms.monthlyPaymentMinor = pay.monthlyPaymentMinor;
        a.applicant = Applicant{p.fullName, p.phone, p.email, p.nationalId, p.monthlyIncomeMinor, *employment};
        rows.push_back(std::move(a));
    }

    CreateOutcome out = m_repository.create(std::move(rows), now, kMaxOpenPerUser);
    if (!out.openBankId.empty()) {
        std::size_t index = 0;
        while (index < r.bankIds.size() && r.bankIds[index] != out.openBankId)
            ++index;
        const std::string field = "bank_ids[" + std::to_string(index) + "]";
        throw ClientError(409, "application_open", field,
                          field + ": you already have an open application to " + bankLabel(*m_banks.find(out.openBankId)) +
                              " for listing " + std::to_string(listing->id) + "; wait for its answer");
    }
    if (out.tooMany)
        throw ClientError(409, "too_many", "bank_ids",
                          "at most " + std::to_string(kMaxOpenPerUser) +
                              " open applications at a time; wait for the banks to answer some of them");
    return std::move(out.created);
}

// [SECTION] Reading

std::vector<LoanApplication> FinanceService::list(const Caller& caller, bool all, int limit)
{
    if (all && !caller.admin)
        throw ClientError(403, "forbidden", "all", "only administrators signed in with two-factor sign-in may list every application");
    return all ? m_repository.listAll(limit) : m_repository.listForUser(caller.userId, limit);
}

LoanApplication FinanceService::get(const Caller& caller, std::int64_t id)
{
    std::optional<LoanApplication> a = m_repository.find(id);
    // Someone else's application is answered like one that does not exist.
    if (!a || (a->userId != caller.userId && !caller.admin))
        throw ClientError(notFound("id", "no loan application with id " + std::to_string(id)));
    return std::move(*a);
}

// [SECTION] Status changes

namespace {

bool allowed(ApplicationStatus from, ApplicationStatus to)
{
    using S = ApplicationStatus;
    return (from == S::Submitted && (to == S::InReview || to == S::Declined)) ||
           (from == S::InReview && (to == S::Approved || to == S::Declined));
}

std::string nextSteps(ApplicationStatus from)
{
    switch (from) {
    case ApplicationStatus::Submitted: return "it can go to in_review or declined";
    case ApplicationStatus::InReview: return "it can go to approved or declined";
    default: return "it is final";
    }
}

} // namespace

LoanApplication FinanceService::changeStatus(std::int64_t id, const StatusChange& change)
{
    const std::optional<ApplicationStatus> to = parseStatus(change.status);
    if (!to || *to == ApplicationStatus::Submitted)
        refuse("invalid_field", "status", "status must be in_review, approved or declined");
    if (*to == ApplicationStatus::Approved && !change.offer)
        refuse("offer_required", "offer", "an approval needs an offer: {\"rate_bp\", \"term_months\", \"note\"?}");
    if (*to != ApplicationStatus::Approved && change.offer)
        refuse("invalid_field", "offer", "only an approval carries an offer");

    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::optional<LoanApplication> a = m_repository.find(id);
        if (!a) throw ClientError(notFound("id", "no loan application with id " + std::to_string(id)));
        if (!allowed(a->status, *to))
            throw ClientError(409, "invalid_transition", "status",
                              "application " + std::to_string(id) + " is " + std::string(toString(a->status)) +
                                  ": " + nextSteps(a->status) + ", not to " + std::string(toString(*to)));
        std::optional<Offer> offer;
        if (change.offer) {
            const OfferRequest& o = *change.offer;
            if (o.rateBp < 0 || o.rateBp > fin::kMaxRateBp)
                refuse("invalid_field", "offer.rate_bp",
                       "offer.rate_bp must be between 0 and " + std::to_string(fin::kMaxRateBp));
            if (o.termMonths < 1 || o.termMonths > fin::kMaxTermMonths)
                refuse("invalid_field", "offer.term_months",
                       "offer.term_months must be between 1 and " + std::to_string(fin::kMaxTermMonths));
            const PaymentResult pay = monthlyPayment(
                PaymentTerms{a->terms.currency, a->terms.priceMinor, a->terms.downPaymentMinor, a->terms.tradeInMinor,
                             static_cast<int>(o.termMonths), a->terms.repayment, static_cast<std::int32_t>(o.rateBp),
                             a->oneTimeFeeBp, a->monthlyFeeMinor},
                today(m_now()));
            if (!pay.problems.empty())
                refuse("invalid_terms", engineField(pay.problems.front(), "offer."),
                       "the offer cannot be computed: " + std::string(fin::problemKey(pay.problems.front().problem)));
            offer = Offer{static_cast<std::int32_t>(o.rateBp), static_cast<int>(o.termMonths), pay.monthlyPaymentMinor,
                          o.note};
        }
        // Changed only if nobody else changed it since it was read; otherwise look again.
        if (m_repository.changeStatus(id, a->status, *to, offer, m_now())) return *m_repository.find(id);
    }
    throw ClientError(409, "invalid_transition", "status",
                      "application " + std::to_string(id) + " is being changed by someone else; try again");
}

} // namespace dongelek::server::finance
