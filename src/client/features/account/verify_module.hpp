// The link of the verification mail, /account/verify?token=...: the token is posted once and the
// screen says how it went: confirmed, or the clear failure (expired, already used, unknown). An
// expired link offers to send a new one. A failed connection is an error with Retry.
// Address: core/routes/account_routes.hpp (VerifyRoute).
#pragma once

#include "client/features/account/mail_resend.hpp"
#include "client/module.hpp"
#include "core/accounts.hpp"
#include "core/routes/account_routes.hpp"

#include <string>

namespace dongelek {

enum class VerifyOutcome { Pending, Verified, Expired, Used, Unknown };
const char* toString(VerifyOutcome outcome);

struct VerifyState {
    unsigned visit = 0; // bumps for each new link (the screen clears its text then)
    std::string token;
    Remote<StatusReply> request;
    VerifyOutcome outcome = VerifyOutcome::Pending;
};

class VerifyModule final : public Module {
public:
    static constexpr const char* kVerifyUrl = "/api/v1/auth/verify-email";

    explicit VerifyModule(AppController& app) : Module(app) {}
    const VerifyState& state() const { return m_state; }
    const account::MailResend& resend() const { return m_resend; }
    // The answer to a verify request as the screen tells it (pure).
    static VerifyOutcome outcomeOf(const ApiResult<StatusReply>& result);

    // [SECTION] Actions
    void sendNewLink(const std::string& email);

    // [SECTION] Module
    const char* id() const override { return "verify"; }
    bool claims(const AppUrl& url) const override { return VerifyRoute::claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return VerifyRoute{m_state.token}.url(); }
    Status status() const override;
    const RequestError& error() const override { return m_state.request.error(); }
    std::string title(const Strings& s) const override { return s.get("title.verify"); }
    void retry() override { post(); }
    void describe(nlohmann::json& state, bool current) const override;

private:
    void post();

    VerifyState m_state;
    account::MailResend m_resend;
};

} // namespace dongelek
