// "Check your mail": the verification mail sent again on request.

#include "client/features/account/check_mail_module.hpp"

#include "client/app_controller.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

const std::string& CheckMailModule::email() const
{
    return app().session().pendingEmail();
}

void CheckMailModule::enter(const AppUrl&, Entry how)
{
    if (how != Entry::Pop) m_resend.reset();
}

void CheckMailModule::sendAgain(const std::string& email)
{
    const std::string address = email.empty() ? this->email() : email;
    m_resend.send(app().api(), address, app().shared().nowMs, [this] { return app().shared().nowMs; });
    if (!m_resend.form().hasErrors()) app().session().setPendingEmail(account::trim(address));
}

void CheckMailModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    state["checkMail"] = {{"email", email()},
                          {"resent", m_resend.sent()},
                          {"waitSeconds", m_resend.waitSeconds(app().shared().nowMs)},
                          {"error", m_resend.form().formError}};
}

} // namespace dongelek
