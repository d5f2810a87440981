// The sign-in screen: email and password (then the authenticator code when asked), or a phone
// number and the code sent to it; tabs switch between the two (links), Enter sends.
#pragma once

#include "client/features/account/sign_in_module.hpp"
#include "ui/screen.hpp"

#include <string>

namespace dongelek::ui::account {
class FormLayout;
}

namespace dongelek::ui {

class SignInScreen : public Screen {
public:
    SignInScreen(UiContext& ui, SignInModule& module);

protected:
    void drawContent() override;

private:
    void drawCredentials(account::FormLayout& f);
    void drawTotp(account::FormLayout& f);
    void drawPhone(account::FormLayout& f);
    void drawPhoneCode(account::FormLayout& f);

    SignInModule& m_module;
    // What is typed (UI state); cleared whenever the form starts afresh.
    std::string m_email, m_password, m_totp, m_phone, m_code;
    bool m_shown = false;    // the password in clear
    bool m_recovery = false; // a recovery code instead of the app's
    unsigned m_visit = ~0u;
    int m_focusedStep = -1; // the step whose first field took the focus (desktops)
};

} // namespace dongelek::ui
