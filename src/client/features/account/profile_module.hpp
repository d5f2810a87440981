// The account page, /account: the profile (email, display name, language, role), the phone
// number (added or changed with a 6-digit SMS code) and signing out. Signed-in users only.
// Address: /account (core/routes/account_routes.hpp).
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/features/account/load_when_signed_in.hpp"
#include "client/module.hpp"
#include "core/accounts.hpp"
#include "core/routes/account_routes.hpp"

#include <string>

namespace dongelek {

struct ProfileState {
    unsigned visit = 0;         // bumps when the page starts afresh (the screen clears its text then)
    Remote<User> me;            // GET /me when the page opens (the session's copy is shown meanwhile)
    account::FormState profile; // display name and language
    bool profileSaved = false;
    enum class PhoneStep { Idle, Number, Code };
    PhoneStep phoneStep = PhoneStep::Idle;
    account::FormState phone;
    std::string phoneSentTo;
    double phoneResendAtMs = 0;
    bool phoneConfirmed = false;
    bool signingOut = false;
};

class ProfileModule final : public Module {
public:
    static constexpr const char* kMeUrl = "/api/v1/me";
    static constexpr const char* kPhoneUrl = "/api/v1/me/phone";
    static constexpr const char* kPhoneConfirmUrl = "/api/v1/me/phone/confirm";
    static constexpr double kCodeResendMs = 60'000;

    explicit ProfileModule(AppController& app) : Module(app) {}
    const ProfileState& state() const { return m_state; }
    // The user as the page shows it: the session's (kept up to date by every answer here).
    const User* user() const;

    // [SECTION] Actions
    void saveProfile(const std::string& displayName, const std::string& language);
    void startPhone(); // "Add phone" / "Change"
    void cancelPhone();
    void sendPhoneCode(const std::string& phone);
    void resendPhoneCode();
    void confirmPhone(const std::string& code);
    void signOut();

    // [SECTION] Module
    const char* id() const override { return "profile"; }
    bool claims(const AppUrl& url) const override { return kProfileRoute.claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return kProfileRoute.url(); }
    Status status() const override;
    const RequestError& error() const override { return m_state.me.error(); }
    std::string title(const Strings& s) const override { return s.get("title.account"); }
    void retry() override { load(); }
    bool needsAccount() const override { return true; }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void load();

    ProfileState m_state;
    LoadWhenSignedIn m_load; // entered: load once signed in and on screen
};

} // namespace dongelek
