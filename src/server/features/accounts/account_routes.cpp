#include "server/features/accounts/account_routes.hpp"

#include "server/http/json_body.hpp"

#include "core/accounts_json.hpp"
#include "core/text_format.hpp"
#include "core/cli.hpp"
#include "core/limits.hpp"
#include "core/url.hpp"

#include <nlohmann/json.hpp>

#include <ctime>

namespace dongelek::server::accounts {

namespace {

using nlohmann::json;

constexpr std::size_t kBodyLimit = 4096; // every accounts body is a few short fields
constexpr const char* kCookiePath = "/api/v1/auth/refresh";

// The wire type of a user (core/accounts.hpp: the one contract the app reads too).
User toWire(const UserRow& u)
{
    User w;
    w.id = u.id;
    w.email = u.email;
    w.displayName = u.displayName;
    w.role = parseAccountRole(u.role).value_or(AccountRole::Buyer);
    w.emailVerified = u.emailVerifiedAt.has_value();
    w.phone = u.phone;
    w.phoneVerified = u.phone.has_value();
    w.totpEnabled = u.totpSecret.has_value();
    w.language = u.language;
    w.createdAt = isoTimestamp(u.createdAt);
    return w;
}
json userJson(const UserRow& u)
{
    return toWire(u);
}

Response jsonResponse(int status, const json& body)
{
    return Response::privateJson(status, body.dump());
}

Response accepted(const char* status)
{
    return jsonResponse(202, json(StatusReply{status}));
}

std::string cookie(const std::string& value, std::int64_t maxAge, bool secure)
{
    return "dongelek_refresh=" + value + "; Path=" + kCookiePath + "; Max-Age=" + std::to_string(maxAge) +
           "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

Response signedIn(const SignedIn& s, const AccountService& service, bool secure)
{
    Response r = jsonResponse(
        200, json(AuthTokens{s.accessToken, static_cast<int>(s.expiresIn), toWire(s.user)}));
    r.set("Set-Cookie", cookie(s.refreshToken, service.settings().sessionSeconds, secure));
    return r;
}

struct Ctx {
    AccountService& service;
    AccountRouteOptions options;
    TaskPool* hashing;
    ClientInfo client(const Request& req) const
    {
        return ClientInfo{req.remoteAddress, std::string(req.header("User-Agent").substr(0, 300)), options.mailOrigin};
    }
};

// What a password-hashing route does, from copies of what it needs (the request is gone by then).
struct Copied {
    std::string body;
    ClientInfo client;
    std::optional<Principal> who;
    const Principal& user() const { return *who; }
};
using SlowWork = std::function<Response(const Copied&)>;

// Argon2id takes tens of milliseconds: such routes run on the hashing pool, so the HTTP threads
// keep answering searches meanwhile. A full queue is a 503 with Retry-After.
Handler onHashingPool(const std::shared_ptr<Ctx>& ctx, SlowWork work)
{
    return [ctx, work = std::move(work)](const Request& req) -> Reply {
        Copied in{std::string(req.body), ctx->client(req), req.principal};
        if (!ctx->hashing) return work(in); // no pool (tests of the routes alone): inline
        const Responder later = req.answerLater();
        const bool queued = ctx->hashing->tryPost([later, work, in = std::move(in)] {
            try {
                later.send(work(in));
            } catch (...) {
                later.fail(std::current_exception());
            }
        });
        if (!queued) {
            Response busy = errorResponse(HttpError{503, ApiError{"busy", "", "too many sign-ins at once; retry shortly"}});
            busy.set("Retry-After", "1");
            return busy;
        }
        return Deferred{};
    };
}

Route post(std::string pattern, Access access, std::string summary, Handler h)
{
    return Route{{Method::Post}, std::move(pattern), access, kBodyLimit, std::move(summary), std::move(h)};
}

} // namespace

std::string refreshCookieValue(std::string_view header)
{
    constexpr std::string_view name = "dongelek_refresh=";
    std::size_t at = 0;
    while ((at = header.find(name, at)) != std::string_view::npos) {
        if (at == 0 || header[at - 1] == ' ' || header[at - 1] == ';') {
            const std::size_t start = at + name.size();
            const std::size_t end = header.find(';', start);
            return std::string(header.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        }
        at += name.size();
    }
    return {};
}

std::string describeDevice(std::string_view ua)
{
    const auto has = [&](std::string_view s) { return ua.find(s) != std::string_view::npos; };
    if (ua.empty()) return "Unknown device";
    if (has("Dongelek-Desktop")) return "Dongelek desktop app";
    const char* browser = has("Edg/")       ? "Edge"
                          : has("OPR/")     ? "Opera"
                          : has("YaBrowser") ? "Yandex Browser"
                          : has("Firefox/") ? "Firefox"
                          : has("Chrome/") || has("Chromium/") ? "Chrome"
                          : has("Safari/")  ? "Safari"
                          : has("curl/")    ? "curl"
                                            : "Browser";
    const char* os = has("Android")                           ? "Android"
                     : has("iPhone") || has("iPad")           ? "iOS"
                     : has("Windows")                         ? "Windows"
                     : has("Mac OS X") || has("Macintosh")    ? "macOS"
                     : has("CrOS")                            ? "ChromeOS"
                     : has("Linux")                           ? "Linux"
                                                              : "";
    return *os ? std::string(browser) + " on " + os : std::string(browser);
}

std::vector<Route> accountRoutes(AccountService& service, AccountRouteOptions options)
{
    TaskPool* hashing = options.hashing;
    auto ctx = std::make_shared<Ctx>(Ctx{service, std::move(options), hashing});
    const bool secure = ctx->options.secureCookies;
    std::vector<Route> routes;

    // [SECTION] /api/v1/auth
    routes.push_back(post("/api/v1/auth/register", Access::Public,
                          "create an account (email, password, displayName, role, language); 202 and a mail",
                          onHashingPool(ctx, [ctx](const Copied& req) -> Response {
                              JsonBody b(req.body, {"email", "password", "displayName", "role", "language"});
                              ctx->service.registerAccount(b.text("email", 254), b.text("password", 1000, false),
                                                           b.text("displayName", 60), b.text("role", 20),
                                                           b.optionalText("language", 5).value_or("en"), req.client);
                              return accepted("verification_sent");
                          })));
    routes.push_back(post("/api/v1/auth/verify-email", Access::Public, "confirm an email with the mailed token",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"token"});
                              ctx->service.verifyEmail(b.text("token", 100), ctx->client(req));
                              return jsonResponse(200, json(StatusReply{"verified"}));
                          }));
    routes.push_back(post("/api/v1/auth/resend-verification", Access::Public,
                          "mail a new confirmation link (cooldown: 429 with Retry-After)",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"email"});
                              ctx->service.resendVerification(b.text("email", 254), ctx->client(req));
                              return accepted("verification_sent");
                          }));
    routes.push_back(post("/api/v1/auth/login", Access::Public,
                          "sign in with email and password (and totp when two-factor is on): tokens + refresh cookie",
                          onHashingPool(ctx, [ctx, secure](const Copied& req) -> Response {
                              JsonBody b(req.body, {"email", "password", "totp"});
                              const SignedIn s = ctx->service.signIn(b.text("email", 254), b.text("password", 1000, false),
                                                                     b.optionalText("totp", 20), req.client);
                              return signedIn(s, ctx->service, secure);
                          })));
    routes.push_back(post("/api/v1/auth/phone/code", Access::Public, "send a sign-in code by SMS to a confirmed phone",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"phone"});
                              ctx->service.sendSignInCode(b.text("phone", 30), ctx->client(req));
                              return accepted("code_sent");
                          }));
    routes.push_back(post("/api/v1/auth/phone/login", Access::Public, "sign in with the SMS code",
                          [ctx, secure](const Request& req) -> Reply {
                              JsonBody b(req.body, {"phone", "code", "totp"});
                              const SignedIn s = ctx->service.signInWithCode(b.text("phone", 30), b.text("code", 10),
                                                                             b.optionalText("totp", 20), ctx->client(req));
                              return signedIn(s, ctx->service, secure);
                          }));
    routes.push_back(post("/api/v1/auth/refresh", Access::RefreshCookie,
                          "new tokens for the refresh cookie, which rotates (needs X-Dongelek-CSRF: 1)",
                          [ctx, secure](const Request& req) -> Reply {
                              JsonBody b(req.body, {});
                              try {
                                  const SignedIn s =
                                      ctx->service.refresh(refreshCookieValue(req.header("Cookie")), ctx->client(req));
                                  return signedIn(s, ctx->service, secure);
                              } catch (const ClientError& e) {
                                  Response r = errorResponse(e.error());
                                  r.set("Set-Cookie", cookie("", 0, secure)); // a dead cookie goes away
                                  return r;
                              }
                          }));
    routes.push_back(post("/api/v1/auth/logout", Access::SignedIn, "end this session and clear the refresh cookie",
                          [ctx, secure](const Request& req) -> Reply {
                              ctx->service.signOut(req.user(), ctx->client(req));
                              Response r = Response::bytes(204, kJsonType, nullptr);
                              r.set("Cache-Control", "no-store");
                              r.set("Set-Cookie", cookie("", 0, secure));
                              return r;
                          }));
    routes.push_back(post("/api/v1/auth/password-reset/request", Access::Public,
                          "mail a password reset link (202 whether or not the address has an account)",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"email"});
                              ctx->service.requestPasswordReset(b.text("email", 254), ctx->client(req));
                              return accepted("reset_sent");
                          }));
    routes.push_back(post("/api/v1/auth/password-reset/confirm", Access::Public,
                          "set a new password with the mailed token; ends every session",
                          onHashingPool(ctx, [ctx](const Copied& req) -> Response {
                              JsonBody b(req.body, {"token", "password"});
                              ctx->service.resetPassword(b.text("token", 100), b.text("password", 1000, false),
                                                         req.client);
                              return jsonResponse(200, json(StatusReply{"password_changed"}));
                          })));
    routes.push_back(post("/api/v1/auth/password-strength", Access::Public,
                          "how guessable a password is (zxcvbn score 0-4) and whether it would be accepted",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"password", "email", "displayName"});
                              const PasswordVerdict v = ctx->service.passwordStrength(
                                  b.optionalText("password", 1000, false).value_or(""),
                                  {b.optionalText("email", 254).value_or(""), b.optionalText("displayName", 60).value_or("")},
                                  ctx->client(req));
                              return jsonResponse(200, json(PasswordStrength{v.score, v.acceptable, kMinPasswordChars,
                                                                             v.tooShort, v.tooLong, v.problem}));
                          }));

    // [SECTION] /api/v1/me
    routes.push_back(Route{{Method::Get}, "/api/v1/me", Access::SignedIn, kNoBody, "the signed-in user",
                           [ctx](const Request& req) -> Reply { return jsonResponse(200, userJson(ctx->service.me(req.user()))); }});
    routes.push_back(Route{{Method::Patch}, "/api/v1/me", Access::SignedIn, kBodyLimit,
                           "change the display name or language",
                           [ctx](const Request& req) -> Reply {
                               JsonBody b(req.body, {"displayName", "language"});
                               return jsonResponse(200, userJson(ctx->service.updateProfile(
                                                            req.user(), b.optionalText("displayName", 60),
                                                            b.optionalText("language", 5))));
                           }});
    routes.push_back(post("/api/v1/me/password", Access::SignedIn,
                          "change the password (currentPassword, newPassword); ends the other sessions",
                          onHashingPool(ctx, [ctx](const Copied& req) -> Response {
                              JsonBody b(req.body, {"currentPassword", "newPassword"});
                              const std::int64_t ended = ctx->service.changePassword(
                                  req.user(), b.text("currentPassword", 1000, false), b.text("newPassword", 1000, false),
                                  req.client);
                              return jsonResponse(200, json(PasswordChanged{"password_changed", static_cast<int>(ended)}));
                          })));
    routes.push_back(Route{{Method::Get}, "/api/v1/me/sessions", Access::SignedIn, kNoBody,
                           "the user's open sessions, newest first",
                           [ctx](const Request& req) -> Reply {
                               SessionList list;
                               for (const SessionRow& s : ctx->service.sessions(req.user()))
                                   list.sessions.push_back(SessionInfo{s.id, s.userAgent, describeDevice(s.userAgent), s.ip,
                                                                       isoTimestamp(s.createdAt), isoTimestamp(s.lastSeenAt),
                                                                       s.id == req.user().sessionId});
                               return jsonResponse(200, json(list));
                           }});
    routes.push_back(Route{{Method::Delete}, "/api/v1/me/sessions/{id:id}", Access::SignedIn, kNoBody,
                           "end one of the user's own sessions (404 for anyone else's)",
                           [ctx](const Request& req) -> Reply {
                               ctx->service.endSession(req.user(), req.params.id("id"), ctx->client(req));
                               Response r = Response::bytes(204, kJsonType, nullptr);
                               r.set("Cache-Control", "no-store");
                               return r;
                           }});
    routes.push_back(post("/api/v1/me/sessions/end-others", Access::SignedIn, "end every session but this one",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {});
                              const std::int64_t n = ctx->service.endOtherSessions(req.user(), ctx->client(req));
                              return jsonResponse(200, json(EndedSessions{static_cast<int>(n)}));
                          }));
    routes.push_back(post("/api/v1/me/phone", Access::SignedIn, "send a code to confirm a phone number",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"phone"});
                              ctx->service.addPhone(req.user(), b.text("phone", 30), ctx->client(req));
                              return accepted("code_sent");
                          }));
    routes.push_back(post("/api/v1/me/phone/confirm", Access::SignedIn, "confirm the phone with the SMS code",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"code"});
                              return jsonResponse(
                                  200, userJson(ctx->service.confirmPhone(req.user(), b.text("code", 10), ctx->client(req))));
                          }));
    routes.push_back(post("/api/v1/me/totp/setup", Access::SignedIn,
                          "start two-factor set-up: a secret, its otpauth URI and QR code",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {});
                              const TotpSetup t = ctx->service.setupTotp(req.user());
                              return jsonResponse(200, json(dongelek::TotpSetup{t.secret, t.otpauthUri, {t.qrSize, t.qrModules}}));
                          }));
    routes.push_back(post("/api/v1/me/totp/enable", Access::SignedIn,
                          "turn two-factor sign-in on with a code; the recovery codes, shown once",
                          [ctx](const Request& req) -> Reply {
                              JsonBody b(req.body, {"code"});
                              return jsonResponse(200, json(RecoveryCodes{ctx->service.enableTotp(
                                                           req.user(), b.text("code", 10), ctx->client(req))}));
                          }));
    routes.push_back(post("/api/v1/me/totp/disable", Access::SignedIn, "turn two-factor sign-in off (password and code)",
                          onHashingPool(ctx, [ctx](const Copied& req) -> Response {
                              JsonBody b(req.body, {"password", "code"});
                              return jsonResponse(200, userJson(ctx->service.disableTotp(
                                                           req.user(), b.text("password", 1000, false),
                                                           b.text("code", 20), req.client)));
                          })));

    // [SECTION] /api/v1/admin
    routes.push_back(Route{{Method::Get}, "/api/v1/admin/audit", Access::Admin, kNoBody,
                           "security events, newest first (?user=ID&limit=N, at most 500)",
                           [ctx](const Request& req) -> Reply {
                               std::optional<std::int64_t> user;
                               int limit = 100;
                               if (const auto v = queryParam(req.rawQuery, "user")) {
                                   std::int64_t id = 0;
                                   if (!cli::parseIntIn<std::int64_t>(*v, 1, limits::kIdMax, id).empty())
                                       throw ClientError(badParameter("user", "user must be a user id"));
                                   user = id;
                               }
                               if (const auto v = queryParam(req.rawQuery, "limit"))
                                   if (!cli::parseIntIn(*v, 1, 500, limit).empty())
                                       throw ClientError(badParameter("limit", "limit must be 1 to 500"));
                               json list = json::array();
                               for (const AuditEvent& e : ctx->service.auditEvents(user, limit))
                                   list.push_back(json{{"id", e.id},
                                                       {"at", isoTimestamp(e.at)},
                                                       {"type", e.type},
                                                       {"userId", e.userId ? json(*e.userId) : json(nullptr)},
                                                       {"ip", e.ip},
                                                       {"detail", e.detail}});
                               return jsonResponse(200, json{{"events", list}});
                           }});
    routes.push_back(Route{{Method::Put}, "/api/v1/admin/users/{id:id}/role", Access::Admin, kBodyLimit,
                           "change a user's role ({\"role\":\"dealer\"})",
                           [ctx](const Request& req) -> Reply {
                               JsonBody b(req.body, {"role"});
                               const std::optional<Role> role = parseAccountRole(b.text("role", 20));
                               if (!role)
                                   throw ClientError(400, "invalid_field", "role", "role must be buyer, seller, dealer or admin");
                               ctx->service.setRole(req.params.id("id"), *role, req.user().userId, req.remoteAddress);
                               return jsonResponse(200, json(StatusReply{"role_changed"}));
                           }});
    return routes;
}

} // namespace dongelek::server::accounts
