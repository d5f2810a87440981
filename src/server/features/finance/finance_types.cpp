// The API's spelling of the financing feature's enums: one table per enum, read both ways.

#include "server/features/finance/finance_types.hpp"

#include <array>
#include <utility>

namespace dongelek::server::finance {

namespace {

template <typename E, std::size_t N> using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<BankKind, 2> kBankKinds{{{BankKind::Loan, "loan"}, {BankKind::Murabaha, "murabaha"}}};
constexpr Names<ApplicationStatus, 4> kStatuses{{{ApplicationStatus::Submitted, "submitted"},
                                                 {ApplicationStatus::InReview, "in_review"},
                                                 {ApplicationStatus::Approved, "approved"},
                                                 {ApplicationStatus::Declined, "declined"}}};
constexpr Names<Repayment, 3> kRepayments{
    {{Repayment::Annuity, "annuity"}, {Repayment::Differentiated, "differentiated"}, {Repayment::Murabaha, "murabaha"}}};
constexpr Names<Employment, 4> kEmployments{{{Employment::Employed, "employed"},
                                             {Employment::SelfEmployed, "self_employed"},
                                             {Employment::Retired, "retired"},
                                             {Employment::Other, "other"}}};

template <typename E, std::size_t N> std::string_view nameOf(const Names<E, N>& names, E v)
{
    for (const auto& [value, name] : names)
        if (value == v) return name;
    return names[0].second; // unreachable: every value has a row
}

template <typename E, std::size_t N> std::optional<E> valueOf(const Names<E, N>& names, std::string_view s)
{
    for (const auto& [value, name] : names)
        if (name == s) return value;
    return std::nullopt;
}

} // namespace

std::string_view toString(BankKind v) { return nameOf(kBankKinds, v); }
std::string_view toString(ApplicationStatus v) { return nameOf(kStatuses, v); }
std::string_view toString(Repayment v) { return nameOf(kRepayments, v); }
std::string_view toString(Employment v) { return nameOf(kEmployments, v); }
std::optional<BankKind> parseBankKind(std::string_view s) { return valueOf(kBankKinds, s); }
std::optional<ApplicationStatus> parseStatus(std::string_view s) { return valueOf(kStatuses, s); }
std::optional<Repayment> parseRepayment(std::string_view s) { return valueOf(kRepayments, s); }
std::optional<Employment> parseEmployment(std::string_view s) { return valueOf(kEmployments, s); }

} // namespace dongelek::server::finance
