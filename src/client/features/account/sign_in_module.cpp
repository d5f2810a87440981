// The sign-in controller: password sign-in with its TOTP step, phone-code sign-in, and the way
// back to where the user was.

#include "client/features/account/sign_in_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

namespace {
const char* stepName(SignInState::Step s)
{
    switch (s) {
    case SignInState::Step::Credentials:
        return "credentials";
    case SignInState::Step::Totp:
        return "totp";
    case SignInState::Step::Phone:
        return "phone";
    case SignInState::Step::PhoneCode:
        return "phone_code";
    }
    return "credentials";
}
} // namespace

SignInModule::SignInModule(AppController& app) : Module(app)
{
    app.setSignInPage([](const std::string& next) {
        SignInRoute r;
        r.next = safeReturnPath(next);
        return r.url();
    });
    // Signed in by something else while this page shows (the start-up refresh found a session,
    // another screen signed in): nothing to do here.
    app.session().subscribe([this] {
        if (this->app().session().signedIn() && !m_state.signedIn) m_leavePending = true;
    });
}

std::string SignInModule::destination() const
{
    return m_state.next.empty() ? kProfileRoute.url() : m_state.next;
}

std::string SignInModule::title(const Strings& s) const
{
    return s.get("title.sign_in");
}

std::string SignInModule::url() const
{
    SignInRoute r;
    const bool phone = m_state.step == SignInState::Step::Phone || m_state.step == SignInState::Step::PhoneCode ||
                       (m_state.step == SignInState::Step::Totp && m_totpForPhone);
    r.method = phone ? SignInRoute::Method::Phone : SignInRoute::Method::Password;
    r.next = m_state.next;
    return r.url();
}

void SignInModule::enter(const AppUrl& url, Entry how)
{
    const SignInRoute route = SignInRoute::parse(url);
    const bool phone = route.method == SignInRoute::Method::Phone;
    const bool samePhoneSide =
        phone == (m_state.step == SignInState::Step::Phone || m_state.step == SignInState::Step::PhoneCode);
    m_state.next = route.next;
    // Back/Forward to the same form keeps where it was (a code already sent stays sent).
    if (how != Entry::Pop || !samePhoneSide || m_state.signedIn) {
        const double resendAt = m_state.codeResendAtMs;
        const std::string sentTo = m_state.phone;
        const unsigned visit = m_state.visit;
        m_state = SignInState{};
        m_state.visit = visit + 1;
        m_state.next = route.next;
        m_state.step = phone ? SignInState::Step::Phone : SignInState::Step::Credentials;
        m_state.codeResendAtMs = resendAt;
        m_state.phone = sentTo;
        m_email.clear();
        m_password.clear();
        m_code.clear();
        m_totpForPhone = false;
    }
    m_leavePending = app().session().signedIn();
}

void SignInModule::update(double)
{
    if (!m_leavePending) return;
    m_leavePending = false;
    // Deferred to here: entering happens inside the shell's navigation, which must finish first.
    if (app().isCurrent(*this) && app().session().signedIn() && !m_state.signedIn) app().returnTo(destination());
}

void SignInModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    state["signIn"] = {{"step", stepName(m_state.step)},
                       {"sending", m_state.form.sending},
                       {"error", m_state.form.formError},
                       {"next", m_state.next}};
}

// [SECTION] Password and TOTP

void SignInModule::signIn(const std::string& email, const std::string& password)
{
    SignInState& st = m_state;
    if (st.form.sending) return;
    st.form.clearErrors();
    st.unverified = false;
    st.verificationResent = false;
    const std::string mail = account::trim(email);
    account::check(st.form, "email", account::emailProblem(mail));
    if (password.empty()) account::check(st.form, "password", account::Problem::Required);
    if (st.form.hasErrors()) return;
    m_email = mail;
    m_password = password;
    LoginRequest request;
    request.email = mail;
    request.password = password;
    login(request);
}

void SignInModule::submitTotp(const std::string& code, bool recovery)
{
    SignInState& st = m_state;
    if (st.form.sending || st.step != SignInState::Step::Totp) return;
    st.form.clearErrors();
    const auto normalized = recovery ? account::normalizeRecoveryCode(code) : account::normalizeCode(code);
    if (!normalized) {
        account::check(st.form, "totp",
                       account::trim(code).empty() ? account::Problem::Required : account::Problem::Invalid);
        return;
    }
    if (m_totpForPhone) {
        phoneLogin(PhoneLoginRequest{st.phone, m_code, *normalized});
        return;
    }
    LoginRequest request;
    request.email = m_email;
    request.password = m_password;
    request.totp = *normalized;
    login(request);
}

void SignInModule::cancelTotp()
{
    m_state.step = m_totpForPhone ? SignInState::Step::PhoneCode : SignInState::Step::Credentials;
    m_state.form.clearErrors();
    m_password.clear();
    m_code.clear();
}

void SignInModule::login(const LoginRequest& request)
{
    m_state.form.sending = true;
    m_totpForPhone = false;
    app().api().send<AuthTokens>(HttpRequest::json("POST", kLoginUrl, nlohmann::json(request)),
                                 [this](ApiResult<AuthTokens> r) {
                                     answered(std::move(r), {"email", "password", "totp"});
                                 });
}

void SignInModule::phoneLogin(const PhoneLoginRequest& request)
{
    m_state.form.sending = true;
    m_totpForPhone = true;
    m_code = request.code;
    app().api().send<AuthTokens>(HttpRequest::json("POST", kPhoneLoginUrl, nlohmann::json(request)),
                                 [this](ApiResult<AuthTokens> r) {
                                     answered(std::move(r), {"code", "totp"});
                                 });
}

void SignInModule::answered(ApiResult<AuthTokens> r, std::initializer_list<const char*> fields)
{
    SignInState& st = m_state;
    st.form.sending = false;
    if (r.ok) {
        succeeded(r.value);
        return;
    }
    const RequestError& e = r.error;
    if (e.is("totp_required")) {
        st.step = SignInState::Step::Totp; // the password (or SMS code) was right: now the app's code
        st.form.clearErrors();
        return;
    }
    if (e.is("email_unverified") || e.is("invalid_credentials")) {
        // About the account, whichever field the server names: the form's message (an
        // unverified address gets the button to send the mail again beside it).
        st.unverified = e.is("email_unverified");
        st.form.fieldErrors.clear();
        st.form.formError = account::serverErrorKey(e.api.code);
        return;
    }
    if (e.is("totp_invalid")) {
        st.form.fieldErrors["totp"] = account::serverErrorKey("totp_invalid");
        return;
    }
    if (e.is("code_invalid") && st.step == SignInState::Step::Totp) {
        // The SMS code ran out while the app's code was asked for: back to the SMS code.
        st.step = SignInState::Step::PhoneCode;
        st.form.clearErrors();
        st.form.fieldErrors["code"] = account::serverErrorKey("code_invalid");
        return;
    }
    account::applyFailure(st.form, e, app().shared().nowMs, fields);
    if (e.is("code_invalid") && st.form.formError == account::serverErrorKey("code_invalid")) {
        st.form.formError.clear(); // it may name no field, but it is about the code
        st.form.fieldErrors["code"] = account::serverErrorKey("code_invalid");
    }
}

void SignInModule::succeeded(const AuthTokens& tokens)
{
    m_state.signedIn = true;
    m_email.clear();
    m_password.clear();
    m_code.clear();
    app().session().signedInWith(tokens);
    app().returnTo(destination());
}

void SignInModule::resendVerification()
{
    SignInState& st = m_state;
    if (st.form.sending || m_email.empty()) return;
    st.form.sending = true;
    app().api().send<StatusReply>(HttpRequest::json("POST", kResendUrl, nlohmann::json(EmailRequest{m_email})),
                                  [this](ApiResult<StatusReply> r) {
                                      SignInState& s = m_state;
                                      s.form.sending = false;
                                      if (r.ok) {
                                          s.verificationResent = true;
                                          s.form.clearErrors();
                                          return;
                                      }
                                      account::applyFailure(s.form, r.error, app().shared().nowMs, {});
                                  });
}

// [SECTION] Phone code

void SignInModule::requestPhoneCode(const std::string& phone)
{
    SignInState& st = m_state;
    if (st.form.sending) return;
    st.form.clearErrors();
    const auto normalized = account::normalizePhone(phone);
    if (!normalized) {
        account::check(st.form, "phone", account::phoneProblem(phone));
        return;
    }
    const double now = app().shared().nowMs;
    if (*normalized == st.phone && now < st.codeResendAtMs) {
        st.step = SignInState::Step::PhoneCode; // a code went to this number a moment ago
        return;
    }
    st.form.sending = true;
    const std::string number = *normalized;
    app().api().send<StatusReply>(HttpRequest::json("POST", kPhoneCodeUrl, nlohmann::json(PhoneCodeRequest{number})),
                                  [this, number](ApiResult<StatusReply> r) {
                                      SignInState& s = m_state;
                                      s.form.sending = false;
                                      if (r.ok) {
                                          s.step = SignInState::Step::PhoneCode;
                                          s.phone = number;
                                          s.codeResendAtMs = app().shared().nowMs + kCodeResendMs;
                                          return;
                                      }
                                      account::applyFailure(s.form, r.error, app().shared().nowMs, {"phone"});
                                  });
}

void SignInModule::resendPhoneCode()
{
    if (app().shared().nowMs < m_state.codeResendAtMs) return;
    const std::string number = m_state.phone;
    m_state.phone.clear(); // so requestPhoneCode sends again
    requestPhoneCode(number);
}

void SignInModule::phoneSignIn(const std::string& code)
{
    SignInState& st = m_state;
    if (st.form.sending || st.step != SignInState::Step::PhoneCode) return;
    st.form.clearErrors();
    const auto normalized = account::normalizeCode(code);
    if (!normalized) {
        account::check(st.form, "code", account::codeProblem(code));
        return;
    }
    phoneLogin(PhoneLoginRequest{st.phone, *normalized, std::nullopt});
}

void SignInModule::changePhone()
{
    m_state.step = SignInState::Step::Phone;
    m_state.form.clearErrors();
}

} // namespace dongelek
