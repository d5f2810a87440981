// The desktop app's cookie jar: it keeps the refresh cookie as a browser would (Path, Max-Age,
// removal, Secure) and remembers only persistent cookies between runs.
#include "client/cookie_jar.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

namespace {
constexpr const char* kRefresh =
    "dongelek_refresh=abc; Path=/api/v1/auth/refresh; HttpOnly; SameSite=Strict; Max-Age=2592000";
}

TEST_CASE("the refresh cookie goes back only to the refresh path", "[client][cookies]")
{
    CookieJar jar;
    CHECK(jar.receive(kRefresh, "/api/v1/auth/login", 1000, false));
    CHECK(jar.header("/api/v1/auth/refresh", 1001, false) == "dongelek_refresh=abc");
    CHECK(jar.header("/api/v1/auth/refresh?x=1", 1001, false) == "dongelek_refresh=abc");
    CHECK(jar.header("/api/v1/auth/login", 1001, false).empty());
    CHECK(jar.header("/api/v1/auth/refreshing", 1001, false).empty()); // a prefix ends at a '/'
    CHECK(jar.header("/api/v1/me", 1001, false).empty());
}

TEST_CASE("a rotated cookie replaces the old one, Max-Age=0 or an empty value removes it", "[client][cookies]")
{
    CookieJar jar;
    jar.receive(kRefresh, "/api/v1/auth/login", 1000, false);
    jar.receive("dongelek_refresh=def; Path=/api/v1/auth/refresh; Max-Age=2592000", "/api/v1/auth/refresh", 1010,
                false);
    CHECK(jar.cookies().size() == 1);
    CHECK(jar.header("/api/v1/auth/refresh", 1011, false) == "dongelek_refresh=def");
    CHECK(jar.receive("dongelek_refresh=; Path=/api/v1/auth/refresh; Max-Age=0", "/api/v1/auth/logout", 1020, false));
    CHECK(jar.header("/api/v1/auth/refresh", 1021, false).empty());
}

TEST_CASE("an expired cookie is not sent, a Secure one is refused over plain HTTP", "[client][cookies]")
{
    CookieJar jar;
    jar.receive("a=1; Path=/; Max-Age=10", "/", 1000, false);
    CHECK(jar.header("/x", 1009, false) == "a=1");
    CHECK(jar.header("/x", 1011, false).empty());
    CHECK_FALSE(jar.receive("s=1; Path=/; Secure; Max-Age=10", "/", 1000, false));
    CHECK(jar.receive("s=1; Path=/; Secure; Max-Age=10", "/", 1000, true));
    CHECK(jar.header("/", 1001, false) == "a=1");
}

TEST_CASE("only persistent cookies are saved, and they load back", "[client][cookies]")
{
    CookieJar jar;
    jar.receive(kRefresh, "/api/v1/auth/login", 1000, false);
    jar.receive("visit=1; Path=/", "/", 1000, false); // no Max-Age: this run only
    CookieJar next;
    next.load(jar.save(1000), 2000);
    CHECK(next.header("/api/v1/auth/refresh", 2000, false) == "dongelek_refresh=abc");
    CHECK(next.header("/", 2000, false).empty());
    next.load(jar.save(1000), 1000 + 2592000 + 1); // read after it expired: nothing
    CHECK(next.cookies().empty());
    next.load("not json", 2000);
    CHECK(next.cookies().empty());
}

TEST_CASE("without a Path the cookie belongs to the request's directory", "[client][cookies]")
{
    CookieJar jar;
    jar.receive("x=1; Max-Age=60", "/api/v1/auth/login", 0, false);
    CHECK(jar.header("/api/v1/auth/refresh", 1, false) == "x=1");
    CHECK(jar.header("/api/v1/me", 1, false).empty());
    CHECK(cookiePathMatches("/api/v1/auth", "/api/v1/auth"));
    CHECK(cookiePathMatches("/api/v1/auth/x", "/api/v1/auth/"));
}
