// The link of the password-reset mail, /account/reset?token=...: a new password (with the
// strength meter) replaces the old one and ends every session; then the user signs in. A token
// the server refuses (expired, already used, unknown) is said plainly, with a way to ask for
// another link. Address: core/routes/account_routes.hpp (ResetRoute).
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/features/account/password_strength_check.hpp"
#include "client/module.hpp"
#include "core/routes/account_routes.hpp"

#include <string>

namespace dongelek {

struct ResetState {
    unsigned visit = 0; // bumps when the form starts afresh (the screen clears its text then)
    std::string token;
    account::FormState form;
    std::string tokenProblem; // "token_expired", "token_used", "token_unknown"; "" while usable
    bool changed = false;     // done: the password is the new one
};

class ResetModule final : public Module {
public:
    static constexpr const char* kConfirmUrl = "/api/v1/auth/password-reset/confirm";

    explicit ResetModule(AppController& app) : Module(app) {}
    const ResetState& state() const { return m_state; }
    const account::PasswordStrengthCheck& strength() const { return m_strength; }

    void edited(const std::string& password);
    void submit(const std::string& password);

    const char* id() const override { return "reset"; }
    bool claims(const AppUrl& url) const override { return ResetRoute::claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return ResetRoute{m_state.token}.url(); }
    Status status() const override { return Status::Ready; }
    const RequestError& error() const override { return m_noError; }
    std::string title(const Strings& s) const override { return s.get("title.reset"); }
    void retry() override {}
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override { return m_strength.nextUpdateAt(); }
    void describe(nlohmann::json& state, bool current) const override;

private:
    ResetState m_state;
    account::PasswordStrengthCheck m_strength;
    RequestError m_noError;
};

} // namespace dongelek
