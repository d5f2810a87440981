// Debounced password-strength requests (see password_strength_check.hpp).

#include "client/features/account/password_strength_check.hpp"

#include "core/accounts_json.hpp"

namespace dongelek::account {

void PasswordStrengthCheck::edit(const std::string& password, const std::string& email, const std::string& displayName,
                                 double nowMs)
{
    if (password == m_password && email == m_email && displayName == m_name) return;
    m_password = password;
    m_email = email;
    m_name = displayName;
    if (password.empty()) {
        reset();
        return;
    }
    m_dueAt = nowMs + kDebounceMs;
}

void PasswordStrengthCheck::update(ApiClient& api, double nowMs)
{
    if (!m_dueAt || nowMs < *m_dueAt) return;
    m_dueAt.reset();
    StrengthRequest body;
    body.password = m_password;
    if (!m_email.empty()) body.email = m_email;
    if (!m_name.empty()) body.displayName = m_name;
    const auto gen = m_result.begin();
    const std::string sent = m_password;
    api.send<PasswordStrength>(HttpRequest::json("POST", kUrl, nlohmann::json(body)),
                               [this, gen, sent](ApiResult<PasswordStrength> r) {
                                   if (m_result.settle(gen, std::move(r)) && m_result.status() == Status::Ready)
                                       m_checked = sent;
                               });
}

void PasswordStrengthCheck::reset()
{
    m_dueAt.reset();
    m_result.reset();
    m_checked.clear();
    m_password.clear();
}

} // namespace dongelek::account
