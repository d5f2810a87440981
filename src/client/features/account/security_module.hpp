// Security settings, /account/security: changing the password (the strength meter again; other
// sessions end) and two-factor sign-in with an authenticator app: set-up with a QR code and the
// secret as text, confirmed with a code, then the recovery codes shown once; turning it off
// takes the password and a code. Signed-in users only.
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/features/account/password_strength_check.hpp"
#include "client/module.hpp"
#include "core/accounts.hpp"
#include "core/routes/account_routes.hpp"

#include <string>
#include <vector>

namespace dongelek {

struct SecurityState {
    unsigned visit = 0; // bumps when the page starts afresh (the screen clears its text then)
    account::FormState password;
    bool passwordChanged = false;
    int endedSessions = 0;
    enum class TotpStep { Idle, Setup, Codes, Disable };
    TotpStep totpStep = TotpStep::Idle;
    Remote<TotpSetup> setup;
    account::FormState totp;
    std::vector<std::string> recoveryCodes; // only between enabling and "Done"
    bool totpChanged = false;               // turned on or off on this visit
};

class SecurityModule final : public Module {
public:
    static constexpr const char* kPasswordUrl = "/api/v1/me/password";
    static constexpr const char* kTotpSetupUrl = "/api/v1/me/totp/setup";
    static constexpr const char* kTotpEnableUrl = "/api/v1/me/totp/enable";
    static constexpr const char* kTotpDisableUrl = "/api/v1/me/totp/disable";

    explicit SecurityModule(AppController& app) : Module(app) {}
    const SecurityState& state() const { return m_state; }
    const account::PasswordStrengthCheck& strength() const { return m_strength; }
    const User* user() const;

    // [SECTION] Actions
    void passwordEdited(const std::string& newPassword);
    void changePassword(const std::string& currentPassword, const std::string& newPassword);
    void startTotpSetup();
    void enableTotp(const std::string& code);
    void recoveryCodesSaved(); // "Done": the codes are not shown again
    void startTotpDisable();
    void disableTotp(const std::string& password, const std::string& code);
    void cancelTotp();

    // [SECTION] Module
    const char* id() const override { return "security"; }
    bool claims(const AppUrl& url) const override { return kSecurityRoute.claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return kSecurityRoute.url(); }
    Status status() const override;
    const RequestError& error() const override { return m_noError; }
    std::string title(const Strings& s) const override { return s.get("title.security"); }
    void retry() override {}
    bool needsAccount() const override { return true; }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override { return m_strength.nextUpdateAt(); }
    void describe(nlohmann::json& state, bool current) const override;

private:
    SecurityState m_state;
    account::PasswordStrengthCheck m_strength;
    RequestError m_noError;
};

} // namespace dongelek
