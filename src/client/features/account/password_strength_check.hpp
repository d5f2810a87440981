// The strength meter's data: a new password is sent to POST /api/v1/auth/password-strength a
// short pause after the last key (debounced, like the search), each request carries a
// generation so a slow answer for an older password never replaces a newer one, and the
// meter knows which password its score belongs to. Used by registration, reset and the
// password change.
#pragma once

#include "client/api_client.hpp"
#include "client/remote.hpp"
#include "core/accounts.hpp"

#include <optional>
#include <string>

namespace dongelek::account {

class PasswordStrengthCheck {
public:
    static constexpr double kDebounceMs = 350.0;
    static constexpr const char* kUrl = "/api/v1/auth/password-strength";

    // The password (and what the estimator should know it must not resemble) as typed now.
    void edit(const std::string& password, const std::string& email, const std::string& displayName, double nowMs);
    // Sends the check once the pause is over; call every frame.
    void update(ApiClient& api, double nowMs);
    std::optional<double> nextUpdateAt() const { return m_dueAt; }
    void reset();

    const Remote<PasswordStrength>& result() const { return m_result; }
    // The password the result belongs to ("" before any answer).
    const std::string& checked() const { return m_checked; }
    // The result is for the password as it is now.
    bool current() const { return m_result.status() == Status::Ready && m_checked == m_password; }
    bool waiting() const { return m_dueAt.has_value() || m_result.loading(); }

private:
    std::string m_password, m_email, m_name;
    std::string m_checked, m_sending;
    std::optional<double> m_dueAt;
    Remote<PasswordStrength> m_result;
};

} // namespace dongelek::account
