// Loan applications, transport-free: the checks of an application against the listing and
// each bank's conditions (every refusal a ClientError naming the field), the monthly payment
// computed with core's loan engine, who may read what, and the status transitions the bank's
// side (an administrator, for now) makes.
#pragma once

#include "server/features/finance/finance_files.hpp"
#include "server/features/finance/loan_application_repository.hpp"

#include "core/finance/loan.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::finance {

inline constexpr std::size_t kMaxBanksPerApplication = 5;
inline constexpr std::int64_t kMaxOpenPerUser = 30; // open applications of one user, all listings
inline constexpr int kListDefault = 100;
inline constexpr int kListMax = 200;
inline constexpr std::size_t kNameMinBytes = 2, kNameMaxBytes = 120;
inline constexpr std::size_t kPhoneMinChars = 7, kPhoneMaxChars = 20;
inline constexpr std::size_t kNoteMaxChars = 500;

// An application as the route read it: JSON types checked (a 400 otherwise), values not yet.
struct ApplicationRequest {
    std::int64_t listingId = 0;
    std::vector<std::string> bankIds;
    struct Terms {
        std::int64_t priceMinor = 0;
        std::string currency;
        std::int64_t downPaymentMinor = 0;
        std::int64_t tradeInMinor = 0;
        std::int64_t termMonths = 0;
        std::string repayment;
    } terms;
    struct Person {
        std::string fullName;
        std::string phone;
        std::string email; // empty when not given
        std::string nationalId;
        std::int64_t monthlyIncomeMinor = 0;
        std::string employment;
    } applicant;
    bool consent = false;
};

struct OfferRequest {
    std::int64_t rateBp = 0;
    std::int64_t termMonths = 0;
    std::string note;
};

struct StatusChange {
    std::string status;
    std::optional<OfferRequest> offer;
};

// Who is asking: administrators (signed in with two-factor) may read every application.
struct Caller {
    std::int64_t userId = 0;
    bool admin = false;
};

// The regular monthly payment of a loan or murabaha: annuity → the payment, differentiated →
// the first (largest) one, murabaha → the instalment; the bank's monthly fee included. The
// one-time fee (bp of the amount financed) is paid at signing; no insurance is financed.
struct PaymentTerms {
    Currency currency = Currency::KZT;
    std::int64_t priceMinor = 0;
    std::int64_t downPaymentMinor = 0;
    std::int64_t tradeInMinor = 0;
    int termMonths = 0;
    Repayment repayment = Repayment::Annuity;
    std::int32_t rateBp = 0;
    std::int32_t oneTimeFeeBp = 0;
    std::int64_t monthlyFeeMinor = 0;
};
struct PaymentResult {
    std::int64_t monthlyPaymentMinor = 0;
    std::vector<dongelek::finance::LoanProblem> problems; // empty when the payment holds
};
PaymentResult monthlyPayment(const PaymentTerms& terms, dongelek::finance::CivilDate start);

// The smallest down payment a bank takes: ⌈price × bp / 10000⌉.
std::int64_t minimumDownPayment(std::int64_t priceMinor, std::int32_t bp);

// Applicant checks, shared by the service and its tests: the message of the problem, or empty.
std::string nationalIdProblem(Country country, std::string_view id);
std::string phoneProblem(std::string_view phone);

class FinanceService {
public:
    FinanceService(LoanApplicationRepository& repository, const BankCatalog& banks, std::function<std::int64_t()> now)
        : m_repository(repository), m_banks(banks), m_now(std::move(now))
    {
    }

    const BankCatalog& banks() const { return m_banks; }

    // One application per bank, written together or not at all. ClientError 422 naming the
    // field for each check (docs/finance_server.md), 409 when one duplicates an open one.
    std::vector<LoanApplication> apply(std::int64_t userId, const ApplicationRequest& request);

    // The caller's own, newest first; `all` (administrators only, else 403) everyone's.
    std::vector<LoanApplication> list(const Caller& caller, bool all, int limit);
    // The owner's or, for an administrator, anyone's; 404 for everyone else (it may as well not exist).
    LoanApplication get(const Caller& caller, std::int64_t id);
    // The bank's decision: submitted → in_review | declined, in_review → approved | declined;
    // 409 naming the current status otherwise; an approval carries an offer, nothing else does.
    LoanApplication changeStatus(std::int64_t id, const StatusChange& change);

private:
    LoanApplicationRepository& m_repository;
    const BankCatalog& m_banks;
    std::function<std::int64_t()> m_now;
};

} // namespace dongelek::server::finance
