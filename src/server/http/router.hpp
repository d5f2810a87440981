// The HTTP adapter: routes, request validation, error mapping, static files and media.
// Its .cpp is the only translation unit that includes RESTinio.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace dongelek::server {

class JsonApi;
class MediaStore;
class StaticFiles;

struct HttpServices {
    JsonApi& api;
    MediaStore& media;
    StaticFiles& web;
};

struct HttpOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;
    int threads = 1;
    int renderThreads = 1; // photo rendering runs off the I/O threads
};

using LogFn = std::function<void(const std::string& line)>;

// Serves until SIGINT or SIGTERM. Returns the process exit code (1 when the address
// cannot be bound). `log` gets one line per startup fact and per server fault.
int runHttpServer(const HttpOptions& options, HttpServices& services, const LogFn& log);

} // namespace dongelek::server
