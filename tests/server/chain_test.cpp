// The chain around every handler, without a network: request ids, timing and security
// headers on every response, target checks and body limits before the handler, error
// mapping, HEAD, answers given later through a Responder, and the slow-request log.

#include "server/http/chain.hpp"

#include "http_test_support.hpp"

#include "core/json_mapping.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace dongelek;
using namespace dongelek::server;
using dongelek::test::bodyOf;
using dongelek::test::run;
using dongelek::test::TestRequest;

namespace {
struct Logs {
    std::mutex mutex;
    std::vector<std::string> lines;
    LogFn fn()
    {
        return [this](const std::string& line) {
            std::lock_guard lock(mutex);
            lines.push_back(line);
        };
    }
    std::string all()
    {
        std::lock_guard lock(mutex);
        std::string out;
        for (const auto& l : lines)
            out += l + "\n";
        return out;
    }
};

ApiError errorOf(const Response& r)
{
    ApiError e;
    REQUIRE(parseJson(bodyOf(r), e));
    return e;
}

void checkEveryResponseHeader(const Response& r)
{
    CHECK_FALSE(r.header("X-Request-Id").empty());
    CHECK(r.header("Server-Timing").rfind("app;dur=", 0) == 0);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Referrer-Policy") == "strict-origin-when-cross-origin");
    CHECK(r.header("X-Frame-Options") == "DENY");
    CHECK(r.header("Content-Security-Policy") == kContentSecurityPolicy);
    // Scripts from this origin only, WebAssembly allowed, no inline script, no framing.
    const std::string_view csp = r.header("Content-Security-Policy");
    CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval';") != std::string_view::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string_view::npos);
    CHECK(csp.find("'unsafe-eval'") == std::string_view::npos);
    CHECK(r.header("Strict-Transport-Security").empty()); // not over TLS
}

struct Fixture {
    Logs logs;
    RouteTable routes;
    std::atomic<int> calls{0};
    std::unique_ptr<Chain> chain;

    Fixture()
    {
        const auto text = [this](std::string body) {
            return [this, body](const Request&) -> Reply {
                ++calls;
                return Response::bytes(200, "text/plain", std::make_shared<const std::string>(body));
            };
        };
        routes.add(Route{{Method::Get}, "/hello", Access::Public, kNoBody, "says hello", text("hello")});
        routes.add(Route{{Method::Post},
                         "/echo",
                         Access::Public,
                         10,
                         "echoes at most 10 bytes",
                         [this](const Request& req) -> Reply {
                             ++calls;
                             return Response::bytes(200, "text/plain", std::make_shared<const std::string>(req.body));
                         }});
        routes.add(
            Route{{Method::Get}, "/conflict", Access::Public, kNoBody, "a client mistake", [](const Request&) -> Reply {
                      throw ClientError(409, "conflict", "version", "stale version");
                  }});
        routes.add(
            Route{{Method::Get}, "/broken", Access::Public, kNoBody, "a server fault", [](const Request&) -> Reply {
                      throw std::runtime_error("the disk caught fire");
                  }});
        routes.add(Route{{Method::Get},
                         "/later",
                         Access::Public,
                         kNoBody,
                         "answers from another thread",
                         [](const Request& req) -> Reply {
                             Responder later = req.answerLater();
                             std::thread([later] {
                                 std::this_thread::sleep_for(std::chrono::milliseconds(5));
                                 later.send(
                                     Response::bytes(200, "text/plain", std::make_shared<const std::string>("late")));
                             }).detach();
                             return Deferred{};
                         }});
        routes.add(Route{{Method::Get},
                         "/later-broken",
                         Access::Public,
                         kNoBody,
                         "fails on another thread",
                         [](const Request& req) -> Reply {
                             Responder later = req.answerLater();
                             std::thread([later] {
                                 try {
                                     throw std::runtime_error("render failed");
                                 } catch (...) {
                                     later.fail(std::current_exception());
                                 }
                             }).detach();
                             return Deferred{};
                         }});
        routes.add(Route{{Method::Get},
                         "/forgot",
                         Access::Public,
                         kNoBody,
                         "returns Deferred without a Responder",
                         [](const Request&) -> Reply { return Deferred{}; }});
        chain = std::make_unique<Chain>(routes, ChainOptions{logs.fn(), std::chrono::milliseconds(10'000)});
    }
};
} // namespace

TEST_CASE("every response carries the request id, timing and security headers", "[server][chain]")
{
    Fixture f;
    for (const char* target : {"/hello", "/nothing", "/hello?q=%FF", "/conflict", "/broken", "/later"}) {
        INFO(target);
        const Response r = run(*f.chain, TestRequest("GET", target));
        checkEveryResponseHeader(r);
    }
    checkEveryResponseHeader(run(*f.chain, TestRequest("DELETE", "/hello")));
}

TEST_CASE("a sane incoming X-Request-Id is echoed, anything else is replaced", "[server][chain]")
{
    Fixture f;
    CHECK(run(*f.chain, TestRequest("GET", "/hello", {{"x-request-id", "edge-42.a:b_c"}})).header("X-Request-Id") ==
          "edge-42.a:b_c");
    const std::string a(run(*f.chain, TestRequest("GET", "/hello")).header("X-Request-Id"));
    const std::string b(run(*f.chain, TestRequest("GET", "/hello")).header("X-Request-Id"));
    CHECK(a != b);
    CHECK(a.substr(0, 9) == b.substr(0, 9)); // this process's prefix and a dash
    for (const std::string& bad :
         {std::string("two words"), std::string(65, 'a'), std::string("quote\""), std::string("line\r\nX-Evil: 1")}) {
        INFO(bad);
        const std::string id(
            run(*f.chain, TestRequest("GET", "/hello", {{"X-Request-Id", bad}})).header("X-Request-Id"));
        CHECK(id != bad);
        CHECK(id.substr(0, 9) == a.substr(0, 9));
    }
}

TEST_CASE("request-target checks and routing run before any handler", "[server][chain]")
{
    Fixture f;
    Response r = run(*f.chain, TestRequest("GET", "/hello?q=%FF%FE"));
    CHECK(r.status == 400);
    CHECK(errorOf(r).field == "q");
    r = run(*f.chain, TestRequest("GET", "/hello?q=" + std::string(10 << 20, 'a')));
    CHECK(r.status == 414);
    CHECK(errorOf(r).field == "q");
    CHECK(r.closeConnection);
    r = run(*f.chain, TestRequest("PUT", "/hello"));
    CHECK(r.status == 405);
    CHECK(r.header("Allow") == "GET, HEAD");
    CHECK(r.header("Content-Type") == kJsonType);
    CHECK(r.header("Cache-Control") == "no-store");
    CHECK(f.calls == 0);
}

TEST_CASE("a body over its route's limit is a 413 naming the limit, before the handler runs", "[server][chain]")
{
    Fixture f;
    // A GET takes no body: refused rather than silently ignored, so a client that sends
    // one learns its mistake instead of wondering why the body had no effect.
    Response r = run(*f.chain, TestRequest("GET", "/hello", {}, "x=1"));
    CHECK(r.status == 413);
    ApiError e = errorOf(r);
    CHECK(e.code == "payload_too_large");
    CHECK(e.field == "body");
    CHECK(e.message == "GET /hello takes no request body (got 3 bytes)");

    r = run(*f.chain, TestRequest("POST", "/echo", {}, "0123456789!"));
    CHECK(r.status == 413);
    e = errorOf(r);
    CHECK(e.message == "the request body is 11 bytes; POST /echo takes at most 10 bytes");
    CHECK(f.calls == 0);

    r = run(*f.chain, TestRequest("POST", "/echo", {}, "0123456789"));
    CHECK(r.status == 200);
    CHECK(bodyOf(r) == "0123456789");
    CHECK(f.calls == 1);
}

TEST_CASE("a ClientError is a JSON 4xx naming its field, anything else a logged 500", "[server][chain]")
{
    Fixture f;
    Response r = run(*f.chain, TestRequest("GET", "/conflict"));
    CHECK(r.status == 409);
    ApiError e = errorOf(r);
    CHECK(e.code == "conflict");
    CHECK(e.field == "version");
    CHECK(f.logs.all().empty()); // a client mistake is not a server fault

    r = run(*f.chain, TestRequest("GET", "/broken?password=hunter2", {{"X-Request-Id", "req-9"}}, ""));
    CHECK(r.status == 500);
    e = errorOf(r);
    CHECK(e.code == "internal");
    CHECK(e.message.find("req-9") != std::string::npos); // users can quote it
    CHECK(bodyOf(r).find("disk") == std::string::npos);  // the fault stays in the log
    const std::string log = f.logs.all();
    CHECK(log.find("request failed: the disk caught fire (GET /broken, request req-9)") != std::string::npos);
    CHECK(log.find("hunter2") == std::string::npos); // queries and bodies are never logged

    r = run(*f.chain, TestRequest("GET", "/forgot"));
    CHECK(r.status == 500);
    CHECK(f.logs.all().find("Deferred without taking a Responder") != std::string::npos);
}

TEST_CASE("HEAD gets the GET's headers and length, and no body", "[server][chain]")
{
    Fixture f;
    const Response get = run(*f.chain, TestRequest("GET", "/hello"));
    const Response head = run(*f.chain, TestRequest("HEAD", "/hello"));
    CHECK_FALSE(get.omitBody);
    CHECK(head.omitBody);
    CHECK(head.status == 200);
    CHECK(head.contentLength() == get.contentLength());
    CHECK(head.header("Content-Type") == "text/plain");
}

TEST_CASE("slow work answers later through a Responder, with the same chain steps", "[server][chain]")
{
    Fixture f;
    const TestRequest t("GET", "/later", {{"X-Request-Id", "slow-1"}});
    const Response r = run(*f.chain, t);
    CHECK(r.status == 200);
    CHECK(bodyOf(r) == "late");
    CHECK(r.header("X-Request-Id") == "slow-1");
    checkEveryResponseHeader(r);

    const Response failed = run(*f.chain, TestRequest("GET", "/later-broken"));
    CHECK(failed.status == 500);
    CHECK(errorOf(failed).code == "internal");
    CHECK(f.logs.all().find("request failed: render failed (GET /later-broken") != std::string::npos);
}

TEST_CASE("the first answer wins, also against the handler's own return", "[server][chain]")
{
    RouteTable routes;
    routes.add(
        Route{{Method::Get}, "/twice", Access::Public, kNoBody, "answers twice", [](const Request& req) -> Reply {
                  Responder later = req.answerLater();
                  later.send(Response::bytes(200, "text/plain", std::make_shared<const std::string>("first")));
                  later.send(Response::bytes(200, "text/plain", std::make_shared<const std::string>("second")));
                  return Response::bytes(200, "text/plain", std::make_shared<const std::string>("returned"));
              }});
    Chain chain(routes, ChainOptions{});
    const TestRequest t("GET", "/twice");
    server::Request req = t.build();
    CHECK_FALSE(chain.handle(req)); // already answered through the Responder
    CHECK(t.box().deliveries == 1);
    CHECK(bodyOf(*t.box().response) == "first");
}

TEST_CASE("requests slower than the threshold get one log line without the query", "[server][chain]")
{
    Logs logs;
    RouteTable routes;
    routes.add(Route{{Method::Get}, "/slow", Access::Public, kNoBody, "takes its time", [](const Request&) -> Reply {
                         std::this_thread::sleep_for(std::chrono::milliseconds(20));
                         return Response::bytes(204, "text/plain", nullptr);
                     }});
    Chain chain(routes, ChainOptions{logs.fn(), std::chrono::milliseconds(10)});
    run(chain, TestRequest("GET", "/slow?token=secret", {{"X-Request-Id", "s-1"}}));
    const std::string log = logs.all();
    CHECK(log.find("slow request: GET /slow -> 204 in ") != std::string::npos);
    CHECK(log.find("(request s-1)") != std::string::npos);
    CHECK(log.find("secret") == std::string::npos);
    run(chain, TestRequest("GET", "/nothing"));
    CHECK(logs.all() == log); // fast answers are not logged
}

// [SECTION] Access

namespace {
// Tokens the test's authenticator knows: "buyer", "admin", "admin-2fa", "old" (expired), "ended".
Authentication fakeAuthenticate(std::string_view token)
{
    Authentication a;
    const auto principal = [](Role role, bool second) {
        Principal p;
        p.userId = 7;
        p.sessionId = 3;
        p.role = role;
        p.secondFactor = second;
        return p;
    };
    if (token == "buyer") a.principal = principal(Role::Buyer, false);
    else if (token == "admin") a.principal = principal(Role::Admin, false);
    else if (token == "admin-2fa") a.principal = principal(Role::Admin, true);
    else a.failure = token == "old" ? "token_expired" : token == "ended" ? "session_ended" : "invalid_token";
    return a;
}

struct AccessFixture {
    RouteTable routes;
    std::unique_ptr<Chain> chain;
    AccessFixture()
    {
        const auto who = [](const Request& req) -> Reply {
            const std::string body = req.principal ? std::to_string(req.principal->userId) : "anonymous";
            return Response::bytes(200, "text/plain", std::make_shared<const std::string>(body));
        };
        routes.add(Route{{Method::Get}, "/open", Access::Public, kNoBody, "anyone", who});
        routes.add(Route{{Method::Get}, "/mine", Access::SignedIn, kNoBody, "signed in", who});
        routes.add(Route{{Method::Get}, "/admin", Access::Admin, kNoBody, "admins", who});
        routes.add(Route{{Method::Post}, "/refresh", Access::RefreshCookie, kNoBody, "the cookie", who});
        chain = std::make_unique<Chain>(routes, ChainOptions{nullptr, std::chrono::milliseconds(10'000), fakeAuthenticate});
    }
    Response get(const std::string& path, const std::string& token = "")
    {
        std::vector<std::pair<std::string, std::string>> h;
        if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
        return run(*chain, TestRequest("GET", path, h));
    }
};
} // namespace

TEST_CASE("signed-in routes need a valid token, each failure says which", "[server][chain][access]")
{
    AccessFixture f;
    const Response none = f.get("/mine");
    CHECK(none.status == 401);
    CHECK(none.header("WWW-Authenticate") == "Bearer");
    CHECK(errorOf(none).code == "unauthenticated");
    CHECK(errorOf(f.get("/mine", "garbage")).code == "invalid_token");
    CHECK(errorOf(f.get("/mine", "old")).code == "token_expired");
    CHECK(errorOf(f.get("/mine", "ended")).code == "session_ended");
    CHECK(bodyOf(f.get("/mine", "buyer")) == "7");
    // A public route serves everyone; a valid token still tells it who calls, a bad one is no token.
    CHECK(bodyOf(f.get("/open")) == "anonymous");
    CHECK(bodyOf(f.get("/open", "buyer")) == "7");
    CHECK(bodyOf(f.get("/open", "garbage")) == "anonymous");
}

TEST_CASE("admin routes need the admin role and a two-factor session", "[server][chain][access]")
{
    AccessFixture f;
    CHECK(f.get("/admin").status == 401);
    const Response buyer = f.get("/admin", "buyer");
    CHECK(buyer.status == 403);
    CHECK(errorOf(buyer).code == "forbidden");
    CHECK(errorOf(f.get("/admin", "admin")).code == "two_factor_required");
    CHECK(f.get("/admin", "admin-2fa").status == 200);
}

TEST_CASE("the refresh route needs its cookie and the CSRF header", "[server][chain][access]")
{
    AccessFixture f;
    CHECK(run(*f.chain, TestRequest("POST", "/refresh")).status == 401);
    const Response noHeader = run(*f.chain, TestRequest("POST", "/refresh", {{"Cookie", "a=b; dongelek_refresh=x"}}));
    CHECK(noHeader.status == 403);
    CHECK(errorOf(noHeader).code == "csrf");
    CHECK(run(*f.chain, TestRequest("POST", "/refresh", {{"Cookie", "dongelek_refresh=x"}, {"X-Dongelek-CSRF", "1"}}))
              .status == 200);
}

TEST_CASE("a route without a known access rule stops the start-up", "[server][chain][access]")
{
    RouteTable t;
    CHECK_THROWS_WITH(t.add(Route{{Method::Get}, "/x", static_cast<Access>(42), kNoBody, "no rule",
                                  [](const Request&) -> Reply { return Response::bytes(204, "text/plain", nullptr); }}),
                      Catch::Contains("declares no known access rule"));
}

TEST_CASE("over TLS every response gets HSTS", "[server][chain][access]")
{
    RouteTable routes;
    routes.add(Route{{Method::Get}, "/x", Access::Public, kNoBody, "x",
                     [](const Request&) -> Reply { return Response::bytes(204, "text/plain", nullptr); }});
    ChainOptions o;
    o.tls = true;
    Chain chain(routes, o);
    CHECK(run(chain, TestRequest("GET", "/x")).header("Strict-Transport-Security") == "max-age=31536000; includeSubDomains");
    CHECK(run(chain, TestRequest("GET", "/missing")).header("Strict-Transport-Security") == "max-age=31536000; includeSubDomains");
}

TEST_CASE("behind a trusted proxy the client is the last X-Forwarded-For hop, otherwise the peer", "[server][chain][access]")
{
    RouteTable routes;
    routes.add(Route{{Method::Get}, "/ip", Access::Public, kNoBody, "the caller's address", [](const Request& req) -> Reply {
                         return Response::bytes(200, "text/plain", std::make_shared<const std::string>(req.remoteAddress));
                     }});
    ChainOptions o;
    o.trustedProxies = {"10.0.0.5"};
    Chain chain(routes, o);
    const auto ip = [&](const std::string& peer, const std::string& xff) {
        TestRequest t("GET", "/ip", xff.empty() ? std::vector<std::pair<std::string, std::string>>{}
                                                : std::vector<std::pair<std::string, std::string>>{{"X-Forwarded-For", xff}});
        Request req = t.build();
        req.remoteAddress = peer;
        return bodyOf(*chain.handle(req));
    };
    CHECK(ip("10.0.0.5", "1.2.3.4") == "1.2.3.4");
    CHECK(ip("10.0.0.5", "6.6.6.6, 1.2.3.4") == "1.2.3.4"); // the client's own claim is ignored
    CHECK(ip("10.0.0.5", "") == "10.0.0.5");
    CHECK(ip("10.0.0.5", "<script>") == "10.0.0.5");
    CHECK(ip("9.9.9.9", "1.2.3.4") == "9.9.9.9"); // not our proxy: the header means nothing
}
