// The forgotten-password request.

#include "client/features/account/forgot_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

void ForgotModule::enter(const AppUrl&, Entry how)
{
    if (how == Entry::Pop) return;
    const double retryAt = m_state.form.retryAtMs; // leaving and coming back does not end a wait
    const unsigned visit = m_state.visit;
    m_state = ForgotState{};
    m_state.visit = visit + 1;
    m_state.form.retryAtMs = retryAt;
    ++m_generation;
}

void ForgotModule::request(const std::string& email)
{
    account::FormState& form = m_state.form;
    const double now = app().shared().nowMs;
    if (form.sending || form.waitSeconds(now) > 0) return;
    form.clearErrors();
    const std::string mail = account::trim(email);
    if (account::check(form, "email", account::emailProblem(mail))) return;
    form.sending = true;
    const auto gen = ++m_generation;
    app().api().send<StatusReply>(HttpRequest::json("POST", kRequestUrl, nlohmann::json(EmailRequest{mail})),
                                  [this, gen, mail](ApiResult<StatusReply> r) {
                                      if (gen != m_generation) return;
                                      account::FormState& f = m_state.form;
                                      const double t = app().shared().nowMs;
                                      f.sending = false;
                                      if (r.ok) {
                                          m_state.sentTo = mail;
                                          f.retryAtMs = std::max(f.retryAtMs, t + kCooldownMs);
                                          return;
                                      }
                                      account::applyFailure(f, r.error, t, {"email"});
                                  });
}

void ForgotModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    state["forgot"] = {{"sent", !m_state.sentTo.empty()}, {"error", m_state.form.formError}};
}

} // namespace dongelek
