// The security page's controller: password change and two-factor set-up.

#include "client/features/account/security_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

void SecurityModule::update(double nowMs)
{
    m_strength.update(app().api(), nowMs);
}

namespace {
const char* totpStepName(SecurityState::TotpStep s)
{
    switch (s) {
    case SecurityState::TotpStep::Idle:
        return "idle";
    case SecurityState::TotpStep::Setup:
        return "setup";
    case SecurityState::TotpStep::Codes:
        return "codes";
    case SecurityState::TotpStep::Disable:
        return "disable";
    }
    return "idle";
}
} // namespace

const User* SecurityModule::user() const
{
    return app().session().currentUser();
}

Status SecurityModule::status() const
{
    return user() ? Status::Ready : Status::Loading;
}

void SecurityModule::enter(const AppUrl&, Entry how)
{
    if (how == Entry::Pop && m_state.totpStep != SecurityState::TotpStep::Codes) return;
    // Recovery codes are shown once: coming back to the page does not show them again.
    const unsigned visit = m_state.visit;
    m_state = SecurityState{};
    m_state.visit = visit + 1;
    m_strength.reset();
}

void SecurityModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    state["security"] = {
        {"passwordChanged", m_state.passwordChanged},
        {"endedSessions", m_state.endedSessions},
        {"totpStep", totpStepName(m_state.totpStep)},
        {"recoveryCodes", m_state.recoveryCodes.size()},
        {"error", m_state.password.formError.empty() ? m_state.totp.formError : m_state.password.formError}};
}

// [SECTION] Password

void SecurityModule::passwordEdited(const std::string& newPassword)
{
    const User* u = user();
    m_strength.edit(newPassword, u ? u->email : "", u ? u->displayName : "", app().shared().nowMs);
}

void SecurityModule::changePassword(const std::string& currentPassword, const std::string& newPassword)
{
    account::FormState& form = m_state.password;
    if (form.sending || form.waitSeconds(app().shared().nowMs) > 0) return;
    form.clearErrors();
    m_state.passwordChanged = false;
    if (currentPassword.empty()) account::check(form, "currentPassword", account::Problem::Required);
    account::check(form, "newPassword", account::newPasswordProblem(newPassword));
    if (!form.hasErrors() && m_strength.current() && !m_strength.result().value().acceptable)
        form.fieldErrors["newPassword"] = account::serverErrorKey("weak_password");
    if (form.hasErrors()) return;
    form.sending = true;
    app().session().call<PasswordChanged>(
        HttpRequest::json("POST", kPasswordUrl, nlohmann::json(PasswordChangeRequest{currentPassword, newPassword})),
        [this](ApiResult<PasswordChanged> r) {
            account::FormState& f = m_state.password;
            f.sending = false;
            if (!r.ok) {
                account::applyFailure(f, r.error, app().shared().nowMs, {"currentPassword", "newPassword"},
                                      {{"password", "newPassword"}});
                if (r.error.is("invalid_credentials")) {
                    f.formError.clear(); // always about the current password here
                    f.fieldErrors["currentPassword"] = "account.error.current_password_wrong";
                }
                return;
            }
            m_state.passwordChanged = true;
            m_state.endedSessions = r.value.endedSessions;
            m_strength.reset();
        });
}

// [SECTION] Two-factor sign-in

void SecurityModule::startTotpSetup()
{
    m_state.totpStep = SecurityState::TotpStep::Setup;
    m_state.totp.clearErrors();
    m_state.totpChanged = false;
    const auto gen = m_state.setup.begin();
    app().session().call<TotpSetup>(HttpRequest::empty("POST", kTotpSetupUrl),
                                    [this, gen](ApiResult<TotpSetup> r) { m_state.setup.settle(gen, std::move(r)); });
}

void SecurityModule::enableTotp(const std::string& code)
{
    account::FormState& form = m_state.totp;
    if (form.sending || m_state.totpStep != SecurityState::TotpStep::Setup || !m_state.setup.has()) return;
    form.clearErrors();
    const auto digits = account::normalizeCode(code);
    if (!digits) {
        account::check(form, "code", account::codeProblem(code));
        return;
    }
    form.sending = true;
    app().session().call<RecoveryCodes>(HttpRequest::json("POST", kTotpEnableUrl, nlohmann::json(CodeRequest{*digits})),
                                        [this](ApiResult<RecoveryCodes> r) {
                                            account::FormState& f = m_state.totp;
                                            f.sending = false;
                                            if (!r.ok) {
                                                account::applyFailure(f, r.error, app().shared().nowMs, {"code"});
                                                if (r.error.kind == ErrorKind::Unauthorized ||
                                                    r.error.kind == ErrorKind::BadRequest)
                                                    if (f.fieldError("code").empty() && !f.formError.empty()) {
                                                        f.fieldErrors["code"] = f.formError; // the code was wrong
                                                        f.formError.clear();
                                                    }
                                                return;
                                            }
                                            m_state.recoveryCodes = std::move(r.value.recoveryCodes);
                                            m_state.totpStep = SecurityState::TotpStep::Codes;
                                            m_state.setup.reset(); // the secret is not kept once it is set
                                            m_state.totpChanged = true;
                                            if (const User* u = user()) {
                                                User changed = *u;
                                                changed.totpEnabled = true;
                                                app().session().userChanged(changed);
                                            }
                                        });
}

void SecurityModule::recoveryCodesSaved()
{
    m_state.recoveryCodes.clear();
    m_state.totpStep = SecurityState::TotpStep::Idle;
}

void SecurityModule::startTotpDisable()
{
    m_state.totpStep = SecurityState::TotpStep::Disable;
    m_state.totp.clearErrors();
    m_state.totpChanged = false;
}

void SecurityModule::disableTotp(const std::string& password, const std::string& code)
{
    account::FormState& form = m_state.totp;
    if (form.sending || m_state.totpStep != SecurityState::TotpStep::Disable) return;
    form.clearErrors();
    if (password.empty()) account::check(form, "password", account::Problem::Required);
    const auto digits = account::normalizeCode(code);
    if (!digits) account::check(form, "code", account::codeProblem(code));
    if (form.hasErrors()) return;
    form.sending = true;
    app().session().call<User>(
        HttpRequest::json("POST", kTotpDisableUrl, nlohmann::json(TotpDisableRequest{password, *digits})),
        [this](ApiResult<User> r) {
            account::FormState& f = m_state.totp;
            f.sending = false;
            if (!r.ok) {
                account::applyFailure(f, r.error, app().shared().nowMs, {"password", "code"});
                return;
            }
            m_state.totpStep = SecurityState::TotpStep::Idle;
            m_state.totpChanged = true;
            app().session().userChanged(r.value);
        });
}

void SecurityModule::cancelTotp()
{
    m_state.totpStep = SecurityState::TotpStep::Idle;
    m_state.totp.clearErrors();
    m_state.setup.reset();
}

} // namespace dongelek
