// The registration screen: email, password with its strength meter, display name, role (three
// choices) and language, then "Create account"; a link to sign in instead.
#pragma once

#include "client/features/account/register_module.hpp"
#include "ui/screen.hpp"

namespace dongelek::ui {

class RegisterScreen : public Screen {
public:
    RegisterScreen(UiContext& ui, RegisterModule& module);

protected:
    void drawContent() override;

private:
    RegisterModule& m_module;
    RegisterForm m_form; // as typed (UI state)
    bool m_shown = false;
    unsigned m_visit = ~0u;
    bool m_focused = false;
};

} // namespace dongelek::ui
