// The route table without a network: literal and typed segments, the most specific route
// winning, 405 with Allow (GET allows HEAD), 404 hints written from the rows themselves,
// fallbacks kept out of /api and /media, and the checks made when a route is added.

#include "server/http/route_table.hpp"

#include <catch2/catch.hpp>

using namespace dongelek::server;

namespace {
Handler answer(int status)
{
    return [status](const Request&) -> Reply { return Response::bytes(status, "text/plain", nullptr); };
}

Route get(std::string pattern, std::string summary = "a test route")
{
    return Route{{Method::Get}, std::move(pattern), Access::Public, kNoBody, std::move(summary), answer(200)};
}

// The table the server has, with stub handlers.
void addServerShape(RouteTable& t)
{
    t.add(get("/api/v1/health"));
    t.add(get("/api/v1/listings"));
    t.add(get("/api/v1/listings/{id:id}"));
    t.add(get("/api/v1/makes"));
    t.add(get("/api/v1/cities"));
    t.add(get("/media/photos/{file}"));
    t.add(get("/{path:*}"));
}

RouteTable::Match matchGet(const RouteTable& t, std::string_view path)
{
    return t.match(Method::Get, "GET", path);
}
} // namespace

TEST_CASE("literal routes match, with or without one trailing slash", "[server][routes]")
{
    RouteTable t;
    addServerShape(t);
    for (const char* path : {"/api/v1/listings", "/api/v1/listings/", "/api/v1/%6Cistings"}) {
        INFO(path);
        const auto m = matchGet(t, path);
        REQUIRE(m.route);
        CHECK(m.route->pattern == "/api/v1/listings");
    }
    CHECK(matchGet(t, "/api/v1/listings//").error); // two trailing slashes are another path
    CHECK_FALSE(matchGet(t, "/api/v1//listings").route);
}

TEST_CASE("{id:id} parameters keep the API's exact validation and messages", "[server][routes]")
{
    RouteTable t;
    addServerShape(t);
    const auto ok = matchGet(t, "/api/v1/listings/42");
    REQUIRE(ok.route);
    CHECK(ok.params.id("id") == 42);
    CHECK(ok.params.text("id") == "42");
    CHECK(matchGet(t, "/api/v1/listings/%34%32").params.id("id") == 42);
    CHECK_THROWS_AS(ok.params.id("nope"), std::logic_error);

    const std::vector<std::pair<std::string, std::string>> bad = {
        {"abc", "id must be a whole number, got 'abc'"},
        {"-5", "id must be a whole number, got '-5'"},
        {"+5", "id must be a whole number, got '+5'"},
        {"1.5", "id must be a whole number, got '1.5'"},
        {"0", "id must be between 1 and 9007199254740991"},
        {"9007199254740992", "id must be between 1 and 9007199254740991"},
        {"99999999999999999999999", "id must be between 1 and 9007199254740991"},
    };
    for (const auto& [text, message] : bad) {
        INFO(text);
        const auto m = matchGet(t, "/api/v1/listings/" + text);
        CHECK_FALSE(m.route);
        REQUIRE(m.error);
        CHECK(m.error->status == 400);
        CHECK(m.error->error.code == "invalid_parameter");
        CHECK(m.error->error.field == "id");
        CHECK(m.error->error.message == message);
    }
}

TEST_CASE("the most specific route wins: literal, then parameter, then the rest", "[server][routes]")
{
    RouteTable t;
    t.add(get("/{path:*}", "fallback"));
    t.add(get("/x/{id:id}", "by id"));
    t.add(get("/x/new", "the new form"));
    CHECK(matchGet(t, "/x/new").route->summary == "the new form");
    CHECK(matchGet(t, "/x/7").route->summary == "by id");
    const auto rest = matchGet(t, "/y/a%20b/c");
    REQUIRE(rest.route);
    CHECK(rest.route->summary == "fallback");
    CHECK(rest.params.text("path") == "y/a b/c");
    CHECK(matchGet(t, "/").route->summary == "fallback");

    // A route that ends where another goes on with the rest is the more specific one,
    // whichever was added first.
    t.add(get("/", "home"));
    t.add(get("/x/{id:id}/{rest:*}", "under an id"));
    CHECK(matchGet(t, "/").route->summary == "home");
    CHECK(matchGet(t, "/x/7").route->summary == "by id");
    CHECK(matchGet(t, "/x/7/photos").route->summary == "under an id");
}

TEST_CASE("a wrong method gets 405 with every method of the path, and GET allows HEAD", "[server][routes]")
{
    RouteTable t;
    t.add(get("/things"));
    t.add(Route{{Method::Post}, "/things", Access::Public, 1024, "make a thing", answer(201)});
    t.add(Route{{Method::Delete}, "/things/{id:id}", Access::Public, kNoBody, "remove a thing", answer(204)});

    CHECK(t.match(Method::Head, "HEAD", "/things").route->summary == "a test route");
    CHECK(t.match(Method::Post, "POST", "/things").route->summary == "make a thing");
    auto m = t.match(Method::Put, "PUT", "/things");
    REQUIRE(m.error);
    CHECK(m.error->status == 405);
    CHECK(m.error->error.code == "method_not_allowed");
    CHECK(m.error->error.field.empty());
    CHECK(m.allow == "GET, HEAD, POST");
    CHECK(m.error->error.message == "PUT is not allowed here; use GET, HEAD or POST");

    m = t.match(Method::Head, "HEAD", "/things/3");
    REQUIRE(m.error);
    CHECK(m.allow == "DELETE"); // HEAD comes only with GET
    m = t.match(Method::Other, "PROPFIND", "/things/3");
    CHECK(m.error->error.message == "PROPFIND is not allowed here; use DELETE");
    // The method is checked before the parameters: a DELETE-only path refuses GET first.
    CHECK(t.match(Method::Get, "GET", "/things/abc").error->status == 405);
}

TEST_CASE("404 hints under /api and /media are written from the table", "[server][routes]")
{
    RouteTable t;
    addServerShape(t);
    auto m = matchGet(t, "/api/v1/nope");
    REQUIRE(m.error);
    CHECK(m.error->status == 404);
    CHECK(m.error->error.code == "not_found");
    CHECK(m.error->error.field == "path");
    CHECK(m.error->error.message == "no endpoint at /api/v1/nope; see /api/v1/health, /api/v1/listings, "
                                    "/api/v1/listings/{id}, /api/v1/makes, /api/v1/cities");
    // A new route shows up in the hints by being added, nothing else.
    t.add(Route{{Method::Post}, "/api/v1/favorites", Access::Public, 256, "add a favorite", answer(201)});
    CHECK(matchGet(t, "/api").error->error.message.find("/api/v1/favorites") != std::string::npos);
    // One path with two rows is one hint.
    t.add(get("/api/v1/favorites"));
    const std::string hints = matchGet(t, "/api/x").error->error.message;
    CHECK(hints.find("/api/v1/favorites") == hints.rfind("/api/v1/favorites"));

    m = matchGet(t, "/media/other/x.jpg");
    REQUIRE(m.error);
    CHECK(m.error->status == 404);
    CHECK(m.error->error.message == "no endpoint at /media/other/x.jpg; see /media/photos/{file}");
    // POST to an unknown API path is a 404 too, not a 405 from the web fallback.
    CHECK(t.match(Method::Post, "POST", "/api/v1/nope").error->status == 404);
}

TEST_CASE("a fallback answers everything but the paths other routes own", "[server][routes]")
{
    RouteTable t;
    addServerShape(t);
    for (const char* path : {"/", "/listing/123", "/listing/123/", "//etc/passwd", "/app.3f2a9c1b.js", "/apix"}) {
        INFO(path);
        const auto m = matchGet(t, path);
        REQUIRE(m.route);
        CHECK(m.route->pattern == "/{path:*}");
    }
    CHECK(t.match(Method::Post, "POST", "/").allow == "GET, HEAD");
    RouteTable noFallback;
    noFallback.add(get("/api/v1/health"));
    const auto m = matchGet(noFallback, "/index.html");
    REQUIRE(m.error);
    CHECK(m.error->status == 404);
    CHECK(m.error->error.message == "nothing at /index.html");
}

TEST_CASE("routes are checked when added", "[server][routes]")
{
    RouteTable t;
    t.add(get("/things/{id:id}"));
    // Same shape and an overlapping method: which would answer is luck, so it is refused.
    CHECK_THROWS_AS(t.add(get("/things/{name}")), std::invalid_argument);
    CHECK_THROWS_AS(t.add(Route{{Method::Head}, "/things/{x}", Access::Public, 0, "s", answer(200)}),
                    std::invalid_argument);
    CHECK_NOTHROW(t.add(Route{{Method::Put}, "/things/{id:id}", Access::Public, 64, "replace", answer(200)}));
    for (const char* bad : {"things", "/a//b", "/{x", "/{x:uuid}", "/{}", "/{path:*}/more", "/{a}/{a}", "/a{b}"}) {
        INFO(bad);
        CHECK_THROWS_AS(t.add(get(bad)), std::invalid_argument);
    }
    CHECK_THROWS_AS(t.add(get("/fine", "")), std::invalid_argument); // no summary
    CHECK_THROWS_AS(
        t.add(Route{MethodSet(std::initializer_list<Method>{}), "/fine", Access::Public, 0, "s", answer(200)}),
        std::invalid_argument); // no method
    CHECK_THROWS_AS(t.add(Route{{Method::Get}, "/fine", Access::Public, 0, "s", nullptr}), std::invalid_argument);
}

TEST_CASE("the table reports its largest body limit and describes itself", "[server][routes]")
{
    RouteTable t;
    addServerShape(t);
    CHECK(t.largestBodyLimit() == 0);
    t.add(Route{{Method::Post}, "/api/v1/photos", Access::Public, 8u << 20, "upload a photo", answer(201)});
    CHECK(t.largestBodyLimit() == 8u << 20);
    const auto lines = t.describe();
    REQUIRE(lines.size() == 8);
    CHECK(lines.front() == "GET, HEAD /api/v1/health [public]: a test route");
    CHECK(lines[2] == "GET, HEAD /api/v1/listings/{id} [public]: a test route");
    CHECK(lines.back() == "POST /api/v1/photos [public]: upload a photo");
}

TEST_CASE("method sets", "[server][routes]")
{
    const MethodSet getOnly{Method::Get};
    CHECK(getOnly.allows(Method::Head));
    CHECK_FALSE(getOnly.allows(Method::Post));
    CHECK(getOnly.allowHeader() == "GET, HEAD");
    CHECK(getOnly.spoken() == "GET or HEAD");
    CHECK(MethodSet{Method::Head}.allowHeader() == "HEAD");
    CHECK(MethodSet{Method::Delete, Method::Post}.allowHeader() == "POST, DELETE");
    CHECK(methodFromName("PATCH") == Method::Patch);
    CHECK(methodFromName("get") == Method::Other); // methods are case-sensitive (RFC 9110 §9.1)
}
