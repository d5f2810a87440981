// Applying for a loan from the calculator (issue 10): the partner banks of the listing's country
// (GET /api/v1/finance/banks?country=), each one's payment for the buyer's terms at its lowest
// rate (the core engine, as the server computes it), whether the terms fit it, the applicant's
// details as typed, the body of POST /api/v1/finance/applications and the buyer's applications
// (GET /api/v1/finance/applications). Pure; the requests are FinanceModule's. docs/finance_server.md.
#pragma once

#include "client/features/finance/finance_form.hpp"
#include "core/model.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek {

struct PartnerBank {
    std::string id, name;
    bool demo = false;
    Country country = Country::KZ;
    Currency currency = Currency::KZT;
    bool murabaha = false; // kind "murabaha", else "loan"
    std::int32_t rateMinBp = 0, rateMaxBp = 0;
    int termMinMonths = 1, termMaxMonths = 120;
    std::int32_t minDownPaymentBp = 0, oneTimeFeeBp = 0;
    std::int64_t monthlyFeeMinor = 0;
    bool insuranceRequired = false;
    int maxCarAgeYears = 0;
    std::int64_t minMonthlyIncomeMinor = 0;
};
struct PartnerBankList {
    std::vector<PartnerBank> banks;
};
void from_json(const nlohmann::json& j, PartnerBank& v);
void from_json(const nlohmann::json& j, PartnerBankList& v);

enum class ApplicationStatus { Submitted, InReview, Approved, Declined };
struct LoanOffer {
    std::int32_t rateBp = 0;
    int termMonths = 0;
    std::int64_t monthlyPaymentMinor = 0;
    std::string note;
};
struct LoanApplicationInfo {
    std::int64_t id = 0, listingId = 0;
    std::string bankId, bankName;
    ApplicationStatus status = ApplicationStatus::Submitted;
    Currency currency = Currency::KZT;
    int termMonths = 0;
    std::int32_t rateBp = 0;
    std::int64_t monthlyPaymentMinor = 0;
    std::optional<LoanOffer> offer;
};
struct LoanApplicationList {
    std::vector<LoanApplicationInfo> applications;
};
void from_json(const nlohmann::json& j, LoanApplicationInfo& v);
void from_json(const nlohmann::json& j, LoanApplicationList& v);
const char* toString(ApplicationStatus s); // "submitted", "in_review", "approved", "declined"

// The terms sent with an application: the calculator's form as it is now.
struct ApplyTerms {
    std::int64_t priceMinor = 0;
    Currency currency = Currency::KZT;
    std::int64_t downPaymentMinor = 0;
    std::int64_t tradeInMinor = 0;
    int termMonths = 0;
    FinanceType type = FinanceType::Annuity;
    int carAgeYears = 0; // this year − the listing's model year (a bank lends on cars up to an age)
};
// nullopt while the form has a problem (nothing to apply with).
std::optional<ApplyTerms> applyTermsOf(const FinanceForm& form, const FinanceResult* result, Currency currency);

// How a bank meets the terms: choosable only for the same kind (murabaha with murabaha);
// `reason` (a locale key) when the term or the down payment is outside its range, or the car is
// older than the bank lends on. (Its minimum income is among its facts; the server checks it.)
struct BankFit {
    bool sameKind = false;
    const char* reason = nullptr; // "finance.apply.bank.term_range", ".down_min", ".car_age", ".kind"
    std::optional<std::int64_t> monthlyMinor; // at its lowest rate, its fees included
    bool choosable() const { return sameKind && !reason; }
};
BankFit bankFit(const PartnerBank& bank, const ApplyTerms& terms);

// [SECTION] The applicant

enum class ApplicantField { FullName, Phone, Email, NationalId, Income };
inline constexpr std::size_t kApplicantFieldCount = 5;
// "full_name", "phone", "email", "national_id", "monthly_income_minor" (the wire's names)
const char* toString(ApplicantField f);
inline constexpr const char* kEmployments[] = {"employed", "self_employed", "retired", "other"};

struct ApplicantForm {
    std::array<std::string, kApplicantFieldCount> text;
    std::string employment = "employed";
    bool consent = false;
    bool emailTyped = false; // else it follows the account's email
    const std::string& operator[](ApplicantField f) const { return text[static_cast<std::size_t>(f)]; }
    std::string& operator[](ApplicantField f) { return text[static_cast<std::size_t>(f)]; }
};

// The body of POST /api/v1/finance/applications.
nlohmann::json applicationBody(std::int64_t listingId, const std::vector<std::string>& bankIds, const ApplyTerms& terms,
                               const ApplicantForm& applicant);

// A refusal of the server's, shown next to the field it names.
struct ApplyError {
    std::string field;   // "applicant.national_id", "bank_ids[1]", "consent", "" (network)
    std::string key;     // the locale key for the code (and field), "" when there is none
    std::string message; // the server's (English), shown when there is no key
};
// The locale key for an error `code` about `field`, "" when there is none.
std::string applyErrorKey(const std::string& code, const std::string& field);

} // namespace dongelek
