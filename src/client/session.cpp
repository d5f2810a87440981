// The session service: start-up refresh, silent refresh before expiry, signed-in calls that
// survive an expired token, sign-out. Nothing here is stored on the device; the refresh
// token is the cookie the browser (or the desktop's cookie jar) keeps.

// [SECTION] Index
// - Timing
// - Life cycle
// - Signed-in calls
// - Refresh
// - Changes and listeners

#include "client/session.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

const char* toString(SessionPhase phase)
{
    switch (phase) {
    case SessionPhase::Unknown:
        return "unknown";
    case SessionPhase::SignedOut:
        return "signed_out";
    case SessionPhase::SignedIn:
        return "signed_in";
    }
    return "unknown";
}

namespace {
// A 401 that says the session is over, as opposed to a form's wrong password or code (those
// name a field or say what was wrong with what was typed).
bool endsSession(const HttpReply& reply)
{
    if (reply.status != 401) return false;
    const RequestError e = ApiClient::classify(reply);
    if (!e.api.field.empty()) return false;
    for (const char* formError : {"invalid_credentials", "totp_required", "totp_invalid", "code_invalid"})
        if (e.is(formError)) return false;
    return true;
}
} // namespace

// [SECTION] Timing

double Session::refreshDelayMs(int expiresInS)
{
    const double life = std::max(10, expiresInS) * 1000.0;
    return std::max(life * 0.5, life - 60'000.0);
}

std::optional<double> Session::refreshDueAt() const
{
    return m_refreshAtMs;
}

// [SECTION] Life cycle

Session::Session(ApiClient& api) : m_api(api)
{
    m_exclusive = [](std::function<void(std::function<void()>)> work) { work([] {}); };
}

void Session::start()
{
    if (m_started) return;
    m_started = true;
    refresh();
}

void Session::update(double nowMs)
{
    m_nowMs = nowMs;
    if (m_refreshAtMs && nowMs >= *m_refreshAtMs && !m_refreshing) refresh();
}

std::optional<double> Session::nextUpdateAt() const
{
    if (m_refreshing) return std::nullopt;
    return m_refreshAtMs;
}

double Session::now() const
{
    return m_clock ? m_clock() : m_nowMs;
}

// [SECTION] Signed-in calls

HttpReply Session::unauthenticated()
{
    HttpReply r;
    r.status = 401;
    r.body = R"({"error":{"code":"unauthenticated","field":"","message":"not signed in"}})";
    return r;
}

void Session::callRaw(HttpRequest request, std::function<void(HttpReply)> done)
{
    send(Waiting{std::move(request), std::move(done), false});
}

void Session::send(Waiting call)
{
    if (m_phase == SessionPhase::Unknown || m_refreshing) {
        m_waiting.push_back(std::move(call)); // sent once the refresh under way has answered
        return;
    }
    if (m_phase == SessionPhase::SignedOut) {
        call.done(unauthenticated());
        return;
    }
    HttpRequest request = call.request;
    request.setHeader("Authorization", "Bearer " + m_token);
    const std::string used = m_token;
    m_api.sendRaw(std::move(request), [this, call = std::move(call), used](const HttpReply& reply) mutable {
        if (reply.status == 401 && ApiClient::classify(reply).is("token_expired") && !call.retried) {
            call.retried = true;
            if (signedIn() && m_token != used) {
                send(std::move(call)); // another call refreshed meanwhile: the new token will do
                return;
            }
            m_waiting.push_back(std::move(call));
            refresh();
            return;
        }
        if (endsSession(reply) && signedIn() && m_token == used) forget();
        call.done(reply);
    });
}

// [SECTION] Refresh

void Session::refresh()
{
    if (m_refreshing) return;
    m_refreshing = true;
    m_refreshAtMs.reset();
    m_exclusive([this](std::function<void()> release) {
        HttpRequest request = HttpRequest::empty("POST", kRefreshUrl);
        request.setHeader(kCsrfHeader, "1");
        m_api.sendRaw(std::move(request), [this, release = std::move(release)](const HttpReply& reply) {
            release();
            refreshed(reply);
        });
    });
}

void Session::refreshed(const HttpReply& reply)
{
    m_refreshing = false;
    const ApiResult<AuthTokens> r = ApiClient::interpret<AuthTokens>(reply);
    if (r.ok) {
        signedInWith(r.value);
        return;
    }
    const bool transient = reply.status == 0 || reply.status == 429 || reply.status >= 500;
    if (!transient) {
        // 401: the refresh cookie is gone, expired or was revoked (another device ended this
        // session). Any other refusal (a 403 for the CSRF header, a server without accounts)
        // cannot be mended by trying again either: signed out.
        forget();
        return;
    }
    // No answer, or a server fault: the session may well be alive. Try again later; meanwhile a
    // signed-in device keeps its token, and a device that just started counts as signed out.
    m_refreshAtMs = now() + m_retryDelayMs;
    m_retryDelayMs = std::min(kRetryMaxMs, m_retryDelayMs * 2);
    if (m_phase == SessionPhase::Unknown) setPhase(SessionPhase::SignedOut);
    std::vector<Waiting> waiting;
    waiting.swap(m_waiting);
    for (Waiting& w : waiting)
        w.done(reply); // the screens show the connection error with Retry
}

// [SECTION] Changes and listeners

void Session::signedInWith(const AuthTokens& tokens)
{
    m_token = tokens.accessToken;
    m_user = tokens.user;
    m_refreshAtMs = now() + refreshDelayMs(tokens.expiresIn);
    m_retryDelayMs = kRetryFirstMs;
    m_phase = SessionPhase::SignedIn;
    ++m_generation;
    notify();
    std::vector<Waiting> waiting;
    waiting.swap(m_waiting);
    for (Waiting& w : waiting)
        send(std::move(w));
}

void Session::userChanged(const User& user)
{
    if (!signedIn()) return;
    m_user = user;
    ++m_generation;
    notify();
}

void Session::signOut(std::function<void()> done)
{
    if (!signedIn()) {
        forget();
        if (done) done();
        return;
    }
    callRaw(HttpRequest::empty("POST", kLogoutUrl), [this, done = std::move(done)](const HttpReply&) {
        forget(); // whatever the answer: this device is signed out
        if (done) done();
    });
}

void Session::forget()
{
    const bool changed = m_phase != SessionPhase::SignedOut || m_user.has_value();
    m_token.clear();
    m_user.reset();
    m_refreshAtMs.reset();
    m_phase = SessionPhase::SignedOut;
    if (changed) {
        ++m_generation;
        notify();
    }
    std::vector<Waiting> waiting;
    waiting.swap(m_waiting);
    for (Waiting& w : waiting)
        w.done(unauthenticated());
}

void Session::setPhase(SessionPhase phase)
{
    if (m_phase == phase) return;
    m_phase = phase;
    ++m_generation;
    notify();
}

void Session::notify()
{
    // A listener may subscribe another (a module entering): iterate over a copy.
    const auto listeners = m_listeners;
    for (const auto& l : listeners)
        l();
}

void Session::describe(nlohmann::json& state) const
{
    nlohmann::json a{{"phase", toString(m_phase)}, {"signedIn", signedIn()}};
    a["email"] = m_user ? m_user->email : "";
    a["displayName"] = m_user ? m_user->displayName : "";
    a["role"] = m_user ? std::string(toString(m_user->role)) : "";
    state["account"] = std::move(a);
}

} // namespace dongelek
