// Signing in: with email and password (then a code from the authenticator app when the server
// answers totp_required), or with a phone number and the 6-digit code sent to it. Afterwards
// the user goes back to where they were (the address's `next`), else to the account page.
// It is also the page the shell sends signed-out users to (AppController::setSignInPage).
// Address: core/routes/account_routes.hpp (SignInRoute).
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/module.hpp"
#include "core/accounts.hpp"
#include "core/routes/account_routes.hpp"

#include <string>

namespace dongelek {

struct SignInState {
    unsigned visit = 0; // bumps when the form starts afresh (the screen clears its text then)
    enum class Step { Credentials, Totp, Phone, PhoneCode };
    Step step = Step::Credentials;
    std::string next; // where to go afterwards ("" = the account page)
    account::FormState form;
    std::string phone;         // the number the code went to (PhoneCode)
    double codeResendAtMs = 0; // a new SMS code may be asked for from then on
    bool unverified = false;   // 403 email_unverified: the screen offers to resend the mail
    bool verificationResent = false;
    bool signedIn = false; // done: on the way to `next`
};

class SignInModule final : public Module {
public:
    static constexpr const char* kLoginUrl = "/api/v1/auth/login";
    static constexpr const char* kPhoneCodeUrl = "/api/v1/auth/phone/code";
    static constexpr const char* kPhoneLoginUrl = "/api/v1/auth/phone/login";
    static constexpr const char* kResendUrl = "/api/v1/auth/resend-verification";
    static constexpr double kCodeResendMs = 60'000; // the server's cooldown between SMS codes

    explicit SignInModule(AppController& app);
    const SignInState& state() const { return m_state; }
    // Where a finished sign-in goes: `next`, else the account page.
    std::string destination() const;

    // [SECTION] Actions (each checks what it can before sending; problems land in state().form)
    void signIn(const std::string& email, const std::string& password);
    // The code from the authenticator app, or one of the recovery codes (`recovery`).
    void submitTotp(const std::string& code, bool recovery);
    void cancelTotp(); // back to email and password
    void resendVerification();
    void requestPhoneCode(const std::string& phone);
    void resendPhoneCode(); // once the wait after the last code is over
    void phoneSignIn(const std::string& code);
    void changePhone(); // back to the number
    void clearErrors() { m_state.form.clearErrors(); }

    // [SECTION] Module
    const char* id() const override { return "sign_in"; }
    bool claims(const AppUrl& url) const override { return SignInRoute::claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override { return Status::Ready; }
    const RequestError& error() const override { return m_noError; }
    std::string title(const Strings& s) const override;
    void retry() override {}
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override
    {
        return m_leavePending ? std::optional<double>(0.0) : std::nullopt;
    }
    void describe(nlohmann::json& state, bool current) const override;

private:
    void login(const LoginRequest& request);
    void phoneLogin(const PhoneLoginRequest& request);
    // An answer to a sign-in (password or phone code): signed in, the TOTP step, or the form's errors.
    void answered(ApiResult<AuthTokens> r, std::initializer_list<const char*> fields);
    void succeeded(const AuthTokens& tokens);

    SignInState m_state;
    std::string m_email, m_password; // kept for the second step (TOTP) only, cleared after
    std::string m_code;              // the SMS code, kept likewise when the TOTP step follows it
    bool m_totpForPhone = false;     // the TOTP step follows a phone code, not a password
    RequestError m_noError;
    bool m_leavePending = false; // signed in meanwhile: go on to the destination next frame
};

} // namespace dongelek
