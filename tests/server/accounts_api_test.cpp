// The accounts API against the real dongelek-server process: the whole sign-up with the mail
// delivered to a real local SMTP server (Debian's aiosmtpd), the refresh cookie's attributes,
// rotation and reuse detection, the CSRF header, who may call each route (anonymous callers,
// bad tokens, other users' ids, admins without two-factor), field-by-field body checks,
// 429 with Retry-After, SMS through a real HTTP gateway, the admin command and the audit log,
// and a server log without a single secret in it.
//
// [SECTION] Helpers
// [SECTION] Sign-up through SMTP
// [SECTION] Refresh cookie
// [SECTION] Who may call what
// [SECTION] Bad input and limits
// [SECTION] SMS gateway
// [SECTION] Admins and the audit log

#include "api_calls.hpp"
#include "server_process.hpp"
#include "totp_code.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/hmac.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

using dongelek::test::ServerOptions;
using dongelek::test::ServerProcess;
using dongelek::test::freePort;
using namespace dongelek::test;
using nlohmann::json;
namespace fs = std::filesystem;

// [SECTION] Helpers

namespace {

std::unique_ptr<httplib::Client> clientFor(const ServerProcess& s)
{
    auto c = std::make_unique<httplib::Client>("127.0.0.1", s.port());
    c->set_read_timeout(20, 0);
    return c;
}

// The refresh token out of a Set-Cookie header ("" when it clears the cookie).
std::string cookieValue(const Answer& a)
{
    const std::string sc = a.header("Set-Cookie");
    const std::string name = "dongelek_refresh=";
    if (sc.rfind(name, 0) != 0) return {};
    return sc.substr(name.size(), sc.find(';') - name.size());
}

httplib::Headers refreshHeaders(const std::string& cookie)
{
    return {{"Cookie", "dongelek_refresh=" + cookie}, {"X-Dongelek-CSRF", "1"}};
}

// A real SMTP server (Debian's python3-aiosmtpd) storing each message in a maildir.
class SmtpServer {
public:
    SmtpServer() : m_dir(fs::temp_directory_path() / ("dk-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(freePort())))
    {
        for (const char* sub : {"cur", "new", "tmp"}) // a maildir
            fs::create_directories(m_dir / sub);
        m_port = freePort();
        m_pid = ::fork();
        if (m_pid == 0) {
            const std::string listen = "127.0.0.1:" + std::to_string(m_port);
            ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
                    "aiosmtpd.handlers.Mailbox", m_dir.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 100; ++i) { // until it accepts connections
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(static_cast<std::uint16_t>(m_port));
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
            ::close(fd);
            if (up) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        FAIL("aiosmtpd did not start (is python3-aiosmtpd installed? scripts/setup.sh installs it)");
    }
    ~SmtpServer()
    {
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(m_port); }
    std::vector<std::string> messages(std::size_t n) const { return waitForFiles(m_dir / "new", n); }

private:
    fs::path m_dir;
    int m_port = 0;
    pid_t m_pid = -1;
};

} // namespace

// [SECTION] Sign-up through SMTP

TEST_CASE("sign up, confirm by the mail a real SMTP server received, sign in, refresh, sign out", "[api][accounts]")
{
    SmtpServer smtp;
    ServerProcess s(ServerOptions{50, true, true, {"--smtp-url", smtp.url(), "--refresh-reuse-grace", "0"}});
    auto c = clientFor(s);
    REQUIRE(call(*c, "POST", "/api/v1/auth/register",
                 json{{"email", "Dana@Example.kz"}, {"password", kPassword}, {"displayName", "Дана"},
                      {"role", "dealer"}, {"language", "ru"}}
                     .dump())
                .status == 202);
    const std::string mail = smtp.messages(1).front();
    CHECK(mail.find("To: <dana@example.kz>") != std::string::npos);
    CHECK(mail.find("multipart/alternative") != std::string::npos);
    CHECK(mail.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
    const std::string text = plainText(mail);
    CHECK(text.find("Здравствуйте, Дана!") != std::string::npos);
    const std::string token = linkToken(text, "verify");
    CHECK(text.find("http://127.0.0.1:" + std::to_string(s.port()) + "/account/verify?token=" + token + "&lang=ru") !=
          std::string::npos);

    CHECK(call(*c, "POST", "/api/v1/auth/login", json{{"email", "dana@example.kz"}, {"password", kPassword}}.dump())
              .code() == "email_unverified");
    CHECK(call(*c, "POST", "/api/v1/auth/verify-email", json{{"token", token}}.dump()).body["status"] == "verified");
    const Answer again = call(*c, "POST", "/api/v1/auth/verify-email", json{{"token", token}}.dump());
    CHECK(again.status == 400);
    CHECK(again.code() == "token_used");

    const Answer login =
        call(*c, "POST", "/api/v1/auth/login", json{{"email", "dana@example.kz"}, {"password", kPassword}}.dump());
    REQUIRE(login.status == 200);
    CHECK(login.body["expiresIn"] == 300);
    CHECK(login.body["user"]["role"] == "dealer");
    CHECK(login.body.dump().find(cookieValue(login)) == std::string::npos); // the refresh token is only in the cookie
    const std::string setCookie = login.header("Set-Cookie");
    CHECK(setCookie.find("; Path=/api/v1/auth/refresh;") != std::string::npos);
    CHECK(setCookie.find("; HttpOnly") != std::string::npos);
    CHECK(setCookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(setCookie.find("Secure") == std::string::npos); // plain HTTP here
    CHECK(login.header("Cache-Control") == "no-store");

    const std::string access = login.body["accessToken"];
    const Answer me = call(*c, "GET", "/api/v1/me", "", bearer(access));
    CHECK(me.status == 200);
    CHECK(me.body["email"] == "dana@example.kz");
    CHECK(me.body["displayName"] == "Дана");

    // Refresh rotates the cookie; the old one coming back ends the session (grace 0 here).
    const Answer r1 = call(*c, "POST", "/api/v1/auth/refresh", "", refreshHeaders(cookieValue(login)));
    REQUIRE(r1.status == 200);
    CHECK(cookieValue(r1) != cookieValue(login));
    const Answer reuse = call(*c, "POST", "/api/v1/auth/refresh", "", refreshHeaders(cookieValue(login)));
    CHECK(reuse.status == 401);
    CHECK(reuse.code() == "session_expired");
    CHECK(reuse.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
    CHECK(call(*c, "POST", "/api/v1/auth/refresh", "", refreshHeaders(cookieValue(r1))).status == 401);
    CHECK(call(*c, "GET", "/api/v1/me", "", bearer(r1.body["accessToken"])).code() == "session_ended");

    // Sign in again and out.
    const Answer l2 =
        call(*c, "POST", "/api/v1/auth/login", json{{"email", "dana@example.kz"}, {"password", kPassword}}.dump());
    const Answer out = call(*c, "POST", "/api/v1/auth/logout", "", bearer(l2.body["accessToken"]));
    CHECK(out.status == 204);
    CHECK(out.header("Set-Cookie").find("dongelek_refresh=; Path=/api/v1/auth/refresh; Max-Age=0") == 0);
    CHECK(call(*c, "POST", "/api/v1/auth/refresh", "", refreshHeaders(cookieValue(l2))).status == 401);

    // Nothing secret reached the log: no password, token or link.
    s.stop();
    const std::string log = s.log();
    for (const std::string& secret : {kPassword, token, access, cookieValue(login), cookieValue(r1)})
        CHECK(log.find(secret) == std::string::npos);
}

TEST_CASE("a forgotten password is reset by the mailed link, ending every session", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const Answer login = signUp(*c, s, "reset@example.kz", 0);
    CHECK(call(*c, "POST", "/api/v1/auth/password-reset/request", json{{"email", "nobody@example.kz"}}.dump()).status == 202);
    CHECK(call(*c, "POST", "/api/v1/auth/password-reset/request", json{{"email", "reset@example.kz"}}.dump()).status == 202);
    const auto mails = waitForFiles(s.outbox(), 2, ".eml");
    REQUIRE(mails.size() == 2); // nothing for the unknown address
    const std::string token = linkToken(plainText(mails.back()), "reset");
    const Answer weak = call(*c, "POST", "/api/v1/auth/password-reset/confirm", json{{"token", token}, {"password", "12345"}}.dump());
    CHECK(weak.status == 400);
    CHECK(weak.code() == "weak_password");
    CHECK(weak.field() == "password");
    CHECK(call(*c, "POST", "/api/v1/auth/password-reset/confirm",
               json{{"token", token}, {"password", "sapphire minaret in turkistan"}}.dump())
              .status == 200);
    CHECK(call(*c, "GET", "/api/v1/me", "", bearer(login.body["accessToken"])).code() == "session_ended");
    CHECK(call(*c, "POST", "/api/v1/auth/login",
               json{{"email", "reset@example.kz"}, {"password", "sapphire minaret in turkistan"}}.dump())
              .status == 200);
}

TEST_CASE("account addresses are the app's page, never cached, indexed or leaking a Referer", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    for (const char* path : {"/account", "/account/sign-in?lang=kk", "/account/verify?token=abc&lang=ru"}) {
        INFO(path);
        auto r = c->Get(path);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Cache-Control") == "no-store");
        CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
        CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(r->body.find("<meta name=\"robots\" content=\"noindex\">") != std::string::npos);
    }
    CHECK(c->Get("/account/verify?lang=ru")->body.find("<title>Ваш аккаунт | Dongelek</title>") != std::string::npos);
}

// [SECTION] Refresh cookie

TEST_CASE("refresh needs its cookie and the CSRF header", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const Answer login = signUp(*c, s, "csrf@example.kz", 0);
    const Answer noCookie = call(*c, "POST", "/api/v1/auth/refresh", "", {{"X-Dongelek-CSRF", "1"}});
    CHECK(noCookie.status == 401);
    const Answer noHeader = call(*c, "POST", "/api/v1/auth/refresh", "", {{"Cookie", "dongelek_refresh=" + cookieValue(login)}});
    CHECK(noHeader.status == 403);
    CHECK(noHeader.code() == "csrf");
    CHECK(call(*c, "POST", "/api/v1/auth/refresh", "", refreshHeaders("forged-token")).status == 401);
    CHECK(call(*c, "POST", "/api/v1/auth/refresh", "", refreshHeaders(cookieValue(login))).status == 200);
}

// [SECTION] Who may call what

TEST_CASE("signed-in routes refuse anonymous callers and bad tokens, admin routes refuse users", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const Answer login = signUp(*c, s, "plain@example.kz", 0);
    const std::string token = login.body["accessToken"];
    const std::vector<std::pair<std::string, std::string>> signedIn = {
        {"GET", "/api/v1/me"},           {"PATCH", "/api/v1/me"},
        {"POST", "/api/v1/me/password"}, {"GET", "/api/v1/me/sessions"},
        {"DELETE", "/api/v1/me/sessions/1"}, {"POST", "/api/v1/me/sessions/end-others"},
        {"POST", "/api/v1/me/phone"},    {"POST", "/api/v1/me/phone/confirm"},
        {"POST", "/api/v1/me/totp/setup"}, {"POST", "/api/v1/me/totp/enable"},
        {"POST", "/api/v1/me/totp/disable"}, {"POST", "/api/v1/auth/logout"}};
    // A token signed with another key, and one with alg "none".
    const std::string forged = token.substr(0, token.rfind('.') + 1) + "AAAA";
    const std::string none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + token.substr(token.find('.') + 1, token.rfind('.') - token.find('.')) ;
    for (const auto& [method, path] : signedIn) {
        INFO(method << " " << path);
        const Answer anon = call(*c, method, path, "{}");
        CHECK(anon.status == 401);
        CHECK(anon.code() == "unauthenticated");
        CHECK(anon.header("WWW-Authenticate") == "Bearer");
        CHECK(call(*c, method, path, "{}", bearer(forged)).code() == "invalid_token");
        CHECK(call(*c, method, path, "{}", bearer(none)).code() == "invalid_token");
    }
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/admin/audit"}, {"PUT", "/api/v1/admin/users/1/role"}}) {
        INFO(method << " " << path);
        CHECK(call(*c, method, path, "{\"role\":\"admin\"}").status == 401);
        const Answer user = call(*c, method, path, "{\"role\":\"admin\"}", bearer(token));
        CHECK(user.status == 403);
        CHECK(user.code() == "forbidden");
    }
    CHECK(call(*c, "GET", "/api/v1/me", "", bearer(token)).body["role"] == "buyer"); // still a buyer
}

TEST_CASE("one user's token never reaches another user's sessions", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const Answer a = signUp(*c, s, "alice@example.kz", 0);
    const Answer b = signUp(*c, s, "bolat@example.kz", 1);
    const json aSessions = call(*c, "GET", "/api/v1/me/sessions", "", bearer(a.body["accessToken"])).body["sessions"];
    REQUIRE(aSessions.size() == 1);
    CHECK(aSessions[0]["current"] == true);
    CHECK(aSessions[0]["ip"] == "127.0.0.1");
    const std::int64_t aSession = aSessions[0]["id"];
    const Answer steal = call(*c, "DELETE", "/api/v1/me/sessions/" + std::to_string(aSession), "", bearer(b.body["accessToken"]));
    CHECK(steal.status == 404);
    CHECK(steal.body.dump().find("alice") == std::string::npos);
    CHECK(call(*c, "GET", "/api/v1/me", "", bearer(a.body["accessToken"])).status == 200);
    const json bSessions = call(*c, "GET", "/api/v1/me/sessions", "", bearer(b.body["accessToken"])).body["sessions"];
    REQUIRE(bSessions.size() == 1);
    CHECK(bSessions[0]["id"] != aSession);
    // Ending one's own works.
    const Answer second = call(*c, "POST", "/api/v1/auth/login", json{{"email", "alice@example.kz"}, {"password", kPassword}}.dump());
    CHECK(call(*c, "DELETE", "/api/v1/me/sessions/" + std::to_string(aSession), "", bearer(second.body["accessToken"])).status == 204);
    CHECK(call(*c, "GET", "/api/v1/me", "", bearer(a.body["accessToken"])).code() == "session_ended");
}

// [SECTION] Bad input and limits

TEST_CASE("account bodies are checked field by field", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const auto check = [&](const std::string& body, int status, const std::string& code, const std::string& field) {
        INFO(body);
        const Answer a = call(*c, "POST", "/api/v1/auth/register", body);
        CHECK(a.status == status);
        CHECK(a.code() == code);
        CHECK(a.field() == field);
    };
    const json good = {{"email", "x@example.kz"}, {"password", kPassword}, {"displayName", "X"}, {"role", "buyer"}};
    check("not json", 400, "invalid_json", "");
    check("[1,2]", 400, "invalid_json", "");
    json extra = good;
    extra["isAdmin"] = true;
    check(extra.dump(), 400, "unknown_field", "isAdmin");
    json number = good;
    number["email"] = 5;
    check(number.dump(), 400, "invalid_field", "email");
    json missing = good;
    missing.erase("password");
    check(missing.dump(), 400, "missing_field", "password");
    json admin = good;
    admin["role"] = "admin";
    check(admin.dump(), 400, "invalid_field", "role");
    const Answer big = call(*c, "POST", "/api/v1/auth/register", std::string(5000, ' '));
    CHECK(big.status == 413);
    CHECK(s.alive());
}

TEST_CASE("limits answer 429 with Retry-After, per address and per account", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {"--auth-limits", "register_ip=2/3600,delay_after=100,lock_after=3"}});
    auto c = clientFor(s);
    const auto reg = [&](const std::string& email) {
        return call(*c, "POST", "/api/v1/auth/register",
                    json{{"email", email}, {"password", kPassword}, {"displayName", "X"}, {"role", "buyer"}}.dump());
    };
    CHECK(reg("one@example.kz").status == 202);
    CHECK(reg("two@example.kz").status == 202);
    const Answer third = reg("three@example.kz");
    CHECK(third.status == 429);
    CHECK(third.code() == "rate_limited");
    CHECK(std::stoi(third.header("Retry-After")) > 3500);
    CHECK(third.body["error"]["retryAfter"] == std::stoi(third.header("Retry-After")));

    // Three wrong passwords lock the account (lock_after=3), known or not: the answers match.
    for (const std::string email : {"one@example.kz", "ghost@example.kz"}) {
        for (int i = 0; i < 3; ++i)
            CHECK(call(*c, "POST", "/api/v1/auth/login", json{{"email", email}, {"password", "wrong password!!"}}.dump())
                      .status == 401);
        const Answer locked = call(*c, "POST", "/api/v1/auth/login", json{{"email", email}, {"password", kPassword}}.dump());
        CHECK(locked.status == 429);
        CHECK(std::stoi(locked.header("Retry-After")) > 800);
    }
}

// [SECTION] SMS gateway

TEST_CASE("SMS codes go through a real HTTP gateway with its key", "[api][accounts]")
{
    httplib::Server gateway;
    std::mutex mutex;
    std::vector<std::pair<std::string, json>> received;
    gateway.Post("/send", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(mutex);
        received.emplace_back(req.get_header_value("Authorization"), json::parse(req.body, nullptr, false));
        res.status = 200;
        res.set_content("{\"ok\":true}", "application/json");
    });
    const int port = gateway.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { gateway.listen_after_bind(); });
    ServerProcess s(ServerOptions{50, true, true,
                                  {"--sms-gateway-url", "http://127.0.0.1:" + std::to_string(port) + "/send",
                                   "--sms-gateway-key", "test-gateway-key"}});
    auto c = clientFor(s);
    const Answer login = signUp(*c, s, "phone@example.kz", 0);
    const std::string token = login.body["accessToken"];
    CHECK(call(*c, "POST", "/api/v1/me/phone", json{{"phone", "+44 20 7946 0958"}}.dump(), bearer(token)).code() ==
          "invalid_phone");
    CHECK(call(*c, "POST", "/api/v1/me/phone", json{{"phone", "+973 3612 3456"}}.dump(), bearer(token)).status == 202);
    std::string code;
    for (int i = 0; i < 100 && code.empty(); ++i) {
        {
            std::lock_guard lock(mutex);
            if (!received.empty()) {
                CHECK(received[0].first == "Bearer test-gateway-key");
                CHECK(received[0].second["to"] == "+97336123456");
                std::smatch m;
                const std::string text = received[0].second["text"];
                if (std::regex_search(text, m, std::regex("([0-9]{6})"))) code = m[1];
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE(code.size() == 6);
    const Answer confirmed = call(*c, "POST", "/api/v1/me/phone/confirm", json{{"code", code}}.dump(), bearer(token));
    CHECK(confirmed.status == 200);
    CHECK(confirmed.body["phone"] == "+97336123456");
    gateway.stop();
    serving.join();
    s.stop();
    CHECK(s.log().find(code) == std::string::npos);
    CHECK(s.log().find("test-gateway-key") == std::string::npos);
}

// [SECTION] Admins and the audit log

TEST_CASE("an admin made on the command line reads the audit log only with two-factor sign-in", "[api][accounts]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const Answer user = signUp(*c, s, "user@example.kz", 0);
    CHECK(call(*c, "POST", "/api/v1/auth/login", json{{"email", "user@example.kz"}, {"password", "wrong password!!"}}.dump())
              .status == 401);

    const std::string adminPassword = "the admin keeps a long passphrase";
    const std::string cmd = std::string(DONGELEK_SERVER_BINARY) + " admin create --email root@example.kz --name Root --db '" +
                            s.databaseUrl() + "' --locales-dir " DONGELEK_LOCALES_DIR " --mail-outbox '" +
                            s.outbox().string() + "' 2>&1";
    FILE* p = ::popen(cmd.c_str(), "w");
    REQUIRE(p);
    std::fputs((adminPassword + "\n").c_str(), p);
    CHECK(WEXITSTATUS(::pclose(p)) == 0);

    Answer admin = call(*c, "POST", "/api/v1/auth/login", json{{"email", "root@example.kz"}, {"password", adminPassword}}.dump());
    REQUIRE(admin.status == 200);
    CHECK(admin.body["user"]["role"] == "admin");
    const Answer without = call(*c, "GET", "/api/v1/admin/audit", "", bearer(admin.body["accessToken"]));
    CHECK(without.status == 403);
    CHECK(without.code() == "two_factor_required");

    const Answer setup = call(*c, "POST", "/api/v1/me/totp/setup", "", bearer(admin.body["accessToken"]));
    REQUIRE(setup.status == 200);
    const std::string secret = setup.body["secret"];
    CHECK(setup.body["qr"]["modules"].get<std::string>().size() ==
          static_cast<std::size_t>(setup.body["qr"]["size"].get<int>() * setup.body["qr"]["size"].get<int>()));
    const Answer enabled = call(*c, "POST", "/api/v1/me/totp/enable", json{{"code", totpNow(secret)}}.dump(),
                                bearer(admin.body["accessToken"]));
    REQUIRE(enabled.status == 200);
    CHECK(enabled.body["recoveryCodes"].size() == 10);
    CHECK(call(*c, "POST", "/api/v1/auth/login", json{{"email", "root@example.kz"}, {"password", adminPassword}}.dump())
              .code() == "totp_required");
    // The enabling code was used; the next step's code signs in.
    admin = call(*c, "POST", "/api/v1/auth/login",
                 json{{"email", "root@example.kz"}, {"password", adminPassword}, {"totp", totpNow(secret, 1)}}.dump());
    REQUIRE(admin.status == 200);
    const Answer audit = call(*c, "GET", "/api/v1/admin/audit?limit=100", "", bearer(admin.body["accessToken"]));
    REQUIRE(audit.status == 200);
    std::set<std::string> types;
    for (const json& e : audit.body["events"])
        types.insert(e["type"].get<std::string>());
    for (const char* t : {"registered", "email_verified", "sign_in", "sign_in_failed", "admin_created", "totp_enabled"})
        CHECK(types.count(t) == 1);
    CHECK(audit.body.dump().find(adminPassword) == std::string::npos);
    CHECK(audit.body.dump().find(secret) == std::string::npos);

    // Role changes are the admin's, and are audited.
    const std::int64_t userId = user.body["user"]["id"];
    CHECK(call(*c, "PUT", "/api/v1/admin/users/" + std::to_string(userId) + "/role", json{{"role", "seller"}}.dump(),
               bearer(admin.body["accessToken"]))
              .status == 200);
    const Answer own = call(*c, "GET", "/api/v1/admin/audit?user=" + std::to_string(userId), "", bearer(admin.body["accessToken"]));
    CHECK(own.body["events"][0]["type"] == "role_changed");
    CHECK(call(*c, "GET", "/api/v1/admin/audit?limit=9999", "", bearer(admin.body["accessToken"])).field() == "limit");
}
