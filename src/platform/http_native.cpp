// http.hpp on the desktop: cpp-httplib on the shared worker threads, one keep-alive client per
// thread (httplib::Client is not thread-safe, and keep-alive saves a handshake per thumbnail).
// Cookies as a browser keeps them for one site (client/cookie_jar.hpp): what Set-Cookie says is
// kept per server and sent back on matching paths; persistent cookies (the refresh cookie's
// Max-Age) are remembered between runs in the private preferences (platform/preferences.hpp,
// a file only this user can read), so a restart stays signed in.

#include "platform/http.hpp"
#include "platform/preferences.hpp"
#include "platform/workers_native.hpp"

#include "client/cookie_jar.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

namespace dongelek::platform {

namespace {

std::mutex g_mutex; // the base and the jar
std::string g_base = "http://localhost:8080";
CookieJar g_jar;
std::string g_jarFor; // the base whose cookies g_jar holds ("" = not loaded yet)

double epochSeconds()
{
    using namespace std::chrono;
    return duration_cast<duration<double>>(system_clock::now().time_since_epoch()).count();
}

std::string serverBase()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    return g_base;
}

std::string jarKey(const std::string& base) { return "cookies " + base; }

// With g_mutex held: the jar of `base`, read from the private preferences on first use.
CookieJar& jarFor(const std::string& base)
{
    if (g_jarFor != base) {
        g_jarFor = base;
        g_jar.load(loadPrivatePreference(jarKey(base)), epochSeconds());
    }
    return g_jar;
}

bool secure(const std::string& base) { return base.rfind("https://", 0) == 0; }

// Upload progress for a request that asks for it: the body goes out through a ContentProvider in
// chunks of this size, reported as each is written to the socket.
constexpr std::size_t kUploadChunk = 64 * 1024;

// Sends a request with a body and onUploadProgress (POST, PUT or PATCH: the methods httplib sends
// from a ContentProvider) chunk by chunk. The provider may start over if httplib retries, so only
// counts past the highest one reported are passed on.
httplib::Result sendWithProgress(httplib::Client& client, const HttpRequest& request, const httplib::Headers& headers)
{
    const std::string& body = request.body;
    const auto total = static_cast<std::uint64_t>(body.size());
    std::uint64_t reported = 0;
    httplib::ContentProvider provider = [&](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        if (offset > body.size()) return false;
        const std::size_t n = std::min({length, kUploadChunk, body.size() - offset});
        if (!sink.write(body.data() + offset, n)) return false;
        const auto sent = static_cast<std::uint64_t>(offset + n);
        if (sent > reported) {
            reported = sent;
            request.onUploadProgress(sent, total);
        }
        return true;
    };
    // With a string body httplib adds "Content-Type: text/plain" when none is given; the same here
    // (httplib::Headers compares names case-insensitively).
    const std::string contentType = headers.count("Content-Type") ? "" : "text/plain";
    if (request.method == "POST") return client.Post(request.url, headers, body.size(), provider, contentType);
    if (request.method == "PUT") return client.Put(request.url, headers, body.size(), provider, contentType);
    return client.Patch(request.url, headers, body.size(), provider, contentType);
}

bool isSetCookie(const std::string& name)
{
    static const char kName[] = "set-cookie";
    if (name.size() != sizeof kName - 1) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(name[i])) != kName[i]) return false;
    return true;
}

HttpResponse send(const HttpRequest& request)
{
    thread_local std::unique_ptr<httplib::Client> client;
    thread_local std::string clientBase;
    const std::string base = serverBase();
    if (!client || clientBase != base) {
        clientBase = base;
        client = std::make_unique<httplib::Client>(base);
        client->set_keep_alive(true);
        client->set_connection_timeout(5, 0);
        client->set_read_timeout(20, 0);
    }
    httplib::Request req;
    req.method = request.method;
    req.path = request.url;
    for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
    // A body with onUploadProgress goes out chunk by chunk (sendWithProgress), not copied here.
    const bool chunked = request.onUploadProgress && !request.body.empty() &&
                         (request.method == "POST" || request.method == "PUT" || request.method == "PATCH");
    if (!request.body.empty() && !chunked) req.body = request.body;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        const std::string cookies = jarFor(base).header(request.url, epochSeconds(), secure(base));
        if (!cookies.empty()) req.headers.emplace("Cookie", cookies);
    }
    HttpResponse response;
    if (auto res = chunked ? sendWithProgress(*client, request, req.headers) : client->send(req)) {
        if (request.onUploadProgress && !chunked) { // nothing to count in chunks: all of it went
            const auto total = static_cast<std::uint64_t>(request.body.size());
            request.onUploadProgress(total, total);
        }
        response.status = res->status;
        response.body = std::move(res->body);
        std::lock_guard<std::mutex> lock(g_mutex); // saved under the lock: two answers never save out of order
        CookieJar& jar = jarFor(base);
        bool changed = false;
        for (const auto& [name, value] : res->headers) {
            response.headers.emplace_back(name, value);
            if (isSetCookie(name)) changed = jar.receive(value, request.url, epochSeconds(), secure(base)) || changed;
        }
        if (changed) savePrivatePreference(jarKey(base), jar.save(epochSeconds()));
    } else {
        response.error = httplib::to_string(res.error());
        client.reset(); // a broken connection must not poison the next request
    }
    return response;
}

} // namespace

void httpSend(HttpRequest request, std::function<void(HttpResponse)> done)
{
    native::post([request = std::move(request), done = std::move(done)] { done(send(request)); });
}

void httpGet(const std::string& url, std::function<void(HttpResponse)> done)
{
    HttpRequest request;
    request.url = url;
    httpSend(std::move(request), std::move(done));
}

void setServerBase(const std::string& baseUrl)
{
    std::string base = baseUrl;
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::lock_guard<std::mutex> lock(g_mutex);
    g_base = base;
}

std::string siteOrigin() { return serverBase(); }

void runExclusive(const std::string&, std::function<void(std::function<void()> release)> work)
{
    work([] {}); // one window per run: nobody to share the refresh token with
}

} // namespace dongelek::platform
