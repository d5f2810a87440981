// The client harness with the account feature registered as src/app/features.cpp does, and
// reply bodies of the accounts API (docs/accounts-api.md).
#pragma once

#include "client_harness.hpp"

#include "client/features/account/check_mail_module.hpp"
#include "client/features/account/forgot_module.hpp"
#include "client/features/account/profile_module.hpp"
#include "client/features/account/register_module.hpp"
#include "client/features/account/reset_module.hpp"
#include "client/features/account/security_module.hpp"
#include "client/features/account/sessions_module.hpp"
#include "client/features/account/sign_in_module.hpp"
#include "client/features/account/verify_module.hpp"
#include "core/accounts_json.hpp"

namespace dongelek::test {

inline User userNamed(std::string email = "aigerim@example.kz", std::string name = "Aigerim")
{
    User u;
    u.id = 7;
    u.email = std::move(email);
    u.displayName = std::move(name);
    u.role = AccountRole::Buyer;
    u.emailVerified = true;
    u.language = "ru";
    u.createdAt = "2026-12-01T10:00:00Z";
    return u;
}

inline std::string tokensJson(std::string token = "t1", int expiresIn = 300, User user = userNamed())
{
    return nlohmann::json(AuthTokens{std::move(token), expiresIn, std::move(user)}).dump();
}

inline std::string sessionsJson(std::vector<SessionInfo> list)
{
    return nlohmann::json(SessionList{std::move(list)}).dump();
}

inline std::string statusJson(std::string status)
{
    return nlohmann::json(StatusReply{std::move(status)}).dump();
}

inline HttpHeaders retryAfter(int seconds)
{
    return {{"Retry-After", std::to_string(seconds)}};
}

struct AccountHarness : ClientHarness {
    SignInModule& signIn = app.add<SignInModule>();
    RegisterModule& registerModule = app.add<RegisterModule>();
    CheckMailModule& checkMail = app.add<CheckMailModule>();
    VerifyModule& verify = app.add<VerifyModule>();
    ForgotModule& forgot = app.add<ForgotModule>();
    ResetModule& reset = app.add<ResetModule>();
    ProfileModule& profile = app.add<ProfileModule>();
    SecurityModule& security = app.add<SecurityModule>();
    SessionsModule& sessions = app.add<SessionsModule>();

    Session& session() { return app.session(); }

    // Opens `url` with the start-up refresh answered: signed in as userNamed() with token "t1".
    void startSignedIn(const std::string& url, int expiresIn = 300)
    {
        start(url, "", false);
        reply(http.last(Session::kRefreshUrl), 200, tokensJson("t1", expiresIn));
    }
    // Answers the newest request to `prefix`, with headers.
    void replyLast(const std::string& prefix, int status, std::string body, HttpHeaders headers = {})
    {
        http.answer(http.last(prefix), status, std::move(body), {}, std::move(headers));
        frame();
    }
};

} // namespace dongelek::test
