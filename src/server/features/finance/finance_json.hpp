// The financing feature's JSON (docs/finance_server.md): a bank as GET /api/v1/finance/banks
// lists it, and a loan application with its terms, applicant and offer. Keys are snake_case
// like the tariff files; money is minor units, rates basis points, times ISO 8601 UTC.
#pragma once

#include "server/features/finance/finance_types.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace dongelek::server::finance {

nlohmann::json toJson(const Bank& bank);
// The whole application: only ever sent to its applicant or an administrator.
nlohmann::json toJson(const LoanApplication& application);
// {"applications": [...]}
nlohmann::json toJson(const std::vector<LoanApplication>& applications);

} // namespace dongelek::server::finance
