// The screens around the mails: "check your mail" after registering, the verification link's
// result, "forgot your password?" and the reset link's new password.
#pragma once

#include "client/features/account/check_mail_module.hpp"
#include "client/features/account/forgot_module.hpp"
#include "client/features/account/reset_module.hpp"
#include "client/features/account/verify_module.hpp"
#include "ui/screen.hpp"

#include <string>

namespace dongelek::ui {

class CheckMailScreen : public Screen {
public:
    CheckMailScreen(UiContext& ui, CheckMailModule& module);

protected:
    void drawContent() override;

private:
    CheckMailModule& m_module;
    std::string m_email; // typed when this device does not know the address (after a reload)
};

class VerifyScreen : public Screen {
public:
    VerifyScreen(UiContext& ui, VerifyModule& module);

protected:
    void drawContent() override;

private:
    VerifyModule& m_module;
    std::string m_email; // for a new link
    unsigned m_visit = ~0u;
};

class ForgotScreen : public Screen {
public:
    ForgotScreen(UiContext& ui, ForgotModule& module);

protected:
    void drawContent() override;

private:
    ForgotModule& m_module;
    std::string m_email;
    unsigned m_visit = ~0u;
};

class ResetScreen : public Screen {
public:
    ResetScreen(UiContext& ui, ResetModule& module);

protected:
    void drawContent() override;

private:
    ResetModule& m_module;
    std::string m_password;
    bool m_shown = false;
    unsigned m_visit = ~0u;
};

} // namespace dongelek::ui
