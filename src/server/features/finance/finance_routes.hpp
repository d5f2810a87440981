// /api/v1/finance/*: the tariff files and partner banks (public, cached an hour: they change
// only when the server restarts with new files), and loan applications (signed-in users, each
// their own; administrators stand in for the banks' side and may read and decide every one).
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server::finance {

class FinanceService;
struct FinanceFiles;

std::vector<Route> financeRoutes(FinanceService& service, const FinanceFiles& files);

} // namespace dongelek::server::finance
