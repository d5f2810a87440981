// Sign-in screen. One column: the method tabs, then the step's fields and buttons, then the way
// to register. The first field takes the focus on desktops (phones open their keyboard only
// when the field is tapped).

#include "ui/features/account/sign_in_screen.hpp"

#include "core/routes/account_routes.hpp"
#include "ui/features/account/account_ui.hpp"
#include "ui/widgets.hpp"

namespace dongelek::ui {

using account::FormLayout;

SignInScreen::SignInScreen(UiContext& ui, SignInModule& module)
    : Screen(ui, module, "title.sign_in_window", "screen.sign_in"), m_module(module)
{
}

void SignInScreen::drawContent()
{
    const Strings& s = strings();
    const SignInState& st = m_module.state();
    if (st.visit != m_visit || st.signedIn) {
        m_visit = st.visit;
        m_password.clear();
        m_totp.clear();
        m_code.clear();
        m_shown = false;
        m_recovery = false;
        m_focusedStep = -1;
        if (st.signedIn) m_email.clear();
    }
    account::Column c;
    const bool open = account::beginPage("##signin.scroll", 28, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        f.title("signin.title", s.get("account.sign_in.title"));
        const bool phone = st.step == SignInState::Step::Phone || st.step == SignInState::Step::PhoneCode;
        if (st.step != SignInState::Step::Totp) {
            SignInRoute password{SignInRoute::Method::Password, st.next}, byPhone{SignInRoute::Method::Phone, st.next};
            const std::string go =
                f.tabs({{"signin.method.password", s.get("account.sign_in.with_password"), password.url(), !phone},
                        {"signin.method.phone", s.get("account.sign_in.with_phone"), byPhone.url(), phone}});
            if (!go.empty()) m_ui.app.navigate(go);
        }
        switch (st.step) {
        case SignInState::Step::Credentials:
            drawCredentials(f);
            break;
        case SignInState::Step::Totp:
            drawTotp(f);
            break;
        case SignInState::Step::Phone:
            drawPhone(f);
            break;
        case SignInState::Step::PhoneCode:
            drawPhoneCode(f);
            break;
        }
        if (st.step != SignInState::Step::Totp) {
            f.gap(0.5f);
            f.paragraph("signin.new", s.get("account.sign_in.new_here"));
            const std::string href = RegisterRoute{st.next}.url();
            if (f.link("signin.register", s.get("account.sign_in.create_account"), href)) m_ui.app.navigate(href);
        }
        h = f.finish();
    }
    account::endPage(c, h);
}

void SignInScreen::drawCredentials(FormLayout& f)
{
    const Strings& s = strings();
    const SignInState& st = m_module.state();
    const double now = shared().nowMs;
    const bool focus = m_focusedStep != static_cast<int>(st.step) && !touchScreen();
    m_focusedStep = static_cast<int>(st.step);
    FieldOptions email;
    email.inputType = "email";
    email.inputMode = "email";
    email.autocomplete = "username";
    email.maxChars = dongelek::account::kEmailMaxBytes;
    email.focusNow = focus && m_email.empty();
    bool submit =
        f.field("signin.email", s.get("account.field.email"), m_email, email, st.form.fieldError("email")).submitted;
    FieldOptions pw;
    pw.autocomplete = "current-password";
    pw.maxChars = dongelek::account::kPasswordMaxChars;
    pw.focusNow = focus && !m_email.empty();
    submit = f.password("signin.password", s.get("account.field.password"), m_password, m_shown, pw,
                        st.form.fieldError("password"))
                 .submitted ||
             submit;
    const std::string forgot = kForgotRoute.url();
    if (f.link("signin.forgot", s.get("account.sign_in.forgot"), forgot)) m_ui.app.navigate(forgot);
    f.gap(0.5f);
    f.error("signin.error", account::formErrorText(s, st.form, now));
    account::tickEverySecond(st.form.retryAtMs, now);
    if (st.unverified) {
        if (st.verificationResent)
            f.notice("signin.resent", s.format("account.sign_in.resent", {{"email", m_email}}));
        else if (f.secondary("signin.resend", s.get("account.sign_in.resend"), !st.form.sending))
            m_module.resendVerification();
    }
    const bool waiting = st.form.waitSeconds(now) > 0;
    if (f.primary("signin.submit", s.get("account.sign_in.submit"), !waiting, st.form.sending)) submit = true;
    if (submit && !waiting) m_module.signIn(m_email, m_password);
}

void SignInScreen::drawTotp(FormLayout& f)
{
    const Strings& s = strings();
    const SignInState& st = m_module.state();
    const double now = shared().nowMs;
    const bool focus = m_focusedStep != static_cast<int>(st.step) && !touchScreen();
    m_focusedStep = static_cast<int>(st.step);
    f.heading("signin.totp.heading", s.get("account.totp.sign_in_heading"));
    f.paragraph("signin.totp.text", s.get(m_recovery ? "account.totp.recovery_text" : "account.totp.sign_in_text"));
    FieldOptions code;
    code.focusNow = focus;
    code.autocomplete = m_recovery ? "off" : "one-time-code";
    code.inputMode = m_recovery ? "" : "numeric";
    code.maxChars = m_recovery ? dongelek::account::kRecoveryCodeMaxChars : 7;
    bool submit = f.field("signin.totp", s.get(m_recovery ? "account.field.recovery_code" : "account.field.code"),
                          m_totp, code, st.form.fieldError("totp"))
                      .submitted;
    if (f.textButton("signin.totp.recovery",
                     s.get(m_recovery ? "account.totp.use_app" : "account.totp.use_recovery"))) {
        m_recovery = !m_recovery;
        m_totp.clear();
        m_module.clearErrors();
    }
    f.gap(0.5f);
    f.error("signin.error", account::formErrorText(s, st.form, now));
    account::tickEverySecond(st.form.retryAtMs, now);
    const bool waiting = st.form.waitSeconds(now) > 0;
    if (f.primary("signin.totp.submit", s.get("account.totp.confirm"), !waiting, st.form.sending)) submit = true;
    if (submit && !waiting) m_module.submitTotp(m_totp, m_recovery);
    if (f.secondary("signin.totp.back", s.get("account.common.back"))) {
        m_password.clear();
        m_module.cancelTotp();
    }
}

void SignInScreen::drawPhone(FormLayout& f)
{
    const Strings& s = strings();
    const SignInState& st = m_module.state();
    const double now = shared().nowMs;
    const bool focus = m_focusedStep != static_cast<int>(st.step) && !touchScreen();
    m_focusedStep = static_cast<int>(st.step);
    f.paragraph("signin.phone.text", s.get("account.sign_in.phone_text"));
    FieldOptions tel;
    tel.inputType = "tel";
    tel.inputMode = "tel";
    tel.autocomplete = "tel";
    tel.maxChars = 24;
    tel.focusNow = focus;
    bool submit = f.field("signin.phone", s.get("account.field.phone"), m_phone, tel, st.form.fieldError("phone"),
                          s.get("account.field.phone_hint"))
                      .submitted;
    f.error("signin.error", account::formErrorText(s, st.form, now));
    account::tickEverySecond(st.form.retryAtMs, now);
    const bool waiting = st.form.waitSeconds(now) > 0;
    if (f.primary("signin.phone.submit", s.get("account.sign_in.send_code"), !waiting, st.form.sending)) submit = true;
    if (submit && !waiting) m_module.requestPhoneCode(m_phone);
}

void SignInScreen::drawPhoneCode(FormLayout& f)
{
    const Strings& s = strings();
    const SignInState& st = m_module.state();
    const double now = shared().nowMs;
    const bool focus = m_focusedStep != static_cast<int>(st.step) && !touchScreen();
    m_focusedStep = static_cast<int>(st.step);
    f.paragraph("signin.code.text", s.format("account.sign_in.code_sent", {{"phone", st.phone}}));
    FieldOptions code;
    code.autocomplete = "one-time-code";
    code.inputMode = "numeric";
    code.maxChars = 7;
    code.focusNow = focus;
    bool submit =
        f.field("signin.code", s.get("account.field.code"), m_code, code, st.form.fieldError("code")).submitted;
    f.error("signin.error", account::formErrorText(s, st.form, now));
    account::tickEverySecond(st.form.retryAtMs, now);
    const bool waiting = st.form.waitSeconds(now) > 0;
    if (f.primary("signin.code.submit", s.get("account.sign_in.submit"), !waiting, st.form.sending)) submit = true;
    if (submit && !waiting) m_module.phoneSignIn(m_code);
    f.row();
    const int resendIn = st.codeResendAtMs > now ? static_cast<int>((st.codeResendAtMs - now + 999) / 1000) : 0;
    account::tickEverySecond(st.codeResendAtMs, now);
    const std::string resend = resendIn > 0 ? s.format("account.code.resend_in", {{"count", std::to_string(resendIn)}})
                                            : std::string(s.get("account.code.resend"));
    if (f.secondary("signin.code.resend", resend, resendIn == 0 && !st.form.sending)) m_module.resendPhoneCode();
    if (f.secondary("signin.code.change", s.get("account.code.change_number"))) {
        m_code.clear();
        m_module.changePhone();
    }
    f.endRow();
}

} // namespace dongelek::ui
