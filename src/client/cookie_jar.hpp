// A small cookie jar for the desktop app, which talks HTTP without a browser: it keeps what
// Set-Cookie headers say (name, value, Path, Max-Age, Secure) and answers the Cookie header for
// a request's path, as a browser would for one site. The web app never uses it: there the
// browser keeps the HttpOnly refresh cookie itself and sends it with same-origin requests.
// Platform-free and clock-free (times are passed in), so it is unit-tested.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

class CookieJar {
public:
    struct Cookie {
        std::string name, value, path;
        double expiresAtS = 0; // 0 = a session cookie (this run only)
        bool secure = false;
    };

    // Takes one Set-Cookie header value received in answer to a request for `requestPath`.
    // An empty value or Max-Age <= 0 removes the cookie. Expires= is not parsed: such a cookie
    // lasts for this run only unless Max-Age is given too (our server always sends Max-Age).
    // A Secure cookie is ignored over plain HTTP. Returns true when the jar changed.
    bool receive(std::string_view setCookie, std::string_view requestPath, double nowS, bool secureChannel);
    // "a=1; b=2" for a request to `path` ("" when no cookie applies): Path matches as RFC 6265
    // says (a prefix ending at a '/'), expired cookies are dropped, longer paths first.
    std::string header(std::string_view path, double nowS, bool secureChannel) const;

    // The persistent cookies (those with Max-Age) as JSON text, and reading them back; a broken
    // or foreign text loads nothing.
    std::string save(double nowS) const;
    void load(std::string_view json, double nowS);

    const std::vector<Cookie>& cookies() const { return m_cookies; }
    void clear() { m_cookies.clear(); }

private:
    std::vector<Cookie> m_cookies;
};

// RFC 6265 5.1.4: `requestPath` is inside `cookiePath`.
bool cookiePathMatches(std::string_view requestPath, std::string_view cookiePath);

} // namespace dongelek
