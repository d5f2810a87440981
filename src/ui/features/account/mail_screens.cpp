// The mail screens: check your mail, verify, forgot, reset. Each is one column of the form
// layout; the links lead on to sign-in.

// [SECTION] Index
// - Check your mail
// - Verify
// - Forgot
// - Reset

#include "ui/features/account/mail_screens.hpp"

#include "core/routes/account_routes.hpp"
#include "ui/features/account/account_ui.hpp"
#include "ui/widgets.hpp"

namespace dongelek::ui {

using account::FormLayout;

namespace {
FieldOptions emailOptions()
{
    FieldOptions o;
    o.inputType = "email";
    o.inputMode = "email";
    o.autocomplete = "email";
    o.maxChars = dongelek::account::kEmailMaxBytes;
    return o;
}

// "Send again" with its countdown; returns true when pressed.
bool resendButton(FormLayout& f, const Strings& s, const char* hookId, const char* key, const char* waitKey,
                  const dongelek::account::MailResend& resend, double now)
{
    const int wait = resend.waitSeconds(now);
    account::tickEverySecond(resend.form().retryAtMs, now);
    const std::string text = wait > 0 ? s.format(waitKey, {{"count", std::to_string(wait)}}) : std::string(s.get(key));
    return f.secondary(hookId, text, wait == 0 && !resend.form().sending);
}
} // namespace

// [SECTION] Check your mail

CheckMailScreen::CheckMailScreen(UiContext& ui, CheckMailModule& module)
    : Screen(ui, module, "title.check_mail_window", "screen.check_mail"), m_module(module)
{
}

void CheckMailScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const auto& resend = m_module.resend();
    account::Column c;
    const bool open = account::beginPage("##checkmail.scroll", 28, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        f.icon(Icon::Mail, color::kAccent, color::kAccentSoft);
        f.title("checkmail.title", s.get("account.check_mail.title"));
        const std::string& email = m_module.email();
        if (!email.empty()) {
            f.paragraph("checkmail.text", s.format("account.check_mail.text", {{"email", email}}), color::kText);
        } else {
            f.paragraph("checkmail.text", s.get("account.check_mail.text_unknown"), color::kText);
        }
        f.paragraph("checkmail.spam", s.get("account.check_mail.spam"));
        bool submit = false;
        if (email.empty())
            submit = f.field("checkmail.email", s.get("account.field.email"), m_email, emailOptions(),
                             resend.form().fieldError("email"))
                         .submitted;
        if (resend.sent() > 0)
            f.notice("checkmail.sent",
                     s.format("account.check_mail.sent", {{"email", email.empty() ? m_email : email}}));
        f.error("checkmail.error", account::formErrorText(s, resend.form(), now));
        if (resendButton(f, s, "checkmail.resend", "account.check_mail.resend", "account.check_mail.resend_in", resend,
                         now))
            submit = true;
        if (submit && resend.waitSeconds(now) == 0) m_module.sendAgain(email.empty() ? m_email : email);
        const std::string signIn = SignInRoute{}.url();
        if (f.link("checkmail.sign_in", s.get("account.check_mail.sign_in"), signIn)) m_ui.app.navigate(signIn);
        h = f.finish();
    }
    account::endPage(c, h);
}

// [SECTION] Verify

VerifyScreen::VerifyScreen(UiContext& ui, VerifyModule& module)
    : Screen(ui, module, "title.verify_window", "screen.verify"), m_module(module)
{
}

void VerifyScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const VerifyState& st = m_module.state();
    if (st.visit != m_visit) {
        m_visit = st.visit;
        m_email.clear();
    }
    account::Column c;
    const bool open = account::beginPage("##verify.scroll", 28, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        const std::string signIn = SignInRoute{}.url();
        const auto newLinkForm = [&]() {
            const auto& resend = m_module.resend();
            const bool submit = f.field("verify.email", s.get("account.field.email"), m_email, emailOptions(),
                                        resend.form().fieldError("email"))
                                    .submitted;
            if (resend.sent() > 0) f.notice("verify.sent", s.format("account.check_mail.sent", {{"email", m_email}}));
            f.error("verify.error", account::formErrorText(s, resend.form(), now));
            if ((resendButton(f, s, "verify.resend", "account.verify.new_link", "account.check_mail.resend_in", resend,
                              now) ||
                 submit) &&
                resend.waitSeconds(now) == 0)
                m_module.sendNewLink(m_email);
        };
        switch (st.outcome) {
        case VerifyOutcome::Pending:
            if (st.request.status() == Status::Error) {
                f.finish();
                const ImVec2 pos = ImGui::GetCursorScreenPos();
                ImGui::SetCursorScreenPos(ImVec2(c.x, pos.y));
                if (errorPanel(s, errorMessage(s, st.request.error(), false), errorHint(s, st.request.error()),
                               ImVec2(c.width, em(20))))
                    m_ui.app.retry();
                h = em(20);
                break;
            }
            f.title("verify.title", s.get("account.verify.checking"));
            {
                const ImVec2 at(f.x() + em(1.25f), f.y() + em(1.25f));
                spinner("spinner", at, em(1.25f), now);
                f.gap(3);
            }
            break;
        case VerifyOutcome::Verified:
            f.icon(Icon::Check, IM_COL32(21, 128, 61, 255), IM_COL32(240, 253, 244, 255));
            f.title("verify.title", s.get("account.verify.done_title"));
            f.paragraph(
                "verify.text",
                s.get(m_ui.app.session().signedIn() ? "account.verify.done_signed_in" : "account.verify.done_text"),
                color::kText);
            if (m_ui.app.session().signedIn()) {
                const std::string home = kProfileRoute.url();
                if (f.link("verify.account", s.get("account.verify.to_account"), home)) m_ui.app.navigate(home);
            } else if (f.link("verify.sign_in", s.get("account.verify.sign_in"), signIn)) {
                m_ui.app.navigate(signIn);
            }
            break;
        case VerifyOutcome::Expired:
            f.icon(Icon::Alert, color::kDanger, color::kDangerSoft);
            f.title("verify.title", s.get("account.verify.expired_title"));
            f.paragraph("verify.text", s.get("account.verify.expired_text"), color::kText);
            newLinkForm();
            break;
        case VerifyOutcome::Used:
            f.icon(Icon::Check, color::kAccent, color::kAccentSoft);
            f.title("verify.title", s.get("account.verify.used_title"));
            f.paragraph("verify.text", s.get("account.verify.used_text"), color::kText);
            if (f.link("verify.sign_in", s.get("account.verify.sign_in"), signIn)) m_ui.app.navigate(signIn);
            break;
        case VerifyOutcome::Unknown:
            f.icon(Icon::Alert, color::kDanger, color::kDangerSoft);
            f.title("verify.title", s.get("account.verify.unknown_title"));
            f.paragraph("verify.text", s.get("account.verify.unknown_text"), color::kText);
            newLinkForm();
            if (f.link("verify.sign_in", s.get("account.verify.sign_in"), signIn)) m_ui.app.navigate(signIn);
            break;
        }
        if (h == 0) h = f.finish();
    }
    account::endPage(c, h);
}

// [SECTION] Forgot

ForgotScreen::ForgotScreen(UiContext& ui, ForgotModule& module)
    : Screen(ui, module, "title.forgot_window", "screen.forgot"), m_module(module)
{
}

void ForgotScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const ForgotState& st = m_module.state();
    if (st.visit != m_visit) m_visit = st.visit;
    account::Column c;
    const bool open = account::beginPage("##forgot.scroll", 28, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        f.title("forgot.title", s.get("account.forgot.title"));
        account::tickEverySecond(st.form.retryAtMs, now);
        if (!st.sentTo.empty()) {
            f.notice("forgot.sent", s.format("account.forgot.sent", {{"email", st.sentTo}}));
            f.paragraph("forgot.spam", s.get("account.check_mail.spam"));
            const int wait = st.form.waitSeconds(now);
            const std::string again = wait > 0 ? s.format("account.forgot.again_in", {{"count", std::to_string(wait)}})
                                               : std::string(s.get("account.forgot.again"));
            if (f.secondary("forgot.again", again, wait == 0)) m_module.another();
        } else {
            f.paragraph("forgot.text", s.get("account.forgot.text"));
            FieldOptions email = emailOptions();
            email.autocomplete = "username";
            email.focusNow = m_email.empty() && !touchScreen() && ImGui::IsWindowAppearing();
            bool submit =
                f.field("forgot.email", s.get("account.field.email"), m_email, email, st.form.fieldError("email"))
                    .submitted;
            f.error("forgot.error", account::formErrorText(s, st.form, now));
            const bool waiting = st.form.waitSeconds(now) > 0;
            if (f.primary("forgot.submit", s.get("account.forgot.submit"), !waiting, st.form.sending)) submit = true;
            if (submit && !waiting) m_module.request(m_email);
        }
        const std::string signIn = SignInRoute{}.url();
        if (f.link("forgot.sign_in", s.get("account.forgot.back"), signIn)) m_ui.app.navigate(signIn);
        h = f.finish();
    }
    account::endPage(c, h);
}

// [SECTION] Reset

ResetScreen::ResetScreen(UiContext& ui, ResetModule& module)
    : Screen(ui, module, "title.reset_window", "screen.reset"), m_module(module)
{
}

void ResetScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const ResetState& st = m_module.state();
    if (st.visit != m_visit || st.changed) {
        m_visit = st.visit;
        m_password.clear();
        m_shown = false;
    }
    account::Column c;
    const bool open = account::beginPage("##reset.scroll", 28, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card);
        const std::string signIn = SignInRoute{}.url();
        if (st.changed) {
            f.icon(Icon::Check, IM_COL32(21, 128, 61, 255), IM_COL32(240, 253, 244, 255));
            f.title("reset.title", s.get("account.reset.done_title"));
            f.paragraph("reset.text", s.get("account.reset.done_text"), color::kText);
            if (f.link("reset.sign_in", s.get("account.verify.sign_in"), signIn)) m_ui.app.navigate(signIn);
        } else if (!st.tokenProblem.empty()) {
            f.icon(Icon::Alert, color::kDanger, color::kDangerSoft);
            f.title("reset.title", s.get(("account.reset." + st.tokenProblem + "_title").c_str()));
            f.paragraph("reset.text", s.get("account.reset.bad_link_text"), color::kText);
            const std::string forgot = kForgotRoute.url();
            if (f.link("reset.forgot", s.get("account.reset.new_link"), forgot)) m_ui.app.navigate(forgot);
        } else {
            f.title("reset.title", s.get("account.reset.title"));
            f.paragraph("reset.text", s.get("account.reset.text"));
            FieldOptions pw;
            pw.autocomplete = "new-password";
            pw.maxChars = dongelek::account::kPasswordMaxChars;
            pw.focusNow = m_password.empty() && !touchScreen() && ImGui::IsWindowAppearing();
            const std::string before = m_password;
            bool submit = f.password("reset.password", s.get("account.field.new_password"), m_password, m_shown, pw,
                                     st.form.fieldError("password"),
                                     m_password.empty() ? s.get("account.password.hint") : nullptr)
                              .submitted;
            if (m_password != before) m_module.edited(m_password);
            f.strength("reset.strength", m_module.strength(), m_password);
            f.error("reset.error", account::formErrorText(s, st.form, now));
            account::tickEverySecond(st.form.retryAtMs, now);
            const bool waiting = st.form.waitSeconds(now) > 0;
            if (f.primary("reset.submit", s.get("account.reset.submit"), !waiting, st.form.sending)) submit = true;
            if (submit && !waiting) m_module.submit(m_password);
        }
        h = f.finish();
    }
    account::endPage(c, h);
}

} // namespace dongelek::ui
