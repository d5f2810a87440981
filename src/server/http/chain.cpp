// The chain around every handler (see chain.hpp for the order), the one place that
// checks a route's Access, and answering later through a Responder.
//
// [SECTION] Access
// [SECTION] Request ids
// [SECTION] The chain
// [SECTION] Answering later

#include "server/http/chain.hpp"

#include "server/http/request_target.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace dongelek::server {

// [SECTION] Access

namespace {
HttpError unauthenticated(std::string code, std::string message)
{
    return HttpError{401, ApiError{std::move(code), "", std::move(message)}};
}

// The bearer token of "Authorization: Bearer <token>", or empty.
std::string_view bearerToken(const Request& req)
{
    const std::string_view h = req.header("Authorization");
    if (h.size() < 8 || !equalsIgnoringCase(h.substr(0, 7), "Bearer ")) return {};
    std::string_view t = h.substr(7);
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    return t;
}

bool hasRefreshCookie(const Request& req)
{
    return req.header("Cookie").find("dongelek_refresh=") != std::string_view::npos;
}

// The client's address: the peer, or behind a trusted proxy the last hop its X-Forwarded-For
// names (the proxy appends the address it saw; anything before that the client may have forged).
std::string clientAddress(const Request& req, const std::vector<std::string>& trusted)
{
    if (std::find(trusted.begin(), trusted.end(), req.remoteAddress) == trusted.end()) return req.remoteAddress;
    std::string_view xff = req.header("X-Forwarded-For");
    const std::size_t comma = xff.rfind(',');
    if (comma != std::string_view::npos) xff = xff.substr(comma + 1);
    while (!xff.empty() && xff.front() == ' ')
        xff.remove_prefix(1);
    while (!xff.empty() && xff.back() == ' ')
        xff.remove_suffix(1);
    const bool sane = !xff.empty() && xff.size() <= 45 &&
                      xff.find_first_not_of("0123456789abcdefABCDEF.:") == std::string_view::npos;
    return sane ? std::string(xff) : req.remoteAddress;
}

// Who may call a route: the only place that decides (Access in route_table.hpp). Sets
// req.principal from a valid bearer token on every route; returns the refusal, if any.
std::optional<HttpError> checkAccess(Access access, Request& req, const Authenticator& authenticate)
{
    Authentication auth;
    const std::string_view token = bearerToken(req);
    if (!token.empty()) {
        if (authenticate) auth = authenticate(token);
        else auth.failure = "invalid_token";
        req.principal = auth.principal;
    }
    switch (access) {
    case Access::Public:
        return std::nullopt; // a bad token on a public route is simply no token
    case Access::RefreshCookie:
        if (!hasRefreshCookie(req)) return unauthenticated("session_expired", "no refresh cookie: sign in again");
        // A cross-site page cannot add a custom header without a CORS preflight, which this server never grants.
        if (req.header("X-Dongelek-CSRF") != "1")
            return HttpError{403, ApiError{"csrf", "X-Dongelek-CSRF", "this call needs the header X-Dongelek-CSRF: 1"}};
        return std::nullopt;
    case Access::SignedIn:
    case Access::Admin:
        if (token.empty()) return unauthenticated("unauthenticated", "sign in first (Authorization: Bearer <access token>)");
        if (!req.principal) {
            if (auth.failure == "token_expired")
                return unauthenticated("token_expired", "the access token has expired: refresh it");
            if (auth.failure == "session_ended")
                return unauthenticated("session_ended", "this session was ended: sign in again");
            return unauthenticated("invalid_token", "the access token is not valid");
        }
        if (access == Access::Admin && req.principal->role != Role::Admin)
            return HttpError{403, ApiError{"forbidden", "", "only administrators may do this"}};
        if (access == Access::Admin && !req.principal->secondFactor)
            return HttpError{403, ApiError{"two_factor_required", "",
                                           "administrators must sign in with two-factor authentication"}};
        return std::nullopt;
    }
    return HttpError{403, ApiError{"forbidden", "", "you may not do this"}};
}

HttpError tooLarge(const Request& req, std::size_t limit)
{
    const std::string where = excerpt(req.methodText, 20) + " " + excerpt(req.path, 80);
    return HttpError{
        413, ApiError{"payload_too_large", "body",
                      limit == 0 ? where + " takes no request body (got " + std::to_string(req.body.size()) + " bytes)"
                                 : "the request body is " + std::to_string(req.body.size()) + " bytes; " + where +
                                       " takes at most " + std::to_string(limit) + " bytes"}};
}

// Everything a late answer needs once the handler and its Request are gone.
struct LateState {
    std::atomic<bool> answered{false};
    const Chain* chain = nullptr;
    Method method = Method::Get;
    std::string requestId;
    std::string logPath;
    std::chrono::steady_clock::time_point started;
    std::shared_ptr<const void> owner;
    LateSend lateSend = nullptr;
};
} // namespace

// [SECTION] Request ids

Chain::Chain(const RouteTable& routes, ChainOptions options) : m_routes(routes), m_options(std::move(options))
{
    std::random_device rd;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
    m_bootPrefix = buf;
}

std::string Chain::newRequestId() const
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s-%llx", m_bootPrefix.c_str(),
                  static_cast<unsigned long long>(m_counter.fetch_add(1, std::memory_order_relaxed) + 1));
    return buf;
}

std::string_view Chain::saneRequestId(std::string_view id)
{
    if (id.empty() || id.size() > 64) return {};
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == ':';
        if (!ok) return {}; // it ends up in our logs and headers: no spaces, quotes or control bytes
    }
    return id;
}

// [SECTION] The chain

std::optional<Response> Chain::handle(Request& req) const
{
    req.started = std::chrono::steady_clock::now();
    req.chain = this;
    const std::string_view incoming = saneRequestId(req.header("X-Request-Id"));
    req.requestId = incoming.empty() ? newRequestId() : std::string(incoming);

    if (!m_options.trustedProxies.empty()) req.remoteAddress = clientAddress(req, m_options.trustedProxies);

    std::optional<Response> out;
    try {
        if (auto err = checkRequestTarget(req.rawPath, req.rawQuery, req.path)) {
            out = errorResponse(*err);
        } else {
            RouteTable::Match m = m_routes.match(req.method, req.methodText, req.rawPath);
            if (m.error) {
                out = errorResponse(*m.error);
                if (!m.allow.empty()) out->set("Allow", std::move(m.allow));
            } else if (req.body.size() > m.route->maxBodyBytes) {
                out = errorResponse(tooLarge(req, m.route->maxBodyBytes)); // before the handler sees it
            } else if (auto refused = checkAccess(m.route->access, req, m_options.authenticate)) {
                out = errorResponse(*refused);
                if (refused->status == 401) out->set("WWW-Authenticate", "Bearer");
            } else {
                req.params = std::move(m.params);
                Reply reply = m.route->handler(req);
                if (Response* r = std::get_if<Response>(&reply)) {
                    out = std::move(*r);
                } else if (!req.lateState) {
                    throw std::logic_error("the handler returned Deferred without taking a Responder");
                } else {
                    return std::nullopt; // the Responder answers
                }
            }
        }
    } catch (...) {
        out = fault(std::current_exception(), req.requestId, req.method, req.rawPath);
    }
    // A handler that took a Responder and still returned (or threw): first answer wins.
    if (req.lateState && static_cast<LateState*>(req.lateState.get())->answered.exchange(true)) return std::nullopt;
    finish(*out, req.method, req.requestId, req.rawPath, req.started);
    return out;
}

void Chain::finish(Response& r, Method method, std::string_view requestId, std::string_view logPath,
                   std::chrono::steady_clock::time_point started) const
{
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char timing[48];
    std::snprintf(timing, sizeof timing, "app;dur=%.2f", ms);
    r.headers.reserve(r.headers.size() + 6);
    r.set("X-Request-Id", std::string(requestId));
    r.set("Server-Timing", timing);
    r.set("X-Content-Type-Options", "nosniff");
    if (r.header("Referrer-Policy").empty()) r.set("Referrer-Policy", "strict-origin-when-cross-origin");
    r.set("X-Frame-Options", "DENY");
    if (r.header("Content-Security-Policy").empty()) r.set("Content-Security-Policy", kContentSecurityPolicy);
    if (m_options.tls) r.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    r.omitBody = method == Method::Head;
    if (m_options.log && ms >= static_cast<double>(m_options.slowRequest.count())) {
        char took[32];
        std::snprintf(took, sizeof took, "%.0f ms", ms);
        m_options.log("slow request: " + std::string(methodName(method)) + " " + excerpt(logPath, 120) + " -> " +
                      std::to_string(r.status) + " in " + took + " (request " + std::string(requestId) + ")");
    }
}

Response Chain::fault(std::exception_ptr error, std::string_view requestId, Method method,
                      std::string_view logPath) const
{
    const auto where = [&] {
        return " (" + std::string(methodName(method)) + " " + excerpt(logPath, 120) + ", request " +
               std::string(requestId) + ")";
    };
    try {
        std::rethrow_exception(error);
    } catch (const ClientError& e) {
        return errorResponse(e.error());
    } catch (const std::exception& e) {
        if (m_options.log) m_options.log(std::string("request failed: ") + e.what() + where());
    } catch (...) {
        if (m_options.log) m_options.log("request failed with an unknown exception" + where());
    }
    return errorResponse(
        HttpError{500, ApiError{"internal", "",
                                "internal server error; it has been logged as request " + std::string(requestId)}});
}

// [SECTION] Answering later

Responder Request::answerLater() const
{
    if (!chain || !lateSend) throw std::logic_error("this request cannot be answered later");
    if (!lateState) {
        auto s = std::make_shared<LateState>();
        s->chain = chain;
        s->method = method;
        s->requestId = requestId;
        s->logPath = std::string(rawPath.substr(0, 200));
        s->started = started;
        s->owner = owner;
        s->lateSend = lateSend;
        lateState = s;
    }
    return Responder(lateState);
}

void Responder::send(Response response) const
{
    auto& s = *static_cast<LateState*>(m_state.get());
    if (s.answered.exchange(true)) return;
    s.chain->finish(response, s.method, s.requestId, s.logPath, s.started);
    s.lateSend(*s.chain, s.owner, std::move(response));
}

void Responder::fail(std::exception_ptr error) const
{
    auto& s = *static_cast<LateState*>(m_state.get());
    if (s.answered.load()) return;
    send(s.chain->fault(std::move(error), s.requestId, s.method, s.logPath));
}

} // namespace dongelek::server
