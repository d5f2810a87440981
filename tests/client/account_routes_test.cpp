// The account screens' addresses: what each parses out of a pasted or mailed link, what it
// writes back, and that the way back after signing in can only lead inside the site.
#include "core/routes/account_routes.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEST_CASE("the sign-in address carries the method and the way back", "[client][routes]")
{
    const auto r = SignInRoute::parse(splitAppUrl("/account/sign-in?with=phone&next=%2Flisting%2F5&lang=ru"));
    CHECK(r.method == SignInRoute::Method::Phone);
    CHECK(r.next == "/listing/5");
    CHECK(r.url() == "/account/sign-in?with=phone&next=%2Flisting%2F5");
    CHECK(SignInRoute{}.url() == "/account/sign-in");
    CHECK(SignInRoute::parse(splitAppUrl("/account/sign-in?with=carrier-pigeon")).method ==
          SignInRoute::Method::Password);
    CHECK(SignInRoute::claims(splitAppUrl("/account/sign-in/")));
    CHECK_FALSE(SignInRoute::claims(splitAppUrl("/account/sign-in-now")));
}

TEST_CASE("the way back after signing in stays on the site and never loops", "[client][routes]")
{
    CHECK(safeReturnPath("/account/sessions") == "/account/sessions");
    CHECK(safeReturnPath("/?make=3&page=2") == "/?make=3&page=2");
    for (const char* bad : {"", "https://evil.example/", "//evil.example/x", "/\\evil.example", "evil", "/a\\b",
                            "/account/sign-in?next=%2F", "/account/register", "/x\ny"}) {
        INFO(bad);
        CHECK(safeReturnPath(bad).empty());
    }
    CHECK(SignInRoute::parse(splitAppUrl("/account/sign-in?next=%2F%2Fevil.example")).next.empty());
    CHECK(RegisterRoute::parse(splitAppUrl("/account/register?next=%2Faccount")).next == "/account");
    CHECK(RegisterRoute{"/account"}.url() == "/account/register?next=%2Faccount");
}

TEST_CASE("mail links give their token, a token with anything but URL-safe letters is no token", "[client][routes]")
{
    CHECK(VerifyRoute::parse(splitAppUrl("/account/verify?token=AbC-123_x.y~z&lang=kk")).token == "AbC-123_x.y~z");
    CHECK(VerifyRoute{"abc"}.url() == "/account/verify?token=abc");
    CHECK(ResetRoute::parse(splitAppUrl("/account/reset?token=r3s3t")).token == "r3s3t");
    CHECK(ResetRoute::parse(splitAppUrl("/account/reset")).token.empty());
    CHECK(VerifyRoute::parse(splitAppUrl("/account/verify?token=%3Cscript%3E")).token.empty());
    CHECK(VerifyRoute::parse(splitAppUrl("/account/verify?token=" + std::string(600, 'a'))).token.empty());
}

TEST_CASE("each account page claims its own address only", "[client][routes]")
{
    CHECK(kProfileRoute.claims(splitAppUrl("/account")));
    CHECK(kProfileRoute.claims(splitAppUrl("/account/")));
    CHECK_FALSE(kProfileRoute.claims(splitAppUrl("/account/sessions")));
    CHECK(kSessionsRoute.claims(splitAppUrl("/account/sessions?lang=ru")));
    CHECK(kSecurityRoute.claims(splitAppUrl("#/account/security")));
    CHECK(kCheckMailRoute.claims(splitAppUrl("/account/check-mail")));
    CHECK(kForgotRoute.claims(splitAppUrl("/account/forgot")));
    CHECK(VerifyRoute::claims(splitAppUrl("/account/verify?token=x")));
    CHECK_FALSE(VerifyRoute::claims(splitAppUrl("/account/verify-email")));
}
