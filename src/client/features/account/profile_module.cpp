// The account page's controller: the profile, the phone number and signing out.

#include "client/features/account/profile_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

namespace {
const char* phoneStepName(ProfileState::PhoneStep s)
{
    switch (s) {
    case ProfileState::PhoneStep::Idle:
        return "idle";
    case ProfileState::PhoneStep::Number:
        return "number";
    case ProfileState::PhoneStep::Code:
        return "code";
    }
    return "idle";
}
} // namespace

const User* ProfileModule::user() const
{
    return app().session().currentUser();
}

Status ProfileModule::status() const
{
    if (user()) return Status::Ready; // shown from the session while /me reloads
    if (m_state.me.status() == Status::Error) return Status::Error;
    return Status::Loading;
}

void ProfileModule::enter(const AppUrl&, Entry how)
{
    if (how != Entry::Pop || m_state.me.status() == Status::Error) {
        const double resendAt = m_state.phoneResendAtMs;
        const unsigned visit = m_state.visit;
        m_state = ProfileState{};
        m_state.visit = visit + 1;
        m_state.phoneResendAtMs = resendAt;
    }
    m_load.request();
}

void ProfileModule::update(double)
{
    if (m_load.take(app(), *this)) load();
}

std::optional<double> ProfileModule::nextUpdateAt() const
{
    return m_load.nextAt(app(), *this);
}

void ProfileModule::load()
{
    const auto gen = m_state.me.begin();
    app().session().call<User>(HttpRequest::get(kMeUrl), [this, gen](ApiResult<User> r) {
        if (!m_state.me.settle(gen, std::move(r))) return;
        if (m_state.me.status() == Status::Ready) app().session().userChanged(m_state.me.value());
    });
}

void ProfileModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    state["profile"] = {
        {"saved", m_state.profileSaved},
        {"phoneStep", phoneStepName(m_state.phoneStep)},
        {"error", m_state.profile.formError.empty() ? m_state.phone.formError : m_state.profile.formError}};
}

// [SECTION] Profile

void ProfileModule::saveProfile(const std::string& displayName, const std::string& language)
{
    account::FormState& form = m_state.profile;
    if (form.sending) return;
    form.clearErrors();
    m_state.profileSaved = false;
    const std::string name = account::trim(displayName);
    if (account::check(form, "displayName", account::displayNameProblem(name))) return;
    ProfilePatch patch;
    patch.displayName = name;
    if (!language.empty()) patch.language = language;
    form.sending = true;
    app().session().call<User>(HttpRequest::json("PATCH", kMeUrl, nlohmann::json(patch)), [this](ApiResult<User> r) {
        account::FormState& f = m_state.profile;
        f.sending = false;
        if (!r.ok) {
            account::applyFailure(f, r.error, app().shared().nowMs, {"displayName", "language"});
            return;
        }
        m_state.profileSaved = true;
        app().session().userChanged(r.value);
    });
}

// [SECTION] Phone

void ProfileModule::startPhone()
{
    m_state.phoneStep = ProfileState::PhoneStep::Number;
    m_state.phone.clearErrors();
    m_state.phoneConfirmed = false;
}

void ProfileModule::cancelPhone()
{
    m_state.phoneStep = ProfileState::PhoneStep::Idle;
    m_state.phone.clearErrors();
}

void ProfileModule::sendPhoneCode(const std::string& phone)
{
    account::FormState& form = m_state.phone;
    if (form.sending) return;
    form.clearErrors();
    const auto number = account::normalizePhone(phone);
    if (!number) {
        account::check(form, "phone", account::phoneProblem(phone));
        return;
    }
    const double now = app().shared().nowMs;
    if (*number == m_state.phoneSentTo && now < m_state.phoneResendAtMs) {
        m_state.phoneStep = ProfileState::PhoneStep::Code; // a code went there a moment ago
        return;
    }
    form.sending = true;
    const std::string sent = *number;
    app().session().call<StatusReply>(HttpRequest::json("POST", kPhoneUrl, nlohmann::json(PhoneCodeRequest{sent})),
                                      [this, sent](ApiResult<StatusReply> r) {
                                          account::FormState& f = m_state.phone;
                                          f.sending = false;
                                          if (!r.ok) {
                                              account::applyFailure(f, r.error, app().shared().nowMs, {"phone"});
                                              return;
                                          }
                                          m_state.phoneStep = ProfileState::PhoneStep::Code;
                                          m_state.phoneSentTo = sent;
                                          m_state.phoneResendAtMs = app().shared().nowMs + kCodeResendMs;
                                      });
}

void ProfileModule::resendPhoneCode()
{
    if (app().shared().nowMs < m_state.phoneResendAtMs) return;
    const std::string number = m_state.phoneSentTo;
    m_state.phoneSentTo.clear();
    sendPhoneCode(number);
}

void ProfileModule::confirmPhone(const std::string& code)
{
    account::FormState& form = m_state.phone;
    if (form.sending || m_state.phoneStep != ProfileState::PhoneStep::Code) return;
    form.clearErrors();
    const auto digits = account::normalizeCode(code);
    if (!digits) {
        account::check(form, "code", account::codeProblem(code));
        return;
    }
    form.sending = true;
    app().session().call<User>(HttpRequest::json("POST", kPhoneConfirmUrl, nlohmann::json(CodeRequest{*digits})),
                               [this](ApiResult<User> r) {
                                   account::FormState& f = m_state.phone;
                                   f.sending = false;
                                   if (!r.ok) {
                                       account::applyFailure(f, r.error, app().shared().nowMs, {"code"});
                                       if (r.error.is("code_invalid")) {
                                           f.formError.clear();
                                           f.fieldErrors["code"] = account::serverErrorKey("code_invalid");
                                       }
                                       return;
                                   }
                                   m_state.phoneStep = ProfileState::PhoneStep::Idle;
                                   m_state.phoneConfirmed = true;
                                   app().session().userChanged(r.value);
                               });
}

void ProfileModule::signOut()
{
    if (m_state.signingOut) return;
    m_state.signingOut = true;
    app().signOut();
}

} // namespace dongelek
