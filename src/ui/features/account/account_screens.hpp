// The signed-in pages: the profile (with the phone number and signing out), security (password
// and two-factor sign-in) and the sessions list. Each has the account head with its tabs.
#pragma once

#include "client/features/account/profile_module.hpp"
#include "client/features/account/security_module.hpp"
#include "client/features/account/sessions_module.hpp"
#include "ui/screen.hpp"

#include <string>

namespace dongelek::ui {

class ProfileScreen : public Screen {
public:
    ProfileScreen(UiContext& ui, ProfileModule& module);

protected:
    void drawContent() override;

private:
    ProfileModule& m_module;
    std::string m_name, m_language, m_phone, m_code;
    unsigned m_visit = ~0u;
    std::string m_loadedFor; // the email whose profile the fields hold
};

class SecurityScreen : public Screen {
public:
    SecurityScreen(UiContext& ui, SecurityModule& module);

protected:
    void drawContent() override;

private:
    SecurityModule& m_module;
    std::string m_current, m_new, m_code, m_disablePassword;
    bool m_shownCurrent = false, m_shownNew = false, m_shownDisable = false;
    unsigned m_visit = ~0u;
    bool m_copiedSecret = false, m_copiedCodes = false;
};

class SessionsScreen : public Screen {
public:
    SessionsScreen(UiContext& ui, SessionsModule& module);

protected:
    void drawContent() override;

private:
    SessionsModule& m_module;
};

} // namespace dongelek::ui
