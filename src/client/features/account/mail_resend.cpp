// The verification mail sent again (see mail_resend.hpp).

#include "client/features/account/mail_resend.hpp"

#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek::account {

void MailResend::send(ApiClient& api, const std::string& email, double nowMs, std::function<double()> clock)
{
    if (m_form.sending || m_form.waitSeconds(nowMs) > 0) return;
    m_form.clearErrors();
    const std::string mail = trim(email);
    if (check(m_form, "email", emailProblem(mail))) return;
    m_form.sending = true;
    const auto gen = ++m_generation;
    api.send<StatusReply>(HttpRequest::json("POST", kUrl, nlohmann::json(EmailRequest{mail})),
                          [this, gen, clock = std::move(clock)](ApiResult<StatusReply> r) {
                              if (gen != m_generation) return; // the screen was opened anew meanwhile
                              const double now = clock();
                              m_form.sending = false;
                              if (r.ok) {
                                  ++m_sent;
                                  m_form.retryAtMs = std::max(m_form.retryAtMs, now + kCooldownMs);
                                  return;
                              }
                              applyFailure(m_form, r.error, now, {"email"});
                          });
}

} // namespace dongelek::account
