// What every account form keeps besides its text (the text itself is the screen's): whether it
// is being sent, the message under each field (from the checks before sending and from the
// server's error.field), a message for the whole form, and the wait a 429 asked for. Messages
// are locale keys; the screen looks them up. Shared by the account feature's modules.
#pragma once

#include "client/api_client.hpp"
#include "core/account_rules.hpp"

#include <initializer_list>
#include <map>
#include <string>

namespace dongelek::account {

struct FormState {
    bool sending = false;
    std::map<std::string, std::string> fieldErrors; // body field ("email") -> locale key
    std::string formError;                          // locale key, "" when none
    double retryAtMs = 0;                           // a 429: nothing is sent before this time

    bool hasErrors() const { return !fieldErrors.empty() || !formError.empty(); }
    const std::string& fieldError(const std::string& field) const;
    // Whole seconds left of a 429's wait at `nowMs` (0 when none).
    int waitSeconds(double nowMs) const;
    void clearErrors()
    {
        fieldErrors.clear();
        formError.clear();
    }
};

// "account.error.email.required", "account.error.password.too_short", ...; "" for Problem::None.
std::string problemKey(const std::string& field, Problem problem);
// Records `problem` for `field`; returns true when there was one.
bool check(FormState& form, const std::string& field, Problem problem);

// The locale key for an error code the server sends ("account.error.invalid_credentials"); codes
// the app has no text for get the generic "account.error.generic".
std::string serverErrorKey(const std::string& code);

// Files a failed request under the field the server named when the form has it (`fields`),
// else as the form's message; a 429 also sets retryAtMs from Retry-After. `fieldAliases`
// renames server fields for forms that call them otherwise ("password" -> "newPassword").
void applyFailure(FormState& form, const RequestError& error, double nowMs, std::initializer_list<const char*> fields,
                  const std::map<std::string, std::string>& fieldAliases = {});

} // namespace dongelek::account
