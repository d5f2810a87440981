// The signed-in session, a service of the app shell every feature can use: who is signed in,
// the access token (in memory only, never stored), the refresh that finds out at start-up
// whether a reload is still signed in (the refresh token is an HttpOnly cookie the browser
// keeps; the desktop's transport keeps it in its cookie jar), a silent refresh shortly before
// the token runs out, and signed-in calls that refresh once after a 401 token_expired and
// repeat the request, so a user never sees an expired-token error. docs/accounts-api.md.
#pragma once

#include "client/api_client.hpp"
#include "core/accounts.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dongelek {

enum class SessionPhase {
    Unknown, // the start-up refresh has not answered yet
    SignedOut,
    SignedIn,
};
const char* toString(SessionPhase phase);

class Session {
public:
    static constexpr const char* kRefreshUrl = "/api/v1/auth/refresh";
    static constexpr const char* kLogoutUrl = "/api/v1/auth/logout";
    static constexpr const char* kCsrfHeader = "X-Dongelek-CSRF";
    // After a refresh that failed for want of a connection (not a 401), the next try waits this
    // long, doubling up to the maximum.
    static constexpr double kRetryFirstMs = 5'000;
    static constexpr double kRetryMaxMs = 60'000;

    // When the refresh is due after tokens that live `expiresInS` seconds: a minute before they
    // run out, but never before half their life (short-lived test tokens).
    static double refreshDelayMs(int expiresInS);

    // Runs `work` while no other tab of this site refreshes (rotating refresh tokens: two tabs
    // refreshing with the same cookie at once would look like a stolen token to the server).
    // `work` calls `release` when it is done. The default runs at once.
    using ExclusiveFn = std::function<void(std::function<void(std::function<void()> release)> work)>;

    explicit Session(ApiClient& api);
    void setExclusive(ExclusiveFn exclusive) { m_exclusive = std::move(exclusive); }
    // The clock replies are timed by (they land between frames, before update() says the time).
    // Default: the time of the last update().
    void setClock(std::function<double()> clock) { m_clock = std::move(clock); }

    // [SECTION] Life cycle (the shell calls these)
    void start(); // the start-up refresh
    void update(double nowMs);
    std::optional<double> nextUpdateAt() const;

    // [SECTION] Who is signed in
    SessionPhase phase() const { return m_phase; }
    bool signedIn() const { return m_phase == SessionPhase::SignedIn; }
    const std::optional<User>& user() const { return m_user; }
    const User* currentUser() const { return m_user ? &*m_user : nullptr; } // null when signed out
    // Bumps on every sign-in, sign-out and change of the user, for modules that cache what
    // they showed for one account.
    std::uint64_t generation() const { return m_generation; }
    // Called after every change of phase or user (sign-in, sign-out, a new display name).
    void subscribe(std::function<void()> listener) { m_listeners.push_back(std::move(listener)); }

    // [SECTION] Signed-in calls
    // Sends `request` with "Authorization: Bearer <token>". A 401 token_expired refreshes once
    // and sends it again; a 401 that ends the session signs out. Calls made before the
    // start-up refresh answered wait for it; calls while signed out answer 401 unauthenticated
    // without a request. `done` runs on the main thread.
    void callRaw(HttpRequest request, std::function<void(HttpReply)> done);
    template <typename T> void call(HttpRequest request, std::function<void(ApiResult<T>)> done)
    {
        callRaw(std::move(request),
                [done = std::move(done)](const HttpReply& reply) { done(ApiClient::interpret<T>(reply)); });
    }

    // [SECTION] Changes
    // A sign-in answered with tokens (password, phone code or refresh).
    void signedInWith(const AuthTokens& tokens);
    // The server sent the user again (a changed name, a confirmed phone, 2FA on or off).
    void userChanged(const User& user);
    // Signs out this device: POST /auth/logout with the token (the server ends the session and
    // clears the cookie), then forgets everything here whatever the answer. `done` may be empty.
    void signOut(std::function<void()> done = {});

    // [SECTION] Hand-over between account screens (never stored on the device)
    // The email just registered, for "check your mail" and its resend button.
    void setPendingEmail(std::string email) { m_pendingEmail = std::move(email); }
    const std::string& pendingEmail() const { return m_pendingEmail; }

    // The test hook's "account" object: {phase, signedIn, email, displayName, role}.
    void describe(nlohmann::json& state) const;

    // For tests: the token in use and when the next refresh is due.
    const std::string& accessTokenForTests() const { return m_token; }
    std::optional<double> refreshDueAt() const;

private:
    struct Waiting {
        HttpRequest request;
        std::function<void(HttpReply)> done;
        bool retried = false;
    };
    void send(Waiting call);
    void refresh();
    void refreshed(const HttpReply& reply);
    void forget(); // signed out here (the server said the session is over, or the user signed out)
    void setPhase(SessionPhase phase);
    double now() const;
    void notify();
    static HttpReply unauthenticated();

    ApiClient& m_api;
    ExclusiveFn m_exclusive;
    std::function<double()> m_clock;
    SessionPhase m_phase = SessionPhase::Unknown;
    std::optional<User> m_user;
    std::string m_token;
    std::uint64_t m_generation = 0;
    double m_nowMs = 0;
    std::optional<double> m_refreshAtMs; // the silent refresh
    double m_retryDelayMs = kRetryFirstMs;
    bool m_refreshing = false;
    bool m_started = false;
    std::vector<Waiting> m_waiting; // calls waiting for a refresh to answer
    std::vector<std::function<void()>> m_listeners;
    std::string m_pendingEmail;
};

} // namespace dongelek
