// Creating an account: email, password (with the strength meter), display name, role (buyer,
// private seller, dealer) and language. The server answers the same whether or not the email
// is taken (it mails that owner instead), so the next screen is always "check your mail".
// Address: core/routes/account_routes.hpp (RegisterRoute).
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/features/account/password_strength_check.hpp"
#include "client/module.hpp"
#include "core/accounts.hpp"
#include "core/routes/account_routes.hpp"

#include <string>

namespace dongelek {

struct RegisterForm {
    std::string email, password, displayName;
    AccountRole role = AccountRole::Buyer;
    std::string language; // "" = the language on screen
};

struct RegisterState {
    unsigned visit = 0; // bumps when the form starts afresh (the screen clears its text then)
    std::string next;   // carried on to the sign-in page
    account::FormState form;
};

class RegisterModule final : public Module {
public:
    static constexpr const char* kRegisterUrl = "/api/v1/auth/register";

    explicit RegisterModule(AppController& app) : Module(app) {}
    const RegisterState& state() const { return m_state; }
    const account::PasswordStrengthCheck& strength() const { return m_strength; }

    // [SECTION] Actions
    // The form as typed: feeds the strength meter (debounced).
    void edited(const RegisterForm& form);
    void submit(const RegisterForm& form);
    // The checks made before sending, as field -> locale key (tests and submit use it).
    static account::FormState validate(const RegisterForm& form);

    // [SECTION] Module
    const char* id() const override { return "register"; }
    bool claims(const AppUrl& url) const override { return RegisterRoute::claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return RegisterRoute{m_state.next}.url(); }
    Status status() const override { return Status::Ready; }
    const RequestError& error() const override { return m_noError; }
    std::string title(const Strings& s) const override { return s.get("title.register"); }
    void retry() override {}
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override { return m_strength.nextUpdateAt(); }
    void describe(nlohmann::json& state, bool current) const override;

private:
    RegisterState m_state;
    account::PasswordStrengthCheck m_strength;
    RequestError m_noError;
};

} // namespace dongelek
