// http.hpp on the desktop: cpp-httplib on the shared worker threads, one keep-alive client per
// thread (httplib::Client is not thread-safe, and keep-alive saves a handshake per thumbnail).

#include "platform/http.hpp"
#include "platform/workers_native.hpp"

#include <httplib.h>

#include <memory>
#include <mutex>

namespace dongelek::platform {

namespace {

std::mutex g_baseMutex;
std::string g_base = "http://localhost:8080";

std::string serverBase()
{
    std::lock_guard<std::mutex> lock(g_baseMutex);
    return g_base;
}

HttpResponse get(const std::string& url)
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
    HttpResponse response;
    if (auto res = client->Get(url)) {
        response.status = res->status;
        response.body = std::move(res->body);
    } else {
        response.error = httplib::to_string(res.error());
        client.reset(); // a broken connection must not poison the next request
    }
    return response;
}

} // namespace

void httpGet(const std::string& url, std::function<void(HttpResponse)> done)
{
    native::post([url, done = std::move(done)] { done(get(url)); });
}

void setServerBase(const std::string& baseUrl)
{
    std::string base = baseUrl;
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::lock_guard<std::mutex> lock(g_baseMutex);
    g_base = base;
}

} // namespace dongelek::platform
