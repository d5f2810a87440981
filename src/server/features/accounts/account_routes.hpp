// The accounts API (docs/accounts-api.md): /api/v1/auth/* (sign-up, sign-in, refresh,
// reset), /api/v1/me/* (the signed-in user's own account, sessions, phone, 2FA) and
// /api/v1/admin/* (the audit log, roles).
#pragma once

#include "server/features/accounts/account_service.hpp"
#include "server/http/route_table.hpp"
#include "server/http/task_pool.hpp"

#include <string>
#include <vector>

namespace dongelek::server::accounts {

struct AccountRouteOptions {
    // Links in mails point here: --public-url, else the address the server listens on. Never
    // the request's Host header, which a client could set to its own site.
    std::string mailOrigin;
    bool secureCookies = false; // served over TLS: the refresh cookie gets Secure
    // Where the routes that hash a password (register, sign-in, reset, password change) run, so
    // the HTTP threads are not held for an Argon2id hash; null: on the HTTP thread.
    TaskPool* hashing = nullptr;
};

std::vector<Route> accountRoutes(AccountService& service, AccountRouteOptions options);

// "Chrome on Android", "Firefox on Windows", "Dongelek desktop app": for the sessions list.
std::string describeDevice(std::string_view userAgent);

// The value of the dongelek_refresh cookie in a Cookie header, or "".
std::string refreshCookieValue(std::string_view cookieHeader);

} // namespace dongelek::server::accounts
