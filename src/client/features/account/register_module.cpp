// The registration controller: checks, the strength meter, the request, then "check your mail".

#include "client/features/account/register_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

void RegisterModule::update(double nowMs)
{
    m_strength.update(app().api(), nowMs);
}

void RegisterModule::enter(const AppUrl& url, Entry how)
{
    const RegisterRoute route = RegisterRoute::parse(url);
    m_state.next = route.next;
    if (how != Entry::Pop) {
        m_state.form = {};
        ++m_state.visit;
        m_strength.reset();
    }
}

void RegisterModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    nlohmann::json strength = nullptr;
    if (m_strength.result().has())
        strength = {{"score", m_strength.result().value().score},
                    {"acceptable", m_strength.result().value().acceptable}};
    state["register"] = {{"sending", m_state.form.sending}, {"error", m_state.form.formError}, {"strength", strength}};
}

account::FormState RegisterModule::validate(const RegisterForm& f)
{
    account::FormState form;
    account::check(form, "email", account::emailProblem(f.email));
    account::check(form, "password", account::newPasswordProblem(f.password));
    account::check(form, "displayName", account::displayNameProblem(f.displayName));
    if (f.role == AccountRole::Admin) account::check(form, "role", account::Problem::Invalid);
    return form;
}

void RegisterModule::edited(const RegisterForm& f)
{
    m_strength.edit(f.password, account::trim(f.email), account::trim(f.displayName), app().shared().nowMs);
}

void RegisterModule::submit(const RegisterForm& f)
{
    if (m_state.form.sending) return;
    const double now = app().shared().nowMs;
    if (m_state.form.waitSeconds(now) > 0) return;
    const double retryAt = m_state.form.retryAtMs;
    m_state.form = validate(f);
    m_state.form.retryAtMs = retryAt;
    // A password the estimator already called too weak is refused here as the server would.
    if (!m_state.form.hasErrors() && m_strength.current() && !m_strength.result().value().acceptable)
        m_state.form.fieldErrors["password"] = account::serverErrorKey("weak_password");
    if (m_state.form.hasErrors()) return;
    RegisterRequest request;
    request.email = account::trim(f.email);
    request.password = f.password;
    request.displayName = account::trim(f.displayName);
    request.role = f.role;
    request.language = f.language.empty() ? app().shared().lang : f.language;
    m_state.form.sending = true;
    const std::string email = request.email;
    app().api().send<StatusReply>(
        HttpRequest::json("POST", kRegisterUrl, nlohmann::json(request)), [this, email](ApiResult<StatusReply> r) {
            m_state.form.sending = false;
            if (!r.ok) {
                account::applyFailure(m_state.form, r.error, app().shared().nowMs,
                                      {"email", "password", "displayName", "role", "language"});
                return;
            }
            app().session().setPendingEmail(email);
            app().redirect(kCheckMailRoute.url());
        });
}

} // namespace dongelek
