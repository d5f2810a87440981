// Registration screen.

#include "ui/features/account/register_screen.hpp"

#include "core/routes/account_routes.hpp"
#include "ui/features/account/account_ui.hpp"
#include "ui/widgets.hpp"

namespace dongelek::ui {

using account::FormLayout;

RegisterScreen::RegisterScreen(UiContext& ui, RegisterModule& module)
    : Screen(ui, module, "title.register_window", "screen.register"), m_module(module)
{
}

void RegisterScreen::drawContent()
{
    const Strings& s = strings();
    const RegisterState& st = m_module.state();
    const double now = shared().nowMs;
    if (st.visit != m_visit) {
        m_visit = st.visit;
        m_form.password.clear();
        m_shown = false;
        m_focused = false;
    }
    if (m_form.language.empty()) m_form.language = shared().lang;
    account::Column c;
    const bool open = account::beginPage("##register.scroll", 30, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        f.title("register.title", s.get("account.register.title"));
        f.paragraph("register.intro", s.get("account.register.intro"));
        const RegisterForm before = m_form;
        bool submit = false;

        FieldOptions email;
        email.inputType = "email";
        email.inputMode = "email";
        email.autocomplete = "username";
        email.maxChars = dongelek::account::kEmailMaxBytes;
        email.focusNow = !m_focused && !touchScreen();
        m_focused = true;
        submit |= f.field("register.email", s.get("account.field.email"), m_form.email, email,
                          st.form.fieldError("email"), s.get("account.register.email_hint"))
                      .submitted;

        FieldOptions pw;
        pw.autocomplete = "new-password";
        pw.maxChars = dongelek::account::kPasswordMaxChars;
        submit |= f.password("register.password", s.get("account.field.new_password"), m_form.password, m_shown, pw,
                             st.form.fieldError("password"),
                             m_form.password.empty() ? s.get("account.password.hint") : nullptr)
                      .submitted;
        f.strength("register.strength", m_module.strength(), m_form.password);

        FieldOptions name;
        name.autocomplete = "nickname";
        name.maxChars = dongelek::account::kDisplayNameMaxChars;
        submit |= f.field("register.name", s.get("account.field.display_name"), m_form.displayName, name,
                          st.form.fieldError("displayName"), s.get("account.register.name_hint"))
                      .submitted;

        // Role: three choices, each a radio with what it means.
        f.heading("register.role.heading", s.get("account.field.role"));
        struct Choice {
            AccountRole role;
            const char* id;
            const char* key;
        };
        const Choice choices[] = {{AccountRole::Buyer, "register.role.buyer", "buyer"},
                                  {AccountRole::Seller, "register.role.seller", "seller"},
                                  {AccountRole::Dealer, "register.role.dealer", "dealer"}};
        for (const Choice& ch : choices) {
            ImGui::SetCursorScreenPos(ImVec2(f.x(), f.y()));
            const std::string key = std::string("account.role.") + ch.key;
            if (radioOption(ch.id, s.get(key), s.get(key + ".detail"), m_form.role == ch.role, f.width()))
                m_form.role = ch.role;
            f.gap(ImGui::GetItemRectSize().y / em() + 0.5f);
        }
        if (const std::string& e = st.form.fieldError("role"); !e.empty()) f.error("register.role.error", s.get(e));

        // Language of the mails and of the app after signing in.
        f.gap(0.5f);
        ImGui::SetCursorScreenPos(ImVec2(f.x(), f.y()));
        drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(f.x(), f.y()), color::kText,
                 s.get("account.field.language"));
        f.gap(1.5f);
        ImGui::SetCursorScreenPos(ImVec2(f.x(), f.y()));
        const char* shownLanguage = m_form.language.c_str();
        for (const LanguageInfo& l : shared().languages)
            if (l.code == m_form.language) shownLanguage = l.name.c_str();
        if (beginCombo("register.language", s.get("account.field.language"), shownLanguage, f.width())) {
            for (const LanguageInfo& l : shared().languages)
                if (comboOption("register.language", l.code, l.name.c_str(), l.code == m_form.language))
                    m_form.language = l.code;
            endCombo();
        }
        f.gap(ImGui::GetFrameHeight() / em() + 1.0f);

        f.error("register.error", account::formErrorText(s, st.form, now));
        account::tickEverySecond(st.form.retryAtMs, now);
        const bool waiting = st.form.waitSeconds(now) > 0;
        if (f.primary("register.submit", s.get("account.register.submit"), !waiting, st.form.sending)) submit = true;
        if (m_form.password != before.password || m_form.email != before.email ||
            m_form.displayName != before.displayName)
            m_module.edited(m_form);
        if (submit && !waiting) m_module.submit(m_form);

        f.gap(0.5f);
        f.paragraph("register.have_account", s.get("account.register.have_account"));
        const std::string href = SignInRoute{SignInRoute::Method::Password, st.next}.url();
        if (f.link("register.sign_in", s.get("account.register.sign_in"), href)) m_ui.app.navigate(href);
        h = f.finish();
    }
    account::endPage(c, h);
}

} // namespace dongelek::ui
