// Form errors of the account screens: problems found before sending and failures the server
// answered, each filed where the screen shows it.

#include "client/features/account/account_form.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::account {

const std::string& FormState::fieldError(const std::string& field) const
{
    static const std::string none;
    const auto it = fieldErrors.find(field);
    return it == fieldErrors.end() ? none : it->second;
}

int FormState::waitSeconds(double nowMs) const
{
    if (retryAtMs <= nowMs) return 0;
    return static_cast<int>(std::ceil((retryAtMs - nowMs) / 1000.0));
}

std::string problemKey(const std::string& field, Problem problem)
{
    const char* what = nullptr;
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Required:
        what = "required";
        break;
    case Problem::Invalid:
        what = "invalid";
        break;
    case Problem::TooShort:
        what = "too_short";
        break;
    case Problem::TooLong:
        what = "too_long";
        break;
    }
    return "account.error." + field + "." + what;
}

bool check(FormState& form, const std::string& field, Problem problem)
{
    if (problem == Problem::None) return false;
    form.fieldErrors[field] = problemKey(field, problem);
    return true;
}

std::string serverErrorKey(const std::string& code)
{
    // The codes of docs/accounts-api.md that have their own text (locales: account.error.<code>).
    static const char* const kKnown[] = {"invalid_credentials",
                                         "totp_required",
                                         "totp_invalid",
                                         "email_unverified",
                                         "rate_limited",
                                         "invalid_phone",
                                         "code_invalid",
                                         "token_expired",
                                         "token_used",
                                         "token_unknown",
                                         "weak_password",
                                         "password_reused",
                                         "session_expired",
                                         "unauthenticated",
                                         "invalid_parameter",
                                         "email_taken",
                                         "csrf"};
    for (const char* known : kKnown)
        if (code == known) return std::string("account.error.") + known;
    return "account.error.generic";
}

void applyFailure(FormState& form, const RequestError& error, double nowMs, std::initializer_list<const char*> fields,
                  const std::map<std::string, std::string>& fieldAliases)
{
    form.sending = false;
    switch (error.kind) {
    case ErrorKind::None:
        return;
    case ErrorKind::Network:
        form.formError = "errors.network";
        return;
    case ErrorKind::Server:
        form.formError = "errors.server";
        return;
    case ErrorKind::BadResponse:
        form.formError = "errors.bad_response";
        return;
    case ErrorKind::RateLimited:
        form.formError = "account.error.rate_limited";
        form.retryAtMs = nowMs + std::max(1, error.retryAfterS) * 1000.0;
        return;
    default:
        break;
    }
    std::string field = error.api.field;
    if (const auto it = fieldAliases.find(field); it != fieldAliases.end()) field = it->second;
    const std::string key = serverErrorKey(error.api.code);
    const bool shown = std::any_of(fields.begin(), fields.end(), [&field](const char* f) { return field == f; });
    if (!field.empty() && shown)
        form.fieldErrors[field] = key;
    else
        form.formError = key;
}

} // namespace dongelek::account
