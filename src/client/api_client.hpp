// Typed access to the Dongelek API: send a request to a site-relative URL (GET, or POST/PATCH/
// DELETE with a JSON body and headers), parse the reply with the shared JSON mapping, turn every
// failure into one RequestError the UI can show. Features build their own URLs and bodies
// (client/features/<name>/); this class knows no endpoint. Signed-in calls go through the
// Session (client/session.hpp), which adds the access token.
#pragma once

#include "client/task_queue.hpp"
#include "core/json_mapping.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace dongelek {

// What went wrong, as the UI explains it (each kind has its own localized message).
// Unauthorized (401), Forbidden (403) and RateLimited (429) are the 4xx the account screens
// tell apart; every other 4xx is BadRequest.
enum class ErrorKind { None, Network, NotFound, BadRequest, Unauthorized, Forbidden, RateLimited, Server, BadResponse };

struct RequestError {
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;
    ApiError api;         // the server's error body when it sent one
    std::string detail;   // transport or parse message, for logs and the test hook
    int retryAfterS = 0;  // 429: Retry-After (the header, else the body's "retryAfter")
    bool is(std::string_view code) const { return api.code == code; }
};

template <typename T> struct ApiResult {
    bool ok = false;
    T value{};
    RequestError error;
};

// An answer whose body does not matter (204, or a status the caller only checks).
struct NoContent {};

// [SECTION] Raw transport

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET"; // GET, POST, PATCH, DELETE
    std::string url;            // site-relative: "/api/v1/me"
    HttpHeaders headers;        // Authorization, X-Dongelek-CSRF, Content-Type, ...
    std::string body;
    // Optional: how much of `body` the transport has sent, out of `total` (a progress bar for an
    // upload). Through an HttpSendFn it is called zero or more times with increasing `sent`, before
    // `done` and on any thread, like `done`; ApiClient::sendRaw hands each call to the main-thread
    // queue, so its callers see them between frames, in order, before their reply. Empty: as before.
    std::function<void(std::uint64_t sent, std::uint64_t total)> onUploadProgress;
    // Shorthands: a GET, and a request with a JSON body (Content-Type set).
    static HttpRequest get(std::string url);
    static HttpRequest json(std::string method, std::string url, const nlohmann::json& body);
    static HttpRequest empty(std::string method, std::string url); // POST/DELETE without a body
    // The value of header `name` (case-insensitive), "" when absent.
    std::string header(std::string_view name) const;
    void setHeader(std::string name, std::string value); // replaces one of the same name
};

struct HttpReply {
    HttpReply() = default;
    HttpReply(int status_, std::string body_, std::string transportError_ = {}, HttpHeaders headers_ = {})
        : status(status_), body(std::move(body_)), transportError(std::move(transportError_)), headers(std::move(headers_))
    {
    }
    int status = 0; // 0 = no HTTP answer
    std::string body;
    std::string transportError;
    HttpHeaders headers; // the answer's headers the transport could read (web: not Set-Cookie)
    std::string header(std::string_view name) const; // case-insensitive, "" when absent
};

// `done` (and the request's onUploadProgress, always before `done`) may run on any thread.
using HttpSendFn = std::function<void(HttpRequest request, std::function<void(HttpReply)> done)>;

// Case-insensitive ASCII comparison of header names.
bool sameHeaderName(std::string_view a, std::string_view b);

class ApiClient {
public:
    // Replies are delivered through `queue`, so callbacks always run on the main thread.
    ApiClient(HttpSendFn http, TaskQueue& queue) : m_http(std::move(http)), m_queue(queue) {}

    // GETs `url` and hands `done` the parsed T or the error, on the main thread.
    template <typename T> void get(const std::string& url, std::function<void(ApiResult<T>)> done)
    {
        send<T>(HttpRequest::get(url), std::move(done));
    }
    // Any request; `done` gets the parsed T (NoContent: any 2xx) or the error, on the main thread.
    template <typename T> void send(HttpRequest request, std::function<void(ApiResult<T>)> done)
    {
        sendRaw(std::move(request), [done = std::move(done)](HttpReply reply) { done(interpret<T>(reply)); });
    }
    // The raw reply, on the main thread (the session looks at a 401 before anyone parses it).
    // The request's onUploadProgress, if set, is called on the main thread too, each call before the
    // reply (the queue keeps the order the transport reported them in).
    void sendRaw(HttpRequest request, std::function<void(HttpReply)> done)
    {
        TaskQueue* queue = &m_queue;
        if (request.onUploadProgress) {
            // Shared, not copied per call: the caller's callable is only ever run on the main thread.
            auto progress = std::make_shared<const std::function<void(std::uint64_t, std::uint64_t)>>(
                std::move(request.onUploadProgress));
            request.onUploadProgress = [queue, progress](std::uint64_t sent, std::uint64_t total) {
                queue->post([progress, sent, total] { (*progress)(sent, total); });
            };
        }
        m_http(std::move(request), [queue, done = std::move(done)](HttpReply reply) mutable {
            // Parsing happens on the main thread too (replies are small), keeping T off worker threads.
            queue->post([done = std::move(done), reply = std::move(reply)] { done(reply); });
        });
    }

    // Maps a raw reply to either a parsed T or a RequestError (pure; unit-testable).
    template <typename T> static ApiResult<T> interpret(const HttpReply& reply)
    {
        ApiResult<T> result;
        result.error = classify(reply);
        if (result.error.kind != ErrorKind::None) return result;
        if constexpr (!std::is_same_v<T, NoContent>) {
            std::string parseError;
            if (!parseJson(reply.body, result.value, &parseError)) {
                result.error.kind = ErrorKind::BadResponse;
                result.error.detail = parseError;
                return result;
            }
        }
        result.ok = true;
        return result;
    }

    // The error of a reply that is not a 2xx HTTP answer (kind None for a 2xx).
    static RequestError classify(const HttpReply& reply);

private:
    HttpSendFn m_http;
    TaskQueue& m_queue;
};

} // namespace dongelek
