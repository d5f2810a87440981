// The account screens' forms, without a screen: what is checked before anything is sent, what
// goes over the wire, and where each of the server's answers ends up (under which field, as the
// form's message, as a wait after a 429).
#include "account_harness.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::test;

namespace {
nlohmann::json bodyOf(const FakeHttp& http, const std::string& url)
{
    return nlohmann::json::parse(http.request(http.last(url)).body);
}
std::string strengthJson(int score, bool acceptable)
{
    PasswordStrength p;
    p.score = score;
    p.acceptable = acceptable;
    return nlohmann::json(p).dump();
}
} // namespace

// [SECTION] Sign in

TEST_CASE("sign-in checks its fields before sending anything", "[client][forms][sign_in]")
{
    AccountHarness h;
    h.start("/account/sign-in");
    const std::size_t before = h.http.size();
    h.signIn.signIn("", "");
    CHECK(h.http.size() == before);
    CHECK(h.signIn.state().form.fieldError("email") == "account.error.email.required");
    CHECK(h.signIn.state().form.fieldError("password") == "account.error.password.required");
    h.signIn.signIn("aigerim", "x");
    CHECK(h.signIn.state().form.fieldError("email") == "account.error.email.invalid");
    CHECK(h.signIn.state().form.fieldError("password").empty());
}

TEST_CASE("a wrong email or password is the form's message, not a field's", "[client][forms][sign_in]")
{
    AccountHarness h;
    h.start("/account/sign-in");
    h.signIn.signIn(" aigerim@example.kz ", "wrong");
    CHECK(bodyOf(h.http, SignInModule::kLoginUrl)["email"] == "aigerim@example.kz");
    CHECK(h.signIn.state().form.sending);
    h.reply(h.http.last(SignInModule::kLoginUrl), 401, errorJson("invalid_credentials", "password"));
    CHECK_FALSE(h.signIn.state().form.sending);
    CHECK(h.signIn.state().form.formError == "account.error.invalid_credentials");
    CHECK(h.signIn.state().form.fieldErrors.empty());
    CHECK_FALSE(h.session().signedIn());
}

TEST_CASE("totp_required asks for the authenticator code, then signs in with it", "[client][forms][sign_in]")
{
    AccountHarness h;
    h.start("/account/sign-in");
    h.signIn.signIn("aigerim@example.kz", "correct horse battery");
    h.reply(h.http.last(SignInModule::kLoginUrl), 401, errorJson("totp_required", "totp"));
    CHECK(h.signIn.state().step == SignInState::Step::Totp);
    CHECK(h.signIn.state().form.fieldErrors.empty()); // a next step, not a mistake

    const std::size_t before = h.http.size();
    h.signIn.submitTotp("12", false);
    CHECK(h.http.size() == before);
    CHECK(h.signIn.state().form.fieldError("totp") == "account.error.totp.invalid");

    h.signIn.submitTotp("123 456", false);
    CHECK(bodyOf(h.http, SignInModule::kLoginUrl) ==
          nlohmann::json{{"email", "aigerim@example.kz"}, {"password", "correct horse battery"}, {"totp", "123456"}});
    h.reply(h.http.last(SignInModule::kLoginUrl), 401, errorJson("totp_invalid", "totp"));
    CHECK(h.signIn.state().form.fieldError("totp") == "account.error.totp_invalid");

    h.signIn.submitTotp("ABCD-EFGH", true); // a recovery code instead
    CHECK(bodyOf(h.http, SignInModule::kLoginUrl)["totp"] == "abcd-efgh");
    h.reply(h.http.last(SignInModule::kLoginUrl), 200, tokensJson());
    CHECK(h.session().signedIn());
    CHECK(h.screen() == "profile"); // no `next`: the account page
}

TEST_CASE("an unverified email can have its mail sent again from the sign-in form", "[client][forms][sign_in]")
{
    AccountHarness h;
    h.start("/account/sign-in");
    h.signIn.signIn("new@example.kz", "correct horse battery");
    h.reply(h.http.last(SignInModule::kLoginUrl), 403, errorJson("email_unverified", "email"));
    CHECK(h.signIn.state().unverified);
    CHECK(h.signIn.state().form.formError == "account.error.email_unverified");
    h.signIn.resendVerification();
    CHECK(bodyOf(h.http, SignInModule::kResendUrl) == nlohmann::json{{"email", "new@example.kz"}});
    h.reply(h.http.last(SignInModule::kResendUrl), 202, statusJson("verification_sent"));
    CHECK(h.signIn.state().verificationResent);
}

TEST_CASE("too many attempts: the form says how long to wait and sends nothing meanwhile", "[client][forms][sign_in]")
{
    AccountHarness h;
    h.start("/account/sign-in");
    h.signIn.signIn("aigerim@example.kz", "guess");
    h.replyLast(SignInModule::kLoginUrl, 429, errorJson("rate_limited"), retryAfter(42));
    CHECK(h.signIn.state().form.formError == "account.error.rate_limited");
    CHECK(h.signIn.state().form.waitSeconds(h.now) == 42);
    h.runUntil(h.now + 30'000);
    CHECK(h.signIn.state().form.waitSeconds(h.now) == 12);
}

TEST_CASE("the 429's wait is read from the body when the header is missing", "[client][forms]")
{
    const HttpReply reply(429, R"({"error":{"code":"rate_limited","field":"","message":"slow down","retryAfter":17}})");
    const RequestError e = ApiClient::classify(reply);
    CHECK(e.kind == ErrorKind::RateLimited);
    CHECK(e.retryAfterS == 17);
    CHECK(ApiClient::classify(HttpReply(429, "", "", retryAfter(5))).retryAfterS == 5);
}

TEST_CASE("signing in with a phone code: the number as typed, then the six digits", "[client][forms][sign_in]")
{
    AccountHarness h;
    h.start("/account/sign-in?with=phone");
    CHECK(h.signIn.state().step == SignInState::Step::Phone);
    h.signIn.requestPhoneCode("12345");
    CHECK(h.signIn.state().form.fieldError("phone") == "account.error.phone.invalid");
    h.signIn.requestPhoneCode("8 (701) 123-45-67");
    CHECK(bodyOf(h.http, SignInModule::kPhoneCodeUrl) == nlohmann::json{{"phone", "+77011234567"}});
    h.reply(h.http.last(SignInModule::kPhoneCodeUrl), 202, statusJson("code_sent"));
    CHECK(h.signIn.state().step == SignInState::Step::PhoneCode);

    h.signIn.phoneSignIn("111111");
    CHECK(bodyOf(h.http, SignInModule::kPhoneLoginUrl) ==
          nlohmann::json{{"phone", "+77011234567"}, {"code", "111111"}});
    h.reply(h.http.last(SignInModule::kPhoneLoginUrl), 401, errorJson("code_invalid"));
    CHECK(h.signIn.state().form.fieldError("code") == "account.error.code_invalid");

    // A new code only after the wait.
    const std::size_t codes = h.http.count(SignInModule::kPhoneCodeUrl);
    h.signIn.resendPhoneCode();
    CHECK(h.http.count(SignInModule::kPhoneCodeUrl) == codes);
    h.runUntil(h.now + SignInModule::kCodeResendMs);
    h.signIn.resendPhoneCode();
    CHECK(h.http.count(SignInModule::kPhoneCodeUrl) == codes + 1);
    CHECK(h.history.current() == "/account/sign-in?with=phone");
}

TEST_CASE("a phone code with two-factor sign-in on asks for the app's code and sends both", "[client][forms][sign_in]")
{
    AccountHarness h;
    h.start("/account/sign-in?with=phone");
    h.signIn.requestPhoneCode("+7 701 123 45 67");
    h.reply(h.http.last(SignInModule::kPhoneCodeUrl), 202, statusJson("code_sent"));
    h.signIn.phoneSignIn("222333");
    h.reply(h.http.last(SignInModule::kPhoneLoginUrl), 401, errorJson("totp_required", "totp"));
    CHECK(h.signIn.state().step == SignInState::Step::Totp);
    CHECK(h.history.current() == "/account/sign-in?with=phone"); // still the phone's way in
    h.signIn.submitTotp("444555", false);
    CHECK(bodyOf(h.http, SignInModule::kPhoneLoginUrl) ==
          nlohmann::json{{"phone", "+77011234567"}, {"code", "222333"}, {"totp", "444555"}});
    h.reply(h.http.last(SignInModule::kPhoneLoginUrl), 200, tokensJson());
    CHECK(h.session().signedIn());
}

// [SECTION] Register

TEST_CASE("registration checks every field, then says 'check your mail' with the address", "[client][forms][register]")
{
    AccountHarness h;
    h.start("/account/register");
    RegisterForm f;
    f.email = "aigerim@";
    f.password = "short";
    account::FormState checked = RegisterModule::validate(f);
    CHECK(checked.fieldError("email") == "account.error.email.invalid");
    CHECK(checked.fieldError("password") == "account.error.password.too_short");
    CHECK(checked.fieldError("displayName") == "account.error.displayName.required");

    f.email = "aigerim@example.kz";
    f.password = "correct horse battery staple";
    f.displayName = " Айгерім ";
    f.role = AccountRole::Dealer;
    f.language = "kk";
    h.registerModule.submit(f);
    CHECK(bodyOf(h.http, RegisterModule::kRegisterUrl) == nlohmann::json{{"email", "aigerim@example.kz"},
                                                                         {"password", "correct horse battery staple"},
                                                                         {"displayName", "Айгерім"},
                                                                         {"role", "dealer"},
                                                                         {"language", "kk"}});
    h.reply(h.http.last(RegisterModule::kRegisterUrl), 202, statusJson("verification_sent"));
    CHECK(h.screen() == "check_mail");
    CHECK(h.checkMail.email() == "aigerim@example.kz");
    CHECK(h.history.current() == "/account/check-mail");
}

TEST_CASE("a refusal naming a field lands under that field, one naming none above the button",
          "[client][forms][register]")
{
    AccountHarness h;
    h.start("/account/register");
    RegisterForm f{"aigerim@example.kz", "correct horse battery staple", "Aigerim", AccountRole::Buyer, ""};
    h.registerModule.submit(f);
    CHECK(bodyOf(h.http, RegisterModule::kRegisterUrl)["language"] == "en"); // the language on screen
    h.reply(h.http.last(RegisterModule::kRegisterUrl), 400, errorJson("weak_password", "password", "too guessable"));
    CHECK(h.registerModule.state().form.fieldError("password") == "account.error.weak_password");
    h.registerModule.submit(f);
    h.reply(h.http.last(RegisterModule::kRegisterUrl), 400, errorJson("unknown_thing", "surprise"));
    CHECK(h.registerModule.state().form.formError == "account.error.generic"); // no such field on the form
}

TEST_CASE("the strength meter asks once after typing pauses and ignores answers for older passwords",
          "[client][forms][strength]")
{
    AccountHarness h;
    h.start("/account/register");
    RegisterForm f{"aigerim@example.kz", "", "Aigerim", AccountRole::Buyer, ""};
    for (const char* typed : {"c", "co", "cor", "corr"}) {
        f.password = typed;
        h.registerModule.edited(f);
        h.frame(50); // typing: each key within the pause
    }
    CHECK(h.http.count(account::PasswordStrengthCheck::kUrl) == 0);
    h.runUntil(h.now + account::PasswordStrengthCheck::kDebounceMs);
    REQUIRE(h.http.count(account::PasswordStrengthCheck::kUrl) == 1);
    CHECK(bodyOf(h.http, account::PasswordStrengthCheck::kUrl) ==
          nlohmann::json{{"password", "corr"}, {"email", "aigerim@example.kz"}, {"displayName", "Aigerim"}});
    const std::size_t older = h.http.last(account::PasswordStrengthCheck::kUrl);

    f.password = "correct horse battery staple";
    h.registerModule.edited(f);
    h.runUntil(h.now + account::PasswordStrengthCheck::kDebounceMs);
    h.reply(h.http.last(account::PasswordStrengthCheck::kUrl), 200, strengthJson(4, true));
    h.reply(older, 200, strengthJson(0, false)); // late, for "corr"
    CHECK(h.registerModule.strength().result().value().score == 4);
    CHECK(h.registerModule.strength().current());
}

TEST_CASE("the app refuses a password the estimator called weak before the server has to", "[client][forms][strength]")
{
    AccountHarness h;
    h.start("/account/register");
    RegisterForm f{"aigerim@example.kz", "aigerim12345", "Aigerim", AccountRole::Buyer, ""};
    h.registerModule.edited(f);
    h.runUntil(h.now + account::PasswordStrengthCheck::kDebounceMs);
    h.reply(h.http.last(account::PasswordStrengthCheck::kUrl), 200, strengthJson(1, false));
    h.registerModule.submit(f);
    CHECK(h.http.count(RegisterModule::kRegisterUrl) == 0);
    CHECK(h.registerModule.state().form.fieldError("password") == "account.error.weak_password");
}

// [SECTION] Check your mail, verify

TEST_CASE("the verification mail can be sent again, then not for a minute, or as long as a 429 says",
          "[client][forms][check_mail]")
{
    AccountHarness h;
    h.start("/account/register");
    h.session().setPendingEmail("aigerim@example.kz");
    h.app.navigate(kCheckMailRoute.url());
    h.checkMail.sendAgain("");
    CHECK(bodyOf(h.http, account::MailResend::kUrl) == nlohmann::json{{"email", "aigerim@example.kz"}});
    h.reply(h.http.last(account::MailResend::kUrl), 202, statusJson("verification_sent"));
    CHECK(h.checkMail.resend().sent() == 1);
    CHECK(h.checkMail.resend().waitSeconds(h.now) == 60);
    h.checkMail.sendAgain("");
    CHECK(h.http.count(account::MailResend::kUrl) == 1);
    h.runUntil(h.now + 60'000);
    h.checkMail.sendAgain("");
    h.replyLast(account::MailResend::kUrl, 429, errorJson("rate_limited"), retryAfter(90));
    CHECK(h.checkMail.resend().waitSeconds(h.now) == 90);
    CHECK(h.checkMail.resend().form().formError == "account.error.rate_limited");
}

TEST_CASE("a verification link says plainly how it went", "[client][forms][verify]")
{
    struct Case {
        int status;
        const char* code;
        VerifyOutcome outcome;
    };
    for (const Case c :
         {Case{200, "", VerifyOutcome::Verified}, Case{400, "token_expired", VerifyOutcome::Expired},
          Case{400, "token_used", VerifyOutcome::Used}, Case{400, "token_unknown", VerifyOutcome::Unknown}}) {
        INFO(c.code);
        AccountHarness h;
        h.start("/account/verify?token=abc123");
        CHECK(bodyOf(h.http, VerifyModule::kVerifyUrl) == nlohmann::json{{"token", "abc123"}});
        CHECK(h.app.current().status() == Status::Loading);
        h.reply(h.http.last(VerifyModule::kVerifyUrl), c.status,
                c.status == 200 ? statusJson("verified") : errorJson(c.code, "token"));
        CHECK(h.verify.state().outcome == c.outcome);
        CHECK(h.app.current().status() == Status::Ready);
    }
}

TEST_CASE("a verification link is posted once, a lost connection is an error with Retry", "[client][forms][verify]")
{
    AccountHarness h;
    h.start("/account/verify?token=abc123");
    h.fail(h.http.last(VerifyModule::kVerifyUrl));
    CHECK(h.app.current().status() == Status::Error);
    CHECK(h.app.current().error().kind == ErrorKind::Network);
    h.app.retry();
    h.reply(h.http.last(VerifyModule::kVerifyUrl), 200, statusJson("verified"));
    CHECK(h.verify.state().outcome == VerifyOutcome::Verified);
    h.app.navigate("/");
    h.browserBack();
    CHECK(h.screen() == "verify");
    CHECK(h.http.count(VerifyModule::kVerifyUrl) == 2); // the first try and Retry; Back asks nothing
    AccountHarness empty;
    empty.start("/account/verify");
    CHECK(empty.verify.state().outcome == VerifyOutcome::Unknown);
    CHECK(empty.http.count(VerifyModule::kVerifyUrl) == 0);
}

// [SECTION] Forgot, reset

TEST_CASE("a reset request is answered the same whatever the address, then waits a minute", "[client][forms][reset]")
{
    AccountHarness h;
    h.start("/account/forgot");
    h.forgot.request("nobody@example.kz");
    h.reply(h.http.last(ForgotModule::kRequestUrl), 202, statusJson("reset_sent"));
    CHECK(h.forgot.state().sentTo == "nobody@example.kz");
    h.forgot.another();
    h.forgot.request("other@example.kz");
    CHECK(h.http.count(ForgotModule::kRequestUrl) == 1);
}

TEST_CASE("the reset link: a weak password goes under the field, a used link is said plainly", "[client][forms][reset]")
{
    AccountHarness h;
    h.start("/account/reset?token=r1");
    h.reset.submit("short");
    CHECK(h.reset.state().form.fieldError("password") == "account.error.password.too_short");
    h.reset.submit("correct horse battery staple");
    CHECK(bodyOf(h.http, ResetModule::kConfirmUrl) ==
          nlohmann::json{{"token", "r1"}, {"password", "correct horse battery staple"}});
    h.reply(h.http.last(ResetModule::kConfirmUrl), 400, errorJson("password_reused", "password"));
    CHECK(h.reset.state().form.fieldError("password") == "account.error.password_reused");
    h.reset.submit("another good passphrase here");
    h.reply(h.http.last(ResetModule::kConfirmUrl), 400, errorJson("token_used", "token"));
    CHECK(h.reset.state().tokenProblem == "token_used");
    AccountHarness fresh;
    fresh.start("/account/reset?token=r2");
    fresh.reset.submit("correct horse battery staple");
    fresh.reply(fresh.http.last(ResetModule::kConfirmUrl), 200, statusJson("password_changed"));
    CHECK(fresh.reset.state().changed);
}

// [SECTION] Signed in: profile, security, sessions

TEST_CASE("the profile is saved with PATCH and the top bar's name follows", "[client][forms][profile]")
{
    AccountHarness h;
    h.startSignedIn("/account");
    h.reply(h.http.last(ProfileModule::kMeUrl), 200, nlohmann::json(userNamed()).dump());
    h.profile.saveProfile(" Aigerim S. ", "kk");
    const auto& patch = h.http.request(h.http.last(ProfileModule::kMeUrl));
    CHECK(patch.method == "PATCH");
    CHECK(patch.header("Authorization") == "Bearer t1");
    CHECK(nlohmann::json::parse(patch.body) == nlohmann::json{{"displayName", "Aigerim S."}, {"language", "kk"}});
    h.reply(h.http.last(ProfileModule::kMeUrl), 200,
            nlohmann::json(userNamed("aigerim@example.kz", "Aigerim S.")).dump());
    CHECK(h.profile.state().profileSaved);
    CHECK(h.session().user()->displayName == "Aigerim S.");
}

TEST_CASE("a phone number is added with the code sent to it", "[client][forms][profile]")
{
    AccountHarness h;
    h.startSignedIn("/account");
    h.profile.startPhone();
    h.profile.sendPhoneCode("+973 3612 3456");
    CHECK(bodyOf(h.http, ProfileModule::kPhoneUrl) == nlohmann::json{{"phone", "+97336123456"}});
    h.reply(h.http.last(ProfileModule::kPhoneUrl), 202, statusJson("code_sent"));
    CHECK(h.profile.state().phoneStep == ProfileState::PhoneStep::Code);
    h.profile.confirmPhone("654321");
    CHECK(bodyOf(h.http, ProfileModule::kPhoneConfirmUrl) == nlohmann::json{{"code", "654321"}});
    User u = userNamed();
    u.phone = "+97336123456";
    u.phoneVerified = true;
    h.reply(h.http.last(ProfileModule::kPhoneConfirmUrl), 200, nlohmann::json(u).dump());
    CHECK(h.profile.state().phoneConfirmed);
    CHECK(h.session().user()->phone == std::optional<std::string>("+97336123456"));
}

TEST_CASE("changing the password names the field at fault and tells how many sessions ended",
          "[client][forms][security]")
{
    AccountHarness h;
    h.startSignedIn("/account/security");
    h.security.changePassword("", "short");
    CHECK(h.security.state().password.fieldError("currentPassword") == "account.error.currentPassword.required");
    CHECK(h.security.state().password.fieldError("newPassword") == "account.error.newPassword.too_short");
    h.security.changePassword("old password", "correct horse battery staple");
    h.reply(h.http.last(SecurityModule::kPasswordUrl), 401, errorJson("invalid_credentials", "currentPassword"));
    CHECK(h.session().signedIn()); // a wrong password is not the end of the session
    CHECK(h.security.state().password.fieldError("currentPassword") == "account.error.current_password_wrong");
    h.security.changePassword("old password", "correct horse battery staple");
    h.reply(h.http.last(SecurityModule::kPasswordUrl), 400, errorJson("password_reused", "password"));
    CHECK(h.security.state().password.fieldError("newPassword") == "account.error.password_reused");
    h.security.changePassword("old password", "a brand new passphrase");
    h.reply(h.http.last(SecurityModule::kPasswordUrl), 200, R"({"status":"password_changed","endedSessions":2})");
    CHECK(h.security.state().passwordChanged);
    CHECK(h.security.state().endedSessions == 2);
}

TEST_CASE("two-factor set-up: QR and secret, a code, then the recovery codes once", "[client][forms][security]")
{
    AccountHarness h;
    h.startSignedIn("/account/security");
    h.security.startTotpSetup();
    TotpSetup setup;
    setup.secret = "JBSWY3DPEHPK3PXP";
    setup.otpauthUri = "otpauth://totp/Dongelek:aigerim@example.kz?secret=JBSWY3DPEHPK3PXP";
    setup.qr = {2, "1001"};
    h.reply(h.http.last(SecurityModule::kTotpSetupUrl), 200, nlohmann::json(setup).dump());
    REQUIRE(h.security.state().setup.has());
    CHECK(h.security.state().setup.value().qr.dark(0, 0));
    CHECK_FALSE(h.security.state().setup.value().qr.dark(1, 0));
    h.security.enableTotp("12345");
    CHECK(h.security.state().totp.fieldError("code") == "account.error.code.invalid");
    h.security.enableTotp("123456");
    h.reply(h.http.last(SecurityModule::kTotpEnableUrl), 200, R"({"recoveryCodes":["aaaa-bbbb","cccc-dddd"]})");
    CHECK(h.security.state().totpStep == SecurityState::TotpStep::Codes);
    CHECK(h.security.state().recoveryCodes.size() == 2);
    CHECK_FALSE(h.security.state().setup.has()); // the secret is not kept
    CHECK(h.session().user()->totpEnabled);
    h.security.recoveryCodesSaved();
    CHECK(h.security.state().recoveryCodes.empty());
    h.app.navigate("/");
    h.browserBack();
    CHECK(h.security.state().recoveryCodes.empty()); // shown once
}

TEST_CASE("the sessions page ends one session, all the others, or everything", "[client][forms][sessions]")
{
    AccountHarness h;
    h.startSignedIn("/account/sessions");
    SessionInfo mine{3,   "Mozilla/5.0", "Chrome on Linux", "127.0.0.1", "2026-12-01T10:00:00Z", "2026-12-01T10:05:00Z",
                     true};
    SessionInfo phone{
        2, "Mozilla/5.0", "Chrome on Android", "10.0.0.2", "2026-11-30T10:00:00Z", "2026-11-30T12:00:00Z", false};
    h.reply(h.http.last(SessionsModule::kSessionsUrl), 200, sessionsJson({mine, phone}));
    CHECK(h.app.current().status() == Status::Ready);

    h.sessions.endSession(2);
    CHECK(h.http.request(h.http.last("/api/v1/me/sessions/2")).method == "DELETE");
    h.reply(h.http.last("/api/v1/me/sessions/2"), 204, "");
    CHECK(h.sessions.state().endedOne);
    h.reply(h.http.last(SessionsModule::kSessionsUrl), 200, sessionsJson({mine}));

    h.sessions.endOthers();
    h.reply(h.http.last(SessionsModule::kEndOthersUrl), 200, R"({"endedSessions":0})");
    CHECK(h.sessions.state().endedOthers == 0);

    h.sessions.signOutEverywhere();
    h.reply(h.http.last(SessionsModule::kEndOthersUrl), 200, R"({"endedSessions":1})");
    REQUIRE(h.http.pending(Session::kLogoutUrl) == 1); // the others first, then this device
    h.reply(h.http.last(Session::kLogoutUrl), 204, "");
    CHECK_FALSE(h.session().signedIn());
    CHECK(h.screen() == "browse");
}
