// "Forgot your password?": an email address, then the same answer whether or not it has an
// account ("if there is an account for it, a link is on its way"), with a wait before asking
// again. Address: /account/forgot (core/routes/account_routes.hpp).
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/module.hpp"
#include "core/routes/account_routes.hpp"

#include <string>

namespace dongelek {

struct ForgotState {
    unsigned visit = 0; // bumps when the form starts afresh (the screen clears its text then)
    account::FormState form;
    std::string sentTo; // "" until the request was accepted
};

class ForgotModule final : public Module {
public:
    static constexpr const char* kRequestUrl = "/api/v1/auth/password-reset/request";
    static constexpr double kCooldownMs = 60'000;

    explicit ForgotModule(AppController& app) : Module(app) {}
    const ForgotState& state() const { return m_state; }

    void request(const std::string& email);
    void another() { m_state.sentTo.clear(); } // back to the form (another address)

    const char* id() const override { return "forgot"; }
    bool claims(const AppUrl& url) const override { return kForgotRoute.claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return kForgotRoute.url(); }
    Status status() const override { return Status::Ready; }
    const RequestError& error() const override { return m_noError; }
    std::string title(const Strings& s) const override { return s.get("title.forgot"); }
    void retry() override {}
    void describe(nlohmann::json& state, bool current) const override;

private:
    ForgotState m_state;
    RequestError m_noError;
    std::uint64_t m_generation = 0;
};

} // namespace dongelek
