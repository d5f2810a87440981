// The session service in the shell: a reload stays signed in (the start-up refresh), the token is
// refreshed before it runs out, an expired token never reaches the user (refresh once, repeat
// the request), a session that ended signs the device out, and sign-out ends it on the server.
// Time is the harness's test clock: no test waits for real time.
#include "account_harness.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::test;

namespace {
// A signed-in call made the way a module makes one; the last answer lands in `got`.
struct Caller {
    int calls = 0;
    ApiResult<User> got;
    void me(Session& s)
    {
        s.call<User>(HttpRequest::get("/api/v1/me"), [this](ApiResult<User> r) {
            ++calls;
            got = std::move(r);
        });
    }
};
std::string userJson()
{
    return nlohmann::json(userNamed()).dump();
}
} // namespace

// [SECTION] Start-up

TEST_CASE("the app asks at start-up whether it is signed in, with the CSRF header and the cookie only",
          "[client][session]")
{
    AccountHarness h;
    h.start("/", "", false);
    CHECK(h.session().phase() == SessionPhase::Unknown);
    const auto& refresh = h.http.request(h.http.last(Session::kRefreshUrl));
    CHECK(refresh.method == "POST");
    CHECK(refresh.header("X-Dongelek-CSRF") == "1");
    CHECK(refresh.header("Authorization").empty()); // the refresh cookie is the credential
    CHECK(refresh.body.empty());

    h.reply(h.http.last(Session::kRefreshUrl), 200, tokensJson("t1"));
    CHECK(h.session().phase() == SessionPhase::SignedIn);
    REQUIRE(h.session().user());
    CHECK(h.session().user()->email == "aigerim@example.kz");
    CHECK(h.session().accessTokenForTests() == "t1");
}

TEST_CASE("a reload without a session cookie is signed out", "[client][session]")
{
    AccountHarness h;
    h.start("/", "", false);
    h.reply(h.http.last(Session::kRefreshUrl), 401, errorJson("session_expired"));
    CHECK(h.session().phase() == SessionPhase::SignedOut);
    CHECK_FALSE(h.session().user());
    CHECK_FALSE(h.session().nextUpdateAt()); // nothing scheduled: no refresh loop while signed out
}

TEST_CASE("the test hook says who is signed in, never the token", "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    nlohmann::json state = nlohmann::json::object();
    h.session().describe(state);
    CHECK(state["account"]["signedIn"] == true);
    CHECK(state["account"]["phase"] == "signed_in");
    CHECK(state["account"]["email"] == "aigerim@example.kz");
    CHECK(state["account"]["role"] == "buyer");
    CHECK(state.dump().find("t1") == std::string::npos);
}

// [SECTION] Silent refresh

TEST_CASE("the refresh is due a minute before the token runs out, never before half its life", "[client][session]")
{
    CHECK(Session::refreshDelayMs(300) == 240'000);
    CHECK(Session::refreshDelayMs(3600) == 3'540'000);
    CHECK(Session::refreshDelayMs(60) == 30'000);
    CHECK(Session::refreshDelayMs(0) == 5'000); // a nonsense lifetime does not spin
}

TEST_CASE("the token is refreshed silently shortly before it expires, and the new one is used", "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    const double signedInAt = h.now;
    REQUIRE(h.session().nextUpdateAt());
    CHECK(*h.session().nextUpdateAt() == Approx(signedInAt + 240'000));
    const std::size_t before = h.http.count(Session::kRefreshUrl);
    h.runUntil(signedInAt + 239'000);
    CHECK(h.http.count(Session::kRefreshUrl) == before);
    h.runUntil(signedInAt + 240'000);
    CHECK(h.http.count(Session::kRefreshUrl) == before + 1);
    h.reply(h.http.last(Session::kRefreshUrl), 200, tokensJson("t2"));
    CHECK(h.session().accessTokenForTests() == "t2");
    Caller c;
    c.me(h.session());
    CHECK(h.http.request(h.http.last("/api/v1/me")).header("Authorization") == "Bearer t2");
}

TEST_CASE("a refresh that gets no answer keeps the session and tries again later", "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    h.runUntil(h.now + 240'000);
    h.fail(h.http.last(Session::kRefreshUrl));
    CHECK(h.session().signedIn());
    REQUIRE(h.session().nextUpdateAt());
    const std::size_t before = h.http.count(Session::kRefreshUrl);
    h.runUntil(*h.session().nextUpdateAt());
    CHECK(h.http.count(Session::kRefreshUrl) == before + 1);
}

// [SECTION] Signed-in calls

TEST_CASE("a signed-in call carries the bearer token", "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    Caller c;
    c.me(h.session());
    REQUIRE(h.http.pending("/api/v1/me") == 1);
    CHECK(h.http.request(h.http.last("/api/v1/me")).header("Authorization") == "Bearer t1");
    h.reply(h.http.last("/api/v1/me"), 200, userJson());
    CHECK(c.calls == 1);
    CHECK(c.got.ok);
}

TEST_CASE("401 token_expired: one refresh, then the same request again, the caller sees only the answer",
          "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    Caller c;
    c.me(h.session());
    h.reply(h.http.last("/api/v1/me"), 401, errorJson("token_expired"));
    CHECK(c.calls == 0); // not told about the expired token
    REQUIRE(h.http.pending(Session::kRefreshUrl) == 1);
    h.reply(h.http.last(Session::kRefreshUrl), 200, tokensJson("t2"));
    REQUIRE(h.http.pending("/api/v1/me") == 1);
    CHECK(h.http.request(h.http.last("/api/v1/me")).header("Authorization") == "Bearer t2");
    h.reply(h.http.last("/api/v1/me"), 200, userJson());
    CHECK(c.calls == 1);
    CHECK(c.got.ok);
}

TEST_CASE("several calls with the same expired token share one refresh", "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    Caller a, b;
    a.me(h.session());
    b.me(h.session());
    const std::size_t refreshes = h.http.count(Session::kRefreshUrl);
    const auto first = h.http.urls("/api/v1/me").size();
    REQUIRE(first == 2);
    h.http.answer(h.http.last("/api/v1/me") - 1, 401, errorJson("token_expired"));
    h.http.answer(h.http.last("/api/v1/me"), 401, errorJson("token_expired"));
    h.frame();
    CHECK(h.http.count(Session::kRefreshUrl) == refreshes + 1); // rotating twice would end the session
    h.reply(h.http.last(Session::kRefreshUrl), 200, tokensJson("t2"));
    CHECK(h.http.pending("/api/v1/me") == 2);
}

TEST_CASE("an expired-token answer that arrives after the refresh is sent again with the new token, no second refresh",
          "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    Caller a, b;
    a.me(h.session());
    b.me(h.session());
    const std::size_t first = h.http.last("/api/v1/me") - 1, second = h.http.last("/api/v1/me");
    h.reply(first, 401, errorJson("token_expired"));
    h.reply(h.http.last(Session::kRefreshUrl), 200, tokensJson("t2"));
    const std::size_t refreshes = h.http.count(Session::kRefreshUrl);
    h.reply(second, 401, errorJson("token_expired")); // sent with t1 before the refresh
    CHECK(h.http.count(Session::kRefreshUrl) == refreshes);
    CHECK(h.http.pending("/api/v1/me") == 2);
    CHECK(h.http.request(h.http.last("/api/v1/me")).header("Authorization") == "Bearer t2");
}

TEST_CASE("an expired token whose refresh is refused signs out, and the caller hears 401", "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    Caller c;
    c.me(h.session());
    h.reply(h.http.last("/api/v1/me"), 401, errorJson("token_expired"));
    h.reply(h.http.last(Session::kRefreshUrl), 401, errorJson("session_expired"));
    CHECK(h.session().phase() == SessionPhase::SignedOut);
    CHECK(c.calls == 1);
    CHECK(c.got.error.kind == ErrorKind::Unauthorized);
}

TEST_CASE("a call made before the start-up refresh answered waits for it", "[client][session]")
{
    AccountHarness h;
    h.start("/", "", false);
    Caller c;
    c.me(h.session());
    CHECK(h.http.pending("/api/v1/me") == 0);
    h.reply(h.http.last(Session::kRefreshUrl), 200, tokensJson("t1"));
    REQUIRE(h.http.pending("/api/v1/me") == 1);
    CHECK(h.http.request(h.http.last("/api/v1/me")).header("Authorization") == "Bearer t1");
}

TEST_CASE("a signed-in call while signed out is answered 401 unauthenticated without a request", "[client][session]")
{
    AccountHarness h;
    h.start("/");
    Caller c;
    const std::size_t before = h.http.size();
    c.me(h.session());
    CHECK(h.http.size() == before);
    CHECK(c.calls == 1);
    CHECK(c.got.error.kind == ErrorKind::Unauthorized);
    CHECK(c.got.error.is("unauthenticated"));
}

TEST_CASE("a 401 that ends the session signs the device out, a wrong password does not", "[client][session]")
{
    AccountHarness h;
    h.startSignedIn("/");
    Caller c;
    h.session().call<NoContent>(HttpRequest::empty("POST", "/api/v1/me/password"), [](ApiResult<NoContent>) {});
    h.reply(h.http.last("/api/v1/me/password"), 401, errorJson("invalid_credentials", "currentPassword"));
    CHECK(h.session().signedIn());
    c.me(h.session());
    h.reply(h.http.last("/api/v1/me"), 401, errorJson("unauthenticated"));
    CHECK(h.session().phase() == SessionPhase::SignedOut);
}

// [SECTION] Sign-out

TEST_CASE("signing out tells the server with the token and forgets the session whatever it answers",
          "[client][session]")
{
    for (const int status : {204, 500, 0}) {
        INFO("logout answered " << status);
        AccountHarness h;
        h.startSignedIn("/");
        bool done = false;
        h.session().signOut([&done] { done = true; });
        const auto& logout = h.http.request(h.http.last(Session::kLogoutUrl));
        CHECK(logout.method == "POST");
        CHECK(logout.header("Authorization") == "Bearer t1");
        if (status == 0)
            h.fail(h.http.last(Session::kLogoutUrl));
        else
            h.reply(h.http.last(Session::kLogoutUrl), status, "");
        CHECK(done);
        CHECK(h.session().phase() == SessionPhase::SignedOut);
        CHECK(h.session().accessTokenForTests().empty());
        CHECK_FALSE(h.session().nextUpdateAt()); // no refresh left scheduled
    }
}

TEST_CASE("listeners hear every sign-in and sign-out", "[client][session]")
{
    AccountHarness h;
    int heard = 0;
    h.session().subscribe([&heard] { ++heard; });
    h.startSignedIn("/");
    CHECK(heard == 1);
    h.session().signOut();
    h.reply(h.http.last(Session::kLogoutUrl), 204, "");
    CHECK(heard == 2);
}

// [SECTION] Pages that need an account, and the way back

TEST_CASE("a signed-out user opening a page that needs an account is sent to sign in and comes back afterwards",
          "[client][session][return]")
{
    AccountHarness h;
    h.start("/account/sessions");
    CHECK(h.screen() == "sign_in");
    CHECK(h.history.current() == "/account/sign-in?next=%2Faccount%2Fsessions");
    CHECK(h.history.entries().size() == 1); // in place of the page, not an extra step for Back

    h.signIn.signIn("aigerim@example.kz", "correct horse battery");
    const auto& login = h.http.request(h.http.last(SignInModule::kLoginUrl));
    CHECK(nlohmann::json::parse(login.body) ==
          nlohmann::json{{"email", "aigerim@example.kz"}, {"password", "correct horse battery"}});
    h.reply(h.http.last(SignInModule::kLoginUrl), 200, tokensJson("t1"));
    CHECK(h.session().signedIn());
    CHECK(h.screen() == "sessions");
    CHECK(h.history.current() == "/account/sessions");
    CHECK(h.http.pending(SessionsModule::kSessionsUrl) == 1); // it loads now that there is a session
}

TEST_CASE("after signing in from a page's link, Back is not the sign-in form but the page before it",
          "[client][session][return]")
{
    AccountHarness h;
    h.start("/listing/5");
    REQUIRE(h.app.navigate(SignInRoute{SignInRoute::Method::Password, "/listing/5"}.url()));
    h.signIn.signIn("aigerim@example.kz", "correct horse battery");
    h.reply(h.http.last(SignInModule::kLoginUrl), 200, tokensJson());
    // The entry behind is the listing: the browser's Back goes there, no second copy is pushed.
    CHECK(h.history.log().back() == "back");
    h.deliverPop();
    CHECK(h.screen() == "listing");
    CHECK(h.history.entries().size() == 2);
}

TEST_CASE("a page that needs an account waits while the start-up refresh is under way", "[client][session][return]")
{
    AccountHarness h;
    h.start("/account", "", false);
    CHECK(h.screen() == "profile");
    CHECK(h.app.current().status() == Status::Loading);
    h.reply(h.http.last(Session::kRefreshUrl), 200, tokensJson());
    CHECK(h.screen() == "profile");
    CHECK(h.app.current().status() == Status::Ready);
}

TEST_CASE("when the session ends on another device, the page that needs it gives way to sign-in",
          "[client][session][return]")
{
    AccountHarness h;
    h.startSignedIn("/account/sessions");
    h.reply(h.http.last(SessionsModule::kSessionsUrl), 401, errorJson("session_expired"));
    CHECK(h.screen() == "sign_in");
    CHECK(h.history.current() == "/account/sign-in?next=%2Faccount%2Fsessions");
}

TEST_CASE("signing out on a page that needs an account goes home, elsewhere the page stays",
          "[client][session][return]")
{
    {
        AccountHarness h;
        h.startSignedIn("/account");
        h.profile.signOut();
        h.reply(h.http.last(Session::kLogoutUrl), 204, "");
        CHECK(h.screen() == "browse");
        CHECK(h.history.current() == "/");
    }
    {
        AccountHarness h;
        h.startSignedIn("/listing/5");
        h.app.signOut();
        h.reply(h.http.last(Session::kLogoutUrl), 204, "");
        CHECK(h.screen() == "listing");
    }
}

TEST_CASE("opening the sign-in page while signed in goes straight on", "[client][session][return]")
{
    AccountHarness h;
    h.startSignedIn("/account/sign-in?next=%2Flisting%2F5");
    h.frame();
    CHECK(h.screen() == "listing");
    CHECK(h.history.current() == "/listing/5");
}
