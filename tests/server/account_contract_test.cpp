// The accounts service and its repository on the engine DONGELEK_TEST_DB names (ctest runs
// this binary once per engine), with a clock the test moves: registration and the mailed
// verification link (single use, expiring), sign-in and its failures, growing delays and the
// lockout mail, refresh rotation and reuse detection, sessions and their owners, password
// change, history and reset, TOTP with recovery codes, phone codes and their tries, the
// limits, and an audit log that never holds a secret.
//
// [SECTION] Fixture
// [SECTION] Registration and verification
// [SECTION] Sign-in, delays and lockout
// [SECTION] Refresh tokens and sessions
// [SECTION] Passwords
// [SECTION] Two-factor sign-in
// [SECTION] Phones
// [SECTION] Limits and the audit log

#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/features/accounts/account_service.hpp"
#include "server/http/errors.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::accounts;
using dongelek::test::TestDatabase;

// [SECTION] Fixture

namespace {

// Keeps what the service hands to delivery (the real adapters are tested against a real SMTP
// server and a real HTTP gateway in the API tests).
struct Outbox final : Mailer, SmsSender {
    std::mutex mutex;
    std::vector<Mail> mails;
    std::vector<Sms> sms;
    void send(const Mail& m) override
    {
        std::lock_guard lock(mutex);
        mails.push_back(m);
    }
    void send(const Sms& s) override
    {
        std::lock_guard lock(mutex);
        sms.push_back(s);
    }
};

const std::string kPassword = "correct horse battery staple";

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<AccountRepository> repo;
    InProcessCounters counters;
    Outbox outbox;
    DeliveryQueue queue{nullptr};
    std::int64_t clock = 1'800'000'000;
    std::unique_ptr<AccountService> service;
    ClientInfo client{"10.0.0.1", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120", "https://dongelek.test"};

    explicit Fixture(AccountSettings settings = {})
    {
        db::Engine engine;
        std::string path, message;
        REQUIRE(db::parseDatabaseUrl(tdb.url(), engine, path, message));
        database = db::openDatabase(engine, path);
        schema::migrate(*database);
        repo = std::make_unique<AccountRepository>(*database);
        service = std::make_unique<AccountService>(*repo, counters, outbox, outbox, queue,
                                                   MessageTexts::load(DONGELEK_LOCALES_DIR "/mail"), settings,
                                                   [this] { return clock; });
    }

    std::vector<Mail> mails()
    {
        queue.drain();
        std::lock_guard lock(outbox.mutex);
        return outbox.mails;
    }
    std::vector<Sms> sms()
    {
        queue.drain();
        std::lock_guard lock(outbox.mutex);
        return outbox.sms;
    }
    // The token of the last mailed link of that kind ("verify", "reset").
    std::string lastToken(const std::string& path)
    {
        const auto all = mails();
        for (auto it = all.rbegin(); it != all.rend(); ++it) {
            std::smatch m;
            if (std::regex_search(it->text, m, std::regex("/account/" + path + "\\?token=([A-Za-z0-9_-]+)")))
                return m[1];
        }
        FAIL("no mail with a /account/" << path << " link");
        return {};
    }
    std::string lastSmsCode()
    {
        const auto all = sms();
        REQUIRE_FALSE(all.empty());
        std::smatch m;
        REQUIRE(std::regex_search(all.back().text, m, std::regex("([0-9]{6})")));
        return m[1];
    }
    // A verified account, signed in once.
    SignedIn verifiedUser(const std::string& email, const std::string& name = "Aigerim")
    {
        service->registerAccount(email, kPassword, name, "buyer", "en", client);
        service->verifyEmail(lastToken("verify"), client);
        return service->signIn(email, kPassword, std::nullopt, client);
    }
    Principal principalOf(const SignedIn& s)
    {
        const Authentication a = service->authenticate(s.accessToken);
        REQUIRE(a.principal);
        return *a.principal;
    }
};

// The ClientError a call throws (fails the test when it throws nothing).
template <typename F> HttpError errorOf(F&& f)
{
    try {
        f();
    } catch (const ClientError& e) {
        return e.error();
    }
    FAIL("expected a ClientError");
    return {};
}

} // namespace

// [SECTION] Registration and verification

TEST_CASE("registration mails a single-use link that confirms the email and expires", "[accounts]")
{
    Fixture f;
    f.service->registerAccount("  Aigerim@Example.KZ ", kPassword, "Айгерим", "seller", "kk", f.client);
    const auto mails = f.mails();
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].to == "aigerim@example.kz");
    CHECK(mails[0].language == "kk");
    CHECK(mails[0].subject == "Dongelek үшін поштаңызды растаңыз");
    CHECK(mails[0].text.find("Сәлеметсіз бе, Айгерим!") != std::string::npos);
    CHECK(mails[0].html.find("https://dongelek.test/account/verify?token=") != std::string::npos);

    // Signing in before confirming says so (only once the password is right).
    CHECK(errorOf([&] { f.service->signIn("aigerim@example.kz", kPassword, std::nullopt, f.client); }).error.code ==
          "email_unverified");
    const std::string token = f.lastToken("verify");
    f.service->verifyEmail(token, f.client);
    CHECK(f.service->signIn("aigerim@example.kz", kPassword, std::nullopt, f.client).user.role == "seller");
    CHECK(errorOf([&] { f.service->verifyEmail(token, f.client); }).error.code == "token_used");
    CHECK(errorOf([&] { f.service->verifyEmail("no-such-token", f.client); }).error.code == "token_unknown");

    f.service->registerAccount("late@example.kz", kPassword, "Late", "buyer", "en", f.client);
    const std::string late = f.lastToken("verify");
    f.clock += 24 * 3600 + 1;
    const HttpError expired = errorOf([&] { f.service->verifyEmail(late, f.client); });
    CHECK(expired.status == 400);
    CHECK(expired.error.code == "token_expired");
    CHECK(expired.error.field == "token");
}

TEST_CASE("a taken email gets the same answer, and its owner a notice instead of a link", "[accounts]")
{
    Fixture f;
    f.verifiedUser("owner@example.kz");
    const std::size_t before = f.mails().size();
    CHECK_NOTHROW(f.service->registerAccount("OWNER@example.kz", "another long passphrase here", "Mallory", "buyer",
                                             "en", f.client));
    const auto mails = f.mails();
    REQUIRE(mails.size() == before + 1);
    CHECK(mails.back().subject == "Someone tried to sign up with your email");
    CHECK(mails.back().text.find("token=") == std::string::npos);
}

TEST_CASE("bad sign-up input names its field", "[accounts]")
{
    Fixture f;
    const auto code = [&](const std::string& email, const std::string& pw, const std::string& name,
                          const std::string& role, const std::string& lang) {
        const HttpError e = errorOf([&] { f.service->registerAccount(email, pw, name, role, lang, f.client); });
        CHECK(e.status == 400);
        return e.error.field + ":" + e.error.code;
    };
    CHECK(code("not-an-email", kPassword, "A", "buyer", "en") == "email:invalid_email");
    CHECK(code("a@b.kz", "short", "A", "buyer", "en") == "password:weak_password");
    CHECK(code("a@b.kz", "password1234", "A", "buyer", "en") == "password:weak_password");       // long but common
    CHECK(code("aigerim.n@b.kz", "aigerim.n@b.kz", "A", "buyer", "en") == "password:weak_password"); // the email
    CHECK(code("a@b.kz", kPassword, "A", "admin", "en") == "role:invalid_field"); // nobody signs up as admin
    CHECK(code("a@b.kz", kPassword, "A", "buyer", "de") == "language:invalid_field");
    CHECK(code("a@b.kz", kPassword, "", "buyer", "en") == "displayName:invalid_field");
    CHECK(f.mails().empty());
}

// [SECTION] Sign-in, delays and lockout

TEST_CASE("a wrong password and an unknown email get the same refusal", "[accounts]")
{
    Fixture f;
    f.verifiedUser("known@example.kz");
    const HttpError wrong = errorOf([&] { f.service->signIn("known@example.kz", "wrong password!!", std::nullopt, f.client); });
    const HttpError unknown = errorOf([&] { f.service->signIn("nobody@example.kz", "wrong password!!", std::nullopt, f.client); });
    CHECK(wrong.status == 401);
    CHECK(wrong.error.code == unknown.error.code);
    CHECK(wrong.error.message == unknown.error.message);
}

TEST_CASE("repeated failures bring growing delays, then a lockout announced by mail", "[accounts]")
{
    Fixture f;
    f.verifiedUser("target@example.kz");
    const auto attempt = [&](const std::string& pw) {
        return errorOf([&] { f.service->signIn("target@example.kz", pw, std::nullopt, f.client); });
    };
    for (int i = 0; i < 3; ++i)
        CHECK(attempt("wrong password!!").status == 401);
    // From the third failure each attempt must wait: 1 s, 2 s, 4 s, ...
    const HttpError wait = attempt(kPassword);
    CHECK(wait.status == 429);
    CHECK(wait.retryAfter == 1);
    std::int64_t expected = 2;
    for (int i = 4; i <= 9; ++i) {
        f.clock += 61;
        CHECK(attempt("wrong password!!").status == 401);
        const HttpError w = errorOf([&] { f.service->signIn("target@example.kz", kPassword, std::nullopt, f.client); });
        CHECK(w.retryAfter == std::min<std::int64_t>(expected, 60));
        expected *= 2;
    }
    f.clock += 61;
    CHECK(attempt("wrong password!!").status == 401); // the 10th: locked
    const HttpError locked = attempt(kPassword);
    CHECK(locked.status == 429);
    CHECK(locked.retryAfter == 900);
    CHECK(locked.error.message.find("locked") != std::string::npos);
    const auto mails = f.mails();
    CHECK(mails.back().subject == "Your Dongelek account is locked for a while");
    CHECK(mails.back().text.find("15 min") != std::string::npos);
    f.clock += 901;
    CHECK(f.service->signIn("target@example.kz", kPassword, std::nullopt, f.client).user.email == "target@example.kz");
}

// [SECTION] Refresh tokens and sessions

TEST_CASE("refresh rotates the token, and reusing a rotated one ends the whole session", "[accounts]")
{
    AccountSettings settings;
    settings.refreshReuseGraceSeconds = 10;
    Fixture f(settings);
    const SignedIn first = f.verifiedUser("rotate@example.kz");
    const SignedIn second = f.service->refresh(first.refreshToken, f.client);
    CHECK(second.refreshToken != first.refreshToken);
    CHECK(f.principalOf(second).sessionId == f.principalOf(first).sessionId);

    // Within the grace period an old token still works once more (two tabs refreshing at once).
    f.clock += 5;
    const SignedIn sibling = f.service->refresh(first.refreshToken, f.client);
    CHECK(sibling.user.email == "rotate@example.kz");

    // Later, the old token coming back is theft: the session ends, for the thief and the owner.
    f.clock += 30;
    const HttpError reuse = errorOf([&] { f.service->refresh(first.refreshToken, f.client); });
    CHECK(reuse.status == 401);
    CHECK(reuse.error.code == "session_expired");
    CHECK(errorOf([&] { f.service->refresh(second.refreshToken, f.client); }).error.code == "session_expired");
    CHECK(f.service->authenticate(second.accessToken).failure == "session_ended");
    const auto events = f.service->auditEvents(second.user.id, 50);
    CHECK(std::any_of(events.begin(), events.end(), [](const AuditEvent& e) { return e.type == "refresh_token_reuse"; }));
}

TEST_CASE("access tokens expire, and sessions end after 30 days or a week unused", "[accounts]")
{
    Fixture f;
    const SignedIn s = f.verifiedUser("expiry@example.kz");
    f.clock += 301;
    CHECK(f.service->authenticate(s.accessToken).failure == "token_expired");
    CHECK(f.service->authenticate(s.accessToken + "x").failure == "invalid_token");
    const SignedIn r = f.service->refresh(s.refreshToken, f.client);
    f.clock += 7 * 86400 + 1;
    CHECK(errorOf([&] { f.service->refresh(r.refreshToken, f.client); }).error.code == "session_expired");
}

TEST_CASE("users see and end only their own sessions", "[accounts]")
{
    Fixture f;
    const SignedIn a1 = f.verifiedUser("a@example.kz");
    const SignedIn a2 = f.service->signIn("a@example.kz", kPassword, std::nullopt, f.client);
    const SignedIn b = f.verifiedUser("b@example.kz", "Bolat");
    const Principal pa = f.principalOf(a1), pb = f.principalOf(b);
    REQUIRE(f.service->sessions(pa).size() == 2);
    // B cannot end A's session: it answers like an unknown id.
    const HttpError other = errorOf([&] { f.service->endSession(pb, f.principalOf(a2).sessionId, f.client); });
    CHECK(other.status == 404);
    CHECK(f.service->authenticate(a2.accessToken).principal);
    CHECK(f.service->endOtherSessions(pa, f.client) == 1);
    CHECK(f.service->authenticate(a2.accessToken).failure == "session_ended");
    CHECK(f.service->authenticate(a1.accessToken).principal);
    CHECK(f.service->sessions(pb).size() == 1);
    f.service->signOut(pa, f.client);
    CHECK(f.service->authenticate(a1.accessToken).failure == "session_ended");
    CHECK(errorOf([&] { f.service->refresh(a1.refreshToken, f.client); }).error.code == "session_expired");
}

// [SECTION] Passwords

TEST_CASE("a password change ends the other sessions and refuses the last five passwords", "[accounts]")
{
    Fixture f;
    const SignedIn here = f.verifiedUser("pw@example.kz");
    const SignedIn there = f.service->signIn("pw@example.kz", kPassword, std::nullopt, f.client);
    const Principal me = f.principalOf(here);
    CHECK(errorOf([&] { f.service->changePassword(me, "wrong current pw", "a brand new passphrase", f.client); })
              .error.field == "currentPassword");
    CHECK(f.service->changePassword(me, kPassword, "turquoise yurt in the steppe", f.client) == 1);
    CHECK(f.service->authenticate(there.accessToken).failure == "session_ended");
    CHECK(f.service->authenticate(here.accessToken).principal);
    CHECK(f.mails().back().subject == "Your Dongelek password was changed");

    const HttpError reused = errorOf([&] { f.service->changePassword(me, "turquoise yurt in the steppe", kPassword, f.client); });
    CHECK(reused.error.code == "password_reused");
    CHECK(reused.error.field == "newPassword");
    std::string current = "turquoise yurt in the steppe";
    const std::vector<std::string> next = {"amber camel at the bazaar", "silver eagle over altai",
                                           "copper kettle by the caspian", "velvet apricot of almaty",
                                           "granite horse near baikonur"};
    for (const std::string& pw : next) {
        f.service->changePassword(me, current, pw, f.client);
        current = pw;
    }
    // kPassword is now six passwords back: allowed again.
    CHECK(f.service->changePassword(me, current, kPassword, f.client) == 0);
}

TEST_CASE("a mailed reset link sets a new password once and ends every session", "[accounts]")
{
    Fixture f;
    const SignedIn s = f.verifiedUser("reset@example.kz");
    const std::size_t before = f.mails().size();
    f.service->requestPasswordReset("nobody@example.kz", f.client); // no error, no mail
    CHECK(f.mails().size() == before);
    f.service->requestPasswordReset("Reset@Example.kz", f.client);
    const std::string token = f.lastToken("reset");
    CHECK(errorOf([&] { f.service->resetPassword(token, "weak", f.client); }).error.code == "weak_password");
    CHECK(errorOf([&] { f.service->resetPassword(token, kPassword, f.client); }).error.code == "password_reused");
    f.service->resetPassword(token, "lapis lazuli sunrise over shymkent", f.client);
    CHECK(f.service->authenticate(s.accessToken).failure == "session_ended");
    CHECK(errorOf([&] { f.service->resetPassword(token, "another fine long passphrase", f.client); }).error.code ==
          "token_used");
    CHECK(errorOf([&] { f.service->signIn("reset@example.kz", kPassword, std::nullopt, f.client); }).status == 401);
    CHECK(f.service->signIn("reset@example.kz", "lapis lazuli sunrise over shymkent", std::nullopt, f.client)
              .user.emailVerifiedAt.has_value());
}

// [SECTION] Two-factor sign-in

TEST_CASE("TOTP codes follow RFC 6238", "[accounts]")
{
    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890": 94287082 at T=59, 07081804 at 1111111109.
    CHECK(totpCode("12345678901234567890", 59 / 30) == "287082");
    CHECK(totpCode("12345678901234567890", 1111111109 / 30) == "081804");
    CHECK(base32Decode(base32Encode("12345678901234567890")) == std::optional<std::string>("12345678901234567890"));
    CHECK(base32Encode("12345678901234567890") == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST_CASE("two-factor sign-in: set up with a code, then required, codes used once, recovery codes", "[accounts]")
{
    Fixture f;
    const SignedIn s = f.verifiedUser("totp@example.kz");
    const Principal me = f.principalOf(s);
    const auto setup = f.service->setupTotp(me);
    CHECK(setup.otpauthUri.rfind("otpauth://totp/Dongelek:totp%40example.kz?secret=" + setup.secret, 0) == 0);
    CHECK(setup.qrSize >= 21);
    CHECK(setup.qrModules.size() == static_cast<std::size_t>(setup.qrSize * setup.qrSize));
    const std::string secret = *base32Decode(setup.secret);
    CHECK(errorOf([&] { f.service->enableTotp(me, "000000", f.client); }).error.code == "totp_invalid");
    const std::vector<std::string> recovery = f.service->enableTotp(me, totpCode(secret, f.clock / 30), f.client);
    REQUIRE(recovery.size() == 10);
    CHECK(f.mails().back().subject == "A security setting of your Dongelek account changed");
    CHECK(f.mails().back().text.find("Two-factor sign-in was turned on") != std::string::npos);

    CHECK(errorOf([&] { f.service->signIn("totp@example.kz", kPassword, std::nullopt, f.client); }).error.code ==
          "totp_required");
    // The code that turned it on was used: it cannot sign in again (no replay).
    CHECK(errorOf([&] { f.service->signIn("totp@example.kz", kPassword, totpCode(secret, f.clock / 30), f.client); })
              .error.code == "totp_invalid");
    f.clock += 30;
    const SignedIn with = f.service->signIn("totp@example.kz", kPassword, totpCode(secret, f.clock / 30), f.client);
    CHECK(f.principalOf(with).secondFactor);
    CHECK(f.principalOf(f.service->refresh(with.refreshToken, f.client)).secondFactor); // kept across refreshes
    CHECK(f.principalOf(f.service->refresh(f.service->signIn("totp@example.kz", kPassword, recovery[0], f.client).refreshToken,
                                           f.client))
              .secondFactor);
    CHECK(errorOf([&] { f.service->signIn("totp@example.kz", kPassword, recovery[0], f.client); }).error.code ==
          "totp_invalid");
    f.clock += 30;
    f.service->disableTotp(me, kPassword, totpCode(secret, f.clock / 30), f.client);
    CHECK_FALSE(f.service->me(me).totpSecret);
    CHECK(f.mails().back().text.find("Two-factor sign-in was turned off") != std::string::npos);
}

// [SECTION] Phones

TEST_CASE("phone numbers are E.164 for Kazakhstan and Bahrain", "[accounts]")
{
    CHECK(AccountService::normalizePhone("+7 (701) 123-45-67") == std::optional<std::string>("+77011234567"));
    CHECK(AccountService::normalizePhone("8 701 123 45 67") == std::optional<std::string>("+77011234567"));
    CHECK(AccountService::normalizePhone("+973 3612 3456") == std::optional<std::string>("+97336123456"));
    CHECK_FALSE(AccountService::normalizePhone("+7 912 123 45 67")); // a Russian mobile
    CHECK_FALSE(AccountService::normalizePhone("+44 20 7946 0958"));
    CHECK_FALSE(AccountService::normalizePhone("+7701123456"));
    CHECK_FALSE(AccountService::normalizePhone("+7701123456a"));
}

TEST_CASE("a phone is confirmed by an SMS code with limited tries, then signs in by code", "[accounts]")
{
    Fixture f;
    const SignedIn s = f.verifiedUser("phone@example.kz");
    const Principal me = f.principalOf(s);
    CHECK(errorOf([&] { f.service->addPhone(me, "+1 555 0100", f.client); }).error.code == "invalid_phone");
    f.service->addPhone(me, "+7 701 555 00 11", f.client);
    const std::string code = f.lastSmsCode();
    CHECK(f.sms().back().to == "+77015550011");
    // A second code within a minute is refused with the wait.
    const HttpError soon = errorOf([&] { f.service->addPhone(me, "+77015550011", f.client); });
    CHECK(soon.status == 429);
    CHECK(soon.retryAfter > 0);
    const HttpError wrong = errorOf([&] { f.service->confirmPhone(me, code == "000000" ? "111111" : "000000", f.client); });
    CHECK(wrong.error.message.find("4 tries left") != std::string::npos);
    CHECK(f.service->confirmPhone(me, code, f.client).phone == std::optional<std::string>("+77015550011"));
    CHECK(f.mails().back().text.find("A new phone number was confirmed for your account: +7701…11.") != std::string::npos);

    // Sign-in by code: unknown numbers get the same answer and no SMS.
    f.clock += 61;
    const std::size_t before = f.sms().size();
    f.service->sendSignInCode("+77019998877", f.client);
    CHECK(f.sms().size() == before);
    f.service->sendSignInCode("87015550011", f.client);
    const std::string login = f.lastSmsCode();
    CHECK(errorOf([&] { f.service->signInWithCode("+77015550011", "123", std::nullopt, f.client); }).error.code ==
          "code_invalid");
    CHECK(f.service->signInWithCode("+77015550011", login, std::nullopt, f.client).user.email == "phone@example.kz");
    CHECK(errorOf([&] { f.service->signInWithCode("+77015550011", login, std::nullopt, f.client); }).error.code ==
          "code_invalid"); // used
    // Expired after five minutes.
    f.clock += 61;
    f.service->sendSignInCode("+77015550011", f.client);
    const std::string late = f.lastSmsCode();
    f.clock += 301;
    CHECK(errorOf([&] { f.service->signInWithCode("+77015550011", late, std::nullopt, f.client); }).error.code ==
          "code_invalid");
}

// [SECTION] Limits and the audit log

TEST_CASE("per-IP limits answer 429 with the wait", "[accounts]")
{
    AccountSettings settings;
    settings.limits.registerPerIp = Limit{2, 3600};
    Fixture f(settings);
    f.service->registerAccount("one@example.kz", kPassword, "One", "buyer", "en", f.client);
    f.service->registerAccount("two@example.kz", kPassword, "Two", "buyer", "en", f.client);
    const HttpError third = errorOf([&] { f.service->registerAccount("three@example.kz", kPassword, "Three", "buyer", "en", f.client); });
    CHECK(third.status == 429);
    CHECK(third.retryAfter == 3600);
    ClientInfo elsewhere = f.client;
    elsewhere.ip = "10.0.0.2";
    CHECK_NOTHROW(f.service->registerAccount("three@example.kz", kPassword, "Three", "buyer", "en", elsewhere));
    f.clock += 3601;
    CHECK_NOTHROW(f.service->registerAccount("four@example.kz", kPassword, "Four", "buyer", "en", f.client));
}

TEST_CASE("the audit log records security events and never a secret", "[accounts]")
{
    Fixture f;
    const SignedIn s = f.verifiedUser("audit@example.kz");
    (void)errorOf([&] { f.service->signIn("audit@example.kz", "wrong password!!", std::nullopt, f.client); });
    f.service->changePassword(f.principalOf(s), kPassword, "obsidian falcon above taraz", f.client);
    const auto events = f.service->auditEvents(s.user.id, 100);
    std::set<std::string> types;
    for (const AuditEvent& e : events) {
        types.insert(e.type);
        CHECK(e.ip == "10.0.0.1");
        for (const std::string& secret : {kPassword, std::string("obsidian falcon above taraz"), s.accessToken,
                                          s.refreshToken, f.lastToken("verify")})
            CHECK(e.detail.find(secret) == std::string::npos);
    }
    for (const char* t : {"registered", "email_verified", "sign_in", "sign_in_failed", "password_changed"})
        CHECK(types.count(t) == 1);
}

TEST_CASE("admins are made on the command line, verified, with a strong password", "[accounts]")
{
    Fixture f;
    CHECK_THROWS_WITH(f.service->createAdmin("root@example.kz", "Root", "admin123"),
                      Catch::Contains("at least 12 characters"));
    const std::int64_t id = f.service->createAdmin("root@example.kz", "Root", "an admin passphrase of length");
    const SignedIn s = f.service->signIn("root@example.kz", "an admin passphrase of length", std::nullopt, f.client);
    CHECK(s.user.id == id);
    CHECK(s.user.role == "admin");
    CHECK_FALSE(f.principalOf(s).secondFactor); // admin routes stay closed until two-factor is on
    CHECK_THROWS_WITH(f.service->createAdmin("root@example.kz", "Root", "an admin passphrase of length"),
                      Catch::Contains("exists already"));
}
