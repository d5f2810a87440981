// The HTTP transport: RESTinio serves the route table through the chain. server.cpp is
// one of the two translation units that include RESTinio (header_parsers.cpp the other).
#pragma once

#include "server/http/chain.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dongelek::server {

class RouteTable;

struct HttpOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;
    int threads = 1;
    std::chrono::milliseconds slowRequest{1000}; // slower requests get a log line
    Authenticator authenticate;                  // bearer tokens (the accounts feature)
    bool tls = false;                            // served over TLS behind a proxy: HSTS
    std::vector<std::string> trustedProxies;     // --trusted-proxy: whose X-Forwarded-For counts
    // Called once the I/O threads have stopped and before the connections go away: finish
    // deferred work here (the photo pool), since its answers still reach the connections.
    std::function<void()> drainDeferredWork;
};

// Serves until SIGINT or SIGTERM. Returns the process exit code (1 when the address
// cannot be bound). `log` gets one line per startup fact and per server fault.
int runHttpServer(const HttpOptions& options, const RouteTable& routes, const LogFn& log);

} // namespace dongelek::server
