// "Check your mail" after registering: where the link went and a button to send it again
// (with the wait between sends). The address just registered is handed over by the session
// (Session::pendingEmail); after a reload it is gone and the screen asks for it.
// Address: /account/check-mail (core/routes/account_routes.hpp).
#pragma once

#include "client/features/account/mail_resend.hpp"
#include "client/module.hpp"
#include "core/routes/account_routes.hpp"

#include <string>

namespace dongelek {

class CheckMailModule final : public Module {
public:
    explicit CheckMailModule(AppController& app) : Module(app) {}
    const account::MailResend& resend() const { return m_resend; }
    // The address the mail went to ("" when this device does not know it).
    const std::string& email() const;

    // [SECTION] Actions
    void sendAgain(const std::string& email);

    // [SECTION] Module
    const char* id() const override { return "check_mail"; }
    bool claims(const AppUrl& url) const override { return kCheckMailRoute.claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return kCheckMailRoute.url(); }
    Status status() const override { return Status::Ready; }
    const RequestError& error() const override { return m_noError; }
    std::string title(const Strings& s) const override { return s.get("title.check_mail"); }
    void retry() override {}
    void describe(nlohmann::json& state, bool current) const override;

private:
    account::MailResend m_resend;
    RequestError m_noError;
};

} // namespace dongelek
