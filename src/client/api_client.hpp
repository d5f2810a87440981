// Typed access to the Dongelek API: GET a site-relative URL, parse the reply with the shared
// JSON mapping, turn every failure into one RequestError the UI can show. Features build their
// own URLs (client/features/<name>/); this class knows no endpoint.
#pragma once

#include "client/task_queue.hpp"
#include "core/json_mapping.hpp"
#include "core/model.hpp"

#include <functional>
#include <string>

namespace dongelek {

// What went wrong, as the UI explains it (each kind has its own localized message).
enum class ErrorKind { None, Network, NotFound, BadRequest, Server, BadResponse };

struct RequestError {
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;
    ApiError api;       // the server's error body when it sent one
    std::string detail; // transport or parse message, for logs and the test hook
};

template <typename T> struct ApiResult {
    bool ok = false;
    T value{};
    RequestError error;
};

// Raw transport: GET a site-relative URL; `done` may run on any thread.
struct HttpReply {
    int status = 0; // 0 = no HTTP answer
    std::string body;
    std::string transportError;
};
using HttpGetFn = std::function<void(const std::string& url, std::function<void(HttpReply)> done)>;

class ApiClient {
public:
    // Replies are delivered through `queue`, so callbacks always run on the main thread.
    ApiClient(HttpGetFn http, TaskQueue& queue) : m_http(std::move(http)), m_queue(queue) {}

    // GETs `url` and hands `done` the parsed T or the error, on the main thread.
    template <typename T> void get(const std::string& url, std::function<void(ApiResult<T>)> done)
    {
        TaskQueue* queue = &m_queue;
        m_http(url, [queue, done = std::move(done)](HttpReply reply) mutable {
            // Parsing happens on the main thread too (replies are small), keeping T off worker threads.
            queue->post([done = std::move(done), reply = std::move(reply)] { done(interpret<T>(reply)); });
        });
    }

    // Maps a raw reply to either a parsed T or a RequestError (pure; unit-testable).
    template <typename T> static ApiResult<T> interpret(const HttpReply& reply)
    {
        ApiResult<T> result;
        result.error = classify(reply);
        if (result.error.kind != ErrorKind::None) return result;
        std::string parseError;
        if (!parseJson(reply.body, result.value, &parseError)) {
            result.error.kind = ErrorKind::BadResponse;
            result.error.detail = parseError;
            return result;
        }
        result.ok = true;
        return result;
    }

    // The error of a reply that is not a 2xx HTTP answer (kind None for a 2xx).
    static RequestError classify(const HttpReply& reply);

private:
    HttpGetFn m_http;
    TaskQueue& m_queue;
};

} // namespace dongelek
