// Setting a new password from the reset mail's link.

#include "client/features/account/reset_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

void ResetModule::update(double nowMs)
{
    m_strength.update(app().api(), nowMs);
}

void ResetModule::enter(const AppUrl& url, Entry how)
{
    const ResetRoute route = ResetRoute::parse(url);
    if (how == Entry::Pop && route.token == m_state.token) return;
    const unsigned visit = m_state.visit;
    m_state = ResetState{};
    m_state.visit = visit + 1;
    m_state.token = route.token;
    m_strength.reset();
    if (m_state.token.empty()) m_state.tokenProblem = "token_unknown";
}

void ResetModule::edited(const std::string& password)
{
    m_strength.edit(password, "", "", app().shared().nowMs);
}

void ResetModule::submit(const std::string& password)
{
    account::FormState& form = m_state.form;
    if (form.sending || m_state.changed || !m_state.tokenProblem.empty()) return;
    if (form.waitSeconds(app().shared().nowMs) > 0) return;
    form.clearErrors();
    if (account::check(form, "password", account::newPasswordProblem(password))) return;
    if (m_strength.current() && !m_strength.result().value().acceptable) {
        form.fieldErrors["password"] = account::serverErrorKey("weak_password");
        return;
    }
    form.sending = true;
    const std::string token = m_state.token;
    app().api().send<StatusReply>(
        HttpRequest::json("POST", kConfirmUrl, nlohmann::json(ResetConfirmRequest{token, password})),
        [this, token](ApiResult<StatusReply> r) {
            if (token != m_state.token) return;
            account::FormState& f = m_state.form;
            f.sending = false;
            if (r.ok) {
                m_state.changed = true;
                m_strength.reset();
                return;
            }
            for (const char* code : {"token_expired", "token_used", "token_unknown"})
                if (r.error.is(code)) {
                    m_state.tokenProblem = code;
                    return;
                }
            account::applyFailure(f, r.error, app().shared().nowMs, {"password"});
        });
}

void ResetModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    state["reset"] = {
        {"changed", m_state.changed}, {"tokenProblem", m_state.tokenProblem}, {"error", m_state.form.formError}};
}

} // namespace dongelek
