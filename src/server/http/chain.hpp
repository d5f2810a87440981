// The steps around every handler, in order: request id, request-target checks (414/400),
// routing (404/405), body limit (413), access, the handler, error mapping, then timing,
// security headers and logs on the way out. No RESTinio: tests run it without a network.
#pragma once

#include "server/http/route_table.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server {

using LogFn = std::function<void(const std::string& line)>;

// The Content-Security-Policy of every response. The wasm app runs under it: its own scripts
// only (no inline script, no eval; WebAssembly compilation is 'wasm-unsafe-eval'), same-origin
// fetches, its photo worker, images from itself and data/blob URLs, no framing. Inline styles
// stay allowed for the loading screen's CSS.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; "
    "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

struct ChainOptions {
    LogFn log;                                   // server faults and slow requests, one line each
    std::chrono::milliseconds slowRequest{1000}; // at least this long: a log line
    Authenticator authenticate;                  // bearer tokens -> principals; unset: every token is refused
    bool tls = false;                            // served over TLS (--public-url https://...): HSTS
    // Peers whose X-Forwarded-For is believed (the reverse proxy, --trusted-proxy): a request
    // from one gets the last address that header names as its remoteAddress.
    std::vector<std::string> trustedProxies;
};

class Chain {
public:
    Chain(const RouteTable& routes, ChainOptions options);

    // Runs `request` through every step. Returns the finished response, or nullopt when
    // the handler answers later through a Responder (which then hands the finished
    // response to request.lateSend). Never throws.
    std::optional<Response> handle(Request& request) const;

    // The headers every response gets (security and request id): the adapter's 500 of
    // last resort uses it too. `started` feeds Server-Timing and the slow-request log.
    void finish(Response& response, Method method, std::string_view requestId, std::string_view logPath,
                std::chrono::steady_clock::time_point started) const;

    // The response for an exception escaping a handler: ClientError -> its JSON 4xx,
    // anything else -> a 500 {"error":{"code":"internal",...}} and one log line with the
    // request id (never the body or the query, which may hold what users typed).
    Response fault(std::exception_ptr error, std::string_view requestId, Method method, std::string_view logPath) const;

    // A fresh request id: this process's random prefix and a counter ("5f3a9c1e-2a").
    std::string newRequestId() const;
    // The client's X-Request-Id when it is 1..64 characters of [A-Za-z0-9._:-], else empty.
    static std::string_view saneRequestId(std::string_view incoming);

    const LogFn& log() const { return m_options.log; }

private:
    const RouteTable& m_routes;
    ChainOptions m_options;
    std::string m_bootPrefix;
    mutable std::atomic<std::uint64_t> m_counter{0};
};

} // namespace dongelek::server
