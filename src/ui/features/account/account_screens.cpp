// The signed-in account pages. Each: the head with the tabs, then cards (wide screens) or parts
// (phones). Loading and errors as everywhere: a spinner, or the error panel with Retry.

// [SECTION] Index
// - Shared
// - Profile
// - Security
// - Sessions

#include "ui/features/account/account_screens.hpp"

#include "client/features/account/account_text.hpp"
#include "core/routes/account_routes.hpp"
#include "core/text_format.hpp"
#include "ui/features/account/account_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <chrono>

namespace dongelek::ui {

using account::FormLayout;

namespace {

// [SECTION] Shared

// The page's state before the data: a spinner, or the error with Retry; true when it was drawn.
bool drawWaiting(UiContext& ui, const Strings& s, const Module& m, const account::Column& c, FormLayout& f, double now)
{
    if (m.status() == Status::Error) {
        const float y = f.y();
        ImGui::SetCursorScreenPos(ImVec2(c.x, y));
        if (errorPanel(s, errorMessage(s, m.error(), false), errorHint(s, m.error()), ImVec2(c.width, em(20))))
            ui.app.retry();
        f.gap(22);
        return true;
    }
    if (m.status() == Status::Loading || m.status() == Status::Idle) {
        spinner("spinner", ImVec2(c.x + c.width * 0.5f, f.y() + em(3)), em(1.25f), now);
        f.gap(6);
        return true;
    }
    return false;
}

const char* languageName(const SharedState& shared, const std::string& code)
{
    for (const LanguageInfo& l : shared.languages)
        if (l.code == code) return l.name.c_str();
    return code.c_str();
}

double epochNow()
{
    using namespace std::chrono;
    return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

} // namespace

// [SECTION] Profile

ProfileScreen::ProfileScreen(UiContext& ui, ProfileModule& module)
    : Screen(ui, module, "title.account_window", "screen.account"), m_module(module)
{
}

void ProfileScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const ProfileState& st = m_module.state();
    const User* user = m_module.user();
    if (st.visit != m_visit || (user && user->email != m_loadedFor)) {
        m_visit = st.visit;
        m_loadedFor = user ? user->email : "";
        m_name = user ? user->displayName : "";
        m_language = user && !user->language.empty() ? user->language : shared().lang;
        m_phone.clear();
        m_code.clear();
    }
    account::Column c;
    const bool open = account::beginPage("##account.scroll", 40, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card, false);
        const std::string go = account::accountHeader(f, s, user, account::AccountTab::Profile);
        if (!go.empty()) m_ui.app.navigate(go);
        if (!user || drawWaiting(m_ui, s, m_module, c, f, now)) {
            if (user == nullptr && m_module.status() == Status::Ready) drawWaiting(m_ui, s, m_module, c, f, now);
        } else {
            // Profile
            f.beginCard();
            f.heading("profile.heading", s.get("account.profile.heading"));
            f.fact("profile.email", s.get("account.field.email"), user->email,
                   s.get(user->emailVerified ? "account.profile.verified" : "account.profile.unverified"),
                   user->emailVerified);
            f.fact("profile.role", s.get("account.field.role"),
                   s.get(("account.role." + std::string(toString(user->role))).c_str()));
            FieldOptions name;
            name.autocomplete = "nickname";
            name.maxChars = dongelek::account::kDisplayNameMaxChars;
            bool save = f.field("profile.name", s.get("account.field.display_name"), m_name, name,
                                st.profile.fieldError("displayName"))
                            .submitted;
            drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(f.x(), f.y()), color::kText,
                     s.get("account.field.language"));
            f.gap(1.5f);
            ImGui::SetCursorScreenPos(ImVec2(f.x(), f.y()));
            if (beginCombo("profile.language", s.get("account.field.language"), languageName(shared(), m_language),
                           std::min(f.width(), em(18)))) {
                for (const LanguageInfo& l : shared().languages)
                    if (comboOption("profile.language", l.code, l.name.c_str(), l.code == m_language))
                        m_language = l.code;
                endCombo();
            }
            f.gap(ImGui::GetFrameHeight() / em() + 1.0f);
            if (st.profileSaved) f.notice("profile.saved", s.get("account.profile.saved"));
            f.error("profile.error", account::formErrorText(s, st.profile, now));
            f.row();
            if (f.primary("profile.save", s.get("account.profile.save"), true, st.profile.sending)) save = true;
            f.endRow();
            if (save) m_module.saveProfile(m_name, m_language);
            f.endCard();

            // Phone
            f.beginCard();
            f.heading("phone.heading", s.get("account.phone.heading"));
            if (st.phoneConfirmed) f.notice("phone.confirmed", s.get("account.phone.confirmed"));
            switch (st.phoneStep) {
            case ProfileState::PhoneStep::Idle:
                if (user->phone) {
                    f.fact("phone.number", s.get("account.field.phone"), dongelek::account::formatPhone(*user->phone),
                           s.get(user->phoneVerified ? "account.profile.verified" : "account.profile.unverified"),
                           user->phoneVerified);
                    f.paragraph("phone.text", s.get("account.phone.sign_in_with"));
                    if (f.secondary("phone.change", s.get("account.phone.change"))) m_module.startPhone();
                } else {
                    f.paragraph("phone.text", s.get("account.phone.none"));
                    if (f.secondary("phone.add", s.get("account.phone.add"))) m_module.startPhone();
                }
                break;
            case ProfileState::PhoneStep::Number: {
                FieldOptions tel;
                tel.inputType = "tel";
                tel.inputMode = "tel";
                tel.autocomplete = "tel";
                tel.maxChars = 24;
                bool send = f.field("phone.input", s.get("account.field.phone"), m_phone, tel,
                                    st.phone.fieldError("phone"), s.get("account.field.phone_hint"))
                                .submitted;
                f.error("phone.error", account::formErrorText(s, st.phone, now));
                f.row();
                if (f.primary("phone.send", s.get("account.sign_in.send_code"), true, st.phone.sending)) send = true;
                if (f.secondary("phone.cancel", s.get("account.common.cancel"))) m_module.cancelPhone();
                f.endRow();
                if (send) m_module.sendPhoneCode(m_phone);
                break;
            }
            case ProfileState::PhoneStep::Code: {
                f.paragraph("phone.sent", s.format("account.sign_in.code_sent",
                                                   {{"phone", dongelek::account::formatPhone(st.phoneSentTo)}}));
                FieldOptions code;
                code.autocomplete = "one-time-code";
                code.inputMode = "numeric";
                code.maxChars = 7;
                bool confirm =
                    f.field("phone.code", s.get("account.field.code"), m_code, code, st.phone.fieldError("code"))
                        .submitted;
                f.error("phone.error", account::formErrorText(s, st.phone, now));
                f.row();
                if (f.primary("phone.confirm", s.get("account.phone.confirm"), true, st.phone.sending)) confirm = true;
                const int wait =
                    st.phoneResendAtMs > now ? static_cast<int>((st.phoneResendAtMs - now + 999) / 1000) : 0;
                account::tickEverySecond(st.phoneResendAtMs, now);
                const std::string resend = wait > 0
                                               ? s.format("account.code.resend_in", {{"count", std::to_string(wait)}})
                                               : std::string(s.get("account.code.resend"));
                if (f.secondary("phone.resend", resend, wait == 0 && !st.phone.sending)) m_module.resendPhoneCode();
                if (f.secondary("phone.cancel", s.get("account.common.cancel"))) m_module.cancelPhone();
                f.endRow();
                if (confirm) m_module.confirmPhone(m_code);
                break;
            }
            }
            f.endCard();

            // Sign out
            f.beginCard();
            f.heading("signout.heading", s.get("account.sign_out.heading"));
            f.paragraph("signout.text", s.get("account.sign_out.text"));
            if (f.secondary("account.sign_out", s.get("account.sign_out.button"), !st.signingOut)) m_module.signOut();
            f.endCard();
        }
        h = f.finish();
    }
    account::endPage(c, h);
}

// [SECTION] Security

SecurityScreen::SecurityScreen(UiContext& ui, SecurityModule& module)
    : Screen(ui, module, "title.security_window", "screen.security"), m_module(module)
{
}

void SecurityScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const SecurityState& st = m_module.state();
    const User* user = m_module.user();
    if (st.visit != m_visit) {
        m_visit = st.visit;
        m_current.clear();
        m_new.clear();
        m_code.clear();
        m_disablePassword.clear();
        m_shownCurrent = m_shownNew = m_shownDisable = false;
        m_copiedSecret = m_copiedCodes = false;
    }
    if (st.passwordChanged && (!m_current.empty() || !m_new.empty())) {
        m_current.clear();
        m_new.clear();
    }
    account::Column c;
    const bool open = account::beginPage("##security.scroll", 40, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card, false);
        const std::string go = account::accountHeader(f, s, user, account::AccountTab::Security);
        if (!go.empty()) m_ui.app.navigate(go);
        if (user && !drawWaiting(m_ui, s, m_module, c, f, now)) {
            // Password
            f.beginCard();
            f.heading("password.heading", s.get("account.password.heading"));
            // The account's name for password managers, which save the new password under it.
            FieldOptions current;
            current.autocomplete = "current-password";
            current.maxChars = dongelek::account::kPasswordMaxChars;
            bool change = f.password("password.current", s.get("account.field.current_password"), m_current,
                                     m_shownCurrent, current, st.password.fieldError("currentPassword"))
                              .submitted;
            FieldOptions next;
            next.autocomplete = "new-password";
            next.maxChars = dongelek::account::kPasswordMaxChars;
            const std::string before = m_new;
            change |= f.password("password.new", s.get("account.field.new_password"), m_new, m_shownNew, next,
                                 st.password.fieldError("newPassword"),
                                 m_new.empty() ? s.get("account.password.hint") : nullptr)
                          .submitted;
            if (m_new != before) m_module.passwordEdited(m_new);
            f.strength("password.strength", m_module.strength(), m_new);
            if (st.passwordChanged)
                f.notice("password.changed", formatCount(s, "account.password.changed", st.endedSessions));
            f.error("password.error", account::formErrorText(s, st.password, now));
            account::tickEverySecond(st.password.retryAtMs, now);
            f.row();
            if (f.primary("password.submit", s.get("account.password.submit"), st.password.waitSeconds(now) == 0,
                          st.password.sending))
                change = true;
            f.endRow();
            if (change) m_module.changePassword(m_current, m_new);
            f.endCard();

            // Two-step verification
            f.beginCard();
            f.heading("totp.heading", s.get("account.totp.heading"));
            switch (st.totpStep) {
            case SecurityState::TotpStep::Idle:
                if (st.totpChanged)
                    f.notice("totp.changed",
                             s.get(user->totpEnabled ? "account.totp.turned_on" : "account.totp.turned_off"));
                f.fact("totp.state", s.get("account.totp.state"),
                       s.get(user->totpEnabled ? "account.totp.on" : "account.totp.off"));
                f.paragraph("totp.text", s.get(user->totpEnabled ? "account.totp.on_text" : "account.totp.off_text"));
                if (user->totpEnabled) {
                    if (f.secondary("totp.disable", s.get("account.totp.turn_off"))) m_module.startTotpDisable();
                } else if (f.secondary("totp.setup", s.get("account.totp.set_up"))) {
                    m_code.clear();
                    m_copiedSecret = false;
                    m_module.startTotpSetup();
                }
                break;
            case SecurityState::TotpStep::Setup: {
                if (!st.setup.has()) {
                    if (st.setup.status() == Status::Error) {
                        f.error("totp.error", errorMessage(s, st.setup.error(), false));
                        if (f.secondary("totp.retry", s.get("common.retry"))) m_module.startTotpSetup();
                    } else {
                        spinner("spinner", ImVec2(f.x() + em(1.25f), f.y() + em(1.25f)), em(1.0f), now);
                        f.gap(3);
                    }
                    if (f.secondary("totp.cancel", s.get("account.common.cancel"))) m_module.cancelTotp();
                    break;
                }
                const TotpSetup& setup = st.setup.value();
                f.paragraph("totp.step1", s.get("account.totp.step_scan"), color::kText);
                f.qr("totp.qr", setup.qr, s.get("account.totp.qr_label"));
                f.paragraph("totp.key_label", s.get("account.totp.step_key"));
                f.selectable("totp.secret", dongelek::account::groupSecret(setup.secret));
                if (f.secondary("totp.copy",
                                s.get(m_copiedSecret ? "listing.seller.copied" : "account.totp.copy_key"))) {
                    ImGui::SetClipboardText(setup.secret.c_str());
                    m_copiedSecret = true;
                }
                f.paragraph("totp.step2", s.get("account.totp.step_code"), color::kText);
                FieldOptions code;
                code.autocomplete = "one-time-code";
                code.inputMode = "numeric";
                code.maxChars = 7;
                bool enable =
                    f.field("totp.code", s.get("account.field.code"), m_code, code, st.totp.fieldError("code"))
                        .submitted;
                f.error("totp.error", account::formErrorText(s, st.totp, now));
                f.row();
                if (f.primary("totp.enable", s.get("account.totp.turn_on"), true, st.totp.sending)) enable = true;
                if (f.secondary("totp.cancel", s.get("account.common.cancel"))) m_module.cancelTotp();
                f.endRow();
                if (enable) m_module.enableTotp(m_code);
                break;
            }
            case SecurityState::TotpStep::Codes: {
                f.notice("totp.changed", s.get("account.totp.turned_on"));
                f.heading("totp.codes.heading", s.get("account.totp.codes_heading"));
                f.paragraph("totp.codes.text", s.get("account.totp.codes_text"), color::kText);
                std::string all;
                for (const std::string& code : st.recoveryCodes)
                    all += (all.empty() ? "" : "\n") + code;
                f.selectable("totp.codes", all, Font::Bold);
                f.row();
                if (f.secondary("totp.codes.copy",
                                s.get(m_copiedCodes ? "listing.seller.copied" : "account.totp.copy_codes"))) {
                    ImGui::SetClipboardText(all.c_str());
                    m_copiedCodes = true;
                }
                if (f.primary("totp.codes.done", s.get("account.totp.codes_done"))) m_module.recoveryCodesSaved();
                f.endRow();
                break;
            }
            case SecurityState::TotpStep::Disable: {
                f.paragraph("totp.disable.text", s.get("account.totp.disable_text"));
                FieldOptions pw;
                pw.autocomplete = "current-password";
                pw.maxChars = dongelek::account::kPasswordMaxChars;
                bool off = f.password("totp.disable.password", s.get("account.field.password"), m_disablePassword,
                                      m_shownDisable, pw, st.totp.fieldError("password"))
                               .submitted;
                FieldOptions code;
                code.autocomplete = "one-time-code";
                code.inputMode = "numeric";
                code.maxChars = 7;
                off |=
                    f.field("totp.disable.code", s.get("account.field.code"), m_code, code, st.totp.fieldError("code"))
                        .submitted;
                f.error("totp.error", account::formErrorText(s, st.totp, now));
                f.row();
                if (f.primary("totp.disable.submit", s.get("account.totp.turn_off"), true, st.totp.sending)) off = true;
                if (f.secondary("totp.cancel", s.get("account.common.cancel"))) m_module.cancelTotp();
                f.endRow();
                if (off) m_module.disableTotp(m_disablePassword, m_code);
                break;
            }
            }
            f.endCard();
        }
        h = f.finish();
    }
    account::endPage(c, h);
}

// [SECTION] Sessions

SessionsScreen::SessionsScreen(UiContext& ui, SessionsModule& module)
    : Screen(ui, module, "title.sessions_window", "screen.sessions"), m_module(module)
{
}

void SessionsScreen::drawContent()
{
    const Strings& s = strings();
    const double now = shared().nowMs;
    const SessionsState& st = m_module.state();
    const auto& user = m_ui.app.session().user();
    account::Column c;
    const bool open = account::beginPage("##sessions.scroll", 40, c);
    float h = 0;
    if (open) {
        FormLayout f(s, c.x, c.width, c.card, false);
        const std::string go = account::accountHeader(f, s, user ? &*user : nullptr, account::AccountTab::Sessions);
        if (!go.empty()) m_ui.app.navigate(go);
        if (!st.list.has() && drawWaiting(m_ui, s, m_module, c, f, now)) {
            // spinner or error drawn
        } else if (st.list.has()) {
            const SessionList& list = st.list.value();
            f.beginCard();
            f.heading("sessions.heading",
                      formatCount(s, "account.sessions.count", static_cast<std::int64_t>(list.sessions.size())));
            f.paragraph("sessions.text", s.get("account.sessions.text"));
            if (st.endedOne) f.notice("sessions.ended_one", s.get("account.sessions.ended_one"));
            if (st.endedOthers >= 0)
                f.notice("sessions.ended", formatCount(s, "account.sessions.ended", st.endedOthers));
            f.error("sessions.error", account::formErrorText(s, st.form, now));
            const double nowS = epochNow();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            for (const SessionInfo& info : list.sessions) {
                const std::string id = std::to_string(info.id);
                ImGui::PushID(id.c_str());
                const float top = f.y();
                const bool wide = f.width() > em(26);
                const float textW = wide ? f.width() - em(7) : f.width();
                std::string device =
                    info.device.empty() ? std::string(s.get("account.sessions.unknown_device")) : info.device;
                const std::string rowId = "session:" + id;
                // Device, "this device", where and when.
                std::string where = info.ip;
                const std::string seen =
                    info.current ? std::string(s.get("account.sessions.active_now"))
                                 : s.format("account.sessions.last_seen",
                                            {{"when", dongelek::account::formatAgo(s, nowS, info.lastSeenAt)}});
                if (!seen.empty()) where += (where.empty() ? "" : " \xC2\xB7 ") + seen;
                const std::string since = s.format("account.sessions.signed_in",
                                                   {{"date", dongelek::account::formatAgo(s, nowS, info.createdAt)}});
                drawText(dl, Font::Bold, ImVec2(f.x(), top), color::kText,
                         ellipsize(Font::Bold, device, textW - em(7)));
                float y = top + em(1.5f);
                if (info.current)
                    chip(dl, ImVec2(f.x() + std::min(textSize(Font::Bold, device).x, textW - em(7)) + em(0.625f), top),
                         s.get("account.sessions.this_device"), color::kAccentSoft, color::kAccent);
                drawText(dl, Font::Small, ImVec2(f.x(), y), color::kTextMuted, where, textW);
                y += textSize(Font::Small, where, textW).y + em(0.25f);
                drawText(dl, Font::Small, ImVec2(f.x(), y), color::kTextMuted, since, textW);
                y += textSize(Font::Small, since, textW).y;
                ItemInfo rowInfo;
                rowInfo.role = Role::Text;
                rowInfo.detail = where + ", " + since;
                const std::string label =
                    info.current ? device + " (" + s.get("account.sessions.this_device") + ")" : device;
                hookRect(rowId, label, ImVec2(f.x(), top), ImVec2(f.x() + textW, y), nullptr, rowInfo);
                float rowBottom = y;
                if (!info.current) {
                    ButtonOptions o;
                    o.kind = ButtonKind::Secondary;
                    o.size = ImVec2(0, tapSize(em(2.25f)));
                    o.enabled = st.ending == 0 && !st.form.sending;
                    o.name = s.format("account.sessions.end_named", {{"device", device}});
                    const char* text = s.get(st.ending == info.id ? "account.sessions.ending" : "account.sessions.end");
                    const float bw = buttonWidth(text, o);
                    const float bx = wide ? f.x() + f.width() - bw : f.x();
                    const float by = wide ? top : y + em(0.625f);
                    ImGui::SetCursorScreenPos(ImVec2(bx, by));
                    const std::string endId = "session.end:" + id;
                    if (button(endId.c_str(), text, o)) m_module.endSession(info.id);
                    rowBottom = std::max(rowBottom, by + o.size.y);
                }
                f.gap((rowBottom - top) / em() + 0.75f);
                dl->AddLine(ImVec2(f.x(), f.y() - em(0.375f)), ImVec2(f.x() + f.width(), f.y() - em(0.375f)),
                            col(color::kBorder));
                f.gap(0.5f);
                ImGui::PopID();
            }
            const bool others = list.sessions.size() > 1;
            f.row();
            if (f.secondary("sessions.end_others", s.get("account.sessions.end_others"), others && !st.form.sending))
                m_module.endOthers();
            if (f.secondary("sessions.sign_out_all", s.get("account.sessions.sign_out_everywhere"),
                            !st.form.sending && !st.signingOutEverywhere))
                m_module.signOutEverywhere();
            f.endRow();
            f.endCard();
        }
        h = f.finish();
    }
    account::endPage(c, h);
}

} // namespace dongelek::ui
