// The financing feature's values: a partner bank (tariffs/banks.json), a loan application
// with its terms, applicant and the bank's offer, and the words the API spells them with.
// Money is int64 minor units (tiyn, fils); rates are basis points (1850 = 18.50 %).
#pragma once

#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dongelek::server::finance {

// [SECTION] Banks

enum class BankKind { Loan, Murabaha };

struct Bank {
    std::string id;   // "dala": [a-z0-9_], 2..32 bytes, unique in the file
    std::string name; // "Dala Bank"
    bool demo = true; // an invented partner standing in for a real contract
    Country country = Country::KZ;
    Currency currency = Currency::KZT; // the country's
    BankKind kind = BankKind::Loan;
    std::int32_t rateMinBp = 0; // a loan's yearly rate, or murabaha's flat yearly profit rate
    std::int32_t rateMaxBp = 0;
    int termMinMonths = 1;
    int termMaxMonths = 1;
    std::int32_t minDownPaymentBp = 0; // of the price
    std::int32_t oneTimeFeeBp = 0;     // of the amount financed, paid at signing
    std::int64_t monthlyFeeMinor = 0;  // with every instalment (always 0 for murabaha)
    bool insuranceRequired = false;
    int maxCarAgeYears = 0;
    std::int64_t minMonthlyIncomeMinor = 0;
};

// [SECTION] Applications

enum class ApplicationStatus { Submitted, InReview, Approved, Declined };
enum class Repayment { Annuity, Differentiated, Murabaha };
enum class Employment { Employed, SelfEmployed, Retired, Other };

// "submitted", "in_review", ...: the API's and the database's spelling.
std::string_view toString(BankKind v);
std::string_view toString(ApplicationStatus v);
std::string_view toString(Repayment v);
std::string_view toString(Employment v);
std::optional<BankKind> parseBankKind(std::string_view s);
std::optional<ApplicationStatus> parseStatus(std::string_view s);
std::optional<Repayment> parseRepayment(std::string_view s);
std::optional<Employment> parseEmployment(std::string_view s);

// Open applications block a second one for the same listing and bank.
inline bool isOpen(ApplicationStatus s)
{
    return s == ApplicationStatus::Submitted || s == ApplicationStatus::InReview;
}

struct ApplicationTerms {
    Currency currency = Currency::KZT;
    std::int64_t priceMinor = 0;
    std::int64_t downPaymentMinor = 0;
    std::int64_t tradeInMinor = 0;
    int termMonths = 0;
    Repayment repayment = Repayment::Annuity;
    std::int32_t rateBp = 0;             // the bank's minimum rate the payment was computed at
    std::int64_t monthlyPaymentMinor = 0; // annuity: the payment; differentiated: the first; murabaha: the instalment
};

// Personal data: shown only to the applicant and administrators, never logged.
struct Applicant {
    std::string fullName;
    std::string phone;
    std::string email; // empty when not given
    std::string nationalId; // Kazakh IIN (12 digits) or Bahraini CPR (9 digits)
    std::int64_t monthlyIncomeMinor = 0;
    Employment employment = Employment::Employed;
};

struct Offer {
    std::int32_t rateBp = 0;
    int termMonths = 0;
    std::int64_t monthlyPaymentMinor = 0;
    std::string note; // empty when none
};

struct LoanApplication {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::int64_t listingId = 0;
    std::string listingTitle; // as it was when applying
    std::string bankId;
    std::string bankName;     // as it was when applying
    ApplicationStatus status = ApplicationStatus::Submitted;
    ApplicationTerms terms;
    // The bank's fees when applying: an offer's payment is computed with them.
    std::int32_t oneTimeFeeBp = 0;
    std::int64_t monthlyFeeMinor = 0;
    Applicant applicant;
    std::optional<Offer> offer;
    std::int64_t consentedAt = 0;
    std::int64_t createdAt = 0; // Unix seconds
    std::int64_t updatedAt = 0;
};

} // namespace dongelek::server::finance
